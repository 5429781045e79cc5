"""Web chrome and injected spam: text on the page that is not the article.

Described by shape, never by an article's own strings:

- whole lines: breadcrumbs (首页 > 热点 > 正文, 当前位置: ...), skip links
  (跳到主要内容区块), lines made only of navigation/share words (返回列表,
  分享到 微信 微博, 关闭×, 打印), advert markers (x 广告), tag lines (标签:),
  picture headings and captions (图片新闻, 图为...), weather widgets (a short
  line of weather words: 短暂雨, 气温, AQI), link lists (five or more short
  space-separated items and no sentence punctuation: a list of towns), and
  lines of symbols only;
- pieces of lines: 【资料图】/[图], view counters (阅读次数:2775), a trailing
  "x 广告", and the footer of a copyright line (备案号, ICP ...), keeping the
  copyright owner's name (it names an organization);
- spam: gambling-site names injected in place of words (申博/太阳城... +
  官方网:), found by gambling vocabulary followed by a site suffix.

Kept on purpose (they name people and organizations): headlines, datelines
with the publisher, editor lines, reporter bylines and credits.
"""

from __future__ import annotations

import re

from kg.normalize.builder import Edit, OffsetText
from kg.normalize.names import looks_like_name
from kg.lexicons.load import words

_LINE = re.compile(r"[^\n]*\n?")

_BREADCRUMB_START = re.compile(r"^(?:网站首页|首页|主页|当前位置|您的位置|你的位置|您现在的位置|现在位置|所在位置)\s*[:：>»›]?")
_BREADCRUMB_SEPS = re.compile(r"[>»›]")
_SKIP_LINK = re.compile(r"^(?:跳到|跳至|跳转到|跳过)(?:主要)?(?:内容|正文|导航|主内容)")
#: lines that start like page furniture: sharing, QR codes, links to other articles, players
_FURNITURE_START = re.compile(
    r"^(?:扫一扫|扫码|微信扫一扫|打开APP|打开微信|上一篇|下一篇|上一条|下一条|"
    r"视频加载中|您的浏览器不支持|点击播放|分享到)"
)
_AD = re.compile(r"^[x×X✕✖]?\s*广告$")
_TAGS = re.compile(r"^(?:标签|关键词|关键字|Tags?)\s*[:：]", re.I)
_PICTURE_HEADING = re.compile(r"^[【\[]?(?:资料图|图片新闻|图片|组图|高清组图|图集|视频|图)[】\]]?$")
_CAPTION = re.compile(r"^(?:图为|图片为|上图|下图|左图|右图|图片来源|图片由|供图|摄影[:：])")
_WEATHER = re.compile(
    r"^(?:[晴阴云雨雪雾霾雷阵暴短暂多转小中大]+|气温|温度|降雨|降水|降雨概率|湿度|风力|风向|空气质量|AQI|PM2\.5|紫外线)"
    r"[:：\s\d℃°%~\-/.]*$",
    re.I,
)
_NAV_WORDS = frozenset(
    "分享 分享到 微信 微博 朋友圈 QQ QQ空间 新浪微博 腾讯微博 打印 打印本页 关闭 关闭窗口 关闭本页 返回 返回列表 "
    "返回顶部 返回首页 收藏 加入收藏 字号 大 中 小 默认 扫一扫 上一篇 下一篇 评论 点赞 转发 纠错 我要纠错 "
    "更多 登录 注册 搜索 字体 打印此页 关闭此页 我要打印 x × 【 】".split()
)
_NAV_TOKEN = re.compile(r"[^\s|｜/:：【】\[\]()（）×xX]+")
_SYMBOLS_ONLY = re.compile(r"^[\W_]*$")
_SENTENCE_PUNCT = re.compile(r"[。，,；;！？!?、]")
_LIST_SPLIT = re.compile(r"[\s|｜]+")
_PLACE_SUFFIX = re.compile(r"(?:省|市|区|县|镇|乡|村|街道|社区|州|旗)$")

_INLINE = re.compile(
    r"【资料图】|【图】|\[图\]|【组图】|\[组图\]|【图片】"
    r"|[(（]图片来源[:：][^()（）\n]{0,30}[)）]"
    r"|(?:阅读次数|阅读量|浏览次数|浏览量|点击数|点击量|点击次数|访问量)\s*[:：]\s*\d+"
    r"|[ \t]*[x×✕][ \t]*广告[ \t]*$",
    re.M,
)
_COPYRIGHT = re.compile(r"(?:版权所有|Copyright|copyright|COPYRIGHT|©)")
_COPYRIGHT_OWNER = re.compile(
    r"(?:版权所有|Copyright|©)\s*[:：]?\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?"
    r"(?P<owner>[\u3400-\u9fff][\u3400-\u9fff()（）]{2,40})",
    re.I,
)
_FOOTER_START = re.compile(r"(?:版权所有|Copyright|©|免责声明|备案号|主办单位|承办单位|技术支持|联系我们)", re.I)
_FOOTER_ONLY = re.compile(r"ICP备|公网安备|备案号|技术支持[:：]|网站地图|联系我们|免责声明|主办单位[:：]|承办单位[:：]")
_SITE_SUFFIX = r"(?:官方网站|官方网|官网|网址|开户|注册|入口|娱乐|平台)"
_GAMBLING = re.compile(
    # unambiguous gambling names: the name alone is spam
    r"(?:申博|申慱|太阳城|百家乐|娱乐城|真人视讯|老虎机|bet365|BET365|亚博体育)"
    rf"(?:[\u3400-\u9fffA-Za-z0-9]{{0,8}}?{_SITE_SUFFIX}\s*[:：]?|\s*[:：]?)"
    # words with honest uses: spam only when followed by a site suffix
    rf"|(?:博彩|赌场|赌博|葡京|金沙|威尼斯人|永利|皇冠|棋牌|彩票)[\u3400-\u9fffA-Za-z0-9]{{0,6}}?{_SITE_SUFFIX}\s*[:：]"
)


def _is_nav_line(s: str) -> bool:
    tokens = _NAV_TOKEN.findall(s)
    return bool(tokens) and all(t in _NAV_WORDS for t in tokens)


def _is_link_list(s: str) -> bool:
    """Five or more short space-separated items, no sentence punctuation, and
    not a list of people (出席领导: 张三 李四 ... is article text)."""
    items = [t for t in _LIST_SPLIT.split(s) if t]
    if len(items) < 5 or _SENTENCE_PUNCT.search(s.split(":", 1)[-1].split("：", 1)[-1]):
        return False
    if sum(1 for t in items if len(t) <= 6) < 0.8 * len(items):
        return False
    people = sum(1 for t in items if looks_like_name(t) and not _PLACE_SUFFIX.search(t))
    return people < 0.6 * len(items)


def _related_headings() -> tuple[str, ...]:
    """Headings of related-news lists (data/chrome_related_headings.tsv)."""
    return words("chrome_related_headings")


_HEADLINE_MAX = 40
_SENTENCE_END = re.compile(r"[。！？!?]$")


def _is_related_heading(s: str) -> bool:
    """A line that is only a related-news heading (相关新闻, 推荐阅读：)."""
    return any(s.startswith(h) and not s[len(h):].strip(" :：>»›") for h in _related_headings())


def _is_headline(s: str) -> bool:
    """A short line that is no sentence: a headline in a related-news list."""
    return 0 < len(s) <= _HEADLINE_MAX and not _SENTENCE_END.search(s)


def is_chrome_line(s: str) -> bool:
    """Is this (stripped) line page furniture rather than article text?"""
    if not s or _SYMBOLS_ONLY.match(s):
        return True
    if len(s) > 60:  # only a link list is that long
        return s.count(" ") >= 4 and _is_link_list(s)
    if (_BREADCRUMB_START.match(s) or len(_BREADCRUMB_SEPS.findall(s)) >= 2) and "。" not in s:
        return True
    if len(s) <= 40 and (_FURNITURE_START.match(s) or s.startswith(_related_headings())):
        return True
    if _SKIP_LINK.match(s) or _AD.match(s) or _TAGS.match(s) or _PICTURE_HEADING.match(s):
        return True
    if _CAPTION.match(s):
        return True
    if len(s) <= 12 and _WEATHER.match(s):
        return True
    if len(s) <= 40 and _is_nav_line(s):
        return True
    return _is_link_list(s)


def _copyright_edits(line: str, base: int, line_end: int) -> list[Edit] | None:
    """Keep only the owner's name of a copyright/footer line; None: not one."""
    if not (_COPYRIGHT.search(line) or _FOOTER_ONLY.search(line)):
        return None
    if "。" in line and not _FOOTER_START.match(line.strip()):
        return None  # a sentence that mentions such words is article text
    m = _COPYRIGHT_OWNER.search(line) if _COPYRIGHT.search(line) else None
    if m is None:
        return [(base, line_end, "")]
    owner_end = m.end("owner")
    space = re.search(r"\s", line[m.start("owner"):])
    if space:
        owner_end = m.start("owner") + space.start()
    return [(base, base + m.start("owner"), ""), (base + owner_end, base + len(line), "")]


def remove_chrome(doc: OffsetText) -> OffsetText:
    text = doc.text
    edits: list[Edit] = []
    footer = bool(_COPYRIGHT.search(text) or _FOOTER_ONLY.search(text))
    in_related = False  # after a related-news heading: its headline lines are cut
    for m in _LINE.finditer(text):
        a, b = m.span()
        if a == b:
            break
        line = m.group().rstrip("\n")
        stripped = line.strip()
        if _is_related_heading(stripped):
            in_related = True
        elif in_related and (not stripped or _is_headline(stripped)):
            edits.append((a, b, ""))
            continue
        else:
            in_related = False
        if is_chrome_line(stripped):
            edits.append((a, b, ""))
            continue
        if footer:
            cr = _copyright_edits(line, a, b)
            if cr is not None:
                edits.extend(cr)
    edits.extend((im.start(), im.end(), "") for im in _INLINE.finditer(text))
    edits.sort(key=lambda e: (e[0], -e[1]))
    doc = doc.edit(edits)
    return doc.sub(_GAMBLING, "")
