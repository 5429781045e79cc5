"""Article by article gives what the whole-graph path gives: the same Turtle
bytes and the same SHACL violations, on graphs with violations of each kind."""

from __future__ import annotations

import pytest

from kg.build.assemble import render_corpus
from kg.doc import Article, Corpus, Entity, LocalEntity, Position, Relation, Sentence
from kg.export.turtle import to_turtle
from kg.rdf.mapping import corpus_to_graph
from kg.rdf.validate import validate_graph

from ..rdf.sample_corpus import build_corpus


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
    return c


KINDS = ["none", "position in a person", "met an organization", "agent not a person", "part of a place",
         "title missing", "bad code", "located in a person", "witness not a person", "visit without agent"]


@pytest.mark.parametrize("kind", KINDS)
def test_per_article_rendering_equals_the_whole_graph(kind):
    whole = corpus_to_graph(_break(kind))
    expected = validate_graph(whole)
    text, violations, conforms = render_corpus(_break(kind))
    assert text == to_turtle(whole)
    assert violations == expected.violations
    assert conforms == expected.conforms
    assert conforms == (kind in ("none", "visit without agent"))


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
