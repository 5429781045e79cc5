"""The seed and dev articles, and what a normalized character may come from."""

from __future__ import annotations

from pathlib import Path

from kg.normalize.punctuation import _FULL, _ONE_TO_ONE
from kg.normalize.script import converter

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
DEV = sorted((ROOT.parent / "shared" / "dev" / "articles").glob("*.txt"))
ARTICLES = SEEDS + DEV


def explains(char: str, raw_span: str) -> bool:
    """Can normalization have turned ``raw_span`` into ``char``?

    Kept as is, converted by OpenCC, punctuation unified, a separator standing
    for removed whitespace/garbage, or a character repaired from mojibake.
    """
    if not raw_span:
        return False
    if char in raw_span:
        return True
    if any(char in converter(cfg).convert(raw_span) for cfg in ("t2s", "tw2s", "hk2s")):
        return True
    if char in {_FULL.get(raw_span), raw_span.translate(_ONE_TO_ONE)}:
        return True
    if char == " " and (not raw_span.strip() or raw_span[0] in "?\ufffd" or raw_span.strip(" \u3000\t") == ""):
        return True
    if char == "\n" and set(raw_span) <= set("\r\n \t\u3000"):
        return True
    return raw_span.startswith("?") and ")" in raw_span  # repaired from its pinyin
