"""Bounded work per article: a very long input is processed in parts.

Discourse rules look back over the article (the place in focus, the trip's
home, the topic of a paragraph), so their cost grows with the square of an
article's length. News articles are a few thousand characters; a web page
that is one huge line, or a pasted report, is not. Such an input is cut into
parts of at most :data:`PART_CHARS` characters, at a paragraph break where
there is one, else after a sentence end, else anywhere, and each part is an
article of its own (``file.txt#2``): total cost is linear in the length, and
the build says so in a warning. Relations across two parts are not found.
"""

from __future__ import annotations

import re

from kg.doc import Article

#: the most characters processed as one article (several times the longest real news article)
PART_CHARS = 12_000
_BREAKS = (re.compile(r"\n\s*\n"), re.compile(r"\n"), re.compile(r"[。！？!?；;]"))


def _cut(raw: str, limit: int) -> int:
    """Where to end the next part of ``raw``: the last paragraph break, line
    break or sentence end in its second half, else at ``limit``."""
    window = raw[:limit]
    for pattern in _BREAKS:
        ends = [m.end() for m in pattern.finditer(window, limit // 2)]
        if ends:
            return ends[-1]
    return limit


def split_long(article: Article, limit: int = PART_CHARS) -> list[Article]:
    """``[article]`` when it is short enough, else its parts (in order)."""
    raw = article.raw
    if len(raw) <= limit:
        return [article]
    pieces: list[str] = []
    while len(raw) > limit:
        end = _cut(raw, limit)
        pieces.append(raw[:end])
        raw = raw[end:]
    if raw.strip():
        pieces.append(raw)
    parts = [Article(source=f"{article.source}#{k}", raw=piece, path=article.path) for k, piece in enumerate(pieces, 1)]
    parts[0].errors.extend(article.errors)  # the reading's (a damaged file)
    parts[0].errors.append(
        f"{len(article.raw)} characters: processed as {len(parts)} parts of at most {limit} "
        f"({article.source}#1 … #{len(parts)}); relations across parts are not found")
    return parts
