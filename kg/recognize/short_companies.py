"""Short company names (``X科技``, ``X电气``, ``X集团``) used as entities.

A short name counts only when both ends are clear: a boundary before it
(punctuation or a stop word: ``与甲乙科技``) and after it (``、``, ``等``,
``就``, ``董事长`` ...). Names ending in an industry word (``X材料``) need
corroboration, e.g. a full company name of the text that starts with them.
"""

from __future__ import annotations

import re

from kg.recognize.left_walk import stop_before, walk_left
from kg.lexicons.load import derived, words
from kg.lexicons.org_lexicon import (
    PUNCT,
    alternation,
    industry_suffixes,
    is_amount,
    is_generic_core,
    left_stops,
    org_suffixes,
    short_company_suffixes,
)
from kg.recognize.org_places import strip_places
from kg.recognize.orgs import OrgMatch

_SHORT_RIGHT = set("、,，。;；:：)）”\"") | {"\n"}


@derived
def _short_right_words() -> tuple[str, ...]:
    """What may follow a short company name (data/org_short_company_right_words.tsv)."""
    return words("org_short_company_right_words")


@derived
def _short_re() -> re.Pattern:
    return re.compile(f"(?:{alternation(short_company_suffixes() + industry_suffixes())})")


def find_short_companies(
    text: str, places: list[tuple[int, int]] | None = None, full_names: list[str] | None = None
) -> list[OrgMatch]:
    """``X科技``-style short company names with clear boundaries on both sides.

    Names ending in an industry word (``X材料``, ``X化工``) are kept only when a
    full name of the text starts with them (``Y材料`` for ``Y材料科技有限公司``):
    ``稀土永磁材料``, ``石油化工`` in a list of industries are no companies.
    """
    out = []
    places = sorted(places or [])
    full_names = full_names or []
    industry = set(industry_suffixes())
    right_words = _short_right_words()
    stops = left_stops()
    for m in _short_re().finditer(text):
        e = m.end()
        if not (e >= len(text) or text[e] in _SHORT_RIGHT or any(text.startswith(w, e) for w in right_words)):
            continue
        start = walk_left(text, m.start(), limit=12)
        core = text[start:m.start()]
        if not 2 <= len(core) <= 10 or not all("\u4e00" <= c <= "\u9fff" for c in core):
            continue
        bare = strip_places(core, start, places)
        if is_generic_core(bare) or any(core.endswith(x) for x, _ in org_suffixes()):
            continue
        if is_amount(bare) or is_amount(core):
            continue  # 千亿级新能源, 万吨材料: an amount, not a name
        # left context must be a clear boundary: punctuation, list mark or a stop word
        if start > 0 and text[start - 1] not in PUNCT and not stop_before(text, start, stops):
            continue
        if _inside_quotes(text, start):
            continue
        name = text[start:e]
        if m.group() in industry and not (_party_context(text, e) or _corroborated(name, bare, full_names)):
            continue
        out.append(OrgMatch(start, e, name, "Company", start))
    return out


@derived
def _party_right() -> tuple[str, ...]:
    """What follows a company named as a party or by its officers (X材料就..., X能源董事长)."""
    return words("org_party_right_words")


def _party_context(text: str, end: int) -> bool:
    """X材料就... / X能源董事长 / X食品与Y就...: the name is a party or has officers."""
    if text.startswith(_party_right(), end):
        return True
    if text.startswith("与", end):
        m = re.match(r"[^，,。；;、]{2,30}?就", text[end + 1:end + 32])
        return m is not None
    return False


def _corroborated(name: str, bare: str, full_names: list[str]) -> bool:
    """Does a full organization name of the text start with ``name`` (or its
    place-less core), so that ``name`` is that company's short form?"""
    for f in full_names:
        if len(f) > len(name) and (f.startswith(name) or (len(bare) >= 4 and bare in f[: len(bare) + 4])):
            return True
    return False


def _inside_quotes(text: str, pos: int) -> bool:
    lo = max(0, pos - 40)
    left = text.rfind("“", lo, pos)
    if left < 0:
        return False
    close = text.rfind("”", lo, pos)
    nxt = text.find("”", pos, pos + 40)
    return close < left and nxt > 0
