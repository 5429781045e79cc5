"""Which entity spans of the NLP model become mentions.

The rules (gazetteer, structural organization names, title context) are
precise but miss names with no structural cue; a statistical NER model finds
those, and also proposes many spans a reader would not count (generic bodies
such as 区政协 / 代表团, spans cut inside a word or running into a verb such as
``X携手Y`` / ``顺德落户``). So a model span is *evidence*, accepted only when it
passes every check below (:func:`judge`); the checks look at the span, its
neighbours in the text and what the rules found, never at a particular model's
habits.

1. **Form**: 2-12 name characters, no punctuation or digits (a transliterated
   person name may carry ``·``).
2. **Words**: no function character (与 和 及 在 对 将 就 ...) and no verb
   (携手 落户 莅临 调研 ...) inside; no stop word (希望, 全, 该 ...) at the start;
   the last character does not begin a title (``李静副`` + 院长).
3. **Not generic**: not a body named only by level and kind (区政协,
   市人大常委会, 省发改委, 商务局, 经信委: a government body is named by its
   place); not a group or a part of a body (代表团, 考察团, 团队, X党委, X党组,
   X总部, X董事局); not made of generic words only (国家重点实验室).
4. **Fits the rule mentions**: it does not cut across a rule mention or a
   gazetteer place (partial overlap); a span equal to a rule mention adds
   nothing; a span that contains rule mentions is kept only for an
   organization with an org suffix whose inner mentions are places, or whose
   inner organization ends the span after a known abbreviation (北航 +
   泉州创新研究院) -- it then replaces the inner mentions.
5. **Per type**:

   - Person: a Chinese personal name (family name from ``data/surnames.txt``,
     2-3 characters, 4 only with a compound family name, no title word) or a
     transliterated one (X·Y); with a boundary on one side (punctuation, a
     title, a word such as 表示/会见 after it, or 与/由 ... before it).
   - Organization with an org suffix (公司, 研究院, 大学, 局 ...): a clean left
     edge (start of text, punctuation, a stop word, or a place at its start);
     a government body needs a place at its start (or is an abbreviation of an
     article organization).
   - Organization without a suffix (a brand: 西门子): needs corroboration:
     it is an abbreviation of an organization of the article, stands in a list
     with organizations (``A公司、B、C等企业``), is a party or a visit target
     (``B就...签约``, ``参观B``, ``与B合作``, ``B董事长``), or occurs at least
     twice with clear boundaries.
   - Place: a town (X镇 / X乡 / X街道) the gazetteer does not list, or a
     transliterated foreign name of 3+ characters; places of the gazetteer are
     the gazetteer's (the rules already decided about them).

   A span of any type that ends with a company word (X电子, X科技) is typed
   Organization/Company; a Person span standing in a list of organizations
   (``A公司以及B、C等企业``) is an organization.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from kg.doc import Mention, ModelSpan
from kg.lexicons import gazetteer as G
from kg.recognize import left_walk as LW
from kg.lexicons import org_lexicon as LX
from kg.recognize import orgs as O
from kg.recognize import persons as P
from kg.lexicons import titles as T
from kg.lexicons.load import any_of, derived, words


@derived
def _stop_chars() -> frozenset[str]:
    """Function characters never inside a name the model proposes: data/person_function_chars.tsv, scope model_stop."""
    return frozenset(words("person_function_chars", "model_stop"))


@derived
def _stop_words() -> tuple[str, ...]:
    """Verbs and words never inside a name: a span that runs into the sentence (data/model_stop_words.tsv)."""
    return words("model_stop_words")


@derived
def _start_stops() -> tuple[str, ...]:
    """A name never starts with these (the span took the word before it): the
    organization left stops of two or more characters and data/model_start_stops.tsv."""
    return tuple(w for w in LX.LEFT_STOPS if len(w) >= 2) + words("model_start_stops")


@derived
def group_tails() -> tuple[str, ...]:
    """Groups and parts of a body: never an organization of their own (data/model_group_tails.tsv)."""
    return words("model_group_tails")


@derived
def _level_words() -> tuple[str, ...]:
    """Level words that may precede a body named only by its kind (data/model_level_words.tsv), in file order."""
    return words("model_level_words")


@derived
def _gov_suffixes() -> tuple[str, ...]:
    """Suffixes of government bodies (named by their place): the organization
    suffixes of type GovernmentBody and data/model_gov_suffixes.tsv."""
    return tuple(s for s, st in LX.ORG_SUFFIXES if st == "GovernmentBody") + words("model_gov_suffixes")


@derived
def _town_suffixes() -> tuple[str, ...]:
    """Towns and sub-districts the county-level gazetteer does not list (data/model_town_suffixes.tsv)."""
    return words("model_town_suffixes")


@derived
def _inner_org_suffixes() -> tuple[str, ...]:
    """Endings that make a name of a model organization over a place or a rule
    organization (甲市外事办, 甲银行乙省分行): data/model_inner_org_suffixes.tsv."""
    return words("model_inner_org_suffixes")


@derived
def _branch_suffixes() -> tuple[str, ...]:
    """Endings of a branch of an organization (甲银行 + 乙省分行): scope branch."""
    return words("model_inner_org_suffixes", "branch")


@derived
def _place_suffixes() -> tuple[str, ...]:
    """Endings of an administrative unit the gazetteer lacks (长冈市): data/model_place_suffixes.tsv."""
    return words("model_place_suffixes")


@derived
def _place_ending_words() -> frozenset[str]:
    """Words an administrative ending starts (市场, 省级): data/model_place_ending_words.tsv."""
    return frozenset(words("model_place_ending_words"))


@derived
def _org_left_joiners() -> tuple[str, ...]:
    """Words that join an org name to the one before it (甲国驻|乙市办事处): data/model_org_left_joiners.tsv."""
    return words("model_org_left_joiners")


#: characters of transliterated foreign names (西门子, 戴尔, 斯图加特)
TRANSLIT = frozenset(
    "阿埃艾爱安奥澳巴拜班邦贝本比彼波伯勃博布察达戴丹道德迪蒂丁东杜多俄厄恩法范菲费芬弗福伏盖甘冈高戈格"
    "根古哈海汉豪赫亨胡华怀惠霍基吉加贾杰捷金卡凯坎康柯科克肯库夸奎拉莱赖兰朗劳勒雷蕾里理利莉丽连林琳"
    "卢鲁路伦罗洛马迈麦曼梅门蒙米明摩莫穆纳娜奈尼涅纽努诺欧帕潘庞佩彭皮珀普齐奇恰乔切琴丘萨塞桑瑟森"
    "沙莎尚舍什史斯松苏索塔泰坦汤唐特滕提图托瓦旺威韦维温沃乌伍西希锡夏谢辛休雅亚扬耶伊因英尤于约泽扎詹"
    "朱兹佐尔赛茨"
)


@derived
def _party_after() -> tuple[str, ...]:
    """Words after a party or an organization acting (B就..., B董事长, B自主研制): data/model_party_after.tsv."""
    return words("model_party_after")


@derived
def _visit_before() -> tuple[str, ...]:
    """Visit verbs before a target (参观B, 走进B): data/model_visit_before.tsv."""
    return words("model_visit_before")


@derived
def _with_before() -> tuple[str, ...]:
    """Counterpart words before a partner (与B合作): data/model_with.tsv, scope before."""
    return words("model_with", "before")


@derived
def _with_after() -> tuple[str, ...]:
    """What follows the partner (与B合作, 同B交流): data/model_with.tsv, scope after."""
    return words("model_with", "after")


@derived
def _org_list_nouns() -> tuple[str, ...]:
    """Nouns after 等 that close a list of organizations (data/model_org_list_nouns.tsv)."""
    return words("model_org_list_nouns")


@derived
def _seps() -> tuple[str, ...]:
    """List separators, in file order (以及 before 及): data/model_list_marks.tsv, scope sep."""
    return words("model_list_marks", "sep")


@derived
def _inner_seps() -> tuple[str, ...]:
    """Separators that end a list item inside a clause: scope inner."""
    return words("model_list_marks", "inner")


@derived
def _list_close() -> tuple[str, ...]:
    """What closes a list before its noun (A、B等企业): scope close."""
    return words("model_list_marks", "close")


_CLAUSE_END = set("，,。；;：:！!？?\n")


@dataclass
class RuleView:
    """What the rules found in the text, for judging model spans."""

    text: str
    #: (start, end, type) of every rule candidate, gazetteer places included
    spans: list[tuple[int, int, str]] = field(default_factory=list)
    #: organization names found by the rules (for abbreviations)
    org_names: list[str] = field(default_factory=list)

    def inside(self, s: int, e: int) -> list[tuple[int, int, str]]:
        return [x for x in self.spans if s <= x[0] and x[1] <= e and (x[0], x[1]) != (s, e)]

    def crosses(self, s: int, e: int) -> bool:
        return any(a < e and s < b and not (s <= a and b <= e) and not (a <= s and e <= b) for a, b, _ in self.spans)

    def equal(self, s: int, e: int) -> bool:
        return any((a, b) == (s, e) for a, b, _ in self.spans)

    def covered(self, s: int, e: int) -> bool:
        """Is [s, e) inside one rule span (a part of a name already found)?"""
        return any(a <= s and e <= b for a, b, _ in self.spans)

    def orgs(self) -> list[tuple[int, int]]:
        return [(a, b) for a, b, t in self.spans if t == "Organization"]


def has_stop(name: str) -> bool:
    """A function character or verb inside, or a stop word at the start."""
    if any(c in _stop_chars() and not _inside_company(name, i) for i, c in enumerate(name)):
        return True
    if _stop_word_rx().search(name) and any(  # the scan only where some stop word is in the name
            _stop_word_at(name, w, i) for w in _stop_words() for i in _find_all(name, w)):
        return True
    return name.startswith(_start_stops()) and not name.startswith(_start_keeps())


@derived
def _stop_word_rx() -> re.Pattern:
    """Any word of :func:`_stop_words` (whether :func:`has_stop` needs to look further)."""
    return re.compile(any_of(_stop_words()))


def _inside_company(name: str, i: int) -> bool:
    """Is the function character at ``i`` part of a company's brand (甲均和集团有限公司,
    甲恒而达股份有限公司)? Only characters of data/model_name_inner_chars.tsv, in a
    name with a legal form, between two brand characters; the part before it is no
    name of its own (a place, a person, an organization: 甲市和乙有限公司)."""
    if name[i] not in _name_inner_chars():
        return False
    legal = next((w for w in O.legal_forms()[::-1] if len(w) >= 4 and name.endswith(w)), None)
    if legal is None:
        return False
    before, after = name[:i], name[i + 1: -len(legal)]
    if not before or not after or any(c in _stop_chars() for c in before + after):
        return False
    head = before[_leading_place_end(before):]
    return bool(head) and org_suffix(before) is None and not person_form(head) and not person_form(before)


@derived
def _name_inner_chars() -> frozenset[str]:
    """Function characters that may stand inside a brand (均和, 恒而达): data/model_name_inner_chars.tsv."""
    return frozenset(words("model_name_inner_chars"))


@derived
def _start_keeps() -> tuple[str, ...]:
    """Words a name may start with although a start stop begins them (全国: a national
    body, not a span that took the word before it): data/model_start_keeps.tsv."""
    return words("model_start_keeps")


def _find_all(name: str, w: str) -> list[int]:
    out, i = [], name.find(w)
    while i >= 0 and w:
        out.append(i)
        i = name.find(w, i + 1)
    return out


def _stop_word_at(name: str, w: str, i: int) -> bool:
    """A stop word at ``i``, unless an organization ending follows it (甲乙交流中心,
    甲乙交流协会: the word names the body's field, the span did not run on)."""
    after = name[i + len(w):]
    endings = tuple(x for x, _ in LX.ORG_SUFFIXES) + _inner_org_suffixes()
    return not (len(after) >= 2 and after.startswith(endings) and i > 0)


def is_group(name: str) -> bool:
    """A group or a part of a body: 代表团, 渝商考察团, 集团党委, X总部."""
    return name.endswith(group_tails())


def org_suffix(name: str) -> str | None:
    """The longest organization suffix ``name`` ends with (after a 2+ char core)."""
    best = None
    for suf in LX.suffixes_by_char(last=True).get(name[-1:], ()):
        if name.endswith(suf) and len(name) > len(suf) and (best is None or len(suf) > len(best)):
            best = suf
    return best


def _strip_level(name: str) -> str:
    changed = True
    while changed and name:
        changed = False
        for w in _level_words():
            if name.startswith(w) and len(name) > len(w):
                name = name[len(w):]
                changed = True
                break
    return name


def inner_suffix(name: str) -> str | None:
    """The org suffix of ``name``, or one of the endings that make a name of a
    span over a place or an organization (外事办, 分行, 议会, 中心 ...)."""
    suf = org_suffix(name)
    if suf:
        return suf
    return next((w for w in sorted(_inner_org_suffixes(), key=len, reverse=True)
                 if name.endswith(w) and len(name) > len(w)), None)


def _place_chain(part: str) -> bool:
    """Is ``part`` made of gazetteer places only (临海市, 浙江省临海市)?"""
    return bool(part) and _leading_place_end(part) == len(part)


def inner_orgs_fit(name: str, s: int, inner_orgs: list[tuple[int, int, str]], view: "RuleView") -> bool:
    """May an organization span contain these rule organizations?

    - X + the organization ending the span, X an abbreviation (北航 + 泉州创新研究院),
      or a place (临海市 + 国资委) or a level word (国家 + 商务部) before a body
      that names no place itself;
    - the organization starting the span, then a place and a branch ending
      (甲乙银行 + 临海市分行, 甲乙大学 + 临海分校), or a unit of it
      (甲乙商会 + 秘书处, 甲乙研究院 + 油气中心, 甲乙部 + 驻临海办事处);
    - an organization, 驻 and the mission ending the span (甲乙政府驻 +
      临海联络办公室).

    Rule organizations inside another one count as that one (甲乙大学 inside
    甲乙大学丙丁学院).
    """
    e = s + len(name)
    spans = {(a, b) for a, b, _ in inner_orgs}
    spans = {(a, b) for a, b in spans if not any(x <= a and b <= y and (x, y) != (a, b) for x, y in spans)}
    if len(spans) != 1:
        return False
    a, b = next(iter(spans))
    if b == e:
        prefix = name[: a - s]
        if alias_prefix(prefix, view):
            return True
        if prefix.endswith(_org_left_joiners()) and _names_body(prefix[: -1]):
            return True  # 甲乙政府驻|临海联络办公室: the mission of the body before 驻
        if _walk_stopped_inside(view.text, s, a, prefix):
            return True  # 甲恒而|达新材料股份有限公司: the rule's walk stopped at a word inside the name
        # a body named without its place (国资委, 商务部) gets one; a name with its own place
        # keeps it (苏州 + 昆山市甲乙有限公司 is an address before the name)
        return (_place_chain(prefix) or prefix in _level_words()) and _leading_place_end(name[a - s:]) == 0
    if a == s or _place_chain(name[: a - s]):  # 甲乙银行 / 临海市 + 国资委: the organization with its place
        rest = name[b - s:]
        branch = next((w for w in _branch_suffixes() if rest.endswith(w) and len(rest) > len(w)), None)
        if branch is not None and _place_chain(rest[: -len(branch)]):
            return True
        return not name[: b - s].endswith(_unit_parent_stops()) and unit_of(rest)
    return False


def _walk_stopped_inside(text: str, s: int, a: int, prefix: str) -> bool:
    """The rule organization starting at ``a`` is cut: its left walk stopped at a
    character that may stand inside a brand (而 in 甲恒而达: data/model_name_inner_chars.tsv),
    which the model's name ``prefix`` + rule name runs over from a clean left edge
    at ``s``. The prefix is short and names no place, person or organization of its own."""
    if LW.word_ending_at(text, a, LX.LEFT_STOPS) not in _name_inner_chars() or a - 1 <= s:
        return False
    if not len(prefix) <= 10 or not _clean_left(text, s):
        return False
    head = prefix[_leading_place_end(prefix):]
    return bool(head) and org_suffix(prefix) is None and not person_form(head) and not person_form(prefix)


def _names_body(prefix: str) -> bool:
    """Does ``prefix`` end with an organization's name (an org suffix or a ministry after 2+ characters)?"""
    return len(prefix) >= 3 and (org_suffix(prefix) is not None or prefix.endswith(tuple(LX.MINISTRIES)))


def unit_of(rest: str) -> bool:
    """Is ``rest``, written right after an organization's name, one of its units:
    a department or a centre (秘书处, 油气中心, 科教文体委), a mission away
    (驻临海办事处) or a campus (北校区)? A short core (no place chain alone,
    no level character at the start, no person's name) and an organization ending."""
    for j in _org_left_joiners():
        if rest.startswith(j):
            head = _leading_place_end(rest[len(j):])
            if head == 0:
                return False
            rest = rest[len(j) + head:]
            break
    suf = inner_suffix(rest) or (rest if rest in _unit_words() else None)
    if suf is None:
        return False
    core = rest[: -len(suf)] if suf != rest else ""
    if len(core) > 8 or core and (core[0] in LX.LEVEL_CHARS or _place_chain(core)):
        return False
    return not (core and person_form(core))


@derived
def _unit_parent_stops() -> tuple[str, ...]:
    """Bodies whose units are named after the place, not after them (甲市政府|经济发展局
    is 甲市经济发展局, a name of its own): data/model_unit_parent_stops.tsv."""
    return words("model_unit_parent_stops")


@derived
def _unit_words() -> frozenset[str]:
    """Units that are a name on their own right after their organization (秘书处): data/model_inner_org_suffixes.tsv."""
    return frozenset(words("model_inner_org_suffixes"))


def _leading_place_end(name: str) -> int:
    """Length of the place chain at the start of ``name`` (0 when none)."""
    pos = 0
    for s, e, _ in G.find_places(name):
        if s == pos:
            pos = e
    return pos


def gov_suffix(suf: str) -> bool:
    """Does the org suffix ``suf`` make a government body (named by its place)? Not
    a suffix of another kind that only ends like one (公司 ends with 司)."""
    if suf in LX.GOV_NEEDS_PLACE:
        return True
    return suf.endswith(_gov_suffixes()) and dict(LX.ORG_SUFFIXES).get(suf) != "Company"


@derived(maxsize=1 << 16)
def is_generic_body(name: str) -> bool:
    """A body named only by level and kind, with no proper-name part:
    区政协, 市人大常委会, 省发改委, 两地文旅局, 经信委, 商务局, 办公室, 科技处.
    (A function of the name and the lexicons alone: remembered per name, forgotten
    when the lexicons are reloaded.)"""
    if O.generic_body(name, 0) is not None and O.generic_body(name, 0)[0] == len(name):
        return True
    if _leading_place_end(name) > 0:
        return False
    rest = _strip_level(name)
    if rest in LX.MINISTRIES:
        return False
    suf = next((s for s in sorted(_gov_suffixes(), key=len, reverse=True) if rest.endswith(s)), None)
    if suf is None:
        return False
    full = org_suffix(rest)
    if full and len(full) > len(suf) and not gov_suffix(full) and rest not in dict(LX.ORG_SUFFIXES):
        return False  # the body word ends a longer suffix of another kind (华锐公司: 司 in 公司)
    core = rest[: -len(suf)]
    if numbered(core) or town_core(core):
        return False  # 甲乙五局: a numbered unit of an enterprise; 杨行镇政府: a town's; not a department named by its field
    # a government department without a place: named only by its field (文旅, 商务, 经信)
    return len(core) <= 4


def venue_name(name: str) -> bool:
    """A venue's name (苏州博物馆, 上海图书馆: an ending of data/model_venue_endings.tsv after a
    core of 2+ characters that is no level word, level characters nor a generic core: not 市博物馆,
    全市博物馆, 城市博物馆; 大学图书馆 still passes, its core 大学 not being generic)."""
    end = next((w for w in words("model_venue_endings") if name.endswith(w)), None)
    if end is None:
        return False
    core = name[: -len(end)]
    return (len(core) >= 2 and not core.startswith(_level_words()) and not all(c in LX.LEVEL_CHARS for c in core)
            and not LX.is_generic_core(core))


def town_core(core: str) -> bool:
    """A town or sub-district the gazetteer lacks (杨行镇 of 杨行镇人民政府: an ending of
    data/model_town_suffixes.tsv after a stem of 2-6 characters), which names its body as a
    city does; not a word ending like one (乡镇, 城镇: data/place_m_not_towns.tsv) nor a
    level word (全市, 我县: data/model_level_words.tsv)."""
    end = next((t for t in _town_suffixes() if core.endswith(t)), None)
    return (end is not None and 2 <= len(core) - len(end) <= 6 and not core.endswith(words("place_m_not_towns"))
            and not core.startswith(_level_words()))


def numbered(core: str) -> bool:
    """A name core of two or more characters and a number (甲乙 + 五, 甲乙 + 十八): the
    numbered units of an enterprise (甲乙五局), named by their owner, not by a place
    (numerals: data/org_list_marks.tsv, scope numeral)."""
    nums = words("org_list_marks", "numeral")
    k = len(core)
    while k > 0 and core[k - 1] in nums:
        k -= 1
    return k >= 2 and k < len(core) and not any(c in nums for c in core[:k]) and core[:k] not in _level_words()


def is_generic_name(name: str) -> bool:
    """Made of generic description words only, once an org suffix is removed."""
    suf = org_suffix(name)
    core = name[: -len(suf)] if suf else name
    return LX.is_generic_core(core) or LX.is_generic_core(_strip_level(core)) or name in LX.GENERIC_PARKS


def person_form(name: str) -> bool:
    """A Chinese personal name (2-3 characters, 4 with a compound family name)
    or a transliterated one (X·Y)."""
    if "·" in name:
        parts = name.split("·")
        return len(parts) <= 3 and all(len(p) >= 1 for p in parts) and all(c in TRANSLIT for p in parts for c in p)
    if not P.plausible_name(name, proposed=True):
        return False
    if len(name) == 4:
        _, two = P.surnames()
        return name[:2] in two
    return True


def _clean_left(text: str, s: int) -> bool:
    return s == 0 or text[s - 1] in P.PUNCT or LW.stop_before(text, s, LX.LEFT_STOPS)


def _clean_right(text: str, e: int) -> bool:
    return e >= len(text) or text[e] in P.PUNCT or P.right_boundary(text, e) > 0 or text.startswith(
        _party_after() + _with_after() + _list_close(), e)


def in_org_list(text: str, s: int, e: int, org_spans: list[tuple[int, int]], closed_only: bool = False) -> bool:
    """Does [s, e) stand in a list of organizations: an organization item next
    to it (``A有限公司以及B``, ``B、C集团``) or the list closed by 等企业/等公司?
    With ``closed_only`` only the closed list counts (a person may stand next to
    an organization: 张三及X局副局长)."""
    ends = {b for _, b in org_spans}
    starts = {a for a, _ in org_spans}
    for sep in _seps() if not closed_only else ():
        if text.endswith(sep, 0, s) and (s - len(sep)) in ends:
            return True
        if text.startswith(sep, e) and (e + len(sep)) in starts:
            return True
    # walk right over list items up to 等 + an organization noun, within the clause
    pos = e
    for _ in range(8):
        close = next((w for w in _list_close() if text.startswith(w, pos)), None)
        if close is not None:
            return text.startswith(_org_list_nouns(), pos + len(close))
        sep = next((w for w in _seps() if text.startswith(w, pos)), None)
        if sep is None:
            return False
        pos += len(sep)
        k = pos
        while k < len(text) and k - pos <= 12 and text[k] not in _CLAUSE_END and text[k] not in _item_ends():
            if any(text.startswith(w, k) for w in _inner_seps()) and k > pos:
                break
            k += 1
        if k == pos or k - pos > 12:
            return False
        pos = k
    return False


@derived
def _item_ends() -> str:
    """Characters that end a list item: the one-character separators of scope
    item_end and the one-character list closers (、 and 等)."""
    return "".join(w for w in words("model_list_marks", "item_end") + _list_close() if len(w) == 1)


def party_context(text: str, s: int, e: int) -> bool:
    """A party or visit target: B就..., B董事长, 参观B, 与B合作."""
    if text.startswith(_party_after(), e):
        return True
    if any(text.endswith(w, 0, s) for w in _visit_before()) and _clean_right(text, e):
        return True
    if any(text.endswith(w, 0, s) for w in _with_before()) and text.startswith(_with_after(), e):
        return True
    return False


def repeated(text: str, name: str, min_count: int = 2) -> bool:
    """Does ``name`` occur ``min_count`` times with clear boundaries on both sides?"""
    n = 0
    for m in re.finditer(re.escape(name), text):
        if _clean_left(text, m.start()) and _clean_right(text, m.end()):
            n += 1
            if n >= min_count:
                return True
    return False


def _company_word(name: str) -> bool:
    return name.endswith(LX.SHORT_COMPANY_SUFFIXES + LX.INDUSTRY_SUFFIXES) and not is_generic_name(name)


@derived
def _verbs_after() -> frozenset[str]:
    """Two-character verbs whose first character a span may have taken (澳瑞特研|发): data/model_verbs_after.tsv."""
    return frozenset(words("model_verbs_after"))


def trim(sp: ModelSpan, text: str) -> ModelSpan:
    """Give back the first character of a verb the span ran into (X研|发生产 -> X), and
    the marks at its edges that belong to the text around it (“珠三角 of 赴“珠三角”:
    a mark it begins with, an opening mark it ends with, a closing one it ends with
    and opens nowhere; 甲科技(上海) keeps its brackets; Unicode categories)."""
    s, e = sp.start, sp.end
    while s < e and unicodedata.category(text[s]).startswith("P"):
        s += 1
    while s < e and (unicodedata.category(text[e - 1]) in ("Ps", "Pi") or unicodedata.category(text[e - 1]) in ("Pe", "Pf")
                     and not any(unicodedata.category(c) in ("Ps", "Pi") for c in text[s:e - 1])):
        e -= 1
    if e - s > 2 and text[e - 1:e + 1] in _verbs_after():
        e -= 1
    if (s, e) == (sp.start, sp.end) or s >= e:
        return sp
    return ModelSpan(s, e, text[s:e], sp.type, sp.label, sp.confidence)


def judge(sp: ModelSpan, view: RuleView, is_alias=None) -> Mention | None:
    """The mention a model span gives, or None when it fails a check.

    ``is_alias(short)``: True when ``short`` is an abbreviation of an
    organization the rules found in the article (see kg.recognize.coref).
    """
    if not (0 <= sp.start < sp.end <= len(view.text)) or view.text[sp.start:sp.end] != sp.text:
        return None
    sp = trim(sp, view.text)
    text, s, e, name, typ = view.text, sp.start, sp.end, sp.text, sp.type
    if typ not in ("Person", "Organization", "Place"):
        return None
    if not 2 <= len(name) <= 24 or any(c.isdigit() for c in name):
        return None
    if any(c in P.PUNCT and c != "·" for c in name) or (typ != "Person" and "·" in name):
        return None
    if view.crosses(s, e) or view.equal(s, e) or view.covered(s, e):
        return None
    alias = bool(is_alias and is_alias(name))
    if typ == "Person":
        county = county_short_form(name)
        if county is not None and not (T.title_ending_at(text, s) or T.starts_with_title(text, e)):
            # 投资余干, 来余干: the short form of a county or district (余干县), no title at it
            from kg.recognize.place_mentions import place_subtype

            return Mention(s, e, name, "Place", place_subtype(county), "model", county.name, county.code)
        if view.inside(s, e) or any(T.starts_with_title(name, i) for i in range(1, len(name))):
            return None  # 李静副(院长), 吴市长: a title inside
        if T.starts_with_title(text, e - 1):
            return None
        if not person_form(name) or in_org_list(text, s, e, view.orgs(), closed_only=True):
            # not a personal name, or in a list of companies (A公司以及戴尔、B等企业): an entity
            # of uncertain type, kept as an organization only when corroborated
            return None if has_stop(name) or is_group(name) else _brand(sp, view, alias)
        if "·" not in name and not P.plausible_name(name):
            # a rare given-name character (邵为民): only where the name clearly ends or a title leads
            if P.right_boundary(text, e) == 2 or T.title_ending_at(text, s):
                return Mention(s, e, name, "Person", None, "model")
            return None
        if P.right_boundary(text, e) or P.left_boundary(text, s) or T.title_ending_at(text, s):
            return Mention(s, e, name, "Person", None, "model")
        return None
    if has_stop(name) or is_group(name) or is_generic_name(name):
        return None
    if T.starts_with_title(text, e - 1) and not org_suffix(name):
        return None
    if typ == "Place" and venue_name(name):
        return Mention(s, e, name, "Organization", None, "model")  # 苏州博物馆: a venue the gold names as an organization
    if typ == "Place" and not _company_word(name):
        inner = view.inside(s, e)
        if (inner and not place_with_ending(name, inner)) or G.lookup(name):
            return None
        town = name.endswith(_town_suffixes()) and len(name) >= 3 and not name.startswith(_level_words())
        foreign = len(name) >= 3 and all(c in TRANSLIT for c in name)
        return Mention(s, e, name, "Place", "Town" if town else None, "model") if (town or foreign or unit_place(name, text, e)) else None
    return _organization(sp, view, alias)


def unit_place(name: str, text: str = "", e: int = 0) -> bool:
    """A named administrative unit the gazetteer lacks (长冈市, 阿克兰省): a
    proper core of 2+ characters (not a level word, level characters or a
    town: 甲乡镇|市), an administrative ending, and the ending does not start
    a word with the next character (甲乙市|场, 甲乙省|级). A core that is a province
    or a country of the gazetteer is no unit's own name (台湾 + 县 in 台湾县市长: the
    counties and cities of the province; the gazetteer lists the units it has)."""
    suf = next((w for w in _place_suffixes() if name.endswith(w)), None)
    if suf is None:
        return False
    core = name[: -len(suf)]
    if text and text[e - 1:e + 1] in _place_ending_words():
        return False
    if any(p.level in ("Province", "Country") for p in G.lookup(core)):
        return False
    return (len(core) >= 2 and not name.startswith(_level_words()) and not LX.is_generic_core(core)
            and not all(c in LX.LEVEL_CHARS for c in core)
            and not core.endswith(_town_suffixes() + _place_suffixes()))


def place_with_ending(name: str, inner: list[tuple[int, int, str]]) -> bool:
    """A place span over gazetteer places that adds only an administrative
    ending (大同 + 镇, 延边 + 州): a unit of its own."""
    if any(t != "Place" for _, _, t in inner):
        return False
    suf = next((w for w in sorted(_town_suffixes() + _place_suffixes(), key=len, reverse=True)
                if name.endswith(w)), None)
    return suf is not None and _place_chain(name[: -len(suf)])


def _organization(sp: ModelSpan, view: RuleView, alias: bool) -> Mention | None:
    text, s, e, name = view.text, sp.start, sp.end, sp.text
    if G.lookup(name):
        return None  # a place the model took for an organization (宝鸡 作为...)
    if any(text.endswith(w, 0, s) for w in _org_left_joiners()):
        return None  # cut from a longer name (甲国驻|乙市办事处)
    if name.endswith(LX.false_body_words()):
        return None  # a word that ends like a body but names none (org_false_body_words.tsv)
    suf = org_suffix(name)
    inner = view.inside(s, e)
    if inner:
        suf = inner_suffix(name)  # 甲市外事办, 甲银行乙省分行: the inner mention makes the ending a name
        if not suf and place_brand(name, s, inner):
            return _brand(sp, view, alias)  # 临海华锐电梯: a brand after its place, corroborated as a brand
        if not suf or (name[0] in LX.LEVEL_CHARS and _leading_place_end(name) == 0):
            return None  # no ending, or a level character before the name (市|甲乙协会)
        if len(suf) == 1 and not org_suffix(name) and not (_clean_right(text, e) or T.starts_with_title(text, e)):
            return None  # a one-character ending running into the sentence (甲乙饭店所|举行)
        if text[e:e + 1] and text[e] in O.suffix_followers(suf):
            return None  # the ending starts another word (甲乙集团总会|计师, 甲乙部外贸司|理)
        inner_orgs = [x for x in inner if x[2] != "Place"]
        if inner_orgs:
            if not inner_orgs_fit(name, s, inner_orgs, view):
                return None
        elif not _clean_left(text, s) and _leading_place_end(name) == 0:
            return None
    if suf:
        if gov_suffix(suf):
            if is_generic_body(name) and not alias:
                return None
            if _leading_place_end(name) == 0 and not alias and not inner and not numbered(name[: -len(suf)]) \
                    and not town_core(name[: -len(suf)]):
                return None  # a government body is named by its place (or its town: 杨行镇人民政府)
        if not (_clean_left(text, s) or _leading_place_end(name) > 0 or alias):
            return None
        return Mention(s, e, name, "Organization", None, "model")
    if _company_word(name):
        if _clean_left(text, s) or alias:
            return Mention(s, e, name, "Organization", "Company", "model")
        return None
    return _brand(sp, view, alias)


def _after_a_title(text: str, name: str) -> bool:
    """Is ``name`` written right after a title somewhere in ``text`` (会长森民夫)?"""
    i = text.find(name)
    while i >= 0:
        if T.title_ending_at(text, i) is not None:
            return True
        i = text.find(name, i + 1)
    return False


def place_brand(name: str, s: int, inner: list[tuple[int, int, str]]) -> bool:
    """A brand written after its place (临海华锐电梯, 甲市宏远电磁线): the rule
    mentions inside are places of the place chain that starts the span, and a
    proper part of two characters or more follows it (not a generic word, a
    place, a level word or a place ending such as 街 or 镇)."""
    head = _leading_place_end(name)
    if head == 0 or any(t != "Place" or b - s > head for _, b, t in inner):
        return False
    rest = name[head:]
    return (len(rest) >= 2 and not LX.is_generic_core(rest) and not G.lookup(rest)
            and rest[0] not in LX.LEVEL_CHARS and not rest.endswith(_place_name_ends()))


@derived
def _place_name_ends() -> tuple[str, ...]:
    """Endings of a place or a site, never of a brand after a place (data/model_place_name_ends.tsv)."""
    return words("model_place_name_ends") + _town_suffixes() + _place_suffixes()


@derived
def _county_levels() -> tuple[str, ...]:
    """Level characters of counties and districts (data/place_level_chars.tsv, scope county)."""
    return words("place_level_chars", "county")


def county_short_form(name: str) -> "G.Place | None":
    """The county or district of the gazetteer that ``name`` (two characters)
    writes without its level character (余干 for 余干县), or None."""
    if len(name) != 2:
        return None
    for level in _county_levels():
        hits = [p for p in G.lookup(name + level) if p.level == "District"]
        if len(hits) == 1:
            return hits[0]
    return None


def _brand(sp: ModelSpan, view: RuleView, alias: bool) -> Mention | None:
    """An organization named without a suffix (a brand, 西门子): corroborated."""
    text, s, e, name = view.text, sp.start, sp.end, sp.text
    if len(name) > 8 or is_generic_body(name) or name.startswith(tuple(LX.LEVEL_CHARS)):
        return None
    if not (_clean_left(text, s) or alias):
        return None
    if not alias and _after_a_title(text, name):
        return None  # 董事长甲乙, 会长甲乙丙: a name written right after a title is a person's, no brand
    listed = in_org_list(text, s, e, view.orgs()) and _clean_right(text, e)  # not cut inside a member (甲乙|丙丁电梯、)
    ok = alias or listed or party_context(text, s, e) or repeated(text, name)
    return Mention(s, e, name, "Organization", None, "model") if ok else None


def alias_prefix(prefix: str, view: RuleView) -> bool:
    """Is ``prefix`` (北航) an abbreviation of an organization the rules found?"""
    from kg.recognize.coref import abbreviation_target

    return 2 <= len(prefix) <= 4 and abbreviation_target(prefix, view.org_names) is not None
