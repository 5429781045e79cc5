from kg.context.generics import resolve_generic_references, resolve_titled_surnames

from tests.builders import make_article


def generic(art):
    return {(m.text, art.entities[m.entity].name) for m in art.mentions if m.generic}


def test_generic_org_resolves_to_the_paragraph_topic_not_the_latest_name():
    art = make_article("甲集团有限公司由乙集团、丙集团重组而成。张三与集团董事长李四会谈。",
                       {"甲集团有限公司": "Organization", "乙集团": "Organization", "丙集团": "Organization",
                        "张三": "Person", "李四": "Person"})
    resolve_generic_references(art)
    assert ("集团", "甲集团有限公司") in generic(art)


def test_no_entity_from_a_generic_word_without_antecedent():
    art = make_article("集团发展很好。公司也好。", {})
    resolve_generic_references(art)
    assert art.entities == [] and art.mentions == []


def test_a_generic_head_word_is_the_organization_of_its_clause_frame():
    text = ("王一一行走进甲科技有限公司、乙科技有限公司和丙实验室。在甲科技有限公司，公司董事长李二介绍了情况；"
            "在乙科技有限公司，王一与公司副总经理赵三交流。\n在丙实验室，王一与实验室副主任钱四座谈。")
    art = make_article(text, {"王一": "Person", "李二": "Person", "赵三": "Person", "钱四": "Person",
                              "甲科技有限公司": "Organization", "乙科技有限公司": "Organization",
                              "丙实验室": "Organization"})
    resolve_generic_references(art)
    got = {(m.start, art.entities[m.entity].name) for m in art.mentions if m.generic}
    assert (text.index("公司董事长"), "甲科技有限公司") in got
    assert (text.index("公司副总经理"), "乙科技有限公司") in got
    assert (text.index("实验室副主任"), "丙实验室") in got


def test_self_references_and_bodies_of_the_home_city():
    art = make_article("阳泉很好。阳泉发展。我市与市委、市政府。", {"阳泉": "Place"})
    resolve_generic_references(art)
    got = generic(art)
    assert ("我市", "阳泉") in got
    assert ("市委", "阳泉市委") in got and ("市政府", "阳泉市政府") in got
    # the bodies are Organizations; the generic words are no aliases
    for e in art.entities:
        assert "市委" not in e.aliases and "我市" not in e.aliases


def test_a_surname_with_a_title_is_the_only_person_holding_it():
    from kg.doc import Position

    art = make_article("甲市副市长王一、乙公司董事长王二到会。王市长表示欢迎。",
                       {"王一": "Person", "王二": "Person", "甲市": "Place", "乙公司": "Organization"})
    names = {e.name: i for i, e in enumerate(art.entities)}
    art.positions = [Position(names["王一"], "副市长", names["甲市"], 0, ""),
                     Position(names["王二"], "董事长", names["乙公司"], 0, "")]
    resolve_titled_surnames(art)
    got = {(m.text, art.entities[m.entity].name) for m in art.mentions if m.generic}
    assert got == {("王市长", "王一")}


def test_a_frame_names_the_company_whatever_its_name_says():
    from kg.relations.relations import extract_relations

    from tests.builders import make_article, triples

    text = "王一一行考察了丙集团有限公司。在乙新能源，王一与公司总经理王二座谈交流。"
    art = make_article(text, {"王一": "Person", "王二": "Person", "乙新能源": "Organization",
                              "丙集团有限公司": "Organization"})
    extract_relations(art)
    assert triples(art, "affiliatedWith") == {("王二", "乙新能源")}


def test_a_demonstrative_means_the_group_of_an_earlier_paragraph_but_a_bare_word_does_not():
    text = "东岭集团有限公司在南湖召开年会。\n该集团董事长周七出席会议。\n集团总经理吴八作报告。"
    art = make_article(text, {"东岭集团有限公司": "Organization", "周七": "Person", "吴八": "Person"})
    resolve_generic_references(art)
    got = {(m.text, art.entities[m.entity].name) for m in art.mentions if m.generic}
    assert ("该集团", "东岭集团有限公司") in got
    # a bare 集团 still looks only in its own paragraph
    assert ("集团", "东岭集团有限公司") not in got


def test_a_school_that_comes_to_us_is_never_we():
    """甲大学王一校长一行莅临我校: 甲大学 is the guest, 我校 the other school
    the article names; with no single other school most named, no guess."""
    text = "甲大学王一校长一行莅临我校访问。甲大学与我校合作。乙学院很好。乙学院发展。"
    art = make_article(text, {"甲大学": "Organization", "乙学院": "Organization", "王一": "Person"})
    resolve_generic_references(art)
    assert generic(art) == {("我校", "乙学院")}
    text2 = "甲大学王一校长一行莅临我校访问。乙学院很好。丙学院发展。"
    art2 = make_article(text2, {"甲大学": "Organization", "乙学院": "Organization", "丙学院": "Organization",
                                "王一": "Person"})
    resolve_generic_references(art2)
    assert not {w for w, _ in generic(art2) if w == "我校"}


def test_we_is_the_place_the_publisher_is_named_after():
    # 吉林市人民政府网 publishes: 我市 is 吉林市, though 温州市 is named more often
    art = make_article("吉林市代表团赴温州市。温州市欢迎。温州市很好。我市代表团参观。", {"吉林市": "Place", "温州市": "Place"})
    art.meta.publisher = "吉林市人民政府网"
    resolve_generic_references(art)
    assert ("我市", "吉林市") in generic(art)
    art = make_article("吉林市代表团赴温州市。温州市欢迎。温州市很好。我市代表团参观。", {"吉林市": "Place", "温州市": "Place"})
    resolve_generic_references(art)
    assert ("我市", "温州市") in generic(art)  # no publisher: the city in focus


def test_a_generic_word_before_any_name_of_its_kind_means_the_one_named_later():
    """集团公司董事程念高…。程念高感谢福建省对华电集团的支持: no group is named before
    集团, and exactly one is named after it; with two named after it, none is chosen,
    nor a name that only holds the word (学院办公室 is no 学院)."""
    text = "集团董事程念高会见张志南。\n程念高感谢福建省对华电集团的支持。"
    art = make_article(text, {"程念高": "Person", "张志南": "Person", "华电集团": "Organization"})
    resolve_generic_references(art)
    assert ("集团", "华电集团") in generic(art)
    text = "集团董事程念高会见张志南。\n程念高感谢华电集团、华能集团的支持。"
    art = make_article(text, {"程念高": "Person", "张志南": "Person", "华电集团": "Organization",
                              "华能集团": "Organization"})
    resolve_generic_references(art)
    assert not generic(art)
    text = "学院党委书记李爱民出席。\n李爱民与学院办公室主任王一交流。"
    art = make_article(text, {"李爱民": "Person", "王一": "Person", "学院办公室": "Organization"})
    resolve_generic_references(art)
    assert ("学院", "学院办公室") not in generic(art)
