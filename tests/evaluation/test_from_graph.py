"""graph -> gold shape, and the round trip gold -> Corpus -> graph -> score = 1.0."""

from __future__ import annotations

import json

import pytest
from rdflib import URIRef

from kg.evaluation.from_graph import graph_to_gold_shape
from kg.evaluation.scoring import score_corpus
from kg.rdf.gold import gold_to_corpus
from kg.rdf.iris import article_part_iri
from kg.rdf.mapping import corpus_to_graph
from kg.rdf.namespaces import KG

from ..conftest import DEV, SEED_GOLD


def load(folder) -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))]


@pytest.fixture(scope="module")
def seed_golds() -> list[dict]:
    return load(SEED_GOLD)


def test_gold_graph_scores_one_on_the_seeds(seed_golds):
    pred = graph_to_gold_shape(corpus_to_graph(gold_to_corpus(seed_golds)))
    scores = score_corpus(pred, {g["file"]: g for g in seed_golds})
    assert scores.entities.f1 == 1.0
    assert scores.relations_micro.f1 == 1.0
    assert all(not a.missed and not a.spurious for a in scores.articles)


@pytest.mark.skipif(not (DEV / "gold").exists(), reason="../shared/dev is not beside the checkout")
def test_gold_graph_scores_one_on_seeds_and_dev_together(seed_golds):
    # one corpus: entities shared across articles become one node with pooled aliases
    golds = seed_golds + load(DEV / "gold")
    pred = graph_to_gold_shape(corpus_to_graph(gold_to_corpus(golds)))
    scores = score_corpus(pred, {g["file"]: g for g in golds})
    assert (scores.entities.f1, scores.relations_micro.f1) == (1.0, 1.0)


def test_graph_without_ontology_reads_the_same(seed_golds):
    corpus = gold_to_corpus(seed_golds[:1])
    with_onto = graph_to_gold_shape(corpus_to_graph(corpus))
    without = graph_to_gold_shape(corpus_to_graph(corpus, include_ontology=False))
    assert with_onto == without


def test_shape_of_one_article():
    gold = {
        "file": "x.txt",
        "entities": [
            {"name": "陈向平", "type": "Person"},
            {"name": "李洪凤", "type": "Person"},
            {"name": "中国电气装备集团有限公司", "type": "Organization", "aliases": ["中国电气装备集团"]},
            {"name": "卫东区政府", "type": "Organization"},
            {"name": "卫东区", "type": "Place"},
        ],
        "visited": [["陈向平", "中国电气装备集团有限公司"]],
        "metWith": [["陈向平", "李洪凤"]],
        "positions": [{"person": "李洪凤", "title": "董事长", "in": "中国电气装备集团有限公司"},
                      {"person": "陈向平", "title": "书记"}],
        "agreements": [{"name": "协议", "parties": ["卫东区政府", "中国电气装备集团有限公司"], "witnesses": ["陈向平"]}],
        "locatedIn": [["卫东区政府", "卫东区"]],
    }
    doc = graph_to_gold_shape(corpus_to_graph(gold_to_corpus([gold])))["x.txt"]
    assert {(e["name"], e["type"]) for e in doc["entities"]} == {(e["name"], e["type"]) for e in gold["entities"]}
    group = next(e for e in doc["entities"] if e["name"] == "中国电气装备集团有限公司")
    assert group["aliases"] == ["中国电气装备集团"]
    assert doc["visited"] == [["陈向平", "中国电气装备集团有限公司"]]
    assert doc["metWith"] == [["陈向平", "李洪凤"]]  # once, although written both ways
    assert doc["locatedIn"] == [["卫东区政府", "卫东区"]]
    assert {"person": "陈向平", "title": "书记"} in doc["positions"]
    assert doc["agreements"] == [{"name": "协议", "parties": ["中国电气装备集团有限公司", "卫东区政府"],
                                  "witnesses": ["陈向平"]}]


def test_relations_are_counted_only_in_the_article_that_backs_them():
    a = {"file": "a.txt", "entities": [{"name": "甲", "type": "Person"}, {"name": "乙公司", "type": "Organization"}],
         "visited": [["甲", "乙公司"]]}
    b = {"file": "b.txt", "entities": [{"name": "甲", "type": "Person"}, {"name": "乙公司", "type": "Organization"}]}
    docs = graph_to_gold_shape(corpus_to_graph(gold_to_corpus([a, b])))
    assert docs["a.txt"]["visited"] == [["甲", "乙公司"]]
    assert docs["b.txt"]["visited"] == []


def test_an_unbacked_shortcut_is_not_credited():
    a = {"file": "a.txt", "entities": [{"name": "甲", "type": "Person"}, {"name": "乙公司", "type": "Organization"}],
         "visited": [["甲", "乙公司"]]}
    graph = corpus_to_graph(gold_to_corpus([a]))
    graph.remove((URIRef(article_part_iri("a.txt", "assertion", 0)), None, None))
    assert graph_to_gold_shape(graph)["a.txt"]["visited"] == []
    # and an assertion whose triple is missing from the graph is not credited either
    graph = corpus_to_graph(gold_to_corpus([a]))
    graph.remove((None, URIRef(KG + "visited"), None))
    assert graph_to_gold_shape(graph)["a.txt"]["visited"] == []
