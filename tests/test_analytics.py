from __future__ import annotations

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import RDF, RDFS, Literal

from kg.analytics import (
    KINDS,
    RELATIONS,
    centrality_table,
    communities,
    entity_details,
    find_nodes,
    met_with_graph,
    most_connected,
    neighbourhood,
    signed_with_graph,
    to_networkx,
)
from tests.graph_samples import ENT, INJECT_IMG, KG, generated_graph, sample_graph

PREFIXES = "PREFIX kg: <https://w3id.org/zhkg/ontology#>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"


def by_label(g: nx.MultiDiGraph) -> dict[str, str]:
    return {d["label"]: n for n, d in g.nodes(data=True)}


def edge_set(g: nx.MultiDiGraph, relation: str) -> set[tuple[str, str]]:
    return {(g.nodes[u]["label"], g.nodes[v]["label"]) for u, v, k in g.edges(keys=True) if k == relation}


def test_nodes_have_label_most_specific_type_kind_and_aliases():
    g = to_networkx(sample_graph())
    ids = by_label(g)
    company = g.nodes[ids["恒玄科技(上海)股份有限公司"]]
    assert (company["type"], company["kind"], company["aliases"]) == ("Company", "Organization", ["恒玄科技"])
    assert g.nodes[ids["陈向平"]] | {} == {"label": "陈向平", "type": "Person", "kind": "Person", "aliases": ["陳向平"]}
    assert g.nodes[ids["卫东区"]]["type"] == "District" and g.nodes[ids["卫东区"]]["kind"] == "Place"
    assert g.nodes[ids["意向合作协议"]]["kind"] == "Agreement"
    # events, positions and articles are not entity nodes
    assert {d["kind"] for _, d in g.nodes(data=True)} <= set(KINDS)
    assert g.number_of_nodes() == 17


def test_node_set_matches_sparql_over_the_class_hierarchy():
    rdf = sample_graph()
    rows = rdf.query(
        PREFIXES
        + """SELECT DISTINCT ?e WHERE { ?e a/rdfs:subClassOf* ?c .
             VALUES ?c { kg:Person kg:Organization kg:Place kg:Agreement } }"""
    )
    assert {str(r.e) for r in rows} == set(to_networkx(rdf))


def test_class_hierarchy_from_the_graph_and_the_contract_fallback():
    rdf = sample_graph()
    # a project subclass two levels down, declared only in the graph
    rdf.add((KG.StateOwnedCompany, RDFS.subClassOf, KG.Company))
    rdf.add((ENT["o/soe"], RDF.type, KG.StateOwnedCompany))
    rdf.add((ENT["o/soe"], RDF.type, KG.Organization))
    rdf.add((ENT["o/soe"], RDFS.label, Literal("中国电气装备集团有限公司", lang="zh")))
    # and no hierarchy triples for the contract's own classes: the built-in fallback reads them
    for triple in list(rdf.triples((None, RDFS.subClassOf, KG.Organization))):
        rdf.remove(triple)
    g = to_networkx(rdf)
    soe = g.nodes[str(ENT["o/soe"])]
    assert (soe["type"], soe["kind"]) == ("StateOwnedCompany", "Organization")
    assert g.nodes[str(ENT["o/nxu"])]["type"] == "University"


def test_contract_fallback_is_the_ontology_class_tree():
    # CONTRACT_SUBCLASSES is a copy of ontology/kg.ttl kept so graphs without the
    # ontology still classify: it must not drift from the file
    from kg.analytics import CONTRACT_SUBCLASSES, local_name
    from tests.graph_samples import ontology_subclasses

    tree = {(local_name(s), local_name(o)) for s, o in ontology_subclasses()}
    assert set(CONTRACT_SUBCLASSES.items()) <= tree
    contract_classes = {"Organization", "Place", "Event"}
    assert {(s, o) for s, o in tree if o in contract_classes} == set(CONTRACT_SUBCLASSES.items())


def test_edges_are_the_shortcut_triples():
    g = to_networkx(sample_graph())
    assert edge_set(g, "visited") == {("陈向平", "恒玄科技(上海)股份有限公司"), ("陈向平", "唐山高新区")}
    assert edge_set(g, "accompanied") == {("王明", "陈向平")}
    assert edge_set(g, "locatedIn") == {
        ("卫东区", "平顶山市"), ("平顶山市", "河南省"), ("河南省", "中国"), ("平顶山市委", "平顶山市"), ("宁夏大学", "中国")
    }
    # symmetric metWith: both directions in RDF, one edge here
    assert len(edge_set(g, "metWith")) == 2
    assert {frozenset(p) for p in edge_set(g, "metWith")} == {frozenset({"陈向平", "李洪凤"}), frozenset({INJECT_IMG, "李洪凤"})}
    # party mirrors signed: dropped when both are chosen, kept when only party is
    assert edge_set(g, "party") == set()
    assert edge_set(to_networkx(sample_graph(), ["party"]), "party") == {
        ("意向合作协议", "卫东区政府"), ("意向合作协议", "恒玄科技(上海)股份有限公司")
    }
    # holdsPosition: person -> where, with the title
    ids = by_label(g)
    assert g.edges[ids["陈向平"], ids["平顶山市委"], "holdsPosition"]["title"] == "市委书记"


def test_edges_match_sparql_for_each_plain_relation():
    rdf = sample_graph()
    g = to_networkx(rdf)
    for relation in ("visited", "accompanied", "affiliatedWith", "signed", "witnessed", "partOf", "locatedIn"):
        rows = rdf.query(PREFIXES + f"SELECT ?s ?o WHERE {{ ?s kg:{relation} ?o }}")
        assert {(str(r.s), str(r.o)) for r in rows} == {(u, v) for u, v, k in g.edges(keys=True) if k == relation}


def test_relation_choice():
    g = to_networkx(sample_graph(), relations=["metWith", "visited"])
    assert {k for _, _, k in g.edges(keys=True)} == {"metWith", "visited"}
    assert g.number_of_nodes() == 17  # nodes do not depend on the relations chosen
    with pytest.raises(ValueError, match="unknown relation"):
        to_networkx(sample_graph(), relations=["knows"])
    assert set(RELATIONS) >= {"visited", "metWith", "signed", "partOf"}


def test_centrality_table():
    g = to_networkx(sample_graph())
    rows = centrality_table(g)
    assert rows[0].label == "陈向平" and rows[0].degree == 6  # 6 distinct neighbours
    assert all(a.degree >= b.degree for a, b in zip(rows, rows[1:]))
    people = centrality_table(g, kinds=["Person"])
    assert {r.kind for r in people} == {"Person"} and len(people) == 4
    between = {r.label: r.betweenness for r in rows}
    assert between["王明"] == 0.0 and between["陈向平"] > between["李洪凤"] > 0


def test_met_with_and_signed_with_projections():
    g = to_networkx(sample_graph())
    met = met_with_graph(g)
    assert not met.is_directed()
    assert {frozenset((met.nodes[u]["label"], met.nodes[v]["label"])) for u, v in met.edges} == {
        frozenset({"陈向平", "李洪凤"}), frozenset({INJECT_IMG, "李洪凤"})
    }
    signed = signed_with_graph(g)
    ((u, v, data),) = signed.edges(data=True)
    assert {signed.nodes[u]["label"], signed.nodes[v]["label"]} == {"卫东区政府", "恒玄科技(上海)股份有限公司"}
    assert data["agreements"] == ["意向合作协议"]
    # signers read from party alone give the same network
    only_party = signed_with_graph(to_networkx(sample_graph(), ["party"]))
    assert set(map(frozenset, only_party.edges)) == set(map(frozenset, signed.edges))


def test_communities_partition_the_connected_nodes():
    g = to_networkx(generated_graph(300, seed=3))
    found = communities(g)
    assert len(found) > 1
    assert all(len(a) >= len(b) for a, b in zip(found, found[1:]))
    covered = set().union(*found)
    assert sum(len(c) for c in found) == len(covered)  # disjoint
    connected = {n for n in g if g.degree(n) > 0}
    assert covered == connected
    assert communities(nx.MultiDiGraph()) == []


def test_communities_are_as_good_as_networkx_louvain_and_repeatable():
    """igraph's multilevel Louvain (what communities() runs) finds a partition of the
    same quality as networkx's Louvain, the same one every time, and leaves the
    interpreter's random state (which igraph draws from by default) alone."""
    import random

    from networkx.algorithms.community import louvain_communities, modularity

    from kg.analytics import COMMUNITY_SEED, community_graph

    g = to_networkx(generated_graph(600, seed=5))
    nodes, edges = community_graph(g)
    simple = nx.Graph()
    simple.add_nodes_from(nodes)
    simple.add_edges_from(edges)
    state = random.getstate()
    found = communities(g)
    assert random.getstate() == state
    assert communities(g) == found
    ours = modularity(simple, found)
    theirs = modularity(simple, louvain_communities(simple, seed=COMMUNITY_SEED))
    assert ours >= theirs - 0.01, (ours, theirs)


def test_communities_import_igraph_without_matplotlib():
    """The communities load igraph without the matplotlib its drawing support would
    import (0.4 s of every new kg add or kg html process); matplotlib stays importable
    after, and igraph found after matplotlib is loaded is left as it is."""
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from kg.analytics import louvain\n"
        "found = louvain(['a', 'b', 'c', 'd'], [('a', 'b'), ('c', 'd')])\n"
        "assert sorted(map(sorted, found)) == [['a', 'b'], ['c', 'd']], found\n"
        "assert 'igraph' in sys.modules\n"
        "assert 'matplotlib' not in sys.modules and 'matplotlib.pyplot' not in sys.modules\n"
        "import matplotlib\n"
        "assert matplotlib.__version__\n"
        "from kg.analytics import import_igraph\n"
        "assert import_igraph() is sys.modules['igraph']\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_find_neighbourhood_and_most_connected():
    g = to_networkx(sample_graph())
    ids = by_label(g)
    assert find_nodes(g, "恒玄科技") == [ids["恒玄科技(上海)股份有限公司"]]  # by alias
    assert find_nodes(g, " 卫东区 ") == [ids["卫东区"]]
    assert find_nodes(g, "nobody") == []
    assert {g.nodes[n]["label"] for n in neighbourhood(g, ids["卫东区"], 1)} == {"卫东区", "平顶山市"}
    assert neighbourhood(g, ids["卫东区"], 0) == {ids["卫东区"]}
    top = most_connected(g, 3)
    assert ids["陈向平"] in top and len(top) == 3
    kept = most_connected(g, 2, keep=[ids["宁夏大学"]])
    assert ids["宁夏大学"] in kept and ids["陈向平"] in kept and len(kept) == 2


def test_entity_details_evidence_from_any_linking_property():
    rdf = sample_graph()
    chen, img, cas = str(ENT["p/chen"]), str(ENT["p/img"]), str(ENT["o/cas"])
    details = entity_details(rdf, [chen, img, cas])
    sentences = {e.sentence: e for e in details[chen].evidence}
    meeting = sentences["陈向平与李洪凤座谈交流。"]
    assert (meeting.source_file, meeting.date, meeting.about) == ("000_sample.txt", "2024-03-05", "Meeting")
    assert "陈向平走进唐山高新区调研。" in sentences  # linked by kg:agent
    signing = sentences["卫东区政府与恒玄科技签订意向合作协议，陈向平见证签约。"]  # linked by kg:witness
    assert signing.about == "Agreement, Signing"  # the same sentence twice is shown once
    # evidence of a position held by the entity (entity -> position)
    assert "平顶山市委书记陈向平一行来到恒玄科技考察。" in sentences
    assert details[chen].titles == ["平顶山市委 市委书记"]
    # an assertion node linking with project-specific properties
    assert [e.sentence for e in details[cas].evidence] == ["中国科学院上海硅酸盐研究所是中国科学院所属研究所。"]
    assert details[img].evidence[0].source_file == "001_sample.txt"
    # sorted by date
    dates = [e.date for e in details[chen].evidence]
    assert dates == sorted(dates)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(n=st.integers(min_value=1, max_value=120), seed=st.integers(min_value=0, max_value=10_000))
def test_generated_graphs_invariants(n, seed):
    rdf = generated_graph(n, seed=seed)
    g = to_networkx(rdf)
    assert g.number_of_nodes() == n
    assert all(u != v for u, v in g.edges())
    # every plain edge is a triple of the graph, every triple between entities an edge
    for relation in ("visited", "affiliatedWith", "locatedIn", "partOf", "signed"):
        triples = {(str(s), str(o)) for s, o in rdf.subject_objects(KG[relation]) if s != o}
        assert triples == {(u, v) for u, v, k in g.edges(keys=True) if k == relation}
    met = {frozenset((str(s), str(o))) for s, o in rdf.subject_objects(KG.metWith) if s != o}
    assert met == {frozenset((u, v)) for u, v, k in g.edges(keys=True) if k == "metWith"}
    rows = centrality_table(g)
    assert len(rows) == n and all(0.0 <= r.betweenness <= 1.0 for r in rows)
