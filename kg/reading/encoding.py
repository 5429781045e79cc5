"""Bytes -> text, with the encoding detected rather than assumed.

Order: a byte-order mark (UTF-8, UTF-16, UTF-32) decides; then strict UTF-8;
then UTF-16 without a mark when NUL bytes sit in the pattern UTF-16 leaves
(ASCII characters); any other NUL byte means a binary file. UTF-8 with a few
bad bytes (a stray byte, a download cut inside a character) is read as UTF-8,
each bad byte (or character cut short) replaced by U+FFFD and counted
(``Decoded.replaced``; a U+FFFD the file holds is not counted): at most
:data:`MAX_BAD_UTF8` of the characters, at least one. The rest goes to
charset-normalizer, limited to the encodings Chinese text comes in (GB18030
and its subsets GBK/GB2312, Big5 and its variants), UTF-16 last. A decoded
text full of control characters is binary too.
"""

from __future__ import annotations

import codecs
import os
import re
from dataclasses import dataclass

CHINESE_ENCODINGS = ["gb18030", "big5", "big5hkscs", "cp950", "gbk"]
UTF16 = ["utf_16_le", "utf_16_be"]
_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]
_TEXTLIKE = re.compile(r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef\u2000-\u206f\x20-\x7e\t\r\n]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
#: share of control characters above which a text is binary
MAX_CONTROL_RATIO = 0.01
#: share of bad bytes (U+FFFD after decoding) up to which a text is read as damaged UTF-8;
#: a text in GBK or Big5 read as UTF-8 has one in two or three characters bad
MAX_BAD_UTF8 = 0.002


class DecodeFailure(Exception):
    """The bytes are not text we can read; ``str(exc)`` says why."""


@dataclass
class Decoded:
    text: str
    encoding: str
    #: characters that could not be decoded (a bad byte, a character cut short), each
    #: replaced by one U+FFFD (damaged UTF-8 only)
    replaced: int = 0


def _check_text(text: str, encoding: str) -> Decoded:
    controls = len(_CONTROL.findall(text))
    if controls and controls > MAX_CONTROL_RATIO * len(text):
        raise DecodeFailure(f"binary file (control characters when read as {encoding})")
    return Decoded(text, encoding)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a byte-order mark: the byte order that reads as
    text (CJK, ASCII, common punctuation) almost everywhere, else None."""
    if len(data) % 2:
        return None
    best, best_score = None, 0.0
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        score = len(_TEXTLIKE.findall(text)) / max(len(text), 1)
        if score > best_score:
            best, best_score = text, score
    return best if best_score >= 0.9 else None


def _damaged(data: bytes, encoding: str = "utf-8", label: str = "utf-8") -> Decoded | None:
    """Text in ``encoding`` (UTF-8, or the one its byte-order mark names) with a few
    bytes that are not (a stray byte, a last character cut short), each replaced by
    U+FFFD; None when there are too many for that."""
    text = data.decode(encoding, errors="replace")
    bad = text.count("\ufffd") - data.decode(encoding, errors="ignore").count("\ufffd")  # not those the file holds
    if not bad or bad > max(1, MAX_BAD_UTF8 * len(text)):
        return None
    return Decoded(_check_text(text, label).text, label, bad)


def decode_bytes(data: bytes) -> Decoded:
    if not data:
        raise DecodeFailure("empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _check_text(data[len(bom):].decode(encoding), encoding + " (BOM)")
            except UnicodeDecodeError as exc:
                damaged = _damaged(data[len(bom):], encoding, encoding + " (BOM)")
                if damaged is not None:
                    return damaged
                raise DecodeFailure(f"undecodable: byte-order mark says {encoding} but {exc.reason}") from None
    try:
        return _check_text(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    if b"\x00" in data:
        text = _utf16_without_bom(data)
        if text is None:
            raise DecodeFailure("binary file (contains NUL bytes)")
        return _check_text(text, "utf-16")
    damaged = _damaged(data)
    if damaged is not None:
        return damaged
    import charset_normalizer

    for candidates in (CHINESE_ENCODINGS, UTF16):
        best = charset_normalizer.from_bytes(data, cp_isolation=candidates).best()
        if best is not None:
            return _check_text(str(best), best.encoding)
    raise DecodeFailure("undecodable: not UTF-8, UTF-16, GB18030/GBK or Big5")


def escaped(text: str, name: bool = False) -> str:
    """``text`` as valid UTF-8: the bytes of a file name that are not UTF-8 (which
    Python keeps as lone surrogates) written as backslash escapes (``\\xff``). For an
    article's ``name`` (or path) a backslash it holds is doubled too, so that no two
    names give one: a file named with the four characters ``\\xff`` and one with the
    byte 0xff were one article (found by a tester). Text without either is itself."""
    if name and "\\" in text:
        text = text.replace("\\", "\\\\")
    elif not any("\ud800" <= c <= "\udfff" for c in text):
        return text
    try:
        data = os.fsencode(text)
    except UnicodeEncodeError:  # a surrogate no file name decodes to
        return text.encode("utf-8", "backslashreplace").decode("utf-8")
    return data.decode("utf-8", "backslashreplace")
