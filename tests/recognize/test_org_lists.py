from kg.recognize.mentions import recognize
from kg.recognize.org_lists import find_listed_orgs
from tests.recognize.test_mentions import _article, _by_text


def _names(text):
    return [m.text for m in find_listed_orgs(text, [])]


def test_short_brand_names_closed_by_a_company_noun():
    assert _names("先后走访了华锐、海通、明泰等企业。") == ["华锐", "海通", "明泰"]
    assert _names("目前已有东锐、西通、北京明泰等知名企业入驻。") == ["东锐", "西通", "北京明泰"]


def test_a_member_between_separators_may_hold_a_joiner():
    assert "宏和科技" in _names("考察了东锐电子、宏和科技、西通物流等企业。")


def test_lists_of_places_people_and_departments_are_no_companies():
    assert _names("赴北京、上海、广州等城市考察。") == []
    assert _names("张明、李青等企业家出席。") == []
    assert _names("市政府办、住建、国投集团等单位负责人参加。") == []


def test_list_mostly_of_companies_gives_the_others():
    a = _article("签约企业有华锐科技有限公司、海通科技有限公司、宏达集团有限公司、明泰电梯、东锐机械。")
    recognize(a)
    m = _by_text(a)
    assert m["明泰电梯"].type == "Organization" and m["东锐机械"].type == "Organization"


def test_list_member_longer_than_a_cut_name_wins():
    a = _article("先后考察了东锐电子、新兴激光等离子研究院、西通物流等企业。")
    recognize(a)
    assert "新兴激光等离子研究院" in _by_text(a)


def test_a_name_found_by_its_suffix_is_left_to_that_rule():
    a = _article("签约企业有华锐科技有限公司、海通科技有限公司、宏达集团有限公司、明泰电梯。")
    recognize(a)
    by_source = {m.text: m.source for m in a.mentions}
    assert by_source["明泰电梯"] == "org-list"
    assert by_source["海通科技有限公司"] == "org-rule"


def test_a_last_member_the_rules_named_ends_where_its_name_ends():
    # 、浙江大学签署合作协议: the list's last member is 浙江大学, not the verb and its object after it
    a = _article("临海市政府与华锐公司、海通集团、浙江大学签署合作协议。")
    recognize(a)
    m = _by_text(a)
    assert m["浙江大学"].type == "Organization"
    assert "浙江大学签署合作协议" not in m
    assert not any("签署" in x.text for x in a.mentions)


def test_a_list_ends_before_the_verb_that_follows_it():
    # 深入A公司、B集团、古田溪水电厂调研: 调研 ends the list (data/trigger_visit_inspect.tsv), it is no part of a name
    a = _article("临海市市长张明一行深入华锐公司、海通集团、古田溪水电厂调研。")
    recognize(a)
    m = _by_text(a)
    assert m["古田溪水电厂"].type == "Organization"
    assert not any(x.text.endswith("调研") for x in a.mentions)


def test_a_member_a_person_is_named_in_is_a_clause_the_list_starts_after_it():
    # 李青、赵阳一行先后到|华锐纺织: the people and their verb are no part of a company's name
    text = "李青、赵阳一行先后到华锐纺织、海通纺织、宏达集团、明泰实业等企业调研。"
    persons = [(text.find(n), text.find(n) + 2) for n in ("李青", "赵阳")]
    # without the people, the clause is a member
    assert _names(text) == ["李青", "赵阳一行先后到华锐纺织", "海通纺织", "宏达集团", "明泰实业"]
    assert [m.text for m in find_listed_orgs(text, [], persons)] == ["华锐纺织", "海通纺织", "宏达集团", "明泰实业"]
