"""``kg serve OUT``: a read-only SPARQL 1.1 Protocol endpoint over OUT/store/.

Standard library only (``http.server.ThreadingHTTPServer``); queries run on
the Oxigraph store through :func:`kg.store.query_store_serialized`, so each
query is checked by :func:`kg.sparql.prepare` and runs in a worker process
that is killed at the per-query deadline.

- ``GET /sparql?query=...`` and ``POST /sparql`` with ``application/sparql-query``
  (the body is the query) or ``application/x-www-form-urlencoded`` (``query=``).
- SELECT and ASK answers: SPARQL results JSON (default), CSV, TSV or XML, chosen
  by a ``format`` parameter (json, csv, tsv, xml) or else the Accept header;
  CONSTRUCT and DESCRIBE: Turtle (default), N-Triples or RDF/XML (also for XML:
  ``application/xml``, ``text/xml``, ``format=xml``). A ``format``
  that does not fit the query's form (json for CONSTRUCT, turtle for SELECT) is
  answered 406; the Accept header falls back to the form's default.
- Read-only and local: updates (``update=``, ``application/sparql-update``,
  INSERT, LOAD, ...), SERVICE, FROM / FROM NAMED and ``default-graph-uri`` /
  ``named-graph-uri`` are answered 400 with the reason.
- A query past ``--timeout`` seconds is stopped: 503 with a message.
- A client silent for :data:`IO_TIMEOUT` seconds (headers or a body that do not
  come, an answer it does not read) has its connection closed (a body: 408), so
  a silent client holds no server thread for ever; and a request (its line, headers
  and body) that has not come whole :data:`REQUEST_DEADLINE` seconds after its first
  byte was awaited has its connection cut, so a client that sends a byte every few
  seconds cannot hold a thread either.
- No CORS header unless ``--cors ORIGIN``; binds 127.0.0.1 unless ``--host``.
- Without a current store the graph file is loaded into a temporary store
  (:func:`make_server`), removed when the server stops (Ctrl-C or SIGTERM).
"""

from __future__ import annotations

import os
import shutil
import socket
import sys
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TextIO
from urllib.parse import parse_qs, urlsplit

from kg.logs import shown

DEFAULT_PORT = 7878
DEFAULT_TIMEOUT = 30.0
#: the largest request body accepted (a query, form-encoded or not)
MAX_BODY = 1 << 20
#: seconds a client may leave its connection silent (a request or its body not coming,
#: an answer not read) before the connection is closed and its thread freed
IO_TIMEOUT = 30.0
#: seconds a whole request (line, headers, body) may take to come, however it trickles in
REQUEST_DEADLINE = 60.0
#: the answer is sent in pieces of this size, each with IO_TIMEOUT to go (a slow client
#: that keeps reading gets all of it)
SEND_PIECE = 1 << 16
PATH = "/sparql"

#: media type (lower case, no parameters) -> result format of SELECT / ASK
RESULT_TYPES = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/xml": "xml",
}
#: media type -> graph format of CONSTRUCT / DESCRIBE (plain XML fits both forms: SPARQL
#: results XML for SELECT / ASK, RDF/XML for a graph)
GRAPH_TYPES = {
    "text/turtle": "turtle",
    "application/x-turtle": "turtle",
    "application/n-triples": "ntriples",
    "text/plain": "ntriples",
    "application/rdf+xml": "rdfxml",
    "application/xml": "rdfxml",
    "text/xml": "rdfxml",
}
#: the ``format`` parameter: name -> (result format, graph format)
FORMAT_NAMES = {
    "json": ("json", None), "srj": ("json", None),
    "csv": ("csv", None), "tsv": ("tsv", None),
    "xml": ("xml", "rdfxml"), "srx": ("xml", None),
    "turtle": (None, "turtle"), "ttl": (None, "turtle"),
    "ntriples": (None, "ntriples"), "nt": (None, "ntriples"),
    "rdfxml": (None, "rdfxml"),
}


class HttpError(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


def _accepted(header: str | None) -> list[str]:
    """The media types of an Accept header, best first (q=0 dropped)."""
    if not header:
        return []
    ranked = []
    for i, part in enumerate(header.split(",")):
        fields = [f.strip() for f in part.split(";")]
        q = 1.0
        for f in fields[1:]:
            if f.lower().startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        if fields[0] and q > 0:
            ranked.append((-q, i, fields[0].lower()))
    return [media for _, _, media in sorted(ranked)]


def choose_formats(fmt: str | None, accept: str | None) -> tuple[str | None, str | None]:
    """``(result format, graph format)`` from a ``format`` parameter or an Accept header.

    A ``format`` parameter names what the client wants: the one it does not fit is
    None (json: no graph format; turtle: no result format), and a query of that form
    is refused (:func:`check_format`). The Accept header negotiates: each falls back to
    its default (json, turtle)."""
    if fmt:
        key = fmt.strip().lower()
        if key in FORMAT_NAMES:
            return FORMAT_NAMES[key]
        media = key.split(";")[0].strip()
        if media in RESULT_TYPES or media in GRAPH_TYPES:
            return RESULT_TYPES.get(media), GRAPH_TYPES.get(media)
        raise HttpError(400, f"unknown format {fmt!r}: json, csv, tsv or xml (SELECT, ASK); "
                             "turtle, ntriples or rdfxml (CONSTRUCT, DESCRIBE)")
    accepted = _accepted(accept)
    result = next((RESULT_TYPES[m] for m in accepted if m in RESULT_TYPES), "json")
    graph = next((GRAPH_TYPES[m] for m in accepted if m in GRAPH_TYPES), "turtle")
    return result, graph


def check_format(fmt: str | None, formats: tuple[str | None, str | None], form: str) -> None:
    """HttpError 406 when the ``format`` parameter ``fmt`` (giving ``formats``,
    :func:`choose_formats`) does not fit a query of ``form`` (SELECT, ASK, CONSTRUCT, DESCRIBE)."""
    if formats[1 if form in ("CONSTRUCT", "DESCRIBE") else 0] is None:
        raise HttpError(406, f"format {fmt!r} does not fit a {form} query: json, csv, tsv or xml for SELECT and "
                             "ASK, turtle, ntriples or rdfxml for CONSTRUCT and DESCRIBE (or no format)")


class SparqlServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address, store_dir: Path | None, timeout: float | None, cors: str | None, slots: int,
                 io_timeout: float = IO_TIMEOUT, request_deadline: float = REQUEST_DEADLINE):
        self.store_dir = store_dir
        self.io_timeout = io_timeout
        self.request_deadline = request_deadline
        #: a folder holding the store kg serve loaded graph_ttl into (removed by server_close), or None
        self.temporary: Path | None = None
        self.graph_ttl: Path | None = None
        self.query_timeout = timeout
        self.cors = cors
        self.slots = threading.BoundedSemaphore(slots)
        if ":" in address[0]:  # an IPv6 address such as ::1
            self.address_family = socket.AF_INET6
        super().__init__(address, SparqlHandler)

    def server_close(self) -> None:
        super().server_close()
        if self.temporary is not None:
            shutil.rmtree(self.temporary, ignore_errors=True)
            self.temporary = None

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{f'[{host}]' if ':' in host else host}:{port}{PATH}"


class SparqlHandler(BaseHTTPRequestHandler):
    server: SparqlServer
    server_version = "kg-serve"
    protocol_version = "HTTP/1.1"

    # ------------------------------------------------------------- plumbing
    def setup(self) -> None:
        # every read and write of the connection waits at most this long; a wait past it
        # ends the connection (http.server closes it on TimeoutError; a body: _read_body)
        self.timeout = self.server.io_timeout
        super().setup()

    def handle_one_request(self) -> None:
        # the whole request must come within the server's request_deadline: a timer cuts
        # the connection's reading side when it has not (a blocked read then ends: the
        # connection closes); reading done, the timer is stopped (_request_read)
        self._deadline = threading.Timer(self.server.request_deadline, self._cut_off)
        self._deadline.daemon = True
        self._deadline.start()
        try:
            super().handle_one_request()
        finally:
            self._deadline.cancel()

    def _cut_off(self) -> None:
        from kg.logs import logger

        logger().info(f"kg serve: {self.address_string()} did not send its request within "
                      f"{self.server.request_deadline:g} s; connection closed")
        self.close_connection = True
        try:
            self.connection.shutdown(socket.SHUT_RD)
        except OSError:  # already closed
            pass

    def _request_read(self) -> None:
        """The request came whole: the query's own time limit applies from here."""
        timer = getattr(self, "_deadline", None)
        if timer is not None:
            timer.cancel()

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (the base class's name)
        from kg.logs import logger

        logger().info(f"kg serve: {self.address_string()} {format % args}")

    def handle(self) -> None:
        try:
            super().handle()
        except ConnectionError:  # the client went away (reset, broken pipe, a body cut short): nothing to answer
            from kg.logs import logger

            logger().info(f"kg serve: {self.address_string()} closed the connection before the answer was sent")
            self.close_connection = True

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        if self.close_connection:  # the body was left unread (kg.serve._body): it ends the connection
            self.send_header("Connection", "close")
        if self.server.cors:
            self.send_header("Access-Control-Allow-Origin", self.server.cors)
            if self.server.cors != "*":
                self.send_header("Vary", "Origin")
        self.end_headers()
        if self.command != "HEAD":
            for start in range(0, len(body), SEND_PIECE):
                self.wfile.write(body[start:start + SEND_PIECE])

    def _error(self, status: int, message: str) -> None:
        self._send(status, (message.rstrip() + "\n").encode("utf-8"), "text/plain; charset=utf-8")

    def _body(self) -> bytes:
        """The request's body. A body that is refused unread (no or a bad length, too
        long) ends the connection after the answer: left in the socket, it would be
        read as the next request (found by a tester)."""
        before, self.close_connection = self.close_connection, True
        body = self._read_body()
        self.close_connection = before
        return body

    def _read_body(self) -> bytes:
        length = self.headers.get("Content-Length")
        if length is None:
            if self.headers.get("Transfer-Encoding"):
                raise HttpError(411, "send the request body with a Content-Length")
            return b""
        try:
            n = int(length)
        except ValueError:
            raise HttpError(400, "bad Content-Length") from None
        if n < 0:
            raise HttpError(400, "bad Content-Length")
        if n > MAX_BODY:
            raise HttpError(413, f"the request body is over {MAX_BODY} bytes")
        try:
            body = self.rfile.read(n)
        except TimeoutError:  # a client that sent part of its body, or none, and waits
            raise HttpError(408, f"the request body did not come within {self.timeout:g} s") from None
        if len(body) < n:
            raise ConnectionAbortedError("the client closed the connection before sending the whole body")
        return body

    def _path_params(self) -> dict[str, list[str]]:
        parts = urlsplit(self.path)
        if parts.path.rstrip("/") != PATH:
            raise HttpError(404, f"not found: the SPARQL endpoint is {PATH}")
        return parse_qs(parts.query, keep_blank_values=True)

    # ------------------------------------------------------------- methods
    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        self._handle(lambda: self._path_params())

    do_HEAD = do_GET

    def do_POST(self) -> None:  # noqa: N802
        def params() -> dict[str, list[str]]:
            found = self._path_params()
            body = self._body()
            media = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            if media == "application/sparql-query":
                try:
                    found.setdefault("query", []).append(body.decode("utf-8"))
                except UnicodeDecodeError:
                    raise HttpError(400, "the query is not UTF-8") from None
            elif media == "application/x-www-form-urlencoded":
                try:
                    form = parse_qs(body.decode("utf-8"), keep_blank_values=True, strict_parsing=False)
                except UnicodeDecodeError:
                    raise HttpError(400, "the form is not UTF-8") from None
                for key, values in form.items():
                    found.setdefault(key, []).extend(values)
            elif media == "application/sparql-update":
                raise HttpError(400, "this endpoint is read-only: SPARQL updates are refused")
            else:
                raise HttpError(415, "POST the query as application/sparql-query or as a form "
                                     "(application/x-www-form-urlencoded, query=...)")
            return found

        self._handle(params)

    def do_OPTIONS(self) -> None:  # noqa: N802 (CORS preflight)
        self.send_response(204)
        self.send_header("Allow", "GET, HEAD, POST, OPTIONS")
        if self.server.cors:
            self.send_header("Access-Control-Allow-Origin", self.server.cors)
            self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
            self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
            self.send_header("Access-Control-Max-Age", "600")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _handle(self, get_params) -> None:
        try:
            params = get_params()
            self._request_read()
            status, body, content_type = self._answer(params)
        except HttpError as exc:
            self._error(exc.status, exc.message)
            return
        except ConnectionError:  # the client went away: handle() says so
            raise
        except Exception as exc:  # a bug: say so, keep serving
            from kg.logs import logger

            logger().error(f"kg serve: internal error: {exc!r}")
            self._error(500, f"internal error: {exc!r}")
            return
        self._send(status, body, content_type)

    def _answer(self, params: dict[str, list[str]]) -> tuple[int, bytes, str]:
        from kg.sparql import QueryError, QueryRefused, QueryTimeout, prepare, query_form
        from kg.store import StoreError, query_store_serialized

        if "update" in params:
            raise HttpError(400, "this endpoint is read-only: SPARQL updates are refused")
        if "default-graph-uri" in params or "named-graph-uri" in params:
            raise HttpError(400, "this endpoint is read-only and local: default-graph-uri and named-graph-uri "
                                 "(a dataset other than the graph) are refused")
        queries = params.get("query", [])
        if len(queries) != 1 or not queries[0].strip():
            raise HttpError(400, f"give exactly one SPARQL query: GET {PATH}?query=... or POST it")
        formats = params.get("format", [])
        fmt = formats[-1] if formats else None
        result_format, graph_format = choose_formats(fmt, self.headers.get("Accept"))
        try:
            query = prepare(queries[0])  # refusals and syntax errors answered at once, without a worker
        except QueryRefused as exc:
            raise HttpError(400, str(exc).replace("kg query is", "this endpoint (kg serve) is", 1)) from None
        except QueryError as exc:
            raise HttpError(400, str(exc)) from None
        check_format(fmt, (result_format, graph_format), query_form(query))
        timeout = self.server.query_timeout
        if not self.server.slots.acquire(timeout=timeout or None):
            raise HttpError(503, "busy: every query worker is in use; try again")
        try:
            body, content_type = query_store_serialized(self.server.store_dir, queries[0], result_format or "json",
                                                        graph_format or "turtle", timeout=timeout)
        except QueryRefused as exc:
            raise HttpError(400, str(exc).replace("kg query is", "this endpoint (kg serve) is", 1)) from None
        except QueryTimeout as exc:
            raise HttpError(503, str(exc).replace(" (raise --timeout, or add LIMIT)", "; add LIMIT or ask "
                                                  "whoever runs kg serve to raise --timeout")) from None
        except StoreError as exc:
            raise HttpError(500, f"the store cannot be read: {exc}") from None
        except QueryError as exc:  # syntax errors, evaluation errors
            raise HttpError(400, str(exc)) from None
        finally:
            self.server.slots.release()
        return 200, body, content_type


def make_server(out_dir: str | os.PathLike, host: str = "127.0.0.1", port: int = DEFAULT_PORT,
                timeout: float | None = DEFAULT_TIMEOUT, cors: str | None = None,
                slots: int | None = None, err: TextIO | None = None,
                io_timeout: float = IO_TIMEOUT, request_deadline: float = REQUEST_DEADLINE) -> SparqlServer:
    """A server for the store of ``out_dir`` (a build output folder or its graph.ttl),
    bound but not yet serving (call ``serve_forever``).

    Without a current store (none written, or one that does not match graph.ttl:
    a build stopped before it swapped the new store in) the graph file is loaded
    into a temporary store, removed by ``server_close``, so the answers are
    graph.ttl's and every query still runs in a worker stopped at its deadline;
    a line on ``err`` says so. ``io_timeout``: how long a connection may stay silent
    (:data:`IO_TIMEOUT`); ``request_deadline``: how long a whole request may take to
    come (:data:`REQUEST_DEADLINE`). ValueError when there is neither a store nor a readable
    graph file; OSError when the address cannot be bound."""
    from kg.store import STORE_NAME, StoreError, locate, write_store

    path = Path(out_dir)
    if not path.exists():
        raise ValueError(f"{path}: no such folder")
    store, graph_ttl, note = locate(path)
    if store is None and not (graph_ttl and graph_ttl.is_file()):
        if (path / STORE_NAME).is_dir():  # a store is served only with the graph.ttl it was loaded from
            raise ValueError(f"{path}: no graph.ttl here, beside its {STORE_NAME}/ (a store is served only with "
                             "the graph.ttl it was loaded from): run kg build to write them again")
        raise ValueError(f"{path}: no Oxigraph store (OUT/store/) and no graph.ttl here: run kg build to write them")
    server = SparqlServer((host, port), store, timeout or None, cors, slots or max(2, os.cpu_count() or 2),
                          io_timeout, request_deadline)
    if store is not None:
        return server
    if err is not None:
        print(shown(f"kg serve: {note or 'no Oxigraph store (OUT/store/) for ' + str(graph_ttl)}; loading {graph_ttl} "
                    "into a temporary store (removed when kg serve stops)"), file=err, flush=True)
    server.graph_ttl = graph_ttl
    try:
        server.temporary = Path(tempfile.mkdtemp(prefix="kg-serve-"))
        server.store_dir = write_store(graph_ttl, server.temporary / STORE_NAME)
    except StoreError as exc:  # not readable Turtle, pyoxigraph missing
        server.server_close()
        raise ValueError(str(exc)) from None
    except OSError as exc:  # disk full
        server.server_close()
        raise ValueError(f"cannot load {graph_ttl} into a temporary store: {exc.strerror or exc}") from None
    except BaseException:
        server.server_close()
        raise
    return server


def _is_loopback(host: str) -> bool:
    import ipaddress

    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def run_serve(out_dir: str, host: str = "127.0.0.1", port: int = DEFAULT_PORT,
              timeout: float | None = DEFAULT_TIMEOUT, cors: str | None = None, err: TextIO | None = None) -> int:
    """``kg serve``: serve until Ctrl-C or SIGTERM (exit 130). Exit 2 when there is
    nothing to serve or the address cannot be bound."""
    import signal

    from kg import exitcodes

    err = err or sys.stderr
    if timeout is not None and timeout < 0:
        print("kg serve: --timeout must not be negative", file=err)
        return exitcodes.USAGE
    if not 0 <= port <= 65535:
        print(f"kg serve: --port {port} is not a TCP port (0 to 65535)", file=err)
        return exitcodes.USAGE
    try:  # kill stops it as Ctrl-C does, so a temporary store is removed
        previous = signal.signal(signal.SIGTERM, signal.default_int_handler)
    except ValueError:  # not the main thread
        previous = None
    try:
        return _serve(out_dir, host, port, timeout, cors, err)
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _serve(out_dir: str, host: str, port: int, timeout: float | None, cors: str | None, err: TextIO) -> int:
    from kg import exitcodes

    try:
        server = make_server(out_dir, host, port, timeout, cors, err=err)
    except ValueError as exc:
        print(shown(f"kg serve: {exc}"), file=err)
        return exitcodes.USAGE
    except OSError as exc:
        print(shown(f"kg serve: cannot listen on {host}:{port}: {exc.strerror or exc}"), file=err)
        return exitcodes.USAGE
    limit = f"{timeout:g} s per query" if timeout else "no time limit"
    source = f"{server.graph_ttl} in a temporary store" if server.temporary else f"store {server.store_dir}"
    print(shown(f"kg serve: SPARQL endpoint at {server.url} ({source}; {limit}; "
                f"CORS {'for ' + cors if cors else 'off'}); Ctrl-C stops it"), file=err, flush=True)
    if not _is_loopback(host):
        print(shown(f"kg serve: listening on {host}: anyone who can reach this address can query the graph"),
              file=err, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("kg serve: stopped", file=err, flush=True)
        return exitcodes.INTERRUPTED
    finally:
        server.server_close()
    return exitcodes.OK
