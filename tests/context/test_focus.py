import pytest

from kg.context.focus import focus_place, implied_body, resolve_bodies
from kg.context.places import covered, place_infos

from tests.builders import make_article


def test_focus_place_prefers_the_paragraph_then_the_article():
    art = make_article("甲市很好。甲市很好。\n乙市来访。", {"甲市": "Place", "乙市": "Place"})
    infos = place_infos(art)
    second_para = art.sentences[-1].start + 3
    assert art.entities[focus_place(art, infos, "市", second_para)].name == "乙市"
    assert art.entities[focus_place(art, infos, "市", 0)].name == "甲市"



def test_a_body_word_after_an_admin_character_is_the_body_of_the_place_in_focus():
    art = make_article("甲市很好。市委、市政府高度重视。", {"甲市": "Place"})
    resolve_bodies(art, place_infos(art), covered(art))
    got = {(m.text, art.entities[m.entity].name) for m in art.mentions if m.generic}
    assert got == {("市委", "甲市委"), ("市政府", "甲市政府")}
    assert all(art.entities[m.entity].subtype == "GovernmentBody" for m in art.mentions if m.generic)


def test_an_implied_body_is_found_before_it_is_created():
    art = make_article("甲市发展。甲市委发布。", {"甲市": "Place", "甲市委": "Organization"})
    place = next(i for i, e in enumerate(art.entities) if e.name == "甲市")
    before = len(art.entities)
    assert art.entities[implied_body(art, place, "委")].name == "甲市委"
    assert len(art.entities) == before
    assert art.entities[implied_body(art, place, "政府")].name == "甲市政府"
    assert len(art.entities) == before + 1


def test_an_implied_body_is_the_one_written_in_full():
    # 甲市人民政府 is written; a bare 市政府 later is that body, not a second 甲市政府
    art = make_article("甲市很好。甲市人民政府发布。市政府高度重视。", {"甲市": "Place", "甲市人民政府": "Organization"})
    place = next(i for i, e in enumerate(art.entities) if e.name == "甲市")
    before = len(art.entities)
    assert art.entities[implied_body(art, place, "政府")].name == "甲市人民政府"
    assert len(art.entities) == before


def test_an_implied_body_writes_the_level_character_once():
    # 市经开区党工委 of 甲乙市 is 甲乙市经开区党工委, not 甲乙市市经开区党工委
    art = make_article("甲乙市很好。", {"甲乙市": "Place"})
    place = next(i for i, e in enumerate(art.entities) if e.name == "甲乙市")
    assert art.entities[implied_body(art, place, "市经开区党工委")].name == "甲乙市经开区党工委"
    # written twice in the text: that body is found
    art = make_article("甲乙区很好。甲乙区区委发布。", {"甲乙区": "Place", "甲乙区区委": "Organization"})
    place = next(i for i, e in enumerate(art.entities) if e.name == "甲乙区")
    assert art.entities[implied_body(art, place, "区委")].name == "甲乙区区委"
    # a one-character stem keeps both (甲县县委)
    art = make_article("甲县很好。", {"甲县": "Place"})
    place = next(i for i, e in enumerate(art.entities) if e.name == "甲县")
    assert art.entities[implied_body(art, place, "县委")].name == "甲县县委"


def test_the_guests_home_is_never_the_own_city_they_come_to():
    from kg.context.focus import focus_place
    from kg.context.places import place_infos

    text = "东川市市长王一率队来我市考察。市委书记张明会见了王一一行。"
    art = make_article(text, {"东川市": "Place", "王一": "Person", "张明": "Person"})
    infos = place_infos(art)
    assert focus_place(art, infos, "市", text.index("市委书记")) is None
    # before the arrival verb, in its own clause, the guests' city stays in focus
    assert focus_place(art, infos, "市", text.index("市长")) is not None


def test_hong_kong_is_no_city_for_a_bare_city_body():
    """香港 has no 市委: a bare 市委 never becomes 香港市委 (PlaceInfo.fits)."""
    from kg.context.places import PlaceInfo
    from kg.lexicons.gazetteer import lookup

    hk = lookup("香港")[0]
    info = PlaceInfo(0, hk.level, hk.code, hk.parent, "香港")
    sz = lookup("深圳")[0]
    assert not info.fits("市")
    assert PlaceInfo(1, sz.level, sz.code, sz.parent, "深圳", "市").fits("市")


def test_guests_coming_to_a_named_city_leave_bare_bodies_to_the_host():
    """甲市代表团来乙市考察 (a coming verb, said by the host): a bare 市长
    after the clause is the host's even where the guests' city is named last."""
    text = "东川市代表团来临海市考察。东川市副市长王一介绍情况。市长张明陪同。"
    art = make_article(text, {"东川市": "Place", "临海市": "Place", "王一": "Person", "张明": "Person"})
    infos = place_infos(art)
    assert art.entities[focus_place(art, infos, "市", text.index("市长张明"))].name == "临海市"
    # in the clause that brings them, the guests' city stays theirs
    text2 = "东川市副市长王一、市长李四率东川市代表团来临海市考察。"
    art2 = make_article(text2, {"东川市": "Place", "临海市": "Place", "王一": "Person", "李四": "Person"})
    assert art2.entities[focus_place(art2, place_infos(art2), "市", text2.index("市长李四"))].name == "东川市"


def test_a_guest_city_written_in_the_same_sentence_keeps_its_bare_titles():
    """东川市委书记王一，市委副书记李四率队 after the guests came: the city
    written in the sentence before the body word still owns it."""
    text = "东川市代表团来临海市考察。东川市委书记王一，市委副书记李四率队。"
    art = make_article(text, {"东川市": "Place", "临海市": "Place", "王一": "Person", "李四": "Person"})
    infos = place_infos(art)
    assert art.entities[focus_place(art, infos, "市", text.index("市委副书记"))].name == "东川市"


def test_the_place_guests_come_to_is_never_their_home():
    """热情的乙市人民期待朋友来乙市考察: 乙市 is before the coming verb, but it
    is where they come, so a bare 市长 may still mean it."""
    text = "热情的临海市人民期待朋友来临海市考察。市长张明致辞。"
    art = make_article(text, {"临海市": "Place", "张明": "Person"})
    assert art.entities[focus_place(art, place_infos(art), "市", text.index("市长"))].name == "临海市"


def test_a_guest_city_in_the_clause_that_brings_them_is_not_kept_by_the_sentence():
    """江门市代表团来我市考察，市委书记张明接待: 江门市 is in the sentence, but in
    the clause that brings the guests, so 市委 is not 江门市委."""
    text = "6月1日，江门市代表团来我市考察，市委书记张明接待。"
    art = make_article(text, {"江门市": "Place", "张明": "Person"})
    assert focus_place(art, place_infos(art), "市", text.index("市委")) is None


def test_a_self_reference_in_the_clause_that_brings_the_guests_is_no_guests_home():
    """临海市消息：我市友好城市江门市市长王力一行来我市考察: 我市 before the verb is
    the writer's 临海市, so the later bare 市长 means it (江门市 stays the guests')."""
    from kg.doc import Article
    from kg.evaluation.from_article import article_to_gold_shape
    from kg.nlp.loader import load_backend
    from kg.pipeline import analyze_article

    text = "临海市消息：我市友好城市江门市市长王力一行来我市考察。\n市长张明会见了王力一行。"
    art = analyze_article(Article(source="t.txt", raw=text), load_backend(None), until="scoring")
    got = {(p["person"], p.get("in")) for p in article_to_gold_shape(art)["positions"]}
    assert got == {("王力", "江门市"), ("张明", "临海市")}


def _city_at(text: str, entities: dict[str, str], title: str) -> str:
    """The city focus_place gives the bare 市 title written at ``title`` in ``text``."""
    art = make_article(text, entities)
    return art.entities[focus_place(art, place_infos(art), "市", text.index(title))].name


@pytest.mark.parametrize("text, title, city", [
    # 东川市副市长王一率考察团，来我市考察: the coming clause has no subject of its own, so
    # the clause where 王一 leads the group is part of it and 东川市 is the guests' home
    ("东川市代表团到临海市考察\n6月1日，东川市副市长王一率考察团，来我市考察。副市长张明陪同。", "副市长张明", "临海市"),
    # a place in a clause before it where no one leads a group is no guest's
    ("东川市代表团到临海市考察\n6月1日，东川市副市长王一介绍了东川市，就来我市考察。副市长张明陪同。", "副市长张明", "东川市"),
    # 在东川市签署: the venue is no city of a later sentence's title ...
    ("临海市与华锐公司在东川市签署协议。市长张明出席。", "市长", "临海市"),
    # ... but written in the title's own sentence it still counts
    ("临海市与华锐公司在东川市签署协议，市长张明出席。", "市长", "东川市"),
])
def test_guests_whose_leader_leads_before_the_coming_verb_and_venues(text, title, city):
    entities = {"东川市": "Place", "临海市": "Place", "华锐公司": "Organization", "王一": "Person", "张明": "Person"}
    assert _city_at(text, {k: v for k, v in entities.items() if k in text}, title) == city
