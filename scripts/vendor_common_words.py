"""Regenerate ``kg/lexicons/data/common_words.txt`` from jieba's dictionary.

The person verifier (:mod:`kg.recognize.person_verifier`) reads whether a name
recognition chose is a common word that begins with a family name (项目 of
项目负责人, 班子 of 率班子成员, 相谈甚欢 of 李向农副校长相谈甚欢): a feature it
learns a weight for from the corpus train split's gold names. The words and
their parts of speech come from the dictionary of jieba 0.42.1
(``jieba/dict.txt``: word, frequency, part of speech; MIT License,
https://github.com/fxsjy/jieba). Kept: entries of 2 to 4 CJK characters that
begin with a family name of ``kg/lexicons/data/surnames.txt`` and whose tag is
not a name's (nr, nrt, nrfg, ns, nt, nz) nor x / eng.
``tests/recognize/test_person_verifier.py`` checks the shipped file against this
selection's rules.

    pip download --no-deps jieba==0.42.1 && tar xzf jieba-0.42.1.tar.gz
    python3 scripts/vendor_common_words.py jieba-0.42.1/jieba/dict.txt
"""

from __future__ import annotations

import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "kg" / "lexicons" / "data" / "common_words.txt"
#: jieba's tags of names and proper nouns, and of non-words: left out
NAME_TAGS = frozenset({"nr", "nrt", "nrfg", "ns", "nt", "nz", "x", "eng"})
HEADER = """\
# Common Chinese words that begin with a family name of surnames.txt (项目, 班子, 秘书处, 相谈甚欢), with their part of speech:
# what the person verifier reads to tell a word taken for a name (项目 of 项目负责人) from a name (kg.recognize.person_verifier).
# Source: the dictionary of jieba 0.42.1 (jieba/dict.txt, https://github.com/fxsjy/jieba), MIT License, Copyright (c) 2013 Sun Junyi.
# Selection: entries of 2 to 4 CJK characters whose first character (or first two) is a family name of surnames.txt and whose
# part-of-speech tag is not a name's (nr, nrt, nrfg, ns, nt, nz) nor x / eng; jieba's tags as given (n noun, v verb, a adjective,
# i idiom, l fixed phrase, ...). Regenerate with scripts/vendor_common_words.py JIEBA_DICT.
# word<TAB>pos
"""


def _cjk(word: str) -> bool:
    return all("\u4e00" <= c <= "\u9fff" for c in word)


def select(lines, one: frozenset[str], two: frozenset[str]) -> list[tuple[str, str]]:
    """(word, tag) of jieba dictionary lines that the selection keeps, sorted."""
    out = []
    for line in lines:
        parts = line.split()
        if len(parts) != 3:
            continue
        word, _freq, tag = parts
        if 2 <= len(word) <= 4 and _cjk(word) and tag not in NAME_TAGS and (word[0] in one or word[:2] in two):
            out.append((word, tag))
    return sorted(set(out))


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1:
        print(__doc__)
        return 2
    sys.path.insert(0, str(OUT.parents[3]))
    from kg.export.atomic import write_atomic
    from kg.recognize.persons import surnames

    one, two = surnames()
    rows = select(Path(argv[0]).read_text(encoding="utf-8").splitlines(), one, two)
    write_atomic(OUT, HEADER + "".join(f"{w}\t{t}\n" for w, t in rows))
    print(f"{len(rows)} words -> {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
