"""Whitespace and punctuation in one consistent form.

The chosen form (documented for every later stage):

- brackets are ASCII ``(`` ``)`` everywhere (the gold writes company names
  so: 恒玄科技(上海)股份有限公司); 【】 and 《》 are kept;
- next to Chinese text the Chinese full-width forms ``，；：？！`` are used
  (an ASCII ``, ; : ? !`` touching a Han character or Chinese punctuation
  becomes full-width); between digits and Latin text ASCII stays
  (1,000  09:17:50  http://);
- quotes are “ ” and ‘ ’ (「」『』 become them);
- full-width digits, letters and spaces become ASCII;
- doubled separators collapse to the first one (,, ；， -> ，/；), except that a
  run of commas with an enumeration comma in it is one 、 (北流市,、博白县 ->
  北流市、博白县: damaged pages double the separators of a list);
- whitespace: one space at most, none at line ends or next to Chinese
  punctuation; a single space between two Han characters is kept (it
  separates items in headlines); empty lines are dropped, so every line is
  one paragraph; leading bullets and dashes are removed.
"""

from __future__ import annotations

import re

from kg.normalize.builder import OffsetText

_ONE_TO_ONE = {ord(k): v for k, v in {"（": "(", "）": ")", "「": "“", "」": "”", "『": "‘", "』": "’"}.items()}
_ONE_TO_ONE.update({c: c - 0xFEE0 for c in range(0xFF10, 0xFF1A)})  # ０-９
_ONE_TO_ONE.update({c: c - 0xFEE0 for c in range(0xFF21, 0xFF3B)})  # Ａ-Ｚ
_ONE_TO_ONE.update({c: c - 0xFEE0 for c in range(0xFF41, 0xFF5B)})  # ａ-ｚ
_ONE_TO_ONE.update({ord(c): " " for c in "\t\u3000\u00a0\u2002\u2003\u2009\u200a\u202f\u205f\u000b\u000c"})

_TRANSLATABLE = re.compile("[" + "".join(re.escape(chr(c)) for c in _ONE_TO_ONE) + "]")
_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
_CJK = r"\u3400-\u9fff\u3000-\u303f\uff00-\uffef“”‘’《》【】"
_ASCII_PUNCT_NEAR_CJK = re.compile(rf"(?<=[{_CJK}])[,;:?!]|[,;:?!](?=[{_CJK}])")
_DOUBLED = re.compile(r"(?<=[，、；：])[，、；：,;]+|(?<=。)。+")
#: a run of two or more separators with an enumeration comma in it (北流市,、博白县)
_LIST_RUN = re.compile(r"[，,]+、[，、,]*|、[，、,]+")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]+")
_CR_BEFORE_LF = re.compile(r"\r(?=\n)")
_NEWLINES = re.compile(r"[\r\u2028\u2029\u0085]")
_BULLETS = "•·●▪◆■□◇○*\\-―—–"
#: every whitespace deletion in one pass
_TIDY = re.compile(
    rf"^(?: +(?:[{_BULLETS}]+ *)?|[{_BULLETS}]+ *)"  # indent and bullets at a line start
    r"| +$"  # spaces at a line end
    r"|(?<= ) +"  # doubled spaces
    r"| +(?=[，。、；：？！”’)》】])|(?<=[，。、；：？！“‘(《【]) +"  # next to Chinese punctuation
    r"|(?<=[\u3400-\u9fff]) +(?=[,.;:?!])"
    r"|(?<=\n)\n+",  # empty lines
    re.M,
)
_BLANK_LINES = re.compile(r"(?<=\n)\n+")


def basic_whitespace(doc: OffsetText) -> OffsetText:
    """Line breaks to \\n, invisible characters out, odd spaces to ' '."""
    if _NEWLINES.search(doc.text):
        doc = doc.sub(_CR_BEFORE_LF, "")
        doc = doc.sub(_NEWLINES, "\n")
    doc = doc.sub(_INVISIBLE, "")
    return _translate(doc)


def _translate(doc: OffsetText) -> OffsetText:
    if not _TRANSLATABLE.search(doc.text):
        return doc
    return doc.replace_same_length(doc.text.translate(_ONE_TO_ONE))


def unify_punctuation(doc: OffsetText) -> OffsetText:
    doc = _translate(doc)
    doc = doc.sub_same_length(_ASCII_PUNCT_NEAR_CJK, lambda m: _FULL[m.group()])
    doc = doc.sub(_LIST_RUN, "、")
    doc = doc.sub(_DOUBLED, "")
    return doc


def tidy_whitespace(doc: OffsetText) -> OffsetText:
    doc = doc.sub(_TIDY, "")
    if "\n\n" in doc.text:  # lines that held only spaces
        doc = doc.sub(_BLANK_LINES, "")
    text = doc.text
    lead = len(text) - len(text.lstrip("\n"))
    trail = len(text) - len(text.rstrip("\n"))
    if lead or trail:
        doc = doc.edit([(0, lead, ""), (len(text) - trail, len(text), "")])
    return doc
