"""Organization names on real-article patterns (issue 11): made-up sentences
that illustrate each rule; quality is measured on the corpus, not here."""

from kg.doc import Article
from kg.lexicons import gazetteer as G
from kg.lexicons.org_lexicon import org_subtype
from kg.recognize.left_walk import walk_left
from kg.recognize.orgs import find_ministries, find_structural_orgs
from kg.recognize.persons import find_persons
from kg.recognize.mentions import recognize


def _places(text):
    return [(s, e) for s, e, _ in G.find_places(text)]


def _names(text):
    found = find_structural_orgs(text, places=_places(text))
    return [o.text for o in found if not any(p is not o and p.start <= o.start and o.end <= p.end for p in found)]


def _org_mentions(text):
    a = Article(source="t.txt", raw=text, text=text)
    recognize(a)
    return [m.text for m in a.mentions if m.type == "Organization"]


def test_federation_of_chambers_ends_in_zonghui():
    # 总会: the umbrella association; 总会长 / 总会计师 are titles, no body
    assert _names("张明拜会了海外华锐商会联合总会和华锐协会总会。") == ["海外华锐商会联合总会", "华锐协会总会"]
    assert not any(n.endswith("总会") for n in _names("华锐集团总会计师张明出席。"))
    assert "华锐商会联合总会" in _names("华锐商会联合总会总会长张明出席。")


def test_a_world_or_continent_word_leads_the_name_before_its_place():
    assert _names("次长张明接见世界台湾商会联合总会会长。") == ["世界台湾商会联合总会"]
    assert _names("张明拜会了北美洲台湾商会联合总会。") == ["北美洲台湾商会联合总会"]


def test_quanguo_starts_a_name_after_a_boundary_but_not_inside_a_place_phrase():
    assert _names("张明拜会了全国律师联合会。") == ["全国律师联合会"]
    assert _names("考察了材料控制技术全国重点实验室。") == ["材料控制技术全国重点实验室"]
    text = "了解临海全国示范基地建设"
    assert walk_left(text, text.index("国")) == text.index("国")  # 临海全…: 全 stays a stop here


def test_a_word_ending_in_a_stop_character_stays_in_the_name():
    assert _names("张明拜访了临海食品安全交流协会。") == ["临海食品安全交流协会"]


def test_town_and_township_party_committees():
    text = "区委书记张明率青山镇党委书记李力、石桥乡党委书记王强等一行参访。各乡镇党委书记参加。"
    assert _names(text)[-2:] == ["青山镇党委", "石桥乡党委"]
    assert not any(n.endswith("乡镇党委") for n in _names(text))


def test_the_invitation_frame_is_not_part_of_the_name():
    assert _names("应华锐研究会邀请，张明赴临海考察。") == ["华锐研究会"]
    assert _names("平阳县应华锐促进会的邀请赴临海考察。") == ["华锐促进会"]
    assert _names("临海市应急管理局的邀请函已送达。") == ["临海市应急管理局"]


def test_people_congress_bodies_after_a_level_character():
    text = "临海市召开大会，市人大主任张明、市人大办主任李力出席。市人大代表王强发言。"
    names = _org_mentions(text)
    assert names.count("市人大") == 1 and "市人大办" in names


def test_two_lab_fields_joined_in_a_list_without_the_owner():
    text = "考察了环境化学重点实验室和矿产成矿与预测重点实验室，听取了汇报。"
    assert _names(text) == ["环境化学重点实验室", "矿产成矿与预测重点实验室"]
    text = "参观了华锐国家重点实验室、模拟与混合信号超大规模电路国家重点实验室。"
    assert _names(text)[-1] == "模拟与混合信号超大规模电路国家重点实验室"
    # a person before the joiner is no field word
    assert _names("张明与华锐重点实验室签约。") == ["华锐重点实验室"]


def test_a_field_word_joined_to_a_department_is_not_a_listed_person():
    text = "出席的有政制及内地事务局局长张明、商务及经济发展局局长李力。"
    persons = [m.text for m in find_persons(text)]
    assert "商务" not in persons and "李力" in persons
    assert "商务及经济发展局" in _names(text)
    # a name joined to another name before a title stays in the list
    persons = [m.text for m in find_persons("出席的有市长张明、李力和王强局长。")]
    assert set(persons) == {"张明", "李力", "王强"}


def test_guojia_before_a_ministry_is_written_as_part_of_its_name():
    found = find_ministries("张明拜访了国家商务部和国家发改委。")
    assert [o.text for o in found] == ["国家商务部", "国家发改委"]
    assert org_subtype("国家商务部") == org_subtype("商务部")


def test_a_full_province_before_a_city_stays_in_the_company_name():
    assert _names("先后前往福建省泉州丰泽船务有限公司考察。") == ["福建省泉州丰泽船务有限公司"]
    assert _names("先后前往苏州昆山市华锐有限公司考察。") == ["昆山市华锐有限公司"]
    assert _names("企业与平阳县温州华锐置业有限公司达成协议。") == ["温州华锐置业有限公司"]


def _org_canonicals(text):
    a = Article(source="t.txt", raw=text, text=text)
    recognize(a)
    return [m.canonical or m.text for m in a.mentions if m.type == "Organization"]


def test_a_zone_body_written_without_any_place_is_named_after_the_home_place():
    text = "温州市领导张明，经济技术开发区管委会主任李力出席。"
    assert "温州经济技术开发区管委会" in _org_canonicals(text)
    text = "平阳县召开会议。县先进制造业开发区党工委书记李力介绍情况。"
    assert "平阳县先进制造业开发区党工委" in _org_canonicals(text)


def test_a_zone_with_a_name_of_its_own_keeps_it():
    text = "温州市领导张明，华锐经济技术开发区党工委书记李力出席。"
    names = _org_canonicals(text)
    assert "华锐经济技术开发区党工委" in names and not any(n.startswith("温州华锐") for n in names)


def test_a_brand_span_right_after_a_title_is_no_organization():
    from kg.doc import ModelSpan
    from kg.recognize import model_spans as MS

    text = "会见华锐集团董事长甲乙丙。甲乙丙表示，甲乙丙将来访。"
    s = text.index("甲乙丙")
    view = MS.RuleView(text, [], [])
    assert MS.judge(ModelSpan(s, s + 3, "甲乙丙", "Organization", "ORG"), view, None) is None
    text2 = "与华锐签约。华锐表示，华锐将投资。"
    s2 = text2.index("华锐")
    view2 = MS.RuleView(text2, [], [])
    assert MS.judge(ModelSpan(s2, s2 + 2, "华锐", "Organization", "ORG"), view2, None) is not None


def test_office_bodies_of_a_party_committee():
    assert _names("9月10日，平阳县委台办主任张明来临海调研。") == ["平阳县委台办"]
    text = "临海市召开大会，市委台办主任张明、市外办主任李力出席会议。"
    names = _org_canonicals(text)
    assert "临海市委台办" in names and "临海市外办" in names


def test_a_unit_named_after_a_news_outlet_starts_after_it():
    assert _names("(中国台湾网平阳县台办通讯员 张明)") == ["平阳县台办"]
    # outside a credit the outlet word is part of the name
    assert _names("张明拜访了台湾网站分级推广基金会。") == ["台湾网站分级推广基金会"]


def test_a_bare_county_committee_of_a_one_character_county_keeps_the_level():
    names = _org_canonicals("息县召开会议，县委副书记张明主持，县政府有关负责人参加。")
    assert "息县县委" in names and "息县政府" in names
    assert "平阳县委" in _org_canonicals("平阳县召开会议，县委副书记张明主持。")


def test_a_bare_county_government_written_fu_and_the_county_council():
    names = _org_canonicals("平阳县长张明率团至县府拜会，县议会议长李力出席。")
    assert "平阳县政府" in names and "平阳县议会" in names
    assert "息县政府" in _org_canonicals("息县召开会议，张明至县府拜会。")


def test_a_bare_special_region_government_in_a_text_about_one_region():
    assert "澳门特区政府" in _org_canonicals("澳门特别行政区行政长官张明表示，特区政府将全力支持。")
    # two regions in the text: no guess
    text = "香港特别行政区与澳门特别行政区代表出席，特区政府将全力支持。"
    assert not any(n.endswith("特区政府") for n in _org_canonicals(text))
