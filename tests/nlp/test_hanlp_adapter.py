"""kg.nlp.hanlp_adapter: HanLP output -> our types, offsets in article coordinates.

The multi-task inputs below are stand-ins shaped exactly like a HanLP
``hanlp_common.document.Document`` as documented (a dict keyed by task name,
one entry per sentence; NER/SRL spans ``[text, label, begin_token, end_token)``,
``dep`` one ``[head, relation]`` per token with 1-based heads, 0 = root):
no real pretrained model can run on this machine.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.doc import Sentence
from kg.nlp.hanlp_adapter import align_tokens, analyses_from_document, entity_type, ner_spans_to_entities

TEXT = "晓美焰来到北京立方庭参观自然语义科技公司。"
WORDS = ["晓美焰", "来到", "北京", "立方庭", "参观", "自然", "语义", "科技", "公司", "。"]


def _sentence(text: str = TEXT, start: int = 100) -> Sentence:
    return Sentence(start=start, end=start + len(text), text=text)


@pytest.mark.parametrize(
    "label, expected",
    [
        # our MSRA model
        ("PER", "Person"), ("ORG", "Organization"), ("LOC", "Place"),
        # HanLP msra tag set
        ("PERSON", "Person"), ("ORGANIZATION", "Organization"), ("LOCATION", "Place"), ("DATE", None),
        # ontonotes
        ("GPE", "Place"), ("NORP", None), ("FAC", None), ("MONEY", None),
        # pku
        ("nr", "Person"), ("nt", "Organization"), ("ns", "Place"), ("nz", None),
    ],
)
def test_entity_type_for_each_tag_set(label, expected):
    assert entity_type(label) == expected


def test_raw_ner_spans_get_article_offsets():
    sentence = _sentence()
    spans = [("北京立方庭", "LOC", 5, 10), ("晓美焰", "PER", 0, 3), ("今天", "DATE", 0, 2)]
    entities = ner_spans_to_entities(sentence, spans)
    assert [(e.start, e.end, e.text, e.type, e.label) for e in entities] == [
        (105, 110, "北京立方庭", "Place", "LOC"),
        (100, 103, "晓美焰", "Person", "PER"),
    ]
    for e in entities:
        assert TEXT[e.start - 100 : e.end - 100] == e.text


def test_raw_ner_spans_of_a_chunk_are_shifted_by_the_chunk_offset():
    sentence = _sentence()
    entities = ner_spans_to_entities(sentence, [("自然语义科技公司", "ORG", 0, 8)], char_offset=12)
    assert (entities[0].start, entities[0].end, entities[0].text) == (112, 120, "自然语义科技公司")


def _document(ner_key: str, ner: list) -> dict:
    return {
        "tok/fine": [WORDS],
        "pos/ctb": [["NR", "VV", "NR", "NR", "VV", "NN", "NN", "NN", "NN", "PU"]],
        ner_key: [ner],
        "dep": [[[2, "nsubj"], [0, "root"], [4, "nn"], [2, "dobj"], [2, "conj"],
                 [9, "nn"], [9, "nn"], [9, "nn"], [5, "dobj"], [2, "punct"]]],
        "srl": [[[["晓美焰", "ARG0", 0, 1], ["来到", "PRED", 1, 2], ["北京立方庭", "ARG1", 2, 4]]]],
    }


@pytest.mark.parametrize(
    "ner_key, ner, expected",
    [
        ("ner/msra", [["晓美焰", "PERSON", 0, 1], ["北京立方庭", "LOCATION", 2, 4], ["自然语义科技公司", "ORGANIZATION", 5, 9]],
         [("晓美焰", "Person"), ("北京立方庭", "Place"), ("自然语义科技公司", "Organization")]),
        ("ner/ontonotes", [["晓美焰", "PERSON", 0, 1], ["北京", "GPE", 2, 3], ["立方庭", "FAC", 3, 4], ["自然语义科技公司", "ORG", 5, 9]],
         [("晓美焰", "Person"), ("北京", "Place"), ("自然语义科技公司", "Organization")]),
        ("ner/pku", [["晓美焰", "nr", 0, 1], ["北京", "ns", 2, 3], ["自然语义科技公司", "nt", 5, 9]],
         [("晓美焰", "Person"), ("北京", "Place"), ("自然语义科技公司", "Organization")]),
    ],
)
def test_document_ner_for_each_tag_set(ner_key, ner, expected):
    sentence = _sentence()
    (analysis,) = analyses_from_document([sentence], _document(ner_key, ner))
    assert [(e.text, e.type) for e in analysis.entities] == expected
    for e in analysis.entities:
        assert sentence.text[e.start - sentence.start : e.end - sentence.start] == e.text


def test_document_tokens_dependencies_and_srl():
    sentence = _sentence()
    (analysis,) = analyses_from_document([sentence], _document("ner/msra", []))
    assert [t.text for t in analysis.tokens] == WORDS
    assert [(t.start, t.end) for t in analysis.tokens[:3]] == [(100, 103), (103, 105), (105, 107)]
    assert analysis.tokens[0].pos == "NR"
    assert analysis.dependencies[0].head == 1 and analysis.dependencies[0].relation == "nsubj"
    assert analysis.dependencies[1].head == -1 and analysis.dependencies[1].relation == "root"
    (frame,) = analysis.srl
    assert [(a.role, a.start, a.end, a.text) for a in frame] == [
        ("ARG0", 100, 103, "晓美焰"), ("PRED", 103, 105, "来到"), ("ARG1", 105, 110, "北京立方庭"),
    ]


def test_document_with_several_sentences_uses_each_sentence_offset():
    first, second = _sentence("李明在上海。", 0), _sentence("王芳到杭州。", 6)
    doc = {
        "tok/fine": [["李明", "在", "上海", "。"], ["王芳", "到", "杭州", "。"]],
        "ner/msra": [[["李明", "PERSON", 0, 1]], [["杭州", "LOCATION", 2, 3]]],
    }
    a, b = analyses_from_document([first, second], doc)
    assert [(e.start, e.end, e.text) for e in a.entities] == [(0, 2, "李明")]
    assert [(e.start, e.end, e.text) for e in b.entities] == [(9, 11, "杭州")]
    assert a.dependencies == [] and a.srl == []


def test_tokens_skip_whitespace_the_tokenizer_dropped():
    tokens = align_tokens(_sentence("华为 公司", 10), ["华为", "公司"])
    assert [(t.start, t.end) for t in tokens] == [(10, 12), (13, 15)]


def test_out_of_range_token_spans_are_ignored():
    sentence = _sentence()
    doc = {"tok/fine": [WORDS], "ner/msra": [[["x", "PERSON", 8, 12]]]}
    (analysis,) = analyses_from_document([sentence], doc)
    assert analysis.entities == []


def test_document_without_tokens_is_a_clear_error():
    with pytest.raises(ValueError, match="no tokens"):
        analyses_from_document([_sentence()], {"ner/msra": [[]]})


@given(st.lists(st.text(alphabet="北京上海公司 的", min_size=1, max_size=4), min_size=1, max_size=8), st.integers(0, 50))
def test_aligned_tokens_reproduce_their_text(words, start):
    text = "".join(words)
    tokens = align_tokens(Sentence(start, start + len(text), text), words)
    for token in tokens:
        assert text[token.start - start : token.end - start] == token.text
