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

    def discard(self, s, p, o) -> None:
        """Remove one statement (a dropped entity statement); nothing if it is not there."""
        preds = self.subjects.get(str(s))
        if preds is None or o not in preds.get(str(p), ()):
            return
        preds[str(p)].discard(o)
        if not preds[str(p)]:
            del preds[str(p)]
        if not preds:
            del self.subjects[str(s)]

    def add_corpus_entities(self, corpus: Corpus, slugs: list[str], record: bool = True) -> list[tuple]:
        """Each resolved entity's own statements and ``kg:mentionedIn``, as the corpus
        mapper writes them; returns them in the order it makes them (``record``)."""
        from kg.rdf.mapping import _Mapper

        section = self
        made: list[tuple] = []

        class SectionMapper(_Mapper):
            def __init__(self) -> None:
                stubs = Corpus(articles=[], entities=corpus.entities, index=corpus.index)
                super().__init__(stubs)
                self.slugs = slugs

            def add(self, s, p, o) -> None:  # into the section, not an rdflib graph
                if record:
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

    def chunks(self, texts: dict | None = None):
        """The section's Turtle, one subject at a time (each preceded by a blank line), as bytes;
        each subject's text also into ``texts`` (subject -> bytes) when given."""
        from rdflib import BNode

        from kg.export.turtle import format_subject, new_writer

        writer = new_writer()
        for s in sorted(self.subjects, key=subject_key):
            preds = self.subjects[s]
            if any(isinstance(o, BNode) for objects in preds.values() for o in objects):
                raise ValueError("graph has blank nodes: its Turtle would not be deterministic")
            chunk = ("\n\n" + format_subject(writer, s, preds)).encode("utf-8")
            if texts is not None:
                texts[s] = chunk
            yield chunk


class ArticleParts:
    """The articles' Turtle blocks, written in any order to ``path`` and read
    back in Turtle order (:meth:`chunks`).

    Each article's block lists its subjects in order, the article node first.
    Articles are put in the order of their first subject; an article whose first
    subject sorts before the last subject of the one before it (``a.txt`` and
    ``a.txt.html``) is merged with it subject by subject."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fh = open(path, "w+b")
        self.spans: dict[int, tuple] = {}

    def add(self, index: int, subjects: list[tuple[str, str]]) -> None:
        if not subjects:
            return
        data = "".join("\n\n" + text for _s, text in subjects).encode("utf-8")
        offset = self._fh.tell()
        self._fh.write(data)
        self.spans[index] = (subject_key(subjects[0][0]), subject_key(subjects[-1][0]), offset, len(data))

    def size(self) -> int:
        """The blocks' bytes in all."""
        return sum(span[3] for span in self.spans.values())

    def chunks(self, subjects_of):
        """The blocks as bytes, in Turtle order; ``subjects_of(index)`` gives an
        article's (subject, text) list again when it must be merged."""
        self._fh.flush()
        order = sorted(self.spans, key=lambda i: self.spans[i][0])
        group: list[int] = []
        last = None
        for index in order:
            first, end, _offset, _n = self.spans[index]
            if group and first < last:
                group.append(index)
                last = max(last, end)
                continue
            yield from self._flush(group, subjects_of)
            group, last = [index], end
        yield from self._flush(group, subjects_of)

    def _flush(self, group: list[int], subjects_of):
        if len(group) == 1:
            _first, _last, offset, n = self.spans[group[0]]
            self._fh.seek(offset)
            yield self._fh.read(n)
        elif group:
            rows = heapq.merge(*(subjects_of(i) for i in group), key=lambda row: subject_key(row[0]))
            yield "".join("\n\n" + text for _s, text in rows).encode("utf-8")

    def close(self) -> None:
        self._fh.close()
        self.path.unlink(missing_ok=True)


def ontology_parts():
    """The ontology's statements by Turtle group: (subjects written before the
    entities, triples about ``id:`` nodes (none today; they join the entity
    section), subjects written after the articles, its types, its triple count)."""
    from kg.build.render import count_types
    from kg.export.turtle import format_subjects
    from kg.rdf.ontology import load_ontology

    onto = load_ontology()
    rows = format_subjects(t for t in onto if subject_key(str(t[0]))[0] in (0, 1))
    after = format_subjects(t for t in onto if subject_key(str(t[0]))[0] == 4)
    middle = [t for t in onto if subject_key(str(t[0]))[0] in (2, 3)]
    return rows, middle, after, count_types(onto), len(onto)


def turtle_head() -> str:
    """graph.ttl's prefix lines (what a subject's Turtle text needs to be read alone)."""
    from kg.rdf.namespaces import PREFIXES

    return "\n".join(f"@prefix {prefix}: <{ns}> ." for prefix, ns in sorted(PREFIXES.items()))


def write_graph(path: Path, entities: EntitySection, article_chunks, before: list, after: list,
                texts: dict | None = None) -> str:
    """graph.ttl: prefixes, ``before`` (the ontology), entities, the articles'
    blocks (bytes, in order), ``after``; fsynced; its SHA-256, taken as it is written
    (:func:`kg.store.graph_fingerprint`). ``texts`` (a dict), when given, receives
    the Turtle text of every subject but the articles' (subject -> bytes)."""
    import hashlib

    digest = hashlib.sha256()
    with open(path, "wb") as out:

        def write(data) -> None:
            out.write(data)
            digest.update(data)

        write(turtle_head().encode("utf-8"))
        if texts is not None:
            texts.update((s, ("\n\n" + text).encode("utf-8")) for s, text in (*before, *after))
        write("".join("\n\n" + text for _s, text in before).encode("utf-8"))
        for chunk in entities.chunks(texts):
            write(chunk)
        for chunk in article_chunks:
            write(chunk)
        write("".join("\n\n" + text for _s, text in after).encode("utf-8"))
        write(b"\n")
        out.flush()
        os.fsync(out.fileno())
    os.chmod(path, 0o666 & ~_umask())
    return digest.hexdigest()


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


def render_corpus(corpus: Corpus, validate: bool = True, path: Path | None = None, repair: bool = True,
                  dropped: list | None = None):
    """A resolved corpus through the build's per-article path, in memory: (Turtle
    text, sorted violation lines, conforms). Without ``repair`` the same as
    ``to_turtle(corpus_to_graph(corpus))`` and ``validate_graph`` on it (the tests
    check); with it, the statements that would break a shape are dropped (and
    appended to ``dropped``, a list, when given)."""
    import tempfile

    from kg.build.render import render_article
    from kg.rdf.mapping import _Mapper, article_slugs

    slugs = article_slugs(corpus)
    contexts = article_contexts(corpus, slugs, _Mapper._entity_iris(corpus.entities))
    section = EntitySection()
    section.add_corpus_entities(corpus, slugs)
    before, middle, after, _types, _n = ontology_parts()
    section.add_all(middle)
    violations: set[str] = set()
    with tempfile.TemporaryDirectory() as tmp:
        parts = ArticleParts(Path(tmp) / "articles.part")
        rendered = [render_article(corpus.articles[ai], contexts[ai], validate=validate, repair=repair)
                    for ai in range(len(slugs))]
        for ai, r in enumerate(rendered):
            parts.add(ai, r.subjects)
            section.add_all(r.entity_triples)
            violations.update(r.violations or [])
            if dropped is not None:
                dropped.extend(r.dropped)
        for r in rendered:
            for t in r.dropped_entity:
                section.discard(*t)
        out = Path(tmp) / "graph.ttl"
        write_graph(out, section, parts.chunks(lambda ai: rendered[ai].subjects), before, after)
        parts.close()
        text = out.read_text(encoding="utf-8")
    return text, sorted(violations), not violations
