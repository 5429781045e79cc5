"""Sentence splitting with offsets.

The rules of HanLP's ``hanlp.utils.rules.split_sentence``, kept offset-exact:
every line is a paragraph; a sentence ends at 。！？!? (or …… / ......),
taking closing quotes and brackets that follow with it, but never inside an
open bracket, quote or book title (“……。”, (……。), 《……。》). A
paragraph-final author bracket such as (郭赟) stays with the sentence before.
"""

from __future__ import annotations

import re

from kg.doc import Sentence

_END = re.compile(r"(?:[。！？!?]+|…{2,}|\.{6,})[”’」』\"']*")
_OPEN = "“‘(（《【「『"
_CLOSE = "”’)）》】」』"
_OPENERS = re.compile(f"[{re.escape(_OPEN)}]")
#: a run-away bracket must not swallow a whole paragraph
MAX_PENDING = 400
_TRAILING_BRACKET = re.compile(r"^\([^()]{1,15}\)$")
#: a sentence longer than this (a page with no sentence punctuation) is cut at
#: its last clause break (，；、 or a space) before the limit, else at the limit
MAX_SENTENCE = 1000
_CLAUSE_BREAK = re.compile(r"[，；、,; ]")


def _depth(segment: str) -> int:
    return sum(segment.count(c) for c in _OPEN) - sum(segment.count(c) for c in _CLOSE)


def _spans(line: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    nested = _OPENERS.search(line) is not None
    for m in _END.finditer(line):
        end = m.end()
        if nested and _depth(line[start:end]) > 0 and end - start < MAX_PENDING:
            continue
        spans.append((start, end))
        start = end
    if start < len(line):
        rest = line[start:]
        if spans and _TRAILING_BRACKET.match(rest.strip()):
            spans[-1] = (spans[-1][0], len(line))
        else:
            spans.append((start, len(line)))
    return [piece for span in spans for piece in _cap(line, *span)]


def _cap(line: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces = []
    while end - start > MAX_SENTENCE:
        breaks = [m.end() for m in _CLAUSE_BREAK.finditer(line, start + MAX_SENTENCE // 2, start + MAX_SENTENCE)]
        cut = breaks[-1] if breaks else start + MAX_SENTENCE
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces


def split_sentences(text: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    base = 0
    for paragraph, line in enumerate(text.split("\n")):
        for a, b in _spans(line):
            seg = line[a:b]
            lstrip = len(seg) - len(seg.lstrip())
            rstrip = len(seg) - len(seg.rstrip())
            s, e = base + a + lstrip, base + b - rstrip
            if s < e:
                sentences.append(Sentence(start=s, end=e, text=text[s:e], paragraph=paragraph))
        base += len(line) + 1
    return sentences
