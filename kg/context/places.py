"""Places of an article: each place entity's level and gazetteer reading
(:class:`PlaceInfo`, :func:`place_infos`), every mention of a place including
the place a body's name starts with (:func:`place_mentions`), and which
characters mentions cover. The ground the rest of the context stage stands on
(focus, trips, structure); it imports none of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.doc import Article
from kg.lexicons.load import alternation, derived, entries, words
from kg.lexicons.gazetteer import SAR_CODES


@derived
def body_re() -> re.Pattern:
    """Government / party body words that may follow a place (市委, 省发改委, 区文旅局):
    the named ones (data/body_place_bodies.tsv, longest first: 委统战部 before 委), else
    up to four characters (none of data/body_name_stops.tsv) and a body ending
    (data/body_generic_tails.tsv), tried last."""
    stops = re.escape("".join(words("body_name_stops")))
    return re.compile(
        "(?:" + alternation("body_place_bodies", regex=True)[3:-1]
        + rf"|[^\W{stops}]{{1,4}}?" + alternation("body_generic_tails") + ")"
    )


@derived
def park_bodies() -> tuple[str, ...]:
    """Bodies that belong to a park (高新区党工委, 管委会) rather than to a city."""
    return words("context_zone_bodies", "park")


def _ends(name: str, concept: str, use: str) -> bool:
    return name.endswith(words(concept, use))


@dataclass(frozen=True)
class PlaceInfo:
    entity: int
    level: str | None  # Province / City / District / Park / Country
    code: str | None
    parent: str | None
    stem: str  # name without its admin suffix: 平顶山市 -> 平顶山
    #: the admin character of its full name (市 for 丹江口市, a county-level city)
    char: str = ""

    def fits(self, kind: str) -> bool:
        """Whether this place is what 市/省/区/县/镇 (or "Park") refers to."""
        if kind == "Park":
            return self.level == "Park"
        if kind in words("place_m_admin_suffixes", "level_City"):  # 市
            # Hong Kong and Macau are no 市 (香港 has no 市委): only a name written with it
            return self.char == kind or (self.level == "City" and self.code not in SAR_CODES)
        if kind in words("place_m_admin_suffixes", "level_Province"):  # 省
            return self.level == "Province"
        if kind in words("place_m_admin_suffixes", "level_Town"):  # 镇: a town named with it
            return self.level is None and self.stem.endswith(kind)  # no gazetteer level: towns are not in it
        return self.char == kind and self.level == "District"


@derived
def _level_words() -> tuple[str, ...]:
    """The admin words that name a level (data/place_m_admin_suffixes.tsv, scopes
    level_*), longest first: 自治区 before 区."""
    found = {e.word for e in entries("place_m_admin_suffixes") if any(s.startswith("level_") for s in e.scope)}
    return tuple(sorted(found, key=len, reverse=True))


def level_word(word: str) -> str:
    """The level a title or group word starts with, as :meth:`PlaceInfo.fits`
    reads it: 市长 -> 市, 自治区领导 -> 自治区 (the longest admin word it starts
    with, else its first character)."""
    return next((w for w in _level_words() if word.startswith(w) and len(word) > len(w)), word[:1])


def _stem(name: str) -> str:
    for suf in words("place_m_admin_suffixes", "stem"):  # in file order, first match wins
        if name.endswith(suf) and len(name) > len(suf) + 1 and not _ends(name, "place_m_park_suffixes", "not_stem"):
            return name[: -len(suf)]
    return name


def _suffix_level(name: str) -> str | None:
    if _ends(name, "place_m_park_suffixes", "level"):
        return "Park"
    for level in ("Province", "City", "District"):
        if _ends(name, "place_m_admin_suffixes", "level_" + level):
            return level
    return None


def place_infos(article: Article) -> dict[int, PlaceInfo]:
    """Level, code and parent code of every Place entity (gazetteer when known)."""
    try:
        from kg.lexicons import gazetteer
    except ImportError:  # pragma: no cover - gazetteer ships with the package
        gazetteer = None
    out: dict[int, PlaceInfo] = {}
    readings: dict[int, list] = {}
    for i, e in enumerate(article.entities):
        if e.type != "Place":
            continue
        cands = []
        if gazetteer is not None:
            p = gazetteer.by_code(e.code) if e.code else None
            if p is not None:
                cands = [p]
            else:
                for n in [e.name, *sorted(e.aliases)]:
                    cands = gazetteer.lookup(n)
                    if cands:
                        break
        readings[i] = cands
    if gazetteer is not None:
        context = [c[0] for c in readings.values() if len(c) == 1]
    for i, cands in readings.items():
        e = article.entities[i]
        p = gazetteer.choose(cands, context) if cands else None
        sub = e.subtype if e.subtype in ("Country", "Province", "City", "District", "Park") else None
        level = sub or (p.level if p else None) or _suffix_level(e.name)
        full = p.name if p else e.name
        char = full[-1] if full[-1] in words("place_m_admin_suffixes", "char") else ""
        out[i] = PlaceInfo(i, level, p.code if p else None, p.parent if p else None, _stem(e.name), char)
    return out


def _memo(article: Article, name: str, key: tuple, compute):
    """Per-article memo for place facts that many sentences ask for: recomputed
    only when the mentions or entities changed (they only grow)."""
    memo = article.__dict__.setdefault("_focus_memo", {})
    hit = memo.get(name)
    if hit is not None and hit[0] == key:
        return hit[1]
    value = compute()
    memo[name] = (key, value)
    return value


def _state(article: Article, infos: dict[int, PlaceInfo]) -> tuple:
    return (len(article.mentions), len(article.entities), tuple(sorted(infos)))


def place_mentions(article: Article, infos: dict[int, PlaceInfo]) -> list[tuple[int, int]]:
    """(offset, place entity) for every mention of a place, including the
    place a government body's name starts with (平顶山市委 mentions 平顶山市;
    a company's does not: 深圳市甲科技有限公司 is no talk about 深圳市)."""
    return _memo(article, "place_mentions", _state(article, infos), lambda: _place_mentions(article, infos))


def _place_mentions(article: Article, infos: dict[int, PlaceInfo]) -> list[tuple[int, int]]:
    prefixes = sorted(
        ((n, i) for i, inf in infos.items() for n in {article.entities[i].name, *article.entities[i].aliases}
         if len(n) >= 2),
        key=lambda x: -len(x[0]),
    )
    out = []
    companies: dict[int, list[int]] = {}  # start -> ends of company mentions
    for m in article.mentions:
        if m.entity is not None and m.type == "Organization" and not body_re().search(m.text[-6:]):
            companies.setdefault(m.start, []).append(m.end)
    longest = max((e - s for s, ends in companies.items() for e in ends), default=0)

    def inside_company(start: int, end: int) -> bool:
        return any(a <= start and end <= b and (a, b) != (start, end)
                   for a in range(start - longest, start + 1) for b in companies.get(a, ()))

    for m in article.mentions:
        if m.entity is None:
            continue
        if m.entity in infos:
            if not inside_company(m.start, m.end):
                out.append((m.start, m.entity))
        elif article.entities[m.entity].type == "Organization" and not m.generic:
            name = unprefixed(article.entities[m.entity].name)
            for n, i in prefixes:
                if name.startswith(n) and body_re().fullmatch(name, len(n)):
                    out.append((m.start, i))
                    break
    out.sort()
    return out


def unprefixed(name: str) -> str:
    """A party body's name without its party prefix (中共甲市委 -> 甲市委)."""
    for p in words("body_party_prefixes"):
        name = name.removeprefix(p)
    return name


def covered(article: Article) -> list[bool]:
    """Per character of the text: whether a mention covers it."""
    cov = [False] * len(article.text)
    for m in article.mentions:
        for i in range(m.start, min(m.end, len(cov))):
            cov[i] = True
    return cov
