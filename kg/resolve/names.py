"""Surface-form normalization for matching: script, brackets, abbreviations, suffixes.

These functions build *matching keys* only; labels keep the form the text gave.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from kg.resolve.tables import (
    ABBREVIATIONS,
    ADMIN_LEVEL_CHARS,
    ADMIN_SUFFIXES,
    GENERIC_HEADS,
    GENERIC_MODIFIERS,
    LEGAL_SUFFIXES,
)

_BRACKETS = str.maketrans({"（": "(", "）": ")", "〔": "(", "〕": ")", "【": "(", "】": ")", "[": "(", "]": ")"})
_DROP = re.compile(r"[\s\u3000·•・“”\"'‘’《》〈〉「」『』]")
_PAREN_GROUP = re.compile(r"\([^()]*\)")


@lru_cache(maxsize=1)
def _converter():
    try:
        import opencc
    except ImportError:  # pragma: no cover - opencc is a declared dependency
        return None
    return opencc.OpenCC("t2s")


@lru_cache(maxsize=262144)
def to_simplified(text: str) -> str:
    """Traditional -> Simplified (identity when OpenCC is unavailable)."""
    conv = _converter()
    return conv.convert(text) if conv is not None else text


def is_traditional(text: str) -> bool:
    """True when the form changes under Traditional -> Simplified conversion."""
    return to_simplified(text) != text


@lru_cache(maxsize=262144)
def display_form(text: str) -> str:
    """A label-ready form: Simplified, ASCII brackets, no stray whitespace."""
    return re.sub(r"[\s\u3000]+", "", unicodedata.normalize("NFKC", to_simplified(text)).translate(_BRACKETS))


@lru_cache(maxsize=1)
def _abbreviation_pattern() -> re.Pattern[str]:
    fulls = sorted({full for _short, full in ABBREVIATIONS}, key=len, reverse=True)
    return re.compile("|".join(re.escape(f) for f in fulls))


@lru_cache(maxsize=1)
def _full_to_short() -> dict[str, str]:
    return {full: short for short, full in ABBREVIATIONS}


@lru_cache(maxsize=262144)
def match_form(text: str) -> str:
    """The matching key of a surface form.

    Simplified, NFKC (full-width brackets and digits become ASCII), other
    bracket shapes become ``()``, spaces, dots and quotes dropped, and every
    full form of a standard abbreviation rewritten to the abbreviation
    (中国科学院 -> 中科院, 工业和信息化部 -> 工信部), so both spellings agree.
    """
    s = unicodedata.normalize("NFKC", to_simplified(text)).translate(_BRACKETS)
    s = _DROP.sub("", s)
    table = _full_to_short()
    return _abbreviation_pattern().sub(lambda m: table[m.group(0)], s)


def strip_brackets(form: str) -> str:
    """Drop bracketed parts: 恒玄科技(上海)股份有限公司 -> 恒玄科技股份有限公司."""
    prev = None
    while prev != form:
        prev, form = form, _PAREN_GROUP.sub("", form)
    return form


def strip_legal(form: str) -> str:
    """Drop one legal-form suffix (股份有限公司, 有限公司, 集团, ...), keeping >= 2 chars."""
    for suffix in LEGAL_SUFFIXES:
        if form.endswith(suffix) and len(form) - len(suffix) >= 2:
            return form[: -len(suffix)]
    return form


@lru_cache(maxsize=262144)
def place_core(form: str) -> str:
    """A place name without its administrative suffix (平顶山市 -> 平顶山), keeping >= 2 chars."""
    for suffix in ADMIN_SUFFIXES:
        if form.endswith(suffix) and len(form) - len(suffix) >= 2:
            return form[: -len(suffix)]
    return form


def place_level(form: str) -> str:
    """The administrative suffix of a place form ("" when it has none)."""
    core = place_core(form)
    return form[len(core):]


def _strip_modifiers(form: str) -> str:
    changed = True
    while changed:
        changed = False
        for mod in GENERIC_MODIFIERS:
            if form.startswith(mod) and len(form) > len(mod):
                form = form[len(mod):]
                changed = True
    return form


@lru_cache(maxsize=262144)
def _segments_into_heads(form: str) -> bool:
    if not form:
        return True
    n = len(form)
    ok = [False] * (n + 1)
    ok[0] = True
    for i in range(n):
        if not ok[i]:
            continue
        for j in range(i + 1, n + 1):
            if form[i:j] in GENERIC_HEADS:
                ok[j] = True
    return ok[n]


@lru_cache(maxsize=262144)  # the same names in every article: one answer each
def generic_parts(form: str) -> tuple[str, str] | None:
    """``(level, head)`` when the (match) form is generic, else None.

    Generic: optional modifiers (中共, 本, 该 ...), an optional administrative
    level (市, 区, 县 ...) and then only generic heads: 市委 -> ("市", "委"),
    高新区管委会 -> ("", "高新区管委会"), 该公司 -> ("", "公司").
    """
    body = _strip_modifiers(form)
    level = ""
    if len(body) > 1 and body[0] in ADMIN_LEVEL_CHARS and _segments_into_heads(body[1:]):
        level, body = body[0], body[1:]
        while len(body) > 1 and body[0] == level and _segments_into_heads(body[1:]):
            body = body[1:]  # 唐山市市委: the level written twice
    if body and _segments_into_heads(body):
        return level, body
    return None


def is_generic(form: str) -> bool:
    """True for names that do not identify a body without context (市委, 高新区, 公司)."""
    return not form or generic_parts(form) is not None
