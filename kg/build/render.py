"""One article's RDF after resolution: its triples, its Turtle block and its SHACL results.

:func:`render_article` maps one analysed Article with the resolved entities it
refers to (:class:`ArticleContext`), exactly as :func:`kg.rdf.mapping.corpus_to_graph`
maps it inside the whole corpus (the same mapper class, given one article).
It returns

- the Turtle text of every subject of the article (the article node and its
  events, positions, agreements and assertions), formatted as
  :func:`kg.export.turtle.to_turtle` formats them, in its subject order;
- the triples whose subject is an entity (``kg:holdsPosition``, ``kg:signed``,
  ``kg:witnessed``, the shortcut relations, nodes of unresolved entities):
  they belong to the entity section, which the parent assembles;
- its SHACL results (:func:`kg.rdf.validate.validate_graph` on the ontology,
  the article's triples, the referenced entities' own triples and their
  ``kg:mentionedIn`` this article).

An article whose statements would break a shape is repaired
(:func:`kg.rdf.conform.conform`): the offending statements are dropped and
recorded in :attr:`Rendered.dropped` (statement, shape, constraint, message);
an entity's own statement dropped this way (an intrinsic fault such as a bad
``kg:adminCode``, dropped alike by every article that refers to the entity) is
listed in :attr:`Rendered.dropped_entity` for the parent to remove from the
entity section. An article that conforms is rendered as before, byte for byte.

Validating article by article gives the same violations as validating the
whole graph: every statement about an article's nodes is made by that article,
an entity's own statements (type, label, aliases, code) are the same in every
article that refers to it, and each value's class is given with it. The only
shapes that count statements made by several articles are the graph-wide
checks (a shortcut backed by some assertion, an assertion whose triple exists,
``kg:party``/``kg:signed`` both ways), and the mapper always writes both
statements of each pair in the same article. ``tests/build/test_render.py``
checks the equivalence on graphs with violations of each kind.
"""

from __future__ import annotations

import time
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kg.doc import Article, Corpus, Entity
from kg.export.turtle import format_subjects

if TYPE_CHECKING:
    from rdflib import Graph

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


@dataclass
class ArticleContext:
    """What rendering one article needs from resolution."""

    slug: str  #: the article's IRI slug (its source name, numbered if repeated)
    #: local entity index -> (corpus entity, its IRI); locals missing here are unresolved
    entities: dict[int, tuple[Entity, str]] = field(default_factory=dict)


@dataclass
class Rendered:
    """An article's RDF, as :func:`render_article` returns it (and the cache keeps it)."""

    #: (subject IRI, Turtle text of that subject) in Turtle subject order
    subjects: list[tuple[str, str]]
    #: the statements whose subject is an entity, in the order the mapper made them (rdflib terms)
    entity_triples: list[tuple]
    #: kg class local name -> rdf:type statements of that class among the article's subjects
    types: dict[str, int]
    #: how many distinct statements have one of the article's own subjects
    own: int = 0
    #: SHACL violation and warning lines (None: not validated)
    violations: list[str] | None = None
    warnings: list[str] | None = None
    seconds: dict[str, float] = field(default_factory=dict)
    #: every statement the mapper made for the article, in the order it made them
    #: (the article's subjects' and the entities'): what the HTML page is built from
    triples: list[tuple] = field(default_factory=list)
    #: statements dropped because they would break a shape: {"statement", "shape", "constraint", "message"}
    dropped: list[dict] = field(default_factory=list)
    #: entities' own statements dropped (the parent removes them from the entity section), sorted
    dropped_entity: list[tuple] = field(default_factory=list)


_MAGIC = b"KGR1"
_LEN = __import__("struct").Struct("<Q")


def encode_rendered(rendered: Rendered) -> bytes:
    """The cache's bytes: a validated flag, the small part, then the statements (read only for the page)."""
    import pickle
    from dataclasses import replace

    small = pickle.dumps(replace(rendered, triples=[]), protocol=pickle.HIGHEST_PROTOCOL)
    flag = b"-" if rendered.violations is None else b"v"
    return _MAGIC + flag + _LEN.pack(len(small)) + small + pickle.dumps(rendered.triples, protocol=pickle.HIGHEST_PROTOCOL)


def rendered_validated(head: bytes) -> bool | None:
    """From the first bytes of encoded Rendered: validated or not (None: not such bytes)."""
    if len(head) < 5 or head[:4] != _MAGIC:
        return None
    return head[4:5] == b"v"


def decode_rendered(data: bytes, triples: bool = True) -> Rendered:
    import pickle

    if rendered_validated(data[:5]) is None:
        raise ValueError("not a rendered article")
    (n,) = _LEN.unpack_from(data, 5)
    start = 5 + _LEN.size
    rendered = pickle.loads(data[start:start + n])
    if triples:
        rendered.triples = pickle.loads(data[start + n:])
    return rendered


class _Triples:
    """A set of triples in the order they were added, with what the mapper asks of its
    graph (``add``, ``in`` for a triple or for a subject and predicate with any object):
    an rdflib graph costs several times as much per statement, and rendering never
    queries one. Iterating gives the triples as rdflib triples (in insertion order,
    where an rdflib graph gives them in hash order: no reader depends on it)."""

    def __init__(self) -> None:
        self._triples: dict[tuple, None] = {}
        self._subject_predicate: set[tuple] = set()

    def add(self, triple: tuple) -> None:
        self._triples[triple] = None
        self._subject_predicate.add(triple[:2])

    def __contains__(self, triple: tuple) -> bool:
        s, p, o = triple
        if s is not None and p is not None:
            return (s, p) in self._subject_predicate if o is None else triple in self._triples
        return any((s is None or s == t[0]) and (p is None or p == t[1]) and (o is None or o == t[2])
                   for t in self._triples)

    def __iter__(self):
        return iter(self._triples)

    def __len__(self) -> int:
        return len(self._triples)


def _mapper_class():
    from kg.rdf.mapping import _Mapper

    class OneArticleMapper(_Mapper):
        """The corpus mapper, given one article and the corpus entities it refers to."""

        def __init__(self, article: Article, context: ArticleContext) -> None:
            order = sorted(context.entities)
            entities = [context.entities[li][0] for li in order]
            index = {(0, li): i for i, li in enumerate(order)}
            super().__init__(Corpus(articles=[article], entities=entities, index=index))
            self.slugs = [context.slug]
            self.entity_iris = [context.entities[li][1] for li in order]
            self.made: list[tuple] | None = None

        def add(self, s, p, o) -> None:
            if self.made is not None and (s, p, o) not in self.graph:
                self.made.append((s, p, o))
            self.graph.add((s, p, o))

    return OneArticleMapper


def is_article_subject(iri: str) -> bool:
    return iri.startswith(_ARTICLES)


def _articles_prefix() -> str:
    from kg.rdf.namespaces import ID

    return ID + "article/"


_ARTICLES = _articles_prefix()


def count_types(triples) -> dict[str, int]:
    from kg.rdf.namespaces import KG

    counts: Counter = Counter()
    for _s, p, o in triples:
        if str(p) == RDF_TYPE and str(o).startswith(KG):
            counts[str(o)[len(KG):]] += 1
    return dict(counts)


def render_article(article: Article, context: ArticleContext, validate: bool = True, repair: bool = True) -> Rendered:
    """The article's RDF, Turtle block and (``validate``) SHACL results, with the
    statements that would break a shape dropped (``repair``); see the module doc."""
    from kg.rdf.iris import article_iri

    seconds: dict[str, float] = {}
    t0 = time.perf_counter()
    mapper = _mapper_class()(article, context)
    entities = _Triples()  # the referenced entities' own statements (the parent writes them once)
    mapper.graph = entities
    for i, (entity, iri) in enumerate(zip(mapper.corpus.entities, mapper.entity_iris)):
        if i not in mapper.nameless:
            mapper.map_entity(entity, mapper.uri(iri))
            mapper.add(mapper.uri(iri), mapper.kg.mentionedIn, mapper.uri(article_iri(context.slug)))
    made = _Triples()
    mapper.graph = made
    mapper.made = []
    mapper.map_article(0, article)
    own, others = [], []
    for t in mapper.made:
        (own if is_article_subject(str(t[0])) else others).append(t)
    seconds["rdf"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    rendered = Rendered(subjects=format_subjects(own), entity_triples=others, types=count_types(own), own=len(own),
                        seconds=seconds, triples=mapper.made)
    seconds["turtle_blocks"] = time.perf_counter() - t0
    if validate:
        t0 = time.perf_counter()
        if fast_conforms(entities, made):
            rendered.violations = []
        elif repair:  # pySHACL says what is wrong (or, rarely, that nothing is) and what to drop
            rendered = _repaired(rendered, entities, mapper.made, article_iri(context.slug))
        else:
            result = validate_statements(entities, made)
            rendered.violations, rendered.warnings = result.violations, result.warnings
        seconds["validate"] = time.perf_counter() - t0
    return rendered


def _repaired(rendered: Rendered, entities: "Graph", made: list[tuple], article: str) -> Rendered:
    """``rendered`` with its pySHACL results; when they have violations, without the
    statements that break a shape (:func:`kg.rdf.conform.conform`) and with the
    results of what is left.

    Should statement-by-statement repair fail (a shape it cannot repair), every
    statement of the article but its article node's own is dropped. pySHACL runs
    once per round of the repair: its first round's report is the article's
    validation, its last round's that of the repaired statements."""
    from kg.rdf.conform import conform, triple_key
    from kg.rdf.namespaces import new_graph
    from kg.rdf.validate import report_result

    data = new_graph()
    for g in (entities, made):
        for t in g:
            data.add(t)
    reports: list = []
    with prepared_sparql():
        dropped, unrepaired = conform(data, reports=reports)
    first = report_result(*reports[0])
    if first.conforms:  # nothing to repair (conform changed nothing)
        rendered.violations, rendered.warnings = first.violations, first.warnings
        return rendered
    records = [_record(t, d.shape, d.constraint, d.message) for d in dropped for t in d.statements]
    if unrepaired:
        keep = {t for t in made if str(t[0]) == article}
        for t in made:
            if t not in keep and t in data:
                data.remove(t)
                records.append(_record(t, "", "", "the article's statements could not be repaired one by one: "
                                                  + unrepaired[0]))
        reports.clear()  # the last report is not of what is left
    kept = [t for t in made if t in data]
    own, others = [], []
    for t in kept:
        (own if is_article_subject(str(t[0])) else others).append(t)
    repaired = Rendered(subjects=format_subjects(own), entity_triples=others, types=count_types(own), own=len(own),
                        seconds=rendered.seconds, triples=kept, dropped=records,
                        dropped_entity=sorted((t for t in entities if t not in data), key=triple_key))
    result = report_result(*reports[-1]) if reports else validate_statements(data)
    repaired.violations, repaired.warnings = result.violations, result.warnings
    return repaired


def _record(triple, shape: str, constraint: str, message: str) -> dict:
    from kg.rdf.conform import statement_text

    return {"statement": statement_text(triple), "shape": shape, "constraint": constraint, "message": message}


def fast_conforms(*graphs) -> bool:
    """:func:`kg.build.shacl.conforms`, False when it cannot decide (pySHACL then validates)."""
    from kg.build import shacl

    try:
        return shacl.conforms(*graphs)
    except shacl.Unsupported:
        return False


def validate_statements(*graphs: "Graph"):
    """:func:`kg.rdf.validate.validate_graph` on the ontology plus ``graphs``."""
    from kg.rdf.ontology import load_ontology
    from kg.rdf.validate import validate_graph

    data = load_ontology()
    for g in graphs:
        for t in g:
            data.add(t)
    with prepared_sparql():
        return validate_graph(data)


_PREPARED: dict = {}
_PATCH_LOCK = __import__("threading").RLock()


@contextmanager
def prepared_sparql():
    """Parse each SPARQL query text once per process while validating.

    pySHACL runs the shapes' SPARQL constraints as query text on every call,
    and rdflib parses the text each time (most of the cost of validating one
    article's few hundred statements). Within this block rdflib's processor
    reuses the parsed and translated query for the same text, base and
    prefixes; evaluation is unchanged."""
    from rdflib.plugins.sparql import processor

    with _PATCH_LOCK:
        original = processor.SPARQLProcessor.query

        def query(self, strOrQuery, initBindings=None, initNs=None, base=None, DEBUG=False):
            if isinstance(strOrQuery, str):
                key = (strOrQuery, base, tuple(sorted((str(k), str(v)) for k, v in (initNs or {}).items())))
                prepared = _PREPARED.get(key)
                if prepared is None:
                    prepared = processor.translateQuery(processor.parseQuery(strOrQuery), base, initNs)
                    if len(_PREPARED) < 256:
                        _PREPARED[key] = prepared
                strOrQuery = prepared
            return original(self, strOrQuery, initBindings, initNs, base, DEBUG)

        processor.SPARQLProcessor.query = query
        try:
            yield
        finally:
            processor.SPARQLProcessor.query = original
