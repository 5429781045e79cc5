"""The graph graph.html is computed from, as plain data (no rdflib terms).

``kg build`` used to put every statement of the graph into an rdflib graph
for the page: unpickling the articles' rdflib terms and rdflib's ``add`` were
most of the page's cost, and ``kg add`` paid it again for every article.
Here a statement is a tuple of plain values: an IRI is a ``str``, a literal a
``(lexical form, language or None, datatype IRI or None)`` tuple, so equal
statements are equal tuples exactly when rdflib's terms are equal. The build
keeps each article's statements in this form in its cache
(``OUT/cache/page/<key>.pkl``, marshal), next to its rendered block.

:class:`PageGraph` indexes them as rdflib's ``SimpleMemory`` store does
(subject -> predicate -> objects and predicate -> object -> subjects, in
insertion order), and :meth:`PageGraph.to_networkx` and
:meth:`PageGraph.entity_details` are :func:`kg.analytics.to_networkx` and
:func:`kg.analytics.entity_details` on that index: the same nodes, edges (in
the same order) and details, so the same page
(``tests/export/test_page_graph.py`` compares them on built graphs).
"""

from __future__ import annotations

import marshal
from collections import defaultdict
from collections.abc import Iterable

from kg.analytics import (CONTRACT_SUBCLASSES, DCTERMS_DATE, KINDS, RDF_TYPE, RDFS_LABEL, RDFS_SUBCLASSOF,
                          RELATIONS, SKOS_ALTLABEL, EntityDetails, Evidence, _add_evidence, _classify, local_name)
from kg.rdf.namespaces import KG
from kg.rdf.vocab import SYMMETRIC

#: bump when the plain form changes
PAGE_FORMAT = 1


def plain(term):
    """An rdflib term as a plain value (IRI: str; literal: (lexical, language, datatype))."""
    from rdflib import BNode, Literal

    if isinstance(term, Literal):
        return (str(term), term.language, None if term.datatype is None else str(term.datatype))
    if isinstance(term, BNode):
        raise ValueError("graph has blank nodes: the page's plain graph has no form for them")
    return str(term)


def plain_triples(triples: Iterable[tuple]) -> list[tuple]:
    return [(plain(s), plain(p), plain(o)) for s, p, o in triples]


def encode_page(triples: list[tuple]) -> bytes:
    return marshal.dumps((PAGE_FORMAT, triples))


def decode_page(data: bytes) -> list[tuple]:
    fmt, triples = marshal.loads(data)
    if fmt != PAGE_FORMAT or not isinstance(triples, list):
        raise ValueError("not a page block of this format")
    return triples


def _text(term) -> str:
    """``str(term)`` of the rdflib term."""
    return term if isinstance(term, str) else term[0]


def _language(term):
    return None if isinstance(term, str) else term[1]


def _zh_first(terms: Iterable) -> list[str]:
    """:func:`kg.analytics._zh_first` on plain terms."""
    items = sorted(terms, key=lambda t: (_language(t) not in (None, "zh"), _text(t)))
    out: list[str] = []
    for t in items:
        text = _text(t).strip()
        if text and text not in out:
            out.append(text)
    return out


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

    # ------------------------------------------------------------- kg.analytics on this index
    def _superclasses(self) -> dict[str, set[str]]:
        direct: dict[str, set[str]] = {}
        for sub, sup in CONTRACT_SUBCLASSES.items():
            direct.setdefault(sub, set()).add(sup)
        for s, o in self.subject_objects(RDFS_SUBCLASSOF):
            if _text(s).startswith(KG) and _text(o).startswith(KG):
                direct.setdefault(local_name(_text(s)), set()).add(local_name(_text(o)))
        closure: dict[str, set[str]] = {}
        for cls in list(direct) + [sup for sups in direct.values() for sup in sups]:
            seen, todo = {cls}, [cls]
            while todo:
                for sup in direct.get(todo.pop(), ()):
                    if sup not in seen:
                        seen.add(sup)
                        todo.append(sup)
            closure[cls] = seen
        return closure

    def entity_nodes(self) -> dict[str, dict]:
        """:func:`kg.analytics.entity_nodes`."""
        supers = self._superclasses()
        types_of: dict[str, set[str]] = {}
        for s, o in self.subject_objects(RDF_TYPE):
            if isinstance(s, str) and _text(o).startswith(KG):
                types_of.setdefault(s, set()).add(local_name(_text(o)))
        nodes: dict[str, dict] = {}
        for s, types in types_of.items():
            found = _classify(types, supers)
            if found is None:
                continue
            type_, kind = found
            labels = _zh_first(self.objects(s, RDFS_LABEL))
            label = labels[0] if labels else local_name(s)
            aliases = [a for a in _zh_first(self.objects(s, SKOS_ALTLABEL)) + labels[1:] if a != label]
            nodes[s] = {"label": label, "type": type_, "kind": kind, "aliases": sorted(set(aliases))}
        return nodes

    def to_networkx(self):
        """:func:`kg.analytics.to_networkx` (every relation)."""
        import networkx as nx

        g = nx.MultiDiGraph()
        nodes = self.entity_nodes()
        g.add_nodes_from((iri, nodes[iri]) for iri in sorted(nodes))
        # the edges in the order kg.analytics adds them (first time each is met), added at once
        edges: dict[tuple[str, str, str], dict] = {}

        def add(u: str, v: str, relation: str, **attrs) -> None:
            if u not in nodes or v not in nodes or u == v:
                return
            if relation in SYMMETRIC and v < u:
                u, v = v, u
            data = edges.get((u, v, relation))
            if data is None:
                edges[(u, v, relation)] = {"relation": relation, **attrs}
            elif attrs.get("title"):
                titles = [t for t in data.get("title", "").split(" / ") if t]
                if attrs["title"] not in titles:
                    data["title"] = " / ".join(titles + [attrs["title"]])

        for relation in RELATIONS:
            prop = KG + relation
            if relation == "holdsPosition":
                for person, position in self.subject_objects(prop):
                    titles = _zh_first(self.objects(position, KG + "title"))
                    for where in self.objects(position, KG + "positionIn"):
                        add(_text(person), _text(where), relation, title=" / ".join(titles))
            elif relation == "party":
                signed = KG + "signed"
                for agreement, signer in self.subject_objects(prop):
                    if (signer, signed, agreement) in self:
                        continue
                    add(_text(agreement), _text(signer), relation)
            else:
                for s, o in self.subject_objects(prop):
                    add(_text(s), _text(o), relation)
        g.add_edges_from((u, v, key, data) for (u, v, key), data in edges.items())
        return g

    def entity_details(self, nodes: Iterable[str]) -> dict[str, EntityDetails]:
        """:func:`kg.analytics.entity_details`."""
        wanted = {str(n) for n in nodes}
        details = {n: EntityDetails() for n in wanted}
        EV, SOURCE, ORIGINAL = KG + "evidence", KG + "source", KG + "evidenceOriginal"
        FILE = KG + "sourceFile"
        article_cache: dict = {}

        def article(node) -> tuple[str, str]:
            for src in sorted(self.objects(node, SOURCE), key=_text):
                if src not in article_cache:
                    files = sorted(_text(f) for f in self.objects(src, FILE))
                    dates = sorted(_text(d) for d in self.objects(src, DCTERMS_DATE))
                    article_cache[src] = (files[0] if files else local_name(_text(src)), dates[0] if dates else "")
                return article_cache[src]
            return ("", "")

        # the entities each evidence node links to (its objects) and is linked from (statements
        # of entities): kg.analytics scans every statement for both, the same sets
        provs = list(dict.fromkeys(s for s, _o in self.subject_objects(EV)))
        links_out: dict = defaultdict(set)
        for prov in provs:
            for objects in self.spo.get(prov, _EMPTY).values():
                for o in objects:
                    if (so := o if o.__class__ is str else o[0]) in wanted:  # _text, inline
                        links_out[prov].add(so)
        links_in: dict = defaultdict(set)
        for s in wanted:
            for objects in self.spo.get(s, _EMPTY).values():
                for o in objects:
                    links_in[o].add(s)
        seen: dict[str, dict] = defaultdict(dict)

        for prov in provs:
            sentences = _zh_first(self.objects(prov, EV))
            linked = links_out.get(prov, set()) | links_in.get(prov, set())
            if _text(prov) in wanted:
                linked.add(_text(prov))
            if not linked:
                continue
            kinds = sorted(local_name(_text(t)) for t in self.objects(prov, RDF_TYPE) if _text(t).startswith(KG))
            about = next((k for k in kinds if k not in KINDS and k != "Event"), kinds[0] if kinds else "")
            source_file, date = article(prov)
            original = next(iter(sorted(_text(o) for o in self.objects(prov, ORIGINAL))), "")
            for entity in linked:
                for sentence in sentences:
                    _add_evidence(
                        details[entity],
                        Evidence(sentence=sentence, source_file=source_file, date=date, about=about, original=original),
                        seen[entity],
                    )

        HOLDS, TITLE, WHERE = KG + "holdsPosition", KG + "title", KG + "positionIn"
        for entity in wanted:
            for position in self.objects(entity, HOLDS):
                places = [(_zh_first(self.objects(w, RDFS_LABEL)) or [local_name(_text(w))])[0]
                          for w in self.objects(position, WHERE)]
                for title in _zh_first(self.objects(position, TITLE)) or [""]:
                    text = " ".join(x for x in (", ".join(sorted(places)), title) if x)
                    if text and text not in details[entity].titles:
                        details[entity].titles.append(text)
            details[entity].titles.sort()
            details[entity].evidence.sort(key=lambda e: (e.date, e.source_file, e.sentence))
        return details


def from_rdflib(graph) -> PageGraph:
    """A PageGraph of an rdflib graph's statements (in its iteration order)."""
    page = PageGraph()
    page.add_all(plain_triples(graph))
    return page
