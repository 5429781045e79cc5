"""Person names from context: titles, lists, bylines, and model evidence.

Chinese names are a family name (single or compound, see
``data/surnames.txt``) plus one or two given characters. Where a name ends
is decided by what follows it: punctuation, a title (``徐进市长``), or a
word that typically follows a name (出席, 表示, 一行, 等, 与 ...).

Sources (``Mention.source``):

- ``title-context``: a name right after a title chain (``市委书记陈向平``)
  or right before a title (``徐进市长``, ``董绍明院士``);
- ``list``: the names that continue such a name with ``、`` (``副所长闫继娜、杨金山``)
  or spaces after a label (``责任编辑:安艳鸽 郭栩汝``);
- ``byline``: reporter/author credits (``(郭赟)``, ``(记者李家鸣)``, ``(文/孙洋 图/赵艳荣)``);
- ``model``: the NLP model's Person spans that pass the name check;
- ``repeat``: later occurrences of a name already found.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from kg.doc import Mention
from kg.lexicons import titles as T
from kg.lexicons.load import alternation, derived, words
from kg.lexicons.org_lexicon import has_department_suffix


@derived
def followers() -> tuple[str, ...]:
    """Words that typically follow a person's name (data/person_followers.tsv),
    in file order: the first one that stands at a place decides."""
    return words("person_followers")


@derived
def _strong_followers() -> frozenset[str]:
    """Followers that end a name clearly (scope ``strong``; the others are weak)."""
    return frozenset(words("person_followers", "strong"))


@derived
def _honorifics_after() -> tuple[str, ...]:
    """Post-nominal honorifics (data/person_honorifics.tsv): a name stands right before them; no title."""
    return words("person_honorifics")


@derived
def _left_words() -> tuple[str, ...]:
    """Words after which a name may start, besides punctuation (data/person_left_words.tsv)."""
    return words("person_left_words")


#: characters never part of a given name (function words, numerals, common verbs):
#: data/person_function_chars.tsv, scope non_name (a constant: other modules import it)
NON_NAME_CHARS = set(words("person_function_chars", "non_name"))


@derived
def _non_name_chars() -> frozenset[str]:
    return frozenset(words("person_function_chars", "non_name"))


PUNCT = set(" \t\n\r,，。；;:：!！?？、“”\"'‘’「」『』《》<>()（）[]【】|/·•—-_…　")


@derived
def _org_words() -> tuple[str, ...]:
    """Words that end organization names, never a given name (data/person_org_words.tsv)."""
    return words("person_org_words")


def ends_like_body(name: str) -> bool:
    """Does ``name`` end with a body character (部, 办, 委, 院: the one-character
    words of data/person_org_words.tsv)?"""
    return name.endswith(tuple(w for w in _org_words() if len(w) == 1))


@derived
def _byline_roles() -> tuple[str, ...]:
    """Credit roles a byline name may be glued to (记者李青), in file order (data/person_byline_roles.tsv)."""
    return words("person_byline_roles", "roles")


@lru_cache(maxsize=1)
def surnames() -> tuple[frozenset[str], frozenset[str]]:
    """(single-character family names, compound family names)."""
    text = resources.files("kg.lexicons").joinpath("data/surnames.txt").read_text(encoding="utf-8")
    one, two = set(), set()
    for line in text.splitlines():
        w = line.strip()
        if not w or w.startswith("#"):
            continue
        (one if len(w) == 1 else two).add(w)
    return frozenset(one), frozenset(two)


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


@derived
def _model_stop_chars() -> frozenset[str]:
    """Function characters never inside a name, even one the NER model proposes
    (data/person_function_chars.tsv, scope model_stop)."""
    return frozenset(words("person_function_chars", "model_stop"))


def plausible_name(name: str, proposed: bool = False) -> bool:
    """Family name + 1-2 given characters, no function words, not a title or place.
    With ``proposed`` (the NER model proposed this exact span) a given name may hold
    a character that is rarely one (邵为民, 王一圩) as its first of two, unless a model_stop character."""
    one, two = surnames()
    if not 2 <= len(name) <= 4 or not all(_is_cjk(c) for c in name):
        return False
    if name[:2] in two:
        given = name[2:]
    elif name[0] in one:
        given = name[1:]
    else:
        return False
    if not 1 <= len(given) <= 2 and not (len(given) == 3 and name[1] in one):
        return False
    if any(c in _non_name_chars() for c in given):
        # a proposed two-character given name may open with a rare character (邵为民)
        lenient = proposed and len(given) == 2 and given[1] not in _non_name_chars()
        if not lenient or given[0] in _model_stop_chars():
            return False
    if name.endswith(_org_words()):
        return False  # 东方集团: a compound family name followed by an org word
    if name.startswith(_name_start_words()):
        return False  # 相关负责人, 理事长强调: a word, whatever family name it begins with
    for i in range(1, len(name)):
        if T.starts_with_title(name, i):
            return False
    if name in T.TITLES:
        return False
    return True


@derived
def _time_after() -> re.Pattern:
    """Time words glued to a name (王一今（21）日, 王一昨日): the name ends
    before them (data/person_time_after.tsv, regex pieces)."""
    return re.compile(alternation("person_time_after", regex=True))


def time_after_at(text: str, pos: int) -> bool:
    """Whether a time word glued to a name starts at ``pos`` (王一|今（21）日)."""
    return _time_after().match(text, pos) is not None


def right_boundary(text: str, pos: int) -> int:
    """How clearly a name may end at ``pos``: 2 strong, 1 weak, 0 not."""
    if pos >= len(text) or text[pos] in PUNCT:
        return 2
    if _time_after().match(text, pos):
        return 2
    if T.starts_with_title(text, pos):
        return 2
    for w in _followers_by_initial().get(text[pos], ()):
        if text.startswith(w, pos):
            return 2 if w in _strong_followers() else 1
    return 0


@derived
def _followers_by_initial() -> dict[str, tuple[str, ...]]:
    """The followers grouped by first character, each group in file order."""
    out: dict[str, list[str]] = {}
    for w in followers():
        out.setdefault(w[0], []).append(w)
    return {k: tuple(v) for k, v in out.items()}


def left_boundary(text: str, pos: int) -> bool:
    if pos <= 0 or text[pos - 1] in PUNCT:
        return True
    return any(text.endswith(w, 0, pos) for w in _left_words())


def name_at(text: str, start: int, known: set[str] | frozenset[str] = frozenset()) -> str | None:
    """The person name that starts at ``start``, judged by what follows it."""
    cands = []
    for n in (4, 3, 2):
        name = text[start:start + n]
        if len(name) == n and plausible_name(name):
            cands.append(name)
    if len(cands) > 1:  # 邱勇今(5)日: no name runs into a time word glued to it
        cands = [c for c in cands if not time_after_at(text, start + len(c) - 1)] or cands
    if not cands:
        return None
    for name in cands:  # a name already known wins
        if name in known and right_boundary(text, start + len(name)):
            return name
    scored = [(right_boundary(text, start + len(c)), c) for c in cands]
    strong = [c for b, c in scored if b == 2]
    weak = [c for b, c in scored if b == 1]
    if strong:
        # 4-character names only with a compound family name or a clear end
        best = strong[0]
        one, two = surnames()
        if len(best) == 4 and any(len(c) < 4 for c in strong):
            if best[:2] not in two:
                best = next(c for c in strong if len(c) < 4)
        elif len(best) == 4 and best[:2] not in two and best[:3] in cands:
            # 刘文堂均提出, 李正和、丁宗苏率代表团, 高孔廉今率团: a single family name takes two
            # given characters; the fourth is a follower, or the three stand alone elsewhere
            three = best[:3]
            if right_boundary(text, start + 3) or three in known or _clear_elsewhere(text, three, start):
                best = three
        return best
    if weak:
        return weak[-1]  # a one-character follower: prefer the shorter name (李雪及)
    for name in cands:  # no clear end here, but the same name stands clearly elsewhere
        if len(name) == 3 and _clear_elsewhere(text, name, start):
            return name
    return None


def _clear_elsewhere(text: str, name: str, skip: int) -> bool:
    for n, m in enumerate(re.finditer(re.escape(name), text)):
        if n > 50:
            break
        if m.start() != skip and right_boundary(text, m.end()) == 2:
            return True
    return False


def name_before(text: str, end: int, known: set[str] | frozenset[str] = frozenset()) -> str | None:
    """The person name that ends at ``end`` (``徐进市长``), judged by what precedes it."""
    _, two = surnames()
    for n in (3, 2, 4):
        s = end - n
        if s < 0:
            continue
        name = text[s:end]
        if n == 4 and name[:2] not in two:
            continue
        if plausible_name(name) and (left_boundary(text, s) or name in known):
            return name
    ends = _japanese_surname_ends()
    near = {ch for n in (1, 2, 3) if end - n - 1 >= 0 and (ch := text[end - n - 1]) in ends}
    for family in japanese_surnames() if near else ():  # 太田浩議長, 塩田康一知事
        if family[-1] not in near:
            continue  # (a family name ends one to three characters before ``end``)
        for n in (1, 2, 3):
            s = end - n - len(family)
            if s < 0 or not text.startswith(family, s):
                continue
            name = text[s:end]
            if all(_is_cjk(c) for c in name) \
                    and (left_boundary(text, s) or name in known) and not _bad_unknown(text, s, name):
                return name
    return None


def _mention(start: int, name: str, source: str) -> Mention:
    return Mention(start, start + len(name), name, "Person", source=source)


@derived
def _list_marks() -> str:
    """Marks that continue a list of names (data/person_list_marks.tsv)."""
    return "".join(words("person_list_marks"))


def _joins_body(text: str, pos: int) -> bool:
    """Does a joiner (与/和/及) at ``pos`` lead into the rest of one body's name
    (商务[及]经济发展局)? A department suffix ends the words after it before any
    punctuation (data/walk_soft_stops.tsv, data/walk_joinable_suffixes.tsv)."""
    if text[pos:pos + 1] not in words("walk_soft_stops"):
        return False
    k = pos + 1
    while k < len(text) and k - pos <= 10 and _is_cjk(text[k]):
        k += 1
    return has_department_suffix(text[pos + 1:k + 1])


def _list_after(text: str, end: int, source: str, seps: str | None = None,
                model_ends: dict[int, int] | None = None,
                model_persons: set[int] | frozenset[int] = frozenset()) -> list[Mention]:
    """Names that continue a list after a name ending at ``end``; with
    ``model_ends``, also a long name the model marks there (柴原慎一、功刀岳秀)."""
    seps = _list_marks() if seps is None else seps
    out = []
    pos = end
    while pos < len(text) and text[pos] in seps:
        nxt = name_at(text, pos + 1)
        if nxt is None and model_ends and model_ends.get(pos + 1, 0) - pos - 1 >= 4:
            nxt = model_name_after_title(text, pos + 1, model_ends, model_persons)
        if nxt is None or not right_boundary(text, pos + 1 + len(nxt)):
            break
        if _joins_body(text, pos + 1 + len(nxt)):
            break  # 、商务及经济发展局局长: the first field word of a body, no name
        out.append(_mention(pos + 1, nxt, source))
        pos = pos + 1 + len(nxt)
    return out


@derived
def _byline_res() -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    """(byline, credit group, credit, label) patterns, built from the credit
    roles of data/person_byline_roles.tsv (scopes byline, byline_next,
    credit_group, credit, label); no role is a prefix of another except 摄 of
    摄影, which the longest-first alternation tries first as 摄影? did."""
    def alt(use: str) -> str:
        return alternation("person_byline_roles", use)

    byline = re.compile(
        r"[(（]\s*(?:" + alt("byline") + r"\s*[/／:：]?\s*)?"
        r"([\u4e00-\u9fff]{2,4})"
        r"((?:\s+|[、/／,，])(?:" + alt("byline_next") + r"\s*[/／:：]?\s*)?[\u4e00-\u9fff]{2,4})*\s*[)）]"
    )
    #: a bracketed credit with a media name and spaces: (X日报记者 张三 通讯员 李四)
    group = re.compile(r"[(（][^()（）\n]{0,40}?" + alt("credit_group") + r"[^()（）\n]{0,40}[)）]")
    credit = re.compile(alt("credit") + r"\s*[/／:：]?\s*([\u4e00-\u9fff]{2,4})(?=[\s、,，/／)）])")
    label = re.compile("(" + alt("label") + r")(?:\s*[:：/]\s*|[ \u3000]+(?=[\u4e00-\u9fff]{2,4}(?:[ \u3000\n]|$)))")
    return byline, group, credit, label


@derived
def _credit_end() -> tuple[str, ...]:
    """What may close a space-separated credit line (记者 张三 李四报道): data/person_credit_end.tsv."""
    return words("person_credit_end")


def _credit_name_at(text: str, pos: int) -> str | None:
    """A name of a credit line at ``pos``: 2-4 characters ended by a space,
    a list mark, a bracket or 报道 (记者 张三 李四报道)."""
    nm = re.match(r"[\u4e00-\u9fff]{2,4}", text[pos:pos + 4])
    if not nm:
        return None
    for n in range(len(nm.group()), 1, -1):
        w, endp = text[pos:pos + n], pos + n
        ended = endp >= len(text) or text[endp] in " \t\n\r、,，)）]】　" or text.startswith(_credit_end(), endp)
        if ended and credit_name(w):
            return w
    return None


@derived
def _numerals() -> frozenset[str]:
    """Numerals (data/org_list_marks.tsv, scope numeral)."""
    return frozenset(words("org_list_marks", "numeral"))


@derived
def _credit_ok_chars() -> frozenset[str]:
    """Numerals a given name may have in a credit line (data/person_function_chars.tsv, scope credit_ok)."""
    return frozenset(words("person_function_chars", "credit_ok"))


def credit_name(name: str) -> bool:
    """A name in a credit line or bracketed byline (记者 何一航, 责任编辑：马一娜):
    the role marks a person, so numerals usual in given names are allowed.
    Not a word no name starts with (左一 of a photo caption) nor a place's
    name (a dateline in brackets: (温州))."""
    if name.startswith(_name_start_words()):
        return False
    from kg.lexicons import gazetteer as G

    if G.lookup(name):
        return False
    if plausible_name(name):
        return True
    if len(name) < 2 or not any(c in _credit_ok_chars() for c in name[1:]):
        return False
    return plausible_name(name[0] + "".join(name[0] if c in _credit_ok_chars() else c for c in name[1:]))


def find_bylines(text: str) -> list[Mention]:
    out: list[Mention] = []
    byline_re, group_re, credit_re, label_re = _byline_res()
    for m in byline_re.finditer(text):
        inner_start = m.start() + 1
        body = text[inner_start:m.end() - 1]
        for part in re.finditer(r"[\u4e00-\u9fff]{2,}", body):
            w = part.group()
            s = inner_start + part.start()
            for role in _byline_roles():
                if w.startswith(role) and credit_name(w[len(role):]):
                    w, s = w[len(role):], s + len(role)
                    break
            for end in _credit_end():  # (集团总部 伍晖摄): the credit's closing word is no part of the name
                if w.endswith(end) and credit_name(w[: -len(end)]):
                    w = w[: -len(end)]
                    break
            if credit_name(w):
                out.append(_mention(s, w, "byline"))
    for g in group_re.finditer(text):
        for m in credit_re.finditer(text, g.start(), g.end()):
            if credit_name(m.group(1)):
                out.append(_mention(m.start(1), m.group(1), "byline"))
    for m in label_re.finditer(text):
        pos = m.end()
        while pos < len(text):
            w = _credit_name_at(text, pos)
            if w is None:
                break
            endp = pos + len(w)
            out.append(_mention(pos, w, "byline"))
            pos = endp
            while pos < len(text) and text[pos] in " 　\t、,，":
                pos += 1
            if pos < len(text) and text[pos] == "\n":
                break
    return out


#: what joins the parts of a foreign name written in Chinese (马库斯·海因茨; Taiwan and Macau
#: pages write 曼努埃爾‧皮尼奧 with U+2027): one set for recognition and coreference
NAME_DOTS = "·・•‧"
#: a transliterated name: parts joined by a middle dot (马库斯·海因茨)
_TRANSLIT_RE = re.compile(f"[\u4e00-\u9fff]{{1,8}}(?:[{NAME_DOTS}][\u4e00-\u9fff]{{1,10}})+")


@derived
def _unknown_stop() -> frozenset[str]:
    """Characters that end a name of unknown family name (a function word or
    verb follows): data/person_function_chars.tsv, scope unknown_stop."""
    return frozenset(words("person_function_chars", "unknown_stop"))


#: characters of transliterated names (Tibetan, Uyghur, Mongolian, Yi, foreign):
#: a name of unknown family name is made of these only (才让多杰, 买买提·艾力)
TRANSLIT_CHARS = frozenset(
    "才让多杰扎西次仁旦增拉姆卓玛尼达瓦央金格桑平措索朗顿珠强巴罗布普边洛德吉白曲珍"
    "阿不都热合曼买提艾尔肯古丽吐逊努克拜力木特赫乌兰图雅那顺苏和额敦巴图孟根其格"
    "斯琴花宝音毕勒塔娜依沙吾伊帕夏米迪亚库尔班哈萨汗别克孜玉素甫麦麦赛伦托乎"
    "卡坎贡嘎觉措确加更秋华丹本美朵卓嘎永琼则泽南杰坚赞群培扎堆顿多吉嘉措"
    "斯蒂芬森马库海因茨威廉姆约翰逊汉诺维菲利普奥莱安德烈莫利夫娃诺基洛"
    "日赉朝鲁钦"  # Mongolian: 乌日娜, 那日苏, 朝鲁, 达赉
)


@derived
def korean_surnames() -> frozenset[str]:
    """Korean family names missing from the Chinese list (朴志勋, 全成浩): a
    three-character name with one of them is taken only right after a title
    (data/person_korean_surnames.tsv)."""
    return frozenset(words("person_korean_surnames"))


@derived
def _not_name_words() -> tuple[str, ...]:
    """Words that a title is often followed by and that are no name (data/person_not_name_words.tsv)."""
    return words("person_not_name_words")


@derived
def _name_start_words() -> tuple[str, ...]:
    """Words a name never starts with (data/person_not_name_words.tsv, scope name_start)."""
    return tuple(w for w in words("person_not_name_words", "name_start") if len(w) >= 2)


@derived
def _stop_openings() -> tuple[str, ...]:
    """Openings of transliterated names that begin with a stop character
    (那日苏): data/person_stop_openings.tsv."""
    return words("person_stop_openings")


def translit_at(text: str, start: int) -> str | None:
    """A middle-dot name starting at ``start`` (马库斯·海因茨), ended where a
    follower word or punctuation stands (马库斯·海因茨一行 -> 马库斯·海因茨)."""
    m = _TRANSLIT_RE.match(text, start)
    if m is None:
        return None
    last = max(m.group().rfind(d) for d in NAME_DOTS)
    head_end = start + last + 1
    for e in range(head_end + 1, m.end() + 1):
        b = right_boundary(text, e)
        # a one-character follower ends the name after two characters of its last part (布鲁斯·劳纳|率)
        if (b == 2 or b == 1 and e - head_end >= 2) and not (e - head_end == 1 and e < m.end()):
            return text[start:e]
    return None


#: a name in Latin script (Maria Silva, Jean-Luc Martin, Janet MacPhee, António Cruz SERRA,
#: Ladie N. Jack, Maria Teresa de Salter Cid): a capitalised first word, then one to six
#: more, each capitalised, in capitals or an initial, name particles (de, von der) between
#: them allowed (data/person_latin_particles.tsv)
_UP, _LOW = "A-ZÀ-ÖØ-Þ", "a-zß-öø-ÿ"
#: below this code point a letter or digit goes on a Latin-script name (CJK punctuation and ideographs start here)
_CJK_START = 0x3000
_FIRST = rf"[{_UP}][{_LOW}]+(?:[{_UP}][{_LOW}]+)?(?:-[{_UP}][{_LOW}]+)?"
_NEXT = rf"(?:{_FIRST}|[{_UP}]{{2,}}(?![{_LOW}])|[{_UP}]\.)"


@derived
def _latin_re() -> re.Pattern:
    particles = "|".join(map(re.escape, words("person_latin_particles")))
    return re.compile(rf"{_FIRST}(?: (?:(?:{particles}) ){{0,2}}{_NEXT}){{1,6}}")


def latin_name_at(text: str, start: int) -> str | None:
    """A Latin-script name right after a title (局长Maria Silva一行), not followed
    by more Latin letters or digits."""
    m = _latin_re().match(text, start)
    if m is None:
        return None
    e = m.end()
    if e < len(text) and (_latin_continues(text[e]) or text[e] in "-_."):
        return None
    return m.group()


def _latin_continues(c: str) -> bool:
    """Whether ``c`` would go on a Latin-script name (a letter or digit before the CJK range)."""
    return c.isalnum() and ord(c) < _CJK_START


def latin_name_before(text: str, end: int) -> str | None:
    """A Latin-script name right before a title (António Sampaio Nóvoa教授), not
    preceded by more Latin letters or digits."""
    lo = max(0, end - 120)
    for m in _latin_re().finditer(text, lo, end):
        if m.end() == end and (m.start() == 0 or not _latin_continues(text[m.start() - 1])):
            return m.group()
    return None


def unknown_name_at(text: str, start: int) -> str | None:
    """A name right after a title whose family name is not on the list
    (才让多杰, 买买提): 2-4 Han characters up to a strong boundary, without
    function words, titles, places or organization words."""
    for n in (2, 3, 4):
        e = start + n
        name = text[start:e]
        if len(name) < n or not all(_is_cjk(c) for c in name):
            return None
        if any(c in _unknown_stop() and not (i == 0 and name.startswith(_stop_openings())) or c not in TRANSLIT_CHARS
               for i, c in enumerate(name)):
            return None  # 那 is a function word, but 那日X is a Mongolian name (那日苏)
        if right_boundary(text, e) == 2 and (e >= len(text) or text[e] in PUNCT or _strong_word_after(text, e)):
            if _bad_unknown(text, start, name):
                return None
            return name
    return None


@derived
def japanese_surnames() -> tuple[str, ...]:
    """Japanese family names missing from the Chinese list, longest first
    (data/person_japanese_surnames.tsv)."""
    return tuple(sorted(words("person_japanese_surnames"), key=len, reverse=True))


@derived
def _japanese_surname_ends() -> frozenset[str]:
    """The last characters of the Japanese family names (:func:`name_before` looks for
    a family name only where one of them stands)."""
    return frozenset(f[-1] for f in japanese_surnames())


def japanese_name_at(text: str, start: int) -> str | None:
    """A Japanese name right after a title (会长森民夫, 知事塩田康一): a Japanese
    family name and one to three given characters, clearly ended (punctuation
    or a strong follower)."""
    for family in japanese_surnames():
        if not text.startswith(family, start):
            continue
        for n in (1, 2, 3):
            e = start + len(family) + n
            name = text[start:e]
            if len(name) < len(family) + n or not all(_is_cjk(c) for c in name):
                break
            if e >= len(text) or text[e] in PUNCT or _strong_word_after(text, e):
                return None if _bad_unknown(text, start, name) else name
        return None
    return None


def korean_name_at(text: str, start: int) -> str | None:
    """A Korean name right after a title (朴志勋): a Korean family name and
    two given characters, clearly ended (punctuation or a strong follower)."""
    name = text[start:start + 3]
    e = start + 3
    if len(name) < 3 or name[0] not in korean_surnames() or not all(_is_cjk(c) for c in name):
        return None
    if any(c in _unknown_stop() for c in name[1:]):
        return None
    if not (e >= len(text) or text[e] in PUNCT or _strong_word_after(text, e)):
        return None
    return None if _bad_unknown(text, start, name) else name


def _strong_word_after(text: str, pos: int) -> bool:
    """A follower of two or more characters (一行, 表示), 等, or a title."""
    if T.starts_with_title(text, pos) or _time_after().match(text, pos):
        return True
    return any(text.startswith(w, pos) for w in _strong_followers())


def _bad_unknown(text: str, start: int, name: str) -> bool:
    if any(name.startswith(w) for w in followers() if len(w) >= 2) or name.startswith(_not_name_words()):
        return True
    if name.endswith(_org_words()) or name in T.TITLES:
        return True
    for i in range(len(name)):
        if T.starts_with_title(name, i):
            return True
    from kg.lexicons import gazetteer as G

    return any(G.lookup(name[i:j]) for i in range(len(name)) for j in range(i + 2, len(name) + 1))


def _skip_space(text: str, pos: int) -> int:
    """A single space after a title is no boundary (副市长 孔令辉)."""
    if pos + 1 < len(text) and text[pos] == " " and _is_cjk(text[pos + 1]) and pos > 0 and _is_cjk(text[pos - 1]):
        return pos + 1
    return pos


def spaced_name_at(text: str, start: int) -> tuple[int, str] | None:
    """A two-character name written with a space inside (肖 红) after a title:
    (end, name without the space)."""
    if start + 3 > len(text) or text[start + 1] != " ":
        return None
    a, b = text[start], text[start + 2]
    one, _ = surnames()
    if not (_is_cjk(a) and _is_cjk(b)) or a not in one or b in _non_name_chars():
        return None
    if right_boundary(text, start + 3) == 2 and (start + 3 >= len(text) or text[start + 3] in PUNCT
                                                 or _strong_word_after(text, start + 3)):
        return start + 3, a + b
    return None


def model_name_after_title(text: str, start: int, model_ends: dict[int, int],
                           model_persons: frozenset[int] | set[int] = frozenset()) -> str | None:
    """A name the NLP model marks (as any type) right after a title, clearly
    ended (县委书记沙万强，; 市长佐藤树一郎率团): the title says it is a person
    even when the model typed it an organization or the family name is not
    on the list. Not an organization, place or title word. A long name (four
    or more characters: Japanese and other foreign names, 山本恭司, 柴原慎一)
    may hold characters rare in Chinese given names and end with a numeral,
    and may end before a weak follower (率); when the model typed it a person
    (``model_persons``: the starts of its Person spans), a last character that
    ends organization names too (司) does not make it one."""
    e = model_ends.get(start)
    if e is None:
        return None
    name = text[start:e]
    if not 2 <= len(name) <= 6 or not all(_is_cjk(c) or c in NAME_DOTS for c in name):
        return None
    long = len(name) >= 4
    if long and right_boundary(text, e) == 1 and not any(c in _model_stop_chars() for c in name):
        pass  # 佐藤树一郎率政府代表团: a long model name before a weak follower
    elif right_boundary(text, e) != 2 or not (e >= len(text) or text[e] in PUNCT or _strong_word_after(text, e)):
        return None
    last = len(name) - 1
    if long:
        if any(c in _model_stop_chars() for c in name[1:]) or name[-1] in _unknown_stop() - _numerals():
            return None
    elif any(c in _unknown_stop() or c in _non_name_chars() and (c not in _numerals() or i == last)
             for i, c in enumerate(name[1:], 1)):
        return None  # 扎和, 李万: no given name; a numeral inside one may be (沙万强)
    from kg.lexicons import org_lexicon as LX

    sufs = tuple(suf for suf, _ in LX.ORG_SUFFIXES if not (long and start in model_persons and len(suf) == 1))
    if name.endswith(sufs) or any(c.isdigit() for c in name):
        return None
    return None if _bad_unknown(text, start, name) else name


def find_persons(text: str, model_names: set[str] | None = None,
                 model_ends: dict[int, int] | None = None,
                 model_persons: set[int] | frozenset[int] = frozenset()) -> list[Mention]:
    """Person mentions found from context in ``text`` (may overlap; the caller resolves).
    ``model_ends``: start -> end of the model's spans (any type); ``model_persons``:
    the starts of its Person spans."""
    known = set(model_names or ())
    model_ends = model_ends or {}
    out: list[Mention] = []
    rx = T.title_regex()
    for m in rx.finditer(text):
        end = _skip_space(text, m.end())
        # name after the title (chain): 市委书记陈向平; 领导 only as 市领导/区领导
        if m.group("role") in T.GROUP_ROLES and (m.start() == 0 or text[m.start() - 1] not in _group_levels()):
            continue
        tl = translit_at(text, end) or latin_name_at(text, end)
        if tl:
            out.append(_mention(end, tl, "title-context"))
            continue
        titled = T.starts_with_title(text, end)
        name = name_at(text, end, known) if not titled else None  # 常委|常务副市长: no name
        if (name is None and end == m.end() and not titled
                and name_before(text, m.start(), known) is None):
            name = unknown_name_at(text, end) or korean_name_at(text, end) or japanese_name_at(text, end)
        if name is None and not titled:
            name = model_name_after_title(text, end, model_ends, model_persons)
        if name is None:
            sp = spaced_name_at(text, end)
            if sp is not None:
                out.append(Mention(end, sp[0], text[end:sp[0]], "Person", source="title-context", canonical=sp[1]))
                continue
        if name:
            mm = _mention(end, name, "title-context")
            out.append(mm)
            out.extend(_list_after(text, mm.end, "list", model_ends=model_ends, model_persons=model_persons))
        # name before the title: 徐进市长, 董绍明院士; not when a name follows the
        # title (经发局长陈冠宇: the words before are the body, 经发局 + 局长)
        before = name_before(text, m.start(), known) if not name and not _inside_org_word(text, m.start(), m.end()) \
            else None
        if not name and before is None and (latin := latin_name_before(text, m.start())):
            out.append(_mention(m.start() - len(latin), latin, "title-context"))  # António Feijó教授
            continue
        if before and text[end:end + 1] not in _title_word_tails():
            out.append(_mention(m.start() - len(before), before, "title-context"))
    for h in _honorifics_after():
        for m in re.finditer(h, text):
            before = name_before(text, m.start(), known)
            if before:
                out.append(_mention(m.start() - len(before), before, "title-context"))
    out.extend(find_bylines(text))
    return out


def _inside_org_word(text: str, start: int, end: int) -> bool:
    """Is the title text[start:end] the head of an organization word that runs
    past it (委员 of 经济委员会副主任, an organization suffix of
    kg.lexicons.org_lexicon)? Then no name is taken before it."""
    from kg.lexicons import org_lexicon as LX

    by_first = LX.suffixes_by_char(last=False)
    longest = LX.longest_suffix()
    return any(k + len(suf) > end and text.startswith(suf, k)
               for k in range(max(start, end - longest + 1), end) for suf in by_first.get(text[k], ()))


@derived
def _group_levels() -> str:
    """Level characters before a group role (市领导, 区领导): data/coref_level_chars.tsv, scope group_role."""
    return "".join(words("coref_level_chars", "group_role"))


@derived
def _title_word_tails() -> str:
    """Characters that make a title's last character part of a word (市长期, 局长远):
    no name before such a title (data/person_title_word_tails.tsv)."""
    return "".join(words("person_title_word_tails"))


def repeat_mentions(text: str, names: set[str]) -> list[Mention]:
    """Every occurrence of already-found names (the caller drops overlaps)."""
    out: list[Mention] = []
    for name in names:
        for m in re.finditer(re.escape(name), text):
            out.append(_mention(m.start(), name, "repeat"))
    return out
