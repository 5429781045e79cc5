"""Pinyin annotations left by a bad converter: 區(qū), 實(shí), 會(huì ).

Only a bracket whose whole content is one pinyin syllable carrying a tone
mark is an annotation; real brackets (恒玄科技(上海), (郭赟), (筹), (2020))
never match. The dictionaries used to repair a lost character from its
annotation (:func:`repair_candidates`) come from JioNLP, shipped as package
data (scripts/vendor_pinyin.py), and load lazily, only when an article needs
a repair.
"""

from __future__ import annotations

import re
from functools import lru_cache

TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
LETTERS = "a-zü" + TONED
#: one syllable with at least one tone mark (at most 7 letters)
SYLLABLE = rf"(?=[{LETTERS}]{{1,7}}\b)[a-zü]{{0,5}}[{TONED}][{LETTERS}]{{0,5}}"
#: a bracketed annotation, spaces inside allowed: (huì ), ( chuàng )
ANNOTATION = re.compile(rf"[(（]\s?(?P<py>{SYLLABLE})\s?[)）]")


@lru_cache(maxsize=1)
def _dictionaries() -> tuple[dict[str, list[str]], dict[str, int]]:
    """reading -> Simplified characters, and word -> corpus frequency: the package's
    data/pinyin_readings.tsv and data/pinyin_words.tsv (JioNLP's, derived once by
    scripts/vendor_pinyin.py; reading them takes a tenth of building them from
    JioNLP's loaders). The first line of each file is its source."""
    from importlib import resources

    data = resources.files("kg.normalize").joinpath("data")
    by_reading: dict[str, list[str]] = {}
    for line in data.joinpath("pinyin_readings.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        reading, _, chars = line.partition("\t")
        by_reading[reading] = list(chars)
    freq: dict[str, int] = {}
    for line in data.joinpath("pinyin_words.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        word, _, count = line.partition("\t")
        freq[word] = int(count)
    return by_reading, freq


def repair_candidates(reading: str, before: str, after: str) -> list[tuple[str, int]]:
    """Characters read ``reading`` that form a known word with a neighbour.

    ``before``/``after`` are the Simplified neighbours (may be empty). Returns
    ``(char, frequency of the word it forms)`` best first.
    """
    by_reading, freq = _dictionaries()
    scored: dict[str, int] = {}
    for c in by_reading.get(reading, ()):
        f = max(freq.get(c + after, 0) if after else 0, freq.get(before + c, 0) if before else 0)
        if f:
            scored[c] = f
    return sorted(scored.items(), key=lambda kv: -kv[1])


def pick_repair(reading: str, before: str, after: str, dominance: float = 5.0) -> str | None:
    """The one character that fits, or None when no word or no clear winner."""
    try:
        cands = repair_candidates(reading, before, after)
    except (ImportError, OSError, ValueError):  # no dictionaries: leave the garbage to be removed
        return None
    if not cands:
        return None
    if len(cands) > 1 and cands[0][1] < dominance * cands[1][1]:
        return None
    return cands[0][0]
