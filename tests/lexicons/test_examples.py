"""Every lexicon entry's example runs through the pipeline and meets its
expectation (kg/lexicons/load.py). The slow mutation test drops each entry in
turn and checks that its own example then fails: an entry that matters cannot
be deleted unnoticed, and one that does not matter shows up."""

from __future__ import annotations

import zlib

import pytest

from kg.doc import Article
from kg.evaluation.from_article import article_to_gold_shape
from kg.lexicons import load
from kg.lexicons.expect import check
from kg.pipeline import analyze_article

ENTRIES = [e for c in load.concepts() for e in load.entries(c) if e.example]


@pytest.fixture(scope="module", autouse=True)
def _rules_only_recognition():
    # the entries are the rules' words: recognition without the trained second reading of
    # refused model spans (kg.recognize.span_acceptor, tested in tests/recognize), as the
    # relations below are the rules' without the relation model
    # nor the trained last reading of the organization names chosen (kg.recognize.org_verifier)
    # nor the trained readings of visit destinations (kg.recognize.destinations) and of the
    # bodies of bare posts (kg.relations.post_bodies)
    from kg.recognize import destinations as DS
    from kg.recognize import org_verifier as OV
    from kg.recognize import span_acceptor as SA
    from kg.relations import post_bodies as PB

    trained = (SA, OV, DS, PB)
    with pytest.MonkeyPatch.context() as mp:
        for flag in ("ZHKG_SPAN_ACCEPTOR", "ZHKG_ORG_VERIFIER", "ZHKG_DESTINATIONS", "ZHKG_POST_BODIES"):
            mp.setenv(flag, "0")
        for module in trained:
            module._LOADED.clear()
        yield
    for module in trained:
        module._LOADED.clear()


@pytest.fixture(scope="module")
def backend():
    from kg.nlp.loader import load_backend

    return load_backend(None)


def _failures(entry, backend) -> list[str]:
    # the entries are the rules' words: their examples are checked on what the rules
    # make of them, before the trained relation model's scoring stage (tests/scoring),
    # and without the trained span acceptor (the module's fixture)
    art = analyze_article(Article(source="example.txt", raw=entry.example), backend, until="scoring")
    return check(entry.expect, article_to_gold_shape(art), art.text)


def test_every_lexicon_file_is_well_formed():
    assert load.concepts(), "no lexicon files"
    for concept in load.concepts():
        assert load.directives(concept).get("mutation", "each") in ("each", "list"), concept
        entries = load.entries(concept)
        assert entries, concept
        words = [e.word for e in entries]
        assert len(words) == len(set(zip(words, (e.scope for e in entries)))), f"{concept}: duplicate entries"
        for e in entries:
            assert e.example and e.expect, f"{concept}: {e.word} needs an example and its expected effect"


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: f"{e.concept}:{e.word}")
def test_example_meets_its_expectation(entry, backend):
    assert _failures(entry, backend) == [], f"{entry.concept}: {entry.word}: {entry.example} -> {entry.expect}"


def _mutation(entry, backend) -> None:
    load.drop(entry.concept, entry.word)
    try:
        failed = _failures(entry, backend)
    finally:
        load.restore()
    assert failed, (f"{entry.concept}: dropping {entry.word!r} changes nothing on its own example "
                    f"{entry.example!r}: give it an example where it matters, or remove it")


#: files whose every entry must matter on its own example
EACH = [e for e in ENTRIES if load.directives(e.concept).get("mutation", "each") == "each" and e.expect != "ui"]
#: a fixed sample of the mutation test runs by default; all of it with -m slow
SAMPLE = [e for e in EACH if zlib.crc32(f"{e.concept}:{e.word}".encode()) % 10 == 0]


@pytest.mark.parametrize("entry", SAMPLE, ids=lambda e: f"{e.concept}:{e.word}")
def test_dropping_an_entry_breaks_its_example_sample(entry, backend):
    _mutation(entry, backend)


@pytest.mark.slow
@pytest.mark.parametrize("entry", EACH, ids=lambda e: f"{e.concept}:{e.word}")
def test_dropping_an_entry_breaks_its_example(entry, backend):
    _mutation(entry, backend)


#: the examples the trained span acceptor (on by default) reads otherwise than the rules:
#: its known errors on made-up sentences (docs/extraction.md, tenth and twenty-eighth rounds).
#: A change to the acceptor, its vetoes or the lexicons that adds to or removes from this
#: list shows here. Since it reads the NER model's probability of each span, it takes the
#: made-up person after a title (临海市副市长李对出席会议: the model is sure of 李对) for
#: most function characters; on corpus dev it added 17 persons, 12 of them gold, and
#: dropped 10, 2 of them gold.
ACCEPTOR_DIFFERS = {
    ("org_false_body_words", "建厂"), ("org_level_chars", "村"), ("place_abbrev_false_after", "山"),
    ("place_abbrev_false_after", "罗"), ("place_short_stop", "中山"), ("place_short_stop", "文山"),
    ("place_short_stop", "江南"), ("place_short_stop", "河西"), ("place_short_stop", "津市"),
    ("place_short_stop", "白山"), ("place_short_stop", "西城"), ("place_short_stop", "长城"),
    *(("person_function_chars", c) for c in
      "与及为对将把被从也都就而之其于以所那个们我你他它谁哪么呢吗吧啊一二三四五六七八九十百千万亿零月日时分秒号上下内外前后里"
      "省市区县位司说表示出席参加主持会见陪同带队致辞讲话并还已再很最不没有无可要墙兼和"),
}


#: the examples the trained organization verifier (on by default) reads otherwise than the
#: rules: bare bodies and units of made-up sentences it takes for phrases (docs/extraction.md,
#: thirteenth round). A change to the verifier or the lexicons that adds to or removes from
#: this list shows here.
VERIFIER_DIFFERS = {
    ("context_bare_units", "局"), ("context_bare_units", "特区政府"),  # a bare 教育局 written alone
    ("model_inner_org_suffixes", "分公司"),  # 甲乙集团有限公司临海分公司: 甲乙 is no company's start
    ("title_bodies", "政法委"),  # the bare 政法委 of 市委常委、政法委书记 dropped: 政法委书记 in the 市委 (D15)
}


#: the examples the trained reading of visit destinations reads otherwise than the rules
DESTINATIONS_DIFFER: set = set()

#: the examples the trained choice of a bare post's body reads otherwise than the rules
POST_BODIES_DIFFER: set = set()


@pytest.mark.parametrize("component, flag, expected", [
    ("recognize.span_acceptor", "ZHKG_SPAN_ACCEPTOR", ACCEPTOR_DIFFERS),
    ("recognize.org_verifier", "ZHKG_ORG_VERIFIER", VERIFIER_DIFFERS),
    ("recognize.destinations", "ZHKG_DESTINATIONS", DESTINATIONS_DIFFER),
    ("relations.post_bodies", "ZHKG_POST_BODIES", POST_BODIES_DIFFER),
])
def test_a_trained_reading_differs_only_on_its_listed_examples(component, flag, expected, backend):
    import importlib

    module = importlib.import_module(f"kg.{component}")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(flag, "1")
        module._LOADED.clear()
        try:
            differs = {(e.concept, e.word) for e in ENTRIES if _failures(e, backend)}
        finally:
            module._LOADED.clear()
    assert differs == expected
