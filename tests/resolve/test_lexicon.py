from __future__ import annotations

from kg.resolve.lexicon import PrefixLexicon, build_lexicon
from kg.resolve.records import build_records
from tests.resolve.factory import article, org, place


def test_splits_read_parent_body_and_place_prefixes():
    lex = PrefixLexicon()
    lex.add_org("中科院")
    lex.add_place("上海市")
    form = "中科院上海硅酸盐研究所"
    rests = {form[s.end :] for s in lex.splits(form)}
    assert rests == {"上海硅酸盐研究所", "硅酸盐研究所"}


def test_split_after_place_core_keeps_level_in_the_rest():
    lex = PrefixLexicon()
    lex.add_place("平顶山市")
    form = "平顶山市委"
    splits = lex.splits(form)
    assert {s.place for s in splits} == {"平顶山"}
    assert {form[s.core_end :] for s in splits} == {"市委"}


def test_country_and_generic_words_are_not_prefixes():
    lex = PrefixLexicon()
    lex.add_place("中国")
    lex.add_place("高新区")
    lex.add_org("公司")
    assert lex.splits("中国电气装备集团") == [] and lex.splits("高新区管委会") == []


def test_build_lexicon_uses_corpus_places_contexts_and_codes():
    recs = build_records([article("a", place("卫东区", code="410403"), place("平顶山市", code="410400"), org("某公司", context="嘉定区"), org("中共平顶山市委"), org("尧山实验室"))])
    lex = build_lexicon(recs)
    assert lex.places["卫东区"] == "卫东" and lex.places["嘉定区"] == "嘉定"
    assert lex.compatible_places("卫东区", "平顶山")  # district inside city by code
    assert not lex.compatible_places("卫东区", "嘉定区")
    assert lex.home_place(recs[2]) == "嘉定"  # the context
    assert lex.home_place(recs[3]) == "平顶山"  # the name's leading place
    assert lex.home_place(recs[4]) is None
