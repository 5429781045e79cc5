"""Article metadata read from the normalized text itself.

- title: the first header line that reads like a headline (short, not a
  dateline, not ending a sentence, followed by more text); a column prefix
  before 丨 or | (环球观速讯丨) is dropped from the title, not from the text;
- date: a full date in a dateline (2023-06-25 09:17:50, 发布时间:2020-05-20,
  2020年08月11日10:25) in the header lines, or anywhere after a label
  (发布时间, 发布日期, 日期). ROC (Minguo) dates after a label
  (发布日期:99-05-17, a two or three digit year) are converted: year + 1911;
- publisher: 来源:X / 稿源:X (not 本站/本网), 转自《X》, or the name after the
  date and time of a dateline (2023-06-25 09:17:50 山西日报);
- editors: 责任编辑/责编/编辑: followed by names;
- reporters: 记者/通讯员 + name, credits 文/X 图/X 摄/X, 作者:X, and a
  paragraph-final bracket holding only names ((郭赟)).
"""

from __future__ import annotations

import datetime as _dt
import re

from kg.doc import ArticleMeta
from kg.lexicons.load import alternation, derived
from kg.normalize.names import looks_like_name

HEADER_LINES = 6
_SEP = r"[-/.]"
_DATE_NUM = re.compile(rf"(?<!\d)(?P<y>(?:19|20)\d\d){_SEP}(?P<m>\d{{1,2}}){_SEP}(?P<d>\d{{1,2}})(?!\d)")
_DATE_CJK = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日")
_DATE_LABEL = re.compile(r"(?:发布时间|发布日期|发表时间|发表日期|更新时间|发稿时间|时间|日期)\s*[:：]\s*")
_ROC_DATE = re.compile(rf"(?P<y>\d{{2,3}}){_SEP}(?P<m>\d{{1,2}}){_SEP}(?P<d>\d{{1,2}})(?!\d)")
_DATELINE_PUBLISHER = re.compile(
    r"(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)"
    r"(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?\s+(?P<pub>[\u3400-\u9fff]{2,15})\s*$"
)
_SOURCE = re.compile(r"(?:来源|稿源|信息来源|文章来源|新闻来源|出处)\s*[:：]\s*《?(?P<pub>[^\s《》:：]{2,30})》?")
_REPOST = re.compile(r"(?:转自|转载自|转载于|摘自)\s*[:：]?\s*《(?P<pub>[^《》]{2,30})》")
_NOT_PUBLISHER = frozenset("本站 本网 本台 原创 网络 互联网 综合 未知 其他".split())
_LABEL_AFTER = re.compile(r"(?:发布时间|发布日期|作者|编辑|责任编辑|阅读|点击|浏览).*$")

_NAME_LIST = r"(?P<names>[\u3400-\u9fff]{2,4}(?:[ 、，,]+[\u3400-\u9fff]{2,4})*)"
_EDITOR = re.compile(rf"(?:^|[\s(【\[])(?:责任编辑|责编|编辑|校对|审核)\s*[:：]\s*{_NAME_LIST}", re.M)
_REPORTER = re.compile(
    r"(?:^|[\s(【\[，]|本报|新华社|本台|本网)(?:记者|通讯员|特约记者|见习记者)\s*[:：]?\s*"
    r"(?P<names>[\u3400-\u9fff]{2,3}(?:[ 、]+[\u3400-\u9fff]{2,3})*)"
)
_CREDIT = re.compile(r"(?:^|[\s(【\[])(?:文|图|摄|摄影|撰文|撰稿|作者)\s*[/:：]\s*(?P<names>[\u3400-\u9fff]{2,4}(?:[ 、][\u3400-\u9fff]{2,4})*)")
_TRAILING_BRACKET = re.compile(r"\((?P<names>[\u3400-\u9fff]{2,4}(?:[ 、][\u3400-\u9fff]{2,4})*)\)\s*$")
_EDITOR_HINT = re.compile(r"(?:编辑|责编|校对|审核)\s*[:：]")
_REPORTER_HINT = re.compile(r"记者|通讯员")
_CREDIT_HINT = re.compile(r"(?:文|图|摄|摄影|撰文|撰稿|作者)\s*[/:：]")
_ROLES = frozenset("记者 通讯员 特约记者 见习记者 摄影 摄 编辑 责任编辑 文 图".split())
_NAME_STOP = re.compile(r"(?:报道|摄影|摄|通讯员|记者|发自|报|讯)$")
_TITLE_PREFIX = re.compile(r"^[^丨|｜]{1,8}[丨|｜]")
_LEAD_DATE = re.compile(r"^\d{1,2}月\d{1,2}日")
_DATELINE_HINT = re.compile(r"(?:来源|发布时间|发布日期|作者|编辑|时间)\s*[:：]|^\d{4}\s*\d{1,2}\s*月?$")


def _valid_date(y: int, m: int, d: int) -> _dt.date | None:
    try:
        return _dt.date(y, m, d)
    except ValueError:
        return None


def _date_in(line: str) -> _dt.date | None:
    for pattern in (_DATE_NUM, _DATE_CJK):
        m = pattern.search(line)
        if m:
            found = _valid_date(int(m["y"]), int(m["m"]), int(m["d"]))
            if found:
                return found
    return None


def find_date(lines: list[str]) -> _dt.date | None:
    for line in lines[:HEADER_LINES]:
        found = _date_in(line)
        if found:
            return found
    for line in lines:
        for label in _DATE_LABEL.finditer(line):
            rest = line[label.end():]
            found = _date_in(rest[:25])
            if found:
                return found
            m = _ROC_DATE.match(rest)
            if m and int(m["y"]) < 200:
                found = _valid_date(int(m["y"]) + 1911, int(m["m"]), int(m["d"]))
                if found:
                    return found
    return None


def _is_dateline(line: str) -> bool:
    return bool(_DATELINE_HINT.search(line) or (_date_in(line) and len(line) < 60))


def find_title(lines: list[str]) -> str | None:
    for i, line in enumerate(lines[:4]):
        if len(line) < 5 or _is_dateline(line) or line.startswith("原标题"):
            continue
        ends_sentence = line.endswith(("。", "；")) or (line.endswith(("！", "？")) and len(line) > 40)
        if len(line) > 80 or ends_sentence or _LEAD_DATE.match(line) or i == len(lines) - 1:
            return None  # the body started: no headline
        return _TITLE_PREFIX.sub("", line).strip() or None
    return None


def find_publisher(lines: list[str]) -> str | None:
    text = "\n".join(lines)
    for pattern in (_SOURCE, _REPOST):
        for m in pattern.finditer(text):
            pub = _LABEL_AFTER.sub("", m["pub"]).strip()
            if pub and pub not in _NOT_PUBLISHER:
                return pub
    for line in lines[:HEADER_LINES]:
        m = _DATELINE_PUBLISHER.search(line)
        if m and m["pub"] not in _NOT_PUBLISHER:
            return m["pub"]
    for line in lines[:HEADER_LINES + 2]:
        m = _outlet_dateline_re().match(line)
        if m and m["pub"] not in _NOT_PUBLISHER:
            return m["pub"]
    return None


@derived
def _outlet_dateline_re() -> re.Pattern:
    """A line opening with an outlet's dateline (梧州日报讯, 庆阳网讯, 浙江日报青海8月17日电,
    after stray marks such as ???): the outlet's name ends with an outlet word
    (data/org_media_outlets.tsv, scope suffix), a place and a date (up to twelve
    characters and digits) may follow, then a dateline word (data/title_dateline_markers.tsv)."""
    suffixes = alternation("org_media_outlets", "suffix")
    markers = alternation("title_dateline_markers", "dateline")
    return re.compile(r"[^\u3400-\u9fff]{0,8}?(?P<pub>[\u3400-\u9fff]{2,10}?" + suffixes + r")"
                      r"[\u3400-\u9fff\d]{0,12}?" + markers)


def _names(group: str) -> list[str]:
    out = []
    for token in re.split(r"[ 、，,]+", group):
        if token in _ROLES:
            continue
        token = _NAME_STOP.sub("", token)
        if looks_like_name(token):
            out.append(token)
        else:
            break
    return out


def _add(target: list[str], names: list[str]) -> None:
    for n in names:
        if n not in target:
            target.append(n)


def find_editors(text: str) -> list[str]:
    editors: list[str] = []
    for m in _EDITOR.finditer(text):
        _add(editors, _names(m["names"]))
    return editors


def find_reporters(lines: list[str]) -> list[str]:
    text = "\n".join(lines)
    reporters: list[str] = []
    for pattern, hint in ((_REPORTER, _REPORTER_HINT), (_CREDIT, _CREDIT_HINT)):
        if not hint.search(text):
            continue
        for m in pattern.finditer(text):
            _add(reporters, _names(m["names"]))
    for line in lines[-3:]:
        m = _TRAILING_BRACKET.search(line)
        if m:
            names = _names(m["names"])
            if names and len(names) == len(re.split(r"[ 、]", m["names"])):
                _add(reporters, names)
    return reporters


def extract_metadata(text: str, meta: ArticleMeta) -> ArticleMeta:
    lines = [line for line in text.split("\n") if line.strip()]
    meta.title = find_title(lines)
    meta.date = find_date(lines)
    meta.publisher = find_publisher(lines)
    meta.editors = find_editors(text) if _EDITOR_HINT.search(text) else []
    meta.reporters = find_reporters(lines)
    return meta
