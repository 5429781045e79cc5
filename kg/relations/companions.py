"""Companions: who accompanies the delegation's leaders on a visit.

- ``X在Y、Z陪同下前往A参访`` (:func:`escorts`): Y and Z accompany X (the
  people before 在, else the leaders) on the visit the clause tells;
- ``Y、Z陪同考察`` / ``Y、Z一同调研`` / ``Y参加`` (:func:`companions`): the
  run of names before the word joins the leaders' current visit (甲市副市长
  王一，省厅厅长李二陪同考察 -> both accompany the leaders).

A companion is never one of the leaders; a visit event is opened for the
leaders when none is current, so a companion told before the places is kept.
"""

from __future__ import annotations

import re

from kg.doc import Article
from kg.context.clauses import Clause, TextView
from kg.context.discourse import DelegationState, name_run_before, new_event, realis
from kg.lexicons.load import derived, words
from kg.lexicons.triggers import accompany_re, meeting_word_in
from kg.relations.participants import visited_orgs, works_at

#: X在Y(等)(的)陪同下: Y accompanies X
ESCORT_FRAME_RE = re.compile(r"在[^，,。；;]{1,40}?陪同下")
#: 参加 as joining the visit, not attending a meeting (参加会谈, 参加会见)
_JOIN_RE = re.compile(r"参加(?!了?(?:会谈|会议|座谈|会见|接见))")
#: 陪同会见 / 陪同接见: the host's side at a reception, not the visitor's companions
_HOST_SIDE_RE = re.compile(r"会见|接见")


#: what may stand between 陪同 and the person escorted, or between two of them: titles, a list
#: separator (陪同副省长王一、市长李二考察); never punctuation that ends a phrase
_ESCORTED_GAP = 12
_GAP_BREAKS = frozenset("，,。；;：:！？!? \t\u3000\n")  # a space ends a headline phrase


@derived
def _counterpart_words() -> tuple[str, ...]:
    return words("model_with", "before")


def escorted(view: TextView, m, end: int) -> list[int]:
    """``甲陪同乙(、丙)考察``: the people written right after the accompany word ``m``
    (titles before each allowed), who are escorted; [] when 陪同 takes no person
    (甲陪同考察) or is the host's side of a reception (陪同会见)."""
    if _HOST_SIDE_RE.match(view.text, m.end()):
        return []
    out, at = [], m.end()
    for r in view.refs_in(m.end(), end, "Person"):
        gap = view.text[at:r.start]
        if len(gap) > _ESCORTED_GAP or _GAP_BREAKS & set(gap) or accompany_re().search(gap) \
                or view.refs_in(at, r.start) or gap.startswith(_counterpart_words()):
            break  # …陪同 与王二共话: a counterpart (data/model_with.tsv), not the person escorted
        out.append(r.entity)
        at = r.end
    return list(dict.fromkeys(out))


def _join_visit(article: Article, state: DelegationState, agents: list[int], people: list[int], si: int,
                same_agents: bool) -> None:
    """Add ``people`` as companions of the current visit, opened for
    ``agents`` when there is none (or, with ``same_agents``, when its agents
    are others)."""
    ev = state.visit
    if ev is None or (same_agents and article.events[ev].agents != agents):
        ev = new_event(article, "Visit", agents, si)
        state.visit = ev
    for p in people:
        if p not in article.events[ev].companions:
            article.events[ev].companions.append(p)


def escorts(article: Article, view: TextView, state: DelegationState, si: int, clauses: list[Clause]) -> None:
    """``X在Y、Z陪同下前往A参访``: Y and Z accompany X (the people before
    在, else the leaders) on the visit this clause tells."""
    for cl in clauses:
        frame = ESCORT_FRAME_RE.search(view.text, cl.start, cl.end)
        if frame is None or not realis(view, cl, frame.start()):
            continue
        inside = [r.entity for r in view.refs_in(frame.start(), frame.end(), "Person")]
        before = [r.entity for r in view.refs_in(cl.start, frame.start(), "Person")]
        agents = before or list(state.leaders)
        people = [p for p in inside if p not in agents]
        if agents and people:
            _join_visit(article, state, agents, people, si, same_agents=True)
    for cl in clauses:  # 甲陪同乙考察: 甲 accompanies 乙 on the visit this clause tells
        if ESCORT_FRAME_RE.search(view.text, cl.start, cl.end):
            continue
        for m in view.find(accompany_re(), cl.start, cl.end):
            agents = escorted(view, m, cl.end)
            people = [r.entity for r in view.refs_in(cl.start, m.start(), "Person") if r.entity not in agents]
            if agents and people and realis(view, cl, m.start()):
                _join_visit(article, state, agents, list(dict.fromkeys(people)), si, same_agents=True)


def companions(article: Article, view: TextView, state: DelegationState, si: int, clauses: list[Clause],
               sides=None) -> None:
    """Escorts, then the names before 陪同 / 一同调研 / 参加 (the leaders' companions).

    With ``sides`` (kg.relations.participants.Sides), a person who only 参加 and
    whose posts show the hosts' side (市领导王三参加相关活动 on a visit the
    host 市长王一 陪同) is no companion of the visitors: kg.relations.participants
    links them to the host leader (guide v2: host-side participants accompany
    the host leader)."""
    escorts(article, view, state, si, clauses)
    if not state.leaders:
        return
    for ci, cl in enumerate(clauses):
        if ESCORT_FRAME_RE.search(cl.text):
            continue
        hits = [m for m in view.find(accompany_re(), cl.start, cl.end)
                if not _HOST_SIDE_RE.match(view.text, m.end()) and not escorted(view, m, cl.end)]
        weak = _JOIN_RE.search(cl.text)
        if hits:
            pos0 = hits[0].start()
        elif weak:
            pos0 = cl.start + weak.start()
        else:
            continue
        people = [p for p in name_run_before(view, clauses, ci, pos0)
                  if p not in state.leaders and not _hosts_side(article, p, si, state.leaders)]
        if not hits and sides is not None:
            visited = visited_orgs(article, list(state.leaders), si)
            people = [p for p in people if not works_at(article, p, visited)]  # the visited org's people: hosts
            people = [p for p in people if not _host_participant(article, view, state, si, clauses, sides, p, pos0)]
            if meeting_word_in(view.text, pos0, cl.end):  # 参加交流会: people of the other side take part too
                people = [p for p in people if not _elsewhere(state, sides, p)]
        if people:
            _join_visit(article, state, state.leaders, people, si, same_agents=False)


def _hosts_side(article: Article, person: int, si: int, leaders: list[int]) -> bool:
    """``王一会见了王二一行，甲市副市长王三参加``: 王三 holds a post where the
    host 王一 does (the same organization or place), so he is on the host's
    side of this sentence's meeting, not the visitor's companion."""
    hosts = {a for e in article.events if e.kind == "Meeting" and e.sentence == si
             for a in [*e.agents, *e.targets] if a not in leaders}
    if not hosts or person in hosts:
        return False
    host_bodies = {p.org for p in article.positions if p.person in hosts and p.org is not None}
    return any(p.org in host_bodies for p in article.positions if p.person == person)


def _host_participant(article: Article, view: TextView, state: DelegationState, si: int, clauses: list[Clause],
                      sides, person: int, pos: int) -> bool:
    """Whether ``person`` (named before ``pos``, a 参加) is shown on the hosts'
    side of the leaders' visit (kg.relations.participants.host_side)."""
    from kg.relations.participants import host_side, hosts_of, visit_members

    hosts = hosts_of(article, sides, list(state.leaders), set(), si)
    members = visit_members(article, state, hosts)
    if not hosts or person in hosts:
        return False
    refs = [r for r in view.refs_in(clauses[0].start, pos, "Person") if r.entity == person]
    if not refs:
        return False
    return host_side(sides, sides.keys_named(person, clauses, refs[-1].start, clauses[0]), hosts,
                     [*state.leaders, *members])


def _elsewhere(state: DelegationState, sides, person: int) -> bool:
    """Whether ``person``'s posts are known and none is where the leaders'
    are: not the visitors' side."""
    keys = sides.keys(person)  # posts only: a group word's place in focus (市领导) is no safe side here
    return bool(keys) and not keys & sides.union(state.leaders)
