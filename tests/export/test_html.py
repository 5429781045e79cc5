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
from kg.export.html import (
    GROUP_LINKS,
    HtmlExportError,
    build_payload,
    group_limit,
    render_page,
    reserve,
    run_html,
    safe_json,
    write_html,
)
from tests.graph_samples import INJECT_EVIDENCE, INJECT_IMG, INJECT_SCRIPT, generated_graph, sample_graph

DATA_BLOCK = re.compile(r'<script type="application/json" id="kg-data">(.*?)</script>', re.DOTALL)
URL = re.compile(r"https?://", re.IGNORECASE)


def page_data(page: str) -> dict:
    blocks = DATA_BLOCK.findall(page)
    assert len(blocks) == 1
    return json.loads(blocks[0])


def entity(data: dict, i: int) -> dict:
    """Entity ``i`` decoded from the compact tables, as page.js ``detail`` does."""
    ent, texts, key = data["entities"], data["texts"], str(i)
    ev = ent["evidence"].get(key, [])
    return {
        "name": ent["name"][i],
        "type": data["types"][ent["type"][i]][0],
        "kind": data["types"][ent["type"][i]][1],
        "iri": ent["iri"][i],
        "aliases": ent["aliases"][i],
        "titles": ent["titles"].get(key, []),
        "degree": ent["degree"][i],
        "group": ent["group"][i],
        "evidence": [
            {"s": texts["sentences"][ev[j]], "file": texts["sources"][ev[j + 1]][0], "date": texts["sources"][ev[j + 1]][1],
             "about": texts["abouts"][ev[j + 2]], "orig": texts["sentences"][ev[j + 3]] if ev[j + 3] >= 0 else ""}
            for j in range(0, len(ev), 4)
        ],
    }


def drawn_details(data: dict) -> dict[str, dict]:
    """The drawn entities (not groups) by page id."""
    return {str(n["id"]): entity(data, n["id"]) for n in data["nodes"] if n["kgType"] != "Cluster"}


def all_entities(data: dict) -> list[dict]:
    return [entity(data, i) for i in range(len(data["entities"]["iri"]))]


def links_of(data: dict) -> list[tuple[int, int, str]]:
    flat, rels = data["links"]["edges"], data["links"]["relations"]
    return [(flat[k], flat[k + 1], rels[flat[k + 2]]) for k in range(0, len(flat), 3)]


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
    iris = set(data["entities"]["iri"])
    assert len(URL.findall(DATA_BLOCK.search(sample_page).group(1))) == len(iris) == len(data["entities"]["iri"])
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
    details = drawn_details(data)
    assert {d["name"] for d in details.values()} == {d["label"] for _, d in g.nodes(data=True)}
    # every node has a colour, a shape, a size, a class in the legend
    legend = {c["type"]: c for c in data["classes"]}
    for node in data["nodes"]:
        assert node["kgType"] in legend
        assert node["shape"] == legend[node["kgType"]]["shape"]
        assert node["color"]["background"] == legend[node["kgType"]]["color"]
    sizes = {details[str(n["id"])]["name"]: n["size"] for n in data["nodes"]}
    assert sizes["陈向平"] > sizes["李洪凤"] > sizes["宁夏大学"]  # by degree
    assert sum(c["count"] for c in data["classes"]) == len(data["nodes"])
    assert {r["name"] for r in data["relations"]} == {e["relation"] for e in data["edges"]}
    labels = {e["label"] for e in data["edges"]}
    assert {"visited", "metWith", "市委书记"} <= labels
    # physics is bounded and stops
    stab = data["options"]["physics"]["stabilization"]
    assert stab["enabled"] and 0 < stab["iterations"] <= 1000
    assert data["meta"]["cut"] == "" and data["groups"] == []
    # the details as the page shows them
    chen = next(d for d in details.values() if d["name"] == "陈向平")
    assert chen["aliases"] == ["陳向平"] and chen["titles"] == ["平顶山市委 市委书记"] and chen["type"] == "Person"
    assert {"s": "陈向平与李洪凤座谈交流。", "file": "000_sample.txt", "date": "2024-03-05", "about": "Meeting", "orig": ""} in chen["evidence"]


def test_untrusted_text_cannot_break_out(sample_page):
    block = DATA_BLOCK.search(sample_page).group(1)
    for raw in ("<", ">", "&", "\u2028", "\u2029"):
        assert raw not in block
    everyone = all_entities(page_data(sample_page))
    assert INJECT_IMG in {d["name"] for d in everyone}
    assert INJECT_SCRIPT in [a for d in everyone for a in d["aliases"]]
    assert INJECT_EVIDENCE in [e["s"] for d in everyone for e in d["evidence"]]
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
    assert {d["name"] for d in drawn_details(data).values()} == {"卫东区", "平顶山市"}
    assert "卫东区" in data["meta"]["cut"] and "1" in data["meta"]["cut"]
    two = build_payload(sample_graph(), focus="恒玄科技", hops=2)  # an alias works too
    assert "陈向平" in {d["name"] for d in drawn_details(two).values()}
    page = write_html(sample_graph(), tmp_path / "focus.html", focus="卫东区", hops=1).read_text(encoding="utf-8")
    assert page_data(page)["meta"]["cut"] == data["meta"]["cut"]
    # the rest stays searchable: every entity is in the index
    assert len(data["entities"]["iri"]) == 17 and data["groups"] == [] and "search finds every entity" in data["meta"]["cut"]
    with pytest.raises(HtmlExportError, match="no entity"):
        build_payload(sample_graph(), focus="没有这个名字")


def test_max_nodes_keeps_the_most_connected():
    graph = generated_graph(300, seed=1)
    g = to_networkx(graph)
    data = build_payload(graph, max_nodes=40)
    # an overview: the most connected, a quarter of the cap left free, the rest in groups
    assert len(data["nodes"]) <= 40 - reserve(40)
    shown = {d["iri"] for d in drawn_details(data).values()}
    assert len(shown) == 40 - reserve(40) - group_limit(40)
    degree = {n: len(set(g.successors(n)) | set(g.predecessors(n))) for n in g}
    assert min(degree[n] for n in shown) >= max(degree[n] for n in set(g) - shown)
    assert "40" in data["meta"]["cut"] and "300" in data["meta"]["cut"]
    assert all(e["from"] in {n["id"] for n in data["nodes"]} for e in data["edges"])
    with pytest.raises(HtmlExportError):
        build_payload(graph, max_nodes=0)
    with pytest.raises(HtmlExportError):
        build_payload(graph, hops=-1, focus="x")


CAP = 150


@pytest.fixture(scope="module")
def big():
    """A generated graph four times the cap: the page is an overview."""
    graph = generated_graph(600, seed=7)  # a graph whose groups keep edges between each other
    return graph, to_networkx(graph), build_payload(graph, max_nodes=CAP)


def test_index_and_links_hold_every_entity_and_relation(big):
    graph, g, data = big
    assert data["entities"]["iri"] == sorted(g)  # every entity, page id = position
    everyone = all_entities(data)
    for d in everyone:
        node = g.nodes[d["iri"]]
        assert (d["name"], d["aliases"], d["kind"]) == (node["label"], list(node["aliases"]), node["kind"])
        assert d["degree"] == len(set(g.successors(d["iri"])) | set(g.predecessors(d["iri"])))
    # every relation, drawn or not
    iri = data["entities"]["iri"]
    assert sorted((iri[u], iri[v], r) for u, v, r in links_of(data)) == sorted(g.edges(keys=True))
    titled = {(iri[u], iri[v]): data["links"]["titles"][str(k)] for k, (u, v, r) in enumerate(links_of(data)) if str(k) in data["links"]["titles"]}
    assert titled == {(u, v): a["title"] for u, v, key, a in g.edges(keys=True, data=True) if a.get("title")}
    # the evidence of entities not drawn travels too
    from kg.analytics import entity_details

    hidden = [d for d in everyone if d["group"] >= 0][:25]
    assert len(hidden) == 25
    info = entity_details(graph, [d["iri"] for d in hidden])
    for d in hidden:
        assert [(e["s"], e["file"], e["date"], e["about"]) for e in d["evidence"]] == [
            (e.sentence, e.source_file, e.date, e.about) for e in info[d["iri"]].evidence
        ]
        assert d["evidence"]
    # the legend counts what is drawn and what the graph has
    assert sum(c["total"] for c in data["classes"] if c["type"] != "Cluster") == g.number_of_nodes()
    assert sum(c["count"] for c in data["classes"]) == len(data["nodes"])
    assert sum(r["total"] for r in data["relations"]) == g.number_of_edges()
    assert sum(r["count"] for r in data["relations"]) == data["meta"]["shownEdges"]


def test_overview_groups_the_rest(big):
    from collections import Counter

    from kg.analytics import communities

    _graph, g, data = big
    meta, groups, ent = data["meta"], data["groups"], data["entities"]
    n = g.number_of_nodes()
    drawn = {x["id"] for x in data["nodes"] if x["kgType"] != "Cluster"}
    group_nodes = {x["id"]: x for x in data["nodes"] if x["kgType"] == "Cluster"}
    assert meta["cap"] == CAP and meta["grouping"] == "community" and meta["totalNodes"] == n
    assert len(data["nodes"]) <= CAP - reserve(CAP)
    assert 2 <= len(groups) == len(group_nodes) == meta["groups"] <= group_limit(CAP)
    assert meta["shownNodes"] == len(drawn) and "search finds every entity" in meta["cut"]
    # every entity is drawn or in exactly one group
    members = [m for grp in groups for m in grp["members"]]
    assert len(members) == len(set(members)) and not set(members) & drawn and set(members) | drawn == set(range(n))
    assert ent["group"] == [next((gi for gi, grp in enumerate(groups) if i in grp["members"]), -1) for i in range(n)]
    # community groups are (parts of) communities; the rest by class; most connected first
    comms = communities(g)
    for grp in groups:
        iris = {ent["iri"][m] for m in grp["members"]}
        if grp["by"] == "community":
            assert any(iris <= c for c in comms) and len(iris) >= 2
        else:
            assert grp["by"] == "type" and len({ent["type"][m] for m in grp["members"]}) == 1
        degrees = [ent["degree"][m] for m in grp["members"]]
        assert degrees == sorted(degrees, reverse=True)
    # group nodes: sized by member count, labelled with it
    for gi, grp in enumerate(groups):
        node = group_nodes[f"c{gi}"]
        assert node["label"] == f"{grp['label']} ({len(grp['members'])})" and node["kgGroup"] == gi
    sized = sorted((len(grp["members"]), group_nodes[grp["id"]]["size"]) for grp in groups)
    assert all(s1 <= s2 for (_n1, s1), (_n2, s2) in zip(sized, sized[1:]))
    # group edges count the relations between what stands for their two ends
    def rep(x):
        return str(x) if x in drawn else f"c{ent['group'][x]}"

    counts: Counter = Counter()
    for u, v, _r in links_of(data):
        if not (u in drawn and v in drawn) and rep(u) != rep(v):
            counts[tuple(sorted((rep(u), rep(v))))] += 1
    group_edges = {e["id"]: e for e in data["edges"] if e["relation"] == "group"}
    assert any(e["id"].count("c") == 2 for e in group_edges.values())  # between two groups
    for e in group_edges.values():
        a, b = e["id"][1:].split("~")
        assert e["kgCount"] == counts[(a, b)] > 0 and e["label"] == str(counts[(a, b)])
        assert {str(e["from"]), str(e["to"])} == {a, b}
    # each group keeps exactly its GROUP_LINKS strongest pairs (and those another group keeps)
    for gi in range(len(groups)):
        me = f"c{gi}"
        mine = sorted(((-c, b if a == me else a), (a, b)) for (a, b), c in counts.items() if me in (a, b))
        top = {pair for _rank, pair in mine[:GROUP_LINKS]}
        assert top <= {tuple(i[1:].split("~")) for i in group_edges}
    for i in group_edges:
        a, b = i[1:].split("~")
        assert any(
            (a, b) in {p for _r, p in sorted(((-c, y if x == me else x), (x, y)) for (x, y), c in counts.items() if me in (x, y))[:GROUP_LINKS]}
            for me in (a, b) if me.startswith("c")
        )
    # relations between drawn entities are drawn as themselves, with their page index
    assert {e["id"] for e in data["edges"] if e["relation"] != "group"} == {
        f"e{k}" for k, (u, v, _r) in enumerate(links_of(data)) if u in drawn and v in drawn
    }


def test_too_many_communities_keep_the_largest_and_group_the_rest_by_class(monkeypatch):
    """More communities than groups allowed: the largest communities are groups, as many
    as leave room for one group per class of the rest; the rest is grouped by class."""
    import kg.export.html as html
    from kg.analytics import communities, to_networkx

    graph = generated_graph(600, seed=2)
    g = to_networkx(graph)
    wide = build_payload(graph, max_nodes=CAP)
    assert wide["meta"]["grouping"] == "community"
    all_communities = [grp for grp in wide["groups"] if grp["by"] == "community"]
    classes = len({wide["types"][wide["entities"]["type"][m]][0] for grp in wide["groups"] for m in grp["members"]})
    limit = classes + 2
    assert len(all_communities) > 2
    monkeypatch.setattr(html, "MAX_GROUPS", limit)
    data = build_payload(graph, max_nodes=CAP)
    groups = data["groups"]
    assert data["meta"]["grouping"] == "community" and len(groups) <= limit
    kept = [grp for grp in groups if grp["by"] == "community"]
    drawn = {x["id"] for x in data["nodes"] if x["kgType"] != "Cluster"}
    assert sum(len(grp["members"]) for grp in groups) + len(drawn) == 600
    ent = data["entities"]
    rest = {ent["iri"][i] for i in range(600) if i not in drawn}
    rest_classes = {data["types"][ent["type"][i]][0] for i in range(600) if i not in drawn}
    assert len(kept) == limit - len(rest_classes) > 0
    sizes = sorted((len(c & rest) for c in communities(g) if len(c & rest) >= 2), reverse=True)
    assert [len(grp["members"]) for grp in kept] == sizes[:len(kept)] and len(sizes) > len(kept)  # the largest
    for grp in kept:
        assert any({ent["iri"][m] for m in grp["members"]} <= c for c in communities(g))
    for grp in groups:
        if grp["by"] != "community":
            assert grp["by"] == "type" and len({ent["type"][m] for m in grp["members"]}) == 1


def test_grouping_falls_back_to_classes_then_kinds(monkeypatch):
    """No room for one community beside a group per class: by class, then by kind, then one group."""
    import kg.export.html as html

    graph = generated_graph(600, seed=2)
    for limit, by in ((12, "type"), (4, "kind"), (1, "all")):
        monkeypatch.setattr(html, "MAX_GROUPS", limit)
        data = build_payload(graph, max_nodes=CAP)
        assert data["meta"]["grouping"] == by and 1 <= len(data["groups"]) <= limit
        assert {grp["by"] for grp in data["groups"]} == {by}
        drawn = {x["id"] for x in data["nodes"] if x["kgType"] != "Cluster"}
        assert sum(len(grp["members"]) for grp in data["groups"]) + len(drawn) == 600
        key = {"type": lambda i: data["types"][data["entities"]["type"][i]][0],
               "kind": lambda i: data["types"][data["entities"]["type"][i]][1], "all": lambda i: 0}[by]
        for grp in data["groups"]:
            assert len({key(m) for m in grp["members"]}) == 1


def test_search_keys_add_simplified_forms():
    from tests.graph_samples import _base, _entity

    graph = _base()
    _entity(graph, "o/ntu", "University", "臺灣大學", "臺大")
    _entity(graph, "o/pku", "University", "北京大学", "北大")
    data = build_payload(graph)
    ent = data["entities"]
    assert ent["name"] == ["臺灣大學", "北京大学"]
    assert ent["keys"] == {"0": ["台大", "台湾大学"]}  # only forms the names and aliases do not already have


def test_hostile_names_in_a_large_graph_stay_escaped():
    from tests.graph_samples import ENT, KG, _entity, _prov

    graph = generated_graph(300, seed=1)
    hostile = _entity(graph, "gen/hostile", "Person", INJECT_IMG, INJECT_SCRIPT)
    graph.add((hostile, KG.metWith, ENT["gen/0"]))
    _prov(graph, "gen/ev/hostile", "Meeting", ENT["gen/article/0"], INJECT_EVIDENCE, participant=hostile)
    page = render_page(build_payload(graph, max_nodes=60))
    block = DATA_BLOCK.search(page).group(1)
    for raw in ("<", ">", "&", "\u2028", "\u2029"):
        assert raw not in block
    data = page_data(page)
    i = data["entities"]["name"].index(INJECT_IMG)
    d = entity(data, i)
    assert d["group"] >= 0 and d["aliases"] == [INJECT_SCRIPT] and d["evidence"][0]["s"] == INJECT_EVIDENCE


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
    assert "missing.ttl: no such file" in capsys.readouterr().err
    # a kg build output folder: its graph.ttl (said "no such graph file" before; found by a tester)
    assert run_html(str(tmp_path), str(tmp_path / "folder.html"), focus=None, hops=2, max_nodes=2000) == 0
    assert len(page_data((tmp_path / "folder.html").read_text(encoding="utf-8"))["nodes"]) == 17
    assert run_html(str(tmp_path / "sub"), str(tmp_path / "x.html"), None, 2, 2000) == 2
    assert "no graph.ttl in this folder" in capsys.readouterr().err
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
    names = {d["name"] for d in drawn_details(page_data(out.read_text(encoding="utf-8"))).values()}
    assert "陈向平" in names and "河南省" not in names


def test_output_is_deterministic(tmp_path):
    """The same graph gives the same page, whatever the hash seed (grouping included)."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    source = tmp_path / "graph.nt"  # one graph for both runs (generated_graph itself iterates a set)
    generated_graph(400, seed=5).serialize(source, format="nt", encoding="utf-8")
    script = (
        "import hashlib, sys; from rdflib import Graph; "
        "from kg.export.html import build_payload, render_page; "
        "page = render_page(build_payload(Graph().parse(sys.argv[1]), max_nodes=100)); "
        "print(hashlib.sha256(page.encode()).hexdigest(), page.count('kgGroup'))"
    )
    root = Path(__file__).resolve().parents[2]
    outputs = {
        subprocess.run([sys.executable, "-c", script, str(source)], cwd=root, env={**os.environ, "PYTHONHASHSEED": seed},
                       capture_output=True, text=True, check=True).stdout
        for seed in ("1", "2")
    }
    assert len(outputs) == 1
    assert int(outputs.pop().split()[1]) > 1  # an overview with groups


def test_kg_html_into_a_folder_or_under_a_file_is_an_output_error(tmp_path):
    """Exit 3 with one line, as kg export, not an internal error (found by a tester)."""
    import io

    from kg.export.html import run_html
    from kg.rdf.ontology import load_ontology

    graph = tmp_path / "g.ttl"
    graph.write_text(load_ontology().serialize(format="turtle"), encoding="utf-8")
    (tmp_path / "folder").mkdir()
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    for out in (tmp_path / "folder", tmp_path / "afile" / "g.html"):
        err = io.StringIO()
        assert run_html(str(graph), str(out), err=err) == 3
        assert err.getvalue().count("\n") == 1 and err.getvalue().startswith("kg html: ")


def test_kg_html_writes_through_a_link_and_refuses_a_socket(tmp_path):
    """``-o LINK`` replaced the link with a regular file (``-o /dev/full`` as root replaced
    the device node): now the link's file is written, and a socket is refused, exit 3."""
    import io
    import socket

    ttl = tmp_path / "g.ttl"
    sample_graph().serialize(str(ttl), format="turtle")
    (tmp_path / "page.html").write_text("old", encoding="utf-8")
    (tmp_path / "link.html").symlink_to("page.html")
    assert run_html(str(ttl), str(tmp_path / "link.html"), err=io.StringIO()) == 0
    assert (tmp_path / "link.html").is_symlink()
    assert (tmp_path / "page.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    sock = socket.socket(socket.AF_UNIX)
    try:
        sock.bind(str(tmp_path / "s"))
        err = io.StringIO()
        assert run_html(str(ttl), str(tmp_path / "s"), err=err) == 3
        assert err.getvalue() == f"kg html: cannot write {tmp_path / 's'}: it is a socket, not a file kg can replace: choose another output\n"
    finally:
        sock.close()


def test_an_empty_output_file_is_a_usage_error(tmp_path, monkeypatch):
    """``kg html -o ""`` said " is a folder" (exit 3): Path("") is the current folder."""
    import io

    from kg.cli import main

    ttl = tmp_path / "g.ttl"
    sample_graph().serialize(str(ttl), format="turtle")
    monkeypatch.chdir(tmp_path)
    err = io.StringIO()
    assert run_html(str(ttl), "", err=err) == 2
    assert err.getvalue() == "kg html: empty output file (-o): name the page to write (-o graph.html)\n"
    assert main(["html", str(ttl), "-o", ""]) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.ttl"]
