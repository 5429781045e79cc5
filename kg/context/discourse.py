"""The delegation in focus, and the runs of names that set it.

Event rules read an article clause by clause with a small discourse state
(:class:`DelegationState`): who leads the delegation the text is about
(陈向平一行, 市长刘文华带队), which visit of theirs is current, and which
meeting they held without a named partner yet. A clause that leaves its
subject out (先后到A、B、C拜访…) is the leaders'.

Helpers here find the people a clause names before a verb:

- :func:`name_run_before`: names before ``pos`` in its clause and in the
  name-list clauses right before it (甲省副省长王一，省委常委李二率… ->
  王一, 李二);
- :func:`names_right_before`: names immediately before ``pos``, joined by
  、/和 and possibly followed by titles (王一副市长、李二副院长一行);
- :func:`runs_before`: those names and the runs before them that commas
  separate, each opening its clause (市长王一，副市长李二一行: [[王一], [李二]]);
- :func:`realis`: whether a clause tells what happened, not a wish or plan
  (希望甲公司与乙市交流 is none);
- :func:`latest_visit_leaders`: the agents of the latest visit event, for
  rules that run after kg.relations.events (SRL frames, unnamed witnesses).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.doc import Article, Event
from kg.context.clauses import CLAUSE_BREAK, Clause, TextView
from kg.lexicons.load import alternation, derived, words
from kg.lexicons.titles import title_regex
from kg.lexicons.triggers import CLAUSE_DATE, irrealis_re, irrealis_receptions

#: a clause that states a wish, plan or invitation
#: (the list words of data/context_list_separators.tsv, scope discourse: their characters one by one, and whole)
_LIST_WORDS = words("context_list_separators", "discourse")
_NAME_LIST_JUNK = re.compile(r"[、，,\s" + "".join(sorted(set("".join(_LIST_WORDS)))) + "]|"
                             + "|".join(w for w in _LIST_WORDS if len(w) > 1))


@dataclass
class DelegationState:
    leaders: list[int] = field(default_factory=list)
    #: paragraph where a leader was last named: elided subjects reach that far
    leader_paragraph: int = -1
    visit: int | None = None  # the leaders' current visit event
    meeting: int | None = None  # a meeting the leaders held without a named partner yet
    meeting_paragraph: int = -1


def new_event(article: Article, kind: str, agents: list[int], sentence: int) -> int:
    """Append an event of ``kind`` with ``agents`` and no targets yet; its index."""
    article.events.append(Event(kind, list(agents), [], sentence, article.sentences[sentence].text))  # type: ignore[arg-type]
    return len(article.events) - 1


def latest_visit_leaders(article: Article, sentence: int) -> list[int]:
    """The agents of the latest Visit event told up to ``sentence`` (the
    delegation a later 代表团一行 / unnamed witness stands for); [] when none."""
    for e in reversed(article.events):
        if e.kind == "Visit" and e.sentence <= sentence:
            return list(e.agents)
    return []


@derived
def side_group_re() -> re.Pattern:
    """市领导 / 自治区领导 …: the leaders of the place in focus of that level
    (data/context_side_groups.tsv)."""
    return re.compile(alternation("context_side_groups", "leaders"))


def is_name_list(view: TextView, clause: Clause) -> bool:
    """A clause made only of names with their titles (甲市委副书记、…王一)."""
    if not view.refs_in(clause.start, clause.end, "Person"):
        return False
    chars = list(clause.text)
    for r in view.refs_in(clause.start, clause.end):
        for i in range(r.start - clause.start, r.end - clause.start):
            chars[i] = " "
    rest = "".join(chars)
    rest = title_regex().sub(" ", side_group_re().sub(" ", rest))  # 市领导王一、… / 自治区领导王一、…
    rest = _NAME_LIST_JUNK.sub("", rest)
    return len(rest) <= 2


_CLAUSE_DATE_RE = re.compile(CLAUSE_DATE)
#: characters of a level (区, 自治区) a title may leave before it at a clause's start (区|政协主席王一)
LEVEL_PREFIX = 3


def opening_run(view: TextView, clause: Clause) -> list[int]:
    """The people a clause opens with, their titles before them (区政协主席王来平就…课题，):
    the run of names listed from its first person when that person's title (or name)
    opens the clause; [] otherwise."""
    refs = view.refs_in(clause.start, clause.end, "Person")
    start = clause.start + len(_CLAUSE_DATE_RE.match(clause.text).group())
    if not refs or _opening(view, refs[0].start) - start > LEVEL_PREFIX:
        return []
    return listed_from(view, refs)


def listed_from(view: TextView, refs: list) -> list[int]:
    """The people of ``refs`` (person references in text order) listed one after another from
    the first: only titles and list separators between two of them (李二、王三; 副市长李二，局长王三;
    not 李二在王三访华后)."""
    out = [refs[0].entity]
    for prev, r in zip(refs, refs[1:]):
        if _NAME_LIST_JUNK.sub("", title_regex().sub(" ", view.text[prev.end:r.start])):
            break
        out.append(r.entity)
    return list(dict.fromkeys(out))


def name_run_before(view: TextView, clauses: list[Clause], ci: int, pos: int) -> list[int]:
    """People named right before ``pos``: in its clause, and in the name-list
    clauses just before it (甲省委副书记、省长王一，省委常委…李二率)."""
    out: list[int] = []
    cl = clauses[ci]
    for r in view.refs_in(cl.start, pos, "Person"):
        if r.entity not in out:
            out.append(r.entity)
    j = ci - 1
    while j >= 0 and is_name_list(view, clauses[j]):
        for r in reversed(view.refs_in(clauses[j].start, clauses[j].end, "Person")):
            if r.entity not in out:
                out.insert(0, r.entity)
        j -= 1
    return out


def names_right_before(view: TextView, pos: int) -> list[int]:
    """People immediately before ``pos`` (王一一行, 王一副市长、李二副院长一行,
    甲集团副总裁王一、总经理李二一行, 王一、李二等一行, 王一先生一行: a courtesy word
    of data/context_name_honorifics.tsv after a name is read across)."""
    return _run_before(view, pos)[0]


def runs_before(view: TextView, pos: int) -> list[list[int]]:
    """The runs of :func:`names_right_before` that end at ``pos``, each run after a
    comma that closes the one before it, first run first: 市长王一，副市长李二、局长
    张三一行 -> [[王一], [李二, 张三]] (the first named leads, the others come along)."""
    runs: list[list[int]] = []
    run, start = _run_before(view, pos)
    while run:
        runs.insert(0, run)
        j = _opening(view, start)
        if j <= 0 or view.text[j - 1] != "，":
            break
        run, start = _run_before(view, j - 1)
        if run and not _opens_clause(view, _opening(view, start)):
            break  # 赵强会见了张明，王芳一行: 张明 is met, no run of the delegation
    return runs


#: at most this many characters of a level or body before a group word (院|领导, 集团|领导)
GROUP_PREFIX = 3


def _opening(view: TextView, start: int) -> int:
    """Where a run whose first name starts at ``start`` begins: its title, with the
    organization or place written before it; a group word (领导: data/title_not_posts.tsv,
    scope group) with the level or body written before it when a clause opens there
    (，院领导王一、王二，…: the run opens the clause)."""
    from kg.lexicons.titles import group_roles, title_ending_at

    j = _title_before(view, start)
    if j is None:
        return start
    title = title_ending_at(view.text, start)
    if title is not None and title[2] in group_roles() and not _opens_clause(view, j):
        k = next((j - n for n in range(1, GROUP_PREFIX + 1) if j - n >= 0 and _opens_clause(view, j - n)), None)
        if k is not None and not view.refs_in(k, j):
            return k
    return j


def _opens_clause(view: TextView, pos: int) -> bool:
    """Does ``pos`` start its sentence or a clause (after a comma, a semicolon …)?"""
    sentence = view.article.sentences[view.article.sentence_of(pos)]
    return pos <= sentence.start or CLAUSE_BREAK.match(view.text, pos - 1) is not None


def _run_before(view: TextView, pos: int) -> tuple[list[int], int]:
    """(the people of :func:`names_right_before`, where the first one's name starts)."""
    text = view.text
    out: list[int] = []
    i = pos
    if i > 0 and text[i - 1] in words("context_list_separators", "closes"):
        i -= 1  # 王一、李二等一行
    start = i
    while i > 0:
        h = next((w for w in words("context_name_honorifics") if text.endswith(w, 0, i)), None)
        if h is not None:
            i -= len(h)  # 张明先生一行: the courtesy word after the name
        t = _title_ending(text, i)
        if t is not None:
            i = t
        r = view.ref_at(i - 1)
        if r is None or r.type != "Person":
            break
        out.insert(0, r.entity)
        i = start = r.start
        if i > 0 and text[i - 1] in "、" + "".join(words("context_list_separators", "bodies")):
            i -= 1
            continue
        j = _title_before(view, i)  # 甲集团副总裁王一、总经理李二一行: the title written before each name
        if j is not None and j > 0 and text[j - 1] == "、":
            i = j - 1
            continue
        break
    return out, start


def _title_before(view: TextView, end: int) -> int | None:
    """Where the title written right before ``end`` starts, with the organization or place
    it is held in when one is written right before it (甲集团副总裁|王一): None when none is."""
    t = _title_ending(view.text, end)
    if t is None:
        return None
    while t > 1 and view.text[t - 1] in _joining_separators():  # 副主委兼秘书长|乔春玲: the whole chain
        before = _title_ending(view.text, t - 1)
        if before is None:
            break
        t = before
    while t > 0:
        r = view.ref_at(t - 1)
        if r is None or r.type == "Person" or r.end != t:
            break
        t = r.start
    return t


@derived
def _joining_separators() -> str:
    """Separators of a title chain that never separate names (兼: data/title_separators.tsv,
    scope chain, less the list mark 、 of data/context_list_separators.tsv)."""
    lists = set(words("context_list_separators"))
    return "".join(c for c in words("title_separators", "chain") if c not in lists)


def _title_ending(text: str, end: int) -> int | None:
    from kg.lexicons.titles import title_ending_at

    t = title_ending_at(text, end)
    return t[0] if t is not None and t[0] < end else None


def realis(view: TextView, clause: Clause, pos: int) -> bool:
    """No wish, plan or invitation between the clause's start and ``pos``
    (a trigger read as a plan is recorded as a rejected candidate)."""
    m = irrealis_re("clauses").search(view.text, clause.start, pos)
    if m is None:
        return True
    if m.group() in irrealis_receptions("clauses") and view.refs_in(m.end(), pos, "Person"):
        return True  # 欢迎李青一行来临海考察: a guest who came, welcomed
    from kg.decisions import record_span

    record_span(view.article, "event", clause.start, max(clause.end, pos), (f"trigger at {pos}: {view.text[pos:pos + 2]}",),
                "rejected", f"a wish or plan before the trigger: {m.group()} (lexicon irrealis)")
    return False
