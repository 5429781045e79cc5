"""kg.nlp.offline: the shipped HanLP NER model, loaded for real (once per module)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.doc import Sentence
from kg.nlp.base import ModelNotAvailable
from kg.nlp.model_dir import shipped_model_dir
from kg.nlp.offline import OfflineHanLP, chunk_text, load_hanlp_model


@pytest.fixture(scope="module")
def backend() -> OfflineHanLP:
    return OfflineHanLP(shipped_model_dir())


def _sentences(*texts: str, start: int = 0) -> list[Sentence]:
    out = []
    for text in texts:
        out.append(Sentence(start, start + len(text), text))
        start += len(text) + 1
    return out


def _found(analysis) -> set[tuple[str, str]]:
    return {(e.text, e.type) for e in analysis.entities}


def test_the_model_is_a_hanlp_component_of_ours(backend):
    from kg.nlp.ner_model import BigramNerTagger

    assert isinstance(backend.model, BigramNerTagger)
    assert backend.name.startswith("offline:")


def test_recognizes_people_places_and_organizations(backend):
    sentences = _sentences(
        "国务院总理李克强今天在北京人民大会堂会见了美国国务卿。",
        "中国科学院上海硅酸盐研究所与复旦大学签署合作协议。",
        "江泽民主席在上海考察浦东新区。",
        start=37,
    )
    first, second, third = backend.analyze(sentences)
    assert ("李克强", "Person") in _found(first)
    assert ("北京", "Place") in _found(first) or ("北京人民大会堂", "Place") in _found(first)
    assert ("复旦大学", "Organization") in _found(second)
    assert ("江泽民", "Person") in _found(third)
    assert ("上海", "Place") in _found(third)


def test_spans_are_exact_article_offsets(backend):
    sentences = _sentences("新华社北京三月五日电，温家宝在人民大会堂作政府工作报告。", "李鹏会见了日本首相。", start=1000)
    for sentence, analysis in zip(sentences, backend.analyze(sentences)):
        assert analysis.entities, sentence.text
        for e in analysis.entities:
            assert sentence.start <= e.start < e.end <= sentence.end
            assert sentence.text[e.start - sentence.start : e.end - sentence.start] == e.text
            assert e.type in ("Person", "Organization", "Place")


def test_long_sentences_are_chunked_and_stitched(backend):
    unit = "李鹏总理在北京会见了日本首相，"
    text = unit * 30  # 450 characters, longer than the model's chunk length
    backend_short = OfflineHanLP(backend.path, max_length=40, model=backend.model)
    (analysis,) = backend_short.analyze(_sentences(text, start=7))
    people = [e for e in analysis.entities if e.text == "李鹏"]
    assert len(people) == 30
    assert [e.start for e in people] == [7 + i * len(unit) for i in range(30)]


def test_empty_and_blank_sentences_give_empty_analyses(backend):
    analyses = backend.analyze(_sentences("", "   ", "。"))
    assert len(analyses) == 3
    assert all(a.entities == [] and a.tokens == [] for a in analyses[:2])
    assert backend.analyze([]) == []


def test_mixed_width_digits_and_latin_do_not_break_tagging(backend):
    (analysis,) = backend.analyze(_sentences("2023年5月，ＡＢＣ公司与IBM在深圳签约。"))
    for e in analysis.entities:
        assert "2023年5月，ＡＢＣ公司与IBM在深圳签约。"[e.start : e.end] == e.text


def test_missing_model_says_how_to_get_it(tmp_path):
    with pytest.raises(ModelNotAvailable, match="kg train-ner"):
        load_hanlp_model(tmp_path / "nothing-here")


@given(st.text(alphabet="北京，。的 a", max_size=300), st.integers(3, 60))
def test_chunks_cover_the_text_within_the_length_limit(text, max_length):
    pieces = chunk_text(text, max_length)
    covered = "".join(piece for _, piece in pieces)
    assert covered.replace(" ", "") == text.replace(" ", "")
    for offset, piece in pieces:
        assert 0 < len(piece) <= max_length
        assert text[offset : offset + len(piece)] == piece
    offsets = [o for o, _ in pieces]
    assert offsets == sorted(offsets)
