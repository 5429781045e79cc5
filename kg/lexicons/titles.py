"""Title lexicon and title-chain parsing.

A *title* is a role as written, e.g. ``书记``, ``副市长``, ``常务副区长``,
``董事长``, ``院士``, ``责任编辑``; it may carry a *body* word that names the
kind of organization it belongs to: ``市委书记``, ``党工委副书记``,
``管委会主任``, ``政协委员``, ``董事局主席``.

Titles are composable::

    title := [BODY] [MODIFIER]* [副] ROLE
    BODY     := 市委 | 省委 | 区委 | 党委 | 党组 | 党工委 | 管委会 | 政协 | 人大常委会 | 董事局 | ...
    MODIFIER := 常务 | 代 | 执行 | 技术 | 轮值 | 名誉 | ...
    ROLE     := 书记 | 市长 | 主任 | 董事长 | 总经理 | 所长 | 院士 | 记者 | ...

A *title chain* is the run of ``[org prefix] title`` items, joined by ``、``,
that stands right before a person's name::

    唐山市委副书记、高新区党工委书记张旭
      -> TitleSpan(title='市委副书记', role='副书记', org_text='唐山市委')
         TitleSpan(title='党工委书记', role='书记',   org_text='高新区党工委')
    集团党委书记、董事长李洪凤
      -> TitleSpan(title='党委书记', role='书记', org_text='集团')
         TitleSpan(title='董事长',   role='董事长', org_text=None)   # same org as the item before

``org_text`` is the organization named in the item: the words before the
title plus the title's body word (``唐山市委`` for ``唐山市委副书记``), or the
words before the title when it has no body (``集团`` for ``集团党委书记``,
``中科院西安分院`` for ``中科院西安分院副院长``). It is ``None`` when the
item is a bare title: the caller decides whether it inherits the org of the
previous item (``集团党委书记、董事长``) or the context's.

Use :func:`parse_title_chain` for the chain before a name, and
:func:`title_after` for a title written after the name (``徐进市长``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.lexicons.load import derived, words

#: the concepts (kg/lexicons/data/title_*.tsv)
_ROLES, _MODIFIERS, _BODIES, _DEPUTY = "title_roles", "title_modifiers", "title_bodies", "title_deputy"


@derived
def roles() -> tuple[str, ...]:
    """Bare roles (without 副 and modifiers)."""
    return words(_ROLES, "role")


@derived
def modifiers() -> tuple[str, ...]:
    """Words before a role that are part of the title."""
    return words(_MODIFIERS, "modifier")


@derived
def bodies() -> tuple[str, ...]:
    """Body words: the kind of body a title belongs to, written as part of the title."""
    return words(_BODIES, "title")


@derived
def group_roles() -> tuple[str, ...]:
    """Roles that name a group, not a person's title (市领导罗福迎、段志广)."""
    return words("title_not_posts", "group")


@derived
def separators() -> str:
    """Between the items of a chain: 、 and 兼 (董事长兼总经理: two titles)."""
    return "".join(words("title_separators", "chain"))


@derived
def _stop_words() -> tuple[str, ...]:
    return words("title_chain_stops", "chain")


def _titles() -> frozenset[str]:
    deputies = words(_DEPUTY)
    before = words(_MODIFIERS, "before_deputy")
    rs, ms, bs = roles(), modifiers(), bodies()
    return frozenset(
        set(rs)
        | {d + r for d in deputies for r in rs}
        | {m + r for m in ms for r in rs}
        | {m + d + r for m in ms for d in deputies for r in rs}
        | {b + r for b in bs for r in rs}
        | {b + d + r for b in bs for d in deputies for r in rs}
        | {c + d + r for c in before for d in deputies for r in rs}
    )


#: kept as names for the modules that import them (built from the data at import)
ROLES = roles()
MODIFIERS = modifiers()
BODIES = bodies()
GROUP_ROLES = group_roles()
#: every title word a person may carry, for lookups (composed forms included)
TITLES: frozenset[str] = _titles()
SEPARATORS = separators()
#: characters that end an org prefix when walking left inside a chain item
_HARD_STOP = set(" \t\n\r,，。；;:：!！?？“”\"'‘’「」『』《》<>()（）[]【】|/·•—-_…　")


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _opt(words) -> str:
    """An optional group of the words: ``(?:a|b)?`` (nothing when none)."""
    return f"(?:{_alt(words)})?" if words else ""


@derived
def title_regex() -> re.Pattern:
    """Regex of one title: groups ``body``, ``role`` (with 副/modifiers)."""
    return re.compile(
        f"(?P<body>{_alt(bodies())})?(?P<role>{_opt(modifiers())}{_opt(words(_MODIFIERS, 'before_deputy'))}"
        f"{_opt(words(_DEPUTY))}(?:{_alt(roles())}))"
    )


@derived
def _rev_title_regex() -> re.Pattern:
    """Title regex over reversed text, to find the longest title ending at a point."""
    rev = lambda ws: [w[::-1] for w in ws]  # noqa: E731
    return re.compile(f"(?P<role>(?:{_alt(rev(roles()))}){_opt(rev(words(_DEPUTY)))}"
                      f"{_opt(rev(words(_MODIFIERS, 'before_deputy')))}{_opt(rev(modifiers()))})"
                      f"(?P<body>{_alt(rev(bodies()))})?")


@dataclass(frozen=True)
class TitleSpan:
    """One title of a chain, article (or text) offsets, half-open."""

    start: int  # start of the title (body word included)
    end: int
    title: str  # as written without a leading named entity: 市委副书记, 党委书记, 董事长
    role: str  # the role without body word: 副书记, 书记, 董事长
    org_text: str | None = None  # 唐山市委, 集团, 中科院西安分院; None for a bare title
    org_start: int | None = None
    org_end: int | None = None

    @property
    def is_group(self) -> bool:
        """True for 市领导 / 区领导: a group marker, not a post."""
        return self.role in group_roles()


def title_ending_at(text: str, end: int) -> tuple[int, str, str] | None:
    """The longest title ending exactly at ``end``: (start, body, role) or None."""
    lo = max(0, end - 16)
    rev = text[lo:end][::-1]
    m = _rev_title_regex().match(rev)
    if not m:
        return None
    role = m.group("role")[::-1]
    body = (m.group("body") or "")[::-1]
    return end - len(m.group(0)), body, role


def title_at(text: str, start: int) -> tuple[int, str, str] | None:
    """The longest title starting exactly at ``start``: (end, body, role) or None."""
    m = title_regex().match(text, start)
    if not m:
        return None
    return m.end(), m.group("body") or "", m.group("role")


def _org_prefix_start(text: str, end: int, limit: int = 24) -> int:
    """Walk left from ``end`` over an organization prefix; returns its start."""
    i = end
    lo = max(0, end - limit)
    while i > lo:
        ch = text[i - 1]
        if ch in _HARD_STOP or ch in separators() or ch.isdigit():
            break
        if any(text.endswith(w, 0, i) for w in _stop_words()):
            break
        # an earlier title ends here: the prefix stops after it (市长X市委书记 is two items)
        i -= 1
    return i


def _item(text: str, end: int) -> TitleSpan | None:
    """Parse one ``[org] title`` item that ends at ``end``."""
    t = title_ending_at(text, end)
    if t is None:
        return None
    tstart, body, role = t
    prefix_start = _org_prefix_start(text, tstart)
    # a prefix that is itself a title (市长 in 副市长) is not an org
    org_text = text[prefix_start:tstart] + body
    if not org_text:
        return TitleSpan(tstart, end, body + role, role)
    if body:
        # the title keeps its body word: 平顶山市委书记 -> title 市委书记, org 平顶山市委
        return TitleSpan(tstart, end, body + role, role, org_text, prefix_start, tstart + len(body))
    return TitleSpan(tstart, end, role, role, org_text, prefix_start, tstart)


def parse_title_chain(text: str, name_start: int) -> list[TitleSpan]:
    """The title chain written right before the name at ``name_start``.

    Items are returned left to right; an empty list means no title stands
    right before the name. Example: for ``唐山市委副书记、高新区党工委书记张旭``
    and the offset of 张旭, two spans (唐山市委/市委副书记, 高新区党工委/党工委书记).
    """
    out: list[TitleSpan] = []
    end = name_start
    if end > 1 and text[end - 1] == " " and "\u4e00" <= text[end - 2] <= "\u9fff":
        end -= 1  # a single space between title and name (副市长 孔令辉)
    while True:
        item = _item(text, end)
        if item is None:
            break
        out.append(item)
        first = item.org_start if item.org_start is not None else item.start
        if first > 0 and text[first - 1] in separators():
            end = first - 1
            continue
        break
    out.reverse()
    return out


def title_after(text: str, name_end: int) -> TitleSpan | None:
    """A title written right after a name (``徐进市长``, ``董绍明院士``)."""
    t = title_at(text, name_end)
    if t is None:
        return None
    end, body, role = t
    return TitleSpan(name_end, end, body + role, role)


def starts_with_title(text: str, pos: int) -> bool:
    return title_regex().match(text, pos) is not None
