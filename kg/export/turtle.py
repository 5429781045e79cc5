"""Deterministic Turtle: the same graph always gives the same bytes.

rdflib's Turtle serializer sorts predicates and objects; we also fix the
order of subjects, in readable groups: the ontology, then the entities, then
each article followed by its agreements, assertions, events and positions
(indexes in numeric order). With no blank nodes (kg.rdf.mapping mints an IRI
for every node) and a fixed prefix set (the contract's, plus the standard
vocabularies we reuse) the output is byte-identical for equal graphs. The
file is written atomically.
"""

from __future__ import annotations

import io
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

from kg.export.atomic import write_atomic

if TYPE_CHECKING:
    from rdflib import Graph


def _subject_key(subject) -> tuple:
    from kg.rdf.namespaces import ID, KG, ONTOLOGY_IRI

    iri = str(subject)
    if iri == ONTOLOGY_IRI:
        group = 0
    elif iri.startswith(KG):
        group = 1
    elif iri.startswith(ID + "article/"):
        group = 3
    elif iri.startswith(ID):
        group = 2
    else:
        group = 4
    # natural order: .../event/2 before .../event/10
    parts = tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in re.split(r"(\d+)", iri) if p)
    return (group, parts)


def _serializer_class():
    from rdflib.plugins.serializers.turtle import TurtleSerializer

    class SortedTurtleSerializer(TurtleSerializer):
        """Turtle with subjects in :func:`_subject_key` order."""

        def orderSubjects(self):  # noqa: N802 (rdflib's name)
            return sorted(self._subjects, key=_subject_key)

    return SortedTurtleSerializer


def to_turtle(graph: "Graph") -> str:
    """The graph as Turtle text with the project's prefixes (only those in use are written)."""
    from rdflib import BNode

    from kg.rdf.namespaces import new_graph

    if any(isinstance(term, BNode) for triple in graph for term in triple):
        raise ValueError("graph has blank nodes: its Turtle would not be deterministic")
    clean = new_graph()  # our prefixes only, whatever the input graph had bound
    for triple in graph:
        clean.add(triple)
    buffer = io.BytesIO()
    _serializer_class()(clean).serialize(buffer, encoding="utf-8")
    return buffer.getvalue().decode("utf-8")


def write_turtle(graph: "Graph", path: str | os.PathLike) -> Path:
    """Write ``graph`` to ``path`` as deterministic Turtle, atomically."""
    return write_atomic(path, to_turtle(graph))
