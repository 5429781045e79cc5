"""The places a text is about, to resolve bodies named without their place.

``PlaceContext.place_for("市", pos, ...)`` answers which city a bare 市委 at
``pos`` means: the nearest city named before it, else the most-named one; in
a trip story (甲市委书记率团赴乙市考察，市委常委一同参加) a destination
gives way to the travellers' home (甲市), and a body word before the trip
verb of its clause (市委书记王一带队赴乙市) is never the destination's: with
no other city named, it names no body. Places inside company names
(甲市 in 甲市X科技有限公司) are no talk about that place.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from kg.doc import Article, Mention
from kg.lexicons import gazetteer as G
from kg.lexicons.load import derived, entries, words


@derived
def _level_of_char() -> dict[str, tuple[str, ...]]:
    """The levels a body's admin character may refer to (市委 -> a City or a
    county-level city): data/place_m_admin_suffixes.tsv, scopes refers_<Level>."""
    out = {}
    for e in entries("place_m_admin_suffixes"):
        levels = tuple(s.removeprefix("refers_") for s in e.scope if s.startswith("refers_"))
        if levels:
            out[e.word] = levels
    return out


@dataclass(frozen=True)
class _TripView:
    """The trips of a text (kg.context.trips) in gazetteer terms: where
    destinations are written, and the home places of the trips in order."""

    #: where destinations are written, those of trips that name no home included
    destination_at: frozenset[int] = frozenset()
    #: place codes of the destinations of trips that name a home, or whose clause has a
    #: bare body word before the destination (市委书记王一带队赴乙市: the writer's own
    #: travellers); 希望各方到甲市考察 has neither: 甲市 may well be the writer's home
    destinations: frozenset[str] = frozenset()
    #: home places per trip, in trip order, each in text order
    homes: tuple[tuple[G.Place, ...], ...] = ()
    #: (clause start, verb start, destination codes) of every trip verb, a home named or not
    verbs: tuple[tuple[int, int, frozenset[str]], ...] = ()
    #: (clause start, verb start, codes of the places before the verb) of every
    #: clause in which guests come to the writer's place (kg.context.trips.coming_clauses)
    guests: tuple[tuple[int, int, frozenset[str]], ...] = ()

    def away_at(self, pos: int) -> frozenset[str]:
        """Codes of the places a trip verb after ``pos`` in its clause goes to
        (市委书记王一带队赴乙市 -> 市委 is never 乙市's), and the guests' homes
        outside the clause that brings them (甲市代表团来乙市考察。…市长王一陪同:
        市长 is never 甲市's)."""
        return frozenset(c for lo, s, codes in self.verbs if lo <= pos < s for c in codes)

    def guests_at(self, pos: int) -> frozenset[str]:
        """Codes of the guests' homes outside the clause that brings them
        (甲市代表团来乙市考察。…市长王一陪同: 市长 is never 甲市's)."""
        return frozenset(c for lo, s, codes in self.guests if not lo <= pos < s for c in codes)

    def in_guest_clause(self, at: int, pos: int) -> bool:
        """Whether ``at`` lies in a clause that brings guests, before its verb, and ``pos`` does not."""
        return any(lo <= at < v and not lo <= pos < v for lo, v, _ in self.guests)

    def home_for(self, fits) -> G.Place | None:
        """kg.context.trips.home_of: the last fitting home of the first trip
        that has one, never a trip's destination."""
        for home in self.homes:
            cands = [p for p in home if fits(p) and p.code not in self.destinations]
            if cands:
                return cands[-1]
        return None


def outside_companies(text: str, place_hits, org_spans: list[tuple[int, int]]) -> list:
    """The place hits not nested inside a company's name (any organization
    whose name is no government body, as kg.context.focus.place_mentions
    says): 深圳市 in 深圳市甲科技有限公司 is no talk about 深圳市."""
    from kg.context.places import body_re

    companies = sorted((s, e) for s, e in org_spans if not body_re().search(text[s:e][-6:]))
    starts = [a for a, _ in companies]
    out = []
    for h in place_hits:
        s, e = h[0], h[1]
        k = bisect.bisect_right(starts, s) - 1
        inside = False
        while k >= 0 and starts[k] >= s - _MAX_NAME and not inside:  # names starting at or before s
            a, b = companies[k]
            inside = e <= b and (a, b) != (s, e)
            k -= 1
        if not inside:
            out.append(h)
    return out


#: no organization name is longer than this
_MAX_NAME = 64


def stationed_starts(text: str, place_hits) -> frozenset[int]:
    """Starts of the places a country's mission is stationed in: written right
    after a country and a stationed word (日本驻上海总领事馆: 上海 is where the
    mission lies, not what the text is about; data/context_stationed_words.tsv).
    驻湖州市部队 names no sending country: 湖州市 counts as any place does."""
    stationed = tuple(words("context_stationed_words"))
    country_ends = {h[1] for h in place_hits if h[2].level == "Country"}
    out = set()
    for s, _, _ in place_hits:
        word = next((w for w in stationed if text.endswith(w, 0, s)), None)
        if word is not None and s - len(word) in country_ends:
            out.add(s)
    return frozenset(out)


def trip_view(article: Article, place_hits, own_body=None) -> _TripView:
    """Run kg.context.trips on the place mentions known so far (none inside
    a company name): each place code stands for one entity. ``own_body(lo, hi)``
    says whether a bare body word (市委, 县政府) lies in text[lo:hi]: a trip that
    names no home is the writer's own when its clause has one before the
    destination (市委副书记、市长王一带队赴乙市), and its destinations are away."""
    from kg.context.focus import self_arrivals
    from kg.context.trips import clause_start, coming_clauses, find_trips, trip_verbs

    text = article.text
    ids: dict[str, int] = {}
    places: list[G.Place] = []
    mentions: list[Mention] = []
    for s, e, p in sorted(place_hits, key=lambda h: (h[0], -h[1])):
        if p.code not in ids:
            ids[p.code] = len(places)
            places.append(p)
        mentions.append(Mention(s, e, text[s:e], "Place", p.level, "gazetteer", p.name, p.code, entity=ids[p.code]))
    if not mentions:
        return _TripView()
    view = Article(source=article.source, raw="", text=text, sentences=article.sentences, mentions=mentions)
    trips = find_trips(view, [(m.start, m.entity) for m in mentions], homeless=True)  # type: ignore[misc]
    verbs = tuple((lo, s, frozenset(places[d].code for d in dest)) for lo, s, dest in trip_verbs(view))
    guests = tuple((lo, s, frozenset(places[m.entity].code for m in mentions  # type: ignore[index]
                                     if lo <= m.start < s and m.entity != dest))
                   for lo, s, dest in coming_clauses(view))
    # 乙县党政考察团在县长王一的带领下来我县考察: 乙县 is the guests' home for bare 县 bodies
    starts = {m.start for m in mentions}
    for lo, s, kinds in self_arrivals(text, lambda: starts):
        levels = {level for k in kinds for level in _level_of_char().get(k, ())}
        guests += ((lo, s, frozenset(places[m.entity].code for m in mentions  # type: ignore[index]
                                     if lo <= m.start < s and places[m.entity].level in levels)),)  # type: ignore[index]
    guests = tuple(g for g in guests if g[2])
    if not trips:
        return _TripView(verbs=verbs, guests=guests)
    return _TripView(
        frozenset(o for t in trips for o in t.at),
        frozenset(places[d].code for t in trips
                  if t.home or (own_body is not None and own_body(clause_start(text, t.at[0]), t.at[0]))
                  for d in t.destinations),
        tuple(tuple(places[h] for h in t.home) for t in trips),
        verbs,
        guests,
    )


class PlaceContext:
    """The places a text is about, to resolve 市委 / 省发改委 / 高新区党工委.

    In a trip story (甲市委书记王一率团赴乙市考察，市委常委张三一同参加) a
    level word whose nearest place is a trip destination means the
    travellers' home (甲市委), as kg.context.focus.focus_place decides it."""

    def __init__(self, place_mentions: list[tuple[int, int, G.Place]], parks: list[str],
                 trips: _TripView | None = None, stationed: frozenset[int] = frozenset(),
                 writer: G.Place | None = None, venues: frozenset[int] = frozenset()):
        self.trips = trips or _TripView()
        #: starts of the places written right after a locative word (在北京签署: :func:`venue_starts`):
        #: where something happened, not the place a later sentence's bare body is named after
        self.venues = venues
        #: the place the publisher is named after (梧州日报 -> 梧州市, :func:`writer_of`):
        #: a bare body word not preceded by another place in its sentence is its own
        self.writer = writer
        #: starts of the places a country's mission is stationed in (日本驻|上海总领事):
        #: no text is about them, so they neither are the nearest place a bare body
        #: is named after nor count for the place the text is about
        self.stationed = stationed
        self.mentions = sorted(place_mentions, key=lambda h: h[0])
        self.starts = [h[0] for h in self.mentions]
        self.parks = parks
        counts: dict[str, int] = {}
        self.by_code: dict[str, G.Place] = {}
        self.first: dict[str, int] = {}
        for s, _, p in self.mentions:
            if s not in stationed:
                counts[p.code] = counts.get(p.code, 0) + 1
                self.by_code[p.code] = p
                self.first.setdefault(p.code, s)
        self.counts = counts

    def place_for(self, level_char: str, pos: int, sent_start: int) -> G.Place | None:
        levels = _level_of_char().get(level_char, ())
        away = self.trips.away_at(pos)  # 市委书记王一带队赴乙市: not 乙市委
        # 甲市代表团来乙市考察。…市委书记王一陪同: not 甲市委, unless 甲市 is written in the
        # sentence before the body word (甲市委书记王一，市委副书记李二率队)
        guests = self.trips.guests_at(pos)

        def fits(p: G.Place, here: bool = False) -> bool:
            return p.level in levels and p.name.endswith(level_char) and p.code not in away \
                and (here or p.code not in guests)

        own = self.writer if self.writer is not None and fits(self.writer) else None
        k = bisect.bisect_left(self.starts, pos) - 1
        while k >= 0:  # the nearest place of that level before pos
            s, _, p = self.mentions[k]
            if own is not None and s < sent_start:
                return own  # 梧州日报讯 …在广州…。市长王一: the outlet's own city
            if s < sent_start and s in self.venues:
                k -= 1  # 甲市政府与乙在北京签署协议。市长王一: no 北京's mayor
                continue
            if s not in self.stationed and fits(p, s >= sent_start and not self.trips.in_guest_clause(s, pos)):
                if s in self.trips.destination_at:  # written as where the travellers went
                    home = self.trips.home_for(fits)
                    if home is not None or p.code not in self.trips.destinations:
                        return home or p
                    break  # our travellers went there, whose home the text names nowhere near
                else:
                    return p
            k -= 1
        if own is not None:
            return own
        cands = [p for p in self.by_code.values() if fits(p)]
        if not cands:
            return None
        staying = [p for p in cands if p.code not in self.trips.destinations]
        best = max(staying or cands, key=lambda p: (self.counts[p.code], -self.first[p.code]))
        if best.code in self.trips.destinations:
            return self.trips.home_for(fits) or best
        return best

    def park_for(self, generic: str) -> str | None:
        hits = sorted({p for p in self.parks if p.endswith(generic) and p != generic})
        return hits[0] if len(hits) == 1 else None


def venue_starts(text: str, place_hits) -> frozenset[int]:
    """Starts of the places written right after a locative word (在北京签署:
    data/context_locative_words.tsv)."""
    words_before = words("context_locative_words")
    return frozenset(s for s, _, _ in place_hits if text.endswith(words_before, 0, s))


def writer_of(text: str, publisher: str | None, place_hits) -> G.Place | None:
    """The place the publisher is named after (梧州日报 -> 梧州市), found among the
    text's place hits (the publisher is written in the text); never Hong Kong,
    Macau or Taiwan (kg.context.focus.writer_place reads it the same way)."""
    from kg.context.focus import named_after, publisher_forms

    pubs = publisher_forms(publisher)
    best = None
    for s, e, p in place_hits if pubs else ():
        if named_after(pubs, text[s:e]) and not G.outside_mainland(p.code) and (best is None or e - s > best[0]):
            best = (e - s, p)
    return best[1] if best else None


def sentence_start(article: Article, pos: int) -> int:
    for s in article.sentences:
        if s.start <= pos < s.end:
            return s.start
    return 0
