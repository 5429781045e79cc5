"""Further occurrences of the names already found.

A person or organization name found once is a mention wherever else it is
written (甲乙科技有限公司 ... 甲乙科技有限公司), as is a place of three
characters or more the gazetteer does not know (若樱町, found once by the NER
model: the gazetteer's own scan finds the places it knows), and so are the short forms of
a full company name (甲乙科技 for 甲乙科技(上海)股份有限公司, see
kg.recognize.orgs.legal_variants).
"""

from __future__ import annotations

from kg.doc import Mention
from kg.lexicons import org_lexicon as LX
from kg.recognize import orgs as O
from kg.recognize import persons as P


def _model_pieces_inside(mentions: list[Mention], s: int, e: int, dropped: set[int]) -> list[Mention] | None:
    """The model's mentions over ``[s, e)`` when all of them lie inside it and
    are shorter (pieces of a longer name); None when any other mention is there."""
    over = [m for m in mentions if m.start < e and s < m.end and id(m) not in dropped]
    if not over or any(m.source != "model" or m.start < s or m.end > e or m.end - m.start >= e - s for m in over):
        return None
    return over


def _occurrences(text: str, name: str):
    """(start, end) of each occurrence of ``name`` in ``text``, left to right, not
    overlapping (as ``re.finditer(re.escape(name), text)``, without compiling a pattern
    per name: the article's names would push the patterns the stages use out of
    ``re``'s cache)."""
    i = text.find(name) if name else -1
    while i >= 0:
        yield i, i + len(name)
        i = text.find(name, i + len(name))


def repeats_and_variants(text: str, mentions: list[Mention]) -> list[Mention]:
    """Further occurrences of person/org names found, and the short forms of
    full company names (恒玄科技 for 恒玄科技(上海)股份有限公司)."""
    occupied = bytearray(len(text) + 1)
    for m in mentions:
        occupied[m.start:m.end] = b"\x01" * (m.end - m.start)
    targets: dict[str, tuple[str, str | None, str | None, str]] = {}
    for m in mentions:
        if m.generic:
            continue
        if m.type == "Person" or (m.type == "Organization" and len(m.text) >= 3) or (
                m.type == "Place" and (m.subtype in ("Park", "Town") or m.code is None and len(m.text) >= 3)):
            targets.setdefault(m.text, (m.type, m.subtype, m.canonical, "repeat"))
        if m.type == "Organization" and m.subtype == "Company":
            for v in O.legal_variants(m.text):
                if v not in LX.GENERIC_ORGS and len(v) >= 4:
                    targets.setdefault(v, ("Organization", "Company", m.canonical or m.text, "variant"))
    # a gazetteer place at the start of an organization's or person's further occurrence
    # (北京 in 北京X管理, the short form of 北京X管理有限公司; 韩国 in 韩国瑜) gives way to it
    place_at = {(m.start, m.end): m for m in mentions if m.type == "Place" and m.source == "gazetteer"}
    dropped: set[int] = set()
    out = []
    for name in sorted(targets, key=len, reverse=True):
        typ, st, canon, src = targets[name]
        for s, e in _occurrences(text, name):
            if typ in ("Organization", "Person") and any(occupied[s:e]):
                # 韩国 in 韩国瑜: a gazetteer place at the start of a name found elsewhere gives way
                inner = next((place_at[(s, k)] for k in range(s + 2, e) if (s, k) in place_at), None)
                if inner is not None and not any(occupied[inner.end:e]) and id(inner) not in dropped:
                    dropped.add(id(inner))
                    occupied[s:inner.end] = b"\x00" * (inner.end - s)
            if typ == "Person" and any(occupied[s:e]):
                inside = _model_pieces_inside(mentions, s, e, dropped)
                if inside is not None and not P.right_boundary(text, e):
                    inside = None
                if inside:  # Maria Silva found once by its title: the model's Maria, Silva elsewhere give way
                    for m in inside:
                        dropped.add(id(m))
                    occupied[s:e] = b"\x00" * (e - s)
            if any(occupied[s:e]):
                continue
            if typ == "Person" and not P.right_boundary(text, e):
                continue
            occupied[s:e] = b"\x01" * (e - s)
            out.append(Mention(s, e, name, typ, st, src, canon))
    return [m for m in mentions if id(m) not in dropped] + out
