"""Deterministic Turtle: same graph -> same bytes; round trip; atomic write."""

from __future__ import annotations

import json
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kg.export.turtle import to_turtle, write_turtle
from kg.rdf.gold import gold_to_corpus
from kg.rdf.mapping import corpus_to_graph

from ..conftest import SEED_GOLD


def seed_graph() -> Graph:
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(SEED_GOLD.glob("*.json"))]
    return corpus_to_graph(gold_to_corpus(golds))


@pytest.fixture(scope="module")
def seed_turtle(tmp_path_factory) -> bytes:
    path = write_turtle(seed_graph(), tmp_path_factory.mktemp("t1") / "graph.ttl")
    return path.read_bytes()


def test_same_input_gives_byte_identical_turtle(seed_turtle, tmp_path):
    again = write_turtle(seed_graph(), tmp_path / "graph.ttl").read_bytes()
    assert again == seed_turtle


def test_insertion_order_does_not_matter():
    graph = seed_graph()
    shuffled = Graph()
    for triple in sorted(graph, key=lambda t: str(t[::-1])):
        shuffled.add(triple)
    assert to_turtle(shuffled) == to_turtle(graph)


def test_round_trip_is_isomorphic(seed_turtle):
    graph = seed_graph()
    parsed = Graph()
    parsed.parse(data=seed_turtle.decode("utf-8"), format="turtle")
    assert isomorphic(parsed, graph)


def test_contract_prefixes_are_used(seed_turtle):
    text = seed_turtle.decode("utf-8")
    for line in (
        "@prefix kg: <https://w3id.org/zhkg/ontology#> .",
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .",
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .",
        "@prefix dcterms: <http://purl.org/dc/terms/> .",
        "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .",
    ):
        assert line in text
    assert "ns1:" not in text  # no generated prefixes


def test_blank_nodes_are_refused(tmp_path):
    graph = Graph()
    graph.add((BNode(), URIRef("http://example.org/p"), Literal("x")))
    with pytest.raises(ValueError):
        write_turtle(graph, tmp_path / "g.ttl")
    assert not (tmp_path / "g.ttl").exists()


def test_write_replaces_atomically(tmp_path):
    path = tmp_path / "graph.ttl"
    path.write_text("old", encoding="utf-8")
    write_turtle(seed_graph(), path)
    assert path.read_text(encoding="utf-8").startswith("@prefix")
    assert os.listdir(tmp_path) == ["graph.ttl"]  # no temporary file left behind


_iris = st.one_of(
    st.sampled_from([URIRef(f"https://w3id.org/zhkg/id/x/{i}") for i in range(4)]),
    st.sampled_from([URIRef("https://w3id.org/zhkg/ontology#Person"), URIRef("http://www.w3.org/2000/01/rdf-schema#label"),
                     URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")]),
    # odd characters must be escaped, not break the file
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=6)
    .map(lambda t: URIRef("https://example.org/" + t)),
)
_literals = st.one_of(
    st.text(max_size=12).map(lambda t: Literal(t, lang="zh")),
    st.text(max_size=12).map(Literal),
    st.integers().map(Literal),
    st.dates().map(Literal),
)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(_iris, _iris, st.one_of(_iris, _literals)), max_size=25))
def test_any_graph_serializes_deterministically_and_round_trips(triples):
    graph = Graph()
    for t in triples:
        graph.add(t)
    text = to_turtle(graph)
    rebuilt = Graph()
    for t in reversed(triples):
        rebuilt.add(t)
    assert to_turtle(rebuilt) == text
    parsed = Graph()
    parsed.parse(data=text, format="turtle")
    assert set(parsed) == set(graph)  # no blank nodes: equal triple sets (isomorphic() chokes on odd IRIs)


@pytest.mark.parametrize("text", ['line 1\nline "2"\\ end"', '"""', 'tab\there\r\n', "\x00\x1f控制", 'ends with quote"', ""])
def test_awkward_literals_round_trip(text):
    graph = Graph()
    s = URIRef("https://w3id.org/zhkg/id/x/1")
    graph.add((s, URIRef("http://www.w3.org/2000/01/rdf-schema#comment"), Literal(text, lang="zh")))
    graph.add((s, URIRef("http://www.w3.org/2000/01/rdf-schema#label"), Literal(text)))
    parsed = Graph()
    parsed.parse(data=to_turtle(graph), format="turtle")
    assert set(parsed) == set(graph)
