from kg.context.paired_bodies import resolve_paired_bodies
from kg.relations.relations import extract_relations

from tests.builders import make_article

TEXT = ("甲区到乙区开展推介活动。两地工商联签订了友好工商联协议，"
        "两地文旅局、商务局分别签订了文旅和商贸业发展合作协议。")
ENTS = {"甲区": "Place", "乙区": "Place"}


def test_each_body_word_names_the_body_of_both_places():
    art = make_article(TEXT, ENTS)
    resolve_paired_bodies(art)
    got = {(m.text, art.entities[m.entity].name) for m in art.mentions if m.generic}
    assert got == {(b, p + b) for b in ("工商联", "文旅局", "商务局") for p in ("甲区", "乙区")}
    assert all(art.entities[m.entity].type == "Organization" for m in art.mentions if m.generic)


def test_each_pair_of_bodies_signs_its_own_document():
    art = make_article(TEXT, ENTS)
    extract_relations(art)
    got = {(a.name, frozenset(art.entities[i].name for i in a.parties)) for a in art.agreements}
    assert got == {
        ("友好工商联协议", frozenset({"甲区工商联", "乙区工商联"})),
        ("文旅发展合作协议", frozenset({"甲区文旅局", "乙区文旅局"})),
        ("商贸业发展合作协议", frozenset({"甲区商务局", "乙区商务局"})),
    }


def test_a_recognized_two_place_body_becomes_the_first_places_body():
    art = make_article("甲区到乙区开展推介活动。两地文旅局签订了合作协议。",
                       {**ENTS, "两地文旅局": "Organization"})
    resolve_paired_bodies(art)
    names = {e.name for e in art.entities if e.mentions}
    assert "两地文旅局" not in {e.name for e in art.entities}
    assert {"甲区文旅局", "乙区文旅局"} <= names


def test_no_bodies_without_a_trip_between_two_places():
    art = make_article("两地工商联签订了协议。", {})
    resolve_paired_bodies(art)
    assert art.entities == [] and art.mentions == []
