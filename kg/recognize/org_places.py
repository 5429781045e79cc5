"""Place prefixes of organization names.

Where a name starts relative to the places written before its suffix:
government bodies start at their place chain (``甲市乙区政府``), a place
inside a walked span starts the name (``来甲市高新区`` -> ``甲市高新区``),
a brand may lead a company's place (``甲乙丙市X有限公司``), and the core of
a name is what remains after its leading places.
"""

from __future__ import annotations

import bisect

from kg.recognize.left_walk import is_name_char, stop_before
from kg.lexicons.load import derived, words
from kg.lexicons.org_lexicon import left_stops, level_chars, ministries, org_suffixes, party_heads, suffixes_for


@derived
def _leading_heads() -> frozenset[str]:
    """Words that lead a name before its place (世界 in 世界甲商会联合总会): data/org_place_leading_heads.tsv."""
    return frozenset(words("org_place_leading_heads"))


@derived
def _party_heads_longest_first() -> tuple[str, ...]:
    """The party heads of data/org_party_heads.tsv, longest first (九三学社 before 中共)."""
    return tuple(sorted(party_heads(), key=len, reverse=True))


def place_anchor(text: str, s: int, suf: str, place_by_end: dict[int, int]) -> int | None:
    """Start of a government body name: the place chain right before its
    suffix (平顶山市委, 卫东区政府, 中共白银市委, 民盟钦州市委: data/org_party_heads.tsv),
    or None."""
    anchor = None
    levels = level_chars()
    for end in (s, s + 1) if suf[0] in levels else (s,):
        if end in place_by_end and (end == s or text[s] == text[end - 1]):
            anchor = place_by_end[end]
    if anchor is None and suf in suffixes_for("province_dept") and s > 0 and text[s - 1] not in levels:
        return None
    if anchor is None and text.endswith("特区", 0, s) and s - 2 in place_by_end:
        anchor = place_by_end[s - 2]  # 香港特区政府: the special administrative region's government
    if anchor is None:
        return None
    while anchor in place_by_end:  # 盘锦市大洼区...: a chain of places
        anchor = place_by_end[anchor]
    # 中共X市委 (the party before the place chain, the same body as X市委), and 民盟X市委,
    # 致公党X省委 (another party's committee: the head is part of its name)
    for head in _party_heads_longest_first():
        if text.endswith(head, 0, anchor):
            anchor -= len(head)
            break
    return anchor


def cut_to_place(text: str, start: int, s: int, places: list[tuple[int, int]], company: bool = False) -> int:
    """来唐山高新区 -> 唐山高新区: a place inside the span, after 1-3 stray
    characters, starts the name. In a company name (``company``) a head of
    two or more characters after a clear boundary is the brand that leads
    the name (甲乙 in 甲乙唐山车辆有限公司), not stray words."""
    k = bisect.bisect_right(places, (start, float("inf")))
    for ps, pe in places[k:k + 8]:
        if ps >= s:
            break
        if start < ps < s:
            head = text[start:ps]
            j = bisect.bisect_left(places, (start, -1))
            if head.endswith(("(", "（")) or (j < len(places) and places[j][0] == start):
                return start
            if any(head.endswith(suf) for suf, _ in org_suffixes()) or head.endswith(ministries()) or head in party_heads() \
                    or head in _leading_heads():
                return start
            if company and _brand_head(text, start, head):
                return start
            return ps
    return start


def _brand_head(text: str, start: int, head: str) -> bool:
    """A company name's head before its place (中车 in 中车唐山X有限公司): two or
    more name characters after a clear boundary, no stop word inside."""
    from kg.recognize.persons import NON_NAME_CHARS, PUNCT

    if len(head) < 2 or not all(is_name_char(c) for c in head) or any(c in NON_NAME_CHARS for c in head):
        return False
    stops = left_stops()
    if any(w in head for w in stops if len(w) >= 2) or any(c in head for c in left_stops("brand")):
        return False
    return start == 0 or text[start - 1] in PUNCT or stop_before(text, start, stops)


def strip_places(core: str, start: int, places: list[tuple[int, int]]) -> str:
    """The core without its leading place names."""
    pos = start
    end = start + len(core)
    moved = True
    while moved:
        moved = False
        j = bisect.bisect_left(places, (pos, -1))
        while j < len(places) and places[j][0] == pos:
            if places[j][1] <= end:
                pos = places[j][1]
                moved = True
                break
            j += 1
    return core[pos - start:]


def drop_outer_place(text: str, start: int, s: int, places: list[tuple[int, int]]) -> int:
    """苏州昆山市X有限公司 -> 昆山市X有限公司: a short-form place followed by a
    full-form place names the company from the second one."""
    j = bisect.bisect_left(places, (start, -1))
    if j >= len(places) or places[j][0] != start:
        return start
    first = places[j]
    if first[1] - first[0] >= 3 and text[first[1] - 1] in level_chars("outer_kept"):
        return start  # 福建省泉州X有限公司: a full-form place first, the name keeps it
    k = bisect.bisect_left(places, (first[1], -1))
    if k >= len(places) or places[k][0] != first[1] or places[k][1] >= s:
        return start
    second = places[k]
    return second[0]

