"""Visits and meetings read from semantic role frames, when the backend gives them.

The multi-task HanLP models label each predicate's arguments
(``Sentence.analysis.srl``: one frame per predicate, roles PRED, ARG0,
ARG1, ARGM-…, article offsets; see kg.nlp.hanlp_adapter). A frame adds
what the clause rules (kg.relations.events) may miss on a long or unusual
sentence:

- PRED a visit verb (参观, 考察, 走访 …), ARG0 naming people, ARG1 naming
  organizations or places -> a Visit of those people
  (``王一在甲市参观了乙公司``: ARG0 王一, ARG1 乙公司);
- PRED a meeting verb (会见, 会谈 …), ARG0 and ARG1 naming people -> a
  Meeting (``王一会见了李二``).

A frame whose ARG0 names the delegation without a name (代表团一行) takes
the leaders of the latest visit. Frames of wishes and plans (ARGM-MOD, or
希望/将 … before the predicate) give nothing. Without SRL frames (the
offline NER model) this adds nothing: the rule path stands alone.
"""

from __future__ import annotations

from kg.doc import Article, Event, SrlArgument
from kg.context.clauses import TextView
from kg.context.discourse import latest_visit_leaders
from kg.lexicons.triggers import (
    guest_words,
    meet_object,
    meet_with,
    visit_inspect,
    visit_motion,
    irrealis_re,
)

VISIT_PREDICATES = frozenset(visit_motion() + visit_inspect()) - {"来", "到"}
MEET_PREDICATES = frozenset(meet_object() + meet_with())


def _role(frame: list[SrlArgument], role: str) -> SrlArgument | None:
    return next((a for a in frame if a.role == role), None)


def _refs(view: TextView, arg: SrlArgument | None, types: tuple[str, ...]) -> list[int]:
    if arg is None:
        return []
    out: list[int] = []
    for r in view.refs_in(arg.start, arg.end):
        if r.type in types and r.entity not in out:
            out.append(r.entity)
    return out


def srl_events(article: Article, view: TextView) -> list[Event]:
    """Visit and Meeting events from the SRL frames of every analysed sentence."""
    out: list[Event] = []
    for si, sent in enumerate(article.sentences):
        if sent.analysis is None or not sent.analysis.srl:
            continue
        for frame in sent.analysis.srl:
            pred = _role(frame, "PRED")
            if pred is None or _role(frame, "ARGM-MOD") is not None:
                continue
            clause = max(article.text.rfind(c, sent.start, pred.start) for c in "，,；;") + 1
            if irrealis_re("clauses").search(article.text, max(clause, sent.start), pred.start):
                continue  # 希望王一到乙市考察: a wish
            word = pred.text.rstrip("了过")
            arg0, arg1 = _role(frame, "ARG0"), _role(frame, "ARG1")
            agents = _refs(view, arg0, ("Person",))
            if not agents and arg0 is not None and any(w in arg0.text for w in guest_words()):
                agents = latest_visit_leaders(article, si)
            if not agents:
                continue
            if word in VISIT_PREDICATES:
                own = {p.org for p in article.positions if p.person in agents}
                targets = [t for t in _refs(view, arg1, ("Organization", "Place")) if t not in own]
                kind = "Visit"
            elif word in MEET_PREDICATES:
                targets = [t for t in _refs(view, arg1, ("Person",)) if t not in agents]
                kind = "Meeting"
            else:
                continue
            if targets:
                out.append(Event(kind, agents, targets, si, sent.text))  # type: ignore[arg-type]
    return out


def not_yet_found(events: list[Event], extra: list[Event]) -> list[Event]:
    """Events of ``extra`` reduced to the (agent, target) pairs no event of the same kind in ``events`` has yet."""
    have = {(e.kind, a, t) for e in events for a in e.agents for t in e.targets}
    out = []
    for e in extra:
        targets = [t for t in e.targets if any((e.kind, a, t) not in have for a in e.agents)]
        if targets:
            out.append(Event(e.kind, e.agents, targets, e.sentence, e.evidence))
    return out
