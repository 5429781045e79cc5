"""Organizations named in a list (先后走访了华锐、海通、明泰等企业).

Short brand names (华锐, 海通) carry no suffix that says what they are; a list
says it for them: its closing noun (等企业, 等3家公司: data/model_org_list_nouns.tsv)
or its other members, when most of them are organization names already
(甲科技有限公司、乙集团、丙电梯、丁机械). Each member that looks like a name
(no function word, not a place, a person or a bare generic word) is an
organization.
"""

from __future__ import annotations

import re

from kg.doc import Mention
from kg.lexicons import gazetteer as G
from kg.lexicons import org_lexicon as LX
from kg.lexicons.load import alternation, derived, words
from kg.recognize.left_walk import walk_left

_SEP = "\u3001"  # the list mark


@derived
def _qty() -> str:
    """An optional count of the members: 9家, 三家 (data/org_list_marks.tsv)."""
    nums = "".join(words("org_list_marks", "numeral"))
    return rf"(?:[\d{nums}]+[{''.join(words('org_list_marks', 'counter'))}])?"


@derived
def _closers() -> tuple[str, ...]:
    return words("org_list_marks", "closer")


@derived
def _closer() -> str:
    return alternation("org_list_marks", "closer")


@derived
def _list_end() -> re.Pattern:
    """What may follow a list's last member: 等, or a count of the members (9家企业)."""
    nums = "".join(words("org_list_marks", "numeral"))
    return re.compile(rf"(?:{_closer()})|[\d{nums}]+[{''.join(words('org_list_marks', 'counter'))}]")


@derived
def _closing_re() -> re.Pattern:
    """等 + an optional count + a list noun of organizations (等企业, 等9家公司)."""
    tails = "".join(words("org_list_marks", "noun_tail"))
    nouns = alternation("model_org_list_nouns", "companies")
    return re.compile(rf"(?:{_closer()}){_qty()}[\u4e00-\u9fff]{{0,2}}?(?:{nouns})(?![{tails}])")


@derived
def _inner_stops() -> frozenset[str]:
    """Characters never inside a brand name (与, 的, 了: data/org_left_stops.tsv, scope brand)."""
    return frozenset(words("org_left_stops", "brand"))


@derived
def _verb_re() -> re.Pattern:
    """An inspection or meeting verb (data/trigger_visit_inspect.tsv, data/trigger_meet.tsv)."""
    from kg.lexicons.triggers import meet_object_re, meet_with_re, visit_inspect_re

    return re.compile("|".join(f"(?:{rx.pattern})" for rx in (visit_inspect_re(), meet_with_re(), meet_object_re())))


def _verb_at(text: str, pos: int) -> bool:
    """Whether an inspection or meeting verb starts at ``pos`` (A公司、B厂|调研): the list
    ended before it."""
    return _verb_re().match(text, pos) is not None


def _member_ok(item: str, inner: bool, closed: bool) -> bool:
    """``inner``: a member between two separators (呈和科技: its 和 joins no two
    members); ``closed``: the list's noun says its members are organizations."""
    from kg.recognize.persons import plausible_name

    if not 2 <= len(item) <= 16 or item[0].isdigit():
        return False
    if not all(_name_char(c) for c in item):
        return False
    if any(c in _inner_stops() for c in item):
        # 呈和科技 between two separators; not 甲有限公司以及乙 (two names) nor the last member (甲和乙)
        if not inner or any(suf in item[:-1] for suf, _ in LX.ORG_SUFFIXES if len(suf) >= 2):
            return False
    if item in LX.GENERIC_ORGS or LX.is_generic_core(item) or G.lookup(item):
        return False
    if item[0] in LX.LEVEL_CHARS or LX.org_subtype(item) == "GovernmentBody":
        return False  # 区文旅局, 商务局: a generic body, resolved elsewhere
    return closed or not plausible_name(item)


def _name_char(ch: str) -> bool:
    return 0x4E00 <= ord(ch) <= 0x9FFF or ch.isascii() and ch.isalnum() or ch in "()\uff08\uff09"


def _clause_cut(text: str, s: int, e: int, persons) -> int:
    """Where the name in member [s, e) starts when a clause runs into it: a person
    named inside it, then a stop word before the name (魏朝东一行先后到巨宁森工 ->
    巨宁森工: the left walk stops after 到); ``s`` when there is none (a person read
    inside a brand, 艾昆纬医药科技, with no stop word after it, cuts nothing)."""
    after = max((pe for ps, pe in persons if s <= ps and pe < e), default=None)
    if after is None:
        return s  # no person inside: no left walk to make
    start = walk_left(text, e, limit=16)
    return start if start > after else s


def _members_before(text: str, end: int, persons: tuple[tuple[int, int], ...] | list[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """The list members ending at ``end``, separated by 、 (first to last); the
    first member starts where a name's left walk stops (走访了|华锐), or where a
    clause running into a member ends (李文波、魏朝东一行先后到|巨宁森工: the
    list starts there; ``persons``: the spans of the people recognized)."""
    spans = []
    e = end
    while e > 0:
        j = e
        while j > 0 and e - j <= 16 and _name_char(text[j - 1]):
            j -= 1
        if j > 0 and text[j - 1] == _SEP and j < e:
            cut = _clause_cut(text, j, e, persons)
            if cut > j:
                if cut < e:
                    spans.append((cut, e))
                break
            spans.append((j, e))
            e = j - 1
            continue
        s = walk_left(text, e, limit=16)
        if s < e:
            spans.append((s, e))
        break
    return spans[::-1]


def _is_org(c: Mention) -> bool:
    """A company name found by its suffix (lists of companies, not of departments)."""
    return c.type == "Organization" and c.source in ("org-rule", "short-company") and c.subtype == "Company"


def find_listed_orgs(text: str, cands: list[Mention], person_spans=()) -> list[Mention]:
    """Members of organization lists (closing noun, or mostly organizations already);
    ``person_spans``: people found besides ``cands`` (the NER model's), whose names
    cut a member (:func:`_clause_cut`)."""
    out: list[Mention] = []
    orgs = {(c.start, c.end) for c in cands if _is_org(c)}
    org_ends = {e: s for s, e in orgs}
    # a name the rules found at a member's start ends it: 、浙江大学签署合作协议 -> 浙江大学 (签署… is no part of it)
    named_end: dict[int, int] = {}
    for c in cands:
        if c.type == "Organization" and c.source == "org-rule":
            named_end[c.start] = max(named_end.get(c.start, 0), c.end)
    seen: set[int] = set()
    persons = [(c.start, c.end) for c in cands if c.type == "Person"] + list(person_spans)

    def emit(members: list[tuple[int, int]], closed: bool) -> None:
        for k, (s, e) in enumerate(members):
            item = text[s:e]
            if e in org_ends or not _member_ok(item, 0 < k < len(members) - 1, closed):
                continue
            out.append(Mention(s, e, item, "Organization", LX.org_subtype(item) or "Company", "org-list"))

    for m in _closing_re().finditer(text):
        members = _members_before(text, m.start(), persons)
        if len(members) >= 2:
            emit(members, True)
            seen.update(e for _, e in members)
    # lists made mostly of organization names: the other members are too
    for m in re.finditer(r"[、]", text):
        e = m.start()
        if e in seen:
            continue
        # the list's last member: walk right over 、-separated members
        pos = m.end()
        last = None
        while True:
            j = pos
            while j < len(text) and _name_char(text[j]) and not text[j].isdigit() and j - pos <= 16 \
                    and not text.startswith(_closers(), j) and text[j] not in _inner_stops() \
                    and not (j > pos + 1 and _verb_at(text, j)):
                j += 1
            if j == pos:
                break
            if pos in named_end and named_end[pos] < j:
                j = named_end[pos]
            last = j
            if j < len(text) and text[j] == _SEP:
                pos = j + 1
                continue
            break
        if last is None or not (last >= len(text) or text[last] in "，,。；;\n" or _list_end().match(text, last)
                                or _verb_at(text, last)):
            continue
        members = _members_before(text, last, persons)
        seen.update(e2 for _, e2 in members)
        if len(members) < 3:
            continue
        known = sum(1 for s, e2 in members if (s, e2) in orgs or (e2 in org_ends and org_ends[e2] >= s))
        if known * 2 > len(members):
            emit(members, False)
    return out
