"""``kg serve``: the SPARQL 1.1 Protocol endpoint over OUT/store/, queried over HTTP.

The server runs in a thread on an ephemeral loopback port over the store a
real ``kg build seeds`` wrote; every answer is checked against rdflib on the
same graph.ttl.
"""

from __future__ import annotations

import csv
import io
import json
import os
import select
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import urlencode
from urllib.request import Request, urlopen

import pytest

from kg import exitcodes
from kg.query import execute
from kg.rdf.loading import load_graph
from kg.serve import SparqlHandler, choose_formats, make_server, run_serve

PEOPLE = 'SELECT ?name WHERE { ?e a kg:Person ; rdfs:label ?name } ORDER BY ?name'
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
SRX = "{http://www.w3.org/2005/sparql-results#}"


@pytest.fixture(scope="module")
def out(seeds_build) -> Path:
    code, out = seeds_build
    assert code in (exitcodes.OK, exitcodes.INPUTS_SKIPPED)
    return out


@pytest.fixture(scope="module")
def people(out) -> list[str]:
    """The people's names, from rdflib on graph.ttl."""
    names = [str(r[0]) for r in execute(load_graph(out / "graph.ttl"), PEOPLE, timeout=None).rows]
    assert "陈向平" in names and len(names) > 10
    return names


def start(out, **kw):
    server = make_server(out, port=0, **kw)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, thread


@pytest.fixture(scope="module")
def endpoint(out):
    server, thread = start(out, timeout=60)
    yield server.url
    server.shutdown()
    server.server_close()
    thread.join(5)


def http(url: str, data: bytes | None = None, headers: dict | None = None, method: str | None = None):
    """(status, headers, body) of one request; error statuses are returned, not raised."""
    request = Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urlopen(request, timeout=60) as response:
            return response.status, response.headers, response.read()
    except HTTPError as exc:
        return exc.code, exc.headers, exc.read()


def get(endpoint: str, query: str, headers: dict | None = None, **params):
    return http(endpoint + "?" + urlencode({"query": query, **params}), headers=headers)


# ------------------------------------------------------------------ answers
def test_binds_loopback_by_default(out, endpoint):
    assert endpoint.startswith("http://127.0.0.1:") and endpoint.endswith("/sparql")


def test_select_as_json_by_default(endpoint, people):
    status, headers, body = get(endpoint, PEOPLE)
    assert status == 200
    assert headers["Content-Type"] == "application/sparql-results+json"
    data = json.loads(body)
    assert data["head"]["vars"] == ["name"]
    first = data["results"]["bindings"][0]["name"]
    assert first["type"] == "literal" and first["xml:lang"] == "zh"
    assert [b["name"]["value"] for b in data["results"]["bindings"]] == people


def test_select_as_csv_by_accept_header(endpoint, people):
    status, headers, body = get(endpoint, PEOPLE, headers={"Accept": "text/csv"})
    assert status == 200 and headers["Content-Type"].startswith("text/csv")
    table = list(csv.reader(io.StringIO(body.decode("utf-8"))))
    assert table[0] == ["name"] and [r[0] for r in table[1:]] == people


def test_select_as_tsv_by_format_parameter(endpoint, people):
    status, headers, body = get(endpoint, PEOPLE, format="tsv")
    assert status == 200 and headers["Content-Type"].startswith("text/tab-separated-values")
    lines = body.decode("utf-8").splitlines()
    assert lines[0] == "?name"
    assert lines[1:] == [f'"{name}"@zh' for name in people]


def test_select_as_xml(endpoint, people):
    status, headers, body = get(endpoint, PEOPLE, headers={"Accept": "application/sparql-results+xml"})
    assert status == 200 and headers["Content-Type"] == "application/sparql-results+xml"
    root = ET.fromstring(body)
    assert [v.get("name") for v in root.iter(SRX + "variable")] == ["name"]
    literals = list(root.iter(SRX + "literal"))
    assert [lit.text for lit in literals] == people
    assert all(lit.get("{http://www.w3.org/XML/1998/namespace}lang") == "zh" for lit in literals)


def test_ask(endpoint):
    status, _, body = get(endpoint, 'ASK { ?p rdfs:label "陈向平"@zh }')
    assert status == 200 and json.loads(body) == {"head": {}, "boolean": True}
    status, _, body = get(endpoint, 'ASK { ?p rdfs:label "无此人"@zh }', format="xml")
    assert status == 200 and ET.fromstring(body).find(SRX + "boolean").text == "false"


def test_post_as_query_and_as_form(endpoint, people):
    status, _, body = http(endpoint, PEOPLE.encode("utf-8"), {"Content-Type": "application/sparql-query",
                                                              "Accept": "application/sparql-results+json"})
    assert status == 200
    assert [b["name"]["value"] for b in json.loads(body)["results"]["bindings"]] == people
    form = urlencode({"query": PEOPLE, "format": "csv"}).encode("ascii")
    status, _, body = http(endpoint, form, {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 200 and body.decode("utf-8").splitlines()[1:] == people


def test_the_ontology_answers_subclass_queries(endpoint):
    text = 'SELECT DISTINCT ?name WHERE { ?e rdf:type/rdfs:subClassOf* kg:Organization ; rdfs:label ?name }'
    status, _, body = get(endpoint, text, format="csv")
    assert status == 200
    names = body.decode("utf-8").splitlines()[1:]
    assert "中国电气装备集团有限公司" in names  # a kg:Company, found as a kg:Organization


def test_construct_as_turtle(endpoint):
    status, headers, body = get(endpoint, "CONSTRUCT { ?p kg:visited ?o } WHERE { ?p kg:visited ?o }")
    assert status == 200 and headers["Content-Type"].startswith("text/turtle")
    from rdflib import Graph

    graph = Graph().parse(data=body.decode("utf-8"), format="turtle")
    assert len(graph) > 0 and all("visited" in str(p) for p in graph.predicates())


@pytest.mark.parametrize("query", ["CONSTRUCT { ?p kg:visited ?o } WHERE { ?p kg:visited ?o }",
                                   'DESCRIBE ?p WHERE { ?p rdfs:label "陈向平"@zh }'])
@pytest.mark.parametrize("fmt, accept", [("application/xml", None), ("text/xml", None),
                                         ("application/rdf+xml", None), ("xml", None),
                                         (None, "application/xml"), (None, "text/xml"),
                                         (None, "application/rdf+xml")])
def test_a_graph_answer_in_rdf_xml(endpoint, query, fmt, accept):
    """format=application/xml on a CONSTRUCT was answered 406 and Accept: application/xml
    got Turtle (found by a tester); the SPARQL 1.1 Protocol lets a graph answer be
    RDF/XML: it is, the same graph as the Turtle answer."""
    from rdflib import Graph
    from rdflib.compare import isomorphic

    status, headers, body = get(endpoint, query, headers={"Accept": accept} if accept else None,
                                **({"format": fmt} if fmt else {}))
    assert status == 200 and headers["Content-Type"].startswith("application/rdf+xml"), body
    _, _, turtle = get(endpoint, query)
    expected = Graph().parse(data=turtle.decode("utf-8"), format="turtle")
    assert len(expected) > 0 and isomorphic(Graph().parse(data=body, format="xml"), expected)


@pytest.mark.parametrize("fmt, accept", [("application/xml", None), (None, "application/xml")])
def test_a_select_asked_in_xml_stays_sparql_xml_results(endpoint, people, fmt, accept):
    status, headers, body = get(endpoint, PEOPLE, headers={"Accept": accept} if accept else None,
                                **({"format": fmt} if fmt else {}))
    assert status == 200 and headers["Content-Type"] == "application/sparql-results+xml"
    assert [lit.text for lit in ET.fromstring(body).iter(SRX + "literal")] == people


# ------------------------------------------------------------------ refusals and errors
@pytest.mark.parametrize("how", ["post-update", "form-update", "query-param"])
def test_updates_are_refused_with_400(out, endpoint, how):
    update = "INSERT DATA { <http://a/b> <http://a/c> <http://a/d> }"
    if how == "post-update":
        status, _, body = http(endpoint, update.encode(), {"Content-Type": "application/sparql-update"})
    elif how == "form-update":
        status, _, body = http(endpoint, urlencode({"update": update}).encode(),
                               {"Content-Type": "application/x-www-form-urlencoded"})
    else:
        status, _, body = get(endpoint, update)
    assert status == 400 and b"read-only" in body
    status, _, body = get(endpoint, "ASK { <http://a/b> <http://a/c> <http://a/d> }")
    assert json.loads(body)["boolean"] is False


@pytest.mark.parametrize("template", [
    "SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}",
    "SELECT * FROM <http://127.0.0.1:{port}/data.ttl> WHERE {{ ?s ?p ?o }}",
    "LOAD <http://127.0.0.1:{port}/data.ttl>",
])
def test_service_from_and_load_are_refused_without_network_access(endpoint, listener, template):
    port, hits = listener
    status, _, body = get(endpoint, template.format(port=port))
    assert status == 400 and b"read-only and local" in body
    status, _, body = get(endpoint, "ASK { ?s ?p ?o }", **{"default-graph-uri": f"http://127.0.0.1:{port}/g"})
    assert status == 400 and b"default-graph-uri" in body
    time.sleep(0.3)
    assert hits == []


def test_bad_requests(endpoint):
    status, _, body = get(endpoint, "SELEC ?x WHERE { ?x ?y ?z }")
    assert status == 400 and b"SPARQL syntax error" in body
    status, _, body = http(endpoint)  # no query
    assert status == 400 and b"exactly one SPARQL query" in body
    status, _, body = http(endpoint.replace("/sparql", "/other?query=ASK%7B%7D"))
    assert status == 404 and b"/sparql" in body
    status, _, body = get(endpoint, "ASK {}", format="yaml")
    assert status == 400 and b"unknown format" in body
    status, _, body = http(endpoint, b"ASK {}", {"Content-Type": "text/plain"})
    assert status == 415


def test_a_runaway_query_is_stopped_with_503(out):
    server, thread = start(out, timeout=1)
    try:
        t0 = time.monotonic()
        status, _, body = get(server.url, RUNAWAY)
        assert status == 503 and b"ran past 1 s" in body
        assert time.monotonic() - t0 < 20
        status, _, body = get(server.url, 'ASK { ?p rdfs:label "陈向平"@zh }')  # still serving
        assert status == 200 and json.loads(body)["boolean"] is True
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


# ------------------------------------------------------------------ clients that go away
@pytest.mark.parametrize("request_bytes", [
    # a body cut short: Content-Length promises more than the client sends before it closes
    b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
    b"Content-Length: 100000\r\n\r\nASK",
    # a whole request, but the client is gone before the answer (a 400) is written
    b"GET /sparql?query=SELEC HTTP/1.1\r\nHost: x\r\n\r\n",
])
def test_a_client_that_closes_early_gets_one_log_line_and_no_traceback(out, capsys, request_bytes):
    from kg.logs import setup_logging

    setup_logging("INFO")
    server = make_server(out, port=0)
    ours, client = socket.socketpair()
    try:
        client.sendall(request_bytes)
        client.close()
        SparqlHandler(ours, ("127.0.0.1", 0), server)  # handles the request here; raised BrokenPipeError before
    finally:
        ours.close()
        server.server_close()
    err = capsys.readouterr().err
    assert "closed the connection before the answer was sent" in err
    assert "Traceback" not in err


# ------------------------------------------------------------------ without a current store
def stale_copy(out, dest: Path) -> Path:
    """A build folder whose graph.ttl changed after its store was written (a build
    stopped before it swapped the new store in)."""
    dest.mkdir()
    shutil.copy2(out / "graph.ttl", dest / "graph.ttl")
    shutil.copytree(out / "store", dest / "store")
    with open(dest / "graph.ttl", "a", encoding="utf-8") as fh:
        fh.write('\n<https://w3id.org/zhkg/id/new> <http://www.w3.org/2000/01/rdf-schema#label> "新加的"@zh .\n')
    return dest


def test_a_stale_store_is_served_from_graph_ttl(out, tmp_path):
    copy = stale_copy(out, tmp_path / "out")
    err = io.StringIO()
    server = make_server(copy, port=0, err=err)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    temporary = server.temporary
    try:
        assert "does not match" in err.getvalue() and "temporary store" in err.getvalue()
        status, _, body = get(server.url, 'SELECT ?e WHERE { ?e rdfs:label "新加的"@zh }', format="csv")
        assert status == 200 and body.decode().splitlines() == ["e", "https://w3id.org/zhkg/id/new"]
        status, _, body = get(server.url, 'ASK { ?p rdfs:label "陈向平"@zh }')
        assert status == 200 and json.loads(body)["boolean"] is True
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
    assert temporary is not None and not temporary.exists()
    assert sorted(p.name for p in copy.iterdir()) == ["graph.ttl", "store"]  # the build folder untouched


def test_kg_serve_refuses_an_unreadable_graph_in_one_line(tmp_path):
    bad = tmp_path / "graph.ttl"
    bad.write_text("not turtle <<\n", encoding="utf-8")
    temp = tmp_path / "tmp"
    temp.mkdir()
    proc = subprocess.run([sys.executable, "-m", "kg", "serve", str(tmp_path), "--port", "0"],
                          capture_output=True, timeout=60, env={**os.environ, "TMPDIR": str(temp)})
    err = proc.stderr.decode()
    assert proc.returncode == exitcodes.USAGE and "Traceback" not in err
    assert err.splitlines()[-1].startswith("kg serve: ") and "not readable Turtle" in err
    assert "answering from" not in err and "SPARQL endpoint at" not in err
    assert list(temp.iterdir()) == []


def read_banner(proc) -> str:
    banner, deadline = b"", time.monotonic() + 60
    while b"SPARQL endpoint at" not in banner and proc.poll() is None and time.monotonic() < deadline:
        if select.select([proc.stderr], [], [], 1)[0]:
            banner += os.read(proc.stderr.fileno(), 4096)
    return banner.decode()


def serve_ask_and_stop(folder, label: str, stop: int, env=None, during=None) -> str:
    """Start ``kg serve FOLDER``, ask whether an entity is labelled ``label``, then stop
    it with signal ``stop``: it answered true, and stopped with exit 130, no traceback.
    ``during(banner)`` checks more while it serves. The server's standard error."""
    proc = subprocess.Popen([sys.executable, "-m", "kg", "serve", str(folder), "--port", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    try:
        text = read_banner(proc)
        assert "SPARQL endpoint at http://127.0.0.1:" in text, text
        url = text.split("SPARQL endpoint at ")[1].split()[0]
        status, _, body = get(url, f'ASK {{ ?e rdfs:label "{label}"@zh }}')
        assert status == 200 and json.loads(body)["boolean"] is True
        if during is not None:
            during(text)
        proc.send_signal(stop)
        _, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == exitcodes.INTERRUPTED
    assert "Traceback" not in err.decode() and "stopped" in err.decode()
    return err.decode()


def test_kg_serve_of_a_stale_store_answers_and_removes_its_temporary_store_on_sigterm(out, tmp_path):
    copy = stale_copy(out, tmp_path / "out")
    temp = tmp_path / "tmp"
    temp.mkdir()

    def serving_from_a_temporary_store(banner):
        assert "answering from" not in banner and "graph.ttl in a temporary store" in banner
        assert len(list(temp.iterdir())) == 1

    serve_ask_and_stop(copy, "新加的", signal.SIGTERM, {**os.environ, "TMPDIR": str(temp)}, serving_from_a_temporary_store)
    assert list(temp.iterdir()) == []


# ------------------------------------------------------------------ CORS
def test_no_cors_header_by_default(endpoint):
    status, headers, _ = get(endpoint, "ASK {}", headers={"Origin": "https://yasgui.example"})
    assert status == 200 and "Access-Control-Allow-Origin" not in headers
    status, headers, _ = http(endpoint, method="OPTIONS", headers={"Origin": "https://yasgui.example",
                                                                   "Access-Control-Request-Method": "POST"})
    assert "Access-Control-Allow-Origin" not in headers


def test_cors_when_asked(out):
    server, thread = start(out, cors="https://yasgui.example")
    try:
        status, headers, _ = get(server.url, "ASK {}", headers={"Origin": "https://yasgui.example"})
        assert status == 200 and headers["Access-Control-Allow-Origin"] == "https://yasgui.example"
        status, headers, _ = http(server.url, method="OPTIONS")
        assert status == 204 and headers["Access-Control-Allow-Origin"] == "https://yasgui.example"
        assert "POST" in headers["Access-Control-Allow-Methods"]
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def test_choose_formats():
    assert choose_formats(None, None) == ("json", "turtle")
    assert choose_formats(None, "text/html,application/xhtml+xml,*/*;q=0.8") == ("json", "turtle")
    assert choose_formats(None, "text/csv;q=0.5, application/sparql-results+xml") == ("xml", "turtle")
    assert choose_formats(None, "application/n-triples") == ("json", "ntriples")
    assert choose_formats("tsv", "application/sparql-results+xml") == ("tsv", None)  # no graph format is tsv
    assert choose_formats("turtle", None) == (None, "turtle")
    assert choose_formats("text/csv", None) == ("csv", None)
    assert choose_formats("xml", None) == ("xml", "rdfxml")
    assert choose_formats("application/xml", None) == ("xml", "rdfxml")  # was ("xml", None): 406 on CONSTRUCT
    assert choose_formats(None, "application/xml") == ("xml", "rdfxml")  # was ("xml", "turtle")
    assert choose_formats(None, "text/turtle, application/xml;q=0.5") == ("xml", "turtle")


@pytest.mark.parametrize("query, fmt", [
    ("CONSTRUCT { ?p kg:visited ?o } WHERE { ?p kg:visited ?o }", "json"),
    ("DESCRIBE ?p WHERE { ?p rdfs:label \"陈向平\"@zh }", "csv"),
    (PEOPLE, "turtle"),
    ('ASK { ?p rdfs:label "陈向平"@zh }', "text/turtle"),
])
def test_a_format_that_does_not_fit_the_query_form_is_refused(endpoint, query, fmt):
    status, headers, body = get(endpoint, query, format=fmt)
    form = query.split()[0]
    assert status == 406 and headers["Content-Type"].startswith("text/plain")
    assert body.decode().startswith(f"format {fmt!r} does not fit a {form} query:")


def test_the_accept_header_falls_back_to_the_forms_default(endpoint):
    construct = "CONSTRUCT { ?p kg:visited ?o } WHERE { ?p kg:visited ?o }"
    status, headers, _ = get(endpoint, construct, headers={"Accept": "application/sparql-results+json"})
    assert status == 200 and headers["Content-Type"].startswith("text/turtle")
    status, headers, _ = get(endpoint, PEOPLE, headers={"Accept": "text/turtle"})
    assert status == 200 and headers["Content-Type"] == "application/sparql-results+json"
    status, headers, _ = get(endpoint, construct, format="xml")  # xml fits both forms
    assert status == 200 and headers["Content-Type"] == "application/rdf+xml"


# ------------------------------------------------------------------ the command
def test_kg_serve_without_a_store_exits_2(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "kg", "serve", str(tmp_path), "--port", "0"],
                          capture_output=True, timeout=60)
    err = proc.stderr.decode()
    assert proc.returncode == exitcodes.USAGE and "Traceback" not in err
    assert "no Oxigraph store" in err and "no graph.ttl" in err


def test_kg_serve_of_a_store_without_its_graph_says_graph_ttl_is_missing(out, tmp_path):
    """A folder with store/ and no graph.ttl was said to have "no Oxigraph store (OUT/store/)
    and no graph.ttl" (found by a reviewer): it says what is missing."""
    folder = tmp_path / "out"
    shutil.copytree(out / "store", folder / "store")
    err = io.StringIO()
    assert run_serve(str(folder), port=0, err=err) == exitcodes.USAGE
    line = err.getvalue()
    assert "no graph.ttl here, beside its store/" in line and "no Oxigraph store" not in line, line


def test_kg_serve_answers_and_stops_cleanly_on_ctrl_c(out):
    serve_ask_and_stop(out, "陈向平", signal.SIGINT)


def test_a_refused_body_ends_the_connection(endpoint):
    """After a 413 the unread body stayed in the socket and was read as the next request
    (a 400 'Bad request syntax' logged; found by a tester): the answer says Connection:
    close and the server closes the connection."""
    from urllib.parse import urlparse

    u = urlparse(endpoint)
    with socket.create_connection((u.hostname, u.port), timeout=30) as s:
        s.sendall(b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
                  b"Content-Length: 99999999999\r\n\r\nASK{}")
        answer = b""
        while chunk := s.recv(65536):  # the server closes: recv returns b"" at the end
            answer += chunk
    head = answer.split(b"\r\n\r\n", 1)[0].decode()
    assert head.startswith("HTTP/1.1 413") and "Connection: close" in head
    assert answer.count(b"HTTP/1.1 ") == 1  # no second answer to the body read as a request


@pytest.mark.parametrize("head", [
    b"GET /sparql?query=ASK%20%7B%7D HTTP/1.1\r\nHost: x\r\n",  # headers that never end
    b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\nContent-Length: 400\r\n\r\n",
])
def test_a_request_trickling_in_is_cut_at_the_deadline(out, capsys, head):
    """A client that sends a byte every 0.2 s never stays silent for io_timeout, and used to
    hold a server thread for as long as it liked (per-read waits only): the whole request
    must come within request_deadline, else the connection is closed; the server keeps
    serving, and nothing is printed as a traceback."""
    from kg.logs import setup_logging

    setup_logging("INFO")
    server, thread = start(out, io_timeout=5, request_deadline=1.0)
    try:
        with socket.create_connection(server.server_address[:2], timeout=20) as s:
            s.sendall(head)
            began, closed = time.monotonic(), False
            while time.monotonic() - began < 10:
                try:
                    s.sendall(b"x" if head.startswith(b"POST") else b"X-Slow: 1\r\n")
                except OSError:  # the server closed: a reset
                    closed = True
                    break
                ready, _, _ = select.select([s], [], [], 0.2)
                if ready:
                    try:
                        if s.recv(65536) == b"":
                            closed = True
                            break
                    except OSError:
                        closed = True
                        break
            took = time.monotonic() - began
        status, _, _ = get(server.url, "ASK {}")
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
    assert closed and took < 5, took
    assert status == 200
    err = capsys.readouterr().err
    assert "did not send its request within 1 s" in err and "Traceback" not in err


@pytest.mark.parametrize("request_bytes", [
    b"",  # connects and sends nothing
    b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\nContent-Length: 100\r\n\r\n",
    b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\nContent-Length: 100\r\n\r\n"
    b"ASK { ?s ?p",
])
def test_a_silent_client_has_its_connection_closed(out, capsys, request_bytes):
    """A client that announced a body and sent part of it, or none, or sent nothing at
    all, and kept the socket open held a server thread for ever (found by a tester): after
    io_timeout the connection is closed, a missing body answered 408 first; no traceback."""
    from kg.logs import setup_logging

    setup_logging("INFO")
    server, thread = start(out, io_timeout=0.5)
    try:
        with socket.create_connection(server.server_address[:2], timeout=20) as s:
            s.sendall(request_bytes)
            answer = b""
            while chunk := s.recv(65536):  # the server closes: recv returns b"" at the end
                answer += chunk
        status, _, _ = get(server.url, "ASK {}")  # and it keeps serving
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
    assert status == 200
    head = answer.split(b"\r\n\r\n", 1)[0].decode()
    if request_bytes:
        assert head.startswith("HTTP/1.1 408") and "Connection: close" in head, head
    else:
        assert answer == b""
    assert "Traceback" not in capsys.readouterr().err
