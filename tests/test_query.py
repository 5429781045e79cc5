"""``kg query``: formats, errors, and the ready questions in queries/ on the seeds' gold graph."""

from __future__ import annotations

import csv
import io
import json

import pytest

from kg.export.turtle import write_turtle
from kg.query import format_table, run_query, width
from kg.rdf.gold import gold_to_corpus
from kg.rdf.mapping import corpus_to_graph

from .conftest import ROOT, SEED_GOLD

QUERIES = sorted((ROOT / "queries").glob("*.rq"))


@pytest.fixture(scope="module")
def golds() -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(SEED_GOLD.glob("*.json"))]


@pytest.fixture(scope="module")
def graph_path(golds, tmp_path_factory):
    return str(write_turtle(corpus_to_graph(gold_to_corpus(golds)), tmp_path_factory.mktemp("q") / "graph.ttl"))


def query(graph_path, text=None, file=None, fmt=None) -> tuple[int, str]:
    out = io.StringIO()
    code = run_query(graph_path, text=text, file=file, fmt=fmt, out=out)
    return code, out.getvalue()


def rows_json(graph_path, text=None, file=None) -> list[dict]:
    code, out = query(graph_path, text, file, fmt="json")
    assert code == 0
    return [{k: v["value"] for k, v in b.items()} for b in json.loads(out)["results"]["bindings"]]


def test_there_are_ready_queries():
    names = {p.stem for p in QUERIES}
    assert {"visits_by_official", "agreements", "people_by_organization", "organizations_by_city",
            "who_met_whom"} <= names


@pytest.mark.parametrize("path", QUERIES, ids=lambda p: p.stem)
def test_every_ready_query_runs_and_has_a_comment_header(graph_path, path):
    text = path.read_text(encoding="utf-8")
    assert text.startswith("#")
    code, out = query(graph_path, file=str(path))
    assert code == 0
    assert "row" in out.splitlines()[-1]


def test_visits_by_official_answers_the_gold(graph_path, golds):
    rows = rows_json(graph_path, file=str(ROOT / "queries" / "visits_by_official.rq"))
    got = {r["organization"] for r in rows}
    orgs = {e["name"] for g in golds for e in g["entities"] if e["type"] == "Organization"}
    expected = {b for g in golds for a, b in g["visited"] if a == "陈向平" and b in orgs}
    assert got == expected and expected
    assert all(r.get("evidence") and r.get("file") for r in rows)


def test_agreements_answers_the_gold(graph_path, golds):
    rows = rows_json(graph_path, file=str(ROOT / "queries" / "agreements.rq"))
    got = {(r["agreement"], r["parties"], r.get("witnesses", "")) for r in rows}
    expected = {(a["name"], "、".join(sorted(set(a["parties"]))), "、".join(sorted(set(a.get("witnesses") or []))))
                for g in golds for a in g["agreements"]}
    assert got == expected


def test_who_met_whom_answers_the_gold(graph_path, golds):
    rows = rows_json(graph_path, file=str(ROOT / "queries" / "who_met_whom.rq"))
    assert {(r["person"], r["met"]) for r in rows} == {tuple(p) for g in golds for p in g["metWith"]}


def test_people_by_organization_answers_the_gold(graph_path, golds):
    rows = rows_json(graph_path, file=str(ROOT / "queries" / "people_by_organization.rq"))
    expected = {(p["in"], p["person"], p["title"]) for g in golds for p in g["positions"] if p.get("in")}
    assert {(r["organization"], r["person"], r["title"]) for r in rows} == expected


def test_organizations_by_city_follows_located_in_chains(graph_path):
    rows = rows_json(graph_path, file=str(ROOT / "queries" / "organizations_by_city.rq"))
    # 卫东区政府 is in 卫东区, which is in 平顶山市
    assert ("平顶山市", "卫东区政府") in {(r["city"], r["organization"]) for r in rows}


def test_prefixes_are_pre_bound_and_table_is_aligned(graph_path):
    code, out = query(graph_path, "SELECT ?name ?type WHERE { ?e rdfs:label ?name ; a ?type . "
                                  "FILTER (?type IN (kg:Person, kg:Company)) } ORDER BY ?name LIMIT 5")
    assert code == 0
    lines = out.splitlines()
    header, rule, body, footer = lines[0], lines[1], lines[2:-1], lines[-1]
    assert header.split() [:3] == ["name", "|", "type"]
    assert footer == "(5 rows)"
    bar = width(header.split("|")[0])
    assert all(width(line.split(" | ")[0]) + 1 == bar for line in body)
    assert "kg:" in out  # IRIs shown with their prefix


def test_csv_and_json(graph_path):
    text = 'SELECT ?name WHERE { ?e rdfs:label ?name ; a kg:Person } ORDER BY ?name'
    code, out = query(graph_path, text, fmt="csv")
    assert code == 0
    table = list(csv.reader(io.StringIO(out)))
    assert table[0] == ["name"] and ["陈向平"] in table
    code, out = query(graph_path, text, fmt="json")
    data = json.loads(out)
    assert data["head"]["vars"] == ["name"]
    first = data["results"]["bindings"][0]["name"]
    assert first["type"] == "literal" and first["xml:lang"] == "zh"
    assert len(data["results"]["bindings"]) == len(table) - 1


def test_ask_and_construct(graph_path):
    assert query(graph_path, 'ASK { ?p rdfs:label "陈向平"@zh }') == (0, "true\n")
    assert query(graph_path, 'ASK { ?p rdfs:label "无此人"@zh }', fmt="json")[1].strip() == '{"head": {}, "boolean": false}'
    code, out = query(graph_path, 'CONSTRUCT { ?p kg:visited ?o } WHERE { ?p kg:visited ?o } LIMIT 1')
    assert code == 0 and "kg:visited" in out
    assert query(graph_path, 'CONSTRUCT { ?p kg:visited ?o } WHERE { ?p kg:visited ?o } LIMIT 1', fmt="turtle") == (0, out)


@pytest.mark.parametrize("text, fmt", [
    ("CONSTRUCT { ?p kg:visited ?o } WHERE { ?p kg:visited ?o }", "json"),
    ("CONSTRUCT { ?p kg:visited ?o } WHERE { ?p kg:visited ?o }", "table"),
    ('DESCRIBE ?p WHERE { ?p rdfs:label "陈向平"@zh }', "csv"),
    ("SELECT ?s WHERE { ?s ?p ?o } LIMIT 1", "turtle"),
    ('ASK { ?p rdfs:label "陈向平"@zh }', "turtle"),
])
def test_a_format_that_does_not_fit_the_query_form_is_refused(graph_path, capsys, text, fmt):
    """--format json on a CONSTRUCT printed Turtle (found by a tester)."""
    assert query(graph_path, text, fmt=fmt) == (2, "")
    err = capsys.readouterr().err
    assert err.startswith(f"kg query: --format {fmt} does not fit a {text.split()[0]} query:")
    assert len(err.splitlines()) == 1


def test_the_query_from_standard_input(graph_path, monkeypatch, capsys):
    """-f - said "-: no such query file" (found by a tester)."""
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO('ASK { ?p rdfs:label "陈向平"@zh }'.encode())))
    assert query(graph_path, file="-") == (0, "true\n")
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"ASK \xff")))
    assert query(graph_path, file="-") == (2, "")
    assert capsys.readouterr().err == "kg query: -: the query on standard input is not UTF-8\n"


def test_syntax_error_is_reported_with_exit_2(graph_path, capsys):
    code, out = query(graph_path, "SELEC ?x WHERE { ?x ?y ?z }")
    assert code == 2 and out == ""
    assert "SPARQL syntax error" in capsys.readouterr().err


def test_bad_inputs_exit_2(graph_path, tmp_path, capsys):
    assert query(graph_path)[0] == 2  # neither text nor file
    assert query(graph_path, "ASK {}", file=str(QUERIES[0]))[0] == 2  # both
    assert query(graph_path, file=str(tmp_path / "none.rq"))[0] == 2
    assert query(str(tmp_path / "none.ttl"), "ASK {}")[0] == 2
    assert query(graph_path, "ASK {}", fmt="xml")[0] == 2
    # an evaluation error (unbound variable in an aggregate) is also reported, not raised
    code, _ = query(graph_path, 'SELECT (GROUP_CONCAT(DISTINCT ?w) AS ?x) WHERE { ?a a kg:Agreement '
                                'OPTIONAL { ?w kg:witnessed ?a } } GROUP BY ?a')
    assert code in (0, 2)
    assert "Traceback" not in capsys.readouterr().err


def test_graph_without_ontology_still_answers_subclass_queries(golds, tmp_path):
    path = write_turtle(corpus_to_graph(gold_to_corpus(golds), include_ontology=False), tmp_path / "g.ttl")
    rows = rows_json(str(path), "SELECT DISTINCT ?e WHERE { ?e a/rdfs:subClassOf* kg:Organization }")
    assert rows


def test_format_table_handles_wide_characters():
    text = format_table(["名称", "n"], [["恒玄科技", "1"], ["ab", "22"]])
    lines = text.splitlines()
    assert width(lines[2].split(" | ")[0]) == width(lines[3].split(" | ")[0]) == width("恒玄科技")


def test_long_cells_are_cut_in_tables_only():
    long = "很长的证据句" * 30
    table = format_table(["evidence"], [[long]])
    assert "…" in table and all(width(line) <= 72 for line in table.splitlines())
    assert long in format_table(["evidence"], [[long]], max_cell=None)


def test_table_cells_cannot_carry_terminal_control_characters():
    from kg.query import format_table

    table = format_table(["name"], [["甲\x1b[31m红\r乙\t丙\n丁"]])
    assert "\x1b" not in table and "\r" not in table and "\t" not in table
    assert "甲 [31m红 乙 丙 丁" in table


def test_an_option_between_the_graph_and_the_query_is_fine(graph_path, capsys):
    """kg query GRAPH --format csv QUERY (found by a tester: a usage error), and an
    unknown option is still one."""
    from kg.cli import main

    ask = "PREFIX kg: <https://w3id.org/zhkg/ontology#> SELECT (COUNT(*) AS ?n) WHERE { ?a a kg:Article }"
    assert main(["query", graph_path, "--format", "csv", ask]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "n"
    with pytest.raises(SystemExit) as exc:
        main(["query", graph_path, ask, "--bogus"])
    assert exc.value.code == 2


def test_a_query_file_with_a_byte_order_mark_is_read(tmp_path):
    """A query file written by an editor that puts a UTF-8 byte-order mark first was a
    syntax error (found by a tester)."""
    from kg.query import read_query

    f = tmp_path / "bom.rq"
    f.write_bytes("\ufeffASK { ?s ?p ?o }".encode("utf-8"))
    assert read_query(None, str(f)) == "ASK { ?s ?p ?o }"
