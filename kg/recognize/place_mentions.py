"""Place mentions from gazetteer hits: which hits count, towns, nesting, canonical forms.

``keep_place`` filters hits (the country alone, two-character short forms
inside words: 召开平 -> 开平); ``find_towns`` adds towns named right after
their county (甲县乙镇) and ports named after their city (甲港); ``nested_places``
keeps a full-form place at the start of an organization's or a park's name
(甲市 in 甲市委, 甲区 in 甲区乙产业园) and, through ``branch_places``, the place
inside a branch's name (乙省 in 甲银行乙省分行); ``place_canonicals`` gives
each place the fullest form the article writes (上海市 over 上海).
"""

from __future__ import annotations

import re

from kg.doc import Mention
from kg.lexicons import gazetteer as G
from kg.recognize import left_walk as LW
from kg.lexicons import org_lexicon as LX
from kg.recognize import persons as P
from kg.lexicons.load import alternation, derived, words

#: place names never taken as entities on their own (the country in 科创中国, 中国科学院):
#: data/place_m_not_alone.tsv; district names that are also common words (矿区, 城区): a
#: district only right after its city: data/place_m_word_districts.tsv; county names whose
#: first character is a common word (和县, 兴县): a county only at a boundary or after a place:
#: data/place_m_word_counties.tsv


@derived
def _set(concept: str, use: str | None = None) -> frozenset[str]:
    return frozenset(words(concept, use))


def keep_place(text: str, hit, in_text: dict[str, bool], ends: frozenset[int] = frozenset()) -> bool:
    """Filter gazetteer hits: the country itself, and two-character short
    forms of county-level places inside words (召开平 -> 开平) unless the
    article also gives the full form or the short form stands after a boundary."""
    s, e, p = hit
    form = text[s:e]
    if form in _set("place_m_not_alone") or (form in _set("place_m_word_districts") and s not in ends):
        return False
    if form in _set("place_m_word_counties") and not _at_boundary(text, s, ends):
        return False  # 区和县委: the conjunction and a county committee
    if len(form) == 2 and form[-1] in _set("place_m_admin_suffixes", "title") \
            and text[e:e + 1] in _set("place_m_title_heads", "place"):
        return False  # 邱县长: a surname and a title
    if _cuts_a_word(text, s, e) or _inside_a_word(text, s, e):
        return False
    if _found_by_its_city(text, s, e, p):
        # a short form found only because its city is named (厦门…翔安): after a boundary
        # or another place (桃园大溪), not inside a word (亭湖区东亭湖街道)
        return _at_boundary(text, s, ends)
    if p.level == "District" and form != p.name and len(form) == 2:
        if p.name not in in_text:
            in_text[p.name] = p.name in text
        if in_text[p.name]:
            return True
        return s == 0 or text[s - 1] in P.PUNCT or LW.stop_before(text, s, LX.LEFT_STOPS)
    return True


def _at_boundary(text: str, s: int, ends: frozenset[int]) -> bool:
    """Does a hit at ``s`` start after a boundary: the text's start, the end of
    another place, punctuation, or a stop word (赴, 在)?"""
    return s == 0 or s in ends or text[s - 1] in P.PUNCT or LW.stop_before(text, s, LX.LEFT_STOPS)


def _cuts_a_word(text: str, s: int, e: int) -> bool:
    """Does the hit ``[s, e)`` cut across a common word (data/place_m_crossed_words.tsv):
    沿海 in 沿海地区 overlaps 海地 without lying inside it, so 海地 is no place there."""
    for w in words("place_m_crossed_words"):
        n = len(w)
        for k in range(max(0, s - n + 1), e):
            if text.startswith(w, k) and not (s <= k and k + n <= e) and not (k <= s and e <= k + n):
                return True
    return False


def _inside_a_word(text: str, s: int, e: int) -> bool:
    """Does the hit ``[s, e)`` lie inside a common word that holds it whole
    (data/place_m_holding_words.tsv: 白银 in 真金白银)."""
    for w in words("place_m_holding_words"):
        k = text.find(w, max(0, e - len(w)), s + len(w))
        if k >= 0 and k <= s and e <= k + len(w):
            return True
    return False


#: event names led by their host place (X冬奥, X世博会): the place is part of the name
#: (data/place_m_event_words.tsv)


def names_a_thing_after(text: str, end: int) -> bool:
    """A place that only starts a longer name: directly followed by Latin
    letters (X IP服务工作站-like names written together) or by an event word."""
    nxt = text[end:end + 1]
    if nxt.isascii() and nxt.isalpha():
        return True
    return text.startswith(words("place_m_event_words"), end)


@derived
def _town_re() -> re.Pattern:
    """A town's name (data/place_m_town_suffixes.tsv: 镇)."""
    return re.compile(r"[\u4e00-\u9fff]{1,3}?" + alternation("place_m_town_suffixes"))


#: words ending in 镇 that name no town (乡镇, 重镇, 强镇): data/place_m_not_towns.tsv


def find_towns(text: str, place_hits) -> list[Mention]:
    """Towns named right after their county or district (顺德区X镇, X县Y镇):
    the gazetteer stops at county level, the place chain names the town."""
    out = []
    for s, e, p in place_hits:
        if p.level not in ("District", "City") or not p.name.endswith(words("place_m_admin_suffixes", "town")):
            continue
        m = _town_re().match(text, e)
        if m is None or m.group().endswith(words("place_m_not_towns")) or len(m.group()) < 2:
            continue
        if m.group()[0] in words("place_level_chars", "county"):
            continue  # 潜山县黄铺镇 read as 潜山 + 县黄铺镇: the level belongs to the county
        if text.startswith(words("place_m_title_heads", "town"), m.end()) and len(m.group()) < 3:
            continue
        out.append(Mention(e, m.end(), m.group(), "Place", "Town", "town-rule", m.group()))
    return out + find_ports(text, place_hits)


def find_ports(text: str, place_hits) -> list[Mention]:
    """A port named after its city or county (钦州港, 盐城港: data/place_m_port_words.tsv):
    a place of its own, not when the next character makes it Hong Kong's
    abbreviation or another word (市港澳办, 港资: data/place_m_port_stops.tsv)."""
    out = []
    ports, stops = words("place_m_port_words"), words("place_m_port_stops")
    for s, e, p in place_hits:
        if p.level not in ("City", "District") or p.code in G.SAR_CODES:
            continue
        port = next((w for w in ports if text.startswith(w, e)), None)
        if port is None or text.startswith(stops, e + len(port)):
            continue
        name = text[s:e + len(port)]
        out.append(Mention(s, e + len(port), name, "Place", "Park", "town-rule", name))
    return out


def nested_towns(mentions: list[Mention]) -> list[Mention]:
    """A town at the start of its body's name (青山镇党委 -> 青山镇): the
    gazetteer has no towns, the body word after it names one
    (data/place_m_town_bodies.tsv; D24: the body is located in it)."""
    out = []
    bodies = words("place_m_town_bodies")
    for m in mentions:
        if m.type != "Organization" or m.generic:
            continue
        body = next((b for b in bodies if m.text.endswith(b) and len(m.text) > len(b)), None)
        if body is None:
            continue
        head = m.text[: -len(body)]
        t = _town_re().fullmatch(head)
        if t is None or len(head) < 2 or head.endswith(words("place_m_not_towns")):
            continue
        out.append(Mention(m.start, m.start + len(head), head, "Place", "Town", "town-rule", head))
    return out


def place_subtype(p: G.Place) -> str:
    if p.level == "District" and p.name.endswith(words("place_m_admin_suffixes", "city_name")):
        return "City"
    return p.level


#: levels whose short forms name the place at the start of an organization's name
#: (深圳 in 深圳华锐集团, 浙江 in 浙江东川集团): the guide's "located in by its name" (D24)
_SHORT_NESTED_LEVELS = frozenset({"Province", "City", "District"})


def _nests(p: G.Place, length: int) -> bool:
    """Whether a place written with ``length`` characters at the start of an
    organization's name is a place of its own there: a full form with an
    admin ending (平顶山市 in 平顶山市委), a short form of a province, city or
    county (深圳 in 深圳华锐集团), a Hong Kong / Macau name, a foreign country
    (德国 in 德国RSBK战略咨询公司); a short form is no place of its own when
    another place follows inside the name (北京交通大学唐山研究院: see
    :func:`nested_places`)."""
    if p.code in G.SAR_CODES:
        return True
    if p.level == "Country":  # the home country never gets here (data/place_m_not_alone.tsv: 中国银行)
        return length == len(p.name)
    if length == len(p.name):
        return p.name.endswith(words("place_m_admin_suffixes", "nested"))
    return length in (len(p.short), len(p.short) + 1) and p.level in _SHORT_NESTED_LEVELS  # 甘孜 / 甘孜州


def _found_by_its_city(text: str, s: int, e: int, p: G.Place) -> bool:
    """Whether the hit is a county's short form the gazetteer matches only where
    the text names its city (翔安 of 翔安区: see :func:`kg.lexicons.gazetteer.find_places`)."""
    return p.level == "District" and text[s:e] == p.short and not G.lookup(p.short)


def _named_park(m: Mention) -> bool:
    """A park or zone found by its name (甲区乙产业园), not a port (钦州港: the gold names the port alone)."""
    return m.subtype == "Park" and m.source != "town-rule"


def nested_places(mentions: list[Mention], place_hits, text: str = "") -> list[Mention]:
    """A place at the start of an org name is a mention too (see :func:`_nests`):
    平顶山市 in 平顶山市委, 深圳 in 深圳华锐集团 (the corpus gold's D24: the
    organization is located in the place its name starts with), and 昆山市 in
    苏州昆山市X有限公司, where a place chain states the address."""
    out = []
    org_end_by_start: dict[int, tuple[int, bool]] = {}
    for m in mentions:
        if (m.type == "Organization" or _named_park(m)) and not m.generic:
            prev = org_end_by_start.get(m.start, (0, False))
            if m.end > prev[0]:
                org_end_by_start[m.start] = (m.end, m.subtype == "Company")
    # a zone named after its province (甲省自贸试验区乙片区) lies in a city the gold names instead;
    # one named with a short form of two places (新竹: 新竹市, 新竹县) names neither
    org_starts = {m.start for m in mentions if m.type == "Organization"}
    park_only = {m.start for m in mentions if _named_park(m)} - org_starts
    media_ends = {m.end for m in mentions if m.type == "Organization" and not m.subtype
                  and m.text.endswith(LX.MEDIA_SUFFIXES)}
    bracketed = {s for s, e, _ in place_hits if text and s > 0 and text[s - 1] in "(（" and text[e:e + 1] in ")）"
                 and any(m.type == "Organization" and m.start < s and e < m.end for m in mentions)}
    # a chain of places starting an org name: each link is nested (广东省佛山市顺德区委 -> 佛山市);
    # a place not inside the one before it ends the chain (上海市浙江商会: the members' home province)
    starting: dict[int, list[G.Place]] = {}
    for s, _e, p in place_hits:
        starting.setdefault(s, []).append(p)
    for s, e, p in sorted(place_hits, key=lambda h: h[0]):
        if s in org_end_by_start and e < org_end_by_start[s][0] \
                and not any(not G.within(q, p) for q in starting.get(e, ())):
            org_end_by_start.setdefault(e, org_end_by_start[s])
    for s, e, p in place_hits:
        if s in bracketed:  # X泵业(天津)有限公司: the company's own address
            out.append(Mention(s, e, text[s:e], "Place", place_subtype(p), "gazetteer", p.name, p.code))
            continue
        if not _nests(p, e - s) or (s in park_only and (p.level == "Province" or len(G.lookup(text[s:e])) > 1)):
            continue  # 广东自贸试验区: the gold names the city; 新竹科学园区: 新竹市 or 新竹县, no telling
        sar = p.code in G.SAR_CODES  # 香港 in 香港特区政府: the short form is the usual name
        end, _ = org_end_by_start.get(s, (0, False))
        if s not in org_starts and s not in park_only and _found_by_its_city(text, s, e, p):
            continue  # 吉林省东丰药业: a county's short form after a wider place in a name is its brand
        if e - s != len(p.name) and any(e < s2 and e2 <= end for s2, e2, _ in place_hits):
            continue  # 北京交通大学唐山研究院: the place further in is where it is
        if e < end and end not in media_ends:
            form = text[s:e] if text and (sar or e - s != len(p.name)) else p.name
            out.append(Mention(s, e, form, "Place", place_subtype(p), "gazetteer", p.name, p.code))
            # 甲区乙镇丙产业园: the town after the county inside the name is one of the chain too
            out += [t for t in find_towns(text, [(s, e, p)]) if t.end < end and t.start not in org_starts]
    taken = {(m.start, m.end) for m in out}
    out += [m for m in branch_places(mentions, place_hits, text) if (m.start, m.end) not in taken]
    return out


def branch_places(mentions: list[Mention], place_hits, text: str) -> list[Mention]:
    """The place inside a branch's name, after its parent's name (陕西省 in
    甲银行陕西省分行, 西安 in 甲科学院西安分院, 广西 in 甲石化广西石油分公司): where
    the branch is (D24: the branch is located in it). The name ends with a
    branch word (data/place_m_branch_words.tsv); the place nearest before that
    ending that does not start the name is taken."""
    out, seen = [], set()
    tails = words("place_m_branch_words")
    for m in mentions:
        if m.type != "Organization" or m.generic:
            continue
        tail = next((w for w in tails if m.text.endswith(w)), None)
        if tail is None:
            continue
        inside = [(s, e, p) for s, e, p in place_hits if m.start < s and e <= m.end - len(tail)]
        if not inside:
            continue
        s, e, p = max(inside, key=lambda h: h[1])
        if p.level == "Country" or (s, e) in seen:
            continue
        seen.add((s, e))
        out.append(Mention(s, e, text[s:e], "Place", place_subtype(p), "gazetteer", p.name, p.code))
    return out


def place_canonicals(mentions: list[Mention]) -> None:
    """A place's canonical form is the fullest form the article itself gives
    (上海市 only when the article says 上海市 somewhere)."""
    fullest: dict[str, str] = {}
    for m in mentions:
        if m.type == "Place" and m.code:
            cur = fullest.get(m.code)
            if cur is None or len(m.text) > len(cur):
                fullest[m.code] = m.text
    for m in mentions:
        if m.type == "Place" and m.code:
            m.canonical = fullest[m.code]
