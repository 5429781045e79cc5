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
from typing import NamedTuple

from kg.decisions import record
from kg.doc import Article, Position
from kg.context.clauses import Ref, TextView
from kg.context.focus import find_entity, focus_place, implied_body
from kg.context.places import PlaceInfo, place_infos
from kg.lexicons.titles import SEPARATORS, TitleSpan, parse_title_chain, title_after

from kg.lexicons.load import alternation, by_scope, derived, entries, words
from kg.lexicons.org_lexicon import company_suffixes


class BarePost(NamedTuple):
    """A post extraction left without a body: where its holder's name starts, and the
    body word written in the title that named no entity (集团公司 of 集团公司董事长), or ""."""

    offset: int
    written: str


_BODIES = "title_bodies"


def _bodies(use: str) -> tuple[str, ...]:
    """Body words of one use (data/title_bodies.tsv): party (stay part of the title:
    市委书记, 党组成员, 政协委员), local_assembly (keep a level prefix: 市政协主席),
    department (区委 + 统战部: 区委统战部 where the text names it, else the title
    sits in 区委, D15), internal (the group's 党委 is the
    group), gov_unit (省政府 + 办公厅 is the government), named_role (after a named
    body the title is the bare role: 甲市政协副主席 -> 副主席)."""
    return words(_BODIES, use)


@derived
def place_roles() -> dict[str, str]:
    """Roles that belong to a place, with the level of that place (its first character: 市长 -> 市)."""
    return {r: r[0] for r in words("title_place_roles", "place")}


@derived
def _mask_chars() -> frozenset[str]:
    """Characters of stop words that break a title chain when they occur inside a name (重庆正和岛)."""
    return frozenset(words("title_chain_stops", "mask"))


@derived
def byline_re() -> re.Pattern:
    """Bylines: 责任编辑:安艳鸽 郭栩汝, (记者李家鸣), (记者/徐林), 记者|杨鸣宇."""
    return re.compile(r"(" + "|".join(re.escape(w) for w in words("title_byline_roles", "byline")) + r")[:：/／|｜\s]*$")


@derived
def media_suffixes() -> tuple[str, ...]:
    return words("relation_media_suffixes")


@derived
def role_org_endings() -> dict[str, tuple[str, ...]]:
    """The kind of organization (name endings) a bare role belongs to: 副总裁 -> the company named before."""
    return by_scope("relation_role_org_endings")


@derived
def _dateline_re() -> re.Pattern:
    """What follows the outlet in a dateline: 9月7日合肥讯, 台北10月28日电, 8月28日清远消息
    (data/title_dateline_markers.tsv), or a slash and a date (台湾好新闻/ 2015.10.07)."""
    markers = "|".join(re.escape(w) for w in words("title_dateline_markers", "dateline"))
    return re.compile(r"[ \u3000]*(?:[^，。,；;：:\n（）()【】\[\]]{0,16}?(?:" + markers
                      + r")(?=[\s（(【])|/\s*\d)")


def dateline_outlet(article: Article) -> int | None:
    """The organization that opens a dateline line (中国台湾网9月7日合肥讯 ...,
    中新社上海10月13日电): the outlet of the article's bylines (D16). A
    newspaper named after it in the dateline is the outlet (甲网-乙日报6月28日讯: 乙日报)."""
    text = article.text
    orgs = [(article.mentions[k], i) for i, e in enumerate(article.entities) if e.type == "Organization"
            for k in e.mentions]
    best = None
    for m, i in orgs:
        j = m.start
        while j > 0 and text[j - 1] in " \u3000\t":
            j -= 1
        if j > 0 and text[j - 1] != "\n":
            continue
        d = _dateline_re().match(text, m.end)
        if d and (best is None or m.start < best[0]):
            papers = [(n.start, o) for n, o in orgs if m.end <= n.start and n.end <= d.end()
                      and article.entities[o].name.endswith(media_suffixes())]
            best = (m.start, max(papers)[1] if papers else i)
    return best[1] if best else None


@derived
def _byline_gap_re() -> re.Pattern:
    """What may stand between an outlet and the byline role it names: brackets,
    slashes, colons, spaces, and the words that follow an outlet in a dateline
    (甘州融媒讯 (记者, 云上咸安报道(记者, 【劲报/记者: data/org_media_outlets.tsv, scope after,
    and data/title_dateline_markers.tsv)."""
    after = alternation("org_media_outlets", "after")
    markers = alternation("title_dateline_markers", "dateline")
    return re.compile(rf"(?:[\s(（【\[/／|｜:：]|{after}|{markers})*")


@derived
def _outlet_endings() -> tuple[str, ...]:
    """How a news outlet's name ends (data/org_media_outlets.tsv, scope suffix, and
    data/relation_media_suffixes.tsv): a correspondent's unit (清远台办) or a source
    that is no medium (来源：科技部) is no byline's outlet."""
    return tuple(dict.fromkeys((*words("org_media_outlets", "suffix"), *media_suffixes())))


def _outlet_mentions(article: Article) -> list:
    """The mentions of organizations named like a news outlet (:func:`_outlet_endings`)."""
    ents = article.entities
    return [m for m in article.mentions if m.entity is not None and ents[m.entity].type == "Organization"
            and ents[m.entity].name.endswith(_outlet_endings())]


def outlet_before(article: Article, at: int) -> int | None:
    """The outlet written right before the byline role at ``at`` (长岭融媒记者：张明,
    甘州融媒讯 (记者 张明, 【劲报/记者张明): the byline names its outlet."""
    near = [m for m in _outlet_mentions(article)
            if 0 <= at - m.end <= 6 and _byline_gap_re().fullmatch(article.text, m.end, at)]
    return max(near, key=lambda m: m.end).entity if near else None


@derived
def _source_label_re() -> re.Pattern:
    """A source label and its colon (来源：, 稿件来源: data/org_media_outlets.tsv, scope label)."""
    return re.compile(rf"(?:{alternation('org_media_outlets', 'label')})\s*[:：]\s*[【\[]?$")


def source_outlet(article: Article) -> int | None:
    """The outlet a source line names (来源：湛江云媒), the first one: a byline's
    outlet when no dateline names one (D16: a 来源 line counts)."""
    named = [m for m in _outlet_mentions(article)
             if _source_label_re().search(article.text, max(0, m.start - 8), m.start)]
    return min(named, key=lambda m: m.start).entity if named else None


def _body_endings(use: str) -> tuple[str, ...]:
    """Name endings of a body (data/relation_body_endings.tsv): committee (委), government (政府), gov_name."""
    return words("relation_body_endings", use)


def _not_posts() -> tuple[str, ...]:
    """Roles that describe someone without being a post."""
    return words("title_not_posts", "not_post")


def _media_roles() -> tuple[str, ...]:
    """Byline roles held in the publishing medium (记者)."""
    return words("title_byline_roles", "media")


def post_name_titles() -> tuple[str, ...]:
    """Academic titles written after a name (院长王一教授): a title in the org of
    the title before it; tried in file order (教授 before 副教授)."""
    return words("title_post_name")


def _former(text: str, view: TextView, item: TitleSpan) -> bool:
    """A former-post marker (data/title_former_markers.tsv: 原, 曾任) right
    before the title or before its body or place (原副市长, 原临海市副市长)."""
    leads = {item.start, item.org_start if item.org_start is not None else item.start}
    # where a lead is inside or at the end of a name, the marker must stand before the
    # name, not be part of it (平原县委副书记: 原 belongs to the county's name)
    leads = {min((r.start for r in view.refs if r.start < lead <= r.end), default=lead) for lead in leads}
    for lead in leads:
        before = text[max(0, lead - 4) : lead]
        if before.endswith(words("title_former_markers", "former")) and \
                not before.endswith(words("title_former_markers", "not_former")):
            return True
    return False


def bare_role(role: str) -> str:
    """A role without its deputy and acting markers (data/title_strip_prefixes.tsv, in file
    order: 常务, 副, 执行): 常务副总裁 -> 总裁."""
    for prefix in words("title_strip_prefixes"):
        role = role.removeprefix(prefix)
    return role


def place_role(role: str) -> str | None:
    for r, level in place_roles().items():
        if role.endswith(r):
            return level
    return None


def _region_role(title: str) -> str | None:
    """``head`` or ``member`` for a role of a special administrative region's
    government written without its body (data/title_region_roles.tsv: 行政长官,
    保安司司长), else None."""
    role = _head_role(title)
    for e in entries("title_region_roles"):
        if role == e.word or (e.in_scope("member") and role.endswith(e.word)):
            return e.scope[0]
    return None


@derived
def _self_chars() -> dict[str, tuple[str, ...]]:
    """The last character of an organization's self reference (我校 -> 校, 我所 -> 所;
    data/context_self_refs.tsv), with the self references ending with it."""
    out: dict[str, list[str]] = {}
    for e in entries("context_self_refs"):
        if "Organization" in e.scope:
            out.setdefault(e.word[-1], []).append(e.word)
    return {c: tuple(ws) for c, ws in out.items()}


def self_org(article: Article, lead: str) -> int | None:
    """The organization the article calls itself (我校) when ``lead`` opens
    with that self reference's character: 校党委书记 or 校长 in an article that
    says 我校 (resolved to the publishing school by kg.context.generics)."""
    selfs = _self_chars().get(lead[:1])
    if not selfs:
        return None
    counts: dict[int, int] = {}
    for m in article.mentions:
        if m.generic and m.entity is not None and m.text in selfs and article.entities[m.entity].type == "Organization":
            counts[m.entity] = counts.get(m.entity, 0) + 1
    return max(counts, key=lambda i: counts[i]) if counts else None


def gold_title(item: TitleSpan) -> str:
    """The title as the annotation guide writes it (no leading named entity)."""
    body = item.title[: len(item.title) - len(item.role)]
    if not body:
        return item.role
    prefix = (item.org_text or "")[: -len(body)] if item.org_text and item.org_text.endswith(body) else ""
    if body in _bodies("party"):
        if prefix in words("place_level_chars", "title_prefix") and body in _bodies("local_assembly"):
            return prefix + item.title
        if prefix and body in _bodies("named_role"):
            return item.role  # 甲市政协副主席, 全国政协副主席: the named body is `in`, the title is the role
        return item.title
    return item.title if not prefix else item.role


def _unit_words(use: str) -> tuple[str, ...]:
    """data/title_department_units.tsv: unit (a department written before a role
    and kept in the title, D15: 合作科副科长), mission (a foreign mission, D17: 驻沪总领事)."""
    return words("title_department_units", use)


def _mission(text: str, view: TextView, item: TitleSpan) -> tuple[str, int] | None:
    """A foreign mission after its sending country (D17): ``甲国驻乙国大使`` ->
    (驻乙国大使, 甲国); the country the mission is in is part of the title."""
    if item.org_start is None or item.org_end is None or item.title != item.role:
        return None
    for marker in _unit_words("mission"):
        k = text.find(marker, item.org_start, item.org_end)
        sender = view.ref_at(k - 1) if k > item.org_start else None
        if sender is not None and sender.end == k and not sender.generic:
            return text[k : item.org_end] + item.title, sender.entity
    return None


@derived
def _mission_endings() -> dict[str, tuple[str, ...]]:
    """The name endings of the missions a diplomatic role is held in (data/title_mission_bodies.tsv)."""
    return {role: tuple(sorted(ends, key=len, reverse=True)) for role, ends in by_scope("title_mission_bodies").items()}


def _mission_of(article: Article, place: int, role: str, title: str) -> int:
    """The mission of ``place`` a diplomatic post is held in, where the article names it
    (荷兰驻华大使 -> 荷兰驻华大使馆, data/title_mission_bodies.tsv), else ``place``
    (D17: the sending country). A title naming where the mission is (驻华) needs a
    mission named with it."""
    ends = _mission_endings().get(bare_role(role))
    if not ends:
        return place
    names = [n for n in (article.entities[place].name, *article.entities[place].aliases) if len(n) >= 2]
    k = next((title.find(w) for w in _unit_words("mission") if w in title), -1)
    where = title[k : len(title) - len(role)] if k >= 0 else ""
    for i, e in enumerate(article.entities):
        if e.type == "Organization" and e.name.endswith(ends) and e.name.startswith(tuple(names)) and where in e.name:
            return i
    return place


def written_title(text: str, view: TextView, item: TitleSpan, title: str, org: int | None, rest: int) -> str:
    """The title with the unnamed words of its org text that the guide keeps.

    ``甲市科技局合作科副科长`` -> 合作科副科长 (a department that is no entity,
    D15); ``巴西驻沪总领事`` -> 驻沪总领事 (D17); ``市政府秘书长`` ->
    市政府秘书长, ``市教育局局长`` -> 市教育局局长 and ``县委办主任`` ->
    县委办主任 (a level and a body that no name precedes: the guide keeps
    generic body words, minus only a leading named place or organization;
    not for a place's own head: 市政府副市长 is 副市长).
    """
    if item.org_start is None or item.org_end is None:
        return title
    if title == item.role:
        lead = rest if org is not None else item.org_start
        unnamed = text[lead : item.org_end]
        inside = any(r.start < item.org_end and r.end > lead for r in view.refs)
        unit = unnamed.endswith(_unit_words("unit")) and not unnamed.endswith(company_suffixes())
        if unnamed and not inside and (unnamed.startswith(_unit_words("mission")) or unit
                                       or unnamed in _unit_words("committee")):
            return unnamed + title
    org_text = text[item.org_start : item.org_end]
    named = any(not r.generic and r.start < item.org_end and r.end > item.org_start for r in view.refs)
    written = text[item.org_start : item.end]
    if not named and len(org_text) >= 2 and org_text.startswith(words("place_level_chars", "title_prefix")) and \
            not org_text.endswith(company_suffixes()) and place_role(item.role) is None and written.endswith(title):
        return written  # (市政公司总经理: a company, whose name the level character begins, is no generic body)
    return title


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
        区委统战部 where the article names that department, else 区委 (D15); 省政府秘书长、办公厅主任 -> 省政府; 市政协副主席、经信委主任
        -> the city's 经信委."""
        if prev_org is None or not unit:
            return None
        prev = self.article.entities[prev_org]
        if prev.type == "Organization" and prev.name.endswith(_body_endings("committee")) and unit in _bodies("department"):
            found = find_entity(self.article, prev.name + unit, "Organization")
            return found if found is not None else prev_org
        if prev.type == "Organization" and prev.name.endswith(_body_endings("government")) and unit in _bodies("gov_unit"):
            return prev_org
        if prev.type == "Organization" and unit in _bodies("internal") \
                and not prev.name.endswith(_body_endings("committee") + _body_endings("government")):
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
                if len(n) >= 2 and (e.name.startswith(n) or any(e.name.startswith(p + n) for p in words("place_org_prefixes"))):
                    if best is None or len(n) > best[1]:
                        best = (i, len(n))
        return best[0] if best else None

    def media(self, at: int | None = None) -> int | None:
        """The outlet of a byline whose role is written at ``at``: the one the byline
        names (:func:`outlet_before`), else the dateline's, else the source line's
        (来源：临海新闻网), else an organization named like a medium, else the page's
        publisher (D16)."""
        outlet = outlet_before(self.article, at) if at is not None else None
        if outlet is None:
            outlet = dateline_outlet(self.article)
        if outlet is None:
            outlet = source_outlet(self.article)
        if outlet is not None:
            return outlet
        for i, e in enumerate(self.article.entities):
            if e.type == "Organization" and e.name.endswith(media_suffixes()):
                return i
        pub = self.article.meta.publisher
        return find_entity(self.article, pub, "Organization") if pub else None

    def region(self) -> int | None:
        """The one special administrative region (香港, 澳门) among the article's places."""
        from kg.lexicons.gazetteer import SAR_CODES

        codes = {info.code for info in self.infos.values() if info.code in SAR_CODES}
        if len(codes) != 1:
            return None
        return next(i for i, info in self.infos.items() if info.code in codes)

    def region_org(self, kind: str) -> int | None:
        """The org of a region role (as 市长 in its city): ``head`` (行政长官)
        in the region, ``member`` (保安司司长) in its government when named."""
        place = self.region()
        if place is None:
            return None
        gov = self.government_of(place)
        if kind == "member" and gov is not None:
            return gov
        return place

    def government_of(self, place: int) -> int | None:
        p = self.article.entities[place]
        info = self.infos.get(place)
        full = {p.name}
        if info is not None and info.char and not p.name.endswith(info.char):
            full.add(p.name + info.char)
        if info is not None and self.region() == place:  # 澳门特区政府, 澳门特别行政区政府
            full |= {n + r for n in {p.name, *p.aliases} for r in ("", *words("org_region_bodies", "region"))}
            full |= {n + b[: -len(g)] for n in {p.name, *p.aliases} for b in words("org_region_bodies", "body")
                     for g in _body_endings("gov_name") if b.endswith(g)}
        names = {f + g for f in full for g in _body_endings("gov_name")}
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
                if chars[i] in _mask_chars():
                    chars[i] = "〇"
    return "".join(chars)


def _full_chain(text: str, start: int) -> list[TitleSpan]:
    """The title chain before ``start``, also across two separators in a row
    (临海市副市长、兼市发改委主任张明: both items) and across a
    comma written where 、 belongs (合肥市委常委，常务副市长韩冰: both items; titles
    written after a name, 王一主任，副主任李四, end no chain)."""
    chain = parse_title_chain(text, start)
    while chain:
        first = chain[0].org_start if chain[0].org_start is not None else chain[0].start
        k = first
        while k > 0 and text[k - 1] in SEPARATORS:
            k -= 1
        if first - k < 2:  # one separator: parse_title_chain has read across it
            if first == k and k > 0 and text[k - 1] in _chain_commas():
                before = parse_title_chain(text, k - 1)
                if before:
                    chain = before + chain
                    continue
            break
        before = parse_title_chain(text, k)
        if not before:
            break
        chain = before + chain
    return chain


@derived
def _chain_commas() -> str:
    """Commas a page writes between the titles of one chain (data/title_separators.tsv, scope comma)."""
    return "".join(words("title_separators", "comma"))


@derived
def _delegation_post_re() -> re.Pattern:
    """The words naming the post someone holds in a delegation, written after the name
    (为团长, 任副团长: data/trigger_delegation_heads.tsv, scopes head and deputy)."""
    return re.compile("|".join(alternation("trigger_delegation_heads", use) for use in ("head", "deputy")))


def _delegation_posts(view: TextView, text: str) -> list[tuple[Ref, str, int, int]]:
    """(person, title, start, end of the word) of each name followed by a delegation post
    word (以王立为团长的考察团, 李青为副团长): the title is the longest title the word ends
    with (kg.lexicons.titles); the delegation is no organization of the article's, so the
    post has no body."""
    from kg.lexicons.titles import title_at

    out = []
    for m in _delegation_post_re().finditer(text):
        ref = view.ref_at(m.start() - 1) if m.start() else None
        if ref is None or ref.type != "Person" or ref.end != m.start():
            continue
        word = m.group()
        title = next((word[i:] for i in range(len(word)) if (t := title_at(word, i)) and t[0] == len(word)), None)
        if title is not None:
            out.append((ref, title, m.start(), m.end()))
    return out


def _listed_before(view: TextView, ref: Ref) -> Ref | None:
    """The person named right before ``ref`` in a list (闫继娜、杨金山; 陈彦 林宇云), or None."""
    j = ref.start - 1
    if j >= 0 and view.text[j] in "、 ":
        prev = view.ref_at(j - 1)
        if prev is not None and prev.type == "Person" and prev.end == j:
            return prev
    return None


def _chain_for(article: Article, view: TextView, ref: Ref, chains: dict[int, list[TitleSpan]], text: str) -> list[TitleSpan]:
    chain = _full_chain(text, ref.start)
    if chain:
        return chain
    # a name listed after another one shares its titles: 副所长闫继娜、杨金山
    prev = _listed_before(view, ref)
    if prev is not None and prev.mention in chains:
        return chains[prev.mention]
    return []


def _org_of_kind(article: Article, view: TextView, item: TitleSpan, offset: int, anywhere: bool = False) -> int | None:
    """The nearest organization earlier in the sentence whose kind fits a bare role.

    ``乙集团董事长王三表示，副总裁王四说``: 副总裁 belongs to the company named
    before it in the same sentence; a role of another kind (副市长) takes none.
    With ``anywhere``, the nearest such organization earlier in the article
    when the sentence names none.
    """
    return _org_with_ending(article, view, role_org_endings().get(bare_role(item.role)), item.start, offset, anywhere)


def _lead_endings(lead: str) -> tuple[str, ...]:
    """The organization endings of the roles opening with ``lead`` (校 -> those of 校长:
    大学, 学院 …; data/relation_role_org_endings.tsv)."""
    return tuple(e for role, ends in role_org_endings().items() if role[:1] == lead for e in ends)


def _org_with_ending(article: Article, view: TextView, endings: tuple[str, ...] | None, before: int, offset: int,
                     anywhere: bool) -> int | None:
    """The nearest organization named before ``before`` whose name has one of ``endings``:
    in the sentence of ``offset``, or with ``anywhere`` the nearest earlier in the article."""
    if not endings:
        return None
    sent = article.sentences[article.sentence_of(offset)]
    found = None
    for r in reversed(view.refs):
        if r.end > before:
            continue
        e = article.entities[r.entity]
        if r.type == "Organization" and not r.generic and e.name.endswith(endings):
            if r.start >= sent.start:
                return r.entity
            if not anywhere:
                return None
            found = r.entity if found is None else found
    return found


def _org_before_name(article: Article, view: TextView, ref: Ref, item: TitleSpan) -> int | None:
    """The organization of a title written after the name: the one named right
    before the name (甲大学王一校长), else one of the role's kind earlier in the
    sentence (甲大学代表团到访，王一副校长接待)."""
    before = view.ref_at(ref.start - 1)
    if before is not None and before.end == ref.start and before.type == "Organization":
        return before.entity
    return _org_of_kind(article, view, item, ref.start)


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
    if chain[0].org_start is not None and chain[0].org_text not in _bodies("internal"):
        return None
    start = chain[0].start
    i = start - 1
    while i >= 0 and article.text[i] in "、，, ":
        i -= 1
    for t in post_name_titles():  # 院长王一教授，副院长王二
        if article.text.endswith(t, 0, i + 1) and view.ref_at(i - len(t)) is not None:
            i -= len(t)
            break
    prev = view.ref_at(i)
    if prev is None or prev.type != "Person" or i >= start - 1:
        return None
    return chain_orgs.get(prev.mention)


def extract_positions(article: Article, view: TextView) -> dict[int, BarePost]:
    """Fill article.positions (one per person, title and place/organization).

    Returns the posts left without a body (index into article.positions ->
    where the name is and the body word written in the title but not resolved,
    集团公司 of 集团公司董事长), for :mod:`kg.relations.post_bodies`."""
    infos = place_infos(article)
    res = _Resolver(article, view, infos)
    text = masked_text(article, view)
    seen: set[tuple[int, str, int | None]] = set()
    chains: dict[int, list[TitleSpan]] = {}
    chain_orgs: dict[int, int | None] = {}
    persons_with_titles: set[int] = set()
    bare: dict[int, BarePost] = {}
    delegation_posts = _delegation_posts(view, text)
    bylines: dict[int, tuple[str, int | None]] = {}  # a byline name's mention -> (role, outlet)

    def add(person: int, title: str, org: int | None, offset: int, written: str = "") -> None:
        if org is not None and article.entities[org].type == "Person":
            # a name misread as the post's body (原副 of 政协原副主席): the post stays, without it
            record(article, "positions", person, org, article.sentence_of(offset), (title,), "rejected",
                   "the post's body would be a person: a position is held in an organization or place")
            org = None
        key = (person, title, org)
        if key in seen:
            return
        seen.add(key)
        sent = article.sentence_of(offset)
        if org is None:
            bare[len(article.positions)] = BarePost(offset, written)
        article.positions.append(Position(person, title, org, sent, article.sentences[sent].text if article.sentences else ""))
        persons_with_titles.add(person)

    for ref in view.refs:
        if ref.type != "Person" or ref.generic:
            continue
        byline = byline_re().search(text, max(0, ref.start - 8), ref.start)
        if byline:
            role = byline.group(1)
            outlet = res.media(byline.start(1)) if role in _media_roles() else None
            bylines[ref.mention] = (role, outlet)
            add(ref.entity, role, outlet, ref.start)
            chains[ref.mention] = [TitleSpan(byline.start(1), byline.end(1), role, role)]
            continue
        prev = _listed_before(view, ref)
        if prev is not None and prev.mention in bylines and not _full_chain(text, ref.start):
            bylines[ref.mention] = bylines[prev.mention]  # 记者陈彦 林宇云: the same byline
            add(ref.entity, *bylines[ref.mention], ref.start)
            chains[ref.mention] = chains[prev.mention]
            continue
        chain = _chain_for(article, view, ref, chains, text)
        # 以张明为团长、副市长王芳为副团长: 团长 is 张明's post, not the start of 王芳's chain
        cut = max((i for i, it in enumerate(chain) if any(s <= it.start < e for _, _, s, e in delegation_posts)),
                  default=-1)
        chain, owner = _split_post_name(view, chain[cut + 1:])
        chains[ref.mention] = chain
        prev_org = _list_org(article, view, chain, ref, chain_orgs)
        if owner is not None and chain and chain[0].org_start is None:  # 院长王一教授、副院长王二
            prev_org = chain_orgs.get(owner.mention)
        if prev_org is None and chain and chain[0].org_start is None:
            prev_org = _org_of_kind(article, view, chain[0], ref.start)
        if prev_org is None and chain and all(it.org_start is None or it.org_text in _bodies("internal") for it in chain):
            # 党委副书记、校长王一 with no org in the sentence: the nearest earlier
            # organization of a role's kind (the university the paragraph before names)
            prev_org = next((o for it in chain if (o := _org_of_kind(article, view, it, ref.start, True)) is not None),
                            None)
        former = False
        for item in chain:
            former = former or _former(text, view, item)
            if former:  # 原副市长, 曾任市长 (D18): a former post is no position
                prev_org = None
                continue
            if item.is_group or item.role in _not_posts():
                prev_org = None
                continue
            title = gold_title(item)
            org, rest = res.org_of_span(item.org_start, item.org_end) if item.org_start is not None else (None, 0)
            title = written_title(article.text, view, item, title, org, rest)
            mission = _mission(article.text, view, item)
            if mission is not None:
                title, org = mission
            if item.org_start is not None and org is None and item.org_text[1:] in ("", *_bodies("internal")):
                org = self_org(article, item.org_text)  # 校党委书记 in an article that says 我校
                if org is None:  # with no 我校: the nearest organization before it of the kind 校长 heads
                    org = _org_with_ending(article, view, _lead_endings(item.org_text[:1]), item.start, ref.start, True)
            if org is None and item.org_text in words("place_m_admin_suffixes", "body_long") and title == item.role:
                # 自治区主席王一: a post of the region in focus (as 市长 is of its city), titled as written
                org, title = focus_place(article, infos, item.org_text, item.start), item.org_text + title
            if item.org_start is not None and org is None:
                org = res.unit_of(prev_org, text[item.org_start : item.org_end])
                if org is None and title == item.title:  # 该会会长: the association named before
                    org = _org_of_kind(article, view, item, ref.start)
            elif item.org_start is None:
                org = prev_org
            kind = place_role(item.role)
            if kind is not None and _written_government(article, item, org):
                pass  # 商丘市人民政府市长张明: the government written before the title is the body
            elif kind is not None:
                place = res.place_of(org, item.start)
                if place is None or not infos[place].fits(kind):
                    cand = focus_place(article, infos, kind, item.start)
                    place = cand if cand is not None else place
                org = place
            elif item.role in _media_roles() and org is None:
                org = res.media()
            elif item.role.endswith(words("title_roles", "no_org")):
                org = None
            if org is None and (region := _region_role(item.role)) is not None:
                org = res.region_org(region)  # 行政长官张明: in 澳门, as 市长 in its city
            if org is not None and article.entities[org].type == "Place":
                org = _mission_of(article, org, item.role, title)
            add(ref.entity, title, org, ref.start, item.org_text if item.org_start is not None else "")
            prev_org = org
        if chain:
            chain_orgs[ref.mention] = prev_org
        post = title_after(text, ref.end)
        if chain and post is not None and post.role in post_name_titles():
            add(ref.entity, post.title, prev_org, ref.start)  # 院长王一教授: 教授 of the same org
    # the post someone holds in a delegation (以王立为团长的考察团: 王立 团长)
    for ref, role, _, _ in delegation_posts:
        add(ref.entity, role, None, ref.start)
    # titles written after the name (徐进市长) for people without a chain
    for ref in view.refs:
        if ref.type != "Person" or ref.generic or ref.entity in persons_with_titles:
            continue
        item = title_after(text, ref.end)
        if item is None or item.is_group:
            continue
        kind = place_role(item.role)
        org = focus_place(article, infos, kind, ref.start) if kind else _org_before_name(article, view, ref, item)
        if org is None and not kind:
            org = self_org(article, _head_role(item.role))  # 王一校长 in an article that says 我校
        add(ref.entity, item.title, org, ref.start)
    return bare


def drop_bare_repeats(article: Article) -> None:
    """A post its holder is said elsewhere to hold in a body (金门县议会副议长谢东龙 …
    副议长谢东龙) is that post, not a second one without a body: such bare repeats
    leave article.positions, each with a recorded reason. Run after the bodies of bare
    posts were chosen (kg.relations.post_bodies), before anything indexes the positions."""
    held = {(p.person, p.title) for p in article.positions if p.org is not None}
    kept = []
    for p in article.positions:
        if p.org is None and (p.person, p.title) in held:
            record(article, "positions", p.person, None, p.sentence, (p.title,), "rejected",
                   "the same post is held in a body the article names elsewhere")
            continue
        kept.append(p)
    article.positions[:] = kept


def affiliations(article: Article, infos: dict[int, PlaceInfo] | None = None) -> list[tuple[int, int, int]]:
    """(person, organization, position index) for every position in an organization.

    A place title (市长) affiliates its holder with that place's government
    when the article names it; so do its deputies (副市长, 常务副市长: the
    prefixes of data/context_title_prefixes.tsv, dropped in file order).
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
        elif e.type == "Place" and (_head_role(p.title) in words("title_place_roles", "head")
                                    or _region_role(p.title) == "head"):
            gov = res.government_of(p.org)
            if gov is not None:
                out.append((p.person, gov, i))
    return out


def _written_government(article: Article, item: TitleSpan, org: int | None) -> bool:
    """Whether a place's head (市长, 副县长) is written right after its government
    (商丘市人民政府市长, 县政府常务副县长) and ``org`` is that government: the post is
    in the body the text writes, not in the place (the guide v2: ``in`` names the
    body; the corpus gold does so when the text writes the government)."""
    if org is None or item.org_text is None or article.entities[org].type != "Organization":
        return False
    endings = _body_endings("government")
    return item.org_text.endswith(endings) and article.entities[org].name.endswith(endings)


def _head_role(title: str) -> str:
    """The head role a deputy's title stands under: 常务副市长 -> 市长."""
    for prefix in words("context_title_prefixes"):  # in file order: 常务, then 副
        title = title.removeprefix(prefix)
    return title
