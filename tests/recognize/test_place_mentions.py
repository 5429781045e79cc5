from kg.doc import Mention
from kg.recognize.place_mentions import place_canonicals


def test_canonical_is_the_fullest_written_form():
    ms = [Mention(0, 2, "上海", "Place", "City", "gazetteer", "上海市", "310000"),
          Mention(5, 8, "上海市", "Place", "City", "gazetteer", "上海市", "310000"),
          Mention(9, 11, "苏州", "Place", "City", "gazetteer", "苏州市", "320500")]
    place_canonicals(ms)
    assert [m.canonical for m in ms] == ["上海市", "上海市", "苏州"]


def test_place_in_a_company_s_brackets_is_a_place():
    from kg.recognize.mentions import recognize
    from tests.recognize.test_mentions import _article

    a = _article("双方考察了阳光泵业(天津)有限公司。")
    recognize(a)
    assert any(m.type == "Place" and m.text == "天津" for m in a.mentions)


def test_full_form_place_starting_a_company_name_is_a_place():
    from kg.recognize.mentions import recognize
    from tests.recognize.test_mentions import _article

    a = _article("双方考察了广州市励丰文化科技股份有限公司。")
    recognize(a)
    assert any(m.type == "Place" and m.text == "广州市" for m in a.mentions)


def test_a_gazetteer_name_cutting_across_a_common_word_is_no_place():
    from kg.recognize.mentions import recognize
    from tests.recognize.test_mentions import _article

    a = _article("调研组赴沿海地区考察，又到海地访问。")
    recognize(a)
    places = [(m.text, m.start) for m in a.mentions if m.type == "Place"]
    assert ("海地", 13) in places and ("海地", 5) not in places


def test_short_form_starting_an_organization_name_is_a_place_it_is_located_in():
    """D24 of the corpus decisions: 深圳 in 深圳华锐集团, 浙江 in 浙江东川集团 (the
    corpus gold locates such names in their place: 155 of 185 on train+dev)."""
    from kg.evaluation.from_article import article_to_gold_shape
    from kg.pipeline import analyze_article
    from tests.recognize.test_mentions import _article

    a = _article("考察团先后考察了深圳华锐集团、浙江东川集团股份有限公司。")
    analyze_article(a, None, until="scoring")
    gold = article_to_gold_shape(a)
    places = {e["name"] for e in gold["entities"] if e["type"] == "Place"}
    assert {"深圳", "浙江"} <= places
    assert {("深圳华锐集团", "深圳"), ("浙江东川集团股份有限公司", "浙江")} <= {tuple(r) for r in gold["locatedIn"]}


def test_home_country_and_media_starting_a_name_are_no_places():
    from kg.recognize.mentions import recognize
    from tests.recognize.test_mentions import _article

    a = _article("张明拜访了中国华锐集团有限公司和德国华锐集团有限公司。")
    recognize(a)
    places = [m.text for m in a.mentions if m.type == "Place"]
    assert "中国" not in places and "德国" in places


def test_a_city_name_that_is_no_common_word_is_matched_short():
    """延安 was once on the short-form stop list (data/place_short_stop.tsv)."""
    from kg.recognize.mentions import recognize
    from kg.lexicons.load import words
    from tests.recognize.test_mentions import _article

    assert "延安" not in words("place_short_stop")
    a = _article("张明介绍了延安的发展情况，欢迎企业来延安投资。")
    recognize(a)
    assert any(m.type == "Place" and m.text == "延安" for m in a.mentions)


def test_a_county_named_by_a_common_word_is_a_county_only_at_a_boundary():
    """data/place_m_word_counties.tsv: 和县 in 区和县委 is the conjunction and a
    county committee; after punctuation or right after its city it is the county."""
    from kg.recognize.mentions import recognize
    from tests.recognize.test_mentions import _article

    for text, start in (("张明和县委常委李青一同考察。", None), ("他指出，和县紧临南京。", 4), ("马鞍山市和县县长张明考察。", 4)):
        a = _article(text)
        recognize(a)
        found = [m.start for m in a.mentions if m.type == "Place" and m.text == "和县"]
        assert found == ([] if start is None else [start]), text


def test_a_place_outside_the_place_before_it_ends_the_chain_starting_a_name():
    """上海市浙江商会: 浙江 is the members' home province, no place of the name's chain
    (the gold names no 浙江); 广东省佛山市顺德区委: each link lies in the one before."""
    from kg.recognize.mentions import recognize
    from tests.recognize.test_mentions import _article

    a = _article("上海市浙江商会代表团到访。")
    recognize(a)
    assert [m.text for m in a.mentions if m.type == "Place"] == ["上海市"]
    a = _article("广东省佛山市顺德区委书记张明到访。")
    recognize(a)
    assert {"广东省", "佛山市"} <= {m.text for m in a.mentions if m.type == "Place"}


def test_a_town_the_model_found_anchors_the_body_named_after_it():
    """吴店镇政府: the model tags only 吴店镇 (a town the gazetteer lacks); the town
    anchors the government body as a city does (临海市政府)."""
    from kg.pipeline import analyze_article
    from kg.doc import Article
    from kg.nlp.loader import load_backend

    a = analyze_article(Article(source="x.txt", raw="随后，张区长在吴店镇政府三楼会议室召开座谈会。"),
                        load_backend(None), until="coreference")
    assert any(m.type == "Organization" and m.text == "吴店镇政府" for m in a.mentions)
