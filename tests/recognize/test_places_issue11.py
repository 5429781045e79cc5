"""Places the recognizer missed or invented on real articles (issue 11),
each rule illustrated by a made-up sentence."""

import pytest

from kg.doc import Article, Mention
from kg.evaluation.from_article import article_to_gold_shape
from kg.lexicons import gazetteer as G
from kg.pipeline import analyze_article
from kg.recognize.place_mentions import branch_places


@pytest.fixture(scope="module")
def backend():
    from kg.nlp.loader import load_backend

    return load_backend(None)


def _gold(text: str, backend) -> dict:
    return article_to_gold_shape(analyze_article(Article(source="t.txt", raw=text), backend))


def _places(gold: dict) -> set[str]:
    return {e["name"] for e in gold["entities"] if e["type"] == "Place"}


def test_the_place_inside_a_branch_name_is_where_the_branch_is(backend, monkeypatch):
    """甲银行乙省分行: the place after the parent's name is a place, the branch located in it
    (by the rules; the trained relation model is retrained later)."""
    monkeypatch.setenv("ZHKG_RELATIONS", "rules")
    gold = _gold("张明会见了华锐银行河南省分行行长李力，又走访了东川大学秦皇岛分校。", backend)
    assert {"河南省", "秦皇岛"} <= _places(gold)
    located = {tuple(r) for r in gold["locatedIn"]}
    assert ("华锐银行河南省分行", "河南省") in located and ("东川大学秦皇岛分校", "秦皇岛") in located


def _org(text: str, name: str) -> Mention:
    s = text.index(name)
    return Mention(s, s + len(name), name, "Organization", None, "model")


def test_branch_rule_takes_the_place_before_the_ending_only():
    """No place at the name's start (the start rule's), no country, nothing without a branch ending."""
    text = "河南华锐银行郑州分行与华锐集团德国分公司、华锐银行郑州研究中心签约。"
    hits = G.find_places(text)
    orgs = [_org(text, "河南华锐银行郑州分行"), _org(text, "华锐集团德国分公司"), _org(text, "华锐银行郑州研究中心")]
    got = [(m.text, m.start) for m in branch_places(orgs, hits, text)]
    assert got == [("郑州", text.index("郑州"))]


def test_the_places_starting_a_park_name_are_places_of_their_own(backend):
    """甲区乙镇丙产业园 (D24 for parks, as for bodies): the district and the town of the
    chain are places; a zone named after its province gives no province place."""
    places = _places(_gold("张明深入东港区青山镇华锐文化创意产业园考察，又考察了河南自贸试验区南沙新区。", backend))
    assert {"东港区", "青山镇"} <= places
    assert "河南" not in places
