"""``kg query GRAPH 'SPARQL'`` / ``-f FILE.rq``: run SPARQL, print a table, CSV or JSON.

The prefixes kg, rdfs, skos, dcterms, xsd, rdf, owl, prov, schema are pre-bound.
When the graph file does not carry the ontology it is merged in, so
``rdf:type/rdfs:subClassOf*`` works either way. SELECT results print as an
aligned table (East Asian wide characters count two columns; cells longer than
72 columns are cut with …), CSV (full IRIs and text) or SPARQL 1.1 JSON results; ASK prints true/false; CONSTRUCT/DESCRIBE print
Turtle (``--format turtle``; a format that does not fit the query's form is refused).
GRAPH is a graph file or a ``kg build`` output folder; when that folder
holds a current Oxigraph store (``OUT/store/``, :mod:`kg.store`) the query runs
there, with the same prefixes, refusals, --timeout and --limit; a bare Turtle
file is loaded with rdflib. Exit status: 0 done, 2 bad input (missing file, unreadable graph,
SPARQL syntax error).
"""

from __future__ import annotations

import re

import csv
import json
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from kg.logs import shown
from kg.rdf.namespaces import shorten
from kg.sparql import (  # noqa: F401  (kg.query keeps its public names)
    DEFAULT_TIMEOUT,
    READ_ONLY,
    QueryAnswer,
    QueryError,
    QueryRefused,
    QueryTimeout,
    _Deadline,
    prepare,
)

#: the table format cuts longer cells (evidence sentences) to this many columns; CSV/JSON never cut
TABLE_CELL_COLUMNS = 72


def read_query(text: str | None, file: str | None) -> str:
    if (text is None) == (file is None):
        raise QueryError("give the query either as an argument or with -f FILE.rq (exactly one)")
    if file == "-":
        try:
            text = sys.stdin.buffer.read().decode("utf-8")
        except UnicodeDecodeError:
            raise QueryError("-: the query on standard input is not UTF-8") from None
    elif file is not None:
        path = Path(file)
        if not path.is_file():
            raise QueryError(f"{file}: no such query file")
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise QueryError(f"{file}: cannot read: {exc}") from exc
    text = text.removeprefix("\ufeff")  # the byte-order mark some editors write first
    if not text or not text.strip():
        raise QueryError("the query is empty")
    return text


def execute(graph, text: str, timeout: float | None = DEFAULT_TIMEOUT, limit: int | None = None) -> QueryAnswer:
    """Run a query on ``graph`` (ontology merged in when missing), at most
    ``timeout`` seconds and ``limit`` result rows; QueryError when it fails,
    QueryTimeout past the time, QueryRefused for what kg query never does."""
    from itertools import islice

    import rdflib.plugins.sparql as sparql

    from kg.rdf.ontology import OntologyNotFound, with_ontology

    query = prepare(text)
    sparql.SPARQL_LOAD_GRAPHS = False  # never fetch a graph named in a query
    try:
        graph = with_ontology(graph)
    except OntologyNotFound:
        pass
    try:
        with _Deadline(timeout):
            result = graph.query(query)
            if result.type == "ASK":
                return QueryAnswer("ASK", boolean=bool(result.askAnswer))
            if result.type in ("CONSTRUCT", "DESCRIBE"):
                return QueryAnswer(result.type, graph=result.graph)
            names = [str(v) for v in result.vars]
            rows = [[row[i] for i in range(len(names))] for row in islice(result, limit)]
            return QueryAnswer("SELECT", variables=names, rows=rows)
    except QueryError:
        raise
    except Exception as exc:  # evaluation errors (unbound variables, bad function arguments ...)
        raise QueryError(f"query failed: {exc}") from exc


#: --format -> the query forms it fits
FORMATS = {"table": ("SELECT", "ASK"), "csv": ("SELECT", "ASK"), "json": ("SELECT", "ASK"),
           "turtle": ("CONSTRUCT", "DESCRIBE")}


def format_misfit(fmt: str, form: str) -> str | None:
    """Why ``--format fmt`` does not fit a query of ``form``, or None when it fits."""
    if form in FORMATS.get(fmt, (form,)):
        return None
    return (f"--format {fmt} does not fit a {form} query: table, csv or json for SELECT and ASK, "
            "turtle for CONSTRUCT and DESCRIBE (or no --format)")


def run_query(graph_path: str, text: str | None, file: str | None, fmt: str | None, out: TextIO,
              timeout: float | None = DEFAULT_TIMEOUT, limit: int | None = None) -> int:
    """``kg query``; ``fmt`` None: a table for SELECT and ASK, Turtle for CONSTRUCT and DESCRIBE."""
    from kg import exitcodes
    from kg.rdf.loading import load_graph
    from kg.sparql import query_form

    if fmt is not None and fmt not in FORMATS:
        print(f"kg query: unknown format {fmt!r} (table, csv, json or turtle)", file=sys.stderr)
        return exitcodes.USAGE
    if (timeout is not None and timeout < 0) or (limit is not None and limit < 0):
        print("kg query: --timeout and --limit must not be negative", file=sys.stderr)
        return exitcodes.USAGE
    try:
        query_text = read_query(text, file)
        form = query_form(prepare(query_text))  # a syntax error or a refusal is reported before loading a big graph
        misfit = format_misfit(fmt, form) if fmt is not None else None
        if misfit:
            raise QueryError(misfit)
        store, graph_file, note = _store_for(graph_path)
        if note:
            print(shown(f"kg query: {note}; answering from {graph_file}"), file=sys.stderr)
        answer = None
        if store is not None:
            from kg.store import StoreError, query_store

            try:
                answer = query_store(store, query_text, timeout=timeout or None, limit=limit)
            except StoreError as exc:  # the store is a speed-up: graph.ttl still answers
                print(shown(f"kg query: {exc}; answering from {graph_file}"), file=sys.stderr)
        if answer is None:
            graph = load_graph(graph_file)
            answer = execute(graph, query_text, timeout=timeout or None, limit=limit)
    except QueryTimeout as exc:
        print(f"kg query: {exc}", file=sys.stderr)
        return exitcodes.QUERY_TIMEOUT
    except ValueError as exc:  # QueryError, QueryRefused and load_graph's errors
        print(shown(f"kg query: {exc}"), file=sys.stderr)
        return exitcodes.USAGE
    write_answer(answer, fmt or "table", out)
    if limit is not None and answer.kind == "SELECT" and len(answer.rows) == limit:
        print(f"kg query: stopped at --limit {limit} rows", file=sys.stderr)
    return exitcodes.OK


def _store_for(graph_path: str) -> tuple:
    """``(store folder or None, graph file, note)``: the Oxigraph store of a build output
    folder (or of the graph.ttl in one) when it is there and current, else the file for rdflib."""
    from importlib.util import find_spec

    from kg.store import locate

    if find_spec("pyoxigraph") is None:  # not installed: graph.ttl answers
        path = Path(graph_path)
        return None, path / "graph.ttl" if path.is_dir() else path, None
    return locate(graph_path)


# ------------------------------------------------------------------ output
def write_answer(answer: QueryAnswer, fmt: str, out: TextIO) -> None:
    if answer.kind == "ASK":
        if fmt == "json":
            out.write(json.dumps({"head": {}, "boolean": answer.boolean}) + "\n")
        else:
            out.write(("true" if answer.boolean else "false") + "\n")
        return
    if answer.kind in ("CONSTRUCT", "DESCRIBE"):
        from kg.rdf.namespaces import bind_prefixes

        out.write(bind_prefixes(answer.graph).serialize(format="turtle"))
        return
    names, rows = answer.variables, answer.rows
    if fmt == "json":
        out.write(json.dumps(_json_results(names, rows), ensure_ascii=False, indent=2) + "\n")
    elif fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(names)
        for row in rows:
            writer.writerow(["" if v is None else str(v) for v in row])
    else:
        out.write(format_table(names, [[display(v) for v in row] for row in rows]))


def _json_term(term) -> dict:
    from rdflib import BNode, Literal

    if isinstance(term, Literal):
        out = {"type": "literal", "value": str(term)}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype:
            out["datatype"] = str(term.datatype)
        return out
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    return {"type": "uri", "value": str(term)}


def _json_results(names: list[str], rows: list[list]) -> dict:
    bindings = [{n: _json_term(v) for n, v in zip(names, row) if v is not None} for row in rows]
    return {"head": {"vars": names}, "results": {"bindings": bindings}}


def display(term) -> str:
    """A term as a table cell: literals by their text, IRIs with a prefix when one fits."""
    from rdflib import Literal, URIRef

    if term is None:
        return ""
    if isinstance(term, Literal):
        return str(term)
    if isinstance(term, URIRef):
        return shorten(str(term))
    return str(term)


def width(text: str) -> int:
    """Columns ``text`` takes in a terminal (wide/fullwidth characters take two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def _pad(text: str, cols: int) -> str:
    return text + " " * (cols - width(text))


def truncate(text: str, cols: int) -> str:
    """``text`` cut to at most ``cols`` terminal columns, ending in … when cut."""
    if width(text) <= cols:
        return text
    out, used = [], 0
    for ch in text:
        w = width(ch)
        if used + w > cols - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…"


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def _printable(cell: str) -> str:
    """Cell text safe for a terminal: line breaks, tabs and escape codes (web text) become spaces."""
    return _CONTROL.sub(" ", cell)


def format_table(names: list[str], rows: list[list[str]], max_cell: int | None = TABLE_CELL_COLUMNS) -> str:
    """An aligned text table; cells longer than ``max_cell`` columns are cut (None: never)."""
    rows = [[_printable(cell) for cell in row] for row in rows]
    if max_cell is not None:
        rows = [[truncate(cell, max_cell) for cell in row] for row in rows]
    cols = [max([width(n)] + [width(r[i]) for r in rows]) for i, n in enumerate(names)]
    lines = [" | ".join(_pad(n, c) for n, c in zip(names, cols)).rstrip()]
    lines.append("-+-".join("-" * c for c in cols))
    for row in rows:
        lines.append(" | ".join(_pad(cell, c) for cell, c in zip(row, cols)).rstrip())
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines) + "\n"
