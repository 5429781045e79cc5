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

#: government / party body words that may follow a place (市委, 省发改委, 区文旅局)
BODY_RE = re.compile(
    r"(?:政府研究室|政府办公厅|人民政府|政府|人大常委会|政协|工商联|科协|党工委|管委会|"
    r"委统战部|委组织部|委宣传部|委|工业和信息化(?:厅|局|委)|[^\W与和及同在向对的了是为市省区县]{1,4}?(?:委员会|委|厅|局|办))"
)


#: bodies that belong to a park (高新区党工委, 管委会) rather than to a city
PARK_BODIES = ("党工委", "管委会")


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
        """Whether this place is what 市/省/区/县 (or "Park") refers to."""
        if kind == "Park":
            return self.level == "Park"
        if kind == "市":
            return self.char == "市" or self.level == "City"
        if kind == "省":
            return self.level == "Province"
        return self.char == kind and self.level == "District"


def _stem(name: str) -> str:
    for suf in ("维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "特别行政区", "省", "市", "区", "县"):
        if name.endswith(suf) and len(name) > len(suf) + 1 and not name.endswith(("新区", "高新区", "开发区")):
            return name[: -len(suf)]
    return name


def _suffix_level(name: str) -> str | None:
    if name.endswith(("高新区", "开发区", "园区", "园", "基地", "科技城", "试验区", "新区", "走廊")):
        return "Park"
    if name.endswith(("省", "自治区")):
        return "Province"
    if name.endswith("市"):
        return "City"
    if name.endswith(("区", "县", "旗")):
        return "District"
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
        char = full[-1] if full[-1] in "省市区县旗" else ""
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
        if m.entity is not None and m.type == "Organization" and not BODY_RE.search(m.text[-6:]):
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
            name = article.entities[m.entity].name.removeprefix("中共")
            for n, i in prefixes:
                if name.startswith(n) and BODY_RE.fullmatch(name, len(n)):
                    out.append((m.start, i))
                    break
    out.sort()
    return out


def covered(article: Article) -> list[bool]:
    """Per character of the text: whether a mention covers it."""
    cov = [False] * len(article.text)
    for m in article.mentions:
        for i in range(m.start, min(m.end, len(cov))):
            cov[i] = True
    return cov
