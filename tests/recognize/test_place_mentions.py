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
