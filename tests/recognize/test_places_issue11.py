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


def test_a_county_short_form_counts_where_its_city_is_named():
    """翔安 of 翔安区 is matched where 厦门 is named, not elsewhere, and not inside a word."""
    def shorts(text):
        return [text[s:e] for s, e, p in G.find_places(text) if p.level == "District"]

    assert shorts("张明到厦门后驱车到翔安考察。") == ["翔安"]
    assert shorts("张明驱车到翔安考察。") == []


def test_a_county_short_form_inside_a_word_or_a_brand_is_no_place():
    """亭湖 in 东亭湖 cuts a word; 丰泽 after 泉州 inside a company name reads as its brand."""
    from kg.recognize.mentions import recognize

    a = Article(source="t.txt", raw="", text="张明到盐城市亭湖区考察东亭湖公园。")
    recognize(a)
    assert [m.text for m in a.mentions if m.type == "Place" and "亭湖" in m.text] == ["亭湖区"]
    a = Article(source="t.txt", raw="", text="张明走访了福建省泉州丰泽华锐船务有限公司。")
    recognize(a)
    places = [m.text for m in a.mentions if m.type == "Place"]
    assert "福建省" in places and "丰泽" not in places


def test_a_stop_listed_short_form_counts_right_after_its_province():
    """金华 is on the short-form stop list (a given name too): a place only right after 浙江."""
    def names(text):
        return [text[s:e] for s, e, _ in G.find_places(text)]

    assert "金华" in names("胡斌率队赴浙江金华、丽水招商。")
    assert "金华" not in names("浙江的张金华出席会议。")


def test_a_place_name_held_inside_a_common_word_is_no_place():
    """白银 in 真金白银 (data/place_m_holding_words.tsv), 会理 across 理事 (data/place_m_crossed_words.tsv)."""
    from kg.recognize.mentions import recognize

    a = Article(source="t.txt", raw="", text="华锐商会理事长张明表示以真金白银支持白银市发展。")
    recognize(a)
    assert [m.text for m in a.mentions if m.type == "Place"] == ["白银市"]


def test_a_former_county_name_is_the_renamed_place():
    """清新县 (now 清新区): an alias of data/place_aliases.tsv, in its city."""
    [(s, e, p)] = [h for h in G.find_places("张明前往清新县考察。")]
    assert p.name == "清新县" and G.parent_of(p).name == "清远市"


def test_a_place_listed_twice_gets_the_reading_of_its_other_form():
    """金门县 is listed under 泉州市 and under Taiwan; with 金门 (one reading) written too, one place."""
    codes = {p.code for _, _, p in G.find_places("金门县长表示，金门与厦门将深化交流。") if p.name == "金门县"}
    assert len(codes) == 1


def test_the_level_character_starting_a_word_leaves_the_short_form():
    """桂林市场 is 桂林 + 市场 (data/place_level_char_words.tsv), 桂林市长 stays 桂林市."""
    text = "华锐公司打开桂林市场，桂林市长出席。"
    assert [text[s:e] for s, e, _ in G.find_places(text)] == ["桂林", "桂林市"]


def test_a_port_named_after_its_city_is_a_place_but_not_hong_kong_s_abbreviation():
    """钦州港 is a port (data/place_m_port_words.tsv); 市港澳办, 港资 are no ports (place_m_port_stops)."""
    from kg.recognize.place_mentions import find_ports

    text = "张明考察了钦州港，会见了广州市港澳办和钦州港资企业代表。"
    assert [m.text for m in find_ports(text, G.find_places(text))] == ["钦州港"]


def test_government_house_is_in_the_region_the_article_names():
    """礼宾府 is listed under Hong Kong and under Macau (data/places_hk_mo_tw.tsv): the region written picks it."""
    for region, text in (("澳门特别行政区", "澳门特区行政长官在礼宾府会见张明。"),
                         ("香港特别行政区", "香港特区行政长官在礼宾府会见张明。")):
        [p] = [p for s, e, p in G.find_places(text) if text[s:e] == "礼宾府"]
        assert G.parent_of(p).name == region


def test_a_trade_or_industry_zone_name_is_a_park():
    """甲特色商业区, 甲产业联动集聚区 (data/place_park_suffixes.tsv) are parks found by their names."""
    from kg.recognize.parks import find_parks

    text = "张明考察了东川特色商业区和沪川产业联动集聚区。"
    assert [p.text for p in find_parks(text, [])] == ["东川特色商业区", "沪川产业联动集聚区"]


def test_an_ambiguous_short_form_starting_a_park_name_is_no_place(backend):
    """新竹 in 新竹科学园区 may be 新竹市 or 新竹县: no place nested there."""
    places = _places(_gold("代表团参观了新竹科学园区，新竹县长出席座谈。", backend))
    assert "新竹" not in places and "新竹县" in places
