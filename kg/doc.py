"""The one data structure that flows through the pipeline.

An :class:`Article` is created by the reader with its raw text, and each
stage enriches it in place:

    reading       -> Article.raw, Article.source
    normalization -> Article.text, Article.offsets, Article.sentences, Article.meta
    NLP backend   -> Sentence.analysis (tokens, model NER spans, optional dep/SRL)
    recognition   -> Article.mentions
    coreference   -> Article.entities (one LocalEntity per real entity in the article)
    extraction    -> Article.positions, Article.events, Article.agreements, Article.relations
    resolution    -> kg.resolve produces global Entity objects across articles
    RDF mapping   -> rdflib.Graph

All offsets are character offsets into ``Article.text`` (the normalized
Simplified text), half-open ``[start, end)``, unless a name says ``raw``.
Everything here is plain data: no behaviour beyond small derived helpers.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Literal

EntityType = Literal["Person", "Organization", "Place"]

#: Organization subclasses of the contract (kg:GovernmentBody ...).
ORG_SUBTYPES = ("GovernmentBody", "Company", "ResearchInstitution", "University", "Association")
#: Place subclasses of the contract (kg:Country ...).
PLACE_SUBTYPES = ("Country", "Province", "City", "District", "Town", "Park")

RelationKind = Literal["visited", "metWith", "accompanied", "affiliatedWith", "partOf", "locatedIn"]
EventKind = Literal["Visit", "Meeting", "Signing"]


@dataclass
class OffsetMap:
    """Maps every normalized character back to the raw text.

    ``raw_index[i]`` is the raw offset of normalized character ``i``;
    ``raw_end[i]`` is the raw offset just after the raw material that
    produced it (a converted or repaired character may come from several
    raw characters). Both lists have ``len(text)`` entries.
    """

    raw_index: list[int] = field(default_factory=list)
    raw_end: list[int] = field(default_factory=list)

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Raw ``[start, end)`` covering normalized ``[start, end)``."""
        if start >= end:
            pos = self.raw_index[start] if start < len(self.raw_index) else (self.raw_end[-1] if self.raw_end else 0)
            return pos, pos
        return self.raw_index[start], max(self.raw_end[start:end])


@dataclass
class DateRange:
    """A date or a date range read from text; ``year`` unknown -> None fields."""

    start: _dt.date | None
    end: _dt.date | None = None
    text: str = ""
    #: month/day known but the year is not (no publication date to take it from)
    year_unknown: bool = False
    month: int | None = None
    day: int | None = None
    #: last day of a range when the year is unknown (11月6日至9日 -> 11, 9)
    end_month: int | None = None
    end_day: int | None = None


@dataclass
class ArticleMeta:
    title: str | None = None
    date: _dt.date | None = None
    publisher: str | None = None
    editors: list[str] = field(default_factory=list)
    reporters: list[str] = field(default_factory=list)
    #: script detected in the input: "simplified" or "traditional"
    script: str = "simplified"
    #: OpenCC configuration used ("t2s", "tw2s", "hk2s") or None
    conversion: str | None = None


@dataclass
class Token:
    text: str
    start: int  # article offset
    end: int
    pos: str | None = None


@dataclass
class Dependency:
    head: int  # index into Sentence.analysis.tokens, -1 for root
    relation: str


@dataclass
class SrlArgument:
    role: str  # e.g. "ARG0", "PRED", "ARGM-LOC"
    start: int  # article offsets
    end: int
    text: str


@dataclass
class ModelSpan:
    """An entity span as the NLP model tagged it, already mapped to our types."""

    start: int  # article offsets
    end: int
    text: str
    type: EntityType
    label: str  # the model's own tag, e.g. "NR", "ORGANIZATION", "ORG"
    #: the model's probability of exactly this span (kg.nlp.ner_model.SpanScorer), when it gives one
    confidence: float | None = None


@dataclass
class SentenceAnalysis:
    """What an NLP backend says about one sentence (see kg.nlp.hanlp_adapter)."""

    tokens: list[Token] = field(default_factory=list)
    entities: list[ModelSpan] = field(default_factory=list)
    dependencies: list[Dependency] = field(default_factory=list)  # one per token when present
    srl: list[list[SrlArgument]] = field(default_factory=list)  # one frame per predicate


@dataclass
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int = 0
    analysis: SentenceAnalysis | None = None


@dataclass
class Mention:
    """One surface occurrence of an entity in the normalized text."""

    start: int
    end: int
    text: str
    type: EntityType
    subtype: str | None = None  # one of ORG_SUBTYPES / PLACE_SUBTYPES
    #: where it came from: "model", "org-rule", "gazetteer", "title-context", ...
    source: str = "model"
    #: canonical form suggested by the recognizer (e.g. 平顶山 -> 平顶山市)
    canonical: str | None = None
    #: administrative division code for places from the gazetteer
    code: str | None = None
    #: True for generic references (集团, 该公司, 市委) resolved to an entity
    generic: bool = False
    #: index into Article.entities once coreference has run
    entity: int | None = None


@dataclass
class LocalEntity:
    """One real-world entity as seen in one article (a coreference cluster)."""

    name: str  # canonical name in this article, fullest form, Simplified
    type: EntityType
    subtype: str | None = None
    aliases: set[str] = field(default_factory=set)
    code: str | None = None
    mentions: list[int] = field(default_factory=list)  # indexes into Article.mentions
    #: for places/orgs: the name of the place it is in, when known (helps resolution)
    context: str | None = None


@dataclass
class Position:
    person: int  # index into Article.entities
    title: str
    org: int | None  # organization or place entity index, None when unknown
    sentence: int
    evidence: str = ""


@dataclass
class Event:
    kind: EventKind
    #: the acting people (the delegation leader for a visit, both sides of a meeting)
    agents: list[int]
    #: what was visited / met / the agreement signed (entity indexes; for Signing see agreement)
    targets: list[int] = field(default_factory=list)
    sentence: int = 0
    evidence: str = ""
    date: DateRange | None = None
    place: int | None = None
    agreement: int | None = None  # index into Article.agreements for Signing
    #: people who joined the visit or meeting (陪同, 一同调研): the subjects of accompanied
    companions: list[int] = field(default_factory=list)


@dataclass
class Agreement:
    name: str
    parties: list[int]
    witnesses: list[int] = field(default_factory=list)
    signers: list[int] = field(default_factory=list)  # people who signed on behalf
    sentence: int = 0
    evidence: str = ""
    date: DateRange | None = None


@dataclass
class Relation:
    """A shortcut triple between two entities of the article, with provenance."""

    kind: RelationKind
    subject: int
    object: int
    sentence: int
    evidence: str = ""
    #: index into Article.events / positions backing it, when there is one
    event: int | None = None
    position: int | None = None


@dataclass
class Decision:
    """One decision about a relation candidate, for ``kg explain`` and the tests:
    what was considered, on which evidence, which signals fired, and whether it
    was kept or rejected and why."""

    kind: str  # a relation kind (visited, metWith ...), or the event/agreement it would have come from
    subject: str | None  # entity names (None when the candidate was rejected before its ends were known)
    object: str | None
    start: int  # evidence span in Article.text
    end: int
    signals: tuple[str, ...] = ()
    decision: str = "kept"  # kept / rejected
    reason: str = ""


@dataclass
class Article:
    source: str  # file name ("000_x.txt") or "stdin-<12 hex digits of its SHA-256>"
    raw: str
    path: str | None = None
    text: str = ""
    offsets: OffsetMap = field(default_factory=OffsetMap)
    sentences: list[Sentence] = field(default_factory=list)
    meta: ArticleMeta = field(default_factory=ArticleMeta)
    mentions: list[Mention] = field(default_factory=list)
    entities: list[LocalEntity] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    #: non-fatal problems met while processing (messages)
    errors: list[str] = field(default_factory=list)
    #: the discourse context (kg.context.model.ArticleContext), written by the context stage
    context: object | None = None
    #: decisions about relation candidates, kept and rejected (kg explain)
    decisions: list[Decision] = field(default_factory=list)

    def raw_span(self, start: int, end: int) -> str:
        """The raw (original script) text behind normalized ``[start, end)``."""
        rs, re_ = self.offsets.to_raw(start, end)
        return self.raw[rs:re_]

    def sentence_of(self, offset: int) -> int:
        """The sentence holding ``offset`` (sentences are sorted and disjoint:
        a binary search); an offset between or after sentences gives the last."""
        from bisect import bisect_right

        sentences = self.sentences
        key = (id(sentences), len(sentences))
        cached = self.__dict__.get("_sentence_starts")
        if cached is None or cached[0] != key:
            cached = (key, [s.start for s in sentences])
            self.__dict__["_sentence_starts"] = cached
        i = bisect_right(cached[1], offset) - 1
        if i >= 0 and offset < sentences[i].end:
            return i
        return max(0, len(sentences) - 1)


@dataclass
class ReadError:
    """A file that could not be read into an Article, and why."""

    source: str
    reason: str


@dataclass
class Entity:
    """One real-world entity across the whole corpus (a graph node)."""

    #: stable identifier chosen by resolution, unique in the corpus, used for the IRI
    #: (e.g. "person/陈向平", "org/平顶山市委", "place/410400"); same input -> same key
    key: str
    name: str  # canonical label: fullest Simplified form the corpus gives
    type: EntityType
    subtype: str | None = None
    aliases: set[str] = field(default_factory=set)  # every other surface form (skos:altLabel)
    code: str | None = None  # administrative division code for places
    #: (article index, local entity index) of every LocalEntity merged into it
    members: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Corpus:
    """All articles of a build and the entities resolved across them."""

    articles: list[Article] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    #: (article index, local entity index) -> index into ``entities``
    index: dict[tuple[int, int], int] = field(default_factory=dict)

    def entity_of(self, article: int, local: int) -> Entity:
        return self.entities[self.index[(article, local)]]
