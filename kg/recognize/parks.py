"""Development zones and parks by structure, typed Place/Park.

A park name is ``[place] core park-suffix`` (``甲市高新区``, ``乙丙科技园区``);
a name made only of a generic park word (``开发区``) or of generic words
(``智慧产业园``) is a reference, not a name.
"""

from __future__ import annotations

import re

from kg.recognize.left_walk import walk_left
from kg.lexicons.load import derived, words
from kg.lexicons.org_lexicon import alternation, generic_parks, is_amount, is_generic_core, level_chars, park_suffixes
from kg.recognize.org_places import cut_to_place, strip_places
from kg.recognize.orgs import OrgMatch


@derived
def _park_re() -> re.Pattern:
    """The park endings of data/org_park_suffixes.tsv and data/place_park_suffixes.tsv, longest first."""
    ends = sorted({*park_suffixes(), *words("place_park_suffixes")}, key=lambda w: (-len(w), w))
    return re.compile(f"(?:{alternation(tuple(ends))})")


def find_parks(text: str, places: list[tuple[int, int]] | None = None) -> list[OrgMatch]:
    """Development zones and parks: ``[place] core (高新区|开发区|科技园区 ...)``."""
    out = []
    places = sorted(places or [])
    place_starts = {ps for ps, _ in places}
    place_ends = {pe for _, pe in places}
    generic = generic_parks()
    levels = level_chars()
    needs_anchor = words("org_park_suffixes", "needs_anchor")
    for m in _park_re().finditer(text):
        e = m.end()
        if e < len(text) and text[e] in "区园":
            continue  # part of a longer suffix
        start = walk_left(text, m.start(), limit=16, place_ends=place_ends)
        start = cut_to_place(text, start, m.start(), places)
        name = text[start:e]
        if name in generic or start == m.start():
            continue
        core = strip_places(text[start:m.start()], start, places)
        if is_amount(core):
            continue  # 万亩X产业园: a size, not a name
        if (core == text[start:m.start()] and is_generic_core(core)) or (core and core[0] in levels and start == m.start() - len(core)):
            continue
        anchored = start in place_starts or name.startswith("中国")
        if m.group() in needs_anchor and not anchored:
            continue
        out.append(OrgMatch(start, e, name, "Park", start))
    return out
