"""kg.nlp.ner_model inference: the fast path tags as HanLP's pipeline does; the int8 option loads and tags."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch
from hanlp.layers.crf.crf import CRF

from kg.nlp.model_dir import shipped_model_dir
from kg.nlp.ner_model import quantize_for_cpu, transition_masks, viterbi_decode, viterbi_decode_numpy

ROOT = Path(__file__).resolve().parents[2]
LABELS = ["O", "B-PER", "I-PER", "E-PER", "S-PER", "B-LOC", "I-LOC", "E-LOC", "S-LOC"]

MADE_UP = [
    "国务院总理李克强今天在北京人民大会堂会见了美国国务卿。",
    "中国科学院上海硅酸盐研究所与复旦大学签署合作协议。",
    "江泽民主席在上海考察浦东新区。",
    "张三",  # short
    "２０２４年，王小明在ＡＢＣ公司见到了李四。",  # full-width forms are normalized before lookup
    "𠀀𠀁王五𠀂",  # characters the vocabulary never saw
]


@pytest.fixture(scope="module")
def tagger():
    import hanlp

    return hanlp.load(str(shipped_model_dir()), verbose=False)


def _seed_sentences(limit: int = 150) -> list[list[str]]:
    from kg.doc import Article
    from kg.nlp.offline import chunk_text
    from kg.normalize.pipeline import normalize

    out: list[list[str]] = []
    for path in sorted((ROOT / "seeds").glob("*.txt"))[:4]:
        article = normalize(Article(source=path.name, raw=path.read_text(encoding="utf-8")))
        for sentence in article.sentences:
            out.extend(list(piece) for _, piece in chunk_text(sentence.text, 150))
    return out[:limit]


def test_numpy_viterbi_matches_the_torch_viterbi():
    torch.manual_seed(3)
    crf = CRF(len(LABELS), batch_first=True)
    masks = transition_masks(LABELS)
    lengths = [9, 9, 7, 4, 4, 1]  # sorted, longest first (as the fast path batches)
    emissions = torch.randn(len(lengths), max(lengths), len(LABELS)) * 4
    mask = torch.tensor([[i < n for i in range(max(lengths))] for n in lengths])
    with torch.no_grad():
        assert viterbi_decode_numpy(emissions, lengths, crf, masks) == viterbi_decode(emissions, mask, crf, masks)


@pytest.mark.parametrize("batch_size", [128, 5])
def test_fast_path_tags_as_hanlp_pipeline(tagger, monkeypatch, batch_size):
    sentences = [list(s) for s in MADE_UP] + _seed_sentences()
    monkeypatch.setenv("ZHKG_NER_QUANTIZE", "0")
    monkeypatch.setenv("ZHKG_NER_FAST", "0")
    slow = tagger(sentences, batch_size=batch_size)
    monkeypatch.setenv("ZHKG_NER_FAST", "1")
    fast = tagger(sentences, batch_size=batch_size)
    assert fast == slow
    assert any(spans for spans in fast)


def test_switch_off_uses_hanlp_pipeline(tagger, monkeypatch):
    calls = []
    original = type(tagger)._fast_tags
    monkeypatch.setattr(type(tagger), "_fast_tags", lambda self, *a: calls.append(1) or original(self, *a))
    monkeypatch.setenv("ZHKG_NER_FAST", "0")
    tagger([list(MADE_UP[0])])
    assert not calls
    monkeypatch.setenv("ZHKG_NER_FAST", "1")
    tagger([list(MADE_UP[0])])
    assert calls


@pytest.mark.parametrize("fast", ["0", "1"])
def test_an_empty_sentence_goes_through_hanlp_pipeline(tagger, monkeypatch, fast):
    monkeypatch.setenv("ZHKG_NER_FAST", fast)  # HanLP's pipeline cannot pack an empty sentence, either way
    with pytest.raises(RuntimeError, match="greater than 0"):
        tagger([[], list(MADE_UP[2])])


def test_quantized_model_tags_made_up_sentences_like_the_float_model(tagger, monkeypatch):
    quantized = quantize_for_cpu(tagger.model)
    assert quantized is not tagger.model
    assert isinstance(tagger.model.word_lstm, torch.nn.LSTM)  # the float model is left as it was
    assert type(quantized.word_lstm).__module__.startswith("torch.ao.nn.quantized")
    sentences = [list(s) for s in MADE_UP[:3]]
    monkeypatch.setenv("ZHKG_NER_FAST", "1")
    monkeypatch.setenv("ZHKG_NER_QUANTIZE", "0")
    float_spans = tagger(sentences)
    monkeypatch.delenv("ZHKG_NER_QUANTIZE")  # int8 is the default on CPU
    assert tagger._inference_model() is not tagger.model
    int8_spans = tagger(sentences)
    assert int8_spans == float_spans
    monkeypatch.setenv("ZHKG_NER_QUANTIZE", "0")
    assert tagger._inference_model() is tagger.model


def test_float_model_when_quantization_is_unavailable(tagger, monkeypatch):
    def broken(model):
        raise ImportError("no torch.ao.quantization")

    monkeypatch.setattr("kg.nlp.ner_model.quantize_for_cpu", broken)
    monkeypatch.setattr(tagger, "_quantized", None)
    monkeypatch.delenv("ZHKG_NER_QUANTIZE", raising=False)
    with pytest.warns(UserWarning, match="float model"):
        assert tagger._inference_model() is tagger.model


def test_the_fast_path_is_taken_on_cpu_only(tagger, monkeypatch):
    """On a GPU the inputs and the NumPy Viterbi of the fast path would not fit:
    HanLP's own path tags there (kg.nlp.ner_model's _fast_path_ok)."""
    ner = tagger
    assert ner._fast_path_ok([["张", "明"]])
    monkeypatch.setattr(type(ner), "_on_cpu", lambda self: False)
    assert not ner._fast_path_ok([["张", "明"]])
    assert ner._inference_model() is ner.model


def test_with_span_confidence_each_span_comes_with_its_probability(tagger, monkeypatch):
    """span_confidence (set by kg.nlp.offline.OfflineHanLP): the same spans, each with the
    model's probability of exactly that span (kg.nlp.ner_model.SpanScorer) as a fifth
    element; HanLP's four elements otherwise, and None where the fast path is off."""
    sentences = [list(s) for s in MADE_UP] + _seed_sentences(40)
    plain = tagger(sentences)
    assert all(len(span) == 4 for spans in plain for span in spans)
    monkeypatch.setattr(tagger, "span_confidence", True)
    scored = tagger(sentences)
    assert [[span[:4] for span in spans] for spans in scored] == plain
    probabilities = [span[4] for spans in scored for span in spans]
    assert probabilities and all(0.0 < p <= 1.0 for p in probabilities)
    assert scored[2][0][:2] == ("江泽民", "PER") and scored[2][0][4] > 0.99
    assert min(probabilities) < 0.9  # not all alike: the model doubts some spans
    monkeypatch.setenv("ZHKG_NER_FAST", "0")
    assert all(span[4] is None for spans in tagger([list(MADE_UP[2])]) for span in spans)


def test_the_offline_backend_reads_the_probabilities_into_the_model_spans(tagger):
    from kg.doc import Sentence
    from kg.nlp.offline import OfflineHanLP

    backend = OfflineHanLP(shipped_model_dir(), model=tagger)
    try:
        spans = backend.analyze([Sentence(0, len(MADE_UP[2]), MADE_UP[2])])[0].entities
    finally:
        tagger.span_confidence = False  # the module's tagger is shared with the tests above
    assert [(s.text, s.type) for s in spans] == [("江泽民", "Person"), ("上海", "Place"), ("浦东新区", "Place")]
    assert all(s.confidence is not None and 0.9 < s.confidence <= 1.0 for s in spans)
