from kg.extract.relations import extract_relations

from .builders import make_article


def agreements(art):
    e = art.entities
    return sorted((a.name, tuple(sorted(e[p].name for p in a.parties)), tuple(e[w].name for w in a.witnesses))
                  for a in art.agreements)


ORGS = {n: "Organization" for n in ("甲区政府", "乙科技", "丙协会", "丁公司", "戊院", "己所", "庚厂", "辛社")}


def test_witness_is_the_leader_and_parties_are_organizations():
    art = make_article("陈向平一行来到乙科技，共同见证甲区政府与乙科技签订意向合作协议。",
                       {"陈向平": "Person", **ORGS})
    extract_relations(art)
    assert agreements(art) == [("意向合作协议", ("乙科技", "甲区政府"), ("陈向平",))]
    assert [e.kind for e in art.events].count("Signing") == 1


def test_parallel_lists_give_one_agreement_per_pair_and_project():
    art = make_article("随后，甲区政府与丙协会、丁公司就A平台、B合作等项目进行签约；戊院与己所就C攻关、庚厂与辛社就D开发等项目进行签约。",
                       dict(ORGS))
    extract_relations(art)
    got = {parties for _, parties, _ in agreements(art)}
    assert got == {("丙协会", "甲区政府"), ("丁公司", "甲区政府"), ("己所", "戊院"), ("庚厂", "辛社")}


def test_a_person_signs_for_the_organization_and_a_retold_signing_is_kept_once():
    text = ("甲区政府与乙科技签订战略框架协议。\n"
            "区长张三代表甲区政府与乙科技签订了战略框架协议。")
    art = make_article(text, {"张三": "Person", **ORGS})
    extract_relations(art)
    assert agreements(art) == [("战略框架协议", ("乙科技", "甲区政府"), ())]


def test_a_wish_is_not_an_agreement():
    art = make_article("希望甲区政府与乙科技尽早签订合作协议。", dict(ORGS))
    extract_relations(art)
    assert art.agreements == []


def test_three_party_signing():
    art = make_article("丙协会、丁公司、戊院开展了三方战略框架合作协议签署活动。", dict(ORGS))
    extract_relations(art)
    assert agreements(art) == [("三方战略框架合作协议", ("丁公司", "丙协会", "戊院"), ())]
