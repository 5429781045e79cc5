"""The graph always conforms: what would violate a SHACL shape is dropped
with a logged reason, never written.

:func:`conform` validates a graph with pySHACL (``ontology/shapes.ttl``) and,
for every violation, removes the statement the result names:

- a result with a value on a property path: the statement
  ``(focus, path, value)`` (``(value, path, focus)`` for an inverse path);
- a too-many count (``sh:maxCount``, ``sh:qualifiedMaxCount``): every
  statement of the focus on that path;
- a node shape that reaches its focus through ``sh:targetSubjectsOf`` /
  ``sh:targetObjectsOf`` (``the subject of kg:visited must be a kg:Person``):
  the statements that made the node a target;
- a graph-wide SPARQL check (targeting the ontology node): the shape's
  SELECT is run again and each solution names the statement(s) between its
  ``?value`` and its other nodes (``?object`` along ``?path``, ``?party``);
  a solution naming only ``?value`` (an assertion whose triple is gone)
  drops that node;
- anything else (a missing required property, a node of the wrong kind):
  the focus node, that is every statement it is the subject or the object of.
  Whole nodes are dropped only in a round where no single statement could be
  (a removed statement often repairs the other results of its node too).

It repeats until the graph conforms: a removal can leave another statement
unbacked (an assertion whose shortcut triple was dropped, a position without
its holder), and the next round removes that. Each removal is returned as a
:class:`Dropped` (the statements, the shape, the constraint component and the
message) for the build report. The result is the same whatever the order of
the triples or of pySHACL's results.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rdflib import Graph

MAX_ROUNDS = 12
#: characters of a literal shown in a dropped statement (evidence sentences are long)
LITERAL_SHOWN = 40
SHAPES_NS = "https://w3id.org/zhkg/shapes#"
_MAX_COUNTS = ("MaxCountConstraintComponent", "QualifiedMaxCountConstraintComponent")


@dataclass
class Dropped:
    """Statements removed for one SHACL result."""

    reason: str  #: the violation, as ``kg validate`` words it
    statements: list[tuple] = field(default_factory=list)  #: the removed triples (rdflib terms), sorted
    shape: str = ""  #: the shape, e.g. ``kgsh:PositionShape (kg:positionIn)``
    constraint: str = ""  #: the constraint component, e.g. ``sh:OrConstraintComponent``
    message: str = ""  #: the shape's message

    @property
    def triples(self) -> int:
        return len(self.statements)


def short_term(term) -> str:
    """A term for people: ``kg:positionIn``, ``id:person/…``, ``'text'@zh``, ``kgsh:PositionShape``."""
    from rdflib import Literal, URIRef

    from kg.rdf.namespaces import shorten

    if isinstance(term, URIRef):
        text = str(term)
        return "kgsh:" + text[len(SHAPES_NS):] if text.startswith(SHAPES_NS) else shorten(text)
    if isinstance(term, Literal):
        value = str(term)
        value = value if len(value) <= LITERAL_SHOWN else value[:LITERAL_SHOWN] + "…"
        text = repr(value) + (f"@{term.language}" if term.language else "")
        if term.datatype is not None:
            text += "^^" + short_term(term.datatype)
        return text
    return str(term)


def statement_text(triple) -> str:
    """``s p o`` in short form."""
    return " ".join(short_term(t) for t in triple)


def _term_key(term) -> tuple:
    return (type(term).__name__, str(term), str(getattr(term, "language", "") or ""), str(getattr(term, "datatype", "") or ""))


def triple_key(triple) -> tuple:
    return tuple(_term_key(t) for t in triple)


def _node_statements(graph: "Graph", node) -> set:
    return set(graph.triples((node, None, None))) | set(graph.triples((None, None, node)))


def _inverse(report: "Graph", shapes: "Graph", path):
    """The property of an ``sh:inversePath`` path node (None if it is another kind of path)."""
    from rdflib import URIRef
    from rdflib.namespace import SH

    for g in (report, shapes):
        inner = g.value(path, SH.inversePath)
        if isinstance(inner, URIRef):
            return inner
    return None


def _path_text(shapes: "Graph", path) -> str:
    from rdflib import BNode

    if path is None:
        return ""
    if isinstance(path, BNode):
        inner = _inverse(shapes, shapes, path)
        return "^" + short_term(inner) if inner is not None else "(path)"
    return short_term(path)


def _shape_name(shapes: "Graph", shape) -> str:
    """A shape's name: its IRI, or (a blank property shape) the named shape that holds it and its path."""
    from rdflib import BNode
    from rdflib.namespace import SH

    if shape is None:
        return ""
    if not isinstance(shape, BNode):
        return short_term(shape)
    path = _path_text(shapes, shapes.value(shape, SH.path))
    owners = sorted((s for s in shapes.subjects(SH.property, shape) if not isinstance(s, BNode)), key=str)
    owner = short_term(owners[0]) if owners else "a nested shape"
    return f"{owner} ({path})" if path else owner


def _sparql_rows(data: "Graph", shapes: "Graph", shape, focus) -> list[dict]:
    """The solutions of ``shape``'s SPARQL SELECT constraints on ``data`` for ``focus``."""
    from rdflib import Variable
    from rdflib.namespace import SH

    rows: list[dict] = []
    for constraint in shapes.objects(shape, SH.sparql):
        select = shapes.value(constraint, SH.select)
        if select is None:
            continue
        prefixes = {}
        for owner in shapes.objects(constraint, SH.prefixes):
            for decl in shapes.objects(owner, SH.declare):
                prefix, ns = shapes.value(decl, SH.prefix), shapes.value(decl, SH.namespace)
                if prefix is not None and ns is not None:
                    prefixes[str(prefix)] = str(ns)
        for row in data.query(str(select), initNs=prefixes, initBindings={Variable("this"): focus}):
            rows.append({str(k): v for k, v in row.asdict().items()})
    return rows


def _graph_wide(graph: "Graph", data: "Graph", shapes: "Graph", shape, focus, value, path, cache: dict):
    """(statements, whole nodes) named by the solutions of a graph-wide check that match ``value``/``path``."""
    from rdflib import Literal

    key = (shape, focus)
    if key not in cache:
        cache[key] = _sparql_rows(data, shapes, shape, focus)
    statements, nodes = set(), set()
    for row in cache[key]:
        if value is not None and row.get("value") != value:
            continue
        if path is not None and row.get("path") not in (None, path):
            continue
        v, p = row.get("value"), row.get("path")
        others = [t for k, t in sorted(row.items()) if k not in ("this", "value", "path") and not isinstance(t, Literal)]
        if v is None:
            continue
        found = set()
        for o in others:
            if p is not None:
                found |= {t for t in graph.triples((v, p, o))}
            else:
                found |= set(graph.triples((v, None, o))) | set(graph.triples((o, None, v)))
        if found:
            statements |= found
        elif not others:
            nodes.add(v)
    return statements, nodes


def _plan(graph: "Graph", data: "Graph", shapes: "Graph", report: "Graph", result, cache: dict):
    """What to remove for one result: (tier, statements, whole nodes, unrepairable). A round
    removes only the plans of the lowest tier it has: 0 the statements a result names,
    1 every value of a property with too many, 2 whole nodes."""
    from rdflib import BNode, URIRef
    from rdflib.namespace import SH

    from kg.rdf.namespaces import ONTOLOGY_IRI

    focus = report.value(result, SH.focusNode)
    path = report.value(result, SH.resultPath)
    value = report.value(result, SH.value)
    shape = report.value(result, SH.sourceShape)
    component = str(report.value(result, SH.sourceConstraintComponent) or "").rsplit("#", 1)[-1]
    if focus is None:
        return 0, set(), set(), True
    if focus == URIRef(ONTOLOGY_IRI) or component == "SPARQLConstraintComponent":
        statements, nodes = _graph_wide(graph, data, shapes, shape, focus, value,
                                        path if isinstance(path, URIRef) else None, cache)
        return (0 if statements else 2), statements, nodes, not (statements or nodes)
    if path is not None:
        inverse = _inverse(report, shapes, path) if isinstance(path, BNode) else None
        if isinstance(path, BNode) and inverse is None:
            return 2, set(), {focus}, False
        if value is not None and component not in _MAX_COUNTS:
            triple = (value, inverse, focus) if inverse is not None else (focus, path, value)
            if triple in graph:
                return 0, {triple}, set(), False
            return 2, set(), {focus}, False
        if component in _MAX_COUNTS:
            found = set(graph.triples((None, inverse, focus))) if inverse is not None else set(graph.triples((focus, path, None)))
            if found:
                return 1, found, set(), False
        return 2, set(), {focus}, False
    # a node shape: drop what made the focus one of its targets, else the node
    found = set()
    for p in shapes.objects(shape, SH.targetSubjectsOf) if shape is not None else ():
        found |= set(graph.triples((focus, p, None)))
    for p in shapes.objects(shape, SH.targetObjectsOf) if shape is not None else ():
        found |= set(graph.triples((None, p, focus)))
    if found:
        return 0, found, set(), False
    return 2, set(), {focus}, False


def conform(graph: "Graph", shapes: "Graph | None" = None,
            reports: list | None = None) -> tuple[list[Dropped], list[str]]:
    """Repair ``graph`` in place; (what was dropped, violations that could not be repaired).

    ``reports``, a list, receives what :func:`kg.rdf.validate.shacl_report` returned in
    each round, in order: the first is of the graph as given, the last of the graph as
    returned (so a caller has both validations without running pySHACL again)."""
    from rdflib.namespace import SH

    from kg.rdf.ontology import load_shapes
    from kg.rdf.validate import _describe, _message, shacl_report

    shapes = shapes if shapes is not None else load_shapes()
    dropped: list[Dropped] = []
    for _ in range(MAX_ROUNDS):
        conforms, report, text, data = shacl_report(graph, shapes)
        if reports is not None:
            reports.append((conforms, report, text, data))
        if not hasattr(report, "subjects"):  # pySHACL could not run the shapes
            return dropped, [f"SHACL validation could not run: {text}"]
        results = list(report.subjects(SH.resultSeverity, SH.Violation))
        if conforms or not results:
            return dropped, []
        cache: dict = {}
        plans, unrepaired = [], []
        for result in results:
            _kind, line = _describe(report, data, result)
            tier, statements, nodes, stuck = _plan(graph, data, shapes, report, result, cache)
            if stuck:
                unrepaired.append(line)
                continue
            info = (line, _shape_name(shapes, report.value(result, SH.sourceShape)),
                    short_term(report.value(result, SH.sourceConstraintComponent)), _message(report, data, result))
            plans.append((tier, info, statements, nodes))
        plans.sort(key=lambda p: (p[0], p[1], sorted(triple_key(t) for t in p[2]), sorted(str(n) for n in p[3])))
        removed = 0
        for tier in (0, 1, 2):  # the lowest tier that removes anything
            todo = [(info, statements | set().union(*(_node_statements(graph, n) for n in sorted(nodes, key=str))))
                    for t, info, statements, nodes in plans if t == tier]
            removed = _apply(graph, dropped, todo, whole=tier == 2)
            if removed:
                break
        if not removed:
            return dropped, sorted(set(unrepaired)) or sorted({p[1][0] for p in plans})
    conforms, report, text, data = shacl_report(graph, shapes)
    if reports is not None:
        reports.append((conforms, report, text, data))
    if not hasattr(report, "subjects"):
        return dropped, [f"SHACL validation could not run: {text}"]
    rest = [] if conforms else [_describe(report, data, r)[1] for r in report.subjects(SH.resultSeverity, SH.Violation)]
    return dropped, sorted(set(rest))


def _apply(graph: "Graph", dropped: list[Dropped], plans, whole: bool = False) -> int:
    """Remove each plan's statements (a statement once, under the first reason that names it)."""
    removed = 0
    for (line, shape, constraint, message), statements in plans:
        gone = sorted((t for t in statements if t in graph), key=triple_key)
        if not gone:
            continue
        for t in gone:
            graph.remove(t)
        removed += len(gone)
        dropped.append(Dropped(line + (" (node dropped)" if whole else ""), gone, shape, constraint, message))
    return removed
