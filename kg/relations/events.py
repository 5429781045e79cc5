"""Visits, meetings and companions, read clause by clause with a discourse state.

The state is the *delegation in focus*: its leaders are set where the text
says so (陈向平一行, 市长刘文华带队, 胡昌升…李海涛率…代表团) and stay the
subject of later clauses that leave the subject out (先后到A、B、C拜访…,
实地参观了…). Rules, in the order they run for each sentence:

- delegation: leaders before 一行/带队/率/带领 (a run of names with titles,
  possibly over commas); people after 率…一行 are companions;
- visit: a motion verb (到, 赴, 来到, 走进, 莅临 …) or inspection verb
  (参观, 考察, 调研 …) followed by a list of places/organizations; a
  locative frame 在A、B、C，X参观… adds A、B、C; a weak verb (了解, 听取)
  counts only with the leader as explicit subject;
- meeting: X 会见 Y; X 与 Y … 会谈/座谈/交流 (Y a run of people, possibly
  over commas; X the explicit subject, else the leader); 来宾 stands for the
  delegation; people who 出席/主持 a 座谈 the leader held join it;
- companions (kg.relations.companions): the run of names before 陪同 /
  一同调研 / 参加 joins the leader's current visit; ``X在Y陪同下前往A参访``
  -> X visits A, Y accompanies X.

The state and the name-run helpers live in kg.context.discourse.

Clauses stating a wish or plan (希望, 将, 邀请 …) and reported speech
(他说，…) give no events.
"""

from __future__ import annotations

import re

from kg.doc import Article
from kg.recognize.abbreviations import local_abbreviations, local_place, local_purpose_re
from kg.context.clauses import QUOTED, Clause, Ref, TextView
from kg.relations.companions import ESCORT_FRAME_RE, companions, escorted
from kg.relations.meetings import escorted_people, receptions
from kg.relations.participants import (
    Sides,
    attend_list_re,
    attend_re,
    co_hosts,
    held_meeting_participants,
    meeting_participants,
    participants,
    received_meeting_participants,
)
from kg.context.discourse import (
    DelegationState,
    is_name_list,
    opening_run,
    listed_from,
    name_run_before,
    names_right_before,
    runs_before,
    new_event,
    realis,
)
from kg.lexicons.triggers import (
    abbreviated_arrival_re,
    accompany_re,
    CLAUSE_DATE,
    guest_words,
    irrealis_re,
    place_abbreviations,
    speech_heard,
    meet_object_re,
    meet_with_re,
    motion_false_after,
    motion_false_before,
    visit_inspect_re,
    visit_motion_re,
    visit_weak,
)
from kg.lexicons.load import alternation, derived, words
from kg.lexicons.titles import title_at

#: 在A、B，… : a locative frame opening a clause (after a date)
FRAME_RE = re.compile(rf"^{CLAUSE_DATE}在")


@derived
def nominal_re() -> re.Pattern:
    """A visit verb inside a nominal phrase (习近平总书记视察河北时的重要指示精神) is no
    visit: data/trigger_visit_nominal.tsv."""
    return re.compile(alternation("trigger_visit_nominal"))


def _nominal(view: TextView, clause: Clause) -> bool:
    """Whether the clause's visit verb is inside a nominal phrase: a word of
    :func:`nominal_re` in the clause (习近平视察河北时的重要指示精神), not inside a
    quoted name (深入“西畴精神”展览馆 is a visit)."""
    return bool(nominal_re().search(QUOTED.sub("", clause.text)))


@derived
def list_stop_re() -> re.Pattern:
    """Where a list of visited places ends, the next verb of the clause:
    data/context_list_stops.tsv."""
    return re.compile(alternation("context_list_stops", file_order=True))  # 对 before 对接, as written


@derived
def hold_re() -> re.Pattern:
    """召开 / 举行 … after a locative frame: data/trigger_hold.tsv, scope frame."""
    return re.compile(alternation("trigger_hold", "frame"))


@derived
def held_meeting_re() -> re.Pattern:
    """举行 / 召开 a meeting of the delegation's own: data/trigger_hold.tsv, scope meeting."""
    return re.compile(alternation("trigger_hold", "meeting"))


@derived
def meeting_role_re() -> re.Pattern:
    """出席会议, 会议由…主持 …: data/trigger_meeting_roles.tsv."""
    return re.compile(alternation("trigger_meeting_roles"))


@derived
def guest_subject_re() -> re.Pattern:
    """A clause whose subject is the delegation itself (代表团一行, 考察组, 一行人):
    trigger_delegation_words.tsv, scope subject."""
    return re.compile(rf"^{CLAUSE_DATE}{alternation('trigger_delegation_words', 'subject')}")


@derived
def qualified_group_re() -> re.Pattern:
    """A clause opening with the delegation by a qualified group word and 一行 (投资考察团一行,
    经贸代表团一行): up to four characters, a group word of scope subject, then a word of
    scope end (data/trigger_delegation_words.tsv)."""
    return re.compile(rf"^{CLAUSE_DATE}[^，,。；;、\s]{{1,4}}?{alternation('trigger_delegation_words', 'subject')}"
                      rf"{alternation('trigger_delegation_words', 'end')}")


@derived
def named_group_re() -> re.Pattern:
    """The delegation named after its home (乡城县党政代表团一行): up to four
    characters, then a group word of scope subject, right after a name."""
    return re.compile(rf"[^，,。；;、\s]{{0,4}}?{alternation('trigger_delegation_words', 'subject')}")


@derived
def group_re() -> re.Pattern:
    """After a name: the group, not its members, is the subject (scope group)."""
    return re.compile(alternation("trigger_delegation_words", "group"))

@derived
def delegation_re() -> re.Pattern:
    """一行, 带队, 率领 …: the people before it lead a delegation (data/trigger_delegation_leads.tsv)."""
    return re.compile(alternation("trigger_delegation_leads", regex=True, file_order=True))


@derived
def _delegation_use_re(use: str) -> re.Pattern:
    """The words of data/trigger_delegation_leads.tsv of one scope (group, members)."""
    return re.compile(alternation("trigger_delegation_leads", use, regex=True, file_order=True))


@derived
def _members_end_re() -> re.Pattern:
    """Where the members listed after 率 end (率王芳、李青一行: data/trigger_delegation_words.tsv, scope end)."""
    return re.compile(alternation("trigger_delegation_words", "end"))


def _delegation_word(word: str, use: str) -> bool:
    """Is the matched ``word`` one of scope ``use`` (一行: group; 率, 带领: members)?"""
    return _delegation_use_re(use).fullmatch(word) is not None


@derived
def delegation_head_re() -> re.Pattern:
    """为团长 / 为副团长: a delegation's head or deputy named by that post; 团成员包括: the
    members listed after it (data/trigger_delegation_heads.tsv)."""
    return re.compile(alternation("trigger_delegation_heads"))


@derived
def located_re() -> re.Pattern:
    """位于甲市乙区的 before a visited name: data/context_located_frames.tsv (regexes)."""
    return re.compile(alternation("context_located_frames", regex=True))


@derived
def speech_end_re() -> re.Pattern:
    """A clause ending with a verb of reported speech (…表示：)."""
    return re.compile("(?:" + "|".join(words("trigger_speech")) + ")[:：]?$")


def _speech_from(clauses: list[Clause]) -> int:
    """Index of the first clause of reported speech in a sentence (len when none)."""
    for i, c in enumerate(clauses):
        text = c.text.strip()
        m = speech_end_re().search(text)
        if m and not speech_heard(text, 0, m.start()):  # 听取了介绍，实地考察了…: heard, not said
            return i + 1
    return len(clauses)


@derived
def _delegation_nouns() -> tuple[str, ...]:
    """Names of a delegation that begin with a visit verb (参访团, 考察组: the words of
    data/trigger_delegation_words.tsv that begin with a verb of trigger_visit_motion.tsv or
    trigger_visit_inspect.tsv and run past it)."""
    verbs = (*words("trigger_visit_motion"), *words("trigger_visit_inspect"))
    return tuple(w for w in words("trigger_delegation_words") if any(w.startswith(v) and w != v for v in verbs))


def _motion_triggers(view: TextView, clause: Clause):
    for m in view.find(visit_motion_re(), clause.start, clause.end):
        w = m.group()
        if w in motion_false_before() and m.start() > 0 and view.text[m.start() - 1] in motion_false_before()[w]:
            continue
        if view.text.startswith(motion_false_after().get(w, ()), m.start()):
            continue  # 来自甲公司: where someone comes from
        yield m


def _list_after(view: TextView, start: int, clause: Clause, wider: bool = False) -> list[Ref]:
    located = located_re().match(view.text, start, clause.end)
    if located and view.outside_refs(located.start(), located.start() + 2):
        start = located.end()  # 抵达位于甲市的乙公司: 乙公司
    stop = list_stop_re().search(view.text, start, clause.end)
    end = clause.end
    while stop is not None and not view.outside_refs(stop.start(), stop.end()):
        stop = list_stop_re().search(view.text, stop.end(), clause.end)
    if stop is not None and stop.start() > start:
        end = stop.start()
    items = view.list_items(start, end, wider=wider)
    if end == clause.end and items and items[-1].end == clause.end:
        items += _list_continued(view, clause)
    return [r for r in items if r.type in ("Organization", "Place") and not _names_a_post(view, r)]


@derived
def _pure_list_re() -> re.Pattern:
    """A clause that is nothing but a list of names (each name written as ``N``),
    joined by 、 or the list words of data/context_list_separators.tsv (scope
    continues), maybe closed by 等 and a few characters (等17家企业)."""
    joins = "、|" + alternation("context_list_separators", "continues")[3:-1]
    closes = alternation("context_list_separators", "closes")
    return re.compile(rf"^(?:{joins})?N+(?:(?:{joins})N+)*({closes}[^N]{{0,8}})?[。！？!?]?$")


def _list_continued(view: TextView, clause: Clause) -> list[Ref]:
    """The names of the clauses after ``clause`` that only continue its list
    (考察了甲公司、乙公司，丙公司、丁公司等17家企业; 参观了甲公司，以及乙公司):
    each such clause holds names and list words alone; a closing 等 ends the list."""
    out: list[Ref] = []
    clauses = view.clauses(clause.sentence)
    later = [c for c in clauses if c.start > clause.start]
    for nxt in later:
        refs = view.refs_in(nxt.start, nxt.end)
        marked, pos = [], nxt.start
        for r in refs:
            marked.append(view.text[pos:r.start])
            marked.append("N" * (r.end - r.start))
            pos = r.end
        marked.append(view.text[pos:nxt.end])
        m = _pure_list_re().match("".join(marked))
        if not refs or m is None:
            break
        lead = m.group().index("N")
        out.extend(view.list_items(nxt.start + lead, nxt.end))
        if m.group(1):  # 等…: the list ends here
            break
    return out


def _names_a_post(view: TextView, ref: Ref) -> bool:
    """``拜访了甲公司董事长李青``, ``拜会甲市市长、议长``: the organization or
    place only names the post of the person visited (decision D7: visiting a
    person is no visit of their organization unless the text says they went
    there)."""
    return title_at(view.text, ref.end) is not None


def _accompanies_after(text: str, start: int, end: int) -> bool:
    """Whether an accompany word (陪同) follows in ``text[start:end]`` outside an escort
    frame: 率团陪同 tells companions, while 王一一行在李二陪同下 tells the delegation
    that others escort."""
    frames = [f.span() for f in ESCORT_FRAME_RE.finditer(text, start, end)]
    return any(not any(a <= m.start() < b for a, b in frames) for m in accompany_re().finditer(text, start, end))


@derived
def _welcome_frame_re() -> re.Pattern:
    """对 + the guests (group 1) + their coming + 表示 … the welcome (data/trigger_welcome_frames.tsv)."""
    return re.compile(alternation("trigger_welcome_frames", "open") + r"([^，,。；;]{2,40}?)"
                      + alternation("trigger_welcome_frames", "of") + "?"
                      + alternation("trigger_welcome_frames", "adverb") + "?"
                      + alternation("trigger_welcome_frames", "arrival")
                      + alternation("trigger_welcome_frames", "say") + r"[^，,。；;]{0,6}?"
                      + alternation("trigger_welcome_frames", "close"))


@derived
def _welcome_first_re() -> re.Pattern:
    """The welcome first, then the guests (group 1) and their coming: 欢迎李二一行的到访
    (data/trigger_welcome_frames.tsv, scopes close, of, adverb, arrival)."""
    return re.compile(alternation("trigger_welcome_frames", "close") + r"([^，,。；;]{2,40}?)"
                      + alternation("trigger_welcome_frames", "of") + "?"
                      + alternation("trigger_welcome_frames", "adverb") + "?"
                      + alternation("trigger_welcome_frames", "arrival"))


@derived
def _welcome_come_re() -> re.Pattern:
    """对 + the guests (group 1) + their coming to a place (group 2: 来 and up to ten characters
    after it: 来徐, 来宜考察, 来南宁访问) + 表示 … the welcome (data/trigger_welcome_frames.tsv,
    scope come)."""
    return re.compile(alternation("trigger_welcome_frames", "open") + r"([^，,。；;]{2,40}?)"
                      + alternation("trigger_welcome_frames", "of") + "?"
                      + alternation("trigger_welcome_frames", "adverb") + "?"
                      + "(" + alternation("trigger_welcome_frames", "come") + r"[^，,。；;]{1,10}?)"
                      + alternation("trigger_welcome_frames", "say") + r"[^，,。；;]{0,6}?"
                      + alternation("trigger_welcome_frames", "close"))


@derived
def _stay_frame_re() -> re.Pattern:
    """What follows the places of 在东川市访问期间 up to the clause's end
    (data/trigger_visit_stay_frames.tsv)."""
    return re.compile(alternation("trigger_visit_stay_frames", "verb")
                      + alternation("trigger_visit_stay_frames", "period"))


@derived
def _place_frame_gaps() -> tuple[str, ...]:
    """Words between 在 + place and the visit verb, longest first (data/trigger_visit_place_frames.tsv)."""
    return tuple(sorted(words("trigger_visit_place_frames", "gap"), key=len, reverse=True))


@derived
def _guest_relative_re() -> re.Pattern:
    """A meeting verb and the gap words before a coming verb (会见了 / 会见专程):
    data/trigger_guest_relative.tsv."""
    return re.compile("(?:" + meet_object_re().pattern + ")(?:" + alternation("trigger_guest_relative", "gap") + ")*$")


@derived
def _lead_frame_re() -> re.Pattern:
    """在 … (的)带领下 (data/trigger_lead_frames.tsv): the people inside lead."""
    return re.compile(alternation("trigger_lead_frames", "open") + r"[^，,。；;]{1,40}?"
                      + alternation("trigger_lead_frames", "lead"))


@derived
def _fronted_re() -> re.Pattern:
    """``对 … 进行(了)…`` before a visit verb (data/trigger_visit_fronted.tsv):
    group 1 spans the object; at most 6 modifier characters between the light
    verb and the visit verb (进行了为期三天的考察)."""
    return re.compile(alternation("trigger_visit_fronted", "object") + "(.+?)"
                      + alternation("trigger_visit_fronted", "light") + r"[^，,。；;]{0,6}$")


def _fronted_object(view: TextView, clause: Clause, verb: int) -> list[Ref]:
    """The places and organizations of ``对甲公司进行了考察`` (the object before
    the verb), when nothing follows the verb."""
    m = _fronted_re().search(view.text, clause.start, verb)
    if m is None:
        return []
    return [r for r in view.list_items(m.start(1), m.end(1)) if r.type in ("Organization", "Place")]


def _ends_with_title(text: str, start: int, end: int) -> bool:
    """Does text[start:end] end with a title (甲集团党委副书记), punctuation aside?"""
    from kg.lexicons.titles import title_ending_at

    while end > start and not text[end - 1].isalnum():
        end -= 1
    found = title_ending_at(text, end)
    return found is not None and found[0] >= start


class _Extractor:
    def __init__(self, article: Article, view: TextView):
        self.article, self.view = article, view
        self.state = DelegationState()
        self.sides = Sides(article, view)
        #: visits of a delegation told as runs of names before 一行 (市长王一，副市长李二一行):
        #: the people of its later runs come along
        self._runs_visits: set[int] = set()

    # -- events -------------------------------------------------------------
    def _event(self, kind: str, agents: list[int], sentence: int) -> int:
        return new_event(self.article, kind, agents, sentence)

    def _visit(self, agents: list[int], targets: list[Ref], sentence: int) -> None:
        """Add ``targets`` to the agents' visit. A host is no visitor: nobody
        visits an organization they hold a post in (在甲公司，公司董事长王一
        介绍… : 王一 receives the visitors)."""
        self._visit_entities(agents, [t.entity for t in targets], sentence)

    def _visit_entities(self, agents: list[int], targets: list[int], sentence: int) -> None:
        """:meth:`_visit` of entities (a target the sentence does not name)."""
        own = {p.org for p in self.article.positions if p.person in agents}
        targets = [t for t in targets if t not in own]
        if not agents or not targets:
            return
        ev = self.state.visit
        if ev is None or self.article.events[ev].agents != agents or self.article.events[ev].sentence != sentence:
            ev = self._event("Visit", agents, sentence)
        e = self.article.events[ev]
        for t in targets:
            if t not in e.targets and t not in agents:
                e.targets.append(t)
        self.state.visit = ev

    def _meeting(self, side_a: list[int], side_b: list[int], sentence: int) -> None:
        visitors = set(self.state.leaders)
        a, b = [x for x in side_a], [x for x in side_b if x not in side_a]
        if not a or not b:
            return
        if visitors & set(b) and not visitors & set(a):
            a, b = b, a
        for e in self.article.events:
            if e.kind == "Meeting" and e.sentence == sentence and e.agents == a:
                e.targets.extend(x for x in b if x not in e.targets)
                return
        ev = self._event("Meeting", a, sentence)
        self.article.events[ev].targets.extend(b)

    # -- sentence -----------------------------------------------------------
    def run(self) -> None:
        for si in range(len(self.article.sentences)):
            clauses = self.view.clauses(si)
            if not clauses:
                continue
            speech = _speech_from(clauses)
            self._delegation(si, clauses)
            sent = self.article.sentences[si]
            if any(r.entity in self.state.leaders for r in self.view.refs_in(sent.start, sent.end, "Person")):
                self.state.leader_paragraph = sent.paragraph
            self._meetings(si, clauses[:speech])  # first: companions look for the hosts of its meeting
            companions(self.article, self.view, self.state, si, clauses[:speech], self.sides)
            participants(self.article, self.view, self.state, si, clauses[:speech], self.sides)
            held_meeting_participants(self.article, self.view, self.state, si, clauses[:speech], self.sides)
            received_meeting_participants(self.article, self.view, self.state, si, clauses[:speech], self.sides)
            before = len(self.article.events)
            self._visits(si, clauses[:speech])
            self._welcomed(si, clauses)  # its frame holds the speech verb 表示
            if not self.state.leaders:
                self._lone_visitor(si, clauses[:speech], before)
            if self.state.leaders and any(e.kind == "Visit" and e.sentence == si and e.targets
                                          and e.agents == self.state.leaders for e in self.article.events[before:]):
                self.state.leader_paragraph = sent.paragraph  # 代表团参观了…。并来到…: they act here

    def _welcomed(self, si: int, clauses: list[Clause]) -> None:
        """``王一对李二一行的到访表示欢迎`` (or ``王一欢迎李二一行的到访``): the guests
        named inside the frame visited the body of the host named before it (its
        place when it is a place's party committee or government), when the article
        says where the host holds a post; ``王一对李二一行来徐表示欢迎``: they visited
        the place written after their coming (data/trigger_welcome_frames.tsv)."""
        view = self.view
        for cl in clauses:
            frames = [*_welcome_frame_re().finditer(view.text, cl.start, cl.end),
                      *_welcome_first_re().finditer(view.text, cl.start, cl.end)]
            for m in frames:
                if not view.outside_refs(m.end(1), m.end()):
                    continue  # the guests are names; the coming and the welcome are not
                hosts = [r.entity for r in view.refs_in(cl.start, m.start(), "Person")]
                guests = [r.entity for r in view.refs_in(m.start(1), m.end(1), "Person") if r.entity not in hosts]
                if not hosts or not guests or not realis(view, cl, m.start()):
                    continue
                body = self._host_body(hosts[-1])
                if body is not None:
                    self._visit_entities(guests, [body], si)
            for m in _welcome_come_re().finditer(view.text, cl.start, cl.end):
                # 王一对李二一行来徐表示欢迎: the guests came to the place written after 来
                # the guests are the people right before their coming or their group word (李二、王三一行);
                # 对白玉堂大使在马克龙总统访华后即来川: none there, and no guest is guessed
                group = _delegation_use_re("group").search(view.text, m.start(1), m.end(1))
                guests = names_right_before(view, group.start() if group else m.end(1))
                where = self._place_come_to(m.start(2), m.end(2))
                if guests and where is not None and realis(view, cl, m.start()):
                    self._visit_entities(guests, [where], si)

    def _place_come_to(self, start: int, end: int) -> int | None:
        """The place written right after the coming word at ``start`` (来南宁, 来我县), or the
        place its one-character abbreviation stands for (来沪, 来徐: data/place_abbreviations.tsv,
        and the article's places by their first character, kg.recognize.abbreviations)."""
        view = self.view
        at = start + 1
        ref = view.ref_at(at)
        if ref is not None and ref.start == at and ref.type == "Place" and ref.end <= end:
            return ref.entity
        m = abbreviated_arrival_re().match(view.text, start)
        if m is not None and m.end() <= end:
            names = set(place_abbreviations()[m.group(1)])
            found = next((i for i, e in enumerate(self.article.entities)
                          if e.type == "Place" and {e.name, *e.aliases} & names), None)
            if found is not None:
                return found
        # 来徐(考察)表示欢迎: the frame tells the coming, so no purpose word need follow the character
        ch = view.text[at:at + 1]
        if ch.isalpha() and not ch.isascii() and (at + 1 == end or local_purpose_re().match(view.text, at + 1, end)):
            return local_place(self.article, ch)
        return None

    def _host_body(self, host: int) -> int | None:
        """The organization of the host's first post with one, or its place when it is a
        place's party committee or government (福建省委 -> 福建省)."""
        org = next((p.org for p in self.article.positions if p.person == host and p.org is not None), None)
        if org is None:
            return None
        names = {self.article.entities[org].name, *self.article.entities[org].aliases}
        tails = words("trigger_welcome_frames", "place_body")
        levels = ("", *words("coref_level_chars", "tail"))  # 无锡 + 市 + 委
        for i, e in enumerate(self.article.entities):
            if e.type == "Place" and any(n == p + lv + t for n in names for p in {e.name, *e.aliases}
                                         for lv in levels for t in tails):
                return i
        return org

    def _lone_visitor(self, si: int, clauses: list[Clause], first_event: int) -> None:
        """``县委书记王一到甲大学考察，校长李二、县领导王三陪同考察``: no delegation
        (no 率, 一行), but the sentence tells one named person's visit; the people
        before 陪同 accompany that visitor (kg.relations.companions), who leads
        the visit for the sentences that follow."""
        sent = self.article.sentences[si]
        named = {r.entity for r in self.view.refs_in(sent.start, sent.end, "Person")}
        visit = next((i for i in range(first_event, len(self.article.events))
                      if self.article.events[i].kind == "Visit" and self.article.events[i].agents
                      and set(self.article.events[i].agents) <= named), None)
        if visit is None:
            return
        self.state.leaders = list(self.article.events[visit].agents)
        self.state.visit = visit
        companions(self.article, self.view, self.state, si, clauses, self.sides)

    def _delegation(self, si: int, clauses: list[Clause]) -> None:
        view = self.view
        self._delegation_heads(si, clauses)
        for ci, cl in enumerate(clauses):
            for m in view.find(delegation_re(), cl.start, cl.end):
                if _accompanies_after(view.text, m.end(), cl.end):
                    continue  # 率团陪同: companions, not a new delegation
                group = _delegation_word(m.group(), "group")
                along: list[int] = []
                if group:  # 市长王一，副市长李二、局长张三一行: 王一 leads, the others come along
                    runs = runs_before(view, m.start())
                    leaders = runs[0] if runs else []
                    along = [p for run in runs[1:] for p in run if p not in leaders]
                else:
                    leaders = name_run_before(view, clauses, ci, m.start())
                    if not leaders and ci > 0 and not view.text[cl.start:m.start()].strip():
                        # 区政协主席王来平就…课题，率队前往…: the clause before opens with the leader
                        leaders = opening_run(view, clauses[ci - 1])
                    # 甲会见了由乙率领的代表团: the people after the meeting verb lead, not its subject
                    verbs = [v.end() for v in meet_object_re().finditer(view.text, cl.start, m.start())]
                    after = [r.entity for r in view.refs_in(verbs[-1], m.start(), "Person")] if verbs else []
                    if after:
                        leaders = list(dict.fromkeys(after))
                if not leaders:
                    continue
                if group and set(leaders) < set(self.state.leaders):
                    break  # 王一一行 told again: the delegation of 王一 and 李二 in focus
                self.state.leaders = leaders
                self.state.visit = None
                if along:
                    ev = self._event("Visit", leaders, si)
                    self.state.visit = ev
                    self.article.events[ev].companions.extend(dict.fromkeys(along))
                    self._runs_visits.add(ev)
                if _delegation_word(m.group(), "members"):
                    found = next(view.find(_members_end_re(), m.end(), cl.end), None)
                    end = found.start() if found is not None else -1
                    members = view.refs_in(m.end(), end if end > 0 else cl.end, "Person")
                    if members:
                        ev = self._event("Visit", leaders, si)
                        self.state.visit = ev
                        for r in members:
                            if r.entity not in leaders and r.entity not in self.article.events[ev].companions:
                                self.article.events[ev].companions.append(r.entity)
                break
        self._delegation_members(si, clauses)

    def _delegation_heads(self, si: int, clauses: list[Clause]) -> None:
        """以王立为团长(、李青为副团长)的考察团: 王立 leads the delegation, 李青
        accompanies him (data/trigger_delegation_heads.tsv, scopes head and deputy)."""
        view = self.view
        sent = self.article.sentences[si]
        member_words = words("trigger_delegation_heads", "members")
        heads = [(m, names_right_before(view, m.start())) for m in view.find(delegation_head_re(), sent.start, sent.end)
                 if m.group() not in member_words]
        leaders = [p for m, people in heads if m.group() in words("trigger_delegation_heads", "head") for p in people]
        deputies = [p for m, people in heads if m.group() in words("trigger_delegation_heads", "deputy")
                    for p in people if p not in leaders]
        if not leaders and not self.state.leaders:
            # 考察团团长，区工商联党组书记陈楠: with no delegation in focus, the head named by
            # the post leads it (data/trigger_delegation_posts.tsv)
            leaders, deputies = self._delegation_post_holders(si)
        if not leaders:
            return
        self.state.leaders, self.state.visit = leaders, None
        if deputies:
            ev = self._event("Visit", leaders, si)
            self.state.visit = ev
            self.article.events[ev].companions.extend(deputies)

    def _delegation_post_holders(self, si: int) -> tuple[list[int], list[int]]:
        """(heads, deputies): the people given a delegation's head or deputy post
        (data/trigger_delegation_posts.tsv) in sentence ``si``, first named first."""
        heads, deputies = words("trigger_delegation_posts", "head"), words("trigger_delegation_posts", "deputy")
        out: tuple[list[int], list[int]] = ([], [])
        for p in self.article.positions:
            if p.sentence != si:
                continue
            group = out[0] if p.title in heads else out[1] if p.title in deputies else None
            if group is not None and p.person not in group:
                group.append(p.person)
        first = {ei: min((self.article.mentions[m].start for m in self.article.entities[ei].mentions), default=0)
                 for ei in out[0] + out[1]}
        heads_, deputies_ = (sorted(g, key=first.get) for g in out)
        return heads_, [d for d in deputies_ if d not in heads_]

    def _delegation_members(self, si: int, clauses: list[Clause]) -> None:
        """代表团成员包括李青、王芳: the people named after the word, in its clause,
        accompany the leaders of the delegation in focus (data/trigger_delegation_heads.tsv,
        scope members)."""
        view = self.view
        sent = self.article.sentences[si]
        leaders = self.state.leaders
        if not leaders:
            return
        member_words = words("trigger_delegation_heads", "members")
        along: list[int] = []
        for m in view.find(delegation_head_re(), sent.start, sent.end):
            if m.group() in member_words:
                end = next((c.end for c in clauses if c.start <= m.start() < c.end), sent.end)
                if view.text.startswith(("：", ":"), m.end()):  # 成员包括：王芳、李青: the list the colon opens
                    end = next((c.end for c in clauses if c.start >= end), sent.end)
                along += [r.entity for r in view.refs_in(m.end(), end, "Person") if r.entity not in leaders]
        if not along:
            return
        ev = self.state.visit
        if ev is None or set(self.article.events[ev].agents) != set(leaders):
            ev = self._event("Visit", leaders, si)
        self.state.visit = ev
        companions_ = self.article.events[ev].companions
        companions_.extend(p for p in dict.fromkeys(along) if p not in companions_)

    def _subject(self, clauses: list[Clause], ci: int, pos: int) -> list[int] | None:
        """Who acts at ``pos``: explicit people before it, else the leaders.

        None when the clause has a non-person subject (大同等企业到潍坊).
        """
        cl = clauses[ci]
        guests = self._relative_guests(cl, pos)
        if guests is not None:
            return guests or None
        persons = [r for r in self.view.refs_in(cl.start, pos) if r.type == "Person"]
        lead = _lead_frame_re().search(self.view.text, cl.start, pos)
        if lead:  # 在董事长王一、校长李二的带领下到…: they lead and act
            leaders = [r.entity for r in persons if lead.start() <= r.start and r.end <= lead.end()]
            if leaders:
                self.state.leaders = leaders
                return leaders
        frame = ESCORT_FRAME_RE.search(self.view.text, cl.start, pos)
        if frame:  # X在Y陪同下前往…: X acts
            before = [r.entity for r in persons if r.end <= frame.start()]
            return before or self.state.leaders
        accompanying = list(accompany_re().finditer(self.view.text, cl.start, pos))
        if accompanying:  # 甲陪同乙考察: 乙 acts (甲 accompanies: companions.escorts)
            return escorted(self.view, accompanying[-1], pos) or self.state.leaders
        opens = tuple(words("trigger_welcome_frames", "open"))
        welcomed = [i for i, r in enumerate(persons) if self.view.text.endswith(opens, 0, r.start)]
        if welcomed:  # 王一在会见时对李二到访济宁表示欢迎: 李二 comes, 王一 welcomes
            return listed_from(self.view, persons[welcomed[-1]:])
        if persons:
            ents = [r.entity for r in persons]
            if set(ents) & set(self.state.leaders):
                return self.state.leaders
            visit = self.state.visit
            if visit in self._runs_visits and self.article.events[visit].sentence == cl.sentence \
                    and set(ents) & set(self.article.events[visit].companions):
                return self.state.leaders  # 市长王一，副市长李二一行到…: the later runs come along
            if group_re().search(self.view.text, persons[-1].end, pos):
                return None  # …等组成的代表团一行深入…: the group, not its members
            return name_run_before(self.view, clauses, ci, pos)
        refs = self.view.refs_in(cl.start, pos)
        if not refs and self._names_as_subject(clauses, ci):
            # 县委书记王一、县长李二，来到甲大学…: the names of the clauses before are the subject
            people = name_run_before(self.view, clauses, ci, pos)
            if people:
                return people
        fronted = _fronted_re().search(self.view.text, cl.start, pos)
        if fronted:  # 对甲公司进行了考察: the object before the verb is no subject
            refs = [r for r in refs if not fronted.start(1) <= r.start < fronted.end(1)]
        if refs and not FRAME_RE.match(cl.text):
            if self._named_group(cl, refs):
                return self.state.leaders  # 乡城县党政代表团一行来到…: the delegation in focus
            return None  # an organization or place is the subject
        if guest_subject_re().match(cl.text) or self._qualified_group(cl):
            return self.state.leaders  # 代表团一行参观了…: the delegation in focus
        if self._guest_sentence(clauses, ci):
            return self.state.leaders  # 考察组一行坚持…，先后考察了…
        para = self.article.sentences[cl.sentence].paragraph
        return self.state.leaders if para == self.state.leader_paragraph else None

    def _names_as_subject(self, clauses: list[Clause], ci: int) -> bool:
        """Whether the clauses right before ``ci`` are names only, opening their sentence's
        run of names (县委书记王一、县长李二，来到…), not continuing a list that a verb
        before them took (拜访了甲市市长王一，副市长李二；参观了…: the names are objects)."""
        j = ci - 1
        while j >= 0 and is_name_list(self.view, clauses[j]):
            j -= 1
        if j == ci - 1:
            return False  # no names right before
        if j < 0:
            return True
        before = self.view.refs_in(clauses[j].start, clauses[j].end)
        return not (before and before[-1].type == "Person")

    def _relative_guests(self, cl: Clause, pos: int) -> list[int] | None:
        """会见了来渝考察的李青、王立: the coming verb at ``pos`` describes the
        guests named after 的, who come; the host before it does not. None when
        the verb is not in such a clause; [] when no person is named after 的
        (会见了来渝的客人) and the delegation in focus is not meant."""
        view = self.view
        if _guest_relative_re().search(view.text, cl.start, pos) is None:
            return None
        mark = min((m for m in (view.text.find(w, pos, cl.end) for w in words("trigger_guest_relative", "mark"))
                    if m >= 0), default=-1)
        if mark < 0 or view.refs_in(pos, mark, "Person"):
            return None
        people = [r.entity for r in view.refs_in(mark + 1, cl.end, "Person")]
        if people:
            return people
        return list(self.state.leaders) if self._is_guest(mark + 1, cl.end) else []

    def _named_group(self, cl: Clause, refs: list[Ref]) -> bool:
        """The clause opens with a place or body and a group word of the
        delegation (乡城县党政代表团一行): the delegation, not the place, acts."""
        first = refs[0]
        if len(refs) != 1 or first.type == "Person":
            return False
        if not re.fullmatch(CLAUSE_DATE, self.view.text[cl.start:first.start]):
            return False
        return named_group_re().match(self.view.text, first.end) is not None

    def _qualified_group(self, cl: Clause) -> bool:
        """The clause opens with the delegation by a qualified group word (投资考察团一行还先后到…:
        :func:`qualified_group_re`), no name in it."""
        m = qualified_group_re().match(cl.text)
        return m is not None and not self.view.refs_in(cl.start, cl.start + m.end())

    def _opens_with_named_group(self, cl: Clause) -> bool:
        """The clause opens with a delegation named after its body or place
        (甲市旅港同乡联合会访问团一行在江苏期间): :meth:`_named_group` of its first name."""
        refs = self.view.refs_in(cl.start, cl.end)
        return bool(refs) and self._named_group(cl, refs[:1])

    def _guest_sentence(self, clauses: list[Clause], ci: int) -> bool:
        """An earlier clause of the sentence opens with the delegation as its
        subject, by its group word or named after its body (甲市访问团一行在江苏期间，
        先后访问了…), and no clause since names anyone (考察组一行坚持…，先后考察了…); a
        frame may come first (在晋期间，调研组召开座谈会，并赴太原…). Not when a wish
        or plan opens it (参访团将赴台北…，考察…: lexicon irrealis)."""
        first = 0
        while first < ci and FRAME_RE.match(clauses[first].text) \
                and not self.view.refs_in(clauses[first].start, clauses[first].end, "Person"):
            first += 1
        if first >= ci or not (guest_subject_re().match(clauses[first].text) or self._opens_with_named_group(clauses[first])
                               or self._qualified_group(clauses[first])):
            return False
        if irrealis_re("clauses").search(self.view.text, clauses[first].start, clauses[ci].start):
            return False  # 参访团将赴台北…，考察…: the plan governs what follows
        return not any(self.view.refs_in(c.start, c.end, "Person") for c in clauses[first + 1:ci])

    def _visits(self, si: int, clauses: list[Clause]) -> None:
        view = self.view
        frame: list[Ref] = []
        for ci, cl in enumerate(clauses):
            acc = [(m.start(), m.end()) for m in view.find(accompany_re(), cl.start, cl.end)]

            def in_acc(pos: int) -> bool:
                return any(a <= pos < b for a, b in acc)

            if FRAME_RE.match(cl.text) and not _lead_frame_re().search(cl.text):
                items = _list_after(view, cl.start + FRAME_RE.match(cl.text).end(), cl)
                frame = items
                hold = hold_re().search(cl.text)
                if hold and items and realis(view, cl, cl.start + hold.start()):
                    agents = self._subject(clauses, ci, cl.start)
                    if agents:
                        self._visit(agents, items, si)
                elif items and self.state.leaders and _stay_frame_re().fullmatch(view.text, items[-1].end, cl.end):
                    leaders = list(self.state.leaders)  # 在东川市访问期间，…: the delegation in focus stayed there
                    stayed = [r for r in items if not self._own_place(r, leaders)]
                    if stayed:
                        self._visit(leaders, stayed, si)
                continue
            found = self._abbreviated_arrival(clauses, ci, in_acc)
            for m in list(_motion_triggers(view, cl)) + list(view.find(visit_inspect_re(), cl.start, cl.end)):
                if in_acc(m.start()) or not realis(view, cl, m.start()) or _nominal(view, cl):
                    continue
                if view.text.startswith(_delegation_nouns(), m.start()) and \
                        irrealis_re("clauses").search(view.text, cl.start, cl.end):
                    continue  # 参访团将赴…: the delegation's name is no visit where its clause tells a plan
                if m.group() == "到" and "从" in view.text[self.article.sentences[si].start : m.start()]:
                    continue  # 从A，到B: a range, not a trip
                agents = self._subject(clauses, ci, m.start())
                if not agents:
                    continue
                targets = _list_after(view, m.end(), cl, wider=True) or _fronted_object(view, cl, m.start())
                targets = self._place_before(cl, m.start(), agents) + targets
                if not targets and "这里" in cl.text[m.end() - cl.start :]:
                    targets = self._topic(clauses)
                if frame:
                    targets = frame + targets
                    frame = []
                if targets:
                    found = True
                self._visit(agents, targets, si)
            if not found:
                self._weak_visit(clauses, ci)

    def _place_before(self, cl: Clause, verb: int, agents: list[int]) -> list[Ref]:
        """The places of ``在郑州市(进行)考察`` / ``先后在保定市、石家庄市调研`` right before
        the visit verb, unless one is the agents' own (a body of theirs is named after it)."""
        pos = verb
        for g in _place_frame_gaps():
            if self.view.text.startswith(g, pos - len(g)):
                pos -= len(g)
                break
        ref = self.view.ref_at(pos - 1)
        if ref is None or ref.type != "Place" or ref.end != pos or ref.start <= cl.start:
            return []
        places = [ref]
        seps = words("context_list_separators", "destinations")
        while True:  # the places listed before it (保定市、石家庄市)
            first = places[0]
            sep = next((w for w in seps if self.view.text.startswith(w, first.start - len(w))), None)
            prev = self.view.ref_at(first.start - len(sep) - 1) if sep else None
            if prev is None or prev.type != "Place" or prev.end != first.start - len(sep) or prev.start <= cl.start:
                break
            places.insert(0, prev)
        if not any(self.view.text.startswith(w, places[0].start - len(w))
                   for w in words("trigger_visit_place_frames", "frame")):
            return []
        return [r for r in places if not self._own_place(r, agents)]

    def _own_place(self, ref: Ref, agents: list[int]) -> bool:
        """A body of that place holds a post of one of ``agents`` (甲市委书记李青 in 甲市)."""
        place = self.article.entities[ref.entity]
        names = {place.name, *place.aliases}
        own = [self.article.entities[p.org].name for p in self.article.positions
               if p.person in agents and p.org is not None]
        return any(o.startswith(n) for o in own for n in names)

    def _abbreviated_arrival(self, clauses: list[Clause], ci: int, in_acc) -> bool:
        """抵港, 访京, 赴沪: a visit to the place the abbreviation stands for,
        when the article names that place."""
        cl, found = clauses[ci], False
        for m in self.view.find(abbreviated_arrival_re(), cl.start, cl.end):
            if in_acc(m.start()) or not realis(self.view, cl, m.start()):
                continue
            names = place_abbreviations()[m.group(1)]
            place = next((i for i, e in enumerate(self.article.entities)
                          if e.type == "Place" and ({e.name, *e.aliases} & set(names))), None)
            agents = self._subject(clauses, ci, m.start()) if place is not None else None
            if agents:
                self._visit(agents, [Ref(m.start(1), m.end(1), place, "Place", True, -1)], cl.sentence)
                found = True
        for start, end, place in local_abbreviations(self.article, cl.start, cl.end):  # 来宜考察
            if self.view.ref_at(start) is not None or in_acc(start) or not realis(self.view, cl, start):
                continue
            agents = self._subject(clauses, ci, start)
            if agents:
                self._visit(agents, [Ref(start, end, place, "Place", True, -1)], cl.sentence)
                found = True
        return found

    def _topic(self, clauses: list[Clause]) -> list[Ref]:
        """这里: the place or organization standing alone as a clause of the sentence."""
        for cl in clauses:
            refs = self.view.refs_in(cl.start, cl.end)
            if len(refs) == 1 and refs[0].type != "Person" and len(cl.text.strip()) - (refs[0].end - refs[0].start) <= 1:
                return refs
        return []

    def _weak_visit(self, clauses: list[Clause], ci: int) -> None:
        cl = clauses[ci]
        if not self.state.leaders:
            return
        for w in visit_weak():
            for m in re.finditer(w, cl.text):
                pos = cl.start + m.start()
                persons = self.view.refs_in(cl.start, pos, "Person")
                if not persons or not set(r.entity for r in persons) & set(self.state.leaders):
                    continue
                after = m.end() + cl.start
                while after < cl.end and self.view.text[after] in "了":
                    after += 1
                r = self.view.ref_starting(after)
                if r is not None and r.type in ("Organization", "Place"):
                    self._visit(self.state.leaders, [r], cl.sentence)
                    return

    def _meetings(self, si: int, clauses: list[Clause]) -> None:
        view = self.view
        para = self.article.sentences[si].paragraph
        met = False
        for ci, cl in enumerate(clauses):
            for pos, hosts in receptions(view, cl):  # (X)受到Y的热情接待: Y met X
                guests = [r.entity for r in view.refs_in(cl.start, pos, "Person")]
                self._meeting(name_run_before(view, clauses, ci, pos) if guests else list(self.state.leaders),
                              hosts, si)
                met = True
            for m in view.find(meet_object_re(), cl.start, cl.end):
                if not realis(view, cl, m.start()) or view.text[m.start() - 1 : m.start()] in "的到":
                    continue
                attend = attend_re().search(view.text, max(cl.start, m.start() - 3), m.start())
                if attend is not None and attend.end() == m.start() and attend_list_re().match(view.text, attend.end(), cl.end):
                    continue  # 参加会见的还有王芳: those who take part (kg.relations.participants), not the met
                a = name_run_before(view, clauses, ci, m.start())
                if not a and not view.refs_in(cl.start, m.start()):
                    a = self._subject(clauses, ci, m.start()) or []  # 一行来到甲公司，会见了…: the leaders
                b = [r.entity for r in view.refs_in(m.end(), cl.end, "Person")]
                if not b and ci + 1 < len(clauses) and _ends_with_title(view.text, m.end(), cl.end):
                    # 会见了甲集团党委副书记，乙公司总裁王一一行: the title chain goes on past the comma
                    nxt = clauses[ci + 1]
                    b = [r.entity for r in view.refs_in(nxt.start, nxt.end, "Person")][:1]
                bare = (not b and not view.refs_in(m.end(), cl.end)  # 王一、王二等接待。: the delegation in focus
                        and not attend_re().search(view.text, cl.start, m.start())  # 参加会见: participants
                        and not accompany_re().search(view.text, cl.start, m.start()))
                if (self._is_guest(m.end(), cl.end) or (not b and visit_inspect_re().match(view.text, m.end()))
                        or (bare and set(a) - set(self.state.leaders) and self._visiting(si))):
                    b += [x for x in self.state.leaders if x not in b]  # 接待了考察团 / 等接待考察: the delegation
                self._meeting(a, b, si)
                met = True
            for m in view.find(meet_with_re(), cl.start, cl.end):
                if not realis(view, cl, m.start()):
                    continue
                partners, with_pos = self._partners(clauses, ci, m.start())
                if with_pos is None:
                    if self.state.leaders and held_meeting_re().search(cl.text):
                        self.state.meeting = self._event("Meeting", self.state.leaders, si)
                        self.state.meeting_paragraph = para
                    continue
                wci = max(i for i, c in enumerate(clauses) if c.start <= with_pos)
                a = [r.entity for r in view.refs_in(clauses[wci].start, with_pos, "Person")]
                if a:
                    a = name_run_before(view, clauses, wci, with_pos)
                else:  # a left-out subject: never a companion (在王二陪同下…，与王三座谈)
                    escorts = escorted_people(view, clauses, with_pos) | self._members()
                    before = [r for r in view.refs_in(self.article.sentences[si].start, with_pos, "Person")
                              if r.entity not in escorts]
                    a = [before[-1].entity] if before else list(self.state.leaders)
                    if before and before[-1].entity in self.state.leaders:
                        a = list(self.state.leaders)
                self._meeting(a, partners, si)
                met = True
        if not met and self.state.meeting is not None and self.state.meeting_paragraph == para:
            ev = self.article.events[self.state.meeting]
            for ci, cl in enumerate(clauses):
                if meeting_role_re().search(cl.text):
                    for r in view.refs_in(cl.start, cl.end, "Person"):
                        if r.entity not in ev.agents and r.entity not in ev.targets:
                            ev.targets.append(r.entity)

    def _visiting(self, si: int) -> bool:
        """Whether the leaders in focus are named in sentence ``si`` or on a visit told
        in its paragraph or the one before."""
        sent = self.article.sentences[si]
        para = sent.paragraph
        if not self.state.leaders:
            return False
        if any(r.entity in self.state.leaders for r in self.view.refs_in(sent.start, sent.end, "Person")):
            return True
        return any(e.kind == "Visit" and set(e.agents) & set(self.state.leaders) and e.sentence <= si
                   and self.article.sentences[e.sentence].paragraph in (para, para - 1) for e in self.article.events)

    def _members(self) -> set[int]:
        """The companions of the leaders' current visit (members brought along:
        率王二…, 王二为副团长): never the left-out subject of a later clause."""
        ev = self.state.visit
        return set(self.article.events[ev].companions) if ev is not None else set()

    def _is_guest(self, start: int, end: int) -> bool:
        text = self.view.text[start:end]
        return any(w in text for w in guest_words() if w != "一行")

    def _partners(self, clauses: list[Clause], ci: int, pos: int) -> tuple[list[int], int | None]:
        """People after the 与/同/和 that opens ``…与Y…会谈`` (may span commas)."""
        view = self.view
        sent_start = clauses[0].start
        lo = clauses[max(0, ci - 3)].start
        for wm in reversed(list(view.find(_with_re(), lo, pos))):
            if _false_with(view, wm.start()):
                continue  # 王立连同李青…交流: 连同 lists companions, no counterpart (data/trigger_with_false.tsv)
            wci = max(i for i, c in enumerate(clauses) if c.start <= wm.start())
            if any(not is_name_list(view, clauses[j]) for j in range(wci + 1, ci)):
                break
            topic = view.text.find("就", wm.end(), pos)
            between = view.refs_in(wm.end(), topic if topic >= 0 else pos, "Person")
            guests = self._is_guest(wm.end(), pos)
            if between or guests:
                partners = [r.entity for r in between]
                if guests:
                    partners += [x for x in self.state.leaders if x not in partners]
                return partners, wm.start()
            if wm.start() < sent_start:
                break
        return [], None


@derived
def _with_re() -> re.Pattern:
    """The counterpart words before a partner (与, 同, 和, 跟: data/model_with.tsv, scope
    before, which also corroborates brand names)."""
    return re.compile(alternation("model_with", "before"))


def _false_with(view: TextView, pos: int) -> bool:
    """Whether the counterpart character at ``pos`` is part of a word that opens no counterpart
    (data/trigger_with_false.tsv: 连同, 跟随), unless a name holds part of that word (王一同王二交谈)."""
    text = view.text
    for w in words("trigger_with_false"):
        for k, c in enumerate(w):
            if c != text[pos]:
                continue
            start = pos - k
            if start >= 0 and text.startswith(w, start) and \
                    not any(view.ref_at(i) for i in range(start, start + len(w))):
                return True
    return False


def extract_events(article: Article, view: TextView) -> None:
    """Fill article.events with Visit and Meeting events (only those with someone or something on the other side)."""
    from kg.relations.srl import not_yet_found, srl_events

    ex = _Extractor(article, view)
    ex.run()
    meeting_participants(article, ex.sides)
    visitors = {a for e in article.events if e.kind == "Visit" for a in e.agents}
    co_hosts(article, ex.sides, lambda m: visitors)
    article.events = [e for e in article.events if e.targets or e.companions]
    article.events += not_yet_found(article.events, srl_events(article, view))
