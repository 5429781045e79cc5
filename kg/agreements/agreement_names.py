"""What an agreement is called: document names and project lists around a signing verb.

kg.agreements.agreements finds a signing verb (签订, 签署, 签约 …) and asks this
module what was signed; everything here reads plain text offsets:

- :func:`name_after`: ``签订了X协议`` -> X协议; a quoted name wins
  (``签署《X》`` -> X);
- :func:`name_before`: ``开展了三方X协议签署活动`` -> 三方X协议 (the name
  written before the verb);
- :func:`doc_names`: a list of names after the verb, ``签订X协议和Y合同``
  -> [X协议, Y合同]; :func:`quoted_names`: ``签署了《A》《B》`` -> [A, B];
- :func:`shared_tail_names`: ``文旅和商贸业发展合作协议`` as two names ->
  文旅发展合作协议, 商贸业发展合作协议;
- :func:`project_list` / :func:`projects_after`: ``就A平台、B合作等项目``
  -> [A平台, B合作]; ``现场签约A、B等4个项目`` -> [A项目, B项目];
- :func:`is_generic`: names that only refer to an agreement (协议书,
  本次备忘录), used when merging an agreement told twice.
"""

from __future__ import annotations

import re

from kg.lexicons.triggers import agreement_re
from kg.lexicons.load import alternation, derived, words

#: the name of an agreement whose text names no document (A与B签约)
DEFAULT_NAME = "签约项目"
#: document-name quotes, stripped from names (「X协议」, 《X》)
QUOTES = "「」『』“”《》\"'〈〉"
GENERIC_NAMES = ("协议书", "协议", "合同", "合作协议")
#: where a list of projects ends (…等项目, …等3个重大项目)
PROJECT_END_RE = re.compile(r"(?P<etc>等)?(?P<count>[\d一二三四五六七八九十]+个)?(?:[重特大]*)(?P<item>项目)|等")
#: a list of document names: X协议和Y合同
_NAME_SEP_RE = re.compile(r"以及|和|及|、")
_NAME_END_RE = re.compile("(?:" + agreement_re().pattern + r"|项目|合同)$")
#: where the shared tail of a document-name list starts (文旅和商贸业|发展合作协议)
_TAIL_START_RE = re.compile(r"发展|战略|全面|框架|合作|友好|投资|" + agreement_re().pattern)


@derived
def _name_start_re() -> re.Pattern:
    """Words between the signing verb and the name, one or more (签订了, 签署正式:
    data/agreement_name_starts.tsv)."""
    return re.compile(alternation("agreement_name_starts") + "+")


def is_generic(name: str) -> bool:
    """A name that only refers to an agreement (协议, 签约项目, 本次备忘录, 该协议)
    or counts them (多份合作协议: data/agreement_count_words.tsv)."""
    bare = re.sub(r"^(?:本次|此次|该|此|上述|这份|这一|双方)", "", name)
    return bare in (*GENERIC_NAMES, *words("agreement_nouns"), DEFAULT_NAME) \
        or any(w in name for w in words("agreement_count_words"))


def _last_agreement_noun(text: str, start: int, end: int) -> re.Match | None:
    """The last agreement noun (协议, 合同, 备忘录 …) in [start, end)."""
    last = None
    for m in agreement_re().finditer(text, start, end):
        last = m
    return last


def name_after(text: str, start: int, end: int) -> str:
    """The document name after a trigger: a quoted name (签署《X》, 「X」),
    else the text up to the last agreement noun (签订了X协议); "" when none."""
    lead = _name_start_re().match(text, start)
    s = lead.end() if lead else start
    if s < end and text[s] in QUOTES:
        close = next((k for k in range(s + 1, end) if text[k] in QUOTES), -1)
        if close > s + 1:
            return text[s + 1 : close]
    last = _last_agreement_noun(text, s, end)
    return text[s : last.end()] if last else ""


def name_before(text: str, start: int, end: int) -> str:
    """The document name written before a trigger, from the last word of
    data/agreement_name_leads.tsv (了, 开展, 出席 …) up to the last agreement noun
    (开展了X协议签署活动 -> X协议); "" when none."""
    last = _last_agreement_noun(text, start, end)
    if last is None:
        return ""
    lead = start
    for w in words("agreement_name_leads"):
        k = text.rfind(w, start, last.start())
        if k >= 0:
            lead = max(lead, k + len(w))
    return text[lead : last.end()]


def quoted_names(text: str, start: int, end: int) -> list[str]:
    """The quoted names written one after another from ``start`` (《A》《B》、《C》和《D》:
    joined by nothing or by a list separator), [] when fewer than two."""
    lead = _name_start_re().match(text, start)
    pos = lead.end() if lead else start
    names: list[str] = []
    while pos < end and text[pos] in QUOTES:
        close = next((k for k in range(pos + 1, end) if text[k] in QUOTES), -1)
        if close <= pos + 1:
            break
        names.append(text[pos + 1 : close])
        pos = close + 1
        sep = _NAME_SEP_RE.match(text, pos)
        if sep and pos + len(sep.group()) < end and text[pos + len(sep.group())] in QUOTES:
            pos += len(sep.group())
    return names if len(names) >= 2 else []


def doc_names(text: str, start: int, end: int) -> list[str]:
    """Document names after a trigger, split when listed (X协议和Y合同;
    《A》《B》: one name per quoted title)."""
    quoted = quoted_names(text, start, end)
    if quoted:
        return quoted
    name = name_after(text, start, end)
    parts = [x for x in _NAME_SEP_RE.split(name) if x]
    if len(parts) > 1 and all(_NAME_END_RE.search(x) for x in parts):
        return parts
    return [name] if name else []


def shared_tail_names(name: str, n: int) -> list[str]:
    """``文旅和商贸业发展合作协议`` as ``n`` = 2 names that share the tail of the
    last one: 文旅发展合作协议, 商贸业发展合作协议. The tail starts at the
    first :data:`_TAIL_START_RE` word after the last item's own first
    characters; ``[name]`` when the list is not ``n`` long or has no such tail."""
    parts = [x for x in _NAME_SEP_RE.split(name) if x]
    if len(parts) != n or n < 2 or any(_NAME_END_RE.search(x) for x in parts[:-1]):
        return [name]
    tail = _TAIL_START_RE.search(parts[-1], 1)
    if tail is None:
        return [name]
    return [x + parts[-1][tail.start():] for x in parts[:-1]] + [parts[-1]]


def projects_before(text: str, start: int, end: int) -> tuple[list[str], int, int] | None:
    """The projects listed right before a signing word at ``end`` (only adverbs of
    data/agreement_collective_signings.tsv, and a venue 在X, between): ``甲、乙等5个项目
    (集中)签约`` -> ([甲, 乙], where 甲 starts, where the list ends); ``24个项目在X集中签约``
    (a count alone) -> ([], where the count starts, where it ends). None when no project
    list ends there."""
    chunk = text[start:end]
    adverbs = words("agreement_collective_signings", "adverb")
    trimmed = True
    while trimmed:
        trimmed = False
        for w in adverbs:
            if chunk.endswith(w):
                chunk, trimmed = chunk[: -len(w)], True
    ends = [m for m in PROJECT_END_RE.finditer(chunk) if m.group("item")]
    if not ends:
        return None
    last = ends[-1]
    rest = chunk[last.end():]
    if rest and not rest.startswith(words("agreement_venue_words")):
        return None
    if not last.group("etc"):  # a count alone: 招商引资24个项目
        return ([], start + last.start("count"), start + last.end()) if last.group("count") else None
    listed = chunk[: last.start()]
    items = [p.strip() for p in _PROJECT_SEP_RE.split(listed) if p.strip()]
    if not items:
        return None
    first = listed.rfind(items[0])
    return items, start + first, start + last.end()


#: between listed projects: 、 always; 和/及/以及 only after a 项目 (丙项目和丁项目)
_PROJECT_SEP_RE = re.compile(r"、|(?<=项目)(?:以及|和|及)")


def _project_items(chunk: str) -> list[str] | None:
    """The projects listed in ``chunk`` up to where the list ends
    (:data:`PROJECT_END_RE`), each as written: ``丙项目、丁项目`` -> [丙项目,
    丁项目]; ``丙、丁等项目`` -> [丙, 丁]; a lone ``丙项目`` -> [丙]. None when
    no list end is found. A list whose items each end in 项目 runs past the
    first 项目 to the last item's."""
    ends = list(PROJECT_END_RE.finditer(chunk))
    if not ends:
        return None
    end = ends[0]
    for nxt in ends[1:]:  # 丙项目、丁项目: the list goes on after a separator
        if not _PROJECT_SEP_RE.match(chunk, end.end()):
            break
        end = nxt
    items = [p.strip() for p in _PROJECT_SEP_RE.split(chunk[: end.start()]) if p.strip()]
    if len(items) > 1 and end.group() == "项目" and items[-2].endswith("项目"):
        items[-1] += "项目"
    return items


def project_list(text: str, start: int, end: int) -> list[str]:
    """The projects of ``就A平台、B合作等项目`` (from after 就): [A平台, B合作];
    ``就丙项目、丁项目`` -> [丙项目, 丁项目]."""
    items = _project_items(text[start:end])
    if items is None:
        return [p.strip() for p in re.split(r"、", text[start:end]) if p.strip()]
    return items


def projects_after(text: str, start: int, end: int) -> list[str]:
    """The projects signed after a trigger, ``签约A、B等4个项目`` -> [A项目, B项目],
    ``签约丙项目和丁项目`` -> [丙项目, 丁项目]; none when the stretch names a
    document (协议, 合同 …) or no project list."""
    chunk = text[start:end]
    lead = _name_start_re().match(chunk)
    chunk = chunk[lead.end() :] if lead else chunk
    if agreement_re().search(chunk):
        return []
    items = _project_items(chunk)
    if not items:
        return []
    return [p if p.endswith("项目") else p + "项目" for p in items]
