from kg.recognize.orgs import (
    find_structural_orgs,
    generic_body,
    legal_variants,
)


def _names(found):
    """Names of the maximal matches (nested ones, e.g. 中国科学院 inside a longer name, left out)."""
    return [o.text for o in found if not any(p is not o and p.start <= o.start and o.end <= p.end for p in found)]


def test_company_with_brackets_and_left_boundary():
    text = "先后到中国科学院上海硅酸盐研究所、恒玄科技(上海)股份有限公司拜访"
    assert _names(find_structural_orgs(text)) == ["中国科学院上海硅酸盐研究所", "恒玄科技(上海)股份有限公司"]


def test_and_inside_a_name_and_between_names():
    text = "邀请了北方民族大学材料科学与工程学院的专家,北京交通大学唐山研究院与净天环保签约"
    assert _names(find_structural_orgs(text)) == ["北方民族大学材料科学与工程学院", "北京交通大学唐山研究院"]


def test_government_bodies_need_a_place():
    text = "平顶山市委书记到卫东区政府,坚持政府引导"
    places = [(0, 4), (8, 11)]
    found = find_structural_orgs(text, places=places)
    assert [(o.text, o.subtype) for o in found] == [("平顶山市委", "GovernmentBody"), ("卫东区政府", "GovernmentBody")]


def test_titles_are_not_orgs():
    assert _names(find_structural_orgs("会议由科技促进发展局局长严庆主持")) == ["科技促进发展局"]


def test_generic_bodies():
    assert generic_body("省发改委主任", 0) == (4, "省发改委")
    assert generic_body("局长", 0) is None


def test_legal_variants():
    assert legal_variants("恒玄科技(上海)股份有限公司") == ["恒玄科技(上海)", "恒玄科技"]
    assert legal_variants("中国电气装备集团有限公司") == ["中国电气装备集团", "中国电气装备"]


def test_joiner_inside_department_names_only():
    text = "湖北省农业和农村厅与科学部技术转移与成果推广司负责人,参观了展览馆和光电材料重点实验室。"
    places = [(0, 3)]
    names = _names(find_structural_orgs(text, places=places))
    assert "湖北省农业和农村厅" in names
    assert "光电材料重点实验室" in names
    assert not any(n.startswith("展览馆") for n in names)


def test_ministry_department_and_agency():
    text = "工业和信息化部规划与产业政策司司长出席,经济部能源发展署署长陪同,做好工作部署。"
    names = _names(find_structural_orgs(text))
    assert "工业和信息化部规划与产业政策司" in names
    assert "经济部能源发展署" in names
    assert not any(n.endswith("部署") for n in names)


def test_person_or_verb_stops_generic_suffix():
    text = "张立华与公司高管交流,要发挥集团优势,王建国与远航集团董事长座谈。"
    names = _names(find_structural_orgs(text, blocked_ends={3, 26}))
    assert names == ["远航集团"]


def test_descriptive_core_is_no_name():
    assert _names(find_structural_orgs("推进开放式大学,支持研究型大学。")) == []


def test_adverb_like_character_inside_a_company_name():
    assert _names(find_structural_orgs("甲钼都新材料科技有限公司董事长王强出席。")) == ["甲钼都新材料科技有限公司"]


def test_university_before_the_title_of_its_head():
    assert _names(find_structural_orgs("武汉理工大学校长出席。")) == ["武汉理工大学"]


def test_company_brand_before_its_place_is_kept():
    text = "甲乙唐山车辆有限公司负责人出席。"
    found = find_structural_orgs(text, places=[(2, 4)])
    assert [o.text for o in found] == ["甲乙唐山车辆有限公司"]


def test_banner_bodies_are_level_bodies():
    assert generic_body("旗委书记", 0) == (2, "旗委")
    assert generic_body("旗政府", 0) == (3, "旗政府")
    assert generic_body("旗下企业布局", 0) is None


def test_joined_field_words_inside_a_lab_name_after_its_owner():
    text = "调研组参观了东岭大学轧制技术及连轧自动化国家重点实验室。西川研究院先进陶瓷与复合材料工程技术研究中心揭牌。"
    names = _names(find_structural_orgs(text))
    assert "东岭大学轧制技术及连轧自动化国家重点实验室" in names
    assert "西川研究院先进陶瓷与复合材料工程技术研究中心" in names


def test_lab_joiner_needs_an_owner_and_two_field_words():
    assert _names(find_structural_orgs("参观了校史馆和光电材料国家重点实验室。")) == ["光电材料国家重点实验室"]
    both = _names(find_structural_orgs("参观了东岭大学校史馆和光电材料国家重点实验室。"))
    assert both == ["东岭大学", "光电材料国家重点实验室"]
    two = _names(find_structural_orgs("东岭大学与光电材料国家重点实验室合作。"))
    assert two == ["东岭大学", "光电材料国家重点实验室"]


def test_a_visit_verb_ends_an_organization_name_on_its_left():
    text = "考察团抵达星光材料有限公司，随后到访远景电子有限公司。"
    assert _names(find_structural_orgs(text)) == ["星光材料有限公司", "远景电子有限公司"]


def test_jian_never_starts_a_body_name():
    text = "华光集团副总裁、兼青禾科技有限公司董事长出席会议。"
    assert "青禾科技有限公司" in _names(find_structural_orgs(text))


def test_institute_of_an_abbreviated_academy_with_place_and_short_field():
    text = "考察组参观了中科院苏州光电所，所长出席。"
    found = find_structural_orgs(text, places=[(9, 11)])
    assert [(o.text, o.subtype) for o in found] == [("中科院苏州光电所", "ResearchInstitution")]
    # no place after the academy, or a title (所长) right after: no institute
    assert _names(find_structural_orgs("中科院光电所所长出席。", places=[])) == []


def test_a_former_post_marker_before_a_title_is_title_like():
    # 政协原副主席: no name 原副 right after the organization
    from kg.recognize.orgs import title_like

    text = "临海市政协原副主席张明"
    assert title_like(text, text.index("原副"))
    assert title_like(text, text.index("副主席"))
    assert not title_like("原野公司", 0)


def test_an_office_kept_in_another_place_is_one_organization():
    from kg.recognize.orgs import find_stationed_offices

    text = "拜访了东川市政府驻上海办事处和长兴县驻沪办，未拜访东川市政府驻地。"
    gov = text.index("东川市政府")
    county = text.index("长兴县")
    owners = {gov + 5: (gov, "GovernmentBody"), county + 3: (county, None)}
    places = {text.index("上海"): text.index("上海") + 2}
    found = [(o.text, o.subtype) for o in find_stationed_offices(text, owners, places)]
    assert found == [("东川市政府驻上海办事处", "GovernmentBody"), ("长兴县驻沪办", "GovernmentBody")]
