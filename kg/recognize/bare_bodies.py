"""Bodies named without their place or park, resolved to full names.

``generic_bodies`` finds 市委 / 省发改委 / 区文旅局 and names them after the
place the text is about (kg.context.place_context): in a text about 甲市,
a bare 市委 is 甲市委. ``canonical_park_names`` does the same for bodies led
by a generic park word (高新区党工委 -> 甲高新区党工委, when the text names
one such park).
"""

from __future__ import annotations

import re

from kg.doc import Article, Mention
from kg.lexicons.load import derived, entries, words
from kg.recognize import left_walk as LW
from kg.lexicons import org_lexicon as LX
from kg.recognize import orgs as O
from kg.recognize.candidates import Candidate
from kg.context.place_context import PlaceContext, sentence_start


def generic_bodies(article: Article, place_ends: set[int], ctx: PlaceContext) -> list[Mention]:
    """Level bodies written without their place (市委, 省发改委) after a clear
    boundary, resolved to the place the text is about (``generic=True``,
    ``canonical`` = the full name); 平顶山市委 is left to the structural org."""
    text = article.text
    out: list[Mention] = []
    for m in re.finditer(f"[{LX.LEVEL_CHARS}]", text):
        s = m.start()
        if s in place_ends or not clear_before(text, s):
            continue  # 平顶山市委: the structural org covers it; 城市管理局: inside a word
        g = O.generic_body(text, s)
        if g is None:
            continue
        e, body = g
        place = ctx.place_for(body[0], s, sentence_start(article, s))
        if place is None:
            continue
        head = next(iter(words("org_body_full_forms", body[1:])), body[1:])  # 县府 -> 县政府
        canon = _named_after(text, place, body, head)
        out.append(Mention(s, e, text[s:e], "Organization", "GovernmentBody", "generic-body", canon, generic=True))
    out += _long_level_bodies(article, ctx)
    return out


@derived
def _long_head_re() -> re.Pattern:
    """Heads only after a level word of several characters (自治区党委):
    data/org_generic_body_heads.tsv (regular-expression pieces), scope long."""
    heads = [e.word for e in entries("org_generic_body_heads") if "long" in e.scope]
    return re.compile("|".join(heads) if heads else "(?!)")  # no entry: matches nothing, not everything


def _long_level_bodies(article: Article, ctx: PlaceContext) -> list[Mention]:
    """Bodies after a level word of several characters, without their place
    (自治区党委, 自治区政府 in a text about 西藏自治区: data/place_m_admin_suffixes.tsv,
    scope body_long), named after the place of that level the text is about."""
    text = article.text
    out: list[Mention] = []
    for level in words("place_m_admin_suffixes", "body_long"):
        for m in re.finditer(re.escape(level), text):
            s = m.start()
            if not clear_before(text, s):
                continue  # 西藏自治区党委: the structural org has it
            g = O.generic_body(text, m.end() - 1)  # the level's last character starts the body word (区政府)
            if g is None:
                head = _long_head_re().match(text, m.end())
                if head is None:
                    continue
                g = head.end(), level[-1] + head.group()
            e, body = g
            place = ctx.place_for(level, s, sentence_start(article, s))
            if place is None:
                continue
            # the region as the text writes it: its full name, else its short form with the level
            # word (广西自治区党委 where only 广西 is written; a bare 市委 keeps the full name there)
            name = place.name if place.name in text or not place.short else place.short + level
            out.append(Mention(s, e, text[s:e], "Organization", "GovernmentBody", "generic-body",
                               name + body[1:], generic=True))
    return out


def clear_before(text: str, s: int) -> bool:
    """Whether a bare body may start at ``s``: at the text's start, after a
    character that is no Chinese one (punctuation, 、) or after a stop word
    (data/org_left_stops.tsv), not inside a word (城市管理局)."""
    return s == 0 or not ("\u4e00" <= text[s - 1] <= "\u9fff") or LW.stop_before(text, s, LX.LEFT_STOPS)


def bare_body_in(text: str, lo: int, hi: int, place_ends: set[int]) -> bool:
    """Whether a bare level body (市委, 县政府) starts in text[lo:hi]."""
    return any(text[i] in LX.LEVEL_CHARS and i not in place_ends and clear_before(text, i)
               and O.generic_body(text, i) is not None for i in range(lo, hi))


def _named_after(text: str, place, body: str, head: str | None = None, rest: str = "") -> str:
    """The full name of a bare level body ``body`` (市委, 县委) of ``place``, its head
    written as ``head`` (县政府 for 县府) and followed by ``rest`` (a unit: 统战部): a
    one-character county keeps its level before a one-character head (甲县 + 县委 ->
    甲县县委). Where the text writes the body with the place's short form and the
    level character but never with its full name (江华县委 of 江华瑶族自治县), that
    form names it."""
    head = body[1:] if head is None else head
    one_char = len(place.name) == 2 and len(body) == 2 and head == body[1:]
    tail = (body if one_char else head) + rest
    return _written_name(text, place, body[0], tail) + tail


def _written_name(text: str, place, level: str, tail: str = "") -> str:
    """The place's name as a body named after it (``tail``) writes it: its short form
    with the body's level character where the text writes the body so and never with
    the full name (江华县委 of 江华瑶族自治县); else its full name, or, when the text
    never writes that, that short form where the text writes it (甘孜州 for
    甘孜藏族自治州: 甘孜州委)."""
    short = (place.short or "") + level
    if tail and place.short and short != place.name and short + tail in text and place.name + tail not in text:
        return short
    if place.name in text or place.short == place.name or short not in text:
        return place.name
    return short


def region_bodies(article: Article, ctx: PlaceContext) -> list[Mention]:
    """特区政府 written without its region, in a text about exactly one special
    administrative region (a place whose name ends like 特别行政区): that
    region's body, named after its short form (香港特区政府); data/org_region_bodies.tsv."""
    text = article.text
    ends = words("org_region_bodies", "region")
    regions = {p.code: p for _, _, p in ctx.mentions if p.name.endswith(ends)}
    if len(regions) != 1:
        return []
    region = next(iter(regions.values()))
    out: list[Mention] = []
    for body in words("org_region_bodies", "body"):
        for m in re.finditer(re.escape(body), text):
            s = m.start()
            if s > 0 and LW.is_name_char(text[s - 1]) and not LW.stop_before(text, s, LX.LEFT_STOPS):
                continue  # 香港特区政府 / 甲特区政府: written with its region, or part of another word
            out.append(Mention(s, m.end(), body, "Organization", "GovernmentBody", "generic-body",
                               region.short + body, generic=True))
    return out


def canonical_park_names(article: Article, chosen: list[Candidate], ctx: PlaceContext) -> list[Candidate]:
    """Canonical names for orgs named with a generic park prefix (高新区党工委)."""
    for c in chosen:
        m = c.m
        if m.type != "Organization":
            continue
        for g in sorted(LX.GENERIC_PARKS, key=len, reverse=True):
            if m.text.startswith(g) and len(m.text) > len(g):
                park = ctx.park_for(g)
                if park:
                    m.canonical = park + m.text[len(g):]
                break
        if m.canonical is None and m.text.startswith("中共") and len(m.text) > 4:
            m.canonical = m.text  # 中共白银市委 stays as written
        if m.canonical is None and m.source == "org-rule":
            folded = _department_in_title(article, m, ctx)
            if folded is not None:
                c.m = folded
                continue
            m.canonical = _zone_body_of_place(article, m, ctx) or _unit_of_bare_body(article, m, ctx)
    return chosen


def _department_in_title(article: Article, m: Mention, ctx: PlaceContext) -> Mention | None:
    """A department of a bare committee written only as part of a title
    (区委常委、区委办公室主任张三; 市委统战部副部长李四) is no entity of its own:
    the title keeps the department word and sits in the committee (D15). The
    mention shrinks to the bare committee (区委 -> 甲区委). Not when the same
    department is written elsewhere without a title after it (a body named as
    such: 市委统战部组织了……). Units: data/title_department_units.tsv, scope
    committee."""
    text = article.text
    g = O.generic_body(m.text, 0)
    if g is None or g[0] >= len(m.text) or not g[1].endswith(words("body_committee_words")):
        return None
    unit = m.text[g[0]:]
    if unit not in words("title_department_units", "committee"):
        return None
    from kg.lexicons.titles import starts_with_title

    k = text.find(m.text)
    while k >= 0:
        if not starts_with_title(text, k + len(m.text)):
            return None
        k = text.find(m.text, k + 1)
    place = ctx.place_for(m.text[0], m.start, sentence_start(article, m.start))
    if place is None:
        return None
    return Mention(m.start, m.start + g[0], m.text[:g[0]], "Organization", "GovernmentBody", "generic-body",
                   _named_after(text, place, g[1]), generic=True)


def _unit_of_bare_body(article: Article, m: Mention, ctx: PlaceContext) -> str | None:
    """A unit of a bare level body (市委统战部, 省委组织部, 市政府办公室 in a text
    about 甲市) is named after the place the text is about, as the bare body
    is: 甲市委统战部. None when the name does not start with a bare body or
    the place is unknown."""
    g = O.generic_body(m.text, 0)
    if g is None or g[0] >= len(m.text):
        return None
    place = ctx.place_for(m.text[0], m.start, sentence_start(article, m.start))
    if place is None:
        return None
    return _named_after(article.text, place, g[1], rest=m.text[g[0]:])  # 甲县县委统战部 as 甲县县委


def _zone_body_of_place(article: Article, m: Mention, ctx: PlaceContext) -> str | None:
    """A zone's body written without its place (县高新技术产业园区党工委,
    经济技术开发区管委会 in a text about 甲市) is named after the place the text is
    about: 甲县高新技术产业园区党工委, 甲经济技术开发区管委会. None when the name
    has its place or the zone is not a development zone (data/context_zone_bodies.tsv,
    scope zone_name; data/org_park_suffixes.tsv)."""
    text = article.text
    body = next((b for b in words("context_zone_bodies", "zone_name") if m.text.endswith(b)), None)
    if body is None:
        return None
    zone = m.text[: -len(body)]
    suffix = max((p for p in LX.park_suffixes() if zone.endswith(p)), key=len, default=None)
    if suffix is None or zone in LX.GENERIC_PARKS or ctx.park_for(zone):
        return None
    s = m.start
    level = text[s - 1] if s > 0 and text[s - 1] in LX.LEVEL_CHARS else None
    core = zone[: -len(suffix)]
    if level is None and core and not LX.is_generic_core(core):
        return None  # 甲乙高新区管委会: the zone has a name of its own
    place = ctx.place_for(level or LX.level_chars("zone_home"), s, sentence_start(article, s))
    if place is None:
        return None
    return (place.name if level else place.short) + m.text


def resolve_name(full: str, article: Article, pos: int, ctx: PlaceContext) -> str | None:
    """Full name of a body named from a prefix: park words and level chars resolved."""
    if full[0] in LX.LEVEL_CHARS and O.generic_body(full, 0):
        place = ctx.place_for(full[0], pos, sentence_start(article, pos))
        return place.name + full[1:] if place else None
    level = next((w for w in words("place_m_admin_suffixes", "body_long") if full.startswith(w)), None)
    if level is not None and (O.generic_body(full, len(level) - 1) or _long_head_re().match(full, len(level))):
        # 自治区党委书记、人大常委会主任: 自治区人大常委会 is the region's, named as _long_level_bodies names it
        place = ctx.place_for(level, pos, sentence_start(article, pos))
        if place is None:
            return None
        name = place.name if place.name in article.text or not place.short else place.short + level
        return name + full[len(level):]
    for g in sorted(LX.GENERIC_PARKS, key=len, reverse=True):
        if full.startswith(g):
            park = ctx.park_for(g)
            return park + full[len(g):] if park else full
    return full
