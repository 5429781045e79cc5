"""kg query is read-only, local and bounded."""

from __future__ import annotations


import pytest

from kg import exitcodes

from .conftest import assert_clean_failure, run_kg

TTL = "@prefix : <http://example.org/> .\n" + "".join(f":s{i} :p :o{i} .\n" for i in range(60))


@pytest.fixture(scope="module")
def graph(tmp_path_factory):
    path = tmp_path_factory.mktemp("q") / "graph.ttl"
    path.write_text(TTL, encoding="utf-8")
    return path


@pytest.mark.parametrize("template", [
    "SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}",
    "SELECT * FROM <http://127.0.0.1:{port}/data.ttl> WHERE {{ ?s ?p ?o }}",
    "LOAD <http://127.0.0.1:{port}/data.ttl>",
])
def test_no_network_access_from_a_query(graph, listener, template):
    port, hits = listener
    proc = run_kg("query", str(graph), template.format(port=port))
    assert_clean_failure(proc, exitcodes.USAGE, "read-only and local")
    assert hits == []


@pytest.mark.parametrize("update", [
    "INSERT DATA { <http://a/b> <http://a/c> <http://a/d> }",
    "DELETE WHERE { ?s ?p ?o }",
    "CLEAR ALL",
    "DROP GRAPH <http://a/g>",
])
def test_updates_are_refused_not_syntax_errors(graph, update):
    before = graph.read_bytes()
    err = assert_clean_failure(run_kg("query", str(graph), update), exitcodes.USAGE, "read-only")
    assert "syntax error" not in err
    assert graph.read_bytes() == before


def test_a_runaway_query_stops_at_the_timeout(graph):
    proc = run_kg("query", "--timeout", "1", str(graph), "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }",
                  timeout=60)
    assert_clean_failure(proc, exitcodes.QUERY_TIMEOUT, "ran past 1 s")


def test_limit_caps_the_rows(graph):
    proc = run_kg("query", "--limit", "5", "--format", "csv", str(graph), "SELECT ?s WHERE { ?s ?p ?o }")
    assert proc.returncode == 0
    assert len(proc.stdout.decode().strip().splitlines()) == 1 + 5
    assert "stopped at --limit 5" in proc.stderr.decode()
