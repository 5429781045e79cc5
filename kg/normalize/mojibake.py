"""Garbage from broken encodings and converters, repaired or neutralised.

Shapes met in real articles:

- ``?,F(xiàn)場`` / ``?;慨a(chǎn)線``: a lost character shown as ``?``, a few junk
  characters, and the pinyin annotation the bad converter had put after the
  lost character. The annotation says which syllable was lost; when exactly
  one common character with that reading forms a known word with its
  neighbour (xiàn + 场 -> 现场) it is put back, otherwise the garbage becomes
  a space so it cannot glue neighbouring names together.
- ``?xùn)|北``: the same with the opening bracket lost as well.
- runs of ``??``: at a line start they are a lost indent (removed), inside a
  line a separator (space).
- U+FFFD: an excerpt cut mid-character (removed at a line end, else a space).
- plain pinyin annotations after a character (區(qū)) are removed.

A single ``?`` that is not followed by an annotation is a real question mark
and is left to punctuation normalization.
"""

from __future__ import annotations

import re

from kg.normalize.builder import OffsetText
from kg.normalize.pinyin import LETTERS as _LETTERS
from kg.normalize.pinyin import TONED
from kg.normalize.pinyin import SYLLABLE, pick_repair
from kg.normalize.script import converter

_GARBAGE = re.compile(
    # junk after the ?, if any, ends in a non-Han character: in 是吗?會(huì ) the annotation is 會's
    rf"(?P<moji>\?(?:[^\s?()（）]{{0,3}}?[^\s?()（）\u3400-\u9fff])??[(（]?\s?(?P<py>{SYLLABLE})\s?[)）]\|?)"
    rf"|(?P<ann>[(（]\s?{SYLLABLE}\s?[)）])"
    r"|(?P<qrun>\?{2,})"
    r"|(?P<fffd>\ufffd+)"
    # an annotation cut off by the end of an excerpt: 济南大学(x
    rf"|(?P<cut>[(（]\s?[{_LETTERS}]{{1,7}}\s?\Z)"
)
_HAN = re.compile(r"[\u3400-\u9fff]")
#: cheap test for anything _GARBAGE could match: a tone mark, ??, U+FFFD, a cut bracket
_MAYBE_GARBAGE = re.compile(rf"[{TONED}]|\?\?|\ufffd|[(（]\s?[{_LETTERS}]{{1,7}}\s?\Z")


def _han(c: str) -> str:
    return converter("t2s").convert(c) if c and _HAN.match(c) else ""


def clean_garbage(doc: OffsetText, errors: list[str]) -> OffsetText:
    text = doc.text
    if not _MAYBE_GARBAGE.search(text):
        return doc
    n = len(text)
    repaired: list[str] = []
    lost: list[str] = []

    def repl(m: re.Match[str]) -> str:
        kind = m.lastgroup if m.group("moji") is None else "moji"
        a, b = m.start(), m.end()
        at_line_start = a == 0 or text[a - 1] == "\n"
        at_line_end = b == n or text[b] == "\n"
        if kind in ("ann", "cut"):
            return ""
        if kind == "moji":
            reading = m.group("py").strip()
            # the lost character stood just before the next one: only that word counts
            char = pick_repair(reading, "", _han(text[b] if b < n else ""))
            if char:
                repaired.append(f"{m.group(0)}->{char}")
                return char
            lost.append(m.group(0))
            return "" if at_line_start or at_line_end else " "
        # qrun (a lost indent at a line start), fffd
        if kind == "qrun" and not at_line_start:
            lost.append(m.group(0))
        return "" if at_line_start or at_line_end else " "

    out = doc.sub(_GARBAGE, repl)
    if repaired:
        errors.append("repaired mojibake from pinyin: " + ", ".join(repaired))
    if lost:
        errors.append("removed unrepairable garbage: " + ", ".join(lost))
    return out
