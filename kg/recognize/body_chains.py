"""Bodies that inherit the place prefix of the body written before them.

In a title chain, a bare body word takes the previous item's prefix
(高新区党工委副书记、管委会主任 -> 高新区管委会; a committee's department,
甲区委常委、统战部部长, is no body of its own: the title sits in the
committee, D15); in a coordination the place is elided (甲市委、市政府 ->
甲市政府).
"""

from __future__ import annotations

from kg.doc import Article, Mention
from kg.lexicons import gazetteer as G
from kg.lexicons import org_lexicon as LX
from kg.recognize import orgs as O
from kg.lexicons import titles as T
from kg.recognize.bare_bodies import resolve_name
from kg.context.place_context import PlaceContext
from kg.lexicons.load import words

#: bare body words that inherit a chain's prefix: data/body_inherited.tsv (scope prefix:
#: take the previous body's place prefix; association);
#: body words ending a body's name after its place: data/body_tails.tsv (file order)


def org_prefix_of(org_text: str) -> str:
    committee = words("body_committee_words")
    for b in words("body_tails"):  # in file order: the first ending wins
        if org_text.endswith(b) and len(org_text) > len(b) - (1 if b in committee else 0):
            return org_text[: -len(b)]
    return org_text


def chain_bodies(article: Article, mentions: list[Mention], ctx: PlaceContext) -> list[Mention]:
    """Bodies named inside a title chain by a bare word that inherits the
    previous item's prefix: 高新区党工委副书记、管委会主任 -> 高新区管委会;
    市政协副主席、工商联主席 -> 市工商联."""
    text = article.text
    out: list[Mention] = []
    occupied = bytearray(len(text) + 1)
    for m in mentions:
        occupied[m.start:m.end] = b"\x01" * (m.end - m.start)
    for pm in [m for m in mentions if m.type == "Person"]:
        chain = T.parse_title_chain(text, pm.start)
        for prev, cur in zip(chain, chain[1:]):
            if not cur.org_text or not prev.org_text or cur.org_start is None:
                continue
            bare = cur.org_text
            if bare in words("body_inherited", "prefix"):
                prefix = org_prefix_of(prev.org_text)
                if not prefix or prefix == prev.org_text:
                    continue
                full = prefix + bare
            else:
                continue
            s, e = cur.org_start, cur.org_end
            if any(occupied[s:e]):
                continue
            canon = resolve_name(full, article, s, ctx)
            if canon is None:
                continue
            out.append(Mention(s, e, text[s:e], "Organization", "Association" if bare in words("body_inherited", "association") else "GovernmentBody",
                               "chain", canon, generic=True))
            occupied[s:e] = b"\x01" * (e - s)
    return out


def coordination(text: str, mentions: list[Mention]) -> list[Mention]:
    """平顶山市委、市政府 -> 平顶山市政府 (the place prefix is elided; a level
    character the first body writes twice is once in the second: 通化市市委、市政府
    -> 通化市政府, but 日照市莒县县委、县政府 -> 日照市莒县县政府: 莒县 has a
    one-character stem)."""
    out = []
    taken = {(m.start, m.end) for m in mentions}
    by_span = {(m.start, m.end): m for m in mentions}
    for m in mentions:
        if m.type != "Organization" or m.generic:
            continue
        name = m.canonical or m.text
        pos = m.end
        while pos < len(text) and text[pos] in "、" + "".join(words("context_list_separators", "bodies")):
            pos += 1
        if pos == m.end and not (pos < len(text) and text[pos] in LX.LEVEL_CHARS):
            continue
        g = O.generic_body(text, pos)
        if g is None:
            continue
        e, body = g
        level = body[0]
        prefix = org_prefix_of(name)
        if not prefix.endswith(level):
            continue
        if len(prefix) >= 4 and prefix[-2] == level and not G.lookup(prefix[-3:-1]):
            prefix = prefix[:-1]  # 通化市市委、市政府 -> 通化市政府 (a one-character stem keeps both: 莒县县政府)
        if (pos, e) in taken:
            by_span[(pos, e)].canonical = prefix + body[1:]
            continue
        out.append(Mention(pos, e, text[pos:e], "Organization", "GovernmentBody", "coordination",
                           prefix + body[1:], generic=True))
    return out
