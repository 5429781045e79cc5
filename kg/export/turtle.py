"""Deterministic Turtle: the same graph always gives the same bytes.

A small writer of our own rather than rdflib's Turtle serializer: rdflib's
looks up a prefix for every IRI occurrence (over 20 s for a 300-article
graph) and orders subjects by reference counts. Here subjects come in
readable groups (the ontology, then the entities, then each article followed
by its agreements, assertions, events and positions, indexes in numeric
order), predicates with ``rdf:type`` first and then by IRI, objects sorted.
Every prefix of :data:`kg.rdf.namespaces.PREFIXES` is declared. Blank nodes
are refused: kg.rdf.mapping mints an IRI for every node, and blank node
labels would make the bytes depend on the run. The file is written atomically.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from kg.export.atomic import write_atomic

if TYPE_CHECKING:
    from rdflib import Graph

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
#: local names we write as prefixed names (a safe subset of Turtle's PN_LOCAL)
_LOCAL = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")
#: characters that cannot appear raw in an IRIREF
_IRI_ESCAPE = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_STRING_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_STRING_ESCAPE = re.compile(r'[\\"\n\r\t\b\f\x00-\x1f\x7f]')
#: in a long (triple-quoted) string, line feeds stay as they are
_LONG_ESCAPE = re.compile(r'[\\"\r\t\b\f\x00-\x09\x0b-\x1f\x7f]')
_DIGITS = re.compile(r"(\d+)")


def _subject_key(iri: str) -> tuple:
    from kg.rdf.namespaces import ID, KG, ONTOLOGY_IRI

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
    parts = tuple((0, int(p), "") if p.isdecimal() else (1, 0, p) for p in _DIGITS.split(iri) if p)
    return (group, parts)


class _Writer:
    def __init__(self, prefixes: dict[str, str]) -> None:
        # longest namespace first, so a more specific prefix wins
        self.prefixes = sorted(prefixes.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        self.cache: dict[str, str] = {}

    def iri(self, iri: str) -> str:
        out = self.cache.get(iri)
        if out is None:
            out = self._iri(iri)
            self.cache[iri] = out
        return out

    def predicate(self, iri: str) -> str:
        return "a" if iri == _RDF_TYPE else self.iri(iri)

    def _iri(self, iri: str) -> str:
        for prefix, ns in self.prefixes:
            if iri.startswith(ns) and _LOCAL.match(iri[len(ns):]):
                return f"{prefix}:{iri[len(ns):]}"
        return "<" + _IRI_ESCAPE.sub(lambda m: f"\\u{ord(m.group(0)):04X}", iri) + ">"

    def literal(self, lit) -> str:
        value = str(lit)
        if "\n" in value:  # long text (ontology comments) stays readable: """...""" with real line breaks
            body = _LONG_ESCAPE.sub(lambda m: _STRING_ESCAPES.get(m.group(0), f"\\u{ord(m.group(0)):04X}"), value)
            text = '"""' + body + '"""'
        else:
            text = '"' + _STRING_ESCAPE.sub(
                lambda m: _STRING_ESCAPES.get(m.group(0), f"\\u{ord(m.group(0)):04X}"), value
            ) + '"'
        if lit.language:
            return f"{text}@{lit.language}"
        if lit.datatype is not None and str(lit.datatype) != _XSD_STRING:
            return f"{text}^^{self.iri(str(lit.datatype))}"
        return text

    def term(self, node) -> str:
        return self.literal(node) if isinstance(node, _literal_class()) else self.iri(str(node))


@lru_cache(maxsize=1)
def _literal_class() -> type:
    """rdflib's Literal, imported on first use (once, not per term: this runs for every object)."""
    from rdflib import Literal

    return Literal


def _object_key(node) -> tuple:
    if isinstance(node, _literal_class()):
        return (1, str(node), node.language or "", str(node.datatype or ""))
    return (0, str(node), "", "")


def group_subjects(triples) -> dict[str, dict[str, list]]:
    """``{subject: {predicate: [objects]}}`` of ``triples``, refusing what has no
    deterministic Turtle (blank nodes, literal subjects)."""
    from rdflib import BNode, Literal

    subjects: dict[str, dict[str, list]] = {}
    for s, p, o in triples:
        if isinstance(s, BNode) or isinstance(o, BNode):
            raise ValueError("graph has blank nodes: its Turtle would not be deterministic")
        if isinstance(s, Literal):
            raise ValueError(f"a literal cannot be a subject: {s!r}")
        subjects.setdefault(str(s), {}).setdefault(str(p), []).append(o)
    return subjects


def new_writer() -> _Writer:
    from kg.rdf.namespaces import PREFIXES

    return _Writer(PREFIXES)


def format_subject(writer: _Writer, s: str, preds: dict) -> str:
    """One subject's Turtle: ``rdf:type`` first, then the predicates by IRI,
    each one's objects sorted."""
    parts = []
    for p in sorted(preds, key=lambda p: (p != _RDF_TYPE, p)):
        objects = sorted(set(preds[p]), key=_object_key)
        parts.append(writer.predicate(p) + " " + " ,\n        ".join(writer.term(o) for o in objects))
    return writer.iri(s) + " " + " ;\n    ".join(parts) + " ."


def format_subjects(triples, writer: _Writer | None = None) -> list[tuple[str, str]]:
    """``(subject, Turtle text)`` for each subject of ``triples``, in :func:`to_turtle`'s order."""
    subjects = group_subjects(triples)
    writer = writer or new_writer()
    return [(s, format_subject(writer, s, subjects[s])) for s in sorted(subjects, key=_subject_key)]


def to_turtle(graph: "Graph") -> str:
    """The graph as deterministic Turtle text with the project's prefixes."""
    from kg.rdf.namespaces import PREFIXES

    lines = [f"@prefix {prefix}: <{ns}> ." for prefix, ns in sorted(PREFIXES.items())]
    for _s, text in format_subjects(graph):
        lines.append("")
        lines.append(text)
    return "\n".join(lines) + "\n"


def write_turtle(graph: "Graph", path: str | os.PathLike) -> Path:
    """Write ``graph`` to ``path`` as deterministic Turtle, atomically."""
    return write_atomic(path, to_turtle(graph))
