"""Meeting patterns beyond ``X会见Y`` and ``X与Y会谈`` (kg.relations.events).

- :func:`receptions`: the passive ``(X一行)受到Y的热情接待 / 受到Y的接见``:
  Y met the subject (the people before 受到, else the delegation leaders);
- :func:`escorted_people`: people named as companions in a sentence (inside
  ``在Y陪同下`` or before 陪同 / 一同): such a person is never the left-out
  subject of a later clause (``…在副市长王二陪同下走访甲集团，与董事长王三
  交流座谈``: the delegation leader met 王三, not 王二).
"""

from __future__ import annotations

import re

from kg.context.clauses import Clause, TextView
from kg.relations.companions import ESCORT_FRAME_RE
from kg.lexicons.triggers import accompany_re

#: 受到Y(等)的(热情/亲切)接待 / 接见 / 会见; Y may be a list of clauses
#: (受到理事长王一，副理事长王二等的热情接待)
RECEPTION_RE = re.compile(r"受到([^。；;]{1,120}?)(?:等)?(?:的)?(?:热情|亲切|隆重)?(?:接待|接见|会见|会晤)")


def receptions(view: TextView, clause: Clause) -> list[tuple[int, list[int]]]:
    """(offset of 受到, hosts) for each passive reception starting in the
    clause (its hosts may run on over the next clauses)."""
    out = []
    for m in RECEPTION_RE.finditer(view.text, clause.start, view.article.sentences[clause.sentence].end):
        if m.start() >= clause.end:
            break
        hosts = [r.entity for r in view.refs_in(m.start(1), m.end(1), "Person")]
        if hosts and view.outside_refs(m.start(), m.start() + 2):
            out.append((m.start(), hosts))
    return out


def escorted_people(view: TextView, clauses: list[Clause], end: int) -> set[int]:
    """People before ``end`` named as companions: inside 在Y陪同下, or in a
    clause where they stand before 陪同 / 一同 …"""
    out: set[int] = set()
    for cl in clauses:
        if cl.start >= end:
            break
        for fr in ESCORT_FRAME_RE.finditer(view.text, cl.start, min(cl.end, end)):
            out.update(r.entity for r in view.refs_in(fr.start(), fr.end(), "Person"))
        acc = next(iter(view.find(accompany_re(), cl.start, min(cl.end, end))), None)
        if acc is not None and not ESCORT_FRAME_RE.search(view.text, cl.start, cl.end):
            out.update(r.entity for r in view.refs_in(cl.start, acc.start(), "Person"))
    return out
