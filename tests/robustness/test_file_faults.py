"""Malformed files for kg eval, query, validate and html: one line, exit 2."""

from __future__ import annotations

import pytest

from kg import exitcodes

from .conftest import assert_clean_failure, run_kg

BAD_TURTLE = "@prefix : <http://example.org/> .\n:a :b \n:c :d :e .\n"


@pytest.fixture(scope="module")
def bad_ttl(tmp_path_factory):
    path = tmp_path_factory.mktemp("bad") / "graph.ttl"
    path.write_text(BAD_TURTLE, encoding="utf-8")
    return path


@pytest.mark.parametrize("argv", [
    ["query", "{g}", "ASK {{}}"],
    ["validate", "{g}"],
    ["html", "{g}", "-o", "{d}/x.html"],
    ["eval", "{g}", "{d}"],
])
def test_malformed_turtle_is_one_clear_line(bad_ttl, tmp_path, argv):
    (tmp_path / "g.json").write_text('{"file": "a.txt", "entities": []}', encoding="utf-8")
    args = [a.format(g=bad_ttl, d=tmp_path) for a in argv]
    proc = run_kg(*args)
    err = assert_clean_failure(proc, exitcodes.USAGE, "not a readable RDF graph")
    assert len(err.strip().splitlines()) == 1, err
    assert not (tmp_path / "x.html").exists()


@pytest.mark.parametrize("argv", [["query", "{g}", "ASK {{}}"], ["validate", "{g}"]])
@pytest.mark.parametrize("name, content", [("report.json", '{"articles_read": 5}'), ("empty.txt", "")])
def test_a_file_that_is_no_graph_is_one_clear_line(tmp_path, argv, name, content):
    """report.json or an empty file given as the graph: exit 2, not an answer from the
    ontology alone (found by a tester)."""
    g = tmp_path / name
    g.write_text(content, encoding="utf-8")
    proc = run_kg(*[a.format(g=g) for a in argv])
    err = assert_clean_failure(proc, exitcodes.USAGE, "not an RDF graph")
    assert len(err.strip().splitlines()) == 1, err


@pytest.mark.parametrize("content, says", [
    ('{"file": 1', "not a readable JSON file"),
    ("[1, 2]", "not a gold file"),
    ('{"file": "a.txt"}', "not a gold file"),
])
def test_malformed_gold_for_eval(tmp_path, content, says):
    ttl = tmp_path / "g.ttl"
    ttl.write_text("@prefix : <http://example.org/> .\n:a :b :c .\n", encoding="utf-8")
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "a.json").write_text(content, encoding="utf-8")
    err = assert_clean_failure(run_kg("eval", str(ttl), str(gold)), exitcodes.USAGE, says)
    assert len(err.strip().splitlines()) == 1, err


ILL_TYPED = ('@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n'
             '<http://x/a> <http://x/p> "2024-13-45"^^xsd:date , "abc"^^xsd:integer , "maybe"^^xsd:boolean .\n')


@pytest.mark.parametrize("argv", [
    ["query", "{g}", "SELECT ?o {{ ?s ?p ?o }}"],
    ["query", "{o}", "SELECT ?o {{ ?s ?p ?o }}"],
    ["validate", "{g}"],
    ["html", "{g}", "-o", "{d}/x.html"],
])
def test_literals_that_do_not_fit_their_datatype_print_no_traceback(tmp_path, argv):
    """rdflib logged a traceback ("Failed to convert Literal lexical form to value ...
    ValueError: month must be in 1..12") and a UserWarning for each such literal, from every
    command that reads a graph, also kg query answering from a store (found by a tester)."""
    from kg.store import write_store

    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.ttl").write_text(ILL_TYPED, encoding="utf-8")
    write_store(out / "graph.ttl", out / "store")
    proc = run_kg(*[a.format(g=out / "graph.ttl", o=out, d=tmp_path) for a in argv])
    err = proc.stderr.decode("utf-8")
    assert proc.returncode == 0, err
    assert "Traceback" not in err and "Warning" not in err, err
    assert len(err.strip().splitlines()) <= 1, err
