"""Script detection and Traditional -> Simplified conversion with OpenCC.

Detection: the share of Han characters that OpenCC ``t2s`` changes (each
character looked up in a table built once from OpenCC itself, so a
Simplified article costs no conversion at all). Simplified text changes
nothing; Traditional text changes about a third of its characters. Above
:data:`TRADITIONAL_RATIO` the input is "traditional"; any Traditional-only
character at all makes the text go through OpenCC (but for those
Simplified keeps as they are: data/normalize_simplified_keeps.tsv).

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
from dataclasses import dataclass
from functools import lru_cache

from kg.lexicons.load import derived, words
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


@dataclass(frozen=True)
class _Tables:
    traditional: frozenset[str]  # characters t2s changes on their own
    taiwan_forms: frozenset[str]  # Traditional-only characters written the Taiwan way
    hong_kong_forms: frozenset[str]  # ... the Hong Kong way


_CJK_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    """Built once from OpenCC itself: every CJK character converted alone."""
    chars = [chr(c) for lo, hi in _CJK_RANGES for c in range(lo, hi + 1)]
    simplified = converter("t2s").convert("\n".join(chars)).split("\n")
    pairs = [(c, s) for c, s in zip(chars, simplified) if c != s and len(s) == 1]
    joined = "\n".join(s for _, s in pairs)
    tw_forms = converter("s2tw").convert(joined).split("\n")
    hk_forms = converter("s2hk").convert(joined).split("\n")
    taiwan, hong_kong = set(), set()
    for (c, _), tw, hk in zip(pairs, tw_forms, hk_forms):
        if tw != hk:
            if c == tw:
                taiwan.add(c)
            elif c == hk:
                hong_kong.add(c)
    return _Tables(frozenset(c for c, _ in pairs), frozenset(taiwan), frozenset(hong_kong))


def detect_script(text: str) -> ScriptInfo:
    tables = _tables()
    changed = sum(map(_changed_chars().__contains__, text))
    if not changed:
        return ScriptInfo("simplified", None, 0.0)
    han = sum(map(len, _HAN_RUN.findall(text)))
    ratio = changed / max(han, 1)
    present = set(text)
    tw = len(present & tables.taiwan_forms) + 2 * len(_TW_WORDS.findall(text))
    hk = len(present & tables.hong_kong_forms) + 2 * len(_HK_WORDS.findall(text))
    config = "tw2s" if tw > hk else "hk2s" if hk > tw else "t2s"
    script = "traditional" if ratio >= TRADITIONAL_RATIO else "simplified"
    return ScriptInfo(script, config, ratio, tw, hk)


@derived
def keeps_for(script: str) -> frozenset[str]:
    """What :func:`convert` leaves alone in a text of ``script``: characters t2s
    changes that Simplified writes as they are (data/normalize_simplified_keeps.tsv:
    乾 of 谢乾程 and 昇 of 卢东昇 in a Simplified text with a few Traditional
    characters, 昇 of 陳正昇 in a Traditional text too)."""
    return frozenset(words("normalize_simplified_keeps", script))


@derived
def _changed_chars() -> frozenset[str]:
    """The characters whose presence makes a text go through OpenCC: those t2s changes
    on their own, but for those Simplified keeps (谢乾程 is Simplified)."""
    return _tables().traditional - keeps_for("simplified")


def convert(doc: OffsetText, config: str, keep: frozenset[str] = frozenset()) -> OffsetText:
    """Convert with OpenCC, keeping the offset map exact.

    The whole text is converted at once (phrases see their context). OpenCC's
    character-level configurations keep the length, so the result maps one
    to one; where a phrase changed the length, the text is converted line by
    line and then piece by piece, and a piece whose length changed maps as a
    whole onto its raw span. A character of ``keep`` (:func:`keeps_for`) is
    never changed on its own.
    """
    conv = converter(config)
    out = conv.convert(doc.text)
    if len(out) == len(doc.text):
        if keep:
            out = "".join(x if x in keep else y for x, y in zip(doc.text, out))
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
                edits.extend((a + i, a + i + 1, y) for i, (x, y) in enumerate(zip(piece, new)) if x != y and x not in keep)
            else:
                edits.append((a, b, new))
    return doc.edit(edits)
