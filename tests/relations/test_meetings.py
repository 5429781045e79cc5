import pytest

from kg.context.clauses import TextView
from kg.relations.meetings import escorted_people, receptions
from kg.relations.relations import extract_relations

from tests.builders import make_article, triples

P, O, L = "Person", "Organization", "Place"


@pytest.mark.parametrize("sentence", [
    "王一与甲市市长王二会晤。",
    "王一同王二亲切交谈。",
    "王一与王二就合作事宜进行对接。",
    "王一与王二会面。",
])
def test_meeting_verbs_with_a_partner(sentence):
    art = make_article("王一一行到甲市考察。" + sentence, {"王一": P, "王二": P, "甲市": L})
    extract_relations(art)
    assert triples(art, "metWith") == {("王一", "王二")}


@pytest.mark.parametrize("tail", ["受到甲市市长王二的热情接待。", "受到王二的接见。"])
def test_passive_reception_is_a_meeting_with_the_host(tail):
    art = make_article("王一一行到甲市考察，" + tail, {"王一": P, "王二": P, "甲市": L})
    extract_relations(art)
    assert triples(art, "metWith") == {("王一", "王二")}
    assert triples(art, "visited") == {("王一", "甲市")}


def test_receptions_names_the_hosts():
    art = make_article("王一受到王二、王三的亲切会见。", {"王一": P, "王二": P, "王三": P})
    view = TextView(art)
    (pos, hosts), = receptions(view, view.clauses(0)[0])
    assert art.text[pos:pos + 2] == "受到"
    assert [art.entities[h].name for h in hosts] == ["王二", "王三"]


@pytest.mark.parametrize("text", [
    "王一一行在副市长王二陪同下走访甲集团，与董事长王三交流座谈。",
    "王一一行到甲市考察。在副市长王二陪同下，走访甲集团，与董事长王三交流座谈。",
])
def test_an_escort_is_never_the_left_out_subject(text):
    art = make_article(text, {"王一": P, "王二": P, "王三": P, "甲集团": O, "甲市": L})
    extract_relations(art)
    assert triples(art, "metWith") == {("王一", "王三")}
    assert triples(art, "accompanied") == {("王二", "王一")}


def test_escorted_people_of_frames_and_accompany_clauses():
    art = make_article("王一在王二陪同下到甲市，王三陪同考察，与王四座谈。",
                       {"王一": P, "王二": P, "王三": P, "王四": P, "甲市": L})
    view = TextView(art)
    found = {art.entities[i].name for i in escorted_people(view, view.clauses(0), len(art.text))}
    assert found == {"王二", "王三"}


def test_attending_a_ceremony_and_meeting_a_delegation_gives_met_with():
    from kg.relations.relations import extract_relations as _extract
    from tests.builders import make_article as _make, triples as _triples

    ents = {"甲市": "Place", "乙市": "Place", "王一": "Person", "李二": "Person"}
    art = _make("甲市市长王一出席签约仪式并会见了乙市副市长李二一行。", ents)
    _extract(art)
    assert {tuple(sorted(p)) for p in _triples(art, "metWith")} == {("李二", "王一")}


def test_the_met_persons_title_chain_goes_on_past_a_comma():
    # 会见了甲集团党委副书记，乙公司总裁王一一行: 王一 is met, then leads the delegation
    art = make_article("临海市委书记张明会见了华锐集团党委副书记，海通公司党委书记、总裁王立一行。市领导李青参加会见。",
                       {"临海市": "Place", "华锐集团": "Organization", "海通公司": "Organization",
                        "张明": "Person", "王立": "Person", "李青": "Person"})
    extract_relations(art)
    assert frozenset(("张明", "王立")) in {frozenset(p) for p in triples(art, "metWith")}
    assert ("李青", "张明") in triples(art, "accompanied")


def test_a_reception_by_hosts_listed_over_several_clauses():
    # 受到理事长王一，副理事长王二等的热情接待: every listed host met the visitor
    art = make_article("临海市商务局局长张明一行访问华锐商会，受到该会会长李青，副会长王芳，理事赵阳等的热情接待。",
                       {"临海市商务局": "Organization", "华锐商会": "Organization", "张明": "Person",
                        "李青": "Person", "王芳": "Person", "赵阳": "Person"})
    extract_relations(art)
    met = {frozenset(p) for p in triples(art, "metWith")}
    assert {frozenset(("张明", x)) for x in ("李青", "王芳", "赵阳")} <= met


def test_hosts_who_receive_without_an_object_receive_the_delegation_in_focus():
    # 王一，王二等接待。: the delegation told in the sentence is received
    art = make_article("临海市副市长张明一行到访华锐商会，华锐商会会长李青，副会长王芳等接待。",
                       {"华锐商会": "Organization", "张明": "Person", "李青": "Person", "王芳": "Person"})
    extract_relations(art)
    met = {frozenset(p) for p in triples(art, "metWith")}
    assert frozenset(("张明", "李青")) in met
    # the visitor thanking for the reception (对…的热情接待表示感谢) receives nobody
    art = make_article("临海市副市长张明、王立一行到访华锐商会。张明对华锐商会的热情接待表示感谢。",
                       {"华锐商会": "Organization", "张明": "Person", "王立": "Person"})
    extract_relations(art)
    assert not triples(art, "metWith")


def test_a_word_holding_a_counterpart_character_opens_no_counterpart():
    # made-up: 连同 lists companions (data/trigger_with_false.tsv); 王一同王二 stays a meeting
    art = make_article("王一连同王二一行到甲市交流。", {"王一": P, "王二": P, "甲市": L})
    extract_relations(art)
    assert triples(art, "metWith") == set()


def test_gen_opens_a_partner_but_gensui_does_not():
    # made-up: 跟 is a counterpart word (data/model_with.tsv), 跟随 is not (trigger_with_false.tsv)
    art = make_article("王一一行到甲市考察。王一跟王二会谈。", {"王一": P, "王二": P, "甲市": L})
    extract_relations(art)
    assert triples(art, "metWith") == {("王一", "王二")}
    art = make_article("王一跟随王二到甲市考察交流。", {"王一": P, "王二": P, "甲市": L})
    extract_relations(art)
    assert triples(art, "metWith") == set()
