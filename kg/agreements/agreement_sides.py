"""Who signs with whom: the sides of a signing clause, and 分别 pairing.

kg.agreements.agreements finds a signing verb; this module reads the
organizations and places before it as sides (``A与B签订…``: A and B):

- :func:`parties`: the parties named in a stretch; a name that only
  qualifies the next one is none (``大洼区盘锦天润置业有限公司``, ``甲集团所属乙公司``:
  only the second signs); a place mention where a known body's name is written
  (``甲道|经济通商室``) is that body;
- :func:`party_follows`: whether 与/和 joins parties (an organization or place
  right after it), so ``王一与李二见证…`` is no pair of sides;
- :func:`with_units`: the ``A与B(就X)`` units of a list such as
  ``A与B就X、C与D就Y签约``;
- :func:`respective_signings`: ``A、B分别与C、D签约`` / ``A与C及D分别签订X和Y``
  -> element-wise pairs when the lists are as long (a single party pairs
  with each on the other side, else each with each), one document name per
  pair when the names are as many;
- ``两地甲局、乙局分别签订了X和Y协议`` (two bodies per body word, see
  kg.context.paired_bodies) -> one agreement per body word, the bodies of
  both places as parties, the names sharing their tail (X协议, Y协议).
"""

from __future__ import annotations

import re

from kg.agreements.agreement_names import doc_names, name_before, shared_tail_names
from kg.context.clauses import Clause, TextView
from kg.lexicons.load import alternation, derived, words
from kg.lexicons.triggers import place_abbreviations

#: (document name, parties) of one agreement found by the helpers here
Signing = tuple[str, list[int]]

#: D所属E / D旗下的E: D only qualifies E
_OWNER_LINK_RE = re.compile("(?:" + "|".join(words("trigger_ownership")) + ")的?$")


@derived
def _respective_with_re() -> re.Pattern:
    """The 与 / 同 that opens the other side of a 分别 signing (甲分别与乙、丙签约):
    data/model_with.tsv, scope respective."""
    return re.compile(alternation("model_with", "respective"))


@derived
def _venue_re() -> re.Pattern:
    """A venue word ending a stretch (data/agreement_venue_words.tsv: 在, 于)."""
    return re.compile(alternation("agreement_venue_words") + "$")


@derived
def count_re() -> re.Pattern:
    """A count of parties: a number (digits or one numeral of
    data/agreement_counted_sides.tsv) and a classifier (3家, 三家)."""
    numerals = "|".join(sorted(map(re.escape, count_values()), key=len, reverse=True))
    return re.compile(rf"(\d+|{numerals}){alternation('agreement_counted_sides', 'classifier')}")


@derived
def count_values() -> dict[str, int]:
    """Numerals written in characters and their values (两=2)."""
    return {w.split("=")[0]: int(w.split("=")[1]) for w in words("agreement_counted_sides", "numeral")}


def _venue(view: TextView, r, start: int) -> bool:
    """Whether ref ``r`` is the place where the signing happens (甲与乙在丙市签署,
    甲在丙市与乙签署: 丙市; 甲与乙在丙乡公所举行签约仪式: 丙乡公所): a place or
    organization with a venue word right before it."""
    return r.type in ("Place", "Organization") and bool(_venue_re().search(view.text, max(start, r.start - 1), r.start))


@derived
def _abbreviated_sides_re() -> re.Pattern:
    """Two one-character place abbreviations and a word naming both sides (沪澳双方):
    data/place_abbreviations.tsv, data/agreement_abbreviated_sides.tsv."""
    letters = re.escape("".join(place_abbreviations()))
    return re.compile(f"([{letters}])([{letters}])" + alternation("agreement_abbreviated_sides"))


def abbreviated_sides(view: TextView, start: int, end: int) -> list[int]:
    """The two places of 沪澳双方 in [start, end), when the article names each
    (上海市, 澳门): [] otherwise."""
    m = _abbreviated_sides_re().search(view.text, start, end)
    if m is None:
        return []
    out = []
    for letter in m.group(1, 2):
        names = set(place_abbreviations()[letter])
        found = next((i for i, e in enumerate(view.article.entities)
                      if e.type == "Place" and ({e.name, *e.aliases} & names)), None)
        if found is None or found in out:
            return []
        out.append(found)
    return out


def both_sides(view: TextView, start: int, end: int) -> list[int]:
    """The home and the destination of the article's first trip when [start, end)
    names the signing sides only as 双方 / 两地 (data/agreement_both_sides.tsv): []
    when the article tells no trip with both."""
    from kg.context.model import context_of

    if not any(w in view.text[start:end] for w in words("agreement_both_sides")):
        return []
    sides = context_of(view.article).sides
    return list(sides) if sides and sides[0] != sides[1] else []


def parties(view: TextView, start: int, end: int) -> list[int]:
    """Organizations and places named in [start, end), each once; a name that
    only modifies the next one (大洼区|盘锦天润置业有限公司, 甲集团所属|乙公司)
    is not a party of its own, nor the venue (甲与乙在丙市签署). When nothing
    else is named: two places written as their abbreviations before 双方
    (沪澳双方, :func:`abbreviated_sides`), else, for a bare 双方 / 两地, the two
    sides of the article's first trip (:func:`both_sides`)."""
    refs = [r for r in view.refs_in(start, end) if not _venue(view, r, start)]
    if not refs:
        return abbreviated_sides(view, start, end) or both_sides(view, start, end)
    out: list[int] = []
    covered = start
    for k, r in enumerate(refs):
        if r.start < covered:
            continue  # inside a body read over a place (甲道|经济通商室)
        body = _body_over(view, r, end)
        if body is not None:
            covered = body[1]
            if body[0] not in out:
                out.append(body[0])
            continue
        if k + 1 < len(refs) and refs[k + 1].start == r.end:
            continue
        if k + 1 < len(refs) and _OWNER_LINK_RE.search(view.text, r.end, refs[k + 1].start) \
                and refs[k + 1].start - r.end <= 3:
            continue
        if r.type == "Person":
            org = signer_org(view, r)
            if org is not None and org not in out:
                out.append(org)
            continue
        if r.type in ("Organization", "Place") and r.entity not in out:
            out.append(r.entity)
    return out


def signer_org(view: TextView, r) -> int | None:
    """The organization a person named as a side signs for (副市长王一与乙公司签约:
    王一's post): the organization of the person's post told in the signing's
    sentence, else of the one organization all their posts name; None when a
    post names none (or only a place) or their posts name several."""
    art = view.article
    posts = [p for p in art.positions
             if p.person == r.entity and p.org is not None and art.entities[p.org].type == "Organization"]
    si = art.sentence_of(r.start)
    here = {p.org for p in posts if p.sentence == si}
    orgs = here or {p.org for p in posts}
    return next(iter(orgs)) if len(orgs) == 1 else None


def _body_over(view: TextView, r, end: int) -> tuple[int, int] | None:
    """(entity, end) of the longest organization whose name is written where a
    place mention starts (甲道经济通商室 read as 甲道 + text): the body signs, not the place."""
    if r.type != "Place":
        return None
    best = None
    for i, e in enumerate(view.article.entities):
        if e.type != "Organization":
            continue
        for n in (e.name, *e.aliases):
            stop = r.start + len(n)
            if stop > r.end and stop <= end and view.text.startswith(n, r.start):
                if best is None or stop > best[1]:
                    best = (i, stop)
    return best


#: how far after 与 a signer's name may stand (与副市长王一签约: a title before it)
_TITLE_GAP = 8


def party_follows(view: TextView, pos: int, end: int) -> bool:
    """与/和 joins parties only when an organization or place follows it, or a
    person (a title may stand before the name) who signs for an organization."""
    if count_re().match(view.text, pos, end):
        return True  # 与3家企业签约: the count stands for named parties
    refs = view.refs_in(pos, end)
    if not refs or refs[0].start - pos > _TITLE_GAP:
        return False
    if refs[0].type == "Person":
        return signer_org(view, refs[0]) is not None
    return refs[0].start - pos <= 2


def _unit_start(view: TextView, lo: int, hi: int) -> int:
    """Where the next "A与B" unit starts: after the last 、 (outside names) before its A."""
    text = view.text
    k = text.rfind("、", lo, hi)
    while k >= 0 and not view.outside_refs(k, k + 1):
        k = text.rfind("、", lo, k)
    return k + 1 if k >= 0 else hi


def with_units(view: TextView, region_start: int, withs: list[re.Match], verb_start: int
               ) -> list[tuple[int, re.Match, int]]:
    """Split ``A与B就X、C与D就Y`` (one 与 match per unit in ``withs``) into
    (start of A, the 与 match, end of B's stretch) per unit."""
    units = []
    for k, wm in enumerate(withs):
        left_lo = region_start if k == 0 else _unit_start(view, withs[k - 1].end(), wm.start())
        right_hi = verb_start
        if k + 1 < len(withs):
            right_hi = _unit_start(view, wm.end(), withs[k + 1].start())
        units.append((left_lo, wm, right_hi))
    return units


def respective_signings(view: TextView, clause: Clause, region_start: int, resp: int, verb: re.Match,
                        subject: list[int]) -> tuple[list[Signing], list[int]] | None:
    """The agreements of a 分别 signing (``resp``: where 分别 is) and the
    left side; None when the clause does not read that way.

    ``A、B分别与C、D签约`` / ``A与C、D分别签订…``: the left list is paired
    with the right list element by element when they are as long, else
    each with each (a single party thus pairs with each on the other side);
    the left side defaults to the sentence's ``subject``. Names are given
    per pair when there are as many names as pairs, else the names joined
    with 和 to all. Without a 与 before a party, see :func:`_paired_sides`.
    """
    text = view.text
    resp_end = resp + max((len(w) for w in words("context_respective_words", "signing") if text.startswith(w, resp)),
                          default=0)
    if text[resp_end : resp_end + 1] in words("model_with", "signing"):
        wpos = resp_end
    else:
        cands = [w for w in view.find(_respective_with_re(), region_start, resp) if party_follows(view, w.end(), resp)]
        if not cands:
            return _paired_sides(view, clause, region_start, resp, verb)
        wpos = cands[0].start()
    if wpos > resp:  # A、B分别与C、D
        left, right = parties(view, region_start, resp), parties(view, wpos + 1, verb.start())
    else:  # A与C、D分别
        left, right = parties(view, region_start, wpos), parties(view, wpos + 1, resp)
    left = left or subject
    if not left or not right:
        return None
    if len(left) == len(right):
        pairs = list(zip(left, right))
    else:
        pairs = [(a, b) for a in left for b in right]
    names = doc_names(text, verb.end(), clause.end) or [name_before(text, clause.start, verb.start())]
    found = []
    for k, (a, b) in enumerate(pairs):
        name = names[k] if len(names) == len(pairs) else "和".join(names)
        found.append((name, [a, b]))
    return found, left


def _paired_sides(view: TextView, clause: Clause, region_start: int, resp: int, verb: re.Match
                  ) -> tuple[list[Signing], list[int]] | None:
    """``两地文旅局、商务局分别签订了文旅和商贸业发展合作协议``: each body
    word stands for a pair of bodies (two refs of one span, see
    kg.context.paired_bodies); each pair signs its own document, the
    names paired with the body words in order (a shared tail is
    distributed: 文旅发展合作协议, 商贸业发展合作协议)."""
    groups: dict[tuple[int, int], list[int]] = {}
    for r in view.refs_in(region_start, resp):
        if r.type != "Person":
            groups.setdefault((r.start, r.end), []).append(r.entity)
    sides = [g for g in groups.values() if len(g) >= 2]
    if len(sides) < 2 or len(sides) != len(groups):
        return None
    names = doc_names(view.text, verb.end(), clause.end)
    if len(names) == 1:
        names = shared_tail_names(names[0], len(sides))
    if len(names) != len(sides):
        return None
    return list(zip(names, sides)), sides[0]
