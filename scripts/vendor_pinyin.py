"""Regenerate the pinyin repair dictionaries that zhkg ships (``kg/normalize/data/``).

A damaged page may carry a converter's pinyin annotation instead of a
character (區(qū)); :mod:`kg.normalize.pinyin` puts back the character that
reads so and forms a known word with a neighbour. It needs two dictionaries,
derived here once from JioNLP's (through its API) so that a process reads a
small file instead of building them from JioNLP's loaders (about 1 s per new
process that meets such a page):

- ``pinyin_readings.tsv``: reading -> the Simplified characters read so
  (JioNLP's ``pinyin_char_loader``, Traditional characters left out);
- ``pinyin_words.tsv``: two-character word -> its corpus frequency
  (JioNLP's ``word_distribution_loader``, ``total_num``).

Both are JioNLP's data (Apache License 2.0, https://github.com/dongrixinyu/JioNLP);
the header line of each file says so. ``tests/normalize/test_pinyin.py``
checks that the shipped files are what this script writes.

    python3 scripts/vendor_pinyin.py
"""

from __future__ import annotations

from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "kg" / "normalize" / "data"
HEADER = "# from JioNLP {version} {loader} (Apache License 2.0, github.com/dongrixinyu/JioNLP){note}\n"


def derived() -> tuple[dict[str, list[str]], dict[str, int]]:
    """reading -> Simplified characters, and two-character word -> frequency, from JioNLP."""
    from kg.normalize.jio import jionlp
    from kg.normalize.script import converter

    t2s = converter("t2s")
    by_reading: dict[str, list[str]] = {}
    for char, readings in jionlp().pinyin_char_loader().items():
        if t2s.convert(char) != char:
            continue
        for r in readings:
            by_reading.setdefault(r, []).append(char)
    freq = {w: info["total_num"] for w, info in jionlp().word_distribution_loader().items() if len(w) == 2}
    return by_reading, freq


def texts() -> tuple[str, str]:
    """The two files' contents."""
    from kg.normalize.jio import jionlp

    version = getattr(jionlp(), "__version__", "?")
    by_reading, freq = derived()
    readings = HEADER.format(version=version, loader="pinyin_char_loader", note="; Simplified characters only") \
        + "".join(f"{r}\t{''.join(cs)}\n" for r, cs in sorted(by_reading.items()))
    words = HEADER.format(version=version, loader="word_distribution_loader", note="; two-character words, total_num") \
        + "".join(f"{w}\t{f}\n" for w, f in sorted(freq.items()))
    return readings, words


def main() -> None:
    readings, words = texts()
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "pinyin_readings.tsv").write_text(readings, encoding="utf-8")
    (OUT / "pinyin_words.tsv").write_text(words, encoding="utf-8")


if __name__ == "__main__":
    main()
