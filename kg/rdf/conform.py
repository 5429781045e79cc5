"""The graph always conforms: what would violate a SHACL shape is dropped
with a logged reason, never written.

:func:`conform` validates the graph; for every violation it removes the
offending statement: the triple (focus, path, value) the result names, or,
when the result names no value (a missing required property, a node of the
wrong kind), every triple of the focus node. It repeats until the graph
conforms (a removal can leave another statement unbacked). Each removal is
returned as a readable reason for the build report. Graph-wide checks that
name no node are reported, not repaired.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rdflib import Graph

MAX_ROUNDS = 5


@dataclass
class Dropped:
    reason: str  # the violation, as kg validate words it
    triples: int  # how many triples were removed for it


def _remove_node(graph: "Graph", node) -> int:
    n = 0
    for t in list(graph.triples((node, None, None))) + list(graph.triples((None, None, node))):
        graph.remove(t)
        n += 1
    return n


def conform(graph: "Graph") -> tuple[list[Dropped], list[str]]:
    """Repair ``graph`` in place; (what was dropped, violations that could not be repaired)."""
    from rdflib import BNode, URIRef
    from rdflib.namespace import SH

    from kg.rdf.namespaces import ONTOLOGY_IRI
    from kg.rdf.validate import _describe, shacl_report

    dropped: list[Dropped] = []
    for _ in range(MAX_ROUNDS):
        conforms, report, _text, data = shacl_report(graph)
        results = [r for r in report.subjects(SH.resultSeverity, SH.Violation)]
        if conforms or not results:
            return dropped, []
        # first remove the statements the results name; drop whole nodes only
        # when no statement-level repair was possible in this round (a removed
        # statement often repairs other results of the same node too)
        unrepaired, whole = [], []
        removed = 0
        for result in sorted(results, key=str):
            _kind, line = _describe(report, data, result)
            focus = report.value(result, SH.focusNode)
            path = report.value(result, SH.resultPath)
            value = report.value(result, SH.value)
            if focus is None or focus == URIRef(ONTOLOGY_IRI):
                unrepaired.append(line)
            elif value is not None and path is not None and not isinstance(path, BNode) and (focus, path, value) in graph:
                graph.remove((focus, path, value))
                dropped.append(Dropped(line, 1))
                removed += 1
            else:
                whole.append((focus, line))
        if removed:
            continue
        for focus, line in whole:
            n = _remove_node(graph, focus)
            if n:
                dropped.append(Dropped(line + " (node dropped)", n))
            else:
                unrepaired.append(line)
        if unrepaired and len(unrepaired) == len(results):
            return dropped, sorted(set(unrepaired))
    conforms, report, _t, data = shacl_report(graph)
    rest = [] if conforms else [_describe(report, data, r)[1] for r in report.subjects(SH.resultSeverity, SH.Violation)]
    return dropped, sorted(set(rest))
