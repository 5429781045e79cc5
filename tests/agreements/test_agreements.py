import pytest

from kg.relations.relations import extract_relations

from tests.builders import make_article


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


PEOPLE = {n: "Person" for n in ("王一", "李二", "赵三", "钱四")}


def test_a_witness_frame_before_the_signings_covers_every_signing_of_the_sentence():
    art = make_article("会后，在王一、李二的共同见证下，甲区政府与乙科技签署合作协议，丙协会、丁公司分别与戊院签订X合同和Y合同。",
                       {**PEOPLE, **ORGS})
    extract_relations(art)
    assert agreements(art) == [
        ("X合同", ("丙协会", "戊院"), ("王一", "李二")),
        ("Y合同", ("丁公司", "戊院"), ("王一", "李二")),
        ("合作协议", ("乙科技", "甲区政府"), ("王一", "李二")),
    ]


def test_a_witness_sentence_after_the_signings_applies_to_them():
    art = make_article("仪式上，甲区政府、丙协会分别与乙科技、丁公司签约。王一、李二等共同见证签约。",
                       {**PEOPLE, **ORGS})
    extract_relations(art)
    assert agreements(art) == [
        ("签约项目", ("丁公司", "丙协会"), ("王一", "李二")),
        ("签约项目", ("乙科技", "甲区政府"), ("王一", "李二")),
    ]


def test_the_subject_of_an_earlier_clause_and_a_joint_subject_witness():
    art = make_article("王一出席签约仪式，见证甲区政府与乙科技签订合作协议。\n李二与赵三座谈，共同见证丙协会与丁公司签约。",
                       {**PEOPLE, **ORGS})
    extract_relations(art)
    assert agreements(art) == [
        ("合作协议", ("乙科技", "甲区政府"), ("王一",)),
        ("签约项目", ("丁公司", "丙协会"), ("李二", "赵三")),
    ]


def test_attending_a_ceremony_is_not_witnessing():
    art = make_article("王一出席签约仪式。甲区政府与乙科技签订合作协议。", {**PEOPLE, **ORGS})
    extract_relations(art)
    assert agreements(art) == [("合作协议", ("乙科技", "甲区政府"), ())]


def test_a_headline_and_a_retelling_merge_with_the_body_signing():
    text = ("甲区政府携手乙科技签署合作备忘录\n"
            "王一见证甲区政府与乙科技签署产业升级合作备忘录。\n"
            "本次备忘录由甲区政府与乙科技代表签署。")
    art = make_article(text, {**PEOPLE, **ORGS})
    extract_relations(art)
    assert agreements(art) == [("产业升级合作备忘录", ("乙科技", "甲区政府"), ("王一",))]


def test_a_government_named_as_the_party_in_one_telling_stays_the_party_when_another_names_its_place():
    # the guide: a government that signs is its body; 福建 in the last telling is that body
    text = ("福建省政府与招商局集团签订深化战略合作框架协议\n"
            "27日，福建省政府与招商局集团在福州签署了深化战略合作框架协议。\n"
            "傅育宁董事长亲自率领团队来与福建签订深化战略合作框架协议。")
    art = make_article(text, {"福建省政府": "Organization", "招商局集团": "Organization", "福建": "Place",
                              "福州": "Place", "傅育宁": "Person"})
    next(e for e in art.entities if e.name == "福建省政府").subtype = "GovernmentBody"
    extract_relations(art)
    assert agreements(art) == [("深化战略合作框架协议", ("招商局集团", "福建省政府"), ())]


def test_a_later_signing_by_a_place_is_the_signing_its_government_was_named_for():
    # one side told two ways: 临海市政府 signs in the first telling, 临海 in the second
    text = ("临海市政府与华锐科技有限公司签署新基建战略合作协议\n"
            "4月15日上午，临海市政府与华锐科技有限公司签署新基建战略合作协议。\n"
            "张明表示，在关键时期，华锐科技有限公司与临海进行合作签约，为临海抢抓机遇提供了支撑。")
    art = make_article(text, {"临海市政府": "Organization", "华锐科技有限公司": "Organization",
                              "临海市": "Place", "张明": "Person"}, {"临海市": ["临海"]})
    next(e for e in art.entities if e.name == "临海市政府").subtype = "GovernmentBody"
    extract_relations(art)
    assert agreements(art) == [("新基建战略合作协议", ("临海市政府", "华锐科技有限公司"), ())]


def test_a_count_of_signed_projects_is_no_agreement():
    from kg.relations.relations import extract_relations

    from tests.builders import make_article

    for text in ("今年以来，甲市已签约亿元以上项目11个。", "甲市累计签约重大项目11个，总投资50亿元。"):
        art = make_article(text, {"甲市": "Place"})
        extract_relations(art)
        assert art.agreements == []


def test_each_listed_project_is_its_own_agreement_with_the_same_parties():
    for text in ("甲区政府与乙科技就A平台项目、B合作项目进行签约。",
                 "甲区政府与乙科技就A平台、B合作等项目进行签约。",
                 "甲区政府与乙科技签约A平台项目和B合作项目。",
                 "甲区政府与乙科技现场签约A平台项目、B合作项目。"):
        art = make_article(text, dict(ORGS))
        extract_relations(art)
        got = agreements(art)
        assert len(got) == 2, text
        assert {parties for _, parties, _ in got} == {("乙科技", "甲区政府")}, text
        assert all(name.startswith(("A平台", "B合作")) for name, _, _ in got), text


def test_listed_titles_are_one_agreement_each_and_a_title_may_name_its_own_sides():
    art = make_article("在陈向平见证下，甲区政府与乙科技签署了《丙协议》《戊院与己所合作协议书》。",
                       {"陈向平": "Person", **ORGS})
    extract_relations(art)
    assert agreements(art) == [("丙协议", ("乙科技", "甲区政府"), ("陈向平",)),
                               ("戊院与己所合作协议书", ("己所", "戊院"), ("陈向平",))]


@pytest.mark.parametrize("text, expected", [
    # no side told before the verb: the title names its own
    ("下午召开座谈会，会上签订了《甲区政府与乙科技结对帮扶框架协议》。",
     [("甲区政府与乙科技结对帮扶框架协议", ("乙科技", "甲区政府"), ())]),
    ("下午召开座谈会，会上签订了《结对帮扶框架协议》。", []),  # nor does the title: no agreement
])
def test_a_title_names_the_sides_no_clause_names(text, expected):
    art = make_article(text, ORGS)
    extract_relations(art)
    assert agreements(art) == expected


def test_two_place_abbreviations_before_shuangfang_are_the_sides():
    # 沪 and 澳 (place_abbreviations.tsv) + 双方 (agreement_abbreviated_sides.tsv)
    art = make_article("上海市代表团到访澳门。在陈向平见证下，沪澳双方签署了《丙协议》。",
                       {"陈向平": "Person", "上海市": "Place", "澳门": "Place"})
    extract_relations(art)
    assert agreements(art) == [("丙协议", ("上海市", "澳门"), ("陈向平",))]


def test_a_joining_word_after_the_counterpart_word_continues_the_other_sides_list():
    # 甲与乙、丙和丁签约: 和 joins the list after 与 (data/model_with.tsv, scope joins), one agreement per pair
    art = make_article("甲区政府与乙科技、丙协会和丁公司签署合作协议。", ORGS)
    extract_relations(art)
    assert agreements(art) == [("合作协议", ("丁公司", "甲区政府"), ()), ("合作协议", ("丙协会", "甲区政府"), ()),
                               ("合作协议", ("乙科技", "甲区政府"), ())]
    # 和 as the first counterpart word still opens the other side
    art = make_article("甲区政府和乙科技签署合作协议。", ORGS)
    extract_relations(art)
    assert agreements(art) == [("合作协议", ("乙科技", "甲区政府"), ())]


def test_a_places_party_committee_signs_as_its_government_or_not_at_all():
    # a committee never signs (the guide: a government that signs is its body); 委 and 政府
    # from data/relation_body_endings.tsv (scopes committee, gov_name)
    ents = {"临海市": "Place", "临海市委": "Organization", "临海市政府": "Organization", "乙科技": "Organization"}
    art = make_article("临海市委与乙科技签署合作协议。临海市政府负责落实。", ents)
    extract_relations(art)
    assert agreements(art) == [("合作协议", ("临海市政府", "乙科技"), ())]
    art = make_article("临海市委与乙科技签署合作协议。", {k: v for k, v in ents.items() if k != "临海市政府"})
    extract_relations(art)
    assert agreements(art) == [("合作协议", ("乙科技",), ())]


def test_one_document_told_twice_in_one_sentence_is_one_entry_with_every_witness():
    """Two tellings the retelling merge keeps apart (the same sentence) with the same name
    and parties are one document: one entry, one Signing event, the witnesses of both
    (a real case: 签约项目 and 友好城市交流协定 read from one sentence, the first named again
    by a later ceremony with the witnesses)."""
    from kg.agreements.agreements import _Signings
    from kg.doc import Agreement
    from kg.context.clauses import TextView

    art = make_article("甲区政府与乙科技签订合作协议。张三、李四见证。", {"张三": "Person", "李四": "Person", **ORGS})
    ids = {e.name: i for i, e in enumerate(art.entities)}
    signings = _Signings(art, TextView(art))
    parties = [ids["甲区政府"], ids["乙科技"]]
    signings.found = [Agreement("合作协议", list(parties), [ids["张三"]], sentence=0),
                      Agreement("合作协议", list(reversed(parties)), [ids["李四"]], sentence=0),
                      Agreement("框架协议", list(parties), [], sentence=0)]
    signings.finish()
    assert agreements(art) == [("合作协议", ("乙科技", "甲区政府"), ("张三", "李四")), ("框架协议", ("乙科技", "甲区政府"), ())]
    signing = [e for e in art.events if e.kind == "Signing"]
    assert len(signing) == 2 and sorted(art.entities[w].name for w in signing[0].agents) == ["张三", "李四"]


def test_an_unnamed_school_signing_leaves_the_named_side_alone():
    # 学校 that no name stands for is the publisher (D19: the named party alone,
    # data/agreement_unnamed_sides.tsv) ...
    art = make_article("7月4日，学校与丁公司签署了战略合作协议。", dict(ORGS))
    extract_relations(art)
    assert agreements(art) == [("战略合作协议", ("丁公司",), ())]


def test_a_school_word_beside_a_named_university_is_no_unnamed_side():
    # ... but beside a named university it is that university, which the rules may not
    # have linked: no agreement of the other side alone
    art = make_article("东川大学举行签约仪式。7月4日，学校与丁公司签署了战略合作协议。",
                       {"东川大学": "Organization", **ORGS})
    art.entities[0].subtype = "University"
    extract_relations(art)
    assert all(len(parties) != 1 for _, parties, _ in agreements(art))


PLACES = {"临海区": "Place", "东川市": "Place", "王立": "Person"}


def test_a_collective_signing_held_by_a_place_has_the_place_as_its_party():
    # D20 (as the shared dev h041): no signer named at a district's collective signing
    art = make_article("9月27日，临海区举行三季度重大项目集中签约仪式。\n市长王立见证签约。", dict(PLACES))
    extract_relations(art)
    assert agreements(art) == [("三季度重大项目集中签约", ("临海区",), ("王立",))]


def test_projects_listed_before_the_signing_word_are_signed_by_the_holder_of_the_ceremony():
    text = ("2月20日上午，临海区招商项目集中签约活动举行。\n"
            "不到半小时，华锐产业园、海通专用车迁建等5个项目签约落地。")
    art = make_article(text, {**PLACES, "华锐产业园": "Place"})
    extract_relations(art)
    # one per project; the ceremony's own agreement gives way to them
    assert agreements(art) == [("华锐产业园", ("临海区",), ()), ("海通专用车迁建", ("临海区",), ())]


def test_a_counted_signing_after_a_collective_ceremony_takes_the_frame_witnesses():
    text = "7月17日，东川市举办重大项目集中签约活动。在省长王立等领导的见证下，14个项目成功签约。"
    art = make_article(text, dict(PLACES))
    extract_relations(art)
    assert agreements(art) == [("14个项目", ("东川市",), ("王立",))]


def test_a_ceremony_shared_with_another_body_is_no_collective_signing_of_the_place():
    art = make_article("东川市第三批重点项目集中开工暨丙协会重大项目签约仪式举行。", {**PLACES, **ORGS})
    extract_relations(art)
    assert art.agreements == []


def test_a_counted_signing_without_a_ceremony_or_collective_word_is_no_agreement():
    art = make_article("今年以来，东川市14个项目签约。", dict(PLACES))
    extract_relations(art)
    assert art.agreements == []


def test_projects_of_a_pair_are_no_collective_signing():
    text = "临海区举行重大项目集中签约仪式。乙科技与丁公司就A平台、B合作等2个项目签约。"
    art = make_article(text, {**PLACES, **ORGS})
    extract_relations(art)
    assert {parties for _, parties, _ in agreements(art)} == {("丁公司", "乙科技")}


def test_the_venue_of_a_collective_signing_is_not_its_holder():
    art = make_article("在临海区举行东川市重点招商项目集中签约仪式。", dict(PLACES))
    extract_relations(art)
    assert art.agreements == []
