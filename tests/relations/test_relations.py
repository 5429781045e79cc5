from hypothesis import given, settings
from hypothesis import strategies as st

from kg.doc import Article
from kg.relations.relations import extract_relations

from tests.builders import make_article, triples


def test_delegation_visit_list_meeting_and_companions():
    text = ("3月7日，平顶山市委书记陈向平带队赴上海，先后到甲研究所、乙集团有限公司拜访。"
            "陈向平与集团董事长李洪凤举行工作会谈。\n市领导罗福迎、段志广参加对接活动。")
    art = make_article(text, {"陈向平": "Person", "李洪凤": "Person", "罗福迎": "Person", "段志广": "Person",
                              "平顶山市委": "Organization", "甲研究所": "Organization",
                              "乙集团有限公司": "Organization", "上海": "Place", "平顶山市": "Place"})
    extract_relations(art)
    assert triples(art, "visited") == {("陈向平", "上海"), ("陈向平", "甲研究所"), ("陈向平", "乙集团有限公司")}
    assert triples(art, "metWith") == {("陈向平", "李洪凤")}
    assert triples(art, "accompanied") == {("罗福迎", "陈向平"), ("段志广", "陈向平")}
    assert ("李洪凤", "乙集团有限公司") in triples(art, "affiliatedWith")


def test_every_shortcut_is_backed_by_its_event_or_position():
    text = "张三一行来到甲公司调研，李四陪同调研。张三与甲公司总经理王五座谈交流。"
    art = make_article(text, {"张三": "Person", "李四": "Person", "王五": "Person", "甲公司": "Organization"})
    extract_relations(art)
    assert art.relations
    for r in art.relations:
        if r.kind in ("visited", "metWith", "accompanied"):
            ev = art.events[r.event]
            assert r.subject in ev.agents + ev.companions + ev.targets
            assert ev.evidence == art.sentences[ev.sentence].text
        if r.kind == "affiliatedWith":
            assert art.positions[r.position].person == r.subject


def test_no_text_gives_no_relations():
    art = Article(source="x", raw="")
    extract_relations(art)
    assert art.relations == [] and art.events == []


@settings(max_examples=30, deadline=None)
@given(st.text(alphabet="张三李四一行到访甲公司与会谈陪同签订协议，。、市委书记", max_size=60))
def test_never_crashes_and_relations_point_at_entities(text):
    art = make_article(text, {"张三": "Person", "李四": "Person", "甲公司": "Organization"})
    extract_relations(art)
    for r in art.relations:
        assert 0 <= r.subject < len(art.entities) and 0 <= r.object < len(art.entities)
        assert r.subject != r.object
