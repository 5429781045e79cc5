from kg.context.places import place_infos, place_mentions
from kg.relations.relations import extract_relations
from kg.context.trips import find_trips, home_of, two_sides

from tests.builders import make_article, positions

PLACES = {"甲市": "Place", "乙省": "Place", "乙市": "Place", "甲市委": "Organization"}


def trips_of(art):
    return find_trips(art, place_mentions(art, place_infos(art)))


def test_home_before_the_trip_verb_destinations_after_it():
    art = make_article("甲市委书记王一率甲市代表团赴乙省乙市考察。", {**PLACES, "王一": "Person"})
    (trip,) = trips_of(art)
    names = lambda xs: [art.entities[i].name for i in xs]  # noqa: E731
    assert names(trip.home) == ["甲市"] and names(trip.destinations) == ["乙省", "乙市"]
    assert art.entities[home_of([trip], lambda i: art.entities[i].name.endswith("市"))].name == "甲市"
    assert [art.entities[i].name for i in two_sides([trip])] == ["甲市", "乙市"]


def test_no_trip_without_a_home_or_inside_a_word():
    art = make_article("王一受到乙市欢迎。代表团赴乙市考察。", {"乙市": "Place", "王一": "Person"})
    assert trips_of(art) == []


def test_bare_titles_of_the_delegation_mean_the_home_city_not_the_destination():
    text = "甲市委书记王一率甲市代表团赴乙省乙市考察，市委常委、秘书长张三，副市长李四一同参加。"
    art = make_article(text, {**PLACES, "王一": "Person", "张三": "Person", "李四": "Person"})
    extract_relations(art)
    got = positions(art)
    assert ("张三", "市委常委", "甲市委") in got and ("张三", "秘书长", "甲市委") in got
    assert ("李四", "副市长", "甲市") in got
    assert not any(e.name == "乙市委" for e in art.entities)


def test_a_destination_named_since_as_a_title_owner_stays_in_focus():
    text = "乙区到甲区开展推介活动。甲区委常委、副区长王一出席，区委常委、统战部部长李二参加。"
    art = make_article(text, {"甲区": "Place", "乙区": "Place", "甲区委": "Organization",
                              "王一": "Person", "李二": "Person"})
    extract_relations(art)
    assert ("李二", "区委常委", "甲区委") in positions(art)


def test_a_body_before_a_trip_verb_is_never_the_destinations():
    art = make_article("市委书记张明率队赴深圳市考察。临海市召开会议。", {"张明": "Person", "深圳市": "Place", "临海市": "Place"})
    extract_relations(art)
    assert positions(art) == {("张明", "市委书记", "临海市委")}
    art = make_article("市委书记张明率队赴深圳市考察。", {"张明": "Person", "深圳市": "Place"})
    extract_relations(art)
    assert positions(art) == {("张明", "市委书记", None)}  # the home city is not named: no body


def test_coming_clauses_need_a_place_or_an_abbreviation_and_a_visit_word():
    from kg.context.trips import coming_clauses

    text = "东川市代表团来临海市考察。乙县考察团来临调研。东川市成立以来临海市发展。张明来自临海市。"
    art = make_article(text, {"东川市": "Place", "临海市": "Place", "乙县": "Place", "张明": "Person"})
    got = [(lo, text[s]) for lo, s, _ in coming_clauses(art)]
    assert got == [(0, "来"), (text.index("乙县"), "来")]
