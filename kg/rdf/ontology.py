"""Where the ontology and SHACL shapes live, and loading them.

Search order: ``$ZHKG_ONTOLOGY_DIR``; then ``kg/rdf/ontology/``, package data
found through ``importlib.resources`` (in the repository it is a link to the
top-level ``ontology/``, so there is one copy; a wheel carries the files).
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rdflib import Graph

ONTOLOGY_FILE = "kg.ttl"
SHAPES_FILE = "shapes.ttl"


class OntologyNotFound(FileNotFoundError):
    pass


def _candidates() -> list[Path]:
    from importlib import resources

    out = []
    env = os.environ.get("ZHKG_ONTOLOGY_DIR")
    if env:
        out.append(Path(env))
    out.append(Path(str(resources.files("kg.rdf").joinpath("ontology"))))
    return out


def ontology_dir() -> Path:
    for folder in _candidates():
        if (folder / ONTOLOGY_FILE).is_file() and (folder / SHAPES_FILE).is_file():
            return folder
    tried = ", ".join(str(p) for p in _candidates())
    raise OntologyNotFound(f"ontology folder with {ONTOLOGY_FILE} and {SHAPES_FILE} not found (tried {tried})")


def ontology_path() -> Path:
    return ontology_dir() / ONTOLOGY_FILE


def shapes_path() -> Path:
    return ontology_dir() / SHAPES_FILE


@lru_cache(maxsize=4)
def _parsed(path: str, mtime: float) -> "Graph":
    from kg.rdf.namespaces import new_graph

    graph = new_graph()
    graph.parse(path, format="turtle")
    return graph


def _load(path: Path) -> "Graph":
    """A fresh copy of the parsed file (callers may modify it)."""
    from kg.rdf.namespaces import new_graph

    cached = _parsed(str(path), path.stat().st_mtime)
    graph = new_graph()
    for triple in cached:
        graph.add(triple)
    return graph


def load_ontology() -> "Graph":
    return _load(ontology_path())


def load_shapes() -> "Graph":
    return _load(shapes_path())


def has_ontology(graph: "Graph") -> bool:
    """True when the ontology's triples (at least its subclass tree) are in ``graph``."""
    from rdflib import RDF, URIRef
    from rdflib.namespace import OWL

    from kg.rdf.namespaces import ONTOLOGY_IRI

    return (URIRef(ONTOLOGY_IRI), RDF.type, OWL.Ontology) in graph


def with_ontology(graph: "Graph") -> "Graph":
    """``graph`` itself when it carries the ontology, else a copy with the ontology merged in."""
    if has_ontology(graph):
        return graph
    merged = load_ontology()
    for triple in graph:
        merged.add(triple)
    return merged
