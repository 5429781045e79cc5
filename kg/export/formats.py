"""``kg export``: a graph in formats other tools read (JSON-LD, GraphML, GEXF, CSV).

* JSON-LD: the whole RDF graph, through rdflib's JSON-LD converter, with an
  ``@context`` made of the project's prefixes (:data:`kg.rdf.namespaces.PREFIXES`)
  and one term per class and property of the ontology (``"@type": "Person"``,
  ``"visited": ...``). Every literal keeps its lexical form and datatype (no
  native JSON numbers), so the file reads back to an isomorphic graph. Nodes
  and multi-valued properties are sorted: the same graph gives the same bytes.
* GraphML (Cytoscape, Gephi) and GEXF (Gephi): the entity layer from
  :func:`kg.analytics.to_networkx`: persons, organizations, places and agreements
  as nodes (``label``, ``type`` = most specific class, ``kind``, ``aliases``
  joined with ``|``), the shortcut relations of :data:`EDGE_RELATIONS` as edges
  (``relation`` = the property's local name, ``evidence`` = the number of
  sentences backing the edge). Every attribute is a string or an integer.
* CSV: the same entity layer as ``nodes.csv`` (id, label, type, aliases) and
  ``edges.csv`` (source, target, relation), plain UTF-8 with a header row.

Every file is written atomically. rdflib and networkx are imported inside the
functions (``kg --help`` stays instant).
"""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from kg.export.atomic import write_atomic

if TYPE_CHECKING:  # pragma: no cover
    import networkx
    import rdflib

FORMATS: tuple[str, ...] = ("jsonld", "graphml", "gexf", "csv")

#: default output file names, next to the graph (csv: two files in one folder)
DEFAULT_NAMES: dict[str, str] = {"jsonld": "graph.jsonld", "graphml": "graph.graphml", "gexf": "graph.gexf"}
CSV_NODES = "nodes.csv"
CSV_EDGES = "edges.csv"
NODE_COLUMNS: tuple[str, ...] = ("id", "label", "type", "aliases")
EDGE_COLUMNS: tuple[str, ...] = ("source", "target", "relation")

#: the shortcut relations exported as edges (``holdsPosition`` goes through a
#: kg:Position node and is left out)
EDGE_RELATIONS: tuple[str, ...] = (
    "visited",
    "metWith",
    "accompanied",
    "affiliatedWith",
    "partOf",
    "locatedIn",
    "signed",
    "party",
    "witnessed",
)
#: relations backed by the kg:Agreement node itself rather than by kg:Assertion nodes
AGREEMENT_RELATIONS: frozenset[str] = frozenset({"signed", "party", "witnessed"})
ALIAS_SEPARATOR = "|"

_OWL = "http://www.w3.org/2002/07/owl#"
_DECLARATIONS = (_OWL + "Class", _OWL + "ObjectProperty", _OWL + "DatatypeProperty", _OWL + "AnnotationProperty")


class ExportError(Exception):
    """Bad input for an export; the message is one line."""


# --------------------------------------------------------------------- JSON-LD
def jsonld_context() -> dict[str, str]:
    """The ``@context``: every prefix of PREFIXES, and a term per kg class and property of the ontology."""
    from rdflib import RDF, URIRef

    from kg.analytics import local_name
    from kg.rdf.namespaces import KG, PREFIXES
    from kg.rdf.ontology import load_ontology

    context = dict(PREFIXES)
    ontology = load_ontology()
    terms: dict[str, str] = {}
    for declaration in _DECLARATIONS:
        for subject in ontology.subjects(RDF.type, URIRef(declaration)):
            iri = str(subject)
            name = local_name(iri)
            if iri == KG + name and name and name not in context and not name.startswith("@") and ":" not in name:
                terms[name] = iri
    context.update(sorted(terms.items()))
    return context


def _json_key(value: object) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def _sorted_json(value: object, ordered: bool = False) -> object:
    """Arrays sorted (JSON-LD arrays are sets), except the members of an ``@list``."""
    if isinstance(value, dict):
        return {key: _sorted_json(item, ordered=(key == "@list")) for key, item in value.items()}
    if isinstance(value, list):
        items = [_sorted_json(item) for item in value]
        return items if ordered else sorted(items, key=_json_key)
    return value


def to_jsonld(graph: "rdflib.Graph") -> str:
    """The whole graph as JSON-LD text (deterministic; reads back isomorphic)."""
    from rdflib.plugins.serializers.jsonld import Converter
    from rdflib.plugins.shared.jsonld.context import Context

    context_data = jsonld_context()
    converter = Converter(Context(context_data), use_native_types=False, use_rdf_type=False)
    # rdflib switches native JSON numbers and booleans on whenever a context is
    # given; they would change lexical forms ("01"^^xsd:integer) and drop
    # ^^xsd:string, so the graph would not read back isomorphic.
    converter.use_native_types = False
    body = converter.convert(graph)
    if isinstance(body, list):
        body = {"@graph": body}
    document = {"@context": context_data, **_sorted_json(body)}
    return json.dumps(document, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def write_jsonld(graph: "rdflib.Graph", path: str | os.PathLike) -> Path:
    return write_atomic(path, to_jsonld(graph))


# ----------------------------------------------------------- the entity graph
def _evidence_counts(graph: "rdflib.Graph") -> dict[tuple[str, str, str], int]:
    """(subject, relation, object) -> number of kg:Assertion nodes stating it (metWith: either direction)."""
    from rdflib import URIRef

    from kg.analytics import SYMMETRIC, local_name
    from kg.rdf.namespaces import KG

    subject_p, object_p = URIRef(KG + "subject"), URIRef(KG + "object")
    counts: dict[tuple[str, str, str], int] = {}
    for assertion, predicate in graph.subject_objects(URIRef(KG + "predicate")):
        relation = local_name(predicate)
        for s in graph.objects(assertion, subject_p):
            for o in graph.objects(assertion, object_p):
                u, v = str(s), str(o)
                if relation in SYMMETRIC and v < u:
                    u, v = v, u
                counts[(u, relation, v)] = counts.get((u, relation, v), 0) + 1
    return counts


def entity_graph(graph: "rdflib.Graph") -> "networkx.MultiDiGraph":
    """The entity layer as a MultiDiGraph whose attributes are all strings or integers.

    Nodes (sorted by IRI): ``label``, ``type``, ``kind``, ``aliases`` (joined with
    ``|``). Edges (sorted, keyed by relation): ``relation`` and ``evidence``: the
    kg:Assertion nodes stating the triple, or for signed/party/witnessed the
    evidence sentences of the agreement.
    """
    import networkx as nx
    from rdflib import URIRef

    from kg.analytics import to_networkx
    from kg.rdf.namespaces import KG

    source = to_networkx(graph, EDGE_RELATIONS)
    counts = _evidence_counts(graph)
    evidence_p = URIRef(KG + "evidence")
    out = nx.MultiDiGraph()
    for node in sorted(source):
        data = source.nodes[node]
        out.add_node(
            node,
            label=str(data.get("label") or ""),
            type=str(data.get("type") or ""),
            kind=str(data.get("kind") or ""),
            aliases=ALIAS_SEPARATOR.join(str(a) for a in data.get("aliases", ())),
        )
    for u, v, relation in sorted(source.edges(keys=True)):
        if relation in AGREEMENT_RELATIONS:
            agreement = u if source.nodes[u].get("kind") == "Agreement" else v
            evidence = len(set(graph.objects(URIRef(agreement), evidence_p)))
        else:
            evidence = counts.get((u, relation, v), 0)
        out.add_edge(u, v, key=relation, relation=relation, evidence=evidence)
    return out


def to_graphml(graph: "rdflib.Graph") -> bytes:
    import networkx as nx

    buffer = io.BytesIO()
    nx.write_graphml(entity_graph(graph), buffer, encoding="utf-8")
    return buffer.getvalue()


def to_gexf(graph: "rdflib.Graph") -> bytes:
    import networkx as nx

    buffer = io.BytesIO()
    nx.write_gexf(entity_graph(graph), buffer, encoding="utf-8")
    return buffer.getvalue()


def write_graphml(graph: "rdflib.Graph", path: str | os.PathLike) -> Path:
    return write_atomic(path, to_graphml(graph))


def write_gexf(graph: "rdflib.Graph", path: str | os.PathLike) -> Path:
    return write_atomic(path, to_gexf(graph))


def _csv_text(header: tuple[str, ...], rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def to_csv(graph: "rdflib.Graph") -> tuple[str, str]:
    """(nodes.csv, edges.csv) texts of the entity layer."""
    g = entity_graph(graph)
    nodes = [[n, d["label"], d["type"], d["aliases"]] for n, d in g.nodes(data=True)]
    edges = [[u, v, d["relation"]] for u, v, d in g.edges(data=True)]
    return _csv_text(NODE_COLUMNS, nodes), _csv_text(EDGE_COLUMNS, edges)


def write_csv(graph: "rdflib.Graph", folder: str | os.PathLike) -> list[Path]:
    """Write ``nodes.csv`` and ``edges.csv`` into ``folder``."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, "exists and is not a folder", str(folder))
    nodes, edges = to_csv(graph)
    return [write_atomic(folder / CSV_NODES, nodes), write_atomic(folder / CSV_EDGES, edges)]


# ------------------------------------------------------------------- command
def graph_file(source: str | os.PathLike) -> Path:
    """The graph of ``source``: a ``kg build`` output folder (its graph.ttl) or a graph file."""
    path = Path(source)
    if path.is_dir():
        inside = path / "graph.ttl"
        if not inside.is_file():
            raise ExportError(f"{path}: no graph.ttl in this folder (give a kg build output folder or a graph file)")
        return inside
    return path


def default_output(graph_path: str | os.PathLike, fmt: str) -> Path:
    """Next to the graph: graph.jsonld, graph.graphml, graph.gexf; for csv, the graph's folder."""
    folder = Path(graph_path).parent
    return folder if fmt == "csv" else folder / DEFAULT_NAMES[fmt]


def export(graph: "rdflib.Graph", fmt: str, out_path: str | os.PathLike) -> list[Path]:
    """Write ``graph`` in ``fmt`` to ``out_path`` (for csv, a folder); the files written."""
    if fmt == "jsonld":
        return [write_jsonld(graph, out_path)]
    if fmt == "graphml":
        return [write_graphml(graph, out_path)]
    if fmt == "gexf":
        return [write_gexf(graph, out_path)]
    if fmt == "csv":
        return write_csv(graph, out_path)
    raise ExportError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")


def run_export(source: str | os.PathLike, fmt: str, out_path: str | os.PathLike | None = None,
               err: TextIO | None = None) -> int:
    """``kg export SOURCE --format FMT [-o OUT]``: OK, USAGE on bad input, IO_ERROR when it cannot write."""
    from kg import exitcodes
    from kg.rdf.loading import load_graph, one_line

    err = err or sys.stderr
    if fmt not in FORMATS:
        print(f"kg export: unknown format {fmt!r}; choose from {', '.join(FORMATS)}", file=err)
        return exitcodes.USAGE
    if out_path is not None and not str(out_path):  # "" read as no -o wrote next to the graph
        print("kg export: empty output (-o): name the file (for csv, the folder) to write, "
              "or leave -o out to write next to the graph", file=err)
        return exitcodes.USAGE
    try:
        path = graph_file(source)
        graph = load_graph(path)
    except (ExportError, ValueError) as exc:
        print(f"kg export: {one_line(exc)}", file=err)
        return exitcodes.USAGE
    target = Path(out_path) if out_path is not None else default_output(path, fmt)
    try:
        written = export(graph, fmt, target)
    except OSError as exc:
        print(f"kg export: cannot write {target}: {exc.strerror or one_line(exc)}", file=err)
        return exitcodes.IO_ERROR
    print(f"kg export: wrote {', '.join(str(p) for p in written)}", file=err)
    return exitcodes.OK
