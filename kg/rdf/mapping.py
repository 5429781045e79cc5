"""Corpus -> RDF graph, following the graph contract and ontology/kg.ttl.

What each part of a :class:`kg.doc.Corpus` becomes (IRIs: kg.rdf.iris):

- global ``Entity`` -> one node, ``rdf:type`` its most specific class, one
  ``rdfs:label``@zh, ``skos:altLabel``@zh for the aliases, ``kg:adminCode``
  (numeric administrative division codes only),
  ``kg:mentionedIn`` every Article a member of it comes from;
- ``Article`` -> ``kg:Article`` with ``kg:sourceFile``, ``dcterms:title``,
  ``dcterms:date``, ``kg:publisher``, ``kg:editor``, ``kg:reporter``;
- ``Position`` -> ``kg:Position`` (``kg:title``, ``kg:positionIn``), linked by
  ``kg:holdsPosition``; ``Event`` -> ``kg:Visit``/``kg:Meeting``/``kg:Signing``
  (``kg:agent``, ``kg:participant``, ``kg:target``, ``kg:companion``, ``kg:place``, dates,
  ``kg:agreement``); ``Agreement`` -> ``kg:Agreement`` (``rdfs:label``,
  ``kg:party`` and its inverse ``kg:signed``, ``kg:witnessed``, ``kg:signer``);
- ``Relation`` -> the shortcut triple (``kg:metWith`` in both directions) plus
  one ``kg:Assertion`` node stating it (``kg:subject``/``kg:predicate``/
  ``kg:object``, ``kg:supportedBy`` the event or position behind it).

Every event, position, agreement and assertion node has ``kg:source`` and
``kg:evidence`` (the relation's own evidence, else its sentence's text). A
relation whose two ends resolve to the same node is dropped (X locatedIn X
says nothing). An entity with a blank name gets no node (the contract wants
one label per entity): what refers to it is skipped and noted. References that point nowhere (bad indexes) are skipped and
noted in ``Article.errors``; a local entity missing from ``Corpus.index``
gets a node of its own (key ``unresolved/<file>/<index>``) rather than
being lost. The ontology's triples are included so the graph is self-contained.
"""

from __future__ import annotations

import datetime as _dt

from rdflib import RDF, RDFS, Graph, Literal, URIRef  # loaded with kg.rdf.vocab already
from rdflib.namespace import DCTERMS, SKOS, XSD

from kg.doc import ORG_SUBTYPES, PLACE_SUBTYPES, Article, Corpus, DateRange, Entity, LocalEntity
from kg.rdf.iris import article_iri, article_part_iri, entity_iri
from kg.rdf.namespaces import KG, new_graph
from kg.rdf.vocab import ENTITY_RELATIONS, KGV, SYMMETRIC

_SUBTYPES = {"Organization": ORG_SUBTYPES, "Place": PLACE_SUBTYPES, "Person": ()}
_EVENT_CLASSES = ("Visit", "Meeting", "Signing")
_RELATION_KINDS = ENTITY_RELATIONS
_SYMMETRIC = SYMMETRIC


def entity_class(type_: str, subtype: str | None) -> str:
    """Local name of the most specific contract class for an entity type/subtype."""
    if type_ not in _SUBTYPES:
        raise ValueError(f"unknown entity type {type_!r}")
    return subtype if subtype in _SUBTYPES[type_] else type_


def _iso(day: _dt.date) -> str:
    return (day.date() if isinstance(day, _dt.datetime) else day).isoformat()


def _unique(names: list[str]) -> list[str]:
    """``names`` with repeats numbered ``~2``, ``~3`` ..., never equal to another name of the list."""
    real = set(names)
    taken: set[str] = set()
    out = []
    for name in names:
        unique, n = name, 1
        while unique in taken or (n > 1 and unique in real):
            n += 1
            unique = f"{name}~{n}"
        taken.add(unique)
        out.append(unique)
    return out


def article_slugs(corpus: Corpus) -> list[str]:
    """One IRI slug per article: its file name, numbered when repeated. The
    reader keeps sources unique; this guards a Corpus built any other way."""
    return _unique([article.source for article in corpus.articles])


def corpus_to_graph(corpus: Corpus, include_ontology: bool = True) -> "Graph":
    """The RDF graph of a resolved corpus (deterministic: no blank nodes)."""
    return _Mapper(corpus).run(include_ontology)


class _Mapper:
    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.graph = new_graph()
        self.kg = KGV  # a misspelt term raises instead of minting an IRI
        self.slugs = article_slugs(corpus)
        self.entity_iris = self._entity_iris(corpus.entities)
        #: corpus entities without a name: no node, references to them are skipped
        self.nameless = {gi for gi, e in enumerate(corpus.entities) if not (e.name or "").strip()}

    # ----------------------------------------------------------- helpers
    @staticmethod
    def _entity_iris(entities: list[Entity]) -> list[str]:
        return _unique([entity_iri(entity.key) for entity in entities])

    def add(self, s, p, o) -> None:
        self.graph.add((s, p, o))

    def uri(self, iri: str) -> "URIRef":
        return URIRef(iri)

    def zh(self, text: str | None):
        text = (text or "").strip()
        return Literal(text, lang="zh") if text else None

    def add_zh(self, s, p, text: str | None) -> None:
        lit = self.zh(text)
        if lit is not None:
            self.add(s, p, lit)

    def entity_node(self, ai: int, li: int | None, what: str) -> "URIRef | None":
        """Node of local entity ``li`` of article ``ai`` (None + a note when invalid)."""
        article = self.corpus.articles[ai]
        if li is None or not 0 <= li < len(article.entities):
            article.errors.append(f"rdf: {what} refers to entity {li!r}, not in the article; skipped")
            return None
        gi = self.corpus.index.get((ai, li))
        resolved = gi is not None and 0 <= gi < len(self.entity_iris)
        if (resolved and gi in self.nameless) or (not resolved and not (article.entities[li].name or "").strip()):
            article.errors.append(f"rdf: {what} refers to entity {li}, which has no name; skipped")
            return None
        if resolved:
            return self.uri(self.entity_iris[gi])
        return self._unresolved(ai, li, article.entities[li])

    def _unresolved(self, ai: int, li: int, local: LocalEntity) -> "URIRef":
        node = self.uri(entity_iri(f"unresolved/{self.slugs[ai]}/{li}"))
        if (node, RDF.type, None) not in self.graph:
            self.corpus.articles[ai].errors.append(
                f"rdf: entity {li} ({local.name}) has no resolved entity; given a node of its own"
            )
            self.add(node, RDF.type, self.kg[entity_class(local.type, local.subtype)])
            self.add_zh(node, RDFS.label, local.name)
            for alias in sorted(a for a in local.aliases if a.strip() and a.strip() != local.name.strip()):
                self.add_zh(node, SKOS.altLabel, alias)
            self.add(node, self.kg.mentionedIn, self.uri(article_iri(self.slugs[ai])))
        return node

    def provenance(self, node, ai: int, sentence: int | None, evidence: str) -> None:
        article = self.corpus.articles[ai]
        self.add(node, self.kg.source, self.uri(article_iri(self.slugs[ai])))
        text = (evidence or "").strip()
        in_range = sentence is not None and 0 <= sentence < len(article.sentences)
        if not text and in_range:
            text = article.sentences[sentence].text.strip()
        self.add_zh(node, self.kg.evidence, text)
        if in_range:
            self.add(node, self.kg.sentenceIndex, Literal(sentence, datatype=XSD.nonNegativeInteger))
            if article.meta.script == "traditional":
                # the same sentence in the article's own script, through the offset map
                sent = article.sentences[sentence]
                original = article.raw_span(sent.start, sent.end).strip()
                if original:
                    self.add(node, self.kg.evidenceOriginal, Literal(original, lang="zh-Hant"))

    def dates(self, node, date: DateRange | None) -> None:
        if date is None:
            return
        if date.start is not None:
            start = Literal(_iso(date.start), datatype=XSD.date)
            self.add(node, self.kg.date, start)
            if date.end is not None and _iso(date.end) != _iso(date.start):
                self.add(node, self.kg.startDate, start)
                self.add(node, self.kg.endDate, Literal(_iso(date.end), datatype=XSD.date))
        self.add_zh(node, self.kg.dateText, date.text)

    # ----------------------------------------------------------- the parts
    def run(self, include_ontology: bool) -> "Graph":
        if include_ontology:
            from kg.rdf.ontology import load_ontology

            self.graph += load_ontology()
        for gi, (entity, iri) in enumerate(zip(self.corpus.entities, self.entity_iris)):
            if gi not in self.nameless:
                self.map_entity(entity, self.uri(iri))
        for (ai, _li), gi in sorted(self.corpus.index.items()):
            if 0 <= ai < len(self.corpus.articles) and 0 <= gi < len(self.entity_iris) and gi not in self.nameless:
                self.add(self.uri(self.entity_iris[gi]), self.kg.mentionedIn, self.uri(article_iri(self.slugs[ai])))
        for ai, article in enumerate(self.corpus.articles):
            self.map_article(ai, article)
        return self.graph

    def map_entity(self, entity: Entity, node) -> None:
        self.add(node, RDF.type, self.kg[entity_class(entity.type, entity.subtype)])
        name = entity.name.strip()
        self.add_zh(node, RDFS.label, name)
        for alias in sorted({a.strip() for a in entity.aliases} - {name, ""}):
            self.add_zh(node, SKOS.altLabel, alias)
        if entity.code and str(entity.code).isdigit() and str(entity.code).isascii():
            # Chinese administrative division codes only; other gazetteer codes
            # (e.g. "W:中国" for countries) are resolution keys, already in the IRI
            self.add(node, self.kg.adminCode, Literal(str(entity.code)))

    def map_article(self, ai: int, article: Article) -> None:
        node = self.uri(article_iri(self.slugs[ai]))
        meta = article.meta
        self.add(node, RDF.type, self.kg.Article)
        self.add(node, self.kg.sourceFile, Literal(article.source))
        self.add_zh(node, DCTERMS.title, meta.title)
        if meta.date is not None:
            self.add(node, DCTERMS.date, Literal(_iso(meta.date), datatype=XSD.date))
        self.add_zh(node, self.kg.publisher, meta.publisher)
        for editor in meta.editors:
            self.add_zh(node, self.kg.editor, editor)
        for reporter in meta.reporters:
            self.add_zh(node, self.kg.reporter, reporter)
        if meta.script:
            self.add(node, self.kg.originalScript, Literal(meta.script))
        for pi, position in enumerate(article.positions):
            self.map_position(ai, pi, position)
        for gi, agreement in enumerate(article.agreements):
            self.map_agreement(ai, gi, agreement)
        for ei, event in enumerate(article.events):
            self.map_event(ai, ei, event)
        for ri, relation in enumerate(article.relations):
            self.map_relation(ai, ri, relation)

    def map_position(self, ai: int, pi: int, position) -> None:
        node = self.uri(article_part_iri(self.slugs[ai], "position", pi))
        person = self.entity_node(ai, position.person, f"position {pi}")
        if person is None:
            return
        self.add(node, RDF.type, self.kg.Position)
        self.add(person, self.kg.holdsPosition, node)
        self.add_zh(node, self.kg.title, position.title)
        if position.org is not None:
            org = self.entity_node(ai, position.org, f"position {pi}")
            if org is not None:
                self.add(node, self.kg.positionIn, org)
        self.provenance(node, ai, position.sentence, position.evidence)

    def map_agreement(self, ai: int, gi: int, agreement) -> None:
        node = self.uri(article_part_iri(self.slugs[ai], "agreement", gi))
        self.add(node, RDF.type, self.kg.Agreement)
        self.add_zh(node, RDFS.label, agreement.name)
        for li in agreement.parties:
            party = self.entity_node(ai, li, f"agreement {gi}")
            if party is not None:
                self.add(node, self.kg.party, party)
                self.add(party, self.kg.signed, node)
        for li in agreement.witnesses:
            witness = self.entity_node(ai, li, f"agreement {gi}")
            if witness is not None:
                self.add(witness, self.kg.witnessed, node)
        for li in agreement.signers:
            signer = self.entity_node(ai, li, f"agreement {gi}")
            if signer is not None:
                self.add(node, self.kg.signer, signer)
        self.dates(node, agreement.date)
        self.provenance(node, ai, agreement.sentence, agreement.evidence)

    def map_event(self, ai: int, ei: int, event) -> None:
        article = self.corpus.articles[ai]
        node = self.uri(article_part_iri(self.slugs[ai], "event", ei))
        self.add(node, RDF.type, self.kg[event.kind if event.kind in _EVENT_CLASSES else "Event"])
        for li in event.agents:
            agent = self.entity_node(ai, li, f"event {ei}")
            if agent is not None:
                self.add(node, self.kg.agent, agent)
                self.add(node, self.kg.participant, agent)
        for li in event.targets:
            target = self.entity_node(ai, li, f"event {ei}")
            if target is not None:
                self.add(node, self.kg.target, target)
                if article.entities[li].type == "Person":
                    self.add(node, self.kg.participant, target)
        for li in event.companions:  # the agent's escorts (a host's own people at a meeting, 陪同)
            if article.entities[li].type == "Person":
                companion = self.entity_node(ai, li, f"event {ei}")
                if companion is not None:
                    self.add(node, self.kg.companion, companion)
        if event.place is not None:
            place = self.entity_node(ai, event.place, f"event {ei}")
            if place is not None:
                self.add(node, self.kg.place, place)
        if event.agreement is not None:
            if 0 <= event.agreement < len(article.agreements):
                self.add(node, self.kg.agreement, self.uri(article_part_iri(self.slugs[ai], "agreement", event.agreement)))
            else:
                article.errors.append(f"rdf: event {ei} refers to agreement {event.agreement}, not in the article")
        self.dates(node, event.date)
        self.provenance(node, ai, event.sentence, event.evidence)

    def map_relation(self, ai: int, ri: int, relation) -> None:
        article = self.corpus.articles[ai]
        if relation.kind not in _RELATION_KINDS:
            article.errors.append(f"rdf: relation {ri} has unknown kind {relation.kind!r}; skipped")
            return
        s = self.entity_node(ai, relation.subject, f"relation {ri}")
        o = self.entity_node(ai, relation.object, f"relation {ri}")
        if s is None or o is None or s == o:
            return
        prop = self.kg[relation.kind]
        self.add(s, prop, o)
        if relation.kind in _SYMMETRIC:
            self.add(o, prop, s)
        node = self.uri(article_part_iri(self.slugs[ai], "assertion", ri))
        self.add(node, RDF.type, self.kg.Assertion)
        self.add(node, self.kg.subject, s)
        self.add(node, self.kg.predicate, prop)
        self.add(node, self.kg.object, o)
        if relation.event is not None and 0 <= relation.event < len(article.events):
            self.add(node, self.kg.supportedBy, self.uri(article_part_iri(self.slugs[ai], "event", relation.event)))
        if relation.position is not None and 0 <= relation.position < len(article.positions):
            self.add(node, self.kg.supportedBy, self.uri(article_part_iri(self.slugs[ai], "position", relation.position)))
        self.provenance(node, ai, relation.sentence, relation.evidence)


__all__ = ["corpus_to_graph", "entity_class", "article_slugs"]
