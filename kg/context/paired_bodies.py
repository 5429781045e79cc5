"""两地X: one body X for each of the two places of an exchange.

An article about a trip from one place to another (甲区到乙区开展推介活动,
see kg.context.trips) says ``两地工商联签订了…协议`` and
``两地文旅局、商务局分别签订了…``: each body word names two bodies, one per
place (甲区工商联 and 乙区工商联; 甲区文旅局, 乙区文旅局, 甲区商务局 …).
:func:`resolve_paired_bodies` finds or creates those bodies
(kg.context.focus.implied_body) and marks each body word with two generic
mentions of the same span, one per place, so that later rules read the
word as the pair of parties (kg.agreements.agreements groups refs by span).

An entity recognized as the whole ``两地X`` (no real name: 两地 is no place)
becomes the first place's body.
"""

from __future__ import annotations

import re

from kg.doc import Article
from kg.context.focus import add_generic_mention, implied_body
from kg.context.places import body_re
from kg.lexicons.load import alternation, derived, words

@derived
def pair_word_re() -> re.Pattern:
    """Words naming both places of an exchange (两地: data/context_pair_words.tsv)."""
    return re.compile(alternation("context_pair_words"))


def _sep() -> str:
    """、 and the one-character list words (和及与: data/context_list_separators.tsv, scope bodies)."""
    return "、" + "".join(words("context_list_separators", "bodies"))


def _body_list(text: str, start: int) -> list[tuple[int, int]]:
    """Spans of the body words listed from ``start`` (文旅局、商务局)."""
    out: list[tuple[int, int]] = []
    pos = start
    while True:
        m = body_re().match(text, pos)
        if m is None or m.end() == m.start():
            break
        out.append((m.start(), m.end()))
        pos = m.end()
        if pos < len(text) and text[pos] in _sep():
            pos += 1
        else:
            break
    return out


def _adopt_whole(article: Article, start: int, end: int) -> int | None:
    """An entity recognized as the whole 两地X at [start, end): unlink its
    mention there; the entity itself when that was its only kind of mention."""
    for k, m in enumerate(article.mentions):
        if m.start == start and m.end == end and m.entity is not None and not m.generic:
            ent = article.mentions[k].entity
            article.mentions[k].entity = None
            e = article.entities[ent]
            e.mentions = [i for i in e.mentions if i != k]
            return ent if not e.mentions else None
    return None


def resolve_paired_bodies(article: Article) -> None:
    """Mark every ``两地X、Y`` with the bodies X and Y of both sides of the trip."""
    from kg.context.model import context_of

    text = article.text
    sides = None
    for pm in pair_word_re().finditer(text):
        bodies = _body_list(text, pm.end())
        if not bodies:
            continue
        if sides is None:
            sides = context_of(article).sides or ()
        if not sides:
            return
        for k, (s, e) in enumerate(bodies):
            body = text[s:e]
            whole = _adopt_whole(article, pm.start(), e) if k == 0 else _adopt_whole(article, s, e)
            if whole is not None:
                home = article.entities[sides[0]].name + body
                article.entities[whole].name, article.entities[whole].aliases = home, set()
                article.entities[whole].subtype = "GovernmentBody"
            for place in sides:
                add_generic_mention(article, s, e, implied_body(article, place, body))
