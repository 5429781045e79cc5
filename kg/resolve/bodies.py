"""Resolution of organizations and places (the named bodies) across articles.

Two passes over blocking keys, never over pairs:

1. *Strong* keys unite records outright:
   - places: the administrative code (410400);
   - the exact name's match form (orgs: without legal suffix, so 平高集团 =
     平高集团有限公司 = 平高); for places an uncoded name joins a coded one
     only when that name carries one code in the corpus;
   - a *scoped generic* key (place core, level, head) for names that are
     generic on their own: 市委 with context 平顶山市 and 平顶山市委 and
     中共平顶山市委 all give (平顶山, 市, 委); a generic name with no context
     stays article-local.
2. *Weak* keys (short forms) unite a group only when it is unambiguous: the
   name minus brackets, legal suffix and leading known prefixes
   (places, parent bodies): 硅酸盐研究所, 恒玄科技, 平顶山. A group is
   merged when at most one of its sets is *qualified* (has no member whose
   own name is that short form) and their context places are compatible; a
   set that absorbed one qualified set never absorbs a second one, and two
   local entities of one article are never united by a short form
   (coreference kept them apart: 新竹 vs 新竹县). A name led by a foreign
   country gives no short form of what follows the country, unless it is a
   company's (法国苏伊士集团 and 苏伊士集团): written bare, 党中央, 外交部 or
   新华网 name the home country's body, not 老挝党中央's, 贝里斯外交部's or
   韩国新华网's.
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

from kg.lexicons import gazetteer as G
from kg.lexicons.load import derived, words
from kg.lexicons.org_lexicon import party_heads
from kg.resolve.lexicon import PrefixLexicon, Split
from kg.resolve.names import generic_parts, place_core, strip_brackets, strip_legal
from kg.resolve.records import LocalRecord
from kg.resolve.unionfind import TaggedUnionFind



@derived
def _zone_prefixes() -> tuple[str, ...]:
    """Heads of zones: the level before them is not part of the identity (唐山市高新区 = 唐山高新区)."""
    return words("org_generic_zones", "resolve")


Key = tuple


def _scoped(place: str, generic: tuple[str, str]) -> tuple[str, str, str]:
    level, head = generic
    if head.startswith(_zone_prefixes()):
        level = ""
    return place, level, head


def _core_of(rec_type: str, form: str) -> str:
    form = strip_brackets(form)
    return strip_legal(form) if rec_type == "Organization" else place_core(form)


def _strip_party_prefix(form: str) -> str:
    for head in party_heads("body_prefix"):  # 中共X市委 -> X市委
        if form.startswith(head) and len(form) > len(head) + 2:
            return form[len(head):]
    return form


@lru_cache(maxsize=8192)
def _foreign_country(core: str | None) -> bool:
    """Is ``core`` (a split's place) a country of the gazetteer other than the home country?"""
    if not core:
        return False
    home = G.home_country()
    return any(p.level == "Country" and home not in (p.name, p.short) for p in G.lookup(core))


def _context_place(rec: LocalRecord) -> str | None:
    return place_core(rec.context_key) if rec.context_key else None


class BodyKeys:
    """Blocking keys of one organization or place record."""

    def __init__(self, rec: LocalRecord, lex: PrefixLexicon) -> None:
        self.strong: list[Key] = []
        self.weak: list[Key] = []
        #: short forms read after a foreign country (not a company's): they make a short
        #: form ambiguous, as a qualified set would, but never unite (党中央 of 老挝党中央)
        self.blocking: list[Key] = []
        self.bare: Key | None = None
        t = rec.type
        form = _strip_party_prefix(rec.key)
        generic = generic_parts(form)
        if generic is not None:  # a generic name with a specific alias: use the fullest alias
            specific = [a for a in map(_strip_party_prefix, rec.alias_keys) if generic_parts(a) is None]
            if specific:
                form = max(specific, key=lambda a: (len(a), a))
                generic = None
        if generic is not None:
            place = _context_place(rec)
            if place:
                self.strong.append((t, "scoped", *_scoped(place, generic)))
            else:
                self.strong.append((t, "local", rec.ref[0], form))
            return
        whole = strip_legal(form) if t == "Organization" else form
        self.strong.append((t, "name", whole))
        self.bare = (t, "core", whole)
        splits = lex.splits(form)
        for split in splits:
            self._add_scoped(t, form, split)
        weak: set[str] = set()
        blocking: set[str] = set()
        core = _core_of(t, form)
        if len(core) >= 2 and (core != whole or t == "Place"):
            weak.add(core)
        home_only = rec.subtype != "Company"  # a foreign body's rest names the home country's

        def add_rests(name: str, name_splits: list[Split]) -> None:
            """What follows each known prefix of ``name``: a short form of it."""
            for split in name_splits:
                rest = _core_of(t, name[split.end :])
                if len(rest) >= 3 and generic_parts(rest) is None:
                    (blocking if home_only and _foreign_country(split.place) else weak).add(rest)

        add_rests(form, splits)
        for alias in rec.alias_keys:
            alias = _strip_party_prefix(alias)
            if generic_parts(alias) is not None:
                continue
            core = _core_of(t, alias)
            if len(core) >= 2 and generic_parts(core) is None:
                weak.add(core)
            add_rests(alias, lex.splits(alias))
        self.weak = [(t, "core", w) for w in sorted(weak)]
        self.blocking = [(t, "core", w) for w in sorted(blocking - weak)]

    def _add_scoped(self, t: str, form: str, split: Split) -> None:
        if split.place is None or not split.only_places:
            return  # 北京理工大学唐山研究院 is not 唐山's 研究院
        generic = generic_parts(form[split.core_end :])
        if generic is not None:
            key = (t, "scoped", *_scoped(split.place, generic))
            if key not in self.strong:
                self.strong.append(key)


def resolve_bodies(records: list[LocalRecord], uf: TaggedUnionFind, lex: PrefixLexicon) -> None:
    """Unite organization and place records in ``uf`` (records of other types are ignored)."""
    bodies = [r for r in records if r.type in ("Organization", "Place")]
    keys = {r.index: BodyKeys(r, lex) for r in bodies}
    for r in bodies:
        if r.code:
            uf.tag(r.index, "code", r.code)

    # 1. strong keys
    by_code: dict[str, list[int]] = defaultdict(list)
    for r in bodies:
        if r.code and r.type == "Place":
            by_code[r.code].append(r.index)
    for code in sorted(by_code):
        members = by_code[code]
        for m in members[1:]:
            uf.union(members[0], m)
    strong: dict[Key, list[int]] = defaultdict(list)
    for r in bodies:
        for k in keys[r.index].strong:
            strong[k].append(r.index)
    for k in strong:  # insertion order: deterministic for one input
        _unite_strong(strong[k], records, uf, lex)

    # 2. weak keys, decided on the state after the strong pass
    groups: dict[Key, set[int]] = defaultdict(set)
    bare: dict[Key, set[int]] = defaultdict(set)
    blockers: dict[Key, set[int]] = defaultdict(set)
    for r in bodies:
        root = uf.find(r.index)
        bk = keys[r.index]
        for k in bk.weak:
            groups[k].add(root)
        for k in bk.blocking:
            blockers[k].add(root)
        if bk.bare is not None:
            bare[bk.bare].add(root)
    contexts: dict[int, set[str]] = defaultdict(set)
    articles: dict[int, set[int]] = defaultdict(set)
    for r in bodies:
        root = uf.find(r.index)
        articles[root].add(r.ref[0])
        place = _context_place(r)
        if place:
            contexts[root].add(place)
    for k in groups:
        roots = groups[k] | bare.get(k, set())
        if len(roots) < 2:
            continue
        qualified = sorted(roots - bare.get(k, set()))
        if len(qualified) + len(blockers.get(k, set()) - roots) > 1:
            continue
        if not _contexts_agree([c for root in roots for c in contexts.get(root, ())], lex):
            continue
        ordered = qualified + sorted(roots - set(qualified))
        first = ordered[0]
        if qualified:
            uf.tag(first, "qualified", str(first))
        for other in ordered[1:]:
            _unite_across_articles(first, other, uf, articles)


def _unite_across_articles(a: int, b: int, uf: TaggedUnionFind, articles: dict[int, set[int]]) -> None:
    """Unite two sets unless they share an article: there, coreference already
    decided that the two local entities are different (新竹 vs 新竹县)."""
    ra, rb = uf.find(a), uf.find(b)
    if ra == rb:
        return
    sa, sb = articles.get(ra, set()), articles.get(rb, set())
    if len(sa) > len(sb):
        sa, sb = sb, sa
    if any(x in sb for x in sa):
        return
    if uf.union(ra, rb):
        sb |= sa  # small into large
        articles.pop(ra, None)
        articles.pop(rb, None)
        articles[uf.find(ra)] = sb


def _unite_strong(members: list[int], records: list[LocalRecord], uf: TaggedUnionFind, lex: PrefixLexicon) -> None:
    """Unite records sharing a strong key, split by incompatible context places.

    An uncoded place joins a coded one only when the name carries one code;
    records whose context places cannot contain one body (深圳 vs 兰州) are
    kept in separate groups, and then records without a context stay apart
    from all of them (ambiguous).
    """
    codes = {records[m].code for m in members if records[m].code}
    if len(codes) > 1:
        members = [m for m in members if records[m].code]  # uncoded: ambiguous, stay apart
    groups: list[tuple[set[str], list[int]]] = []
    group_of: dict[str, int] = {}  # each distinct place is placed once: cost ~ distinct places, not members
    bare: list[int] = []
    for m in members:
        place = _context_place(records[m])
        if place is None:
            bare.append(m)
            continue
        g = group_of.get(place)
        if g is None:
            g = next((i for i, (places, _) in enumerate(groups) if all(lex.compatible_places(place, p) for p in places)), None)
            if g is None:
                g = len(groups)
                groups.append((set(), []))
            groups[g][0].add(place)
            group_of[place] = g
        groups[g][1].append(m)
    if len(groups) <= 1:
        united = (groups[0][1] if groups else []) + bare
        united.sort()
        for m in united[1:]:
            uf.union(united[0], m)
        return
    for _, group in groups + [(set(), bare)]:
        for m in group[1:]:
            uf.union(group[0], m)


def _contexts_agree(places: list[str], lex: PrefixLexicon) -> bool:
    distinct = sorted(set(places))
    for i, a in enumerate(distinct):
        for b in distinct[i + 1 :]:
            if not lex.compatible_places(a, b):
                return False
    return True
