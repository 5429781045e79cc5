"""Witnesses told apart from the signing clause they witness.

kg.agreements.agreements reads ``X见证A与B签署…`` and the frame ``在X的见证下，
A与B签署…`` inside one sentence. This module covers the other places a
text names witnesses:

- :func:`trailing_witnesses`: a clause after the signings of its sentence,
  ``A与B签订X，C与D签订Y，王一、王二共同见证。`` / ``…，王一出席并见证`` /
  ``…，王一、王二出席，共同见证这一重要时刻``;
- :func:`closing_witness`: a sentence of its own after the signings
  (``王一、王二等共同见证签约。`` / ``王一、王二共同见证。``);
- :func:`listed_witnesses`: the same with the people listed after 见证
  (``出席见证的贵宾包括王一、王二等人。``);
- :class:`PendingWitnesses`: a frame told before the signings it covers,
  ``在王一、王二的见证下，举行了集中签约仪式。`` followed by paragraphs that
  list the signings: every signing of the following paragraphs (as long as
  paragraphs with signings follow each other) gets those witnesses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.doc import Agreement
from kg.context.clauses import Clause, TextView
from kg.lexicons.load import alternation, derived, words
from kg.lexicons.triggers import sign_re, witness_re

@derived
def _closing_tail_re() -> re.Pattern:
    """What may follow 见证 when it closes the statement (共同见证。, 见证了签约, 见证签约仪式,
    见证下完成, 见证这一重要时刻: a tail ending with a word of scope moment;
    data/agreement_witness_tails.tsv)."""
    words_ = alternation("agreement_witness_tails", "closing")
    after = "|".join(f"(?<={re.escape(w)})" for w in words("agreement_witness_tails", "before_completed")) or "(?!)"
    done = alternation("agreement_witness_tails", "completed")
    moment = alternation("agreement_witness_tails", "moment")  # 共同见证这一重要时刻
    return re.compile(rf"^(?:(?:{words_}|\s)*(?:(?:{after}){done})?|[^，,；;。]*(?:{moment}))\s*$")


def _closes(view: TextView, clause: Clause, end_of_witness: int) -> bool:
    tail = view.text[end_of_witness:clause.end].rstrip("。！!")
    return bool(_closing_tail_re().match(tail)) or sign_re().search(tail) is not None


def witnessed_signing(view: TextView, clause: Clause, pos: int) -> bool:
    """Whether the signing word at ``pos`` is what a 见证 before it in the clause
    witnesses (王一出席签约仪式并共同见证协议签署): a signing told before, not a new one."""
    last = None
    for m in view.find(witness_re(), clause.start, pos):
        last = m
    return last is not None and bool(_closing_tail_re().match(view.text[last.end():pos]))


#: the longest title that may follow a listed person's name in its clause (王一理事长,)
_TRAILING_TITLE = 4


def ends_with_name(view: TextView, clause: Clause) -> bool:
    """Whether ``clause`` ends with a person's name, or a short title after it (王一理事长,)."""
    refs = view.refs_in(clause.start, clause.end)
    end = clause.end
    while end > clause.start and not view.text[end - 1].isalnum():
        end -= 1
    return bool(refs) and refs[-1].type == "Person" and end - refs[-1].end <= _TRAILING_TITLE


def listed_before(view: TextView, clauses: list[Clause]) -> list[int]:
    """The people of the clauses at the end of ``clauses`` that only list people
    (省长王一,董事长李二出席并见证: 王一): each such clause ends with a person's
    name (or a short title after it) and tells no signing; the first that does not stops."""
    out: list[int] = []
    for cl in reversed(clauses):
        if not ends_with_name(view, cl) or sign_re().search(view.text, cl.start, cl.end) \
                or witness_re().search(view.text, cl.start, cl.end):
            break
        out = [r.entity for r in view.refs_in(cl.start, cl.end, "Person")] + out
    return out


def witness_people(view: TextView, clause: Clause, pos: int) -> list[int]:
    """People named before ``pos`` in the clause (王一、王二共同见证 -> both)."""
    return [r.entity for r in view.refs_in(clause.start, pos, "Person")]


def trailing_witnesses(view: TextView, clauses: list[Clause], after: int) -> list[int]:
    """People of a 见证 clause after offset ``after`` that closes the sentence's signings:
    those named before 见证 in it, else those of the clauses between the last signing and it
    (A与B签约，王一、王二出席，共同见证这一重要时刻)."""
    between: list[int] = []
    for cl in clauses:
        if cl.start < after:
            continue
        for m in view.find(witness_re(), cl.start, cl.end):
            people = witness_people(view, cl, m.start()) or between
            if people and _closes(view, cl, m.end()):
                return people
        between += [r.entity for r in view.refs_in(cl.start, cl.end, "Person")]
    return []


def closing_witness(view: TextView, clauses: list[Clause]) -> tuple[int, int] | None:
    """(clause index, offset of 见证) of a clause that states witnesses of
    signings told before (王一、王二共同见证签约 / 王一、王二共同见证)."""
    for ci, cl in enumerate(clauses):
        m = next(iter(view.find(witness_re(), cl.start, cl.end)), None)
        if m is not None and _closes(view, cl, m.end()):
            return ci, m.start()
    return None


@derived
def _listed_re() -> re.Pattern:
    """What follows 见证 when the witnesses are listed after it (出席见证的贵宾包括王一、王二等人):
    data/agreement_witness_tails.tsv, scope listed."""
    return re.compile(alternation("agreement_witness_tails", "listed"))


def listed_witnesses(view: TextView, clauses: list[Clause]) -> list[int]:
    """The people listed after 见证 and a word of scope listed, to the end of the sentence
    (出席见证的贵宾包括王一、王二，以及王三等人 -> all three)."""
    for cl in clauses:
        for m in view.find(witness_re(), cl.start, cl.end):
            lead = _listed_re().match(view.text, m.end())
            if lead:
                return [r.entity for r in view.refs_in(lead.end(), clauses[-1].end, "Person")]
    return []


@dataclass
class PendingWitnesses:
    """Witnesses of a frame told before the signings it covers."""

    people: list[int] = field(default_factory=list)
    paragraph: int = -1  # the last paragraph they were given to (or the frame's)

    def open(self, people: list[int], paragraph: int) -> None:
        self.people, self.paragraph = list(people), paragraph

    def give(self, agreements: list[Agreement], paragraph: int) -> None:
        """Witnesses for ``agreements`` of ``paragraph`` that name none; the
        frame lapses at a paragraph gap with no signing."""
        if not self.people:
            return
        if paragraph - self.paragraph > 1:
            self.people = []
            return
        for a in agreements:
            if not a.witnesses:
                a.witnesses.extend(self.people)
        self.paragraph = paragraph
