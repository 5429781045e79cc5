"""The SPARQL kg answers: parsed with our prefixes pre-bound, read-only and
local (updates, SERVICE and FROM refused before anything runs), bounded in
time, and the shape of an answer. Shared by ``kg query`` (:mod:`kg.query`),
the Oxigraph store (:mod:`kg.store`) and the endpoint (:mod:`kg.serve`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.rdf.namespaces import PREFIXES


class QueryError(ValueError):
    pass


class QueryRefused(QueryError):
    """The query asks for something ``kg query`` never does (update, network access)."""


class QueryTimeout(QueryError):
    pass


#: the default ``--timeout`` in seconds
DEFAULT_TIMEOUT = 60.0
READ_ONLY = ("kg query is read-only and local: it answers SELECT, ASK, CONSTRUCT and DESCRIBE over the "
             "graph file only")


def _is_update(text: str) -> bool:
    from rdflib.plugins.sparql.parser import parseUpdate

    try:
        parseUpdate(text)
    except Exception:
        return False
    return True


def _node_names(node) -> set[str]:
    from rdflib.plugins.sparql.parserutils import CompValue

    names: set[str] = set()
    stack = [node]
    while stack:
        n = stack.pop()
        if isinstance(n, CompValue):
            names.add(n.name)
            stack.extend(n.values())
        elif isinstance(n, (list, tuple)):
            stack.extend(n)
    return names


def prepare(text: str):
    """Parse ``text`` with our prefixes pre-bound; QueryError on a syntax error,
    QueryRefused for an update (INSERT, DELETE, LOAD, CLEAR, ...), a SERVICE
    clause or FROM / FROM NAMED (each would change data or fetch from the network)."""
    from rdflib.plugins.sparql import prepareQuery

    try:
        query = prepareQuery(text, initNs=PREFIXES)
    except Exception as exc:  # pyparsing.ParseException and friends
        if _is_update(text):
            raise QueryRefused(f"{READ_ONLY}: updates (INSERT, DELETE, LOAD, CLEAR, CREATE, DROP, ...) are refused") from None
        raise QueryError(f"SPARQL syntax error: {exc}") from exc
    names = _node_names(query.algebra)
    if "ServiceGraphPattern" in names:
        raise QueryRefused(f"{READ_ONLY}: SERVICE (a query sent to another endpoint) is refused")
    if query.algebra.get("datasetClause"):
        raise QueryRefused(f"{READ_ONLY}: FROM / FROM NAMED (loading another graph) is refused")
    return query


#: the algebra's name of a prepared query -> its form
QUERY_FORMS = {"SelectQuery": "SELECT", "AskQuery": "ASK", "ConstructQuery": "CONSTRUCT", "DescribeQuery": "DESCRIBE"}


def query_form(query) -> str:
    """SELECT, ASK, CONSTRUCT or DESCRIBE: the form of a query :func:`prepare` returned."""
    return QUERY_FORMS.get(query.algebra.name, query.algebra.name)


class _Deadline:
    """Raise QueryTimeout in the main thread after ``seconds`` (POSIX interval
    timer); elsewhere, or for 0/None, no limit."""

    def __init__(self, seconds: float | None):
        self.seconds = seconds
        self._old = None

    def __enter__(self):
        import signal
        import threading

        if not self.seconds or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
            self.seconds = None
            return self

        def expire(signum, frame):
            raise QueryTimeout(f"the query ran past {self.seconds:g} s and was stopped (raise --timeout, or add LIMIT)")

        self._old = signal.signal(signal.SIGALRM, expire)
        signal.setitimer(signal.ITIMER_REAL, self.seconds)
        return self

    def __exit__(self, *exc):
        import signal

        if self.seconds:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self._old)
        return False


@dataclass
class QueryAnswer:
    """A query's answer, fully evaluated (rdflib evaluates lazily)."""

    kind: str  # "SELECT", "ASK", "CONSTRUCT" or "DESCRIBE"
    variables: list[str] = field(default_factory=list)
    rows: list[list] = field(default_factory=list)
    boolean: bool | None = None
    graph: object = None
