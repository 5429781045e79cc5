"""One-character place abbreviations after an arrival verb.

Fixed ones (抵港, 赴京, 来沪) are listed in kg.lexicons.triggers. Local news
also abbreviates the article's own places: ``来宜考察`` in an article that
names 宜昌市 means a visit to 宜昌市. :func:`local_abbreviations` finds such
an abbreviation: one Han character after 来/赴/到/抵 and before a visit
word, which is the first character of exactly one place the article names.
"""

from __future__ import annotations

import re

from kg.doc import Article
from kg.lexicons.load import alternation, derived



@derived
def local_arrival_re() -> re.Pattern:
    """来宜考察, 赴宜调研, 莅宜参观, 来汉签约: an arrival verb, the character, then
    a word of what the visit is for (data/trigger_local_arrival.tsv)."""
    return re.compile(alternation("trigger_local_arrival", "verb") + r"([\u4e00-\u9fff])(?="
                      + alternation("trigger_local_arrival", "purpose") + ")")


def local_abbreviations(article: Article, start: int, end: int) -> list[tuple[int, int, int]]:
    """(start, end, place entity) of each local abbreviation in [start, end)."""
    out = []
    for m in local_arrival_re().finditer(article.text, start):  # the purpose may start the next clause (来宜，考察)
        if m.start(1) >= end:
            break
        place = local_place(article, m.group(1))
        if place is not None:
            out.append((m.start(1), m.end(1), place))
    return out


def local_place(article: Article, ch: str) -> int | None:
    """The one place the article names whose name begins with the character ``ch``, or None."""
    places = [i for i, e in enumerate(article.entities)
              if e.type == "Place" and len(e.name) >= 2 and e.name.startswith(ch)]
    return places[0] if len(places) == 1 else None


@derived
def local_purpose_re() -> re.Pattern:
    """The words of what a visit is for (data/trigger_local_arrival.tsv, scope purpose)."""
    return re.compile(alternation("trigger_local_arrival", "purpose"))
