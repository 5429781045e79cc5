"""Resolution of people across articles: same name *and* linking evidence.

Blocking is by the person's name (match form); within a name, records are
united through shared evidence keys, never compared pairwise. Two people
with the same name are one when any of these holds:

1. same article (coreference already decided they are one person);
2. same affiliation: both are tied (a position's organization or place, or
   an affiliatedWith relation) to the same resolved organization, or place
   below province level;
3. same title in the same place: equal title, and the position's place
   (the place itself, or the organization's context place, else the place
   its name starts with: 平顶山市委 -> 平顶山) is one
   resolved place, at any level (省长 of 河南省);
4. same local place: the places of their affiliations share a resolved
   place below province level (city, district, county, park);
5. the same national office (总书记, 国家主席, 国务院总理 ...);
6. shared article context, only for people without evidence of their own:
   the two articles mention one resolved organization or sub-province place,
   and at most one of the people involved has any affiliation (a person
   with affiliations never absorbs a second, differently-affiliated one
   through this rule).

People in unrelated contexts (no shared key) stay apart.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from kg.doc import Article
from kg.resolve.lexicon import PrefixLexicon
from kg.resolve.names import match_form, place_core
from kg.resolve.records import LocalRecord
from kg.resolve.tables import NATIONAL_TITLES, NON_PREFIX_PLACES, PROVINCES
from kg.resolve.unionfind import TaggedUnionFind

_BROAD_SUBTYPES = ("Country", "Province")
_PROVINCE_CORES = frozenset(PROVINCES) | NON_PREFIX_PLACES


@dataclass
class _Evidence:
    affiliations: set[int] = field(default_factory=set)  # body roots
    titled_places: set[tuple[str, int]] = field(default_factory=set)
    places: set[int] = field(default_factory=set)  # sub-province place roots
    national: set[str] = field(default_factory=set)

    @property
    def anchored(self) -> bool:
        return bool(self.affiliations or self.titled_places or self.national)


class _PlaceIndex:
    """Resolved places: context name -> place root, and which roots are broad."""

    def __init__(self, records: list[LocalRecord], uf: TaggedUnionFind) -> None:
        by_core: dict[str, set[int]] = defaultdict(set)
        self.broad: set[int] = set()
        for r in records:
            if r.type != "Place":
                continue
            root = uf.find(r.index)
            for form in (r.key, *r.alias_keys):
                by_core[place_core(form)].add(root)
            if r.subtype in _BROAD_SUBTYPES or (r.code and r.code.endswith("0000")):
                self.broad.add(root)
            if place_core(r.key) in _PROVINCE_CORES:
                self.broad.add(root)
        self._unique = {core: next(iter(roots)) for core, roots in by_core.items() if len(roots) == 1}

    def lookup(self, core: str | None) -> int | None:
        return self._unique.get(core) if core else None


def _evidence(
    articles: list[Article],
    records: list[LocalRecord],
    ref_index: dict[tuple[int, int], int],
    uf: TaggedUnionFind,
    places: _PlaceIndex,
    lex: PrefixLexicon,
) -> dict[int, _Evidence]:
    ev: dict[int, _Evidence] = defaultdict(_Evidence)

    def body(a: int, local: int | None) -> LocalRecord | None:
        if local is None:
            return None
        i = ref_index.get((a, local))
        if i is None or records[i].type not in ("Organization", "Place"):
            return None
        return records[i]

    def place_of(rec: LocalRecord) -> int | None:
        if rec.type == "Place":
            return uf.find(rec.index)
        return places.lookup(lex.home_place(rec))

    for a, article in enumerate(articles):
        for pos in article.positions:
            p = ref_index.get((a, pos.person))
            if p is None or records[p].type != "Person":
                continue
            title = match_form(pos.title or "")
            if title in NATIONAL_TITLES:
                ev[p].national.add(title)
            org = body(a, pos.org)
            if org is None:
                continue
            root = uf.find(org.index)
            if root not in places.broad:
                ev[p].affiliations.add(root)
            place = place_of(org)
            if place is not None:
                if title:
                    ev[p].titled_places.add((title, place))
                if place not in places.broad:
                    ev[p].places.add(place)
        for rel in article.relations:
            if rel.kind != "affiliatedWith":
                continue
            p = ref_index.get((a, rel.subject))
            org = body(a, rel.object)
            if p is None or records[p].type != "Person" or org is None:
                continue
            root = uf.find(org.index)
            if root not in places.broad:
                ev[p].affiliations.add(root)
            place = place_of(org)
            if place is not None and place not in places.broad:
                ev[p].places.add(place)
    return ev


def resolve_persons(
    articles: list[Article],
    records: list[LocalRecord],
    uf: TaggedUnionFind,
    ref_index: dict[tuple[int, int], int],
    lex: PrefixLexicon,
) -> None:
    """Unite person records in ``uf``; bodies must already be resolved."""
    places = _PlaceIndex(records, uf)
    ev = _evidence(articles, records, ref_index, uf, places, lex)
    persons = [r for r in records if r.type == "Person" and r.key]

    keys: dict[tuple, list[int]] = defaultdict(list)
    for r in persons:
        e = ev.get(r.index, _Evidence())
        name, a = r.key, r.ref[0]
        keys[("article", name, a)].append(r.index)
        for root in e.affiliations:
            keys[("affiliation", name, root)].append(r.index)
        for title, place in e.titled_places:
            keys[("title-place", name, title, place)].append(r.index)
        for place in e.places:
            keys[("place", name, place)].append(r.index)
        for title in e.national:
            keys[("national", name, title)].append(r.index)
    for k in keys:  # insertion order: deterministic for one input
        members = keys[k]
        for m in members[1:]:
            uf.union(members[0], m)

    # rule 6: shared article context, for people without evidence of their own
    anchored_roots = {uf.find(i) for i, e in ev.items() if e.anchored}
    article_bodies: dict[int, set[int]] = defaultdict(set)
    for r in records:
        if r.type == "Organization" or (r.type == "Place" and uf.find(r.index) not in places.broad):
            article_bodies[r.ref[0]].add(uf.find(r.index))
    shared: dict[tuple, set[int]] = defaultdict(set)
    for r in persons:
        for root in article_bodies.get(r.ref[0], ()):
            shared[(r.key, root)].add(uf.find(r.index))
    for k in shared:
        roots = sorted(shared[k])
        if len(roots) < 2:
            continue
        qualified = [x for x in roots if x in anchored_roots]
        if len(qualified) > 1:
            continue
        ordered = qualified + [x for x in roots if x not in anchored_roots]
        first = ordered[0]
        if qualified:
            uf.tag(first, "anchored", str(first))
        for other in ordered[1:]:
            uf.union(first, other)
