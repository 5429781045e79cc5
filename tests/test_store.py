"""The Oxigraph store that ``kg build`` writes into OUT/store/, and ``kg query`` on it.

The store is the one a real ``kg build seeds`` wrote (the ``seeds_build``
fixture). Every ready query in queries/ must give the same rows from the store
as from rdflib on graph.ttl; the store path keeps kg query's refusals,
--timeout and --limit.
"""

from __future__ import annotations

import io
import json
import logging
import os
import shutil
import subprocess
import time
from collections import Counter
from pathlib import Path

import pytest

from kg import exitcodes
from kg.query import QueryRefused, QueryTimeout, execute, run_query
from kg.rdf.loading import load_graph
from kg import store as kgstore

from .conftest import ROOT
from .robustness.conftest import assert_clean_failure, run_kg

QUERIES = sorted((ROOT / "queries").glob("*.rq"))
#: a query that runs for minutes on the seeds' graph (2,443 triples cubed), using no memory
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@pytest.fixture(scope="module")
def out(seeds_build) -> Path:
    code, out = seeds_build
    assert code in (exitcodes.OK, exitcodes.INPUTS_SKIPPED)
    return out


@pytest.fixture(scope="module")
def rdflib_graph(out):
    return load_graph(out / "graph.ttl")


def rows_of(answer) -> Counter:
    return Counter(tuple(row) for row in answer.rows)


# ------------------------------------------------------------------ what kg build writes
def test_kg_build_writes_a_current_store(out, rdflib_graph):
    store_dir = out / "store"
    assert (store_dir / kgstore.MARKER).is_file()
    marker = kgstore.store_marker(store_dir)
    assert marker["graph"] == "graph.ttl" and marker["ontology_added"] is False  # graph.ttl carries it
    assert marker["triples"] == len(rdflib_graph) > 2000
    assert kgstore.find_store(out) == store_dir
    assert kgstore.find_store(out / "graph.ttl") == store_dir
    assert not list(out.glob(".staging-store-*")) and not (out / kgstore.PREVIOUS).exists()
    store = kgstore.open_store(out)
    assert len(store) == len(rdflib_graph)
    del store


#: integer types Oxigraph stores as xsd:integer (it keeps the value, not the derived type)
DERIVED_INTEGERS = {"nonNegativeInteger", "positiveInteger", "nonPositiveInteger", "negativeInteger",
                    "long", "int", "short", "byte", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte"}


def canonical(term):
    from rdflib import XSD, Literal

    if isinstance(term, Literal) and term.datatype and str(term.datatype)[len(str(XSD)):] in DERIVED_INTEGERS:
        return Literal(str(int(term)), datatype=XSD.integer)
    return term


def test_the_store_holds_the_same_triples_as_graph_ttl(out, rdflib_graph):
    answer = kgstore.query_store(out / "store", "SELECT ?s ?p ?o WHERE { ?s ?p ?o }")
    assert set(map(tuple, answer.rows)) == {tuple(map(canonical, t)) for t in rdflib_graph}
    # the one known difference: kg:sentenceIndex is xsd:nonNegativeInteger in graph.ttl, xsd:integer in
    # the store; matching by value works in both
    text = 'SELECT ?x WHERE { ?x kg:sentenceIndex "20"^^xsd:nonNegativeInteger }'
    assert {r[0] for r in kgstore.query_store(out / "store", text).rows} == \
        {r[0] for r in execute(rdflib_graph, text, timeout=None).rows} != set()


# ------------------------------------------------------------------ parity with rdflib
@pytest.mark.parametrize("path", QUERIES, ids=lambda p: p.stem)
def test_every_ready_query_gives_rdflibs_rows(out, rdflib_graph, path):
    text = path.read_text(encoding="utf-8")
    expected = execute(rdflib_graph, text, timeout=None)
    got = kgstore.query_store(out / "store", text)
    assert got.kind == expected.kind == "SELECT"
    assert got.variables == expected.variables
    assert expected.rows, f"{path.name} has no answer on the seeds"
    assert rows_of(got) == rows_of(expected)


def test_the_ontology_is_queryable_in_the_store(out, rdflib_graph):
    text = "SELECT DISTINCT ?e WHERE { ?e rdf:type/rdfs:subClassOf* kg:Organization }"
    got = {row[0] for row in kgstore.query_store(out / "store", text).rows}
    assert got == {row[0] for row in execute(rdflib_graph, text, timeout=None).rows}
    companies = {row[0] for row in kgstore.query_store(out / "store", "SELECT ?e WHERE { ?e a kg:Company }").rows}
    assert companies and companies <= got  # reached through kg:Company rdfs:subClassOf kg:Organization
    assert kgstore.query_store(out / "store", "ASK { kg:Company rdfs:subClassOf+ kg:Organization }").boolean is True


def test_ask_and_construct_match_rdflib(out, rdflib_graph):
    from rdflib.compare import isomorphic

    assert kgstore.query_store(out / "store", 'ASK { ?p rdfs:label "陈向平"@zh }').boolean is True
    assert kgstore.query_store(out / "store", 'ASK { ?p rdfs:label "无此人"@zh }').boolean is False
    text = "CONSTRUCT { ?p kg:visited ?o } WHERE { ?p kg:visited ?o }"
    got = kgstore.query_store(out / "store", text)
    assert got.kind == "CONSTRUCT" and len(got.graph) > 0
    assert isomorphic(got.graph, execute(rdflib_graph, text, timeout=None).graph)


def test_terms_become_the_equal_rdflib_terms():
    import pyoxigraph as ox
    from rdflib import XSD, Literal, URIRef

    assert kgstore.to_rdflib(ox.NamedNode("https://w3id.org/zhkg/id/x")) == URIRef("https://w3id.org/zhkg/id/x")
    assert kgstore.to_rdflib(ox.Literal("陈向平", language="zh")) == Literal("陈向平", lang="zh")
    plain = kgstore.to_rdflib(ox.Literal("001.txt"))  # xsd:string in Oxigraph, a plain literal in rdflib
    assert plain == Literal("001.txt") and plain.datatype is None
    assert kgstore.to_rdflib(ox.Literal("3", datatype=ox.NamedNode(str(XSD.integer)))) == Literal(3)


# ------------------------------------------------------------------ kg query on OUT
def kg_query(target, text=None, file=None, fmt="json", **kw) -> tuple[int, str]:
    buf = io.StringIO()
    code = run_query(str(target), text=text, file=file, fmt=fmt, out=buf, **kw)
    return code, buf.getvalue()


def bindings(output: str) -> set:
    data = json.loads(output)
    return {tuple(sorted((k, v["value"], v.get("xml:lang"), v.get("datatype")) for k, v in b.items()))
            for b in data["results"]["bindings"]}


@pytest.mark.parametrize("path", QUERIES, ids=lambda p: p.stem)
def test_kg_query_on_out_uses_the_store_and_answers_as_rdflib(out, tmp_path, monkeypatch, path):
    bare = tmp_path / "bare.ttl"  # not graph.ttl in a folder with a store: rdflib reads it
    shutil.copy2(out / "graph.ttl", bare)
    code, from_rdflib = kg_query(bare, file=str(path))
    assert code == 0
    calls = []
    real = kgstore.query_store
    monkeypatch.setattr(kgstore, "query_store", lambda *a, **k: calls.append(a) or real(*a, **k))
    for target in (out, out / "graph.ttl"):
        code, from_store = kg_query(target, file=str(path))
        assert code == 0
        assert bindings(from_store) == bindings(from_rdflib) != set()
    assert len(calls) == 2 and all(Path(c[0]) == out / "store" for c in calls)


def test_table_and_csv_from_the_store(out):
    code, table = kg_query(out, file=str(ROOT / "queries" / "who_met_whom.rq"), fmt="table")
    assert code == 0 and "陈向平" in table and table.splitlines()[-1].endswith("rows)")
    code, csv_text = kg_query(out, "SELECT ?e WHERE { ?e a kg:Person ; rdfs:label \"陈向平\"@zh }", fmt="csv")
    assert code == 0 and csv_text.splitlines() == ["e", "https://w3id.org/zhkg/id/person/陈向平"]


# ------------------------------------------------------------------ refusals, timeout, limit
@pytest.mark.parametrize("template", [
    "SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}",
    "SELECT * FROM <http://127.0.0.1:{port}/data.ttl> WHERE {{ ?s ?p ?o }}",
    "SELECT * FROM NAMED <http://127.0.0.1:{port}/data.ttl> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
    "LOAD <http://127.0.0.1:{port}/data.ttl>",
])
def test_store_path_makes_no_network_access(out, listener, template):
    port, hits = listener
    text = template.format(port=port)
    with pytest.raises(QueryRefused):
        kgstore.query_store(out / "store", text)  # the store function itself checks
    assert_clean_failure(run_kg("query", str(out), text), exitcodes.USAGE, "read-only and local")
    time.sleep(0.3)
    assert hits == []


@pytest.mark.parametrize("update", [
    "INSERT DATA { <http://a/b> <http://a/c> <http://a/d> }",
    "DELETE WHERE { ?s ?p ?o }",
    "CLEAR ALL",
    "DROP DEFAULT",
])
def test_store_path_refuses_updates(out, update):
    before = kgstore.store_marker(out / "store")
    err = assert_clean_failure(run_kg("query", str(out), update), exitcodes.USAGE, "read-only")
    assert "syntax error" not in err
    count = kgstore.query_store(out / "store", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows[0][0]
    assert int(count) == before["triples"]


def test_store_path_stops_a_runaway_query_at_the_timeout(out):
    t0 = time.monotonic()
    proc = run_kg("query", "--timeout", "1", str(out), RUNAWAY, timeout=120)
    assert_clean_failure(proc, exitcodes.QUERY_TIMEOUT, "ran past 1 s")
    assert time.monotonic() - t0 < 30


def test_the_worker_is_killed_at_the_deadline(out, monkeypatch):
    started = []

    class Recording(subprocess.Popen):
        def __init__(self, *a, **k):
            super().__init__(*a, **k)
            started.append(self)

    monkeypatch.setattr(subprocess, "Popen", Recording)
    t0 = time.monotonic()
    with pytest.raises(QueryTimeout, match="ran past 0.5 s"):
        kgstore.query_store(out / "store", RUNAWAY, timeout=0.5)
    assert time.monotonic() - t0 < 10
    assert len(started) == 1 and started[0].poll() is not None  # the worker is gone, not left running


def test_store_path_limit_caps_the_rows(out):
    proc = run_kg("query", "--limit", "5", "--format", "csv", str(out), "SELECT ?s WHERE { ?s ?p ?o }")
    assert proc.returncode == 0
    lines = proc.stdout.decode().strip().splitlines()
    assert lines[0] == "s" and len(lines) == 1 + 5
    assert "stopped at --limit 5" in proc.stderr.decode()


def test_syntax_errors_are_reported_from_the_store_path(out, capsys):
    code, output = kg_query(out, "SELEC ?x WHERE { ?x ?y ?z }")
    assert code == exitcodes.USAGE and output == ""
    assert "SPARQL syntax error" in capsys.readouterr().err


# ------------------------------------------------------------------ stale stores, crashes, failures
@pytest.fixture
def copy(out, tmp_path) -> Path:
    dest = tmp_path / "out"
    shutil.copytree(out, dest, ignore=shutil.ignore_patterns(".kg-build.lock", "graph.html"))
    return dest


def test_a_copied_or_touched_graph_keeps_its_store(copy):
    assert kgstore.find_store(copy) == copy / "store"
    os.utime(copy / "graph.ttl", ns=(1, 1))  # same bytes, other time: the SHA-256 decides
    assert kgstore.find_store(copy) == copy / "store"


def test_a_stale_store_is_not_used(copy, capsys):
    with open(copy / "graph.ttl", "a", encoding="utf-8") as fh:
        fh.write('\n<https://w3id.org/zhkg/id/new> <http://www.w3.org/2000/01/rdf-schema#label> "新加的"@zh .\n')
    assert kgstore.find_store(copy) is None
    code, output = kg_query(copy, 'SELECT ?e WHERE { ?e rdfs:label "新加的"@zh }', fmt="csv")
    assert code == 0 and output.splitlines() == ["e", "https://w3id.org/zhkg/id/new"]  # graph.ttl answered
    assert "does not match" in capsys.readouterr().err


def test_a_failed_write_leaves_the_previous_store(copy, tmp_path):
    bad = tmp_path / "graph.ttl"
    bad.write_text("<a> <b> this is not turtle", encoding="utf-8")
    before = (copy / "store" / kgstore.MARKER).read_bytes()
    with pytest.raises(kgstore.StoreError, match="not readable Turtle"):
        kgstore.write_store(bad, copy / "store")
    assert (copy / "store" / kgstore.MARKER).read_bytes() == before
    assert not list(copy.glob(".staging-store-*"))
    assert kgstore.query_store(copy / "store", 'ASK { ?p rdfs:label "陈向平"@zh }').boolean is True


def test_a_crash_between_the_renames_is_recovered(copy):
    os.rename(copy / "store", copy / kgstore.PREVIOUS)  # where a crash mid-swap leaves it
    assert kgstore.find_store(copy) == copy / kgstore.PREVIOUS  # still answers
    kgstore.write_store(copy / "graph.ttl", copy / "store")
    assert kgstore.find_store(copy) == copy / "store"
    assert not (copy / kgstore.PREVIOUS).exists()


def test_a_graph_without_the_ontology_gets_it_in_the_store(tmp_path):
    from kg.export.turtle import write_turtle
    from kg.rdf.gold import gold_to_corpus
    from kg.rdf.mapping import corpus_to_graph

    from .conftest import SEED_GOLD

    golds = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(SEED_GOLD.glob("*.json"))]
    graph_ttl = write_turtle(corpus_to_graph(gold_to_corpus(golds), include_ontology=False), tmp_path / "graph.ttl")
    kgstore.write_store(graph_ttl, tmp_path / "store")
    assert kgstore.store_marker(tmp_path / "store")["ontology_added"] is True
    rows = kgstore.query_store(tmp_path / "store", "SELECT DISTINCT ?e WHERE { ?e a/rdfs:subClassOf* kg:Organization }").rows
    assert len(rows) > 5


def test_a_store_failure_does_not_change_the_build_status(tmp_path, monkeypatch):
    from kg.logs import logger
    from kg.pipeline import run_build

    from .robustness.conftest import SEEDS

    seed = tmp_path / "in"
    seed.mkdir()
    src = sorted(SEEDS.glob("*.txt"))[2]
    (seed / src.name).write_bytes(src.read_bytes())
    code_ok = run_build([str(seed)], str(tmp_path / "ok"), progress=False)
    assert (tmp_path / "ok" / "store" / kgstore.MARKER).is_file()

    def broken(*a, **k):
        raise OSError(28, "No space left on device")

    # every way of loading a new store goes through _finish_loading (the build's early load
    # in a background thread, load_store)
    monkeypatch.setattr(kgstore, "_finish_loading", broken)
    records: list[logging.LogRecord] = []
    handler = logging.Handler()
    handler.emit = records.append
    logger().addHandler(handler)
    try:
        code = run_build([str(seed)], str(tmp_path / "broken"), progress=False)
    finally:
        logger().removeHandler(handler)
    assert code == code_ok
    assert (tmp_path / "broken" / "graph.ttl").is_file() and not (tmp_path / "broken" / "store").exists()
    warnings = [r.getMessage() for r in records if r.levelno == logging.WARNING]
    assert any("store not written" in w and "No space left" in w for w in warnings)
    assert not list((tmp_path / "broken").glob(".staging-store-*"))  # its half-loaded store removed


def test_a_build_that_fails_after_the_store_load_began_leaves_no_half_store(tmp_path, monkeypatch):
    """The store loads in the background while graph.html is written; when that step
    fails, the build's staging and the half-loaded store both go, and the previous
    outputs stay."""
    import kg.export.html as html
    from kg.pipeline import run_build

    from .robustness.conftest import SEEDS

    seed = tmp_path / "in"
    seed.mkdir()
    src = sorted(SEEDS.glob("*.txt"))[2]
    (seed / src.name).write_bytes(src.read_bytes())
    out = tmp_path / "out"
    assert run_build([str(seed)], str(out), progress=False) == 0
    before = (out / "graph.ttl").read_bytes(), kgstore.store_marker(out / "store")

    def broken(*a, **k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(html, "write_html", broken)
    (seed / "more.txt").write_text("临海市委书记张明率队赴深圳考察华锐公司。\n", encoding="utf-8")
    code = run_build([str(seed)], str(out), progress=False)
    assert code != 0
    assert not list(out.glob(".staging-*"))
    assert ((out / "graph.ttl").read_bytes(), kgstore.store_marker(out / "store")) == before
    assert kgstore.find_store(out) == out / "store"


def test_a_large_graph_loads_the_store_after_the_page(tmp_path, monkeypatch):
    """Above BACKGROUND_MAX_BYTES the store is not loaded while graph.html is written
    (both would hold the graph in memory at once): it is loaded after (before the
    outputs are published), and is current."""
    from kg.pipeline import run_build

    from .robustness.conftest import SEEDS

    started = []

    def record(how, args):  # StoreLoad.start's first argument is the staged graph.ttl
        page_written = how == "start" and (Path(args[0]).parent / "graph.html").is_file()
        started.append(how + (" after the page" if page_written else ""))

    for how in ("start", "begin"):  # after graph.ttl is written, or before (a new store)
        real = getattr(kgstore.StoreLoad, how)
        monkeypatch.setattr(kgstore.StoreLoad, how,
                            classmethod(lambda cls, *a, how=how, real=real, **kw: record(how, a) or real(*a, **kw)))
    monkeypatch.setattr(kgstore, "BACKGROUND_MAX_BYTES", 0)
    seed = tmp_path / "in"
    seed.mkdir()
    src = sorted(SEEDS.glob("*.txt"))[2]
    (seed / src.name).write_bytes(src.read_bytes())
    assert run_build([str(seed)], str(tmp_path / "big"), progress=False) == 0
    assert started == ["start after the page"] and kgstore.find_store(tmp_path / "big") == tmp_path / "big" / "store"
    monkeypatch.setattr(kgstore, "BACKGROUND_MAX_BYTES", 1 << 40)
    assert run_build([str(seed)], str(tmp_path / "small"), progress=False) == 0
    assert started == ["start after the page", "begin"] and kgstore.find_store(tmp_path / "small") == tmp_path / "small" / "store"


def _quads(store_dir: Path) -> set:
    import pyoxigraph as ox

    reader = ox.Store.read_only(str(store_dir))
    try:
        return {(str(q.subject), str(q.predicate), str(q.object)) for q in reader}
    finally:
        del reader


def test_an_early_load_in_two_parts_holds_graph_ttls_statements(out, tmp_path):
    """StoreLoad.begin takes some statements before graph.ttl is finished, complete the
    rest: the store holds what a load of the whole file gives, and its marker names it."""
    graph_ttl = tmp_path / "graph.ttl"
    shutil.copyfile(out / "graph.ttl", graph_ttl)
    text = graph_ttl.read_bytes()
    head_end = text.index(b"\n\n")  # the prefix lines
    head, body = text[:head_end + 1], text[head_end:]
    cut = body.index(b"\n\n", len(body) // 2)  # between two subjects
    loading = kgstore.StoreLoad.begin(tmp_path, head + body[cut:])
    loading.complete(graph_ttl, head + body[:cut], {"format": kgstore.STATE_FORMAT, "subjects": {}, "articles": {}})
    loading.finish(tmp_path / "store")
    kgstore.write_store(graph_ttl, tmp_path / "whole")
    assert _quads(tmp_path / "store") == _quads(tmp_path / "whole")
    assert kgstore.is_current(tmp_path / "store", graph_ttl)
    assert kgstore.read_state(tmp_path / "store") is not None


def test_an_early_load_never_completed_leaves_nothing(tmp_path):
    head = b"@prefix ex: <http://example.org/> .\n"
    loading = kgstore.StoreLoad.begin(tmp_path, head + b"ex:a ex:b ex:c .\n")
    with pytest.raises(kgstore.StoreError, match="stopped before graph.ttl"):
        loading.finish(tmp_path / "store")
    assert not (tmp_path / "store").exists() and not list(tmp_path.glob(".staging-store-*"))
    cancelled = kgstore.StoreLoad.begin(tmp_path, head + b"ex:a ex:b ex:c .\n")
    cancelled.cancel()
    assert not list(tmp_path.glob(".staging-store-*"))
