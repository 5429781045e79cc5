"""Short company names (``X科技``, ``X电气``, ``X集团``) used as entities.

A short name counts only when both ends are clear: a boundary before it
(punctuation or a stop word: ``与甲乙科技``) and after it (``、``, ``等``,
``就``, ``董事长`` ...). Names ending in an industry word (``X材料``) need
corroboration, e.g. a full company name of the text that starts with them.
"""

from __future__ import annotations

import re

from kg.recognize.left_walk import stop_before, walk_left
from kg.lexicons.org_lexicon import (
    INDUSTRY_SUFFIXES,
    LEFT_STOPS,
    ORG_SUFFIXES,
    PUNCT,
    SHORT_COMPANY_SUFFIXES,
    alternation,
    is_amount,
    is_generic_core,
)
from kg.recognize.org_places import strip_places
from kg.recognize.orgs import OrgMatch

_SHORT_RIGHT = set("、,，。;；:：)）”\"") | {"\n"}
_SHORT_RIGHT_WORDS = ("等", "就", "与", "和", "及", "作为", "是", "的", "在", "签", "合作", "研发", "生产", "自主", "主营", "公司", "集团",
                      "董事长", "总经理", "负责人", "董事局")


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
    rx = re.compile(f"(?:{alternation(SHORT_COMPANY_SUFFIXES + INDUSTRY_SUFFIXES)})")
    industry = set(INDUSTRY_SUFFIXES)
    for m in rx.finditer(text):
        e = m.end()
        if not (e >= len(text) or text[e] in _SHORT_RIGHT or any(text.startswith(w, e) for w in _SHORT_RIGHT_WORDS)):
            continue
        start = walk_left(text, m.start(), limit=12)
        core = text[start:m.start()]
        if not 2 <= len(core) <= 10 or not all("\u4e00" <= c <= "\u9fff" for c in core):
            continue
        bare = strip_places(core, start, places)
        if is_generic_core(bare) or any(core.endswith(x) for x, _ in ORG_SUFFIXES):
            continue
        if is_amount(bare) or is_amount(core):
            continue  # 千亿级新能源, 万吨材料: an amount, not a name
        # left context must be a clear boundary: punctuation, list mark or a stop word
        if start > 0 and text[start - 1] not in PUNCT and not stop_before(text, start, LEFT_STOPS):
            continue
        if _inside_quotes(text, start):
            continue
        name = text[start:e]
        if m.group() in industry and not (_party_context(text, e) or _corroborated(name, bare, full_names)):
            continue
        out.append(OrgMatch(start, e, name, "Company", start))
    return out


#: what follows a company named as a party or by its officers (X材料就..., X能源董事长)
_PARTY_RIGHT = ("就", "签", "董事长", "总经理", "负责人", "董事局", "党委书记")


def _party_context(text: str, end: int) -> bool:
    """X材料就... / X能源董事长 / X食品与Y就...: the name is a party or has officers."""
    if text.startswith(_PARTY_RIGHT, end):
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
