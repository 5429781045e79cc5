"""Candidate mentions and how overlaps between them are settled.

Every recognizer proposes candidates with a rank by source (a title-context
person outranks a gazetteer place, rule spans outrank model spans). Overlaps
are resolved longest-first, rule spans before model spans: for candidates
甲乙科技有限公司 (org rule) and 甲乙 (model) over the same text, the
company name wins.
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.doc import Mention


RULE_RANK = {
    "title-context": 6, "list": 6, "byline": 6, "org-context": 2, "org-rule": 5, "media": 5, "org-list": 5, "ministry": 5, "park-rule": 5,
    "coordination": 5, "chain": 4, "gazetteer": 4, "short-company": 3, "variant": 3, "repeat": 3,
    "model": 1, "generic-body": 0, "town-rule": 4, "abbreviation": 3,
}


@dataclass
class Candidate:
    m: Mention
    rank: int

    @property
    def key(self):
        # rule spans first (longest first), then model and generic spans in the space left
        return (0 if self.rank >= 2 else 1, -(self.m.end - self.m.start), -self.rank, self.m.start)


def resolve_overlaps(cands: list[Candidate]) -> list[Candidate]:
    size = max((c.m.end for c in cands), default=0) + 1
    occupied = bytearray(size)
    out = []
    for c in sorted(cands, key=lambda c: c.key):
        s, e = c.m.start, c.m.end
        if any(occupied[s:e]):
            continue
        occupied[s:e] = b"\x01" * (e - s)
        out.append(c)
    return out
