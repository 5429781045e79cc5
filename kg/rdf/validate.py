"""SHACL validation of a graph against ontology/shapes.ttl (``kg validate``).

The ontology is merged into the data graph (when the graph does not carry it
already) so that ``sh:targetClass kg:Organization`` also reaches
``kg:Company`` nodes through ``rdfs:subClassOf``. No RDFS/OWL inference is run:
the graph is checked as written, which is how SPARQL users see it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from rdflib import Graph


@dataclass
class ValidationResult:
    conforms: bool
    #: one readable line per sh:Violation, sorted
    violations: list[str] = field(default_factory=list)
    #: pySHACL's full report text
    text: str = ""
    #: one line per sh:Warning / sh:Info result (they do not break conformance)
    warnings: list[str] = field(default_factory=list)


def _short(graph: "Graph", node) -> str:
    from rdflib import Literal, URIRef

    from kg.rdf.namespaces import shorten

    if node is None:
        return "-"
    if isinstance(node, URIRef):
        return shorten(str(node))
    if isinstance(node, Literal):
        return repr(str(node)) + (f"@{node.language}" if node.language else "")
    return str(node)


def _expand_iris(graph: "Graph", text: str) -> str:
    """Shorten the full IRIs pySHACL writes into messages, adding labels of nodes."""
    import re

    from rdflib import RDFS, URIRef

    def repl(match: "re.Match[str]") -> str:
        node = URIRef(match.group(0))
        label = graph.value(node, RDFS.label)
        return _short(graph, node) + (f" ({label})" if label is not None else "")

    return re.sub(r"https?://[^\s<>\"{}|^`]+", repl, text)


def _describe(report: "Graph", data: "Graph", result) -> tuple[str, str]:
    from rdflib import RDFS, BNode, URIRef
    from rdflib.namespace import SH

    from kg.rdf.namespaces import ONTOLOGY_IRI, bind_prefixes

    bind_prefixes(report)
    focus = report.value(result, SH.focusNode)
    path = report.value(result, SH.resultPath)
    value = report.value(result, SH.value)
    message = report.value(result, SH.resultMessage)
    severity = report.value(result, SH.resultSeverity)
    text = str(message) if message is not None else str(report.value(result, SH.sourceConstraintComponent))
    kind = str(severity).rsplit("#", 1)[-1] if severity is not None else "Violation"
    if focus == URIRef(ONTOLOGY_IRI):  # a graph-wide check (see shapes.ttl): the message says it all
        return kind, f"graph: {_message(report, data, result)}"
    label = data.value(focus, RDFS.label) if focus is not None else None
    parts = [_short(data, focus) + (f" ({label})" if label is not None else "")]
    if path is not None and not isinstance(path, BNode):
        parts.append(_short(data, path))
    elif path is not None:
        parts.append("(inverse path)")
    line = " ".join(parts) + ": " + text
    if value is not None:
        line += f" [value {_short(data, value)}]"
    return kind, line


def _message(report: "Graph", data: "Graph", result) -> str:
    """A result's message (the shape's ``sh:message``, IRIs shortened; else its constraint component)."""
    from rdflib.namespace import SH

    message = report.value(result, SH.resultMessage)
    if message is None:
        component = report.value(result, SH.sourceConstraintComponent)
        return _short(data, component) if component is not None else ""
    return _expand_iris(data, str(message)) if "://" in str(message) else str(message)


def shacl_report(graph: "Graph", shapes: "Graph | None" = None):
    """pySHACL's (conforms, report graph, report text, data graph) for ``graph``
    with the ontology merged in (``shapes``: the project's, unless given)."""
    import pyshacl

    from kg.rdf.ontology import load_shapes, with_ontology

    data = with_ontology(graph)
    conforms, report, text = pyshacl.validate(
        data,
        shacl_graph=shapes if shapes is not None else load_shapes(),
        inference="none",
        advanced=True,
        allow_warnings=True,
        abort_on_first=False,
    )
    return conforms, report, text, data


def validate_graph(graph: "Graph") -> ValidationResult:
    """Validate ``graph`` with pySHACL against the project's shapes."""
    return report_result(*shacl_report(graph))


def report_result(conforms, report, text, data) -> ValidationResult:
    """The :class:`ValidationResult` of what :func:`shacl_report` returned."""
    from rdflib.namespace import SH

    if not hasattr(report, "subjects"):  # pySHACL could not run the shapes (a ValidationFailure)
        return ValidationResult(conforms=False, violations=[f"SHACL validation could not run: {text}"], text=str(text))
    violations, warnings = [], []
    for result in report.subjects(SH.resultSeverity, None):
        kind, line = _describe(report, data, result)
        (violations if kind == "Violation" else warnings).append(line if kind == "Violation" else f"{kind}: {line}")
    return ValidationResult(
        conforms=bool(conforms) and not violations,
        violations=sorted(set(violations)),
        text=str(text),
        warnings=sorted(set(warnings)),
    )


def run_validate(graph_path: str, out: TextIO) -> int:
    """``kg validate GRAPH``: 0 conforms, 1 violations, 2 bad input."""
    import sys

    from kg.logs import shown, shown_on_one_line
    from kg.rdf.loading import load_graph
    from kg.rdf.ontology import OntologyNotFound

    try:
        graph = load_graph(graph_path)
        result = validate_graph(graph)
    except (ValueError, OntologyNotFound) as exc:
        print(shown(f"kg validate: {exc}"), file=sys.stderr)
        return 2
    for line in result.warnings:
        print(shown_on_one_line(line), file=out)
    if result.conforms:
        print(shown(f"{graph_path}: conforms ({len(graph)} triples, {len(result.warnings)} warnings)"), file=out)
        return 0
    for line in result.violations:
        print(shown_on_one_line(line), file=out)
    print(shown(f"{graph_path}: {len(result.violations)} violations"), file=out)
    return 1
