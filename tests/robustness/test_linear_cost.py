"""No stage is superlinear in the article's length: a long text without any
punctuation is processed in bounded parts (kg.reading.parts). That 4x the
length costs at most 6x the time (the issue's bound) is measured by
benchmarks/bench_linear_cost.py, not by a timed test."""

from __future__ import annotations

import re
from pathlib import Path

from kg.doc import Article
from kg.reading.parts import PART_CHARS, split_long

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_65209c79ac6c9c30.txt"


def _unpunctuated(n: int) -> str:
    base = re.sub(r"[，。、；：！？\n“”《》（）\s]", "", SEED.read_text(encoding="utf-8"))
    return (base * (n // len(base) + 1))[:n]


def test_parts_are_bounded_and_cover_the_text():
    text = _unpunctuated(5 * PART_CHARS + 17)
    parts = split_long(Article(source="long.txt", raw=text))
    assert len(parts) == 6 and all(len(p.raw) <= PART_CHARS for p in parts)
    assert "".join(p.raw for p in parts) == text
    assert [p.source for p in parts] == [f"long.txt#{k}" for k in range(1, 7)]
    assert "processed as 6 parts" in parts[0].errors[0]
    short = Article(source="s.txt", raw="短文。")
    assert split_long(short) == [short]


def test_cut_prefers_paragraph_then_sentence_breaks():
    para = "甲" * 7000 + "\n\n" + "乙" * 7000
    assert split_long(Article(source="p", raw=para))[0].raw.endswith("\n\n")
    sent = "丙" * 7000 + "。" + "丁" * 7000
    assert split_long(Article(source="s", raw=sent))[0].raw.endswith("。")
