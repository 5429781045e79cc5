from kg.context.clauses import TextView
from kg.relations.companions import companions
from kg.context.discourse import DelegationState
from kg.relations.relations import extract_relations

from tests.builders import make_article, triples


def test_an_escort_frame_gives_the_visit_and_the_companion():
    art = make_article("仪式后，王一在李二陪同下前往甲公司参访。",
                       {"王一": "Person", "李二": "Person", "甲公司": "Organization"})
    extract_relations(art)
    assert triples(art, "visited") == {("王一", "甲公司")}
    assert triples(art, "accompanied") == {("李二", "王一")}


def test_companions_join_the_leaders_current_visit_and_leaders_are_no_companions():
    art = make_article("王一、李二陪同考察。", {"王一": "Person", "李二": "Person"})
    view = TextView(art)
    state = DelegationState(leaders=[0])
    companions(art, view, state, 0, view.clauses(0))
    assert state.visit is not None
    ev = art.events[state.visit]
    assert ev.agents == [0] and ev.companions == [1]


def test_attending_a_meeting_is_no_companionship():
    art = make_article("李二参加会谈。", {"李二": "Person", "王一": "Person"})
    view = TextView(art)
    state = DelegationState(leaders=[5])
    companions(art, view, state, 0, view.clauses(0))
    assert art.events == []


def test_no_companions_without_a_leader():
    art = make_article("李二陪同考察。", {"李二": "Person"})
    view = TextView(art)
    companions(art, view, DelegationState(), 0, view.clauses(0))
    assert art.events == []


def test_attending_the_hosts_reception_is_no_companionship_of_the_visitor():
    ents = {"王一": "Person", "王二": "Person", "王三": "Person", "甲市": "Place"}
    # a host official (by post) who attends: the host's side (kg.relations.participants)
    art = make_article("甲市市长王一会见了王二一行，甲市副市长王三参加会见。", ents)
    extract_relations(art)
    assert triples(art, "metWith") == {("王二", "王一"), ("王二", "王三")}
    assert triples(art, "accompanied") == {("王三", "王一")}
    # nothing shows the side of 王三: no link
    art = make_article("甲市市长王一会见了王二一行，王三陪同会见。", ents)
    extract_relations(art)
    assert triples(art, "metWith") == {("王二", "王一")}
    assert triples(art, "accompanied") == set()


def test_an_official_of_the_hosts_city_who_attends_is_on_the_hosts_side():
    art = make_article("甲市市长王一会见了王二一行，甲市副市长王三参加。",
                       {"王一": "Person", "王二": "Person", "王三": "Person", "甲市": "Place"})
    extract_relations(art)
    assert triples(art, "accompanied") == {("王三", "王一")}


def test_a_leader_of_the_visited_city_who_joins_the_visit_accompanies_it():
    art = make_article("王二一行考察甲公司，甲市副市长王三参加。",
                       {"王二": "Person", "王三": "Person", "甲市": "Place", "甲公司": "Organization"})
    extract_relations(art)
    assert triples(art, "accompanied") == {("王三", "王二")}


def test_a_host_official_who_only_attends_is_no_companion_of_the_visitors():
    # the host 王一 陪同 the visit; 王三 holds a post in the host city: the
    # host's side (kg.relations.participants), not the visitor's companion
    ents = {"王一": "Person", "王二": "Person", "王三": "Person", "甲市": "Place", "乙市": "Place"}
    art = make_article("乙市市长王二一行来甲市考察，甲市市长王一陪同考察。甲市副市长王三参加相关活动。", ents)
    extract_relations(art)
    assert ("王三", "王二") not in triples(art, "accompanied")
    assert ("王三", "王一") in triples(art, "accompanied")


def test_people_who_accompany_a_lone_visitor_without_a_delegation():
    # no 率 and no 一行: the person the sentence says visits is the one accompanied
    ents = {"张明": "Person", "李青": "Person", "王芳": "Person", "华锐大学": "Organization", "临海县": "Place"}
    art = make_article("7月10日下午，临海县委书记张明到华锐大学参观考察，华锐大学校长李青及县领导王芳等陪同考察。", ents)
    extract_relations(art)
    assert triples(art, "accompanied") == {("李青", "张明"), ("王芳", "张明")}
    # nobody visits: nobody to accompany
    art = make_article("临海县委书记张明在县里主持会议，李青、王芳陪同。", ents)
    extract_relations(art)
    assert not triples(art, "accompanied")


def test_the_person_escorted_after_accompany_visits_and_the_escort_accompanies():
    # 甲陪同乙考察: 乙 visits, 甲 accompanies 乙 (and does not lead the visit)
    art = make_article("姜飞轮陪同副省长赵海山拜访了华润集团和顺丰集团。",
                       {"姜飞轮": "Person", "赵海山": "Person", "华润集团": "Organization", "顺丰集团": "Organization"})
    extract_relations(art)
    assert {("赵海山", "华润集团"), ("赵海山", "顺丰集团")} <= triples(art, "visited")
    assert not {p for p in triples(art, "visited") if p[0] == "姜飞轮"}
    assert triples(art, "accompanied") == {("姜飞轮", "赵海山")}


def test_accompany_with_no_person_after_it_still_joins_the_leaders():
    art = make_article("张明一行考察了华润集团，市长李强陪同考察。",
                       {"张明": "Person", "李强": "Person", "华润集团": "Organization"})
    extract_relations(art)
    assert ("李强", "张明") in triples(art, "accompanied") and ("张明", "华润集团") in triples(art, "visited")


def test_a_counterpart_or_a_new_headline_phrase_after_accompany_is_not_escorted():
    art = make_article("胡昌升率团莅临正威集团调研 王伟中陪同 与王文银共话合作",
                       {"胡昌升": "Person", "王伟中": "Person", "王文银": "Person", "正威集团": "Organization"})
    extract_relations(art)
    assert not {p for p in triples(art, "accompanied") if "王文银" in p}
