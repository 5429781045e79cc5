"""graph.ttl from the ontology, the entity section and the articles' rendered blocks.

:func:`kg.export.turtle.to_turtle` writes subjects in groups: the ontology
node and its terms, then the entities, then each article followed by its
parts (natural order), then anything else. The build writes the same bytes
without holding the graph:

- the entity section (:class:`EntitySection`) collects the statements about
  entities: their own (type, label, aliases, code, ``kg:mentionedIn``, made
  here from the resolved corpus) and those the articles make (returned by
  :func:`kg.build.render.render_article`); it is small next to the articles;
- the articles' blocks arrive in article IRI order and go straight to a
  file (:class:`ArticleBlocks`); blocks of articles whose subjects interleave
  (``a.txt`` and ``a.txt.html``: ``.`` sorts before ``/``) are merged first;
- :func:`write_graph` concatenates them.
"""

from __future__ import annotations

import heapq
import os
import shutil
from collections import Counter
from pathlib import Path

from kg.doc import Corpus, Entity


def subject_key(iri: str) -> tuple:
    from kg.export.turtle import _subject_key

    return _subject_key(iri)


class EntitySection:
    """Statements whose subject is an entity: subject -> predicate -> objects."""

    def __init__(self) -> None:
        self.subjects: dict[str, dict[str, set]] = {}

    def add(self, s, p, o) -> None:
        self.subjects.setdefault(str(s), {}).setdefault(str(p), set()).add(o)

    def add_all(self, triples) -> None:
        for s, p, o in triples:
            self.add(s, p, o)

    def add_corpus_entities(self, corpus: Corpus, slugs: list[str]) -> list[tuple]:
        """Each resolved entity's own statements and ``kg:mentionedIn``, as the corpus
        mapper writes them; returns them in the order it makes them."""
        from kg.rdf.mapping import _Mapper

        section = self
        made: list[tuple] = []

        class SectionMapper(_Mapper):
            def __init__(self) -> None:
                stubs = Corpus(articles=[], entities=corpus.entities, index=corpus.index)
                super().__init__(stubs)
                self.slugs = slugs

            def add(self, s, p, o) -> None:  # into the section, not an rdflib graph
                made.append((s, p, o))
                section.add(s, p, o)

        from kg.rdf.iris import article_iri

        mapper = SectionMapper()
        for gi, (entity, iri) in enumerate(zip(corpus.entities, mapper.entity_iris)):
            if gi not in mapper.nameless:
                mapper.map_entity(entity, mapper.uri(iri))
        n = len(slugs)
        for (ai, _li), gi in sorted(corpus.index.items()):
            if 0 <= ai < n and 0 <= gi < len(mapper.entity_iris) and gi not in mapper.nameless:
                mapper.add(mapper.uri(mapper.entity_iris[gi]), mapper.kg.mentionedIn, mapper.uri(article_iri(slugs[ai])))
        return made

    def triples(self):
        for s, preds in self.subjects.items():
            for p, objects in preds.items():
                for o in objects:
                    yield s, p, o

    def count(self) -> int:
        return sum(len(objects) for preds in self.subjects.values() for objects in preds.values())

    def types(self) -> dict[str, int]:
        from kg.rdf.namespaces import KG

        rdf_type = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
        counts: Counter = Counter()
        for preds in self.subjects.values():
            for o in preds.get(rdf_type, ()):
                if str(o).startswith(KG):
                    counts[str(o)[len(KG):]] += 1
        return dict(counts)

    def text(self) -> str:
        """The section's Turtle (each subject preceded by a blank line)."""
        from rdflib import URIRef

        from kg.build.render import format_subjects

        rows = ((URIRef(s), URIRef(p), o) for s, preds in self.subjects.items() for p, objs in preds.items() for o in objs)
        return "".join("\n\n" + text for _s, text in format_subjects(rows))


class ArticleBlocks:
    """Writes the articles' subject blocks to ``path`` in Turtle order.

    Call :meth:`add` with each article's rendered subjects in the order of the
    articles' own IRIs; an article whose first subject sorts before the last
    subject written so far is merged with the articles held back."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fh = open(path, "w", encoding="utf-8")
        self._group: list[list[tuple[str, str]]] = []
        self._group_last: tuple | None = None

    def add(self, subjects: list[tuple[str, str]]) -> None:
        if not subjects:
            return
        first, last = subject_key(subjects[0][0]), subject_key(subjects[-1][0])
        if self._group and self._group_last is not None and first < self._group_last:
            self._group.append(subjects)
            self._group_last = max(self._group_last, last)
            return
        self._flush()
        self._group = [subjects]
        self._group_last = last

    def _flush(self) -> None:
        if not self._group:
            return
        if len(self._group) == 1:
            rows = self._group[0]
        else:
            rows = heapq.merge(*self._group, key=lambda row: subject_key(row[0]))
        for _s, text in rows:
            self._fh.write("\n\n")
            self._fh.write(text)
        self._group = []
        self._group_last = None

    def close(self) -> None:
        self._flush()
        self._fh.close()


def ontology_parts():
    """The ontology's statements by Turtle group: (subjects written before the
    entities, triples about ``id:`` nodes (none today; they join the entity
    section), subjects written after the articles, its types, its triple count)."""
    from kg.build.render import count_types, format_subjects
    from kg.rdf.ontology import load_ontology

    onto = load_ontology()
    rows = format_subjects(t for t in onto if subject_key(str(t[0]))[0] in (0, 1))
    after = format_subjects(t for t in onto if subject_key(str(t[0]))[0] == 4)
    middle = [t for t in onto if subject_key(str(t[0]))[0] in (2, 3)]
    return rows, middle, after, count_types(onto), len(onto)


def write_graph(path: Path, entities: EntitySection, articles_part: Path, before: list, after: list) -> None:
    """graph.ttl: prefixes, ``before`` (the ontology), entities, articles (from
    ``articles_part``), ``after``; fsynced."""
    from kg.rdf.namespaces import PREFIXES

    with open(path, "w", encoding="utf-8") as out:
        out.write("\n".join(f"@prefix {prefix}: <{ns}> ." for prefix, ns in sorted(PREFIXES.items())))
        for _s, text in before:
            out.write("\n\n" + text)
        out.write(entities.text())
        with open(articles_part, encoding="utf-8") as part:
            shutil.copyfileobj(part, out, 1 << 20)
        for _s, text in after:
            out.write("\n\n" + text)
        out.write("\n")
        out.flush()
        os.fsync(out.fileno())
    os.chmod(path, 0o666 & ~_umask())


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def entity_lite(entity: Entity) -> Entity:
    """The entity without its member list (what rendering one article needs)."""
    from dataclasses import replace

    return replace(entity, members=[])


def article_contexts(corpus: Corpus, slugs: list[str], iris: list[str]) -> list:
    """The :class:`kg.build.render.ArticleContext` of each article of a resolved corpus."""
    from kg.build.render import ArticleContext

    contexts = [ArticleContext(slug=slug) for slug in slugs]
    lite: dict[int, tuple] = {}
    for (ai, li), gi in sorted(corpus.index.items()):
        if 0 <= ai < len(contexts) and 0 <= gi < len(iris):
            if gi not in lite:
                lite[gi] = (entity_lite(corpus.entities[gi]), iris[gi])
            contexts[ai].entities[li] = lite[gi]
    return contexts


def render_corpus(corpus: Corpus, validate: bool = True, path: Path | None = None):
    """A resolved corpus through the build's per-article path, in memory: (Turtle
    text, sorted violation lines, conforms). The same as
    ``to_turtle(corpus_to_graph(corpus))`` and ``validate_graph`` on it (the tests check)."""
    import tempfile

    from kg.build.render import render_article
    from kg.rdf.iris import article_iri
    from kg.build.render import is_article_subject
    from kg.rdf.mapping import _Mapper, article_slugs

    slugs = article_slugs(corpus)
    contexts = article_contexts(corpus, slugs, _Mapper._entity_iris(corpus.entities))
    section = EntitySection()
    section.add_corpus_entities(corpus, slugs)
    before, middle, after, _types, _n = ontology_parts()
    section.add_all(middle)
    violations: set[str] = set()
    with tempfile.TemporaryDirectory() as tmp:
        part = Path(tmp) / "articles.part"
        blocks = ArticleBlocks(part)
        order = sorted(range(len(slugs)), key=lambda ai: subject_key(article_iri(slugs[ai])))
        rendered = {ai: render_article(corpus.articles[ai], contexts[ai], validate=validate) for ai in order}
        for ai in order:
            blocks.add(rendered[ai].subjects)
        blocks.close()
        for ai in range(len(slugs)):
            section.add_all(t for t in rendered[ai].triples if not is_article_subject(str(t[0])))
            violations.update(rendered[ai].violations or [])
        out = Path(tmp) / "graph.ttl"
        write_graph(out, section, part, before, after)
        text = out.read_text(encoding="utf-8")
    return text, sorted(violations), not violations
