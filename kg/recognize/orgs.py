"""Organization names by structure.

An organization name is ``[place prefix(es)] core suffix``: the suffix says
what it is (有限公司 -> Company, 研究所 -> ResearchInstitution, 大学 ->
University, 协会 -> Association, 市委/政府/局 -> GovernmentBody) and the left
boundary is found by walking left from the suffix (kg.recognize.left_walk).
Company brackets are kept (恒玄科技(上海)股份有限公司). Example: in
``双方与甲乙科技有限公司签约`` the name is ``甲乙科技有限公司``.

Also here: national bodies named without a place (``find_ministries``), the
legal-form variants of a full company name (恒玄科技(上海)股份有限公司 ->
恒玄科技), and the generic-body pattern (省/市/区/县 + 委/政府/发改委 ...)
that the recognizer resolves to the place the text is about. Word lists:
kg.lexicons.org_lexicon; short company names: kg.recognize.short_companies;
parks: kg.recognize.parks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.recognize.left_walk import JOINABLE_SUFFIXES, LAB_SUFFIXES, walk_left
from kg.lexicons.load import derived, entries, words
from kg.lexicons.org_lexicon import (
    PUNCT,
    alternation,
    is_generic_core,
    level_chars,
    ministries,
    org_suffixes,
    suffixes_for,
)
from kg.recognize.org_places import cut_to_place, drop_outer_place, place_anchor, strip_places



@derived
def _false_body_words() -> tuple[str, ...]:
    """Words ending in a one-character body suffix that name no body (格局, 展厅, 签署)."""
    return words("org_false_body_words")


@derived
def _followers(suf: str) -> str:
    """The characters after a one-character suffix that make another word of it
    (局长, 局面, 署名), as one string: an empty next character (the text's end)
    is in it too, as before."""
    return "".join(words("org_suffix_followers", suf))


@derived
def _legal_forms(use: str) -> tuple[str, ...]:
    """Legal forms of company names in file order (a longer form before its endings)."""
    return words("org_legal_forms", use)


@derived
def _kept_words_re() -> re.Pattern:
    """Words a stop word before them would cut (有色 of 中国有色集团): data/walk_kept_words.tsv."""
    return re.compile(alternation(words("walk_kept_words")))


@derived
def _ministries_re() -> re.Pattern:
    return re.compile(alternation(ministries()))


def legal_forms() -> tuple[str, ...]:
    """Legal forms that end a full company name (有限公司, 股份有限公司), longest first."""
    return tuple(sorted(_legal_forms("variants"), key=len, reverse=True))


def suffix_followers(suf: str) -> str:
    """The characters after the org suffix ``suf`` that make another word of its
    end (局长, 总会计师, 司理): data/org_suffix_followers.tsv."""
    return _followers(suf)


@dataclass
class OrgMatch:
    start: int
    end: int
    text: str
    subtype: str | None
    core_start: int  # where the name proper starts (after place prefixes)



@derived
def _suffix_re() -> re.Pattern:
    return re.compile(f"(?=({alternation(s for s, _ in org_suffixes())}))")


@derived
def _suffix_type() -> dict[str, str | None]:
    return dict(org_suffixes())

def find_structural_orgs(
    text: str,
    blocked_ends: set[int] | None = None,
    places: list[tuple[int, int]] | None = None,
) -> list[OrgMatch]:
    """Organizations ending with an org suffix.

    ``blocked_ends``: offsets a name must not extend left past (ends of
    person mentions). ``places``: place spans (start, end) of the text, used
    to anchor names on their place prefix.
    """
    stype = _suffix_type()
    places = places or []
    place_ends = {e for _, e in places}
    place_starts = {ps for ps, _ in places}
    place_start_end: dict[int, int] = {}
    for ps, pe in places:
        place_start_end[ps] = max(pe, place_start_end.get(ps, pe))
    place_by_end: dict[int, int] = {}
    for ps, pe in places:
        place_by_end[pe] = min(ps, place_by_end.get(pe, ps))
    protected = sorted([(m.start(), m.end()) for m in _ministries_re().finditer(text)]
                       + [(m.start(), m.end()) for m in _kept_words_re().finditer(text)])  # 中国有色集团
    places = sorted(places)
    best_by_end: dict[int, tuple[int, str]] = {}
    for m in _suffix_re().finditer(text):
        suf = m.group(1)
        s, e = m.start(), m.start() + len(suf)
        if e in best_by_end and best_by_end[e][0] <= s:
            continue
        best_by_end[e] = (s, suf)
    out: list[OrgMatch] = []
    for e, (s, suf) in sorted(best_by_end.items()):
        nxt = text[e:e + 2]
        if suf.endswith("校") and nxt[:1] == "长":
            continue  # X大学校长: 大学 + 校长, not 学校
        if suf == "学校" and text[s - 1:s] == "大" and nxt[:1] not in PUNCT:
            continue  # X大学校史馆 / X大学校区: 大学 + 校X, not 学校
        followers = _followers(suf)
        if followers and (nxt[:1] in followers or text.endswith(_false_body_words(), 0, e)):
            continue  # 局长 / 局面 / 格局 / 署长 / 签署 / 上司: a title or another word, no body
        if suf in suffixes_for("needs_place"):
            start = place_anchor(text, s, suf, place_by_end)
            if start is None:
                continue  # 市委 / 来自政府: generic or not a name
        else:
            start = walk_left(text, s, blocked=blocked_ends, place_ends=place_ends, protected=protected,
                              joinable=suf.endswith(JOINABLE_SUFFIXES), lab=suf.endswith(LAB_SUFFIXES),
                              place_starts=place_start_end)
            start = cut_to_place(text, start, s, places, company=stype.get(suf) == "Company")
        if suf in suffixes_for("province_dept") and start not in place_starts:
            continue  # a department (厅) is named after its province: X省工业和信息化厅
        if suf in suffixes_for("ministry_dept") and not any(ps == start for ps, _ in protected):
            continue  # a ministry's department: 科技部X司
        if start >= s and suf not in suffixes_for("standalone"):
            continue  # bare suffix (集团, 公司): a generic reference, not a name
        if start > 0 and text[start - 1].isdigit() and text.startswith(tuple(words("org_count_words")), start):
            continue  # 10所大学: a count of universities (data/org_count_words.tsv)
        core = text[start:s]
        bare = strip_places(core, start, places)
        if bare == core and is_generic_core(core) and suf not in suffixes_for("generic_core_ok"):
            continue
        if suf in suffixes_for("town_body") and len(core) < 2:
            continue  # 各乡镇党委: no town named
        if suf in suffixes_for("field_dept") and bare == core and len(core) < 4:
            continue  # 商务局 alone: a department named only by its field
        if start > 0 and text[start - 1].isdigit() and e - start > 4:
            start += 1  # 500强中信集团
        if suf in suffixes_for("company_form"):
            start = drop_outer_place(text, start, s, places)
        start = _after_invitation_opener(text, start, s, e, place_ends)
        start = _after_outlet(text, start, s, e)
        e = _campus_bracket(text, e, suf)
        out.append(OrgMatch(start, e, text[start:e], stype.get(suf), start))
    out.extend(o for o in find_abbrev_institutes(text, places) if not any(p.start <= o.start and o.end <= p.end for p in out))
    return _cleanup(text, out)


def _campus_bracket(text: str, e: int, suf: str) -> int:
    """A school's campus city in brackets right after its name (甲大学(广州)):
    the end after the bracket when it holds a city or county of the gazetteer
    (data/org_campus_suffixes.tsv), else ``e``."""
    if not suf.endswith(words("org_campus_suffixes")) or text[e:e + 1] not in ("(", "（"):
        return e
    close = next((k for k in range(e + 2, min(len(text), e + 8)) if text[k] in ")）"), None)
    if close is None:
        return e
    from kg.lexicons import gazetteer as G

    hits = G.lookup(text[e + 1:close])
    return close + 1 if hits and hits[0].level in ("City", "District") else e  # not a region: 甲大学(台湾)


def _after_outlet(text: str, start: int, s: int, e: int) -> int:
    """(中国台湾网甲市台办通讯员 X): in a credit, a news outlet's name (two characters
    or more, data/org_media_outlets.tsv scope suffix) inside the walked span ends
    before the correspondent's unit starts; the credit role (scope after) follows
    the unit's name."""
    if not text.startswith(words("org_media_outlets", "after"), e):
        return start
    best = start
    for w in words("org_media_outlets", "suffix"):
        if len(w) < 2:
            continue
        k = text.rfind(w, start, s)
        if k >= 0 and s - (k + len(w)) >= 2:
            best = max(best, k + len(w))
    return best


def _after_invitation_opener(text: str, start: int, s: int, e: int, place_ends: set[int]) -> int:
    """应X邀请 ("at the invitation of X"): the opener 应 at the name's start or right
    after a place in it (青山县应华锐研究会的邀请) is not part of the name when a
    closing word (邀请, 之邀) follows the name (data/org_invitation_frames.tsv)."""
    if not text.startswith(words("org_invitation_frames", "close"), e):
        return start
    for opener in words("org_invitation_frames", "open"):
        k = text.find(opener, start, s)
        while k >= 0:
            if (k == start or k in place_ends) and not text.startswith(words("org_invitation_frames", "not_open"), k):
                return k + len(opener)
            k = text.find(opener, k + 1, s)
    return start


_FIELD_MAX = 6


def find_abbrev_institutes(text: str, places: list[tuple[int, int]]) -> list[OrgMatch]:
    """Institutes of an abbreviated academy: academy + place + a short field +
    所/院 (中科院苏州纳米所), data/org_abbrev_academies.tsv. The place must follow
    the academy; the ending must not start a title (所长, 院长)."""
    out: list[OrgMatch] = []
    ends = words("org_abbrev_academies", "ending")
    place_end = {}
    for ps, pe in places:
        place_end[ps] = max(pe, place_end.get(ps, pe))
    for a in words("org_abbrev_academies", "academy"):
        for m in re.finditer(re.escape(a), text):
            pe = place_end.get(m.end())
            if pe is None:
                continue
            for k in range(pe + 1, min(len(text), pe + _FIELD_MAX + 1)):
                ch = text[k]
                if not ("\u4e00" <= ch <= "\u9fff"):
                    break
                if ch in ends and k - pe >= 1 and text[k + 1:k + 2] not in _followers(ch):
                    out.append(OrgMatch(m.start(), k + 1, text[m.start():k + 1], "ResearchInstitution", m.start()))
                    break
    return out


def _cleanup(text: str, found: list[OrgMatch]) -> list[OrgMatch]:
    out = []
    for o in found:
        name = o.text
        # X有限公司集团公司: the name ends at the first legal form
        for lf in sorted(_legal_forms("cleanup"), key=len):  # shortest first: 有限公司 before 有限责任公司
            k = name.find(lf)
            if 0 < k and k + len(lf) < len(name):
                name = name[: k + len(lf)]
                o = OrgMatch(o.start, o.start + len(name), name, "Company", o.core_start)
                break
        if len(name) < 3 and name not in ministries():
            continue
        out.append(o)
    return out


@derived
def _office_endings() -> tuple[str, ...]:
    """The endings of an office kept elsewhere (data/org_stationed_offices.tsv), longest first."""
    return tuple(sorted(words("org_stationed_offices", "office"), key=len, reverse=True))


def find_stationed_offices(text: str, owners: dict[int, tuple[int, str | None]],
                           places: dict[int, int]) -> list[OrgMatch]:
    """Offices a body or a place keeps elsewhere (甲市政府驻上海办事处, 乙县驻蓉办): an owner
    ending right before a stationed word (``owners``: end -> (start, subtype); a place's
    subtype is None), the place it is stationed in (``places``: start -> end) or that
    place's one-character abbreviation (沪), then an office ending (data/org_stationed_offices.tsv,
    longest first). The office is a government body when its owner is a place or one."""
    from kg.lexicons.triggers import place_abbreviations

    endings = _office_endings()
    abbreviations = place_abbreviations()
    out: list[OrgMatch] = []
    for word in words("context_stationed_words"):
        for m in re.finditer(re.escape(word), text):
            owner = owners.get(m.start())
            if owner is None:
                continue
            at = m.end()
            end = places.get(at) or (at + 1 if text[at:at + 1] in abbreviations else None)
            ending = next((w for w in endings if end is not None and text.startswith(w, end)), None)
            if ending is None:
                continue
            start, subtype = owner
            out.append(OrgMatch(start, end + len(ending), text[start:end + len(ending)],
                                subtype or "GovernmentBody", start))
    return out


def find_ministries(text: str) -> list[OrgMatch]:
    out = []
    gov_ends = words("org_government_endings", "ministries")
    for m in _ministries_re().finditer(text):
        if text.startswith(tuple(words("org_ministry_false_after")), m.end()):
            continue  # 商务部门: the commerce departments (data/org_ministry_false_after.tsv)
        start = m.start()
        for p in words("org_ministry_prefixes"):  # 国家商务部: the prefix as written belongs to the name
            if text.endswith(p, 0, start) and not m.group().startswith(p):
                start -= len(p)
                break
        out.append(OrgMatch(start, m.end(), text[start:m.end()], "GovernmentBody" if m.group()[-1] in gov_ends else None, start))
    return out


def legal_variants(name: str) -> list[str]:
    """Shorter forms a text may use for a full company name.

    恒玄科技(上海)股份有限公司 -> [恒玄科技(上海), 恒玄科技]; 中国电气装备集团有限公司 ->
    [中国电气装备集团]; 北京知识产权运营管理有限公司 -> [北京知识产权运营管理].
    """
    out: list[str] = []
    base = name
    group = _legal_forms("group")
    for lf in _legal_forms("variants"):
        if base.endswith(lf) and len(base) > len(lf) + 1:
            stem = base[: -len(lf)]
            if lf in group:
                out.append(stem + "集团")  # the group word the form keeps: 华锐集团有限公司 -> 华锐集团
            out.append(stem)
            base = stem
            break
    nob = re.sub(r"\([^()]{1,8}\)", "", base)
    if nob != base:
        out.append(nob)
    return [v for v in dict.fromkeys(out) if len(v) >= 3 and v != name]


@derived
def _generic_body_re() -> re.Pattern:
    # the heads in file order, the first that matches wins (政府办 before 政府), as before
    heads = "|".join(e.word for e in entries("org_generic_body_heads") if "long" not in e.scope)
    return re.compile(f"[{level_chars()}]({heads})")


def generic_body(text: str, start: int) -> tuple[int, str] | None:
    """A level-generic body at ``start`` (市委, 市政府, 省发改委, 区文旅局):
    returns (end, body) where body is the text after the level character."""
    if start >= len(text) or text[start] not in level_chars():
        return None
    if text.startswith("旗下", start):
        return None  # 旗下: "under", no banner body
    m = _generic_body_re().match(text[start:start + 9])
    if not m:
        return None
    body = m.group(0)
    e = start + len(body)
    if len(body) == 2 and text[e:e + 1] and text[e:e + 1] in _followers(body[-1]):  # 市局长: a title
        return None
    return e, body


def title_like(text: str, pos: int) -> bool:
    """Does a title (or a body word of one) start at ``pos``, or a former-post
    marker before one (政协原副主席: data/title_former_markers.tsv)?"""
    from kg.lexicons.titles import starts_with_title

    if starts_with_title(text, pos) or text.startswith(words("org_title_starts"), pos):
        return True
    return any(text.startswith(w, pos) and starts_with_title(text, pos + len(w))
               for w in words("title_former_markers", "former"))
