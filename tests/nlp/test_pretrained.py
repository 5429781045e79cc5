"""kg.nlp.pretrained: the HanLP pretrained multi-task backend.

No pretrained HanLP model can be downloaded here, so the model is a stand-in
callable returning a dict shaped exactly like a HanLP ``Document`` as
documented (task keys, one entry per input sentence), and download failures
are simulated by monkeypatching ``hanlp.load`` / the connection probe.
"""

from __future__ import annotations

import socket

import pytest

from kg.doc import Sentence
from kg.nlp import pretrained
from kg.nlp.base import ModelNotAvailable
from kg.nlp.pretrained import PretrainedHanLP, load_pretrained, resolve_name

NAME = "CLOSE_TOK_POS_NER_SRL_DEP_SDP_CON_ELECTRA_SMALL_ZH"


class StandInMTL:
    """Tokenizes on a fixed word list and tags every known word like the msra NER task."""

    LEXICON = {"李明": "PERSON", "上海": "LOCATION", "华为公司": "ORGANIZATION", "在": None, "访问": None, "。": None}

    def __init__(self):
        self.calls: list[list[str]] = []

    def _tokenize(self, text: str) -> list[str]:
        words, i = [], 0
        while i < len(text):
            for word in sorted(self.LEXICON, key=len, reverse=True):
                if text.startswith(word, i):
                    break
            else:
                word = text[i]
            words.append(word)
            i += len(word)
        return words

    def __call__(self, texts: list[str]) -> dict:
        self.calls.append(texts)
        tok = [self._tokenize(t) for t in texts]
        ner = [
            [[w, self.LEXICON[w], i, i + 1] for i, w in enumerate(words) if self.LEXICON.get(w)]
            for words in tok
        ]
        dep = [[[0 if i == 0 else 1, "root" if i == 0 else "dep"] for i in range(len(words))] for words in tok]
        return {"tok/fine": tok, "ner/msra": ner, "dep": dep, "srl": [[] for _ in tok]}


def test_backend_translates_the_document_per_sentence():
    sentences = [Sentence(0, 9, "李明在上海访问。"), Sentence(9, 16, "华为公司在上海。")]
    backend = PretrainedHanLP(NAME, model=StandInMTL())
    first, second = backend.analyze(sentences)
    assert [(e.start, e.end, e.text, e.type) for e in first.entities] == [
        (0, 2, "李明", "Person"), (3, 5, "上海", "Place")
    ]
    assert [(e.start, e.end, e.text, e.type) for e in second.entities] == [
        (9, 13, "华为公司", "Organization"), (14, 16, "上海", "Place")
    ]
    assert len(first.dependencies) == len(first.tokens) and first.dependencies[0].head == -1


def test_long_sentences_are_analysed_in_pieces_and_merged(monkeypatch):
    monkeypatch.setattr(pretrained, "MAX_LENGTH", 12)
    text = "李明在上海访问，" * 4
    model = StandInMTL()
    (analysis,) = PretrainedHanLP(NAME, model=model).analyze([Sentence(5, 5 + len(text), text)])
    assert len(model.calls[0]) > 1
    assert [e.text for e in analysis.entities] == ["李明", "上海"] * 4
    for e in analysis.entities:
        assert text[e.start - 5 : e.end - 5] == e.text
    assert "".join(t.text for t in analysis.tokens) == text
    heads = [d.head for d in analysis.dependencies]
    assert len(heads) == len(analysis.tokens) and all(-1 <= h < len(heads) for h in heads)


def test_resolve_name_accepts_short_and_qualified_names():
    url = resolve_name(NAME)
    assert url.startswith("https://") and resolve_name(f"hanlp.pretrained.mtl.{NAME}") == url


def test_unknown_name_says_what_to_do():
    with pytest.raises(ModelNotAvailable, match="unknown HanLP model 'NO_SUCH_MODEL'.*offline"):
        resolve_name("NO_SUCH_MODEL")


def test_download_failure_names_model_cause_and_offline_alternative(monkeypatch):
    import hanlp

    def failing_load(*args, **kwargs):
        raise ConnectionError("Max retries exceeded with url: /hanlp/mtl/close.zip")

    monkeypatch.setattr(pretrained, "_cached", lambda url: False)
    monkeypatch.setattr(pretrained, "_probe", lambda url, timeout: None)
    monkeypatch.setattr(hanlp, "load", failing_load)
    with pytest.raises(ModelNotAvailable) as info:
        load_pretrained(NAME)
    message = str(info.value)
    assert NAME in message
    assert "ConnectionError" in message and "Max retries exceeded" in message
    assert "--model offline" in message and "kg train-ner" in message


def test_unreachable_server_fails_fast_without_calling_hanlp(monkeypatch):
    import hanlp

    def refuse(address, timeout=None):
        assert timeout is not None and timeout <= 10
        raise socket.timeout("timed out")

    def must_not_load(*args, **kwargs):
        raise AssertionError("hanlp.load must not run when the server is unreachable")

    monkeypatch.setattr(pretrained, "_cached", lambda url: False)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(hanlp, "load", must_not_load)
    with pytest.raises(ModelNotAvailable, match=f"{NAME}.*timed out.*offline"):
        load_pretrained(NAME)


def test_socket_timeout_is_restored_after_loading(monkeypatch):
    import hanlp

    seen = []
    monkeypatch.setattr(pretrained, "_cached", lambda url: True)
    monkeypatch.setattr(hanlp, "load", lambda url: seen.append(socket.getdefaulttimeout()) or StandInMTL())
    before = socket.getdefaulttimeout()
    load_pretrained(NAME, timeout=3.0)
    assert seen == [3.0] and socket.getdefaulttimeout() == before
