"""The left boundary of a name: walk left from its suffix.

``walk_left(text, end)`` returns where a name ending at ``end`` starts: it
walks left over name characters (and short bracket groups) until
punctuation, a stop word or a blocked offset; e.g. in ``双方与甲乙科技研究所签约``
the walk from the suffix 研究所 stops after 与, giving 甲乙科技研究所. Joiners
(与/和/及) are kept inside department and lab names made of two field words
(``X省工业和信息化厅``).
"""

from __future__ import annotations

import bisect
from functools import lru_cache

from kg.lexicons.org_lexicon import (
    GENERIC_CORE_WORDS,
    INDUSTRY_SUFFIXES,
    LEFT_STOPS,
    MINISTRIES,
    ORG_SUFFIXES,
    PARK_SUFFIXES,
    PUNCT,
    SHORT_COMPANY_SUFFIXES,
)
from kg.lexicons.gazetteer import home_country
from kg.lexicons.load import derived, entries, words


@derived
def _name_initial_stops() -> frozenset[str]:
    """One-character stop words that may also begin a name after punctuation
    (、等离子体物理研究所): data/walk_name_initial_stops.tsv."""
    return frozenset(words("walk_name_initial_stops"))


@derived
def _stop_words_in_names() -> tuple[str, ...]:
    """Words that contain a one-character stop word and belong to a name (全国, 安全):
    data/org_stop_words_in_names.tsv."""
    return words("org_stop_words_in_names")


@derived
def _inside_words() -> frozenset[str]:
    """Words starting with a stop word that a name holds anywhere, not only at its start
    (临海旅港同乡联合会): data/org_stop_words_in_names.tsv, scope inside."""
    return frozenset(e.word for e in entries("org_stop_words_in_names") if "inside" in e.scope)


def _stop_word_around(text: str, pos: int, stop: str) -> tuple[int | None, int]:
    """(start, end) of a listed word (全国, 安全) that holds the one-character stop
    word ``stop`` written at ``pos``; (None, 0) when there is none."""
    if len(stop) != 1:
        return None, 0
    for w in _stop_words_in_names():
        k = w.find(stop)
        while k >= 0:
            if pos - k >= 0 and text.startswith(w, pos - k):
                return pos - k, pos - k + len(w)
            k = w.find(stop, k + 1)
    return None, 0


@derived
def _noun_stops() -> frozenset[str]:
    """Noun stops that a place prefix may carry into a name (银川市企业科技创新服务协会): data/walk_noun_stops.tsv."""
    return frozenset(words("walk_noun_stops"))


_MAX_ORG = 32


def is_name_char(ch: str) -> bool:
    return ("\u4e00" <= ch <= "\u9fff") or ch.isalnum() or ch in "·&"


@lru_cache(maxsize=32)
def _ending_index(words: tuple[str, ...]) -> tuple[tuple[int, ...], dict[str, int]]:
    """The lengths of ``words`` and each word's first position in it."""
    first: dict[str, int] = {}
    for k, w in enumerate(words):
        first.setdefault(w, k)
    return tuple(sorted({len(w) for w in words if w})), first


def word_ending_at(text: str, i: int, words: tuple[str, ...]) -> str | None:
    """The first of ``words`` (in their order) that ends at offset ``i`` of ``text``
    (one dictionary look-up per word length, not one ``endswith`` per word)."""
    lengths, first = _ending_index(words)
    best, best_k = None, len(words)
    for n in lengths:
        if n > i:
            break
        k = first.get(text[i - n:i])
        if k is not None and k < best_k:
            best, best_k = words[k], k
    return best


def stop_before(text: str, i: int, stops: tuple[str, ...]) -> bool:
    return word_ending_at(text, i, stops) is not None


@derived
def _soft_stops() -> frozenset[str]:
    """Joiners (与/和/及) that may stand inside one name: data/walk_soft_stops.tsv."""
    return frozenset(words("walk_soft_stops"))


#: suffixes of department-like names that may join two field words with 和/与/及
#: (工业和信息化厅, 材料科学与工程学院, 成果转化与区域创新司, 创新科技及工业局):
#: data/walk_joinable_suffixes.tsv (a constant: kg.recognize.orgs imports it)
JOINABLE_SUFFIXES = words("walk_joinable_suffixes")


@derived
def _thing_ends() -> tuple[str, ...]:
    """A field word never ends with these (校史馆和..., 合作协议和...): two things
    listed (data/walk_thing_ends.tsv, scope field)."""
    return words("walk_thing_ends", "field")


@derived
def _chunk_ends() -> tuple[str, ...]:
    """The words before a joiner never end with these (香港和…): scope chunk."""
    return words("walk_thing_ends", "chunk")


@derived
def _determiner_chars() -> str:
    """Characters that open a determiner phrase (我市, 本校, 双方), never a field
    word before a joiner: data/walk_determiner_chars.tsv."""
    return "".join(words("walk_determiner_chars"))

_MAX_FIELD = 6


def walk_left(
    text: str,
    end: int,
    limit: int = _MAX_ORG,
    blocked: set[int] | None = None,
    place_ends: set[int] | None = None,
    protected: list[tuple[int, int]] | None = None,
    joinable: bool = False,
    lab: bool = False,
    place_starts: dict[int, int] | None = None,
) -> int:
    """Start of a name ending at ``end``: walk left over name characters and
    short bracket groups until punctuation, a stop word or a blocked offset.

    - a one-character stop word right after punctuation is part of the name
      (、等离子体物理研究所);
    - a stop word right after a place name is part of the name (银川市企业...);
    - with ``joinable`` (a department-like suffix follows), 与/和/及 join two
      short field words inside one name (北方民族大学材料科学与工程学院,
      X省工业和信息化厅), never two names or a person and a name (张三与X集团);
    - with ``lab`` (a lab or centre suffix follows), 与/和/及 join two
      technical field words after a university or institute name
      (X大学轧制技术及连轧自动化国家重点实验室), see :func:`_joins_lab`;
    - ``protected`` spans (known names such as 工业和信息化部) are never cut;
    - a stop character that begins a place of ``place_starts`` (start -> end)
      ending inside the name is the place's first character (日照市发改委: 日 is
      a stop after a date, here it begins 日照市), and one written inside such a
      place belongs to it (日本台湾交流协会: 本; 马来西亚X总会: 来).
    """
    i = end
    lo = max(0, end - limit)
    while i > lo:
        if blocked and i in blocked:
            break
        if protected:
            k = bisect.bisect_right(protected, (i - 1, float("inf"))) - 1
            if k >= 0 and protected[k][0] < i - 1 < protected[k][1]:
                i = protected[k][0]
                continue
        ch = text[i - 1]
        if ch in ")）":
            j = max(text.rfind("(", lo, i - 1), text.rfind("（", lo, i - 1))
            if j < 0 or i - 1 - j > 8 or any(c in PUNCT for c in text[j + 1:i - 1]) or j == 0:
                break
            i = j
            continue
        if not is_name_char(ch) or ch.isdigit():
            break
        stop = word_ending_at(text, i, LEFT_STOPS)
        if stop is not None:
            before = i - len(stop)
            if stop in _name_initial_stops() and (before <= 0 or text[before - 1] in "、,，;；"):
                i -= 1
                continue
            w_start, w_end = _stop_word_around(text, before, stop)
            if w_start is not None and w_start < before and w_end <= end:
                i = w_start  # 食品安全交流协会: 全 ends a word of the name here
                continue
            if w_start == before and w_end <= end and (
                    before <= 0 or not is_name_char(text[before - 1]) or stop_before(text, before, LEFT_STOPS)
                    or text[w_end:end] in _lab_qualifiers() or text[before:w_end] in _inside_words()):
                i = before  # 了全国律师联合会, X技术全国重点实验室: 全 starts a word of the name, no determiner
                continue
            if place_starts and i <= place_starts.get(before, -1) <= end:
                i = before  # 日照市X: the stop character begins a place written in the name
                continue
            inside = next((ps for ps, pe in place_starts.items() if ps < before and i <= pe <= end),
                          None) if place_starts else None
            if inside is not None:
                i = inside  # 日本台湾交流协会, 马来西亚X总会: the stop character is inside a place of the name
                continue
            if place_ends and before in place_ends and stop in _noun_stops():
                i = before
                continue
            if stop in _soft_stops() and joinable and _joins_inside(text, before, end, blocked, place_ends):
                i = before
                continue
            if stop in _soft_stops() and lab and _joins_lab(text, before, end, blocked, place_ends):
                i = before
                continue
            if stop in _adverb_stops() and before > lo and is_name_char(text[before - 1]) \
                    and text.startswith(_noun_heads(), i, end):
                i = before  # X钼都新材料科技有限公司: an adverb never stands before a noun
                continue
            break
        i -= 1
    return i


@derived
def _adverb_stops() -> frozenset[str]:
    """One-character adverbs among the stop words: before a verb, never before a
    noun (data/walk_adverb_stops.tsv)."""
    return frozenset(words("walk_adverb_stops"))


@lru_cache(maxsize=1)
def _noun_heads() -> tuple[str, ...]:
    return tuple(w for w in INDUSTRY_SUFFIXES + SHORT_COMPANY_SUFFIXES + GENERIC_CORE_WORDS if len(w) >= 2)


def _joins_inside(text: str, pos: int, end: int, blocked, place_ends) -> bool:
    """Is 与/和/及 at ``pos`` inside one department-like name ending at ``end``?

    Both sides must be short field words: 工业[和]信息化(厅), 材料科学[与]工程(学院);
    not 校史馆[和]...重点实验室 (two things), 张三[与]X集团 (a person), X[与]公司.
    """
    if blocked and pos in blocked or place_ends and pos in place_ends:
        return False
    right = text[pos + 1:end]
    if not right or len(right) > _MAX_FIELD:
        return False
    j = walk_left(text, pos, limit=12, blocked=blocked)
    chunk = text[j:pos]
    if len(chunk) < 2 or chunk[0] in _determiner_chars() or chunk.endswith(_chunk_ends()):
        return False
    from kg.recognize.persons import ends_like_body, plausible_name

    if chunk not in words("org_field_words") and (
            ends_like_body(chunk) or plausible_name(chunk)
            or plausible_name(chunk[-3:]) and len(chunk) > 3 and chunk[-4] in "、，,"):
        return False  # a body (司法部与X公司) or a person (张三与X集团) before the joiner
    field = _field_before(text, j, pos, place_ends)
    if not field or len(field) > _MAX_FIELD or field.endswith(_thing_ends()):
        return False
    ends = [suf for suf, _ in ORG_SUFFIXES] + list(PARK_SUFFIXES) + list(MINISTRIES)
    return not any(field.endswith(e) for e in ends)


#: suffixes of lab and centre names whose field may be two words joined by 及/与/和:
#: data/walk_lab_suffixes.tsv (a constant: kg.recognize.orgs imports it)
LAB_SUFFIXES = words("walk_lab_suffixes")


@derived
def _lab_qualifiers() -> tuple[str, ...]:
    """Qualifiers between a lab's field and its suffix (连轧自动化[国家重点]实验室),
    longest first (data/walk_lab_qualifiers.tsv; equal lengths in file order)."""
    return tuple(sorted(words("walk_lab_qualifiers"), key=len, reverse=True))


@derived
def _lab_owner_ends() -> tuple[str, ...]:
    """Names a lab's field words follow: a university or research institute (data/walk_lab_owner_ends.tsv)."""
    return words("walk_lab_owner_ends")


def _is_field(word: str, longest: int = _MAX_FIELD) -> bool:
    return 2 <= len(word) <= longest and all("\u4e00" <= c <= "\u9fff" for c in word) \
        and not word.endswith(_thing_ends()) and not word.endswith(_name_ends()) and not word.endswith(PARK_SUFFIXES)


def _joins_lab(text: str, pos: int, end: int, blocked, place_ends) -> bool:
    """Is 与/和/及 at ``pos`` inside one lab or centre name ending at ``end``?

    The lab's owner (a university or institute) stands right before the
    first field word and both sides are field words:
    甲大学[轧制技术]及[连轧自动化]国家重点实验室; not 参观了校史馆和X实验室
    (no owner), 甲大学校史馆和X实验室 (馆: a thing), 甲大学与X实验室 (no field).
    """
    if blocked and pos in blocked or place_ends and pos in place_ends:
        return False
    right = text[pos + 1:end]
    for q in _lab_qualifiers():
        if right.endswith(q) and len(right) > len(q):
            right = right[: -len(q)]
            break
    if not _is_field(right):
        # a long second field only in a listed lab (模拟与混合信号超大规模集成电路国家重点实验室)
        return _is_field(right, 2 * _MAX_FIELD) and _listed_lab_field(text, pos, blocked)
    for n in range(2, _MAX_FIELD + 1):
        k = pos - n
        if k < 0:
            break
        owner = word_ending_at(text, k, _lab_owner_ends())
        if owner is not None:
            return _is_field(text[k:pos]) and not any(text.startswith(w, k) for w in LEFT_STOPS if len(w) >= 2)
    return _listed_lab_field(text, pos, blocked)


def _listed_lab_field(text: str, pos: int, blocked) -> bool:
    """The first field word of a lab named without its owner, right after a list
    boundary (、 / 和 / 了): 考察了甲实验室和[矿产成矿]与预测重点实验室. The words
    before the joiner are one field word (no name, no stop word inside)."""
    from kg.recognize.persons import plausible_name

    j = walk_left(text, pos, limit=_MAX_FIELD + 1, blocked=blocked)
    chunk = text[j:pos]
    if not _is_field(chunk) or plausible_name(chunk) or j <= 0:
        return False
    if any(w in chunk for w in LEFT_STOPS if len(w) >= 2):
        return False
    return text[j - 1] in PUNCT or stop_before(text, j, LEFT_STOPS)


@lru_cache(maxsize=1)
def _name_ends() -> tuple[str, ...]:
    return tuple(suf for suf, _ in ORG_SUFFIXES) + tuple(MINISTRIES)


def _field_before(text: str, start: int, pos: int, place_ends) -> str:
    """The words right before ``pos`` after the last place or org name in
    ``text[start:pos]`` (甘肃省工业 -> 工业, 科技部成果转化 -> 成果转化), or after
    the home country leading them (中国航天系统科学 -> 航天系统科学; 中国 alone stays)."""
    names = _name_ends()
    for k in range(pos - 1, start, -1):
        if place_ends and k in place_ends or word_ending_at(text, k, names) is not None:
            return text[k:pos]
    home = home_country()
    if home and text.startswith(home, start) and pos - start > len(home):
        return text[start + len(home):pos]  # 中国航天系统科学[与]工程研究院: the country leads the name
    return text[start:pos]
