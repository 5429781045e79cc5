"""kg.rdf.conform: a statement that would break a shape is dropped with its reason."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import RDF, RDFS, Literal, URIRef

from kg.doc import Agreement, Event, Position, Relation
from kg.rdf.conform import Dropped, conform, statement_text
from kg.rdf.iris import article_part_iri, entity_iri
from kg.rdf.mapping import corpus_to_graph
from kg.rdf.namespaces import ID, new_graph
from kg.rdf.validate import validate_graph
from kg.rdf.vocab import KGV

from .sample_corpus import build_corpus

CHEN = URIRef(entity_iri("person/陈向平"))
HENGXUAN = URIRef(entity_iri("org/恒玄科技(上海)股份有限公司"))


def _graph_with_a_bad_position():
    from kg.evaluation.command import load_gold_dir
    from kg.rdf.gold import gold_to_corpus

    gold = load_gold_dir(Path(__file__).resolve().parents[1] / "gold" / "seeds")
    graph = corpus_to_graph(gold_to_corpus(list(gold.values())[:1]))
    person = URIRef(ID + "person/党委")  # a title fragment read as a person
    graph.add((person, RDF.type, KGV.Person))
    graph.add((person, RDFS.label, Literal("党委", lang="zh")))
    graph.add((person, KGV.mentionedIn, next(graph.subjects(RDF.type, KGV.Article))))
    position = next(graph.subjects(RDF.type, KGV.Position))
    graph.add((position, KGV.positionIn, person))
    return graph, position, person


def test_a_violating_statement_is_dropped_with_its_reason():
    graph, position, person = _graph_with_a_bad_position()
    assert not validate_graph(graph).conforms
    before = len(graph)
    dropped, unrepaired = conform(graph)
    assert unrepaired == []
    assert validate_graph(graph).conforms
    assert (position, KGV.positionIn, person) not in graph
    assert len(graph) == before - 1  # the position keeps its good kg:positionIn (two were too many)
    assert len(dropped) == 1 and "positionIn" in dropped[0].reason and "党委" in dropped[0].reason
    d = dropped[0]
    assert d.statements == [(position, KGV.positionIn, person)] and d.triples == 1
    assert d.shape == "kgsh:PositionShape (kg:positionIn)" and d.constraint == "sh:OrConstraintComponent"
    assert d.message == "kg:positionIn must be one kg:Organization or kg:Place"
    assert statement_text(d.statements[0]).endswith("kg:positionIn id:person/党委")


def test_a_conforming_graph_is_left_alone():
    graph, position, person = _graph_with_a_bad_position()
    graph.remove((position, KGV.positionIn, person))
    triples = set(graph)
    assert conform(graph) == ([], [])
    assert set(graph) == triples


def test_a_dropped_shortcut_takes_its_assertion_along():
    """陈向平 metWith an organization: both directions go, then the assertion stating it
    (the graph-wide check "an assertion whose triple is missing")."""
    corpus = build_corpus()
    corpus.articles[0].relations.append(Relation("metWith", 0, 1, 0))
    graph = corpus_to_graph(corpus)
    assertion = URIRef(article_part_iri("000_a.txt", "assertion", len(corpus.articles[0].relations) - 1))
    assert (assertion, RDF.type, KGV.Assertion) in graph
    dropped, unrepaired = conform(graph)
    assert unrepaired == [] and validate_graph(graph).conforms
    assert (CHEN, KGV.metWith, HENGXUAN) not in graph and (HENGXUAN, KGV.metWith, CHEN) not in graph
    assert not list(graph.triples((assertion, None, None)))
    assert [d.shape for d in dropped if any(t[0] == assertion for t in d.statements)] == ["kgsh:AssertedTriples"]
    assert (HENGXUAN, RDF.type, None) in graph  # the organization itself stays


def test_an_organization_as_witness_loses_the_statement_not_its_node():
    """A node shape reached through sh:targetSubjectsOf (and an inverse path): the statement goes."""
    corpus = build_corpus()
    corpus.articles[0].agreements[0].witnesses = [4]  # 卫东区政府
    graph = corpus_to_graph(corpus)
    gov = URIRef(entity_iri("org/卫东区政府"))
    before = set(graph)
    dropped, unrepaired = conform(graph)
    assert unrepaired == [] and validate_graph(graph).conforms
    assert before - set(graph) == {(gov, KGV.witnessed, URIRef(article_part_iri("000_a.txt", "agreement", 0)))}
    assert {d.shape for d in dropped} <= {"kgsh:PersonSubjects", "kgsh:AgreementShape (^kg:witnessed)"}


def test_a_position_without_its_title_is_dropped_whole():
    corpus = build_corpus()
    corpus.articles[0].positions[1].title = " "
    graph = corpus_to_graph(corpus)
    position = URIRef(article_part_iri("000_a.txt", "position", 1))
    dropped, unrepaired = conform(graph)
    assert unrepaired == [] and validate_graph(graph).conforms
    assert not list(graph.triples((position, None, None))) and not list(graph.triples((None, None, position)))
    assert len(dropped) == 1 and dropped[0].reason.endswith("(node dropped)") and dropped[0].triples > 5


def test_the_same_drops_whatever_the_order_of_the_statements():
    corpus = build_corpus()
    a0 = corpus.articles[0]
    a0.relations += [Relation("metWith", 0, 1, 0), Relation("partOf", 1, 5, 0), Relation("locatedIn", 1, 2, 0)]
    a0.positions[0].org = 2
    a0.events[0].agents = [1]
    graph = corpus_to_graph(corpus)
    backwards = new_graph()
    for t in sorted(graph, key=str, reverse=True):
        backwards.add(t)
    first, second = conform(graph), conform(backwards)
    assert first == second and set(graph) == set(backwards)
    assert all(isinstance(d, Dropped) for d in first[0]) and first[1] == []


KINDS = ["visited", "metWith", "accompanied", "affiliatedWith", "partOf", "locatedIn"]
garbage = st.fixed_dictionaries({
    "relations": st.lists(st.tuples(st.sampled_from(KINDS), st.integers(0, 8), st.integers(0, 8)), max_size=5),
    "positions": st.lists(st.tuples(st.integers(0, 8), st.one_of(st.none(), st.integers(0, 8)), st.sampled_from(["", "市长"])),
                          max_size=3),
    "events": st.lists(st.tuples(st.sampled_from(["Visit", "Meeting", "Signing"]), st.lists(st.integers(0, 8), max_size=2),
                                 st.lists(st.integers(0, 8), max_size=2), st.one_of(st.none(), st.integers(0, 8))), max_size=2),
    "agreements": st.lists(st.tuples(st.lists(st.integers(0, 8), max_size=2), st.lists(st.integers(0, 8), max_size=2)),
                           max_size=2),
})


@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(g=garbage)
def test_any_garbage_extraction_is_repaired_to_a_conforming_graph(g):
    """Extractions between entities of any type, in any role: conform always ends conforming."""
    corpus = build_corpus()
    a0 = corpus.articles[0]
    a0.relations += [Relation(kind, s, o, 0) for kind, s, o in g["relations"]]
    a0.positions += [Position(p, title, org, 0) for p, org, title in g["positions"]]
    a0.events += [Event(kind, agents, targets, 0, place=place) for kind, agents, targets, place in g["events"]]
    a0.agreements += [Agreement("协议", parties, witnesses=w, sentence=0) for parties, w in g["agreements"]]
    graph = corpus_to_graph(corpus)
    before = set(graph)
    dropped, unrepaired = conform(graph)
    assert unrepaired == []
    assert validate_graph(graph).conforms
    assert before - set(graph) == {t for d in dropped for t in d.statements}
