"""Relation candidates and their features.

A *candidate* is a pair of the article's entities that could stand in one of
the six entity relations (:data:`kg.rdf.vocab.ENTITY_RELATIONS`): the pair's
types fit the relation, and either the rules proposed it, or an event links
the two (a visit's leader and its targets, a meeting's sides), or they are
mentioned within :data:`WINDOW` sentences of each other. Pairs across
sentences are what the sentence-level rules cannot reach (a delegation's
leader named two sentences before the companies it toured).

Each candidate carries *features*: short strings (``rule``, ``dist:1``,
``ev:Visit:agent-target``, ``tb:meet`` ...) that say what the rules and the
discourse context know about the pair: the rules' verdicts, events, title
chains, trip places, trigger classes between and around the mentions, list
membership, the characters between them. The model
(:mod:`kg.scoring.component`) weighs them; no feature is a verdict by itself.
Every feature is also emitted conjoined with the relation kind
(``visited|rule``), so one model learns kind-specific weights.

Trigger classes come from the trigger lexicons (:mod:`kg.lexicons.triggers`),
list separators from ``context_list_separators.tsv``: no word is spelled here.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from dataclasses import dataclass, field

from kg.context.clauses import CLAUSE_BREAK
from kg.doc import Article
from kg.lexicons.load import derived, words
from kg.lexicons.triggers import speech_heard
from kg.rdf.vocab import ENTITY_RELATIONS, SYMMETRIC

#: the relation kinds the model scores
KINDS: tuple[str, ...] = ENTITY_RELATIONS
#: mentions at most this many sentences apart make a candidate
WINDOW = 2
#: between-text longer than this (characters) gives no character features
BETWEEN_CHARS = 30
#: at most this many characters between a speaker's name and the verb of their speech (在会见时, titles)
SPEAKER_GAP = 8
#: which entity types each kind takes (subject types, object types)
SIGNATURES: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "visited": (frozenset({"Person"}), frozenset({"Organization", "Place"})),
    "metWith": (frozenset({"Person"}), frozenset({"Person"})),
    "accompanied": (frozenset({"Person"}), frozenset({"Person"})),
    "affiliatedWith": (frozenset({"Person"}), frozenset({"Organization"})),
    "partOf": (frozenset({"Organization"}), frozenset({"Organization"})),
    "locatedIn": (frozenset({"Organization", "Place"}), frozenset({"Place"})),
}


@dataclass
class Candidate:
    kind: str
    subject: int  # entity indexes
    object: int
    #: the closest pair of mentions: (subject start, subject end, object start, object end), or None
    span: tuple[int, int, int, int] | None
    sentence: int
    #: the pair's features, sorted and distinct, not yet conjoined with the kind
    base: list[str] = field(default_factory=list)
    #: whether the rules produced this relation
    by_rule: bool = False

    @property
    def features(self) -> list[str]:
        """What the model reads: :attr:`base`, then each of them conjoined with the
        kind (``visited|dist:1``), in that order (the scorer encodes the same ids
        from ``base`` and ``kind`` without making these strings)."""
        return self.base + [f"{self.kind}|{x}" for x in self.base]


@derived
def trigger_classes() -> dict[str, re.Pattern]:
    """Trigger class name -> regex over the trigger lexicons."""
    from kg.lexicons import triggers as t

    def rx(ws) -> re.Pattern:
        ws = sorted(set(ws), key=len, reverse=True)
        return re.compile("|".join(map(re.escape, ws))) if ws else re.compile(r"(?!x)x")

    return {
        "visit": t.visit_motion_re(),
        "inspect": t.visit_inspect_re(),
        "weak": rx(words("trigger_visit_weak")),
        "trip": t.trip_re(),
        "meet": t.meet_object_re(),
        "meetwith": t.meet_with_re(),
        "accompany": t.accompany_re(),
        "sign": t.sign_re(),
        "witness": t.witness_re(),
        "group": rx(words("trigger_delegation_words")),
        "speech": rx(words("trigger_speech")),
    }


@derived
def _separators() -> frozenset[str]:
    return frozenset(words("context_list_separators", "discourse")) | frozenset("、,，/ \u3000")


@derived
def _directive_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(openers, closers) of a directive phrase (data/context_directive_words.tsv)."""
    return tuple(words("context_directive_words", "before")), tuple(words("context_directive_words", "after"))


@derived
def _reported_re() -> re.Pattern:
    """A verb of reported speech closing its clause (他说，/ 表示：: data/trigger_speech.tsv): what
    follows it in the sentence is what someone said."""
    return re.compile("(?:" + "|".join(map(re.escape, words("trigger_speech"))) + ")[，,:：]")


def _clause_start(text: str, start: int, pos: int) -> int:
    """Where the clause holding ``pos`` starts (after the last clause break from ``start``)."""
    return max((m.end() for m in CLAUSE_BREAK.finditer(text, start, pos)), default=start)


@derived
def _speaker_pronouns() -> frozenset[str]:
    """Pronouns standing for a named speaker (他说，: data/context_speaker_pronouns.tsv)."""
    return frozenset(words("context_speaker_pronouns"))


@derived
def _coordination() -> frozenset[str]:
    return frozenset(words("context_list_separators", "coordination"))


def coordinated(article: Article) -> dict[int, frozenset[int]]:
    """Entity -> the other entities listed with it: items of one list are mentions of
    one sentence joined only by a coordination word of data/context_list_separators.tsv
    (甲公司、乙公司、丙公司), people with people, the others with the others; a mention
    inside another (甲市 of 甲市政府) is no item. Entities listed in no list are absent."""
    joins = _coordination()
    text, mentions = article.text, article.mentions
    spans = []  # the outermost mentions, in text order
    for m in sorted((m for m in mentions if m.entity is not None), key=lambda m: (m.start, -m.end)):
        if not spans or m.start >= spans[-1].end:
            spans.append(m)
    ents = article.entities
    out: dict[int, set[int]] = {}
    run: list[int] = []

    def close() -> None:
        for ei in run:
            out.setdefault(ei, set()).update(x for x in run if x != ei)

    prev = None
    for m in spans:
        if prev is not None and text[prev.end:m.start] in joins and \
                (ents[prev.entity].type == "Person") == (ents[m.entity].type == "Person") and \
                article.sentence_of(prev.start) == article.sentence_of(m.start):
            run.append(m.entity)
        else:
            close()
            run = [m.entity]
        prev = m
    close()
    return {ei: frozenset(others) for ei, others in out.items() if others}


def _bucket(n: int) -> int:
    return 0 if n <= 0 else min(6, int(math.log2(n)) + 1)


class _Index:
    """Per-article lookups the features share (computed once per article)."""

    def __init__(self, article: Article):
        self.article = article
        text = article.text
        self.text = text
        self.mentions: dict[int, list[tuple[int, int, int]]] = {}  # entity -> [(start, end, sentence)]
        for ei, e in enumerate(article.entities):
            spans = []
            for mi in e.mentions:
                if 0 <= mi < len(article.mentions):
                    m = article.mentions[mi]
                    spans.append((m.start, m.end, article.sentence_of(m.start) if article.sentences else 0))
            self.mentions[ei] = sorted(set(spans))
        first = {ei: (ms[0][0] if ms else len(text) + ei) for ei, ms in self.mentions.items()}
        persons = sorted((ei for ei, e in enumerate(article.entities) if e.type == "Person"), key=first.get)
        self.person_rank = {ei: r for r, ei in enumerate(persons)}
        # rules' relations, both directions
        self.rule: dict[tuple[int, int], set[str]] = {}
        for r in article.relations:
            self.rule.setdefault((r.subject, r.object), set()).add(r.kind)
            if r.kind in SYMMETRIC:
                self.rule.setdefault((r.object, r.subject), set()).add(r.kind)
        # event roles
        self.roles: dict[int, list[tuple[int, str, str]]] = {}  # entity -> [(event, kind, role)]
        for xi, ev in enumerate(article.events):
            for role, members in (("agent", ev.agents), ("target", ev.targets), ("companion", ev.companions)):
                for ei in members:
                    self.roles.setdefault(ei, []).append((xi, ev.kind, role))
        # positions
        self.positions: dict[int, list] = {}
        for p in article.positions:
            self.positions.setdefault(p.person, []).append(p)
        # rejected decisions by (kind, subject name, object name)
        self.rejected: dict[tuple[str, str, str], set[str]] = {}
        for d in article.decisions:
            if d.decision == "rejected" and d.subject and d.object:
                head = (d.reason or "").split(":")[0].split(" ")[0][:24]
                self.rejected.setdefault((d.kind, d.subject, d.object), set()).add(head)
        # places
        ctx = article.context
        self.places = getattr(ctx, "places", {}) or {}
        self.destinations = set(getattr(ctx, "destinations", set()) or set())
        self.homes = {h for t in (getattr(ctx, "trips", []) or []) for h in t.home}
        self.place_mentions = sorted(getattr(ctx, "place_mentions", []) or [])
        self.triggers = trigger_classes()
        self._home: dict[int, int | None] = {}
        self._sentence_triggers: dict[int, list[str]] = {}
        self._quoted: dict[int, bool] = {}
        self._speaker_ends: list[int] | None = None

    def sentence_triggers(self, si: int) -> list[str]:
        """``ts:CLASS`` for each trigger class in sentence ``si`` (computed once per sentence)."""
        found = self._sentence_triggers.get(si)
        if found is None:
            sentences = self.article.sentences
            text = sentences[si].text if 0 <= si < len(sentences) else ""
            found = [f"ts:{name}" for name, rx in self.triggers.items() if text and rx.search(text)]
            self._sentence_triggers[si] = found
        return found

    def quoted(self, ei: int) -> bool:
        """Whether every mention of ``ei`` lies inside a directive phrase
        (贯彻落实X重要讲话精神: data/context_directive_words.tsv) or in what a named
        person said (:meth:`reported`): named, not present."""
        if ei not in self._quoted:
            ms = self.mentions.get(ei) or []
            before, after = _directive_words()
            self._quoted[ei] = bool(ms) and all(
                any(w in self.text[max(0, a - 20):a] for w in before) and any(w in self.text[b:b + 20] for w in after)
                or self.reported(a, si) for a, b, si in ms)
        return self._quoted[ei]

    def reported(self, pos: int, si: int) -> bool:
        """Whether ``pos`` lies in what a named person said (林武说，…; 周祖翼在会见时表示，…; 他说，…):
        after a verb of reported speech closing its clause, a person's mention or a pronoun
        (data/context_speaker_pronouns.tsv) at most :data:`SPEAKER_GAP` characters before it,
        in the same sentence."""
        sentences = self.article.sentences
        if not 0 <= si < len(sentences):
            return False
        ends = self._speaker_ends
        if ends is None:
            ents = self.article.entities
            ends = self._speaker_ends = sorted(m.end for m in self.article.mentions
                                               if m.entity is not None and ents[m.entity].type == "Person")
        pronouns = _speaker_pronouns()
        for v in _reported_re().finditer(self.text, sentences[si].start, pos):
            if speech_heard(self.text, _clause_start(self.text, sentences[si].start, v.start()), v.start()):
                continue  # 听取了情况介绍，…: heard, not said
            k = bisect_right(ends, v.start())
            window = self.text[max(sentences[si].start, v.start() - SPEAKER_GAP):v.start()]
            if k and sentences[si].start < ends[k - 1] and v.start() - ends[k - 1] <= SPEAKER_GAP or \
                    any(w in window for w in pronouns):
                return True
        return False

    def nested(self, a: int, b: int) -> bool:
        """Whether place entity ``a`` lies inside ``b`` or ``b`` inside ``a`` (gazetteer codes)."""
        from kg.context.structure import inside_by_code

        return bool(inside_by_code(self.places, a, b) or inside_by_code(self.places, b, a))

    def shared_org(self, a: int, b: int) -> bool:
        """Whether two people hold posts in one organization."""
        orgs = {p.org for p in self.positions.get(a, []) if p.org is not None}
        return any(p.org in orgs for p in self.positions.get(b, []))

    def place_of(self, ei: int) -> int | None:
        """The place an organization's name starts from, or a person's post's organization's."""
        if ei in self._home:
            return self._home[ei]
        self._home[ei] = None
        e = self.article.entities[ei]
        out = None
        if e.type == "Place":
            out = ei
        elif e.type == "Organization":
            for s, end, _ in self.mentions.get(ei, []):
                for off, pe in self.place_mentions:
                    if s <= off < end:
                        out = pe
                        break
                if out is not None:
                    break
        elif e.type == "Person":
            for p in self.positions.get(ei, []):
                if p.org is not None and p.org != ei:
                    out = self.place_of(p.org)
                    if out is not None:
                        break
        self._home[ei] = out
        return out

    def closest(self, a: int, b: int) -> tuple[tuple[int, int, int], tuple[int, int, int]] | None:
        ma, mb = self.mentions.get(a) or [], self.mentions.get(b) or []
        best, key = None, None
        for x in ma:
            for y in mb:
                k = (abs(x[2] - y[2]), abs(x[0] - y[0]))
                if key is None or k < key:
                    best, key = (x, y), k
        return best


def _pairs(article: Article, index: _Index, kinds: frozenset[str] | None = None) -> dict[tuple[str, int, int], str]:
    """(kind, subject, object) -> why it is a candidate (of ``kinds`` only, when given)."""
    ents = article.entities
    out: dict[tuple[str, int, int], str] = {}
    types = [e.type for e in ents]

    def add(kind: str, s: int, o: int, why: str) -> None:
        if kinds is not None and kind not in kinds:
            return
        if kind in SYMMETRIC and s > o:
            s, o = o, s
        if s != o:
            st, ot = SIGNATURES[kind]
            if types[s] in st and types[o] in ot:
                out.setdefault((kind, s, o), why)

    for r in article.relations:
        if r.kind in SIGNATURES:
            add(r.kind, r.subject, r.object, "rule")
    # mentions within WINDOW sentences: each unordered pair once, both directions, every kind
    # (every such candidate's reason is "near", so the order they are found in does not matter)
    by_sentence: dict[int, set[int]] = {}
    for ei, ms in index.mentions.items():
        for _s, _e, si in ms:
            by_sentence.setdefault(si, set()).add(ei)
    near_pairs: set[tuple[int, int]] = set()
    for si, here in by_sentence.items():
        near = set()
        for d in range(0, WINDOW + 1):
            near |= by_sentence.get(si + d, set())
        for a in here:
            for b in near:
                if a != b:
                    near_pairs.add((a, b) if a < b else (b, a))
    for a, b in near_pairs:
        for kind in KINDS:
            add(kind, a, b, "near")
            add(kind, b, a, "near")
    # events: agents with targets, agents of the same meeting, companions with agents
    visitors = {ei for ei, roles in index.roles.items() if any(k == "Visit" and r == "agent" for _x, k, r in roles)}
    targets = {ei for ei, roles in index.roles.items() if any(k == "Visit" and r == "target" for _x, k, r in roles)}
    for a in visitors:
        for b in targets:
            add("visited", a, b, "event")
    for ev in article.events:
        people = [*ev.agents, *ev.companions]
        for a in people:
            for b in people:
                add("metWith", a, b, "event")
                add("accompanied", a, b, "event")
    return out


class _Features:
    """The features of an article's pairs, with what several pairs share computed once:
    each entity's own features (as subject, as object), its event roles and names, the
    text between two mentions (shared by a pair in both directions), and a pair's
    features that do not depend on the relation kind (shared by the kinds of one pair)."""

    def __init__(self, index: _Index):
        self.index = index
        self.ents = index.article.entities
        self._as_subject: dict[int, list[str]] = {}
        self._as_object: dict[int, list[str]] = {}
        self._roles: dict[int, tuple[dict, list[str], list[str]]] = {}
        self._names: dict[int, set[str]] = {}
        self._between: dict[tuple[int, int], list[str]] = {}
        self._common: dict[tuple[int, int], tuple[list[str], tuple | None, int]] = {}
        self.separators = _separators()
        self.triggers = list(index.triggers.items())

    def as_subject(self, s: int) -> list[str]:
        found = self._as_subject.get(s)
        if found is None:
            index, es = self.index, self.ents[s]
            found = [f"st:{es.type}/{es.subtype}", "bias"]
            found.extend(f"stitle:{p.title[-2:]}" for p in index.positions.get(s, []))
            ps = index.place_of(s)
            if ps is not None and ps in index.homes:
                found.append("s_home_side")
            if ps is not None and ps in index.destinations:
                found.append("s_host_side")
            if es.type == "Person" and index.quoted(s):
                found.append("s_quoted")
            if es.type == "Person":
                found.append(f"srank:{min(index.person_rank.get(s, 9), 3)}")
            found.append(f"sm:{min(len(index.mentions.get(s, [])), 4)}")
            self._as_subject[s] = found
        return found

    def as_object(self, o: int) -> list[str]:
        found = self._as_object.get(o)
        if found is None:
            index, eo = self.index, self.ents[o]
            found = [f"ot:{eo.type}/{eo.subtype}"]
            if index.positions.get(o):
                found.append("o_titled")
                found.extend(f"otitle:{p.title[-2:]}" for p in index.positions[o][:2])
            if eo.type == "Place":
                found.append(f"olevel:{getattr(index.places.get(o), 'level', None)}")
                if o in index.destinations:
                    found.append("o_dest")
                if o in index.homes:
                    found.append("o_home")
            if eo.type == "Person" and index.quoted(o):
                found.append("o_quoted")
            if eo.type == "Person":
                found.append(f"orank:{min(index.person_rank.get(o, 9), 3)}")
            found.append(f"om:{min(len(index.mentions.get(o, [])), 4)}")
            self._as_object[o] = found
        return found

    def roles(self, ei: int) -> tuple[dict, list[str], list[str]]:
        """(event -> (kind, role), its ``evs:`` features, its ``evo:`` features)."""
        found = self._roles.get(ei)
        if found is None:
            r = {x: (k, role) for x, k, role in self.index.roles.get(ei, [])}
            kr = set(r.values())
            found = (r, [f"evs:{k}:{role}" for k, role in kr], [f"evo:{k}:{role}" for k, role in kr])
            self._roles[ei] = found
        return found

    def names(self, ei: int) -> set[str]:
        found = self._names.get(ei)
        if found is None:
            e = self.ents[ei]
            found = self._names[ei] = {e.name, *e.aliases}
        return found

    def between(self, lo: int, hi: int) -> list[str]:
        """The features of the text between two mentions of one sentence."""
        found = self._between.get((lo, hi))
        if found is None:
            between = self.index.text[lo:hi] if lo <= hi else ""
            found = [f"gap:{_bucket(len(between))}"]
            if between:
                separators = self.separators
                if all(c in separators for c in between):
                    found.append("listsep")
                found.extend(f"tb:{name}" for name, rx in self.triggers if rx.search(between))
            else:
                found.append("adjacent")
            if len(between) <= BETWEEN_CHARS:
                found.extend(f"bg:{between[i:i + 2]}" for i in range(len(between) - 1))
                found.extend(f"bc:{c}" for c in set(between))
            self._between[(lo, hi)] = found
        return found

    def common(self, s: int, o: int) -> tuple[list[str], tuple | None, int]:
        """The pair's features that do not depend on the relation kind, its closest mentions, its sentence."""
        found = self._common.get((s, o))
        if found is not None:
            return found
        index = self.index
        es, eo = self.ents[s], self.ents[o]
        f = [*self.as_subject(s), *self.as_object(o)]
        f.extend(f"rule_rev:{k}" for k in index.rule.get((o, s), ()))
        # event roles
        rs, evs, _ = self.roles(s)
        ro, _, evo = self.roles(o)
        if rs and ro:
            for x in rs.keys() & ro.keys():
                f.append(f"ev:{rs[x][0]}:{rs[x][1]}-{ro[x][1]}")
        f.extend(evs)
        f.extend(evo)
        # positions
        for p in index.positions.get(s, ()):
            f.append("pos_in" if p.org == o else "titled")
        # names
        o_in_s = s_starts = s_in_o = False  # one pass over the name pairs for the three
        for n in self.names(o):
            for m in self.names(s):
                if n != m:
                    if m.startswith(n):
                        s_starts = True
                        o_in_s = o_in_s or bool(n)
                    elif n and n in m:
                        o_in_s = True
                    if n and m in n:
                        s_in_o = True
        if o_in_s:
            f.append("o_in_s_name")
        if s_starts:
            f.append("s_starts_o")
        if s_in_o:
            f.append("s_in_o_name")
        # places and sides
        if eo.type == "Place":
            info = index.places.get(o)
            si = index.places.get(s)
            if si is not None and info is not None and si.parent and info.code and si.parent == info.code:
                f.append("gaz_parent")
        ps, po = index.place_of(s), index.place_of(o)
        if ps is None or po is None:
            f.append("place:none")
        elif ps == po:
            f.append("place:same")
        elif index.nested(ps, po):
            f.append("place:nested")  # 迎江区 in 安庆市: the same side of a meeting
        else:
            f.append("place:diff")
        if es.type == eo.type == "Person" and index.shared_org(s, o):
            f.append("org:shared")
        # the closest mentions
        span = index.closest(s, o)
        sentence = 0
        if span is None:
            f.append("dist:none")
        else:
            (ss, se, si), (os_, oe, oi) = span
            sentence = min(si, oi)
            f.append(f"dist:{min(abs(si - oi), 3)}")
            s_first = ss < os_
            f.append("order:so" if s_first else "order:os")
            text = index.text
            if si == oi:
                f.extend(self.between(*((se, os_) if s_first else (oe, ss))))
            f.extend(index.sentence_triggers(si))
            if oi != si:
                f.extend(index.sentence_triggers(oi))
            f.append(f"sl:{text[max(0, ss - 2):ss]}")
            f.append(f"sr:{text[se:se + 2]}")
            f.append(f"ol:{text[max(0, os_ - 2):os_]}")
            f.append(f"or:{text[oe:oe + 2]}")
        found = self._common[(s, o)] = (f, span, sentence)
        return found

    def pair(self, kind: str, s: int, o: int) -> tuple[list[str], tuple | None, int]:
        """All the features of ``kind`` between ``s`` and ``o`` (unsorted, maybe repeated)."""
        common, span, sentence = self.common(s, o)
        f = list(common)
        said = self.index.rule.get((s, o), ())
        if kind in said:
            f.append("rule")
        f.extend(f"rule_fwd:{k}" for k in said if k != kind)
        for head in self.index.rejected.get((kind, self.ents[s].name, self.ents[o].name), ()):
            f.append(f"rej:{head}")
        return f, span, sentence


def candidates(article: Article, kinds=None) -> list[Candidate]:
    """The article's relation candidates with their features, in a stable order;
    with ``kinds``, those of these kinds only (the build scores only the kinds the
    model decides; training and the ablation take every kind)."""
    if not article.entities:
        return []
    index = _Index(article)
    features = _Features(index)
    out = []
    for (kind, s, o), why in sorted(_pairs(article, index, None if kinds is None else frozenset(kinds)).items()):
        feats, span, sentence = features.pair(kind, s, o)
        feats.append(f"why:{why}")
        flat = None if span is None else (span[0][0], span[0][1], span[1][0], span[1][1])
        by_rule = kind in index.rule.get((s, o), set())
        out.append(Candidate(kind, s, o, flat, sentence, sorted(set(feats)), by_rule))
    return out


#: feature prefixes that carry the rules' verdicts (left out for the model-only ablation)
RULE_FEATURES = ("rule", "rule_fwd:", "rule_rev:", "rej:", "why:rule")


def without_rules(features: list[str]) -> list[str]:
    """``features`` without the rules' verdicts (the ablation's model-only input)."""
    def base(x: str) -> str:
        return x.split("|", 1)[1] if "|" in x else x

    return [x for x in features if not any(base(x) == p or (p.endswith(":") and base(x).startswith(p))
                                            for p in RULE_FEATURES)]
