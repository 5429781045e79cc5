from kg.relations.relations import extract_relations

from tests.builders import make_article
from .test_agreements import ORGS, agreements


def test_respective_lists_pair_element_wise_or_each_with_one():
    art = make_article("甲区政府、丙协会、戊院分别与乙科技、丁公司和己所签约。庚厂分别与辛社、乙科技签订合作协议。",
                       dict(ORGS))
    extract_relations(art)
    assert {p for _, p, _ in agreements(art)} == {
        ("乙科技", "甲区政府"), ("丁公司", "丙协会"), ("己所", "戊院"), ("庚厂", "辛社"), ("乙科技", "庚厂")}


def test_respectively_after_the_partner_list_with_listed_document_names():
    art = make_article("其中，甲区政府与乙科技签订A项目合同，与丙协会及丁公司分别签订B项目协议和C项目合同。", dict(ORGS))
    extract_relations(art)
    assert agreements(art) == [
        ("A项目合同", ("乙科技", "甲区政府"), ()),
        ("B项目协议", ("丙协会", "甲区政府"), ()),
        ("C项目合同", ("丁公司", "甲区政府"), ()),
    ]


def test_an_owner_qualifying_a_party_is_not_a_party_and_quotes_are_stripped():
    art = make_article("甲区政府与戊院所属己所签署《联合实验室共建协议》。", dict(ORGS))
    extract_relations(art)
    assert agreements(art) == [("联合实验室共建协议", ("己所", "甲区政府"), ())]


def test_a_place_mention_where_a_known_body_is_written_signs_as_that_body():
    from kg.doc import Mention

    from kg.agreements.agreement_sides import parties
    from kg.context.clauses import TextView

    text = "甲道代表团来访。甲道经济通商室介绍。甲道经济通商室与乙市签约。"
    art = make_article(text, {"甲道": "Place", "甲道经济通商室": "Organization", "乙市": "Place"})
    place = next(i for i, e in enumerate(art.entities) if e.name == "甲道")
    body = next(i for i, e in enumerate(art.entities) if e.name == "甲道经济通商室")
    city = next(i for i, e in enumerate(art.entities) if e.name == "乙市")
    last = text.rindex("甲道经济通商室")
    # recognition read only the place at the signing: the body mention is missing there
    art.mentions = [m for m in art.mentions if m.start != last]
    art.mentions.append(Mention(start=last, end=last + 2, text="甲道", type="Place", entity=place))
    art.mentions.sort(key=lambda m: m.start)
    view = TextView(art)
    assert parties(view, last, text.rindex("签约")) == [body, city]


def test_respective_word_for_signings_comes_from_the_data_file():
    from kg.lexicons import load

    text = "甲区政府、丙协会分别与乙科技、丁公司签署合作协议。"
    art = make_article(text, dict(ORGS))
    extract_relations(art)
    assert {p for _, p, _ in agreements(art)} == {("乙科技", "甲区政府"), ("丁公司", "丙协会")}
    load.drop("context_respective_words", "分别")
    try:
        art = make_article(text, dict(ORGS))
        extract_relations(art)
        assert {p for _, p, _ in agreements(art)} != {("乙科技", "甲区政府"), ("丁公司", "丙协会")}
    finally:
        load.restore()


def test_the_place_where_the_signing_happens_is_no_party():
    ents = {**ORGS, "丙市": "Place"}
    for text in ("甲区政府与乙科技在丙市签署合作协议。", "甲区政府在丙市与乙科技签署合作协议。"):
        art = make_article(text, ents)
        extract_relations(art)
        assert agreements(art) == [("合作协议", ("乙科技", "甲区政府"), ())], text


def test_the_building_or_office_where_the_signing_happens_is_no_party():
    ents = {**ORGS, "丙乡公所": "Organization"}
    art = make_article("甲区政府与乙科技在丙乡公所举行合作协议签约仪式。", ents)
    extract_relations(art)
    assert agreements(art) == [("合作协议", ("乙科技", "甲区政府"), ())]


def test_a_signer_named_as_a_side_signs_for_the_organization_of_the_post():
    art = make_article("乙科技董事长王五到访。甲区政府与王五签署合作协议。", {**ORGS, "王五": "Person"})
    extract_relations(art)
    assert agreements(art) == [("合作协议", ("乙科技", "甲区政府"), ())]


def test_representatives_of_a_list_sign_respectively_with_the_other_side():
    art = make_article("丙协会、丁公司两家企业代表分别与甲区政府签订了投资协议书。", dict(ORGS))
    extract_relations(art)
    assert {p for _, p, _ in agreements(art)} == {("丙协会", "甲区政府"), ("丁公司", "甲区政府")}


def test_the_nearest_clause_opener_is_the_left_side():
    art = make_article("丙协会举行签约暨开工仪式，乙科技作为主角，与甲区政府签署合作协议。", dict(ORGS))
    extract_relations(art)
    assert agreements(art) == [("合作协议", ("乙科技", "甲区政府"), ())]


def test_a_counted_side_stands_for_the_organizations_named_nearby():
    text = "丙协会、丁公司、戊院负责人出席仪式。\n甲区政府与3家企业签订战略合作协议。"
    art = make_article(text, dict(ORGS))
    extract_relations(art)
    assert {p for _, p, _ in agreements(art)} == {("丙协会", "甲区政府"), ("丁公司", "甲区政府"), ("戊院", "甲区政府")}
    art = make_article(text.replace("3家", "两家"), dict(ORGS))  # two counted, three named: no telling
    extract_relations(art)
    assert art.agreements == []
