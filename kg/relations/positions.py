"""Positions (title + where) from the title chains written around names.

``平顶山市委书记陈向平`` -> Position(陈向平, 市委书记, 平顶山市委);
``集团党委书记、董事长李洪凤`` -> 党委书记 and 董事长, both in the group the
paragraph is about (集团 is a generic mention resolved by kg.context.focus);
``副所长闫继娜、杨金山`` -> both are 副所长; ``市委副书记、市长刘文华`` ->
市长 in the article's city. The chain itself is parsed by
:func:`kg.lexicons.titles.parse_title_chain`; this module decides the title
as the gold writes it and the organization or place it belongs to.
"""

from __future__ import annotations

import re

from kg.doc import Article, LocalEntity, Position
from kg.context.clauses import Ref, TextView
from kg.context.focus import find_entity, focus_place, implied_body
from kg.context.places import PlaceInfo, place_infos
from kg.lexicons.titles import TitleSpan, parse_title_chain, title_after

#: body words that stay part of the title (市委书记, 党组成员, 政协委员)
PARTY_BODIES = ("市委", "省委", "区委", "县委", "州委", "旗委", "党委", "党组", "党工委", "工委", "纪委",
                "政协", "人大常委会", "人大", "董事局", "董事会")
#: roles that belong to a place, with the level of that place
PLACE_ROLES = {"省长": "省", "市长": "市", "区长": "区", "县长": "县", "旗长": "旗"}
#: roles that describe someone without being a post
NOT_POSTS = ("负责人", "领导", "博士")
#: departments of a party committee (区委 + 统战部 -> 区委统战部)
PARTY_DEPARTMENTS = ("统战部", "组织部", "宣传部", "政法委", "纪委")
#: bodies inside any organization: 党委副书记 after 甲集团董事长王一 is 甲集团's
INTERNAL_BODIES = ("党委", "党组", "纪委", "董事会", "董事局", "监事会", "工会")
#: units of a government that the gold folds into it (省政府 + 办公厅)
GOVERNMENT_UNITS = ("办公厅", "办公室", "研究室")
#: characters of stop words that break a title chain when they occur inside a name (重庆正和岛)
_MASK_CHARS = set("与和及同由在到赴向对是的了将把被为率等日")
#: roles that head the government of their place (市长 -> the city government)
HEAD_ROLES = ("省长", "市长", "区长", "县长", "州长", "旗长")
#: bylines: 责任编辑:安艳鸽 郭栩汝, (记者李家鸣)
BYLINE_RE = re.compile(r"(责任编辑|编辑|记者|通讯员)[:：\s]*$")
MEDIA_SUFFIXES = ("日报", "晚报", "报", "新闻网", "电视台", "融媒体中心", "广播电视台")
_COMPANY = ("公司", "集团", "企业", "银行")
#: the kind of organization (name endings) a bare role belongs to: 副总裁 -> the company named before
ROLE_ORG_ENDINGS = {"校长": ("大学", "学院", "学校", "中学", "小学"), "院长": ("院",), "所长": ("所",),
                    "会长": ("会",), "理事长": ("会",), "秘书长": ("会",), "行长": ("银行",),
                    "董事长": _COMPANY, "总裁": _COMPANY, "总经理": _COMPANY, "董事": _COMPANY,
                    "总监": _COMPANY, "总工程师": _COMPANY, "主任": ("实验室", "中心")}
#: academic titles written after a name (院长王一教授): a title in the org of the title before it
POST_NAME_TITLES = ("教授", "研究员", "副教授", "副研究员")


def _place_role(role: str) -> str | None:
    for r, level in PLACE_ROLES.items():
        if role.endswith(r):
            return level
    return None


def gold_title(item: TitleSpan) -> str:
    """The title as the annotation guide writes it (no leading named entity)."""
    body = item.title[: len(item.title) - len(item.role)]
    if not body:
        return item.role
    prefix = (item.org_text or "")[: -len(body)] if item.org_text and item.org_text.endswith(body) else ""
    if body in PARTY_BODIES:
        if prefix in ("省", "市", "区", "县") and body in ("政协", "人大常委会", "人大"):
            return prefix + item.title
        return item.title
    return item.title if not prefix else item.role


class _Resolver:
    def __init__(self, article: Article, view: TextView, infos: dict[int, PlaceInfo]):
        self.article, self.view, self.infos = article, view, infos

    def org_of_span(self, start: int, end: int) -> tuple[int | None, int]:
        """The entity an item's org text names, and where its unnamed rest starts.

        The last name in the span wins (唐山市委 over 唐山); a name that
        started before the span (the chain parser stops at 和 in
        工业和信息化部) counts as well.
        """
        ref = None
        for pos in range(end - 1, start - 1, -1):
            ref = self.view.ref_at(pos)
            if ref is not None:
                break
        if ref is None:
            return None, start
        return ref.entity, ref.end

    def unit_of(self, prev_org: int | None, unit: str) -> int | None:
        """An unnamed unit after an item with an org: 区委常委、统战部部长 ->
        区委统战部; 省政府秘书长、办公厅主任 -> 省政府; 市政协副主席、经信委主任
        -> the city's 经信委."""
        if prev_org is None or not unit:
            return None
        prev = self.article.entities[prev_org]
        if prev.type == "Organization" and prev.name.endswith("委") and unit in PARTY_DEPARTMENTS:
            found = find_entity(self.article, prev.name + unit, "Organization")
            if found is not None:
                return found
            self.article.entities.append(
                LocalEntity(prev.name + unit, "Organization", subtype="GovernmentBody", context=prev.context))
            return len(self.article.entities) - 1
        if prev.type == "Organization" and prev.name.endswith("政府") and unit in GOVERNMENT_UNITS:
            return prev_org
        if prev.type == "Organization" and unit in INTERNAL_BODIES and not prev.name.endswith(("委", "政府")):
            return prev_org  # 甲集团董事长、党委书记: the group's party committee is the group
        place = self.place_of(prev_org, 0)
        return implied_body(self.article, place, unit) if place is not None else None

    def place_of(self, entity: int | None, offset: int) -> int | None:
        """The place an organization belongs to (深圳市委 -> 深圳市)."""
        if entity is None:
            return None
        e = self.article.entities[entity]
        if e.type == "Place":
            return entity
        best = None
        for i, info in self.infos.items():
            p = self.article.entities[i]
            for n in (p.name, info.stem, *p.aliases):
                if len(n) >= 2 and (e.name.startswith(n) or e.name.startswith("中共" + n)):
                    if best is None or len(n) > best[1]:
                        best = (i, len(n))
        return best[0] if best else None

    def media(self) -> int | None:
        for i, e in enumerate(self.article.entities):
            if e.type == "Organization" and e.name.endswith(MEDIA_SUFFIXES):
                return i
        pub = self.article.meta.publisher
        return find_entity(self.article, pub, "Organization") if pub else None

    def government_of(self, place: int) -> int | None:
        p = self.article.entities[place]
        info = self.infos.get(place)
        full = {p.name}
        if info is not None and info.char and not p.name.endswith(info.char):
            full.add(p.name + info.char)
        names = {f + g for f in full for g in ("政府", "人民政府")}
        for i, e in enumerate(self.article.entities):
            if e.type == "Organization" and (e.name in names or e.aliases & names):
                return i
        return None


def masked_text(article: Article, view: TextView) -> str:
    """The text with stop-word characters inside names masked (重庆正和岛 keeps a chain going)."""
    chars = list(article.text)
    for r in view.refs:
        if r.type != "Person":
            for i in range(r.start, r.end):
                if chars[i] in _MASK_CHARS:
                    chars[i] = "〇"
    return "".join(chars)


def _chain_for(article: Article, view: TextView, ref: Ref, chains: dict[int, list[TitleSpan]], text: str) -> list[TitleSpan]:
    chain = parse_title_chain(text, ref.start)
    if chain:
        return chain
    # a name listed after another one shares its titles: 副所长闫继娜、杨金山
    j = ref.start - 1
    if j >= 0 and text[j] in "、 ":
        prev = view.ref_at(j - 1)
        if prev is not None and prev.type == "Person" and prev.end == j and prev.mention in chains:
            return chains[prev.mention]
    return []


def _org_of_kind(article: Article, view: TextView, item: TitleSpan, offset: int) -> int | None:
    """The nearest organization earlier in the sentence whose kind fits a bare role.

    ``乙集团董事长王三表示，副总裁王四说``: 副总裁 belongs to the company named
    before it in the same sentence; a role of another kind (副市长) takes none.
    """
    role = item.role.removeprefix("常务").removeprefix("副").removeprefix("执行")
    endings = ROLE_ORG_ENDINGS.get(role)
    if not endings:
        return None
    sent = article.sentences[article.sentence_of(offset)]
    for r in reversed(view.refs):
        if r.end > item.start or r.start < sent.start:
            continue
        e = article.entities[r.entity]
        if r.type == "Organization" and not r.generic and e.name.endswith(endings):
            return r.entity
    return None


def _split_post_name(view: TextView, chain: list[TitleSpan]) -> tuple[list[TitleSpan], Ref | None]:
    """Cut a chain at an item whose org text ends with a person's name.

    ``院长王一教授、副院长王二``: the chain before 王二 reads ``王一教授``
    as an item with org 王一; a person is never an org, so the items up to
    it are not 王二's, and the person is returned as the owner of that title.
    """
    for k in range(len(chain) - 1, -1, -1):
        item = chain[k]
        if item.org_start is None or item.org_end is None:
            continue
        ref = view.ref_at(item.start - 1)
        if ref is not None and ref.type == "Person" and ref.end == item.start:
            return chain[k + 1 :], ref
    return chain, None


def _list_org(article: Article, view: TextView, chain: list[TitleSpan], ref: Ref, chain_orgs: dict[int, int | None]):
    """The org a chain without one inherits from the person listed before it.

    ``所长苏良碧，副所长闫继娜`` and ``党委书记包翠艳、副所长刘中民``: the second
    chain names no org, and only punctuation separates it from the first name;
    ``甲集团董事长王一，党委副书记、总经理李二``: an internal body (党委) of
    the organization names none either.
    """
    if not chain:
        return None
    if chain[0].org_start is not None and chain[0].org_text not in INTERNAL_BODIES:
        return None
    start = chain[0].start
    i = start - 1
    while i >= 0 and article.text[i] in "、，, ":
        i -= 1
    for t in POST_NAME_TITLES:  # 院长王一教授，副院长王二
        if article.text.endswith(t, 0, i + 1) and view.ref_at(i - len(t)) is not None:
            i -= len(t)
            break
    prev = view.ref_at(i)
    if prev is None or prev.type != "Person" or i >= start - 1:
        return None
    return chain_orgs.get(prev.mention)


def extract_positions(article: Article, view: TextView) -> None:
    """Fill article.positions (one per person, title and place/organization)."""
    infos = place_infos(article)
    res = _Resolver(article, view, infos)
    text = masked_text(article, view)
    seen: set[tuple[int, str, int | None]] = set()
    chains: dict[int, list[TitleSpan]] = {}
    chain_orgs: dict[int, int | None] = {}
    persons_with_titles: set[int] = set()

    def add(person: int, title: str, org: int | None, offset: int) -> None:
        key = (person, title, org)
        if key in seen:
            return
        seen.add(key)
        sent = article.sentence_of(offset)
        article.positions.append(Position(person, title, org, sent, article.sentences[sent].text if article.sentences else ""))
        persons_with_titles.add(person)

    for ref in view.refs:
        if ref.type != "Person" or ref.generic:
            continue
        byline = BYLINE_RE.search(text, max(0, ref.start - 8), ref.start)
        if byline:
            role = byline.group(1)
            add(ref.entity, role, res.media() if role == "记者" else None, ref.start)
            chains[ref.mention] = [TitleSpan(byline.start(1), byline.end(1), role, role)]
            continue
        chain = _chain_for(article, view, ref, chains, text)
        chain, owner = _split_post_name(view, chain)
        chains[ref.mention] = chain
        prev_org = _list_org(article, view, chain, ref, chain_orgs)
        if owner is not None and chain and chain[0].org_start is None:  # 院长王一教授、副院长王二
            prev_org = chain_orgs.get(owner.mention)
        if prev_org is None and chain and chain[0].org_start is None:
            prev_org = _org_of_kind(article, view, chain[0], ref.start)
        for item in chain:
            if item.is_group or item.role in NOT_POSTS:
                prev_org = None
                continue
            title = gold_title(item)
            org, rest = res.org_of_span(item.org_start, item.org_end) if item.org_start is not None else (None, 0)
            if item.org_start is not None and org is None:
                org = res.unit_of(prev_org, text[item.org_start : item.org_end])
            elif item.org_start is None:
                org = prev_org
            kind = _place_role(item.role)
            if kind is not None:
                place = res.place_of(org, item.start)
                if place is None or not infos[place].fits(kind):
                    cand = focus_place(article, infos, kind, item.start)
                    place = cand if cand is not None else place
                org = place
            elif item.role == "记者" and org is None:
                org = res.media()
            elif item.role.endswith("总书记"):
                org = None
            add(ref.entity, title, org, ref.start)
            prev_org = org
        if chain:
            chain_orgs[ref.mention] = prev_org
        post = title_after(text, ref.end)
        if chain and post is not None and post.role in POST_NAME_TITLES:
            add(ref.entity, post.title, prev_org, ref.start)  # 院长王一教授: 教授 of the same org
    # titles written after the name (徐进市长) for people without a chain
    for ref in view.refs:
        if ref.type != "Person" or ref.generic or ref.entity in persons_with_titles:
            continue
        item = title_after(text, ref.end)
        if item is None or item.is_group:
            continue
        kind = _place_role(item.role)
        org = focus_place(article, infos, kind, ref.start) if kind else None
        add(ref.entity, item.title, org, ref.start)


def affiliations(article: Article, infos: dict[int, PlaceInfo] | None = None) -> list[tuple[int, int, int]]:
    """(person, organization, position index) for every position in an organization.

    A place title (市长) affiliates its holder with that place's government
    when the article names it; deputies (副市长) are not affiliated by it.
    """
    infos = infos if infos is not None else place_infos(article)
    res = _Resolver(article, None, infos)  # type: ignore[arg-type]
    out = []
    for i, p in enumerate(article.positions):
        if p.org is None:
            continue
        e = article.entities[p.org]
        if e.type == "Organization":
            out.append((p.person, p.org, i))
        elif e.type == "Place" and p.title in HEAD_ROLES:
            gov = res.government_of(p.org)
            if gov is not None:
                out.append((p.person, gov, i))
    return out
