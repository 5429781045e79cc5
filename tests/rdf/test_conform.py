"""kg.rdf.conform: a statement that would break a shape is dropped with its reason."""

from __future__ import annotations

from pathlib import Path

from rdflib import RDF, RDFS, Literal, URIRef

from kg.rdf.conform import conform
from kg.rdf.namespaces import ID
from kg.rdf.validate import validate_graph
from kg.rdf.vocab import KGV


def _graph_with_a_bad_position():
    from kg.evaluation.command import load_gold_dir
    from kg.rdf.gold import gold_to_corpus
    from kg.rdf.mapping import corpus_to_graph

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
    assert len(graph) == before - 1
    assert len(dropped) == 1 and "positionIn" in dropped[0].reason and "党委" in dropped[0].reason


def test_a_conforming_graph_is_left_alone():
    graph, position, person = _graph_with_a_bad_position()
    graph.remove((position, KGV.positionIn, person))
    triples = set(graph)
    assert conform(graph) == ([], [])
    assert set(graph) == triples
