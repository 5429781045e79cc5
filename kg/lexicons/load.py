"""Domain words as data: one TSV file per concept in ``kg/lexicons/data/``.

Each file has a header row and one row per entry::

    word    scope    example    expect

- ``word``: the word or pattern piece (a plain string unless the file's
  ``# kind: regex`` comment says its entries are regular-expression pieces);
- ``scope``: which uses of the concept take the entry (``*`` for all; else
  comma-separated names that the code asks for, e.g. ``events,agreements``);
- ``example``: a short sentence of our own in which the entry matters;
- ``expect``: what the pipeline must make of the example, in the little
  language of :mod:`kg.lexicons.expect` (``visited 张明 华锐公司``,
  ``no-agreement``, ``entity Organization 华锐科技有限公司`` ...).

``tests/lexicons/test_examples.py`` runs every example through the pipeline
and checks its expectation, so an entry that matters cannot be deleted
unnoticed. For files marked ``# mutation: each`` the mutation test drops each
entry in turn and checks that its own example then fails (a sample in the
default run, all with ``-m slow``); ``# mutation: list`` marks reference lists
(surnames, suffixes) whose entries overlap with each other or the model, which
the mutation test only reports.

Code reads entries only through :func:`words` / :func:`alternation` (cached).
Anything derived from them (compiled regexes, sets) is built in a function
decorated with :func:`derived`, so :func:`reset` rebuilds everything, e.g.
after :func:`drop` in the mutation test.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from functools import lru_cache

_DERIVED: list = []
#: (file, word) pairs left out on purpose (the mutation test)
_DROPPED: set[tuple[str, str]] = set()


@dataclass(frozen=True)
class Entry:
    concept: str
    word: str
    scope: tuple[str, ...]
    example: str
    expect: str

    def in_scope(self, use: str | None) -> bool:
        return use is None or "*" in self.scope or use in self.scope


class LexiconError(ValueError):
    pass


def derived(fn=None, *, maxsize: int | None = None):
    """Cache ``fn`` (a builder of something derived from lexicon entries) and
    register it so that :func:`reset` clears it. ``@derived(maxsize=N)``: at most
    N answers kept (a function of a name, called with every name of a corpus)."""
    if fn is None:
        return lambda f: derived(f, maxsize=maxsize)
    cached = lru_cache(maxsize=maxsize)(fn)
    _DERIVED.append(cached)
    return cached


@lru_cache(maxsize=None)
def entries(concept: str) -> tuple[Entry, ...]:
    """Every entry of ``data/<concept>.tsv`` (in file order)."""
    from importlib import resources

    try:
        text = resources.files("kg.lexicons").joinpath("data", f"{concept}.tsv").read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise LexiconError(f"no lexicon file kg/lexicons/data/{concept}.tsv") from exc
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    rows = list(csv.reader(io.StringIO("\n".join(lines)), delimiter="\t", quoting=csv.QUOTE_NONE))
    if not rows or rows[0][:4] != ["word", "scope", "example", "expect"]:
        raise LexiconError(f"{concept}.tsv: the header must be word, scope, example, expect")
    out = []
    for n, row in enumerate(rows[1:], start=2):
        if len(row) != 4 or not row[0]:
            raise LexiconError(f"{concept}.tsv row {n}: needs 4 tab-separated fields and a word: {row!r}")
        word, scope, example, expect = row
        if (concept, word) in _DROPPED:
            continue
        out.append(Entry(concept, word, tuple(s.strip() for s in scope.split(",") if s.strip()) or ("*",), example, expect))
    return tuple(out)


@lru_cache(maxsize=None)
def words(concept: str, use: str | None = None) -> tuple[str, ...]:
    """The words of a concept (those in scope of ``use`` when given), in file order."""
    return tuple(e.word for e in entries(concept) if e.in_scope(use))


def by_scope(concept: str) -> dict[str, tuple[str, ...]]:
    """The words of a concept under each value of their scope, in file order: a file
    whose scope lists keys (the roles a body ending belongs to, the abbreviations of a
    place) read as key -> words."""
    out: dict[str, list[str]] = {}
    for e in entries(concept):
        for key in e.scope:
            out.setdefault(key, []).append(e.word)
    return {key: tuple(ws) for key, ws in out.items()}


def alternation(concept: str, use: str | None = None, regex: bool = False, file_order: bool = False) -> str:
    """``(?:w1|w2|…)`` of the words, longest first (escaped unless ``regex``); with
    ``file_order``, in the lexicon's order (where two words share a start, the one
    listed first wins: 对 before 对接). No words: a pattern that never matches
    (not the empty one, which matches everywhere)."""
    ws = list(dict.fromkeys(words(concept, use))) if file_order else sorted(set(words(concept, use)),
                                                                          key=lambda w: (-len(w), w))
    return any_of(ws, regex)


def any_of(ws, regex: bool = False) -> str:
    """``(?:w1|w2|…)`` of the words in the order given (the first that fits at a place
    wins: give the longest first), escaped unless ``regex``. No words: a pattern that
    never matches (not the empty one, which matches everywhere)."""
    ws = list(ws)
    if not ws:
        return "(?!)"
    return "(?:" + "|".join(w if regex else re.escape(w) for w in ws) + ")"


def directives(concept: str) -> dict[str, str]:
    """The ``# key: value`` comment lines at the top of a lexicon file
    (``kind: regex``; ``mutation: each`` when every entry must matter on its
    own example, ``mutation: list`` for a reference list whose single entries
    may overlap with each other or with the model)."""
    from importlib import resources

    out = {}
    text = resources.files("kg.lexicons").joinpath("data", f"{concept}.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        key, sep, value = line[1:].partition(":")
        if sep and key.strip().isidentifier():
            out[key.strip()] = value.split("(")[0].strip()
    return out


def concepts() -> list[str]:
    from importlib import resources

    return sorted(p.name[:-4] for p in resources.files("kg.lexicons").joinpath("data").iterdir()
                  if p.name.endswith(".tsv") and _is_lexicon(p.read_text(encoding="utf-8")))


def _is_lexicon(text: str) -> bool:
    first = next((line for line in text.splitlines() if line.strip() and not line.startswith("#")), "")
    return first.split("\t")[:4] == ["word", "scope", "example", "expect"]


def reset() -> None:
    """Forget every cached entry list and everything derived from them."""
    entries.cache_clear()
    words.cache_clear()
    for fn in _DERIVED:
        fn.cache_clear()


def drop(concept: str, word: str) -> None:
    _DROPPED.add((concept, word))
    reset()


def restore() -> None:
    _DROPPED.clear()
    reset()
