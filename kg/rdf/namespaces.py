"""Namespaces of the graph and the prefixes it is written and queried with.

The first five prefixes are the graph contract's (``../shared/spec/graph-contract.md``);
the rest are the standard vocabularies the ontology reuses.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # rdflib stays out of import time
    from rdflib import Graph

KG = "https://w3id.org/zhkg/ontology#"
ONTOLOGY_IRI = "https://w3id.org/zhkg/ontology"
#: base of every instance IRI (entities, articles and their events, positions ...)
ID = "https://w3id.org/zhkg/id/"

PREFIXES: dict[str, str] = {
    "kg": KG,
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "prov": "http://www.w3.org/ns/prov#",
    "schema": "https://schema.org/",
    "sh": "http://www.w3.org/ns/shacl#",
}


def new_graph() -> "Graph":
    """An empty graph bound to exactly our prefixes (none of rdflib's defaults)."""
    from rdflib import Graph

    graph = Graph(bind_namespaces="none")
    bind_prefixes(graph)
    return graph


def bind_prefixes(graph: "Graph") -> "Graph":
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, iri, override=True, replace=True)
    return graph


#: prefixes for showing IRIs to people (tables, messages); ``id:`` is display-only
DISPLAY_PREFIXES: dict[str, str] = {**PREFIXES, "id": ID}


def shorten(iri: str) -> str:
    """``kg:Company``, ``id:person/陈向平``; ``<iri>`` when no prefix fits."""
    best = max((p for p, ns in DISPLAY_PREFIXES.items() if iri.startswith(ns)),
               key=lambda p: len(DISPLAY_PREFIXES[p]), default=None)
    if best is None:
        return f"<{iri}>"
    return f"{best}:{iri[len(DISPLAY_PREFIXES[best]):]}"
