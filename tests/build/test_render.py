"""Article by article gives what the whole-graph path gives: the same Turtle
bytes and the same SHACL violations, on graphs with violations of each kind;
and, repaired article by article, what repairing the whole graph gives."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from kg.build.assemble import render_corpus
from kg.doc import Agreement, Article, Corpus, Entity, Event, LocalEntity, Position, Relation, Sentence
from kg.export.turtle import to_turtle
from kg.rdf.mapping import corpus_to_graph
from kg.rdf.namespaces import KG
from kg.rdf.conform import conform, statement_text
from kg.rdf.validate import validate_graph

from ..rdf.sample_corpus import build_corpus
from ..rdf.test_conform import garbage


def _break(kind: str) -> Corpus:
    c = build_corpus()
    a0 = c.articles[0]
    if kind == "position in a person":
        a0.positions[0].org = 2
    elif kind == "met an organization":
        a0.relations.append(Relation("metWith", 0, 1, 0))
    elif kind == "agent not a person":
        a0.events[0].agents = [1]
    elif kind == "part of a place":
        a0.relations.append(Relation("partOf", 1, 5, 0))
    elif kind == "title missing":
        a0.positions[1].title = " "
    elif kind == "bad code":
        c.entities[5].code = "1"
    elif kind == "located in a person":
        a0.relations.append(Relation("locatedIn", 1, 2, 0))
    elif kind == "witness not a person":
        a0.agreements[0].witnesses = [4]
    elif kind == "visit without agent":  # a warning only: still conforms
        a0.events[0].agents = []
    elif kind == "bad code in two articles":  # an entity's own statement, dropped by both articles
        c.articles[1].entities.append(LocalEntity("上海", "Place", "City"))
        c.index[(1, 2)] = 5
        c.entities[5].members.append((1, 2))
        c.entities[5].code = "1"
    elif kind == "title missing, relation backed by it":  # a whole node dropped, and what it backed
        a0.positions[0].title = ""
    return c


KINDS = ["none", "position in a person", "met an organization", "agent not a person", "part of a place",
         "title missing", "bad code", "located in a person", "witness not a person", "visit without agent",
         "bad code in two articles", "title missing, relation backed by it"]


@pytest.mark.parametrize("kind", KINDS)
def test_per_article_rendering_equals_the_whole_graph(kind):
    whole = corpus_to_graph(_break(kind))
    expected = validate_graph(whole)
    text, violations, conforms = render_corpus(_break(kind), repair=False)
    assert text == to_turtle(whole)
    assert violations == expected.violations
    assert conforms == expected.conforms
    assert conforms == (kind in ("none", "visit without agent"))


@pytest.mark.parametrize("kind", KINDS)
def test_repaired_article_by_article_equals_the_repaired_whole_graph(kind):
    whole = corpus_to_graph(_break(kind))
    dropped_whole, unrepaired = conform(whole)
    assert unrepaired == []
    dropped: list[dict] = []
    text, violations, conforms = render_corpus(_break(kind), dropped=dropped)
    assert conforms and violations == []
    assert text == to_turtle(whole)
    assert validate_graph(whole).conforms
    assert {d["statement"] for d in dropped} == {statement_text(t) for d in dropped_whole for t in d.statements}
    assert bool(dropped) == (kind not in ("none", "visit without agent"))
    for d in dropped:
        assert d["shape"].startswith("kgsh:") and d["constraint"].startswith("sh:") and d["message"]
    if kind == "bad code in two articles":  # each article drops the entity's bad statement
        assert [d["statement"] for d in dropped] == ["id:place/310000 kg:adminCode '1'"] * 2
        from rdflib import Graph, Literal, URIRef

        graph = Graph().parse(data=text, format="turtle")
        assert (None, URIRef(KG + "adminCode"), Literal("1")) not in graph
        assert len(list(graph.triples((None, URIRef(KG + "adminCode"), None)))) == 2  # the others stay


def test_a_conforming_article_is_rendered_alike_with_or_without_repair():
    corpus = _break("none")
    assert render_corpus(corpus) == render_corpus(_break("none"), repair=False)


def _article(source: str, name: str) -> Article:
    s = f"{name}会见了客人。"
    return Article(source=source, raw=s, text=s, sentences=[Sentence(0, len(s), s)],
                   entities=[LocalEntity(name, "Person"), LocalEntity("客人", "Person")],
                   relations=[Relation("metWith", 0, 1, 0)],
                   positions=[Position(0, "市长", None, 0)])


def test_articles_whose_subjects_interleave_keep_the_turtle_order():
    """``a.txt``'s parts (``a.txt/…``) sort after ``a.txt.html`` (``.`` before ``/``)."""
    arts = [_article("a.txt", "张伟"), _article("a.txt.html", "李明"), _article("a.txt-2", "王芳")]
    entities, index = [], {}
    for ai, art in enumerate(arts):
        for li, ent in enumerate(art.entities):
            index[(ai, li)] = len(entities)
            entities.append(Entity(f"person/{ent.name}{ai}{li}", ent.name, "Person", members=[(ai, li)]))
    corpus = Corpus(articles=arts, entities=entities, index=index)
    text, _violations, _ok = render_corpus(corpus)
    assert text == to_turtle(corpus_to_graph(Corpus(articles=arts, entities=entities, index=index)))


@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(g=garbage)
def test_any_garbage_extraction_repaired_article_by_article_equals_the_repaired_whole_graph(g):
    def corpus() -> Corpus:
        c = build_corpus()
        a0 = c.articles[0]
        a0.relations += [Relation(kind, s, o, 0) for kind, s, o in g["relations"]]
        a0.positions += [Position(p, title, org, 0) for p, org, title in g["positions"]]
        a0.events += [Event(kind, agents, targets, 0, place=place) for kind, agents, targets, place in g["events"]]
        a0.agreements += [Agreement("协议", parties, witnesses=w, sentence=0) for parties, w in g["agreements"]]
        return c

    whole = corpus_to_graph(corpus())
    assert conform(whole)[1] == []
    text, violations, conforms = render_corpus(corpus())
    assert conforms and violations == []
    assert text == to_turtle(whole)
