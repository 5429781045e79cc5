"""The graph graph.html is computed from, as plain data (no rdflib terms).

``kg build`` used to put every statement of the graph into an rdflib graph
for the page: unpickling the articles' rdflib terms and rdflib's ``add`` were
most of the page's cost, and ``kg add`` paid it again for every article.
Here a statement is a tuple of plain values: an IRI is a ``str``, a literal a
``(lexical form, language or None, datatype IRI or None)`` tuple, so equal
statements are equal tuples exactly when rdflib's terms are equal. The build
keeps each article's statements in this form in its cache
(``OUT/cache/page/<key>.pkl``, marshal), next to its rendered block, with the
evidence they give the article's entities (:func:`kg.analytics.article_evidence`,
computed where the article is rendered: the page merges these shares instead of
searching the whole graph for evidence).

:class:`PageGraph` indexes them as rdflib's ``SimpleMemory`` store does
(subject -> predicate -> objects and predicate -> object -> subjects, in
insertion order) and offers the reading methods of ``kg.analytics``'s view of
an rdflib graph (``iri``, ``text``, ``objects``, ``subject_objects`` ...), so
:func:`kg.analytics.to_networkx` and :func:`kg.analytics.entity_details` read
it as they read rdflib: the same nodes, edges (in the same order) and details,
so the same page (``tests/export/test_page_graph.py`` compares them).
"""

from __future__ import annotations

import marshal
from collections.abc import Iterable
from functools import lru_cache

#: bump when the plain form changes
PAGE_FORMAT = 4  # 2: with the article's evidence; 3: only the statements the page reads; 4: and types of entities only


def plain(term):
    """An rdflib term as a plain value (IRI: str; literal: (lexical, language, datatype))."""
    literal, bnode = _term_classes()
    if isinstance(term, literal):
        return (str(term), term.language, None if term.datatype is None else str(term.datatype))
    if isinstance(term, bnode):
        raise ValueError("graph has blank nodes: the page's plain graph has no form for them")
    return str(term)


@lru_cache(maxsize=1)
def _term_classes() -> tuple[type, type]:
    """rdflib's (Literal, BNode), imported on first use (once, not per term)."""
    from rdflib import BNode, Literal

    return Literal, BNode


def plain_triples(triples: Iterable[tuple]) -> list[tuple]:
    return [(plain(s), plain(p), plain(o)) for s, p, o in triples]


def encode_page(triples: list[tuple], evidence: dict) -> bytes:
    """An article's page block: ``triples``, the statements of the article the page reads
    (:func:`kg.build.page.page_statements`), and the evidence all its statements give
    its entities (:func:`kg.analytics.article_evidence`)."""
    return marshal.dumps((PAGE_FORMAT, triples, evidence))


def decode_page(data: bytes) -> tuple[list[tuple], dict]:
    """(statements, evidence) of a page block (ValueError: not a block of this format)."""
    fmt, triples, evidence = marshal.loads(data)
    if fmt != PAGE_FORMAT or not isinstance(triples, list) or not isinstance(evidence, dict):
        raise ValueError("not a page block of this format")
    return triples, evidence


def _text(term) -> str:
    """``str(term)`` of the rdflib term."""
    return term if isinstance(term, str) else term[0]


def _language(term):
    return None if isinstance(term, str) else term[1]


_EMPTY: dict = {}


class PageGraph:
    """Statements as plain tuples, indexed as rdflib's SimpleMemory store indexes them."""

    def __init__(self) -> None:
        self.spo: dict = {}
        self.pos: dict = {}

    def add_all(self, triples: Iterable[tuple]) -> None:
        spo, pos = self.spo, self.pos
        for s, p, o in triples:
            po = spo.get(s)
            if po is None:
                po = spo[s] = {}
            objects = po.get(p)
            if objects is None:
                objects = po[p] = {}
            objects[o] = None
            os_ = pos.get(p)
            if os_ is None:
                os_ = pos[p] = {}
            subjects = os_.get(o)
            if subjects is None:
                subjects = os_[o] = {}
            subjects[s] = None

    def add(self, s, p, o) -> None:
        self.add_all(((s, p, o),))

    def remove(self, s, p, o) -> None:
        """As SimpleMemory removes: the statement goes, the index keys stay (and keep their order)."""
        try:
            del self.spo[s][p][o]
            del self.pos[p][o][s]
        except KeyError:
            pass

    def __contains__(self, triple) -> bool:
        s, p, o = triple
        return o in self.spo.get(s, _EMPTY).get(p, _EMPTY)

    def objects(self, s, p):
        return self.spo.get(s, _EMPTY).get(p, _EMPTY).keys()

    def subject_objects(self, p):
        for o, subjects in self.pos.get(p, _EMPTY).items():
            for s in subjects:
                yield s, o

    def triples(self):
        for s, po in self.spo.items():
            for p, objects in po.items():
                for o in objects:
                    yield s, p, o

    # ------------------------------------------------- what kg.analytics reads (its _RdflibView's methods)
    @staticmethod
    def iri(name: str) -> str:
        return name

    @staticmethod
    def is_iri(term) -> bool:
        return isinstance(term, str)

    text = staticmethod(_text)
    language = staticmethod(_language)

    def predicate_objects(self, s):
        for p, objects in self.spo.get(s, _EMPTY).items():
            for o in objects:
                yield p, o


def from_rdflib(graph) -> PageGraph:
    """A PageGraph of an rdflib graph's statements (in its iteration order)."""
    page = PageGraph()
    page.add_all(plain_triples(graph))
    return page
