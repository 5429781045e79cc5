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
from functools import lru_cache

#: bare roles (without 副 and modifiers)
ROLES = (
    "总书记", "书记", "常委", "委员", "成员", "委员长", "总理", "国务委员",
    "省长", "市长", "区长", "县长", "州长", "镇长", "乡长", "旗长", "盟长",
    "主任", "主席", "秘书长", "部长", "厅长", "局长", "处长", "科长", "司长", "署长",
    "所长", "院长", "校长", "站长", "馆长", "社长", "行长", "台长", "园长",
    "董事长", "董事", "总经理", "经理", "总裁", "总监", "首席执行官", "总工程师", "总经济师",
    "总会计师", "监事长", "监事", "会长", "理事长", "理事", "院士", "教授", "研究员",
    "主编", "总编辑", "记者", "责任编辑", "编辑", "通讯员", "摄影", "负责人", "巡视员", "调研员",
    "领导", "组长", "队长", "团长", "指挥长", "专员", "参事", "大使", "领事", "总领事",
    "首席科学家", "创始人", "合伙人", "博士", "总干事", "干事", "秘书",
    "国务卿", "国务秘书", "议员", "议长", "首相", "州议员", "市议员",
    # Hong Kong / Macau: 行政长官 (特首), 司长 and 局长 of the SAR government
    "行政长官", "特首",
    # media titles: 全媒体记者, 首席记者
    "全媒体记者", "融媒体记者", "特约记者", "见习记者", "实习记者", "特派记者", "首席记者", "驻站记者",
)
#: words before a role that are part of the title
MODIFIERS = ("常务", "执行", "代", "技术", "行政", "轮值", "名誉", "荣誉", "专职", "第一", "首席", "总", "资深", "高级")
#: body words: the kind of body a title belongs to, written as part of the title
BODIES = (
    "人大常委会", "党工委", "管委会", "市委", "省委", "区委", "县委", "州委", "旗委", "镇委", "乡委",
    "党委", "党组", "纪委", "工委", "政协", "人大", "董事局", "董事会", "监事会", "理事会",
    "统战部", "组织部", "宣传部", "办公厅", "办公室", "发改委", "经信委", "工信委", "科协",
)
#: roles that name a group, not a person's title (市领导罗福迎、段志广)
GROUP_ROLES = ("领导",)

#: every title word a person may carry, for lookups (composed forms included)
TITLES: frozenset[str] = frozenset(
    {r for r in ROLES}
    | {"副" + r for r in ROLES}
    | {m + r for m in MODIFIERS for r in ROLES}
    | {m + "副" + r for m in MODIFIERS for r in ROLES}
    | {b + r for b in BODIES for r in ROLES}
    | {b + "副" + r for b in BODIES for r in ROLES}
    | {"常务副" + r for r in ROLES}
)

#: between the items of a chain: 、 and 兼 (董事长兼总经理: two titles)
SEPARATORS = "、兼"
#: characters that end an org prefix when walking left inside a chain item
_HARD_STOP = set(" \t\n\r,，。；;:：!！?？“”\"'‘’「」『』《》<>()（）[]【】|/·•—-_…　")
_STOP_WORDS = (
    "与", "和", "及", "同", "由", "在", "到", "赴", "向", "对", "是", "的", "了", "将", "把", "被", "为",
    "率", "带领", "会见", "陪同", "出席", "参加", "主持", "举行", "代表", "欢迎", "表示", "以及", "等",
    "邀请", "获悉", "据悉", "日", "上午", "下午", "晚上",
)


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=1)
def title_regex() -> re.Pattern:
    """Regex of one title: groups ``body``, ``role`` (with 副/modifiers)."""
    return re.compile(
        f"(?P<body>{_alt(BODIES)})?(?P<role>(?:{_alt(MODIFIERS)})?(?:常务)?副?(?:{_alt(ROLES)}))"
    )


@lru_cache(maxsize=1)
def _rev_title_regex() -> re.Pattern:
    """Title regex over reversed text, to find the longest title ending at a point."""
    roles = _alt(r[::-1] for r in ROLES)
    mods = _alt(m[::-1] for m in MODIFIERS)
    bodies = _alt(b[::-1] for b in BODIES)
    return re.compile(f"(?P<role>(?:{roles})副?(?:务常)?(?:{mods})?)(?P<body>{bodies})?")


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
        return self.role in GROUP_ROLES


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
        if ch in _HARD_STOP or ch in SEPARATORS or ch.isdigit():
            break
        if any(text.endswith(w, 0, i) for w in _STOP_WORDS):
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
        if first > 0 and text[first - 1] in SEPARATORS:
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
