from kg.recognize.media import find_outlets
from tests.recognize.test_mentions import _article, _by_text
from kg.recognize.mentions import recognize


def _names(text):
    return sorted(m.text for m in find_outlets(text))


def test_outlets_in_datelines_and_source_lines():
    assert _names("【临海新闻网讯】华锐公司召开年会。") == ["临海新闻网"]
    assert _names("临海在线记者 张明 报道：华锐公司召开年会。") == ["临海在线"]
    assert _names("临海社 3月18日电 华锐公司召开年会。") == ["临海社"]
    assert _names("华锐公司召开年会。\n来源：东川日报社\n") == ["东川日报社"]


def test_correspondent_unit_after_the_outlet():
    assert _names("（临海台湾网东川县台办通讯员 张明）") == ["东川县台办", "临海台湾网"]


def test_outlet_words_inside_sentences_are_no_outlets():
    assert _names("两地企业共同发展物联网和合作社。") == []
    assert _names("参观了物联网\n华锐公司召开年会。") == []


def test_outlet_is_an_organization_and_hides_its_place():
    a = _article("临海新闻网讯 华锐科技有限公司召开年会。")
    recognize(a)
    m = _by_text(a)
    assert m["临海新闻网"].type == "Organization"
    assert not any(x.type == "Place" and x.start == 0 for x in a.mentions)


def test_a_place_after_the_outlet_is_no_correspondent_unit():
    # (台湾网天门市通讯员 X): where the correspondent works, not an organization
    assert _names("（临海台湾网临海市通讯员 张明）") == ["临海台湾网"]
