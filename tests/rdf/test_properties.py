"""Invariants over random corpora: the mapping always gives a valid, deterministic,
faithful graph (kg eval of the graph against the corpus's own extraction is 1.0)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import BNode

from kg.doc import Agreement, Article, Corpus, Entity, LocalEntity, Position, Relation, Sentence
from kg.evaluation.from_graph import graph_to_gold_shape
from kg.evaluation.scoring import score_corpus
from kg.export.turtle import to_turtle
from kg.evaluation.from_article import article_to_gold_shape
from kg.rdf.mapping import corpus_to_graph
from kg.rdf.validate import validate_graph

_SUBTYPES = {"Person": [None], "Organization": [None, "Company", "GovernmentBody", "University"],
             "Place": [None, "City", "District", "Park"]}
_NAMES = {"Person": "张王李赵陈", "Organization": "甲乙丙丁戊", "Place": "东南西北中"}


@st.composite
def corpora(draw) -> Corpus:
    corpus = Corpus()
    pool = []  # (type, subtype, name)
    for type_ in ("Person", "Organization", "Place"):
        for i in range(draw(st.integers(1, 4))):
            pool.append((type_, draw(st.sampled_from(_SUBTYPES[type_])), f"{_NAMES[type_][i]}{type_[:3]}{i}"))
    for gi, (type_, subtype, name) in enumerate(pool):
        corpus.entities.append(Entity(key=f"{type_.lower()}/{name}", name=name, type=type_, subtype=subtype))
    for ai in range(draw(st.integers(1, 3))):
        members = draw(st.lists(st.sampled_from(range(len(pool))), min_size=2, max_size=len(pool), unique=True))
        text = "。".join(pool[g][2] for g in members) + "。"
        article = Article(source=f"{ai:03d}_t.txt", raw=text, text=text, sentences=[Sentence(0, len(text), text)])
        for li, gi in enumerate(members):
            type_, subtype, name = pool[gi]
            article.entities.append(LocalEntity(name, type_, subtype))
            corpus.index[(ai, li)] = gi
            corpus.entities[gi].members.append((ai, li))
        of = {t: [li for li, gi in enumerate(members) if pool[gi][0] == t] for t in _NAMES}
        people, orgs, places = of["Person"], of["Organization"], of["Place"]

        def pairs(subjects, objects, kind):
            if not subjects or not objects:
                return
            for s, o in draw(st.lists(st.tuples(st.sampled_from(subjects), st.sampled_from(objects)), max_size=3)):
                if s != o:
                    article.relations.append(Relation(kind, s, o, 0))

        pairs(people, orgs + places, "visited")
        pairs(people, people, "metWith")
        pairs(people, people, "accompanied")
        pairs(people, orgs, "affiliatedWith")
        pairs(orgs, orgs, "partOf")
        pairs(orgs + places, places, "locatedIn")
        if people:
            for p in draw(st.lists(st.sampled_from(people), max_size=2)):
                org = draw(st.sampled_from([None] + orgs + places))
                article.positions.append(Position(p, draw(st.sampled_from(["市长", "董事长"])), org, 0))
        if orgs or places:
            parties = draw(st.lists(st.sampled_from(orgs + places), min_size=1, max_size=2, unique=True))
            witnesses = draw(st.lists(st.sampled_from(people), max_size=1, unique=True)) if people else []
            article.agreements.append(Agreement(f"协议{ai}", parties, witnesses))
        corpus.articles.append(article)
    # resolution never yields an entity nothing mentions: keep the used ones
    used = sorted({gi for gi in corpus.index.values()})
    new = {old: i for i, old in enumerate(used)}
    corpus.entities = [corpus.entities[g] for g in used]
    corpus.index = {k: new[g] for k, g in corpus.index.items()}
    return corpus


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpora())
def test_mapping_is_valid_deterministic_and_faithful(corpus):
    graph = corpus_to_graph(corpus)
    assert not any(isinstance(t, BNode) for triple in graph for t in triple)
    assert to_turtle(corpus_to_graph(corpus)) == to_turtle(graph)

    result = validate_graph(graph)
    assert result.conforms, result.violations

    expected = {a.source: article_to_gold_shape(a) for a in corpus.articles}
    scores = score_corpus(graph_to_gold_shape(graph), expected)
    assert scores.entities.f1 == 1.0
    assert scores.relations_micro.f1 == 1.0, [(a.missed, a.spurious) for a in scores.articles]
