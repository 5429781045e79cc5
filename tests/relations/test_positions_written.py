"""Titles as the guide writes them (D15-D17) and the outlet of bylines (D16)."""

import pytest

from kg.context.clauses import TextView
from kg.context.generics import resolve_generic_references
from kg.relations.positions import affiliations, dateline_outlet, extract_positions

from tests.builders import make_article, positions


def run(art):
    resolve_generic_references(art)
    extract_positions(art, TextView(art))
    return positions(art)


def test_byline_roles_sit_in_the_outlet_of_the_dateline():
    # D16: 通讯员 and 责任编辑 are in the outlet; a dateline (甲网9月7日乙讯) names it
    art = make_article("甲网9月7日乙讯 丙公司召开年会。（甲网通讯员 王一）\n[责任编辑：李二]",
                       {"甲网": "Organization", "乙": "Place", "丙公司": "Organization",
                        "王一": "Person", "李二": "Person"})
    assert dateline_outlet(art) == next(i for i, e in enumerate(art.entities) if e.name == "甲网")
    got = run(art)
    assert ("王一", "通讯员", "甲网") in got and ("李二", "责任编辑", "甲网") in got
    aff = {(art.entities[p].name, art.entities[o].name) for p, o, _ in affiliations(art)}
    assert ("王一", "甲网") in aff


def test_an_organization_at_a_line_start_without_a_dateline_is_no_outlet():
    art = make_article("丙公司召开年会，王一出席。\n（编辑：李二）",
                       {"丙公司": "Organization", "王一": "Person", "李二": "Person"})
    assert dateline_outlet(art) is None
    assert ("李二", "编辑", None) in run(art)


def test_a_department_that_is_no_entity_stays_in_the_title():
    # D15: 合作科 is no entity: the title keeps it and sits in the bureau
    art = make_article("甲市科技局合作科副科长王一出席。", {"甲市科技局": "Organization", "王一": "Person"})
    assert run(art) == {("王一", "合作科副科长", "甲市科技局")}


def test_a_foreign_mission_keeps_its_post_in_the_title():
    # D17: 驻沪总领事 in the sending country
    art = make_article("巴西驻沪总领事王一出席。", {"巴西": "Place", "王一": "Person"})
    assert run(art) == {("王一", "驻沪总领事", "巴西")}


def test_a_level_and_a_government_without_a_name_stay_in_the_title():
    # 市政府秘书长: no name precedes the generic body, which the title keeps;
    # 甲市政府秘书长: the named government is the body, the title is the role
    art = make_article("甲市政府召开会议。市政府秘书长王一，甲市政府副秘书长李二出席。",
                       {"甲市政府": "Organization", "王一": "Person", "李二": "Person"})
    got = run(art)
    assert ("李二", "副秘书长", "甲市政府") in got
    assert {t for p, t, _ in got if p == "王一"} == {"市政府秘书长"}


def test_an_unresolved_level_body_stays_in_the_title_with_no_body():
    art = make_article("省外办副主任王一出席。", {"王一": "Person"})
    assert run(art) == {("王一", "省外办副主任", None)}


@pytest.mark.parametrize("text, expected", [
    # a level and a bureau no name precedes: the title keeps the generic body,
    # the bureau is still resolved to the article's city
    ("甲市召开会议。市教育局局长王一出席。", ("王一", "市教育局局长", "甲市教育局")),
    # a bare committee's office: 县委办 stays, the body is the county committee
    ("乙县召开会议。县委办主任王一出席。", ("王一", "县委办主任", "乙县委")),
    # a named bureau is the body and leaves the title
    ("甲市召开会议。甲市教育局局长王一出席。", ("王一", "局长", "甲市教育局")),
    # a company whose name a level character begins is no generic body
    ("甲市召开会议。市政公司总经理王一出席。", ("王一", "总经理", None)),
])
def test_a_generic_body_after_a_level_stays_in_the_title(text, expected):
    ents = {"甲市": "Place", "乙县": "Place", "王一": "Person"}
    if "甲市教育局局长" in text:
        ents["甲市教育局"] = "Organization"
    got = run(make_article(text, ents))
    assert expected in got, got


def test_a_company_word_is_no_department_of_the_title():
    # 司 ends a department (外交部政策司), but 公司 is the company itself: the title is the role
    art = make_article("座谈会上，公司总经理王一介绍了情况。", {"王一": "Person"})
    assert {t for p, t, _ in run(art) if p == "王一"} == {"总经理"}


def test_a_diplomat_sits_in_the_mission_the_article_names():
    # D17 gives the sending country; where the article names that country's mission
    # (data/title_mission_bodies.tsv) the post is held there, as the corpus gold has it
    ents = {"巴西": "Place", "荷兰": "Place", "荷兰驻华大使馆": "Organization", "王一": "Person", "李二": "Person"}
    art = make_article("荷兰驻华大使馆举行招待会。荷兰驻华大使王一、巴西驻华大使李二出席。", ents)
    got = run(art)
    assert ("王一", "驻华大使", "荷兰驻华大使馆") in got and ("李二", "驻华大使", "巴西") in got


def test_a_title_after_the_name_sits_in_the_organization_named_before_it():
    art = make_article("甲大学王一校长一行到访。", {"甲大学": "Organization", "王一": "Person"})
    assert run(art) == {("王一", "校长", "甲大学")}


def test_a_title_after_the_name_takes_an_organization_of_its_kind_in_the_sentence():
    art = make_article("代表团到访甲学院，王一副校长接待。", {"甲学院": "Organization", "王一": "Person"})
    assert run(art) == {("王一", "副校长", "甲学院")}


def test_an_unresolved_reference_takes_the_organization_of_the_roles_kind():
    # 该会 names no entity: 会长 belongs to the association named before it in the sentence
    art = make_article("代表团到访甲商会，获该会会长王一接待。", {"甲商会": "Organization", "王一": "Person"})
    assert run(art) == {("王一", "会长", "甲商会")}


def test_after_a_named_assembly_the_title_is_the_role_and_a_bare_level_stays():
    art = make_article("甲市召开会议，市政协副主席王一出席，甲市政协主席李二讲话。",
                       {"甲市": "Place", "甲市政协": "Organization", "王一": "Person", "李二": "Person"})
    got = run(art)
    assert ("李二", "主席", "甲市政协") in got
    assert {t for p, t, _ in got if p == "王一"} == {"市政协副主席"}


def test_a_newspaper_named_in_the_dateline_after_a_website_is_the_outlet():
    art = make_article("甲网-乙日报5月3日讯（记者 王一）丙公司召开年会。",
                       {"甲网": "Organization", "乙日报": "Organization", "丙公司": "Organization", "王一": "Person"})
    assert run(art) == {("王一", "记者", "乙日报")}


def test_a_listing_word_ends_the_unnamed_department_of_a_title():
    # 包括 (data/title_chain_stops.tsv) stops the walk: 经济财政司司长, not 团成员包括经济财政司司长
    art = make_article("代表团成员包括经济财政司司长王一。", {"王一": "Person"})
    assert run(art) == {("王一", "经济财政司司长", None)}


def test_a_mission_sits_in_the_sending_country_named_before_it():
    # D17: 甲国驻乙国大使 -> 驻乙国大使 in 甲国 (not in 乙国, the last name of the prefix)
    art = make_article("会议由甲国驻乙国大使王一主持。", {"甲国": "Place", "乙国": "Place", "王一": "Person"})
    assert run(art) == {("王一", "驻乙国大使", "甲国")}


def test_a_bare_chain_takes_the_organization_of_a_roles_kind_named_earlier():
    art = make_article("甲大学与乙区合作。\n党委副书记、校长王一出席。",
                       {"甲大学": "Organization", "乙区": "Place", "王一": "Person"})
    assert run(art) == {("王一", "党委副书记", "甲大学"), ("王一", "校长", "甲大学")}
