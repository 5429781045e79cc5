"""Trips: travellers going from their home place to another place.

``甲市委书记王一率甲市代表团赴乙省乙市考察`` and ``甲区到乙区开展推介活动``
each tell a trip: the places written before the trip verb in its clause
are the travellers' *home* (甲市, 甲区; a body's name counts: 甲市委 names
甲市), the places right after it the *destinations* (乙省, 乙市; 乙区).

kg.context.focus uses this so that the words the travellers' own media use
for their home (市委, 市长, 我市, 两地) mean the home and not the place
named last: in ``…赴乙市考察。市委常委、秘书长张三一同参加`` 市委 is 甲市委.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.doc import Article, Mention
from kg.context.places import covered
from kg.lexicons.load import alternation, derived, words
from kg.lexicons.triggers import MOTION_FALSE_BEFORE, TRIP_RE

#: where a trip's clause ends
CLAUSE_END_RE = re.compile(r"[，,；;。！？!?：:\n]")
#: the clause ends a guests' clause reaches back over for its subject
_SUBJECT_COMMAS = frozenset("，,")
#: a clause with no more characters than this before its verb has no subject of its own (一行来我市)
_NO_SUBJECT = 2
#: words that may stand between the trip verb and the destination (赴了, 到了)
#: (data/context_trip_gaps.tsv)
_GAP = frozenset(words("context_trip_gaps"))


@derived
def _dest_seps() -> tuple[str, ...]:
    """Words between the places of one trip's destination list, longest first
    (data/context_list_separators.tsv, scope destinations)."""
    return tuple(sorted(words("context_list_separators", "destinations"), key=len, reverse=True))


@dataclass(frozen=True)
class Trip:
    """One trip sentence: home places and destinations, in text order."""

    sentence: int
    home: tuple[int, ...]
    destinations: tuple[int, ...]
    #: where the destinations are written (offsets of their mentions)
    at: tuple[int, ...] = ()


def _place_starts(article: Article) -> tuple[set[int], dict[int, Mention]]:
    """Starts of non-generic place mentions, and per start the longest place mention there."""
    starts = {m.start for m in article.mentions if m.entity is not None and m.type == "Place" and not m.generic}
    longest: dict[int, Mention] = {}
    for x in article.mentions:
        if x.entity is not None and x.type == "Place" and (x.start not in longest or x.end > longest[x.start].end):
            longest[x.start] = x
    return starts, longest


def _destinations(article: Article, start: int, places: tuple[set[int], dict[int, Mention]]) -> list[tuple[int, int]]:
    """(offset, place) of the chain of place mentions right after a trip verb
    (赴广东省深圳市 -> both)."""
    text = article.text
    while start < len(text) and text[start] in _GAP:
        start += 1
    starts, longest = places
    out: list[tuple[int, int]] = []
    pos = start
    while pos in starts:
        m = longest[pos]
        out.append((pos, m.entity))  # type: ignore[arg-type]
        pos = m.end
        sep = next((w for w in _dest_seps() if text.startswith(w, pos) and pos + len(w) in starts), None)
        if sep:  # 到深圳、东莞、广州等地: each place of the list
            pos += len(sep)
    return out


def find_trips(article: Article, place_refs: list[tuple[int, int]], homeless: bool = False) -> list[Trip]:
    """Every clause ``<home places> … 赴/前往/到 <destination places>``.

    ``place_refs`` are (offset, place entity) of every place mention, a
    body's leading place included (kg.context.focus.place_mentions). A
    trip needs a home and a destination; a home place that is also a
    destination of the same clause is no home. With ``homeless``, a clause
    that names no home is a trip too (市四套班子领导赴乙市: 乙市 is where the
    travellers went, whoever they are).
    """
    from bisect import bisect_left

    text = article.text
    cov = covered(article)
    places = _place_starts(article)
    refs = sorted(place_refs)
    ref_offsets = [o for o, _ in refs]
    trips: list[Trip] = []
    for m in TRIP_RE.finditer(text):
        s, w = m.start(), m.group()
        if any(cov[s : m.end()]):
            continue
        if w in MOTION_FALSE_BEFORE and s > 0 and text[s - 1] in MOTION_FALSE_BEFORE[w]:
            continue
        found = _destinations(article, m.end(), places)
        dest = list(dict.fromkeys(p for _, p in found))
        if not dest:
            continue
        lo = s
        floor = article.sentences[article.sentence_of(s)].start if article.sentences else 0
        floor = min(floor, s)
        while lo > floor and not CLAUSE_END_RE.match(text[lo - 1]):
            lo -= 1
        home: list[int] = []
        for off, place in refs[bisect_left(ref_offsets, lo):bisect_left(ref_offsets, s)]:
            if place not in dest and place not in home:
                home.append(place)
        if home or homeless:
            trips.append(Trip(article.sentence_of(s), tuple(home), tuple(dest), tuple(o for o, _ in found)))
    return trips


def home_of(trips: list[Trip], fits) -> int | None:
    """The travellers' home place that ``fits`` (a level test), from the first
    trip that names one: the most specific (last written) fitting home place
    that is no trip's destination."""
    away = {d for t in trips for d in t.destinations}
    for t in trips:
        cands = [h for h in t.home if fits(h) and h not in away]
        if cands:
            return cands[-1]
    return None


def destinations(trips: list[Trip]) -> set[int]:
    return {d for t in trips for d in t.destinations}


def two_sides(trips: list[Trip]) -> tuple[int, int] | None:
    """两地 / 双方 as places: the most specific home and destination of the first trip."""
    for t in trips:
        return t.home[-1], t.destinations[-1]
    return None


def clause_start(text: str, pos: int) -> int:
    """Where the clause holding ``pos`` starts (after the last :data:`CLAUSE_END_RE` before it)."""
    lo = pos
    while lo > 0 and not CLAUSE_END_RE.match(text[lo - 1]):
        lo -= 1
    return lo


def guests_clause_start(text: str, verb: int, place_starts: set[int]) -> int:
    """Where the clause that brings guests with the verb at ``verb`` starts: its own
    clause, or, when that has no subject (at most :data:`_NO_SUBJECT` characters
    before the verb, no place among them: 一行) and follows a comma after a clause
    in which someone leads a group (data/trigger_delegation_leads.tsv, scope lead),
    that clause too (甲市副市长王一率考察团，来我市考察: 甲市 is the guests' home)."""
    lo = clause_start(text, verb)
    if 0 < lo and verb - lo <= _NO_SUBJECT and text[lo - 1] in _SUBJECT_COMMAS \
            and not any(lo <= p < verb for p in place_starts):
        before = clause_start(text, lo - 1)
        if _lead_re().search(text, before, lo - 1):
            return before
    return lo


@derived
def _lead_re() -> re.Pattern:
    """A word by which someone leads a group (率, 带领, 带队: data/trigger_delegation_leads.tsv, scope lead)."""
    return re.compile(alternation("trigger_delegation_leads", "lead", regex=True, file_order=True))


def per_mentions_state(article: Article, name: str, compute):
    """``compute(article)``, once per state of the article's mentions and entities
    (kept on the article under ``name``; a stage that adds mentions invalidates it)."""
    memo = article.__dict__.setdefault(name, {})
    key = (len(article.mentions), len(article.entities))
    if memo.get("key") != key:
        memo["key"], memo["value"] = key, compute(article)
    return memo["value"]


def trip_verbs(article: Article) -> list[tuple[int, int, frozenset[int]]]:
    """(clause start, verb start, destination places) of every trip verb that
    has places right after it, whether or not its clause names a home."""
    text = article.text
    cov = covered(article)
    places = _place_starts(article)
    out = []
    for m in TRIP_RE.finditer(text):
        s, w = m.start(), m.group()
        if any(cov[s : m.end()]) or (w in MOTION_FALSE_BEFORE and s > 0 and text[s - 1] in MOTION_FALSE_BEFORE[w]):
            continue
        found = _destinations(article, m.end(), places)
        if not found:
            continue
        lo = clause_start(text, s)
        out.append((lo, s, frozenset(p for _, p in found)))
    return out


def destinations_ahead(article: Article, offset: int) -> set[int]:
    """Places a trip verb after ``offset`` in its clause goes to (市委书记王一带队赴
    乙市: at 市委, {乙市}): the travellers' own body words before the verb are
    never the destination's."""
    verbs = per_mentions_state(article, "_trip_verbs", trip_verbs)
    return {p for lo, s, dest in verbs if lo <= offset < s for p in dest}


@derived
def _coming_re() -> re.Pattern:
    """A coming verb said by the hosts (data/context_coming_verbs.tsv, scope verb)."""
    return re.compile(alternation("context_coming_verbs", "verb"))


@derived
def _coming_after() -> tuple[str, ...]:
    """What follows a one-character abbreviation after a coming verb (来盐考察, 来宿对接)."""
    return tuple(words("trigger_visit_inspect")) + words("context_coming_verbs", "after")


@derived
def _not_coming() -> tuple[str, ...]:
    """Words that end with a coming verb and are no coming (以来, 带来)."""
    return words("context_coming_verbs", "false")


def coming_clauses(article: Article) -> list[tuple[int, int, int | None]]:
    """(clause start, verb start, destination place or None) of every clause in which travellers come to
    the writer's place (D6): ``甲市代表团来乙市考察``, ``甲市代表团来乙考察``
    (a one-character abbreviation), ``莅临乙市``. The host writes them, so the
    places before the verb in the clause are the guests' home (see
    kg.context.focus.guests_homes), unless it is where they come (热情的乙市人民
    期待朋友来乙市考察: 乙市 is no guest's home)."""
    text = article.text
    cov = covered(article)
    starts, longest = _place_starts(article)
    out = []
    for m in _coming_re().finditer(text):
        s, e = m.start(), m.end()
        if any(cov[s:e]) or any(text.endswith(w, 0, e) for w in _not_coming()):
            continue
        pos = e
        while pos < len(text) and text[pos] in _GAP:
            pos += 1
        abbreviation = pos < len(text) and 0x4E00 <= ord(text[pos]) <= 0x9FFF and not cov[pos] \
            and text.startswith(_coming_after(), pos + 1)
        if pos not in starts and not abbreviation:
            continue
        lo = guests_clause_start(text, s, starts)
        out.append((lo, s, longest[pos].entity if pos in starts else None))
    return out
