from kg.doc import SentenceAnalysis, SrlArgument
from kg.relations.relations import extract_relations

from tests.builders import make_article, triples


def arg(text, role, word):
    start = text.index(word)
    return SrlArgument(role, start, start + len(word), word)


def with_frames(art, *frames):
    art.sentences[0].analysis = SentenceAnalysis(srl=[list(f) for f in frames])
    return art


def test_a_visit_frame_gives_the_visit_the_rules_miss():
    text = "甲公司的生产线，王一和随行人员当天下午也仔细参观了。"
    ents = {"王一": "Person", "甲公司": "Organization"}
    plain = make_article(text, ents)
    extract_relations(plain)
    assert triples(plain, "visited") == set()  # the object stands before the verb: no rule sees it
    art = with_frames(make_article(text, ents),
                      [arg(text, "ARG1", "甲公司的生产线"), arg(text, "ARG0", "王一和随行人员"), arg(text, "PRED", "参观")])
    extract_relations(art)
    assert triples(art, "visited") == {("王一", "甲公司")}


def test_meeting_frame_and_no_frame_no_change():
    text = "王一在甲市会见了李二。"
    ents = {"王一": "Person", "李二": "Person", "甲市": "Place"}
    plain = make_article(text, ents)
    extract_relations(plain)
    art = with_frames(make_article(text, ents),
                      [arg(text, "ARG0", "王一"), arg(text, "PRED", "会见"), arg(text, "ARG1", "李二")])
    extract_relations(art)
    assert triples(art, "metWith") == triples(plain, "metWith") == {("王一", "李二")}
    assert len([e for e in art.events if e.kind == "Meeting"]) == 1  # not told twice


def test_wishes_and_modal_frames_give_nothing():
    text = "王一希望李二到甲公司考察。"
    art = make_article(text, {"王一": "Person", "李二": "Person", "甲公司": "Organization"})
    with_frames(art, [arg(text, "ARG0", "李二"), arg(text, "PRED", "考察"), arg(text, "ARG1", "甲公司")],
                [arg(text, "ARG0", "李二"), arg(text, "ARGM-MOD", "希望"), arg(text, "PRED", "考察")])
    extract_relations(art)
    assert triples(art, "visited") == set()
