"""A small hand-built Corpus exercising every part of the mapping (tests/rdf)."""

from __future__ import annotations

import datetime as dt

from kg.doc import (
    Agreement,
    Article,
    ArticleMeta,
    Corpus,
    DateRange,
    Entity,
    Event,
    LocalEntity,
    Position,
    Relation,
    Sentence,
)

S0 = "平顶山市委书记陈向平一行到恒玄科技(上海)股份有限公司考察，与总经理赵国光会谈。"
S1 = "卫东区政府与恒玄科技签订意向合作协议，陈向平见证签约。"
S2 = "陈向平再次来到恒玄科技。"


def build_corpus() -> Corpus:
    a0 = Article(
        source="000_a.txt",
        raw=S0 + S1,
        text=S0 + S1,
        sentences=[Sentence(0, len(S0), S0), Sentence(len(S0), len(S0) + len(S1), S1)],
        meta=ArticleMeta(
            title="陈向平赴上海考察",
            date=dt.date(2023, 5, 20),
            publisher="平顶山日报",
            editors=["安艳鸽"],
            reporters=["郭栩汝"],
        ),
        entities=[
            LocalEntity("陈向平", "Person"),  # 0
            LocalEntity("恒玄科技(上海)股份有限公司", "Organization", "Company", {"恒玄科技"}),  # 1
            LocalEntity("赵国光", "Person"),  # 2
            LocalEntity("平顶山市委", "Organization", "GovernmentBody"),  # 3
            LocalEntity("卫东区政府", "Organization", "GovernmentBody"),  # 4
            LocalEntity("上海", "Place", "City"),  # 5
            LocalEntity("平顶山市", "Place", "City", {"平顶山"}),  # 6
            LocalEntity("卫东区", "Place", "District"),  # 7
            LocalEntity("段志广", "Person"),  # 8: not resolved (missing from Corpus.index)
        ],
        positions=[
            Position(0, "市委书记", 3, 0, "平顶山市委书记陈向平"),
            Position(2, "总经理", 1, 0),  # evidence falls back to the sentence
        ],
        events=[
            Event("Visit", [0], [1], 0, "", DateRange(dt.date(2023, 5, 18), dt.date(2023, 5, 19), "5月18日至19日"), place=5),
            Event("Meeting", [0], [2], 0),
            Event("Signing", [0], [], 1, agreement=0),
        ],
        agreements=[Agreement("意向合作协议", [4, 1], witnesses=[0], signers=[2], sentence=1)],
        relations=[
            Relation("visited", 0, 1, 0, event=0),
            Relation("metWith", 0, 2, 0, event=1),
            Relation("affiliatedWith", 0, 3, 0, position=0),
            Relation("affiliatedWith", 2, 1, 0, position=1),
            Relation("locatedIn", 1, 5, 0),
            Relation("locatedIn", 7, 6, 1),
            Relation("locatedIn", 4, 7, 1),
            Relation("accompanied", 8, 0, 0),
            Relation("visited", 0, 99, 0),  # bad index: skipped, noted in errors
        ],
    )
    a1 = Article(
        source="001_b.txt",
        raw=S2,
        text=S2,
        sentences=[Sentence(0, len(S2), S2)],
        meta=ArticleMeta(title="再访"),
        entities=[
            LocalEntity("陈向平", "Person"),
            LocalEntity("恒玄科技", "Organization", "Company"),
        ],
        relations=[Relation("visited", 0, 1, 0, "陈向平再次来到恒玄科技。")],
    )
    entities = [
        Entity("person/陈向平", "陈向平", "Person", members=[(0, 0), (1, 0)]),
        Entity("org/恒玄科技(上海)股份有限公司", "恒玄科技(上海)股份有限公司", "Organization", "Company",
               {"恒玄科技", "恒玄科技(上海)股份有限公司"}, members=[(0, 1), (1, 1)]),
        Entity("person/赵国光", "赵国光", "Person", members=[(0, 2)]),
        Entity("org/平顶山市委", "平顶山市委", "Organization", "GovernmentBody", members=[(0, 3)]),
        Entity("org/卫东区政府", "卫东区政府", "Organization", "GovernmentBody", members=[(0, 4)]),
        Entity("place/310000", "上海市", "Place", "City", {"上海"}, code="310000", members=[(0, 5)]),
        Entity("place/410400", "平顶山市", "Place", "City", {"平顶山"}, code="410400", members=[(0, 6)]),
        Entity("place/410403", "卫东区", "Place", "District", code="410403", members=[(0, 7)]),
    ]
    index = {(0, i): i for i in range(8)}
    index[(1, 0)] = 0
    index[(1, 1)] = 1
    return Corpus(articles=[a0, a1], entities=entities, index=index)
