"""Model organizations the checks used to refuse (issue 11): a company word that
ends like a government body, a brand after its place, an organization's unit
and a mission after 驻 (made-up names; synthetic sentences illustrate the rules)."""

from kg.doc import ModelSpan
from kg.recognize import model_spans as MS


def _judge(text, sub, rule_spans=(), typ="Organization"):
    s = text.index(sub)
    view = MS.RuleView(text, list(rule_spans), [])
    return MS.judge(ModelSpan(s, s + len(sub), sub, typ, typ[:3].upper()), view, None)


def _at(text, sub, typ):
    s = text.index(sub)
    return (s, s + len(sub), typ)


def test_company_word_is_no_government_body():
    # 司 ends 公司: a company named by its brand, not a department named by its field
    assert not MS.is_generic_body("奎拉尔公司")
    assert MS.is_generic_body("商务局") and MS.is_generic_body("经信委")
    text = "代表团先后考察了奎拉尔公司、泰斯集团。"
    m = _judge(text, "奎拉尔公司")
    assert m is not None and m.text == "奎拉尔公司"


def test_brand_after_its_place_needs_corroboration():
    twice = "临海奎拉尔将全力以赴。希望能与临海奎拉尔在生态修复方面合作。"
    m = _judge(twice, "临海奎拉尔", [_at(twice, "临海", "Place")])
    assert m is not None and m.type == "Organization"
    lone = "这里有临海奎拉尔的产品。"
    assert _judge(lone, "临海奎拉尔", [_at(lone, "临海", "Place")]) is None
    street = "代表团走访了临海奎拉街、临海奎拉街。"
    assert not MS.place_brand("临海奎拉街", 0, [(0, 2, "Place")])  # a street, no brand
    assert _judge(street, "临海奎拉街", [_at(street, "临海", "Place")]) is None


def test_brand_in_a_list_must_end_at_the_member_end():
    text = "甲乙科技有限公司、临海奎拉尔泰斯电梯、丙丁集团出席。"
    rules = [_at(text, "甲乙科技有限公司", "Organization"), _at(text, "临海", "Place")]
    assert _judge(text, "临海奎拉尔", rules) is None  # cut inside the member 临海奎拉尔泰斯电梯


def test_unit_of_an_organization():
    text = "奎拉尔商会秘书处王强出席。"
    m = _judge(text, "奎拉尔商会秘书处", [_at(text, "奎拉尔商会", "Organization")])
    assert m is not None and m.text == "奎拉尔商会秘书处"
    assert MS.unit_of("秘书处") and MS.unit_of("油气中心") and MS.unit_of("驻临海办事处")
    assert not MS.unit_of("王强")  # no unit
    assert not MS.unit_of("临海分行")  # a place and a branch: the branch rule decides
    gov = "临海市政府经济发展局局长王强出席。"
    rules = [_at(gov, "临海市政府", "Organization"), _at(gov, "临海市", "Place")]
    assert _judge(gov, "临海市政府经济发展局", rules) is None  # the department is 临海市经济发展局


def test_mission_after_stationed():
    text = "在奎拉尔政府驻临海联络办公室主任王强的陪同下参观。"
    rules = [_at(text, "临海联络办公室", "Organization"), _at(text, "临海", "Place")]
    m = _judge(text, "奎拉尔政府驻临海联络办公室", rules)
    assert m is not None and m.text == "奎拉尔政府驻临海联络办公室"


def test_unit_ending_that_starts_another_word():
    text = "奎拉尔集团总会计师王强出席。"
    assert _judge(text, "奎拉尔集团总会", [_at(text, "奎拉尔集团", "Organization")]) is None  # 总会计师: a title
    assert not MS.is_generic_body("奎拉尔集团公司") and MS.is_generic_body("集团公司")


def test_function_character_inside_a_brand():
    assert not MS.has_stop("临海均和集团有限公司")  # 和 inside the brand 均和
    assert MS.has_stop("临海市和奎拉尔有限公司")  # a place before 和: two names
    assert MS.has_stop("李青和奎拉尔有限公司")  # a person before 和
    assert MS.has_stop("奎拉和集团")  # no legal form


def test_rule_name_cut_at_a_function_character():
    text = "考察团先后前往临海恒而达新材料股份有限公司、甲乙科技有限公司。"
    rules = [_at(text, "达新材料股份有限公司", "Organization"), _at(text, "临海", "Place")]
    m = _judge(text, "临海恒而达新材料股份有限公司", rules)
    assert m is not None and m.text == "临海恒而达新材料股份有限公司"
    text = "认真了解奎拉研究所的发展历程。"  # the model cut inside 了解: no longer name
    assert _judge(text, "解奎拉研究所", [_at(text, "奎拉研究所", "Organization")]) is None


def test_unit_of_a_body_named_with_its_place():
    text = "交流团参观了临海市国资委国企运营监管中心。"
    rules = [_at(text, "临海市", "Place"), _at(text, "国资委", "Organization")]
    m = _judge(text, "临海市国资委国企运营监管中心", rules)
    assert m is not None and m.text == "临海市国资委国企运营监管中心"


def test_research_station_of_an_institute():
    assert MS.unit_of("干旱区盐渍化研究站")
    assert not MS.unit_of("干旱区盐渍化")


def test_numbered_unit_of_an_enterprise():
    assert not MS.is_generic_body("奎拉五局") and not MS.is_generic_body("奎拉十八局")
    assert MS.is_generic_body("五局") and MS.is_generic_body("市三局")  # no owner named
    text = "奎拉集团以及奎拉五局相关负责同志出席。"
    m = _judge(text, "奎拉五局")
    assert m is not None and m.text == "奎拉五局"
