"""The page's plain graph (kg.export.page_graph), read by kg.analytics, gives what kg.analytics gives on rdflib."""

from __future__ import annotations

import pytest

import marshal

from kg.analytics import article_evidence, entity_details, merge_evidence, to_networkx
from kg.export.html import build_payload
from kg.build.page import encode_block, page_statements
from kg.export.page_graph import PageGraph, decode_page, encode_page, from_rdflib, plain, plain_triples


def _graphs():
    from tests.graph_samples import generated_graph, sample_graph

    return {"sample": sample_graph(), "generated": generated_graph(n_entities=300, seed=3)}


@pytest.fixture(scope="module", params=["sample", "generated"])
def graph(request):
    """The sample in rdflib's SimpleMemory store, as the build's page graph was (the order
    of its index is the order of the edges; PageGraph indexes as it does)."""
    from rdflib import Graph

    triples = list(_graphs()[request.param])
    simple = Graph(store="SimpleMemory", bind_namespaces="none")
    for t in triples:
        simple.add(t)
    page = PageGraph()
    page.add_all(plain_triples(triples))  # in the same order
    return simple, page


def test_the_same_networkx_graph_edges_in_the_same_order(graph):
    graph, page = graph
    a, b = to_networkx(graph), to_networkx(page)
    assert list(a.nodes(data=True)) == list(b.nodes(data=True))
    assert list(a.edges(keys=True, data=True)) == list(b.edges(keys=True, data=True))


def test_the_same_entity_details(graph):
    graph, page = graph
    nodes = sorted(to_networkx(graph))
    a, b = entity_details(graph, nodes), entity_details(page, nodes)
    assert a == b and any(d.evidence for d in a.values())


def _by_article(triples: list[tuple]) -> list[list[tuple]]:
    """The statements each article made, as the build renders them: its nodes' statements
    (a node is the article's when its kg:source is the article), the statements linking an
    entity to them and the article node's own; in article order."""
    source = "https://w3id.org/zhkg/ontology#source"
    article_of = {s: o for s, p, o in triples if p == source}
    article_of.update({a: a for a in set(article_of.values())})
    found: dict[str, list[tuple]] = {}
    for s, p, o in triples:
        owner = article_of.get(s) or (article_of.get(o) if isinstance(o, str) else None)
        if owner is not None:
            found.setdefault(owner, []).append((s, p, o))
    return list(found.values())


def test_evidence_found_article_by_article_gives_the_same_details(graph):
    """The build finds each article's evidence where it renders the article and merges the
    shares: the details are those of the search of the whole graph."""
    graph, page = graph
    nodes = sorted(to_networkx(graph))
    shares = [article_evidence(statements) for statements in _by_article(plain_triples(graph))]
    assert len(shares) > 1
    merged = entity_details(page, nodes, evidence=merge_evidence(shares, nodes))
    assert merged == entity_details(page, nodes) and any(d.evidence for d in merged.values())
    assert build_payload(page, evidence=shares) == build_payload(page)
    read = PageGraph()
    read.add_all(page_statements(plain_triples(graph)))
    assert len(read_statements := list(read.triples())) < len(list(page.triples())) and read_statements
    assert build_payload(read, evidence=shares) == build_payload(page)  # the build's page: what it reads


def test_a_page_block_keeps_the_statements_the_page_reads():
    from kg.analytics import PAGE_PREDICATES

    triples = plain_triples(_graphs()["sample"])
    statements, _evidence = decode_page(encode_block(triples))
    rdf_type = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
    assert statements == [t for t in triples if t[1] in PAGE_PREDICATES and (t[1] != rdf_type or t in statements)]
    types = {t[2] for t in triples if t[1] == rdf_type}
    kept = {t[2] for t in statements if t[1] == rdf_type}
    assert kept and types - kept  # the entities' classes kept, the events' and positions' left out
    assert {t[1] for t in triples} - PAGE_PREDICATES  # some were left out


def test_one_sentence_twice_keeps_the_same_original_in_any_order():
    """Two evidence nodes of one article with the same sentence merge; which original the
    merged sentence shows does not depend on the order they come in."""
    rows = [("甲会见乙", "a.txt", "2024-01-01", "Meeting", "甲會見乙"),
            ("甲会见乙", "a.txt", "2024-01-01", "Visit", ""),
            ("甲会见乙", "a.txt", "2024-01-01", "Position", "甲会见乙 "),]
    orders = [rows, rows[::-1], rows[1:] + rows[:1]]
    found = [merge_evidence([{"e": list(r)}])["e"] for r in orders]
    assert all(f == found[0] for f in found) and len(found[0]) == 1
    assert found[0][0].about == "Meeting, Position, Visit" and found[0][0].original == "甲会见乙 "


def test_the_same_page_payload(graph):
    graph, page = graph
    assert build_payload(graph) == build_payload(page)
    assert build_payload(graph, max_nodes=40) == build_payload(page, max_nodes=40)
    assert build_payload(from_rdflib(graph), max_nodes=40)["meta"] == build_payload(graph, max_nodes=40)["meta"]


def test_plain_terms_are_equal_exactly_when_rdflib_terms_are():
    from rdflib import Literal, URIRef
    from rdflib.namespace import XSD

    terms = [URIRef("https://x/a"), Literal("https://x/a"), Literal("a", lang="zh"), Literal("a"),
             Literal("a", datatype=XSD.string), Literal("1", datatype=XSD.integer), Literal("1")]
    for t in terms:
        for u in terms:
            assert (plain(t) == plain(u)) == (t == u)


def test_removal_keeps_the_other_statements_and_their_order(graph):
    triples = plain_triples(graph[0])
    page = PageGraph()
    page.add_all(triples)
    page.remove(*triples[0])
    assert triples[0] not in page and all(t in page for t in triples[1:])
    statements, evidence = decode_page(encode_page(triples, article_evidence(triples)))
    assert statements == triples and evidence == article_evidence(triples)
    statements, evidence = decode_page(encode_block(triples))  # what the build caches
    assert statements == page_statements(triples) and evidence == article_evidence(triples)
    with pytest.raises(ValueError):
        decode_page(marshal.dumps((1, triples)))  # an older block: a cache miss


def test_communities_are_read_back_for_the_same_graph_only(tmp_path, monkeypatch):
    """kg.analytics.communities with a cache file: the same graph reads the communities
    found last time (the algorithm is not run), a changed graph or a damaged file computes
    them again; the page is the same either way."""
    import igraph

    from kg.analytics import communities
    from tests.graph_samples import generated_graph

    graph = generated_graph(n_entities=300, seed=3)
    cache = tmp_path / "communities.bin"
    first = build_payload(graph, max_nodes=40, communities_cache=cache)
    assert first == build_payload(graph, max_nodes=40) and cache.is_file()
    g = to_networkx(graph)
    expected = communities(g)

    def refuse(*args, **kwargs):
        raise AssertionError("computed again")

    with monkeypatch.context() as m:
        m.setattr(igraph.Graph, "community_multilevel", refuse)
        assert communities(g, cache=cache) == expected
        assert build_payload(graph, max_nodes=40, communities_cache=cache) == first
    u, v = sorted(g)[:2]
    g.add_edge(u, v, key="metWith", relation="metWith")
    assert communities(g, cache=cache) == communities(g)  # another graph: computed
    cache.write_bytes(b"damaged")
    assert communities(to_networkx(graph), cache=cache) == expected
