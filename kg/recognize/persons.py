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

#: words that typically follow a person's name
FOLLOWERS = (
    "一行", "等", "同志", "先生", "女士", "出席", "主持", "表示", "指出", "强调", "介绍", "带队", "率团",
    "率队", "率", "陪同", "会见", "会晤", "致辞", "讲话", "参加", "代表", "说", "作", "对", "向", "与",
    "和", "及", "在", "为", "是", "也", "就", "到", "赴", "来", "前往", "一同", "分别", "详细", "还",
    "团队", "听取", "参观", "考察", "调研", "实地", "接待", "签", "宣布", "希望", "认为", "要求", "提出",
    "深入", "首先", "随后", "充分", "高度", "热情", "感谢", "欢迎", "带领", "走进", "来到", "察看",
    "了解", "共同", "见证", "致", "发表", "回答", "看望", "慰问", "主张", "肯定", "盛赞", "点赞", "称赞",
    "坦言", "告诉", "透露", "先后", "亲自", "一起", "会谈", "座谈", "交流", "了", "的", "所", "将",
    "并", "则", "又", "都", "已", "曾", "从", "给", "把", "被", "让", "以", "于", "同", "跟", "呼吁",
    "他", "她", "现场", "围绕", "就是", "主动", "特别", "进一步", "举行", "出任", "担任", "当选", "获得",
    "主讲", "发言", "作了", "一起", "同时", "分别", "等人", "介绍了", "太平绅士",
)
#: post-nominal honorifics (何某太平绅士): a name stands right before them; no title
HONORIFICS_AFTER = ("太平绅士",)
#: characters after which a name may start (besides punctuation)
LEFT_WORDS = (
    "与", "和", "及", "同", "对", "向", "由", "在", "是", "了", "见", "请", "给", "让", "把", "被", "为",
    "等", "率", "陪同", "会见", "会晤", "看望", "欢迎", "感谢", "邀请", "以及", "获悉", "听取",
    "落实", "学习", "贯彻", "根据", "按照", "传达", "认真", "视察",
)
#: characters never part of a given name (function words, numerals, common verbs)
NON_NAME_CHARS = set(
    "的了在是与及等为对将把被从也都就而之其于以所这那个们我你他它谁哪么呢吗吧啊"
    "一二三四五六七八九十百千万亿零月日时分秒号上下内外前后里省市区县位司"
    "说表示出席参加主持会见陪同带队致辞讲话并还已再又很最不没有无可要会墙"
)
PUNCT = set(" \t\n\r,，。；;:：!！?？、“”\"'‘’「」『』《》<>()（）[]【】|/·•—-_…　")
#: words that end organization names, never a given name
_ORG_WORDS = ("集团", "公司", "大学", "学院", "银行", "科技", "电气", "控股", "股份", "实业", "中心", "研究院")
BYLINE_ROLES = ("记者", "通讯员", "文", "图", "摄", "摄影", "编辑", "责任编辑", "编辑", "校对", "审核", "来源", "作者")


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


def plausible_name(name: str) -> bool:
    """Family name + 1-2 given characters, no function words, not a title or place."""
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
    if any(c in NON_NAME_CHARS for c in given):
        return False
    if name.endswith(_ORG_WORDS):
        return False  # 东方集团: a compound family name followed by an org word
    for i in range(1, len(name)):
        if T.starts_with_title(name, i):
            return False
    if name in T.TITLES:
        return False
    return True


#: time words glued to a name (王一今（21）日, 王一昨日): the name ends before them
_TIME_AFTER = re.compile(r"[今昨明](?:[日天晚早]|[（(]?\d)|近日|日前|当天|当日")


def right_boundary(text: str, pos: int) -> int:
    """How clearly a name may end at ``pos``: 2 strong, 1 weak, 0 not."""
    if pos >= len(text) or text[pos] in PUNCT:
        return 2
    if _TIME_AFTER.match(text, pos):
        return 2
    if T.starts_with_title(text, pos):
        return 2
    for w in _followers_by_initial().get(text[pos], ()):
        if text.startswith(w, pos):
            return 2 if len(w) >= 2 or w == "等" else 1
    return 0


@lru_cache(maxsize=1)
def _followers_by_initial() -> dict[str, tuple[str, ...]]:
    """FOLLOWERS grouped by first character, each group in FOLLOWERS order."""
    out: dict[str, list[str]] = {}
    for w in FOLLOWERS:
        out.setdefault(w[0], []).append(w)
    return {k: tuple(v) for k, v in out.items()}


def left_boundary(text: str, pos: int) -> bool:
    if pos <= 0 or text[pos - 1] in PUNCT:
        return True
    return any(text.endswith(w, 0, pos) for w in LEFT_WORDS)


def name_at(text: str, start: int, known: set[str] | frozenset[str] = frozenset()) -> str | None:
    """The person name that starts at ``start``, judged by what follows it."""
    cands = []
    for n in (4, 3, 2):
        name = text[start:start + n]
        if len(name) == n and plausible_name(name):
            cands.append(name)
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
        if len(best) == 4 and any(len(c) < 4 for c in strong):
            one, two = surnames()
            if best[:2] not in two:
                best = next(c for c in strong if len(c) < 4)
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
    return None


def _mention(start: int, name: str, source: str) -> Mention:
    return Mention(start, start + len(name), name, "Person", source=source)


def _list_after(text: str, end: int, source: str, seps: str = "、和及") -> list[Mention]:
    """Names that continue a list after a name ending at ``end``."""
    out = []
    pos = end
    while pos < len(text) and text[pos] in seps:
        nxt = name_at(text, pos + 1)
        if nxt is None or not right_boundary(text, pos + 1 + len(nxt)):
            break
        out.append(_mention(pos + 1, nxt, source))
        pos = pos + 1 + len(nxt)
    return out


_BYLINE_RE = re.compile(
    r"[(（]\s*(?:(?:记者|通讯员|文|图|摄影?|作者|编辑)\s*[/／:：]?\s*)?"
    r"([\u4e00-\u9fff]{2,4})"
    r"((?:\s+|[、/／,，])(?:(?:记者|通讯员|文|图|摄影?)\s*[/／:：]?\s*)?[\u4e00-\u9fff]{2,4})*\s*[)）]"
)
#: a bracketed credit with a media name and spaces: (X日报记者 张三 通讯员 李四)
_CREDIT_GROUP_RE = re.compile(r"[(（][^()（）\n]{0,40}?(?:记者|通讯员)[^()（）\n]{0,40}[)）]")
_CREDIT_RE = re.compile(r"(?:记者|通讯员|摄影|摄|编辑)\s*[/／:：]?\s*([\u4e00-\u9fff]{2,4})(?=[\s、,，/／)）])")
_LABEL_RE = re.compile(r"(责任编辑|编辑|记者|通讯员|作者|撰稿|摄影|校对|审核)(?:\s*[:：/]\s*|[ \u3000]+(?=[\u4e00-\u9fff]{2,4}[ \u3000]))")
#: what may close a space-separated credit line (记者 张三 李四报道)
_CREDIT_END = ("报道", "摄")


def _credit_name_at(text: str, pos: int) -> str | None:
    """A name of a credit line at ``pos``: 2-4 characters ended by a space,
    a list mark, a bracket or 报道 (记者 张三 李四报道)."""
    nm = re.match(r"[\u4e00-\u9fff]{2,4}", text[pos:pos + 4])
    if not nm:
        return None
    for n in range(len(nm.group()), 1, -1):
        w, endp = text[pos:pos + n], pos + n
        ended = endp >= len(text) or text[endp] in " \t\n\r、,，)）　" or text.startswith(_CREDIT_END, endp)
        if ended and plausible_name(w):
            return w
    return None


def find_bylines(text: str) -> list[Mention]:
    out: list[Mention] = []
    for m in _BYLINE_RE.finditer(text):
        inner_start = m.start() + 1
        body = text[inner_start:m.end() - 1]
        for part in re.finditer(r"[\u4e00-\u9fff]{2,}", body):
            w = part.group()
            s = inner_start + part.start()
            for role in BYLINE_ROLES:
                if w.startswith(role) and plausible_name(w[len(role):]):
                    w, s = w[len(role):], s + len(role)
                    break
            if plausible_name(w):
                out.append(_mention(s, w, "byline"))
    for g in _CREDIT_GROUP_RE.finditer(text):
        for m in _CREDIT_RE.finditer(text, g.start(), g.end()):
            if plausible_name(m.group(1)):
                out.append(_mention(m.start(1), m.group(1), "byline"))
    for m in _LABEL_RE.finditer(text):
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


#: a transliterated name: parts joined by a middle dot (马库斯·海因茨)
_DOTS = "·•・"
_TRANSLIT_RE = re.compile(f"[\u4e00-\u9fff]{{1,8}}(?:[{_DOTS}][\u4e00-\u9fff]{{1,10}})+")
#: characters that end a name of unknown family name (a function word or verb follows)
_UNKNOWN_STOP = set("的了在是与及等为对将把被从也都就而之其于以所这那个们一兼和同")
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
#: Korean family names missing from the Chinese list (朴志勋, 全成浩): a
#: three-character name with one of them is taken only right after a title
KOREAN_SURNAMES = frozenset("朴全南河具千玄都延表玉奇琴太睦")
#: words that a title is often followed by and that are no name
_NOT_NAME_WORDS = ("热线", "信箱", "办公", "会议", "职务", "职位", "人选", "候选", "助理", "任期", "一职")


def translit_at(text: str, start: int) -> str | None:
    """A middle-dot name starting at ``start`` (马库斯·海因茨), ended where a
    follower word or punctuation stands (马库斯·海因茨一行 -> 马库斯·海因茨)."""
    m = _TRANSLIT_RE.match(text, start)
    if m is None:
        return None
    last = max(m.group().rfind(d) for d in _DOTS)
    head_end = start + last + 1
    for e in range(head_end + 1, m.end() + 1):
        if right_boundary(text, e) == 2 and not (e - head_end == 1 and e < m.end()):
            return text[start:e]
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
        if any(c in _UNKNOWN_STOP and not (i == 0 and c == "那" and name[1] == "日") or c not in TRANSLIT_CHARS
               for i, c in enumerate(name)):
            return None  # 那 is a function word, but 那日X is a Mongolian name (那日苏)
        if right_boundary(text, e) == 2 and (e >= len(text) or text[e] in PUNCT or _strong_word_after(text, e)):
            if _bad_unknown(text, start, name):
                return None
            return name
    return None


def korean_name_at(text: str, start: int) -> str | None:
    """A Korean name right after a title (朴志勋): a Korean family name and
    two given characters, clearly ended (punctuation or a strong follower)."""
    name = text[start:start + 3]
    e = start + 3
    if len(name) < 3 or name[0] not in KOREAN_SURNAMES or not all(_is_cjk(c) for c in name):
        return None
    if any(c in NON_NAME_CHARS or c in _UNKNOWN_STOP for c in name[1:]):
        return None
    if not (e >= len(text) or text[e] in PUNCT or _strong_word_after(text, e)):
        return None
    return None if _bad_unknown(text, start, name) else name


def _strong_word_after(text: str, pos: int) -> bool:
    """A follower of two or more characters (一行, 表示), 等, or a title."""
    if T.starts_with_title(text, pos) or _TIME_AFTER.match(text, pos):
        return True
    return any(text.startswith(w, pos) for w in FOLLOWERS if len(w) >= 2 or w == "等")


def _bad_unknown(text: str, start: int, name: str) -> bool:
    if any(name.startswith(w) for w in FOLLOWERS if len(w) >= 2) or name.startswith(_NOT_NAME_WORDS):
        return True
    if name.endswith(_ORG_WORDS) or name in T.TITLES:
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
    if not (_is_cjk(a) and _is_cjk(b)) or a not in one or b in NON_NAME_CHARS:
        return None
    if right_boundary(text, start + 3) == 2 and (start + 3 >= len(text) or text[start + 3] in PUNCT
                                                 or _strong_word_after(text, start + 3)):
        return start + 3, a + b
    return None


def find_persons(text: str, model_names: set[str] | None = None) -> list[Mention]:
    """Person mentions found from context in ``text`` (may overlap; the caller resolves)."""
    known = set(model_names or ())
    out: list[Mention] = []
    rx = T.title_regex()
    for m in rx.finditer(text):
        end = _skip_space(text, m.end())
        # name after the title (chain): 市委书记陈向平; 领导 only as 市领导/区领导
        if m.group("role") in T.GROUP_ROLES and (m.start() == 0 or text[m.start() - 1] not in "省市区县"):
            continue
        tl = translit_at(text, end)
        if tl:
            out.append(_mention(end, tl, "title-context"))
            continue
        name = name_at(text, end, known)
        if (name is None and end == m.end() and not T.starts_with_title(text, end)
                and name_before(text, m.start(), known) is None):
            name = unknown_name_at(text, end) or korean_name_at(text, end)
        if name is None:
            sp = spaced_name_at(text, end)
            if sp is not None:
                out.append(Mention(end, sp[0], text[end:sp[0]], "Person", source="title-context", canonical=sp[1]))
                continue
        if name:
            mm = _mention(end, name, "title-context")
            out.append(mm)
            out.extend(_list_after(text, mm.end, "list"))
        # name before the title: 徐进市长, 董绍明院士; not when a name follows the
        # title (经发局长陈冠宇: the words before are the body, 经发局 + 局长)
        before = name_before(text, m.start(), known) if not name else None
        if before and text[end:end + 1] not in "期远久大":
            out.append(_mention(m.start() - len(before), before, "title-context"))
    for h in HONORIFICS_AFTER:
        for m in re.finditer(h, text):
            before = name_before(text, m.start(), known)
            if before:
                out.append(_mention(m.start() - len(before), before, "title-context"))
    out.extend(find_bylines(text))
    return out


def repeat_mentions(text: str, names: set[str]) -> list[Mention]:
    """Every occurrence of already-found names (the caller drops overlaps)."""
    out: list[Mention] = []
    for name in names:
        for m in re.finditer(re.escape(name), text):
            out.append(_mention(m.start(), name, "repeat"))
    return out
