"""Script detection and Traditional -> Simplified conversion with OpenCC.

Detection: the share of Han characters that OpenCC ``t2s`` changes. Simplified
text changes (almost) nothing; Traditional text changes about a third of its
characters. Above :data:`TRADITIONAL_RATIO` the input is "traditional".

Configuration per source (``tw2s``, ``hk2s`` or ``t2s``), from evidence in
the text itself:

- variant characters: a Traditional-only character ``c`` whose Simplified
  form ``s`` is written differently in Taiwan and in Hong Kong standard
  (OpenCC ``s2tw(s) != s2hk(s)``) votes for the standard it matches
  (衛/說/溫/啟/臺 are Taiwan forms, 衞/説/温/啓 Hong Kong forms);
- words: place and institution names that only one side writes about as
  home (台北, 新竹, 立法院 ... vs 香港, 九龍, 立法會 ...) and Cantonese
  particles (嘅, 咗, 喺).

More Taiwan evidence -> ``tw2s``; more Hong Kong evidence -> ``hk2s``; none
or a tie -> plain ``t2s``. The configurations differ exactly where the
evidence is: tw2s maps Taiwan variant forms (and phrases such as 著力) that
t2s leaves alone, hk2s the Hong Kong ones (衞).
"""

from __future__ import annotations

import re
from operator import ne
from dataclasses import dataclass
from functools import lru_cache

from kg.normalize.builder import OffsetText

TRADITIONAL_RATIO = 0.05

_HAN_RUN = re.compile(r"[\u3400-\u9fff]+")
_TW_WORDS = re.compile(r"臺灣|台灣|臺北|台北|新北|新竹|竹北|高雄|臺中|台中|臺南|台南|桃園|基隆|屏東|宜蘭|立法院|行政院|國民黨|民進黨|縣政府|鄉鎮市")
_HK_WORDS = re.compile(r"香港|九龍|新界|港島|立法會|特區政府|澳門|嘅|咗|喺|唔係|冇")
#: where a whole-text conversion changed the length, convert piece by piece
_CHUNK_SPLIT = re.compile(r"[\n。，,、；;：:！？!?\s]")


@dataclass
class ScriptInfo:
    script: str  # "simplified" or "traditional"
    config: str | None  # OpenCC configuration to apply, None when nothing to convert
    ratio: float  # share of Han characters that t2s changes
    tw_evidence: int = 0
    hk_evidence: int = 0


@lru_cache(maxsize=None)
def converter(config: str):
    import opencc

    return opencc.OpenCC(config)


def _variant_votes(pairs: set[tuple[str, str]]) -> tuple[int, int]:
    """``pairs``: (Traditional character, its t2s form) as met in the text."""
    pairs = {(c, s) for c, s in pairs if len(c) == 1 and len(s) == 1}
    if not pairs:
        return 0, 0
    simplified = "\n".join(s for _, s in pairs)
    tw_forms = converter("s2tw").convert(simplified).split("\n")
    hk_forms = converter("s2hk").convert(simplified).split("\n")
    if not len(tw_forms) == len(hk_forms) == len(pairs):
        return 0, 0
    tw = hk = 0
    for (c, _), a, b in zip(pairs, tw_forms, hk_forms):
        if a != b:
            tw += c == a
            hk += c == b
    return tw, hk


def detect_script(text: str) -> ScriptInfo:
    han = sum(map(len, _HAN_RUN.findall(text)))
    if not han:
        return ScriptInfo("simplified", None, 0.0)
    converted = converter("t2s").convert(text)
    if converted == text:
        return ScriptInfo("simplified", None, 0.0)
    if len(converted) == len(text):
        pairs = set(zip(text, converted))
        pairs = {(c, s) for c, s in pairs if c != s}
        changed = sum(map(ne, text, converted))
    else:  # a phrase changed the length: count characters one by one
        chars = set(text)
        singles = "\n".join(chars)
        pairs = {(c, s) for c, s in zip(chars, converter("t2s").convert(singles).split("\n")) if c != s}
        changing = {c for c, _ in pairs}
        changed = sum(1 for c in text if c in changing)
    ratio = changed / han
    tw, hk = _variant_votes(pairs)
    tw += 2 * len(_TW_WORDS.findall(text))
    hk += 2 * len(_HK_WORDS.findall(text))
    config = "tw2s" if tw > hk else "hk2s" if hk > tw else "t2s"
    script = "traditional" if ratio >= TRADITIONAL_RATIO else "simplified"
    return ScriptInfo(script, config, ratio, tw, hk)


def convert(doc: OffsetText, config: str) -> OffsetText:
    """Convert with OpenCC, keeping the offset map exact.

    The whole text is converted at once (phrases see their context). OpenCC's
    character-level configurations keep the length, so the result maps one
    to one; where a phrase changed the length, the text is converted line by
    line and then piece by piece, and a piece whose length changed maps as a
    whole onto its raw span.
    """
    conv = converter(config)
    out = conv.convert(doc.text)
    if len(out) == len(doc.text):
        return doc.replace_same_length(out) if out != doc.text else doc
    edits = []
    pos = 0
    for m in _CHUNK_SPLIT.finditer(doc.text + "\n"):
        a, b = pos, m.start()
        pos = m.end()
        if a < b:
            piece = doc.text[a:b]
            new = conv.convert(piece)
            if new == piece:
                continue
            if len(new) == len(piece):
                edits.extend((a + i, a + i + 1, y) for i, (x, y) in enumerate(zip(piece, new)) if x != y)
            else:
                edits.append((a, b, new))
    return doc.edit(edits)
