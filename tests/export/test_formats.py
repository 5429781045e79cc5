"""``kg export``: JSON-LD, GraphML, GEXF and CSV read back to the same graph; exit codes."""

from __future__ import annotations

import csv
import io
import json
import random
from collections import Counter

import networkx as nx
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kg.cli import build_parser, main
from kg.evaluation.command import load_gold_dir
from kg.export.formats import EDGE_RELATIONS, entity_graph, run_export, to_jsonld
from kg.export.turtle import write_turtle
from kg.rdf.gold import gold_to_corpus
from kg.rdf.loading import load_graph
from kg.rdf.mapping import corpus_to_graph
from kg.rdf.namespaces import KG, PREFIXES

from ..conftest import SEED_GOLD

ID = "https://w3id.org/zhkg/id/"
CHEN = ID + "person/陈向平"
SU = ID + "person/苏良碧"
SHANGHAI_CITY = ID + "place/上海市"


@pytest.fixture(scope="module")
def build_dir(tmp_path_factory):
    """A folder like kg build's output: graph.ttl of the seeds' gold annotation."""
    folder = tmp_path_factory.mktemp("build")
    golds = list(load_gold_dir(SEED_GOLD).values())
    write_turtle(corpus_to_graph(gold_to_corpus(golds)), folder / "graph.ttl")
    return folder


@pytest.fixture(scope="module")
def rdf_graph(build_dir):
    return load_graph(build_dir / "graph.ttl")


@pytest.fixture(scope="module")
def expected(rdf_graph):
    """The entity graph the GraphML, GEXF and CSV files must hold."""
    return entity_graph(rdf_graph)


def _edge_set(g) -> Counter:
    return Counter((u, v, d["relation"]) for u, v, d in g.edges(data=True))


# ----------------------------------------------------------- the entity graph
def test_entity_graph_content(expected):
    assert expected.number_of_nodes() > 100 and expected.number_of_edges() > 100
    chen = expected.nodes[CHEN]
    assert chen["label"] == "陈向平" and chen["type"] == "Person" and chen["kind"] == "Person"
    city = expected.nodes[SHANGHAI_CITY]
    assert city["type"] == "City" and "上海" in city["aliases"].split("|")
    relations = {d["relation"] for *_, d in expected.edges(data=True)}
    assert {"visited", "metWith", "accompanied", "affiliatedWith", "partOf", "locatedIn", "signed"} <= relations
    assert relations <= set(EDGE_RELATIONS) and "holdsPosition" not in relations
    assert expected.has_edge(min(CHEN, SU), max(CHEN, SU), key="metWith")
    # every attribute is a string or an integer, every edge backed by evidence
    for _, data in expected.nodes(data=True):
        assert set(data) == {"label", "type", "kind", "aliases"}
        assert all(isinstance(v, str) for v in data.values())
    for *_, data in expected.edges(data=True):
        assert isinstance(data["evidence"], int) and data["evidence"] >= 1


# ------------------------------------------------------------------- JSON-LD
def test_jsonld_round_trip(build_dir, rdf_graph):
    assert run_export(build_dir, "jsonld", err=io.StringIO()) == 0
    path = build_dir / "graph.jsonld"
    doc = json.loads(path.read_text(encoding="utf-8"))
    context = doc["@context"]
    for prefix in ("kg", "rdfs", "skos", "dcterms", "xsd", "schema", "prov"):
        assert context[prefix] == PREFIXES[prefix]
    assert context["Person"] == KG + "Person" and context["visited"] == KG + "visited"
    chen = next(node for node in doc["@graph"] if node["@id"] == CHEN)
    assert chen["@type"] == "Person"
    assert {"@language": "zh", "@value": "陈向平"} in (
        chen["rdfs:label"] if isinstance(chen["rdfs:label"], list) else [chen["rdfs:label"]]
    )

    back = Graph().parse(str(path), format="json-ld")
    assert len(back) == len(rdf_graph)
    assert isomorphic(back, rdf_graph)


def test_jsonld_keeps_literals_and_is_deterministic():
    s, p = URIRef(ID + "x"), URIRef(KG + "sentenceIndex")
    triples = [
        (s, p, Literal("01", datatype=URIRef(PREFIXES["xsd"] + "integer"))),
        (s, p, Literal("true", datatype=URIRef(PREFIXES["xsd"] + "boolean"))),
        (s, p, Literal("plain", datatype=URIRef(PREFIXES["xsd"] + "string"))),
        (s, URIRef(KG + "title"), Literal("主任", lang="zh")),
        (s, URIRef(KG + "title"), Literal("director", lang="en")),
        (URIRef(ID + "y"), URIRef(KG + "visited"), s),
    ]
    texts = []
    for seed in range(3):
        shuffled = triples[:]
        random.Random(seed).shuffle(shuffled)
        g = Graph()
        for t in shuffled:
            g.add(t)
        texts.append(to_jsonld(g))
    assert texts[0] == texts[1] == texts[2]
    back = Graph().parse(data=texts[0], format="json-ld")
    assert isomorphic(back, g)


# ------------------------------------------------------ GraphML, GEXF read back
@pytest.mark.parametrize("fmt, reader", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_graphml_and_gexf_round_trip(build_dir, expected, fmt, reader):
    assert run_export(build_dir, fmt, err=io.StringIO()) == 0
    back = reader(build_dir / f"graph.{fmt}")
    assert back.is_directed()
    assert back.number_of_nodes() == expected.number_of_nodes()
    assert back.number_of_edges() == expected.number_of_edges()
    assert set(back.nodes) == set(expected.nodes)
    for node, data in expected.nodes(data=True):
        got = back.nodes[node]
        for attr in ("label", "type", "kind", "aliases"):
            assert got[attr] == data[attr], (node, attr)
    assert _edge_set(back) == _edge_set(expected)
    assert {(u, v, d["relation"]): int(d["evidence"]) for u, v, d in back.edges(data=True)} == {
        (u, v, d["relation"]): d["evidence"] for u, v, d in expected.edges(data=True)
    }
    assert back.nodes[SHANGHAI_CITY]["type"] == "City"
    assert (min(CHEN, SU), max(CHEN, SU), "metWith") in _edge_set(back)


# ----------------------------------------------------------------------- CSV
def _read_csv(path):
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        return reader.fieldnames, list(reader)


def test_csv_round_trip(build_dir, expected):
    assert run_export(build_dir, "csv", err=io.StringIO()) == 0
    assert not (build_dir / "nodes.csv").read_bytes().startswith(b"\xef\xbb\xbf")  # no BOM
    header, nodes = _read_csv(build_dir / "nodes.csv")
    assert header == ["id", "label", "type", "aliases"]
    assert len(nodes) == expected.number_of_nodes()
    by_id = {row["id"]: row for row in nodes}
    assert by_id[CHEN]["label"] == "陈向平" and by_id[CHEN]["type"] == "Person"
    assert by_id[SHANGHAI_CITY]["type"] == "City" and "上海" in by_id[SHANGHAI_CITY]["aliases"].split("|")
    for node, data in expected.nodes(data=True):
        assert (by_id[node]["label"], by_id[node]["type"], by_id[node]["aliases"]) == (
            data["label"], data["type"], data["aliases"])

    header, edges = _read_csv(build_dir / "edges.csv")
    assert header == ["source", "target", "relation"]
    assert len(edges) == expected.number_of_edges()
    assert Counter((r["source"], r["target"], r["relation"]) for r in edges) == _edge_set(expected)
    assert all(r["source"] in by_id and r["target"] in by_id for r in edges)


def test_out_option_and_graph_file_source(build_dir, tmp_path, rdf_graph, expected):
    graph = build_dir / "graph.ttl"
    assert run_export(graph, "jsonld", tmp_path / "a" / "g.jsonld", err=io.StringIO()) == 0
    assert isomorphic(Graph().parse(str(tmp_path / "a" / "g.jsonld"), format="json-ld"), rdf_graph)
    assert run_export(graph, "gexf", tmp_path / "g.gexf", err=io.StringIO()) == 0
    assert nx.read_gexf(tmp_path / "g.gexf").number_of_edges() == expected.number_of_edges()
    err = io.StringIO()
    assert run_export(graph, "csv", tmp_path / "tables", err=err) == 0
    assert "nodes.csv" in err.getvalue() and "edges.csv" in err.getvalue()
    _, edges = _read_csv(tmp_path / "tables" / "edges.csv")
    assert len(edges) == expected.number_of_edges()


# ------------------------------------------------------------ CLI and errors
def test_parser():
    args = build_parser().parse_args(["export", "out", "--format", "gexf", "-o", "x.gexf"])
    assert (args.command, args.graph, args.format, args.out) == ("export", "out", "gexf", "x.gexf")
    assert build_parser().parse_args(["export", "out", "--format", "csv"]).out is None
    with pytest.raises(SystemExit) as exc:
        build_parser().parse_args(["export", "out", "--format", "svg"])
    assert exc.value.code == 2


def _one_error_line(capsys) -> str:
    err = capsys.readouterr().err
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kg export: "), err
    return lines[0]


def test_missing_graph_exits_2(tmp_path, capsys):
    assert main(["export", str(tmp_path / "nope"), "--format", "jsonld"]) == 2
    assert "no such file" in _one_error_line(capsys)
    assert main(["export", str(tmp_path), "--format", "csv"]) == 2  # a folder without graph.ttl
    assert "graph.ttl" in _one_error_line(capsys)
    assert list(tmp_path.iterdir()) == []


def test_malformed_graph_exits_2(tmp_path, capsys):
    (tmp_path / "graph.ttl").write_text("@prefix kg: <x> .\nthis is { not turtle\n\n", encoding="utf-8")
    for fmt in ("jsonld", "graphml", "gexf", "csv"):
        assert main(["export", str(tmp_path), "--format", fmt]) == 2
        assert "not a readable RDF graph" in _one_error_line(capsys)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.ttl"]


@pytest.mark.parametrize("fmt", ["jsonld", "graphml", "gexf", "csv"])
def test_unwritable_output_exits_3(build_dir, tmp_path, capsys, fmt):
    blocker = tmp_path / "file"
    blocker.write_text("a regular file", encoding="utf-8")
    assert main(["export", str(build_dir), "--format", fmt, "-o", str(blocker / "sub" / "out")]) == 3
    assert "cannot write" in _one_error_line(capsys)
    assert blocker.read_text(encoding="utf-8") == "a regular file"


def test_csv_output_is_a_file_exits_3(build_dir, tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    assert main(["export", str(build_dir), "--format", "csv", "-o", str(blocker)]) == 3
    assert "not a folder" in _one_error_line(capsys)


def test_unknown_format_in_the_function(build_dir):
    err = io.StringIO()
    assert run_export(build_dir, "svg", err=err) == 2
    assert err.getvalue().startswith("kg export: unknown format")


def test_an_empty_output_is_a_usage_error(tmp_path, monkeypatch):
    """``kg export -o ""`` was read as no -o: the file was written next to the graph."""
    graph = tmp_path / "g.ttl"
    write_turtle(corpus_to_graph(gold_to_corpus(list(load_gold_dir(SEED_GOLD).values())[:1])), graph)
    monkeypatch.chdir(tmp_path)
    for fmt in ("jsonld", "csv"):
        err = io.StringIO()
        assert run_export(graph, fmt, "", err=err) == 2
        assert err.getvalue() == ("kg export: empty output (-o): name the file (for csv, the folder) to write, "
                                  "or leave -o out to write next to the graph\n")
    assert main(["export", str(graph), "--format", "gexf", "-o", ""]) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.ttl"]
