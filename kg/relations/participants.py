"""Participants: people who 参加 / 出席 a visit or meeting on one side.

``临海市市长张明会见了李青一行，市领导王芳、赵阳参加会见``: 王芳 and 赵阳 are on
the host's side (their posts, or the 市领导 before them, are in the place or
body the host's are), so each accompanies the host leader 张明 and, since
the two sides met, meets the visiting leader 李青 (annotation guide v2,
corpus decisions D10, D11, D13).

The sides come from what the article says about each person:

- :func:`side_keys`: the organizations and places a person's posts are in
  (市委常委 of 临海市委 -> 临海市委 and 临海市), plus the place in focus of a
  group word before the name (市领导王芳 -> the city in focus,
  data/context_side_groups.tsv);
- the visitors are the delegation leaders and the members they brought; the
  hosts are the people the leaders met, and companions of their visit whose
  posts are all elsewhere than the visitors' (市长陈东陪同考察);
- a participant is on the host side when their keys meet the hosts' and not
  the visitors'; when the text does not show the side, no link (D13).

Visiting-side participants (posts where the visitors' are: 北海市发改委主任 in
a meeting with the 北海市委书记 who came) accompany the first visiting leader
and meet the host leader. The host leader is the host named first. A participant already on one side
of the meeting (a co-host) accompanies nobody.
"""

from __future__ import annotations

import re

from kg.context.clauses import Clause, TextView
from kg.context.discourse import DelegationState, name_run_before, new_event, side_group_re
from kg.doc import Article
from kg.lexicons.load import alternation, derived, words
from kg.lexicons.triggers import accompany_re, meeting_word_in


@derived
def attend_re() -> re.Pattern:
    """参加 / 出席 (data/trigger_attend.tsv)."""
    return re.compile(alternation("trigger_attend", "attend"))


@derived
def attend_list_re() -> re.Pattern:
    """After 参加 / 出席: what is attended (a few characters) and a word that opens
    the list of those taking part (参加会见的还有王芳: data/trigger_attend_lists.tsv)."""
    return re.compile("[^，,。；;、：:]{0,4}?" + alternation("trigger_attend_lists", regex=True) + "[：:]?")


def attendees(view: TextView, clauses: list[Clause], ci: int, m: re.Match) -> tuple[list[int], dict[int, int]]:
    """Who takes part at the attend word ``m`` of clause ``ci``, and where each is
    named: the people listed after it (参加会见的还有王芳、赵强), else the run of
    names before it (王芳、赵强参加会见)."""
    cl = clauses[ci]
    after = attend_list_re().match(view.text, m.end(), cl.end)
    if after is not None:
        refs = view.refs_in(after.end(), cl.end, "Person")
        return list(dict.fromkeys(r.entity for r in refs)), {r.entity: r.start for r in refs}
    refs = {r.entity: r.start for r in view.refs_in(clauses[0].start, m.start(), "Person")}
    return name_run_before(view, clauses, ci, m.start()), refs


@derived
def _group_parts() -> tuple[tuple[str, str], ...]:
    """Each side group word as (its level, the rest): 市领导 -> (市, 领导), 自治区领导 ->
    (自治区, 领导); a named place ending with the level starts the word (武汉市|领导)."""
    from kg.context.places import level_word

    return tuple((level_word(g), g[len(level_word(g)):]) for g in words("context_side_groups", "leaders"))


#: side key of the article's own place when it is named only by a self reference (来我市)
HOME = -1


class Sides:
    """Side keys of the people of one article (computed once per stage run)."""

    def __init__(self, article: Article, view: TextView):
        from kg.context.places import place_infos
        from kg.relations.positions import _Resolver

        self.article, self.view = article, view
        self.infos = place_infos(article)
        self.res = _Resolver(article, view, self.infos)
        self._cache: dict[int, frozenset[int]] = {}

    def keys(self, person: int) -> frozenset[int]:
        """The organizations and places ``person``'s posts are in."""
        if person not in self._cache:
            out: set[int] = set()
            for p in self.article.positions:
                if p.person != person or p.org is None:
                    continue
                out.add(p.org)
                place = self.res.place_of(p.org, 0)
                if place is not None:
                    out.add(place)
            self._cache[person] = frozenset(out)
        return self._cache[person]

    def keys_at(self, person: int, clause: Clause, ref_start: int) -> frozenset[int]:
        """Keys of ``person`` named at ``ref_start``, with the place a group word
        before it in the clause names (市领导王芳: the city in focus)."""
        from kg.context.focus import focus_place, guests_homes
        from kg.context.places import level_word

        out = set(self.keys(person))
        for m in self.view.find(side_group_re(), clause.start, ref_start):
            level = level_word(m.group())  # 市领导 -> 市, 自治区领导 -> 自治区
            place = focus_place(self.article, self.infos, level, m.start())
            if place is not None:
                out.add(place)
            elif guests_homes(self.article, self.infos, level, m.start()):
                out.add(HOME)  # 乙市考察团来我市…市领导王芳: the leaders of the unnamed own city
        for r in self.view.refs_in(clause.start, ref_start, "Place"):  # 武汉市领导王芳: that city's leaders
            if any(self.view.text.endswith(level, r.start, r.end) and self.view.text.startswith(tail, r.end)
                   for level, tail in _group_parts()):
                out.add(r.entity)
        return frozenset(out)

    def keys_named(self, person: int, clauses: list[Clause], at: int, default: Clause) -> frozenset[int]:
        """:meth:`keys_at` for ``person`` named at ``at``, in whichever of ``clauses``
        holds that offset (``default`` when none does)."""
        return self.keys_at(person, next((c for c in clauses if c.start <= at < c.end), default), at)

    def union(self, people) -> frozenset[int]:
        return frozenset(k for p in people for k in self.keys(p))

    def wide(self, people) -> frozenset[int]:
        """The keys of ``people`` with the article's places that contain their
        places (成都市 -> 四川 by the gazetteer's codes)."""
        from kg.context.structure import inside_by_code

        keys = self.union(people)
        return keys | {j for j in self.infos if any(inside_by_code(self.infos, k, j) for k in keys)}


def hosts_of(article: Article, sides: Sides, leaders: list[int], members: set[int], si: int) -> list[int]:
    """The hosts of the leaders up to sentence ``si``, first named first: the
    people they met, then companions of their visits whose posts are all
    elsewhere than the visitors'."""
    visitors = sides.union([*leaders, *members])
    out: list[int] = []
    for e in article.events:
        if e.sentence > si:
            continue
        if e.kind == "Meeting" and set(leaders) & {*e.agents, *e.targets}:
            out += [p for p in [*e.agents, *e.targets] if p not in leaders and p not in out
                    and article.entities[p].type == "Person"]
    for e in article.events:
        if e.sentence > si or e.kind != "Visit" or not set(leaders) & set(e.agents):
            continue
        for c in e.companions:
            k = sides.keys(c)
            if c not in out and k and not k & visitors:
                out.append(c)
    first = {i: min((article.mentions[m].start for m in article.entities[i].mentions), default=0) for i in out}
    return sorted(out, key=lambda i: first[i])


def host_side(sides: Sides, person_keys: frozenset[int], hosts: list[int], visitors: list[int]) -> bool:
    """Whether keys show a person on the hosts' side (and not the visitors')."""
    return bool(person_keys & sides.union(hosts) or HOME in person_keys) and not person_keys & sides.union(visitors)


def participants(article: Article, view: TextView, state: DelegationState, si: int, clauses: list[Clause],
                 sides: Sides) -> None:
    """Host-side people before 参加 / 出席 accompany the host leader and, when
    the sides met, meet the visiting leaders; visiting-side people there (posts
    where the visitors' are, not the hosts') accompany the first visiting leader
    and meet the host leader (see the module doc; D10)."""
    leaders = list(state.leaders)
    if not leaders:
        return
    hosts = hosts_of(article, sides, leaders, set(), si)
    members = visit_members(article, state, hosts)
    if not hosts:
        return
    met = any(e.kind == "Meeting" and e.sentence <= si and set(leaders) & {*e.agents, *e.targets}
              and set(hosts) & {*e.agents, *e.targets} for e in article.events)
    found: list[int] = []
    guests: list[int] = []
    for ci, cl in enumerate(clauses):
        for m in view.find(attend_re(), cl.start, cl.end):
            if accompany_re().search(view.text, cl.start, m.start()):
                continue  # 陪同: kg.relations.companions
            people, refs = attendees(view, clauses, ci, m)
            for p in people:
                if p in leaders or p in members or p in hosts or p in found or p in guests:
                    continue
                keys = sides.keys_named(p, clauses, refs.get(p, cl.start), cl)
                if host_side(sides, keys, hosts, [*leaders, *members]):
                    found.append(p)
                elif host_side(sides, keys - {HOME}, [*leaders, *members], hosts):
                    guests.append(p)  # posts where the visitors' are: the visiting side
    if found:
        ev = new_event(article, "Meeting", [hosts[0]], si)
        article.events[ev].targets.extend(leaders if met else [])
        article.events[ev].companions.extend(found)
    if guests:  # visiting-side participants accompany the first leader and meet the top host (D10)
        ev = new_event(article, "Meeting", [leaders[0]], si)
        article.events[ev].targets.extend([hosts[0]] if met else [])
        article.events[ev].companions.extend(guests)


def received_meeting_participants(article: Article, view: TextView, state: DelegationState, si: int,
                                  clauses: list[Clause], sides: Sides) -> None:
    """``省长王一会见了甲国大使李二。… 市长王三、秘书长王四等参加会见。``: no
    delegation is in focus (a host receives a guest), and a run of people takes
    part in the meeting (参加 / 出席 before a meeting word). Each is on the side
    whose posts their own posts are in or under (:meth:`Sides.wide`): they
    accompany that side's leader and meet the other side (guide v2, D10); an
    unknown or shared side gives no link (D13). The meeting is the last one
    told before, between named people on both sides."""
    if state.leaders:
        return  # a delegation in focus: participants / held_meeting_participants
    meeting = next((e for e in reversed(article.events) if e.kind == "Meeting" and e.sentence <= si
                    and e.agents and e.targets and not e.companions
                    and all(article.entities[x].type == "Person" for x in (*e.agents, *e.targets))), None)
    if meeting is None:
        return
    side_a, side_b = list(meeting.agents), list(meeting.targets)
    wide_a, wide_b = sides.wide(side_a), sides.wide(side_b)
    found_a: list[int] = []
    found_b: list[int] = []
    for ci, cl in enumerate(clauses):
        for m in view.find(attend_re(), cl.start, cl.end):
            bare = not view.text[m.end():cl.end].strip("。，,；; ") and meeting.sentence >= si - 1
            if not (bare or meeting_word_in(view.text, cl.start, cl.end)) or \
                    accompany_re().search(view.text, cl.start, m.start()):
                continue  # 参加会见, 会见时在座: a meeting word in the clause; a bare 参加 right after the meeting
            people, refs = attendees(view, clauses, ci, m)
            for p in people:
                if p in side_a or p in side_b or p in found_a or p in found_b:
                    continue
                # 市领导王三: the city in focus is their side too
                keys = sides.wide([p]) | sides.keys_named(p, clauses, refs.get(p, cl.start), cl)
                if keys & wide_a and not keys & wide_b:
                    found_a.append(p)
                elif keys & wide_b and not keys & wide_a:
                    found_b.append(p)
    for leaders, others, found in ((side_a, side_b, found_a), (side_b, side_a, found_b)):
        if found:
            ev = new_event(article, "Meeting", [leaders[0]], si)
            article.events[ev].targets.extend(others)
            article.events[ev].companions.extend(found)


def meeting_participants(article: Article, sides: Sides) -> None:
    """The companions of a delegation's visit take part in its meetings: a
    visiting-side one meets the host leader, a host-side one (a host official
    who 陪同 the visitors) the visiting leaders (guide v2: each side's leader
    meets every named person of the other side; D10, D11). Their side comes
    from their posts (:class:`Sides`); an unknown side gives no link (D13).
    Runs once after the events of the article are read."""
    extra = []
    for mi, m in enumerate(article.events):
        if m.kind != "Meeting" or not m.agents or not m.targets or m.companions:
            continue
        visitors, host = m.agents, m.targets[0]
        if article.entities[host].type != "Person":
            continue
        para = article.sentences[m.sentence].paragraph
        comps: list[int] = []
        for v in article.events:
            if (v.kind == "Visit" and v.agents == visitors and v.sentence <= m.sentence
                    and article.sentences[v.sentence].paragraph in (para, para - 1)):
                comps += [c for c in v.companions if c not in comps and c not in m.targets and c not in visitors]
        host_keys, visitor_keys = sides.keys(host), sides.union(visitors)
        guests = [c for c in comps if sides.keys(c) & visitor_keys and not sides.keys(c) & host_keys]
        if guests:
            extra.append((m.sentence, [host], guests))
    for si, agents, targets in extra:
        ev = new_event(article, "Meeting", agents, si)
        article.events[ev].targets.extend(targets)


def co_hosts(article: Article, sides: Sides, leaders_of) -> None:
    """Hosts named together on one side of a meeting with a delegation
    (县委书记王一，县委常委李二等接待考察): those after the first accompany
    the first, the top host, when their posts are in the same place or body
    (D10: host participants accompany the top host; co-hosts of other bodies
    do not accompany each other). Only a host listed in a clause of its own
    after the top host's (县委书记王一，县委常委李二…) is such a participant:
    names joined by 、 (党委书记王一、副所长李二会见…) are co-hosts, as are a
    head of a government (市长 beside the 市委书记) and people met one by one
    (分别会见)."""
    extra = []
    for m in article.events:
        if m.kind != "Meeting" or m.companions or len(m.targets) < 2 or not set(m.agents) & leaders_of(m):
            continue
        if any(w in m.evidence for w in words("context_respective_words", "meeting")):
            continue  # 分别会见了甲、乙: met one by one
        top, rest = m.targets[0], m.targets[1:]
        top_keys = sides.keys(top)
        clause_of = _clause_of(article, m.sentence)
        people = [h for h in rest if article.entities[h].type == "Person" and sides.keys(h) & top_keys
                  and not _heads(article, h) and clause_of(h) not in (None, clause_of(top))]
        if top_keys and people and article.entities[top].type == "Person":
            extra.append((m.sentence, top, people))
    for si, top, people in extra:
        ev = new_event(article, "Meeting", [top], si)
        article.events[ev].companions.extend(people)


def _heads(article: Article, person: int) -> bool:
    """Whether ``person`` heads a government (市长, 省长: data/title_place_roles.tsv, scope head)."""
    return any(p.person == person and p.title in words("title_place_roles", "head") for p in article.positions)


def _clause_of(article: Article, si: int):
    """person -> index of the clause of sentence ``si`` that first names them (None: not named there)."""
    from kg.context.clauses import CLAUSE_BREAK

    sent = article.sentences[si]
    breaks = [m.start() for m in CLAUSE_BREAK.finditer(article.text, sent.start, sent.end)]
    first: dict[int, int] = {}
    for m in article.mentions:
        if m.entity is not None and sent.start <= m.start < sent.end and m.entity not in first:
            first[m.entity] = sum(1 for b in breaks if b < m.start)
    return first.get


def visited_orgs(article: Article, leaders: list[int], si: int) -> frozenset[int]:
    """The organizations the leaders' visits up to sentence ``si`` went to
    (王一来到甲大学 -> 甲大学): their people are the hosts, even where the
    visitors' posts share their place (甲市委副书记 visiting 甲大学 in 甲市)."""
    return frozenset(t for e in article.events if e.kind == "Visit" and e.sentence <= si
                     and set(leaders) & set(e.agents)
                     for t in e.targets if article.entities[t].type == "Organization")


def works_at(article: Article, person: int, orgs: frozenset[int]) -> bool:
    """Whether one of ``person``'s posts is in one of ``orgs``."""
    return bool(orgs) and any(p.person == person and p.org in orgs for p in article.positions)


def visit_members(article: Article, state: DelegationState, hosts=()) -> set[int]:
    """The members the leaders brought: their visit's companions that are none of
    ``hosts`` (a host who 陪同 the visit is among its companions too)."""
    if state.visit is None:
        return set()
    return set(article.events[state.visit].companions) - set(hosts)


def held_meeting_participants(article: Article, view: TextView, state: DelegationState, si: int,
                              clauses: list[Clause], sides: Sides) -> None:
    """``王一一行来甲公司考察，并与甲公司座谈。… 董事长王二、总经理王三参加座谈。``:
    the leaders met nobody named yet, and a run of people takes part in a
    meeting (参加 / 出席 before a meeting word). The people of that run who hold
    a post in an organization the leaders visited (:func:`visited_orgs`), or
    who are not on the visitors' side, are the hosts: the first named is the top host,
    whom the others accompany; each visiting leader meets every host (guide v2,
    D10). Visiting-side people of the run (posts where the visitors' are)
    accompany the first leader and meet the top host."""
    leaders = list(state.leaders)
    if not leaders or not any(e.kind == "Visit" and set(leaders) & set(e.agents) and e.sentence <= si
                              for e in article.events):
        return
    if any(e.kind == "Meeting" and set(leaders) & {*e.agents, *e.targets} and {*e.agents, *e.targets} - set(leaders)
           for e in article.events):
        return  # the hosts are known: :func:`participants`
    visited = visited_orgs(article, leaders, si)
    members = {p for p in visit_members(article, state) if not works_at(article, p, visited)}
    visitor_keys = sides.union([*leaders, *members])
    for ci, cl in enumerate(clauses):
        for m in view.find(attend_re(), cl.start, cl.end):
            if not meeting_word_in(view.text, m.end(), cl.end):
                continue
            if accompany_re().search(view.text, cl.start, m.start()):
                continue
            hosts, guests = [], []
            people, refs = attendees(view, clauses, ci, m)
            for p in people:
                if p in leaders or article.entities[p].type != "Person":
                    continue
                keys = sides.keys_named(p, clauses, refs.get(p, cl.start), cl)
                if works_at(article, p, visited):
                    hosts.append(p)  # the people of the organization visited
                elif p in members or (keys & visitor_keys):
                    guests.append(p)
                elif keys:
                    hosts.append(p)
            if not hosts:
                continue
            ev = new_event(article, "Meeting", leaders, si)  # the visitor first
            article.events[ev].targets.extend(hosts)
            ev = new_event(article, "Meeting", [hosts[0]], si)
            article.events[ev].targets.extend(leaders)
            article.events[ev].companions.extend(hosts[1:])
            if guests:
                ev = new_event(article, "Meeting", [leaders[0]], si)
                article.events[ev].targets.append(hosts[0])
                article.events[ev].companions.extend(guests)
            return
