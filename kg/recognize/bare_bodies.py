"""Bodies named without their place or park, resolved to full names.

``generic_bodies`` finds 市委 / 省发改委 / 区文旅局 and names them after the
place the text is about (kg.context.place_context): in a text about 甲市,
a bare 市委 is 甲市委. ``canonical_park_names`` does the same for bodies led
by a generic park word (高新区党工委 -> 甲高新区党工委, when the text names
one such park).
"""

from __future__ import annotations

import re

from kg.doc import Article, Mention
from kg.recognize import left_walk as LW
from kg.lexicons import org_lexicon as LX
from kg.recognize import orgs as O
from kg.recognize.candidates import Candidate
from kg.context.place_context import PlaceContext, sentence_start


def generic_bodies(article: Article, place_ends: set[int], ctx: PlaceContext) -> list[Mention]:
    """Level bodies written without their place (市委, 省发改委) after a clear
    boundary, resolved to the place the text is about (``generic=True``,
    ``canonical`` = the full name); 平顶山市委 is left to the structural org."""
    text = article.text
    out: list[Mention] = []
    for m in re.finditer(f"[{LX.LEVEL_CHARS}]", text):
        s = m.start()
        if s > 0 and ("\u4e00" <= text[s - 1] <= "\u9fff") and s not in place_ends:
            # only after punctuation, a title chain separator or a stop word
            if not LW.stop_before(text, s, LX.LEFT_STOPS) and text[s - 1] not in "、":
                continue
        g = O.generic_body(text, s)
        if g is None:
            continue
        e, body = g
        if s in place_ends:
            continue  # 平顶山市委: the structural org covers it
        place = ctx.place_for(body[0], s, sentence_start(article, s))
        if place is None:
            continue
        canon = place.name + body[1:]
        out.append(Mention(s, e, text[s:e], "Organization", "GovernmentBody", "generic-body", canon, generic=True))
    return out


def canonical_park_names(article: Article, chosen: list[Candidate], ctx: PlaceContext) -> list[Candidate]:
    """Canonical names for orgs named with a generic park prefix (高新区党工委)."""
    for c in chosen:
        m = c.m
        if m.type != "Organization":
            continue
        for g in sorted(LX.GENERIC_PARKS, key=len, reverse=True):
            if m.text.startswith(g) and len(m.text) > len(g):
                park = ctx.park_for(g)
                if park:
                    m.canonical = park + m.text[len(g):]
                break
        if m.canonical is None and m.text.startswith("中共") and len(m.text) > 4:
            m.canonical = m.text  # 中共白银市委 stays as written
    return chosen


def resolve_name(full: str, article: Article, pos: int, ctx: PlaceContext) -> str | None:
    """Full name of a body named from a prefix: park words and level chars resolved."""
    if full[0] in LX.LEVEL_CHARS and O.generic_body(full, 0):
        place = ctx.place_for(full[0], pos, sentence_start(article, pos))
        return place.name + full[1:] if place else None
    for g in sorted(LX.GENERIC_PARKS, key=len, reverse=True):
        if full.startswith(g):
            park = ctx.park_for(g)
            return park + full[len(g):] if park else full
    return full
