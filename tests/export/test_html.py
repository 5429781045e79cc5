from __future__ import annotations

import base64
import hashlib
import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rdflib import Graph

from kg.analytics import to_networkx
from kg.export.html import HtmlExportError, build_payload, render_page, run_html, safe_json, write_html
from tests.graph_samples import INJECT_EVIDENCE, INJECT_IMG, INJECT_SCRIPT, generated_graph, sample_graph

DATA_BLOCK = re.compile(r'<script type="application/json" id="kg-data">(.*?)</script>', re.DOTALL)
URL = re.compile(r"https?://", re.IGNORECASE)


def page_data(page: str) -> dict:
    blocks = DATA_BLOCK.findall(page)
    assert len(blocks) == 1
    return json.loads(blocks[0])


@pytest.fixture(scope="module")
def sample_page(tmp_path_factory) -> str:
    path = write_html(sample_graph(), tmp_path_factory.mktemp("html") / "graph.html")
    return path.read_text(encoding="utf-8")


def test_page_is_self_contained(sample_page):
    # no external resource of any kind
    assert not re.search(r"<(script|link|img|iframe)[^>]*\s(src|href)\s*=", sample_page, re.IGNORECASE)
    assert "@import" not in sample_page and "bootstrap" not in sample_page.lower()
    assert not re.search(r"url\(\s*(?!['\"]?data:)", sample_page)
    # and no URL at all outside the data, where the only ones are the entities' IRIs (shown as text)
    assert not URL.search(DATA_BLOCK.sub("", sample_page))
    data = page_data(sample_page)
    iris = {d["iri"] for d in data["details"].values()}
    assert len(URL.findall(DATA_BLOCK.search(sample_page).group(1))) == len(iris)
    # vis-network is inlined, from pyvis's own files
    assert "vis-network" in sample_page and "new vis.Network(" in sample_page
    assert "default-src 'none'" in sample_page


def test_csp_allows_exactly_the_page_scripts(sample_page):
    scripts = re.findall(r"<script>(.*?)</script>", sample_page, re.DOTALL)
    assert len(scripts) == 2
    allowed = set(re.findall(r"'sha256-([A-Za-z0-9+/=]+)'", sample_page))
    assert allowed == {base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() for s in scripts}
    assert "unsafe-inline" not in sample_page.split("script-src", 1)[1].split(";", 1)[0]


def test_data_matches_the_graph(sample_page):
    data = page_data(sample_page)
    g = to_networkx(sample_graph())
    assert len(data["nodes"]) == g.number_of_nodes() and len(data["edges"]) == g.number_of_edges()
    assert {d["name"] for d in data["details"].values()} == {d["label"] for _, d in g.nodes(data=True)}
    # every node has a colour, a shape, a size, a class in the legend
    legend = {c["type"]: c for c in data["classes"]}
    for node in data["nodes"]:
        assert node["kgType"] in legend
        assert node["shape"] == legend[node["kgType"]]["shape"]
        assert node["color"]["background"] == legend[node["kgType"]]["color"]
    sizes = {data["details"][str(n["id"])]["name"]: n["size"] for n in data["nodes"]}
    assert sizes["陈向平"] > sizes["李洪凤"] > sizes["宁夏大学"]  # by degree
    assert sum(c["count"] for c in data["classes"]) == len(data["nodes"])
    assert {r["name"] for r in data["relations"]} == {e["relation"] for e in data["edges"]}
    labels = {e["label"] for e in data["edges"]}
    assert {"visited", "metWith", "市委书记"} <= labels
    # physics is bounded and stops
    stab = data["options"]["physics"]["stabilization"]
    assert stab["enabled"] and 0 < stab["iterations"] <= 1000
    assert data["meta"]["cut"] == ""


def test_untrusted_text_cannot_break_out(sample_page):
    block = DATA_BLOCK.search(sample_page).group(1)
    for raw in ("<", ">", "&", "\u2028", "\u2029"):
        assert raw not in block
    names = {d["name"] for d in page_data(sample_page)["details"].values()}
    assert INJECT_IMG in names
    aliases = [a for d in page_data(sample_page)["details"].values() for a in d["aliases"]]
    assert INJECT_SCRIPT in aliases
    sentences = [e["s"] for d in page_data(sample_page)["details"].values() for e in d["evidence"]]
    assert INJECT_EVIDENCE in sentences
    # the page script never hands data to an HTML parser
    script = re.findall(r"<script>(.*?)</script>", sample_page, re.DOTALL)[-1]
    assert not re.search(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function", script)


@given(st.text())
def test_safe_json_round_trips_and_escapes(text):
    encoded = safe_json({"t": text, "l": [text]})
    assert json.loads(encoded) == {"t": text, "l": [text]}
    assert not any(ch in encoded for ch in "<>&\u2028\u2029")


def test_focus_and_hops_cut_is_stated(tmp_path):
    data = build_payload(sample_graph(), focus="卫东区", hops=1)
    assert {d["name"] for d in data["details"].values()} == {"卫东区", "平顶山市"}
    assert "卫东区" in data["meta"]["cut"] and "1" in data["meta"]["cut"]
    two = build_payload(sample_graph(), focus="恒玄科技", hops=2)  # an alias works too
    assert "陈向平" in {d["name"] for d in two["details"].values()}
    page = write_html(sample_graph(), tmp_path / "focus.html", focus="卫东区", hops=1).read_text(encoding="utf-8")
    assert page_data(page)["meta"]["cut"] == data["meta"]["cut"]
    with pytest.raises(HtmlExportError, match="no entity"):
        build_payload(sample_graph(), focus="没有这个名字")


def test_max_nodes_keeps_the_most_connected():
    graph = generated_graph(300, seed=1)
    g = to_networkx(graph)
    data = build_payload(graph, max_nodes=40)
    assert len(data["nodes"]) == 40
    shown = {d["iri"] for d in data["details"].values()}
    degree = {n: len(set(g.successors(n)) | set(g.predecessors(n))) for n in g}
    assert min(degree[n] for n in shown) >= max(degree[n] for n in set(g) - shown)
    assert "40" in data["meta"]["cut"] and "300" in data["meta"]["cut"]
    assert all(e["from"] in {n["id"] for n in data["nodes"]} for e in data["edges"])
    with pytest.raises(HtmlExportError):
        build_payload(graph, max_nodes=0)
    with pytest.raises(HtmlExportError):
        build_payload(graph, hops=-1, focus="x")


def test_empty_graph_gives_a_page():
    page = render_page(build_payload(Graph()))
    data = page_data(page)
    assert data["nodes"] == [] and data["meta"]["shownNodes"] == 0


def test_run_html(tmp_path, capsys):
    ttl = tmp_path / "graph.ttl"
    sample_graph().serialize(ttl, format="turtle")
    out = tmp_path / "sub" / "graph.html"
    assert run_html(str(ttl), str(out), focus=None, hops=2, max_nodes=2000) == 0
    assert len(page_data(out.read_text(encoding="utf-8"))["nodes"]) == 17
    assert [p.name for p in out.parent.iterdir()] == ["graph.html"]  # no temporary file left
    assert run_html(str(ttl), str(tmp_path / "f.html"), focus="卫东区", hops=1, max_nodes=10) == 0
    assert run_html(str(tmp_path / "missing.ttl"), str(tmp_path / "x.html"), None, 2, 2000) == 2
    assert "no such graph file" in capsys.readouterr().err
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle <<<", encoding="utf-8")
    assert run_html(str(bad), str(tmp_path / "x.html"), None, 2, 2000) == 2
    assert "not a readable RDF graph" in capsys.readouterr().err
    assert run_html(str(ttl), str(tmp_path / "x.html"), "没有这个名字", 2, 2000) == 2
    assert "no entity" in capsys.readouterr().err
    assert not (tmp_path / "x.html").exists()


def test_cli_html(tmp_path):
    from kg.cli import main

    ttl = tmp_path / "graph.ttl"
    sample_graph().serialize(ttl, format="turtle")
    out = tmp_path / "g.html"
    assert main(["html", str(ttl), "-o", str(out), "--focus", "陈向平", "--hops", "1"]) == 0
    names = {d["name"] for d in page_data(out.read_text(encoding="utf-8"))["details"].values()}
    assert "陈向平" in names and "河南省" not in names
