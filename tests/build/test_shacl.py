"""The fast conformance check against pySHACL: it may answer "no" where pySHACL
says "conforms" (pySHACL then decides), never the reverse."""

from __future__ import annotations

import random

import pytest

from kg.build import shacl
from kg.rdf.mapping import corpus_to_graph
from kg.rdf.validate import validate_graph

from ..rdf.sample_corpus import build_corpus
from .test_render import KINDS, _break


def _agree(graph, strict: bool = True) -> None:
    fast = shacl.conforms(graph)
    exact = validate_graph(graph).conforms
    assert not (fast and not exact), "the fast check passed a graph pySHACL rejects"
    if strict:
        assert fast == exact  # and it does not send conforming graphs to pySHACL for nothing


def test_the_project_shapes_are_supported():
    assert len(shacl.load().roots) >= 10


@pytest.mark.parametrize("kind", KINDS)
def test_same_answer_as_pyshacl_on_broken_graphs(kind):
    _agree(corpus_to_graph(_break(kind)))


def _mutations(graph, n: int, seed: int):
    """Graphs with one statement removed, retyped or given a wrong value."""
    from rdflib import RDF, Literal, URIRef
    from rdflib.namespace import XSD

    from kg.rdf.namespaces import ID, KG

    rng = random.Random(seed)
    data = sorted((t for t in graph if str(t[0]).startswith(ID)), key=str)
    classes = [URIRef(KG + c) for c in ("Person", "Company", "City", "Article", "Position", "Agreement", "Visit")]
    for _ in range(n):
        g = graph.__class__()
        for t in graph:
            g.add(t)
        s, p, o = rng.choice(data)
        kind = rng.randrange(5)
        g.remove((s, p, o))
        if kind == 1 and p == RDF.type:
            g.add((s, p, rng.choice(classes)))
        elif kind == 2:
            g.add((s, p, Literal("x", datatype=XSD.date)))
        elif kind == 3:
            g.add((s, p, rng.choice(data)[0]))
        elif kind == 4:
            g.add((s, p, o))
            g.add((s, p, Literal(str(o), lang="en")))
        yield g


def test_same_answer_as_pyshacl_on_random_mutations():
    for g in _mutations(corpus_to_graph(build_corpus()), 25, seed=1):
        _agree(g)


@pytest.mark.slow
def test_same_answer_as_pyshacl_on_many_random_mutations():
    for seed in range(2, 10):
        for g in _mutations(corpus_to_graph(build_corpus()), 50, seed=seed):
            _agree(g)
