from kg.extract.orgs import (
    find_parks,
    find_short_companies,
    find_structural_orgs,
    generic_body,
    is_generic_core,
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


def test_short_companies_need_clear_boundaries():
    text = "先后到英莱科技、四维科技等地,发展现代医药等产业"
    assert _names(find_short_companies(text)) == ["英莱科技", "四维科技"]


def test_parks():
    text = "来唐山高新区调研,国家高新区"
    assert _names(find_parks(text, places=[(1, 3)])) == ["唐山高新区"]


def test_generic_cores_and_bodies():
    assert is_generic_core("国家重点")
    assert not is_generic_core("恒玄")
    assert generic_body("省发改委主任", 0) == (4, "省发改委")
    assert generic_body("局长", 0) is None


def test_legal_variants():
    assert legal_variants("恒玄科技(上海)股份有限公司") == ["恒玄科技(上海)", "恒玄科技"]
    assert legal_variants("中国电气装备集团有限公司") == ["中国电气装备集团", "中国电气装备"]
