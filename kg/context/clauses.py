"""A small clause model over an Article's resolved mentions.

The extraction rules work on *refs* (mentions that point at an entity) and
*clauses* (stretches of a sentence between commas, semicolons and colons).
This module gives them one read-only view:

- :class:`TextView` indexes refs by position, finds the ref covering an
  offset, and splits sentences into clauses;
- :meth:`TextView.list_items` reads a coordinated list (A、B和C) as the
  entity each item starts with, where an item that starts with a chain of
  names (安徽省马鞍山市雨山区…) stands for the last, most specific one.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from kg.doc import Article
from kg.lexicons.load import alternation

CLAUSE_BREAK = re.compile(r"[，,；;：:]")
#: a short quoted stretch (a title, a slogan, a name): its commas break no clause, its words are
#: no trigger words of the clause (深入“西畴精神”展览馆)
QUOTED = re.compile(r"“[^“”。]{1,40}”|「[^「」。]{1,40}」")
#: list separators: punctuation and the list words of data/context_list_separators.tsv
#: (scope clauses, longest first: 以及 before 及)
LIST_SEP = re.compile("、|" + alternation("context_list_separators", "clauses")[3:-1] + "|，|,|/")
#: words that may stand between a list-introducing verb and the first item
#: (data/context_leading_fillers.tsv; repeated, so their order does not matter)
LEADING_FILLER = re.compile("^" + alternation("context_leading_fillers") + "+")


@dataclass(frozen=True)
class Ref:
    """A mention resolved to an entity."""

    start: int
    end: int
    entity: int
    type: str
    generic: bool
    mention: int


def _pair_of(a: Ref, b: Ref) -> bool:
    """Two generic refs of one span naming two entities (kg.context.paired_bodies)."""
    return a.generic and b.generic and (a.start, a.end) == (b.start, b.end) and a.entity != b.entity


@dataclass(frozen=True)
class Clause:
    sentence: int
    start: int
    end: int
    text: str


class TextView:
    """Refs and clauses of one article (built once per extraction run)."""

    def __init__(self, article: Article):
        self.article = article
        self.text = article.text
        refs = [
            Ref(m.start, m.end, m.entity, m.type, m.generic, i)
            for i, m in enumerate(article.mentions)
            if m.entity is not None and 0 <= m.entity < len(article.entities)
        ]
        refs.sort(key=lambda r: (r.start, -r.end))
        # drop refs nested in a longer one (唐山 inside 唐山高新区); generic refs
        # of one span stand for a pair (两地文旅局: both places' 文旅局) and stay
        kept: list[Ref] = []
        for r in refs:
            if kept and r.start < kept[-1].end and not _pair_of(kept[-1], r):
                continue
            kept.append(r)
        self.refs = kept
        self._starts = [r.start for r in kept]

    def entity_type(self, entity: int) -> str:
        return self.article.entities[entity].type

    def refs_in(self, start: int, end: int, type: str | None = None) -> list[Ref]:
        i = bisect.bisect_left(self._starts, start)
        out = []
        while i < len(self.refs) and self.refs[i].start < end:
            r = self.refs[i]
            if r.end <= end and (type is None or r.type == type):
                out.append(r)
            i += 1
        return out

    def ref_at(self, offset: int) -> Ref | None:
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and self.refs[i].start <= offset < self.refs[i].end:
            return self.refs[i]
        return None

    def ref_starting(self, offset: int) -> Ref | None:
        r = self.ref_at(offset)
        return r if r is not None and r.start == offset else None

    def outside_refs(self, start: int, end: int) -> bool:
        """True when [start, end) overlaps no ref (a trigger inside a name is no trigger)."""
        return all(self.ref_at(i) is None for i in range(start, end))

    def find(self, pattern: re.Pattern, start: int, end: int):
        """Matches of ``pattern`` in [start, end) that lie outside every ref."""
        for m in pattern.finditer(self.text, start, end):
            if self.outside_refs(m.start(), m.end()):
                yield m

    def clauses(self, sentence: int) -> list[Clause]:
        s = self.article.sentences[sentence]
        out, pos = [], s.start
        quoted = [q.span() for q in QUOTED.finditer(self.text, s.start, s.end)]
        for m in self.find(CLAUSE_BREAK, s.start, s.end):
            if any(a < m.start() < b for a, b in quoted):
                continue  # 就“发挥优势，助推发展”课题，率队前往…: a comma inside a quoted title
            if m.start() > pos:
                out.append(Clause(sentence, pos, m.start(), self.text[pos : m.start()]))
            pos = m.end()
        if pos < s.end:
            out.append(Clause(sentence, pos, s.end, self.text[pos : s.end]))
        return out

    def chain_end(self, ref: Ref, end: int) -> Ref:
        """The last ref of a chain of adjacent refs starting with ``ref`` (no gap)."""
        cur = ref
        while cur.end < end:
            nxt = self.ref_starting(cur.end)
            if nxt is None:
                break
            cur = nxt
        return cur

    def _wider_places(self, first: Ref, last: Ref) -> list[Ref]:
        """The places of the chain ``first`` … ``last`` before ``last`` (a place
        inside an organization's name is part of that name's ref, not of the chain)."""
        out: list[Ref] = []
        cur = first
        while cur is not last and cur.end <= last.start:
            nxt = self.ref_starting(cur.end)
            if nxt is None:
                break
            if cur.type == "Place":
                out.append(cur)
            cur = nxt
        return out

    def list_items(self, start: int, end: int, wider: bool = False) -> list[Ref]:
        """The entities of a coordinated list in [start, end), one per item.

        Items are separated by 、/和/及/与 (outside names); an item counts when
        it starts with a name; its entity is the last name of the chain of
        adjacent names it starts with. With ``wider``, the places of the chain
        before it count too, but not a place inside an organization's name
        (赴浙江杭州市: 浙江 and 杭州市; 前往杭州市临平区X管委会: 杭州市 and the
        管委会, as the corpus decision D5 says of visits).
        """
        items: list[Ref] = []
        pos = start
        seps = [m for m in self.find(LIST_SEP, start, end)]
        bounds = [(pos, seps[0].start())] if seps else [(pos, end)]
        for a, b in zip(seps, seps[1:] + [None]):
            bounds.append((a.end(), b.start() if b is not None else end))
        for a, b in bounds:
            seg = self.text[a:b]
            lead = LEADING_FILLER.match(seg)
            a2 = a + (lead.end() if lead else 0)
            r = self.ref_starting(a2)
            if r is None or r.end > b:
                continue
            first, r = r, self.chain_end(r, b)
            if wider:
                for w in self._wider_places(first, r):
                    if all(x.entity != w.entity for x in items):
                        items.append(w)
            if all(x.entity != r.entity for x in items):
                items.append(r)
            tail = self.text[r.end : b]
            if any(ch.isspace() for ch in tail) or self.refs_in(r.end, b, "Person"):
                break  # the list ended inside this item (…园区招商 山东省潍坊市长…)
        return items
