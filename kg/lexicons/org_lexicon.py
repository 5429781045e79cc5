"""Word lists that organization recognition is built on.

The suffix of a name says what it names (``X有限公司`` -> Company, ``X研究所``
-> ResearchInstitution, ``X市委`` -> GovernmentBody); further lists give the
national bodies named without a place (``科技部``), the short-company and
industry endings (``X科技``, ``X材料``), park endings (``X高新区``), the
generic words a name is never made of alone (``国家重点``), and the stop
words that end a name on its left (``与``, ``签订``, ``企业``).
"""

from __future__ import annotations

import re

from kg.lexicons.load import derived, entries, words

#: the subtypes a suffix's scope may give (data/org_suffixes.tsv); ``media`` gives none
SUBTYPES = ("Company", "ResearchInstitution", "University", "Association", "GovernmentBody")


@derived
def org_suffixes() -> tuple[tuple[str, str | None], ...]:
    """(suffix, subtype) in file order (data/org_suffixes.tsv); subtype None for media bodies (newspapers)."""
    return tuple((e.word, next((s for s in e.scope if s in SUBTYPES), None)) for e in entries("org_suffixes"))


@derived
def suffixes_for(use: str) -> frozenset[str]:
    """The suffixes that a use takes (needs_place, standalone, generic_core_ok, province_dept ...)."""
    return frozenset(words("org_suffixes", use))


@derived
def ministries() -> tuple[str, ...]:
    """National ministries and bodies named without a place (data/org_national_bodies.tsv)."""
    return words("org_national_bodies")


@derived
def short_company_suffixes() -> tuple[str, ...]:
    return words("org_short_company_suffixes")


@derived
def industry_suffixes() -> tuple[str, ...]:
    return words("org_industry_suffixes")


@derived
def park_suffixes() -> tuple[str, ...]:
    return words("org_park_suffixes")


@derived
def generic_parks() -> set[str]:
    return set(words("org_generic_zones", "parks"))


@derived
def level_chars(use: str = "orgs") -> str:
    """The administrative level characters of a use, as one string (省市区县州旗)."""
    return "".join(words("org_level_chars", use))


@derived
def generic_core_words() -> tuple[str, ...]:
    return words("org_generic_core_words")


@derived
def _generic_core_longest_first() -> list[str]:
    return sorted(generic_core_words(), key=len, reverse=True)


@derived
def _generic_core_re() -> re.Pattern:
    """The generic core words as one alternation, longest first (the first that
    matches at a position is the longest word there)."""
    return re.compile("|".join(re.escape(w) for w in _generic_core_longest_first() if w))


@derived
def party_heads(use: str = "heads") -> tuple[str, ...]:
    return words("org_party_heads", use)


@derived
def left_stops(use: str = "walk") -> tuple[str, ...]:
    return words("org_left_stops", use)


@derived
def generic_orgs() -> set[str]:
    return set(words("org_generic_names"))


#: the constants below are the data as read at import, for the modules that import them by name
#: (suffix, subtype); subtype None for media bodies (newspapers)
ORG_SUFFIXES: tuple[tuple[str, str | None], ...] = org_suffixes()
#: name endings of news media (日报, 电视台: org_suffixes.tsv scope media; 新闻网, 在线: org_media_outlets.tsv)
MEDIA_SUFFIXES: tuple[str, ...] = tuple(s for s, t in ORG_SUFFIXES if t is None) + tuple(words("org_media_outlets", "suffix"))
#: national ministries and bodies named without a place (a generic lexicon)
MINISTRIES = ministries()
#: short-company suffixes (X科技, X电气 ...): only with clear boundaries on both sides
SHORT_COMPANY_SUFFIXES = short_company_suffixes()
#: industry words that also end short company names (X能源, X材料): far more
#: often an industry (锂电池正极材料, 石油化工), so a name ending in one needs
#: corroboration: the same name starts a full company name of the article
INDUSTRY_SUFFIXES = industry_suffixes()
#: park / development-zone suffixes -> Place/Park
PARK_SUFFIXES = park_suffixes()
#: generic park words: a zone named only by them is a reference, not a name
GENERIC_PARKS = generic_parks()
#: level-generic bodies (市委, 区政府, 省发改委): resolved to the place the text is about
LEVEL_CHARS = level_chars()  # 旗: a banner, district level like 县

#: words that make up generic descriptions, not names (国家重点实验室, 现代医药)
GENERIC_CORE_WORDS = generic_core_words()
GOV_NEEDS_PLACE = tuple(words("org_suffixes", "needs_place"))
#: heads that may stand before a place inside one name (中科院北京分院, 民建重庆市...联谊会)
PARTY_HEADS = party_heads()


@derived
def company_suffixes() -> tuple[str, ...]:
    """The organization suffixes of companies (data/org_suffixes.tsv, subtype Company),
    longest first: 公司, 有限公司, 集团 …"""
    return tuple(sorted((suf for suf, kind in ORG_SUFFIXES if kind == "Company"), key=len, reverse=True))


@derived
def false_body_words() -> tuple[str, ...]:
    """Words that end in a one-character body suffix but name no body (格局, 展厅, 签署,
    举办: data/org_false_body_words.tsv), less those that are a body ending themselves
    (the list also holds 公司 for its own rule)."""
    real = {w for w, _kind in org_suffixes()}
    return tuple(w for w in words("org_false_body_words") if w not in real)


@derived
def _descriptive_endings() -> frozenset[str]:
    return frozenset(words("org_descriptive_endings"))


def is_generic_core(core: str) -> bool:
    """True when ``core`` is made only of generic description words, or is a
    short descriptive word (开放式, 研究型, 综合性: X式/X型/X性)."""
    if not core:
        return False
    if len(core) <= 3 and core[-1] in _descriptive_endings():
        return True
    rest, at = core, 0
    rx = _generic_core_re()
    while at < len(rest):  # peel generic words off the front, the longest first
        m = rx.match(rest, at)
        if m is None or m.end() == at:
            break
        at = m.end()
    return at == len(rest)


@derived
def suffixes_by_char(last: bool) -> dict[str, tuple[str, ...]]:
    """The organization suffixes of :data:`ORG_SUFFIXES` by their last (``last``) or first
    character, each list in file order: a name's suffixes are looked up by one character
    instead of tried one by one."""
    out: dict[str, list[str]] = {}
    for suf, _ in ORG_SUFFIXES:
        out.setdefault(suf[-1:] if last else suf[:1], []).append(suf)
    return {k: tuple(v) for k, v in out.items()}


@derived
def longest_suffix() -> int:
    """The length of the longest organization suffix of :data:`ORG_SUFFIXES`."""
    return max((len(suf) for suf, _ in ORG_SUFFIXES), default=0)


#: walking left stops after these (the org starts right after them)
LEFT_STOPS = left_stops()
PUNCT = set(" \t\n\r,，。；;:：!！?？、“”\"'‘’「」『』《》<>[]【】|/•—-_…　")


def alternation(words) -> str:
    """A regex alternation of ``words``, longest first."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


AMOUNT_RE = re.compile(r"[一二三四五六七八九两几数多]*[十百千万亿]+[级余亩吨台套]?")


def is_amount(core: str) -> bool:
    """Does ``core`` start with an amount (千亿级, 万亩, 数十), never a name?"""
    m = AMOUNT_RE.match(core)
    return m is not None and len(m.group()) >= 2



#: words that name no particular organization on their own (公司, 市委, 双方)
GENERIC_ORGS = generic_orgs()


def org_subtype(name: str) -> str | None:
    """The subtype an organization name's ending gives (X有限公司 -> Company), or None."""
    for suf, st in sorted(org_suffixes(), key=lambda x: -len(x[0])):
        if name.endswith(suf):
            return st
    for p in words("org_ministry_prefixes"):  # 国家商务部: the subtype of 商务部
        if name.startswith(p) and name[len(p):] in ministries():
            name = name[len(p):]
            break
    if name in ministries():
        return "GovernmentBody" if name[-1] in words("org_government_endings", "subtype") else "ResearchInstitution"
    for suf in short_company_suffixes() + industry_suffixes():
        if name.endswith(suf):
            return "Company"
    return None


def has_department_suffix(segment: str) -> bool:
    """Does a department-like suffix (局, 厅, 委员会: data/walk_joinable_suffixes.tsv)
    end a body's name in ``segment`` after two characters or more, not as part of a
    title (局长: data/org_suffix_followers.tsv)? 经济发展局局长 -> True (the first 局
    ends a name); 王强局长 -> False (局 begins the title 局长)."""
    for suf in words("walk_joinable_suffixes"):
        k = segment.find(suf, 2)
        while k >= 0:
            nxt = segment[k + len(suf):k + len(suf) + 1]
            if nxt and nxt not in words("org_suffix_followers", suf):
                return True
            k = segment.find(suf, k + 1)
    return False
