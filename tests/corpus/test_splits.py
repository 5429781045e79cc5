"""kg.corpus.splits: stories stay together, strata are shared, deterministic."""

from __future__ import annotations

from collections import Counter

from kg.corpus.manifest import Row
from kg.corpus.splits import assign_splits, group_stories


def _rows(n):
    return [Row(f"c{i:04d}", f"u{i}", "traditional" if i % 3 == 0 else "simplified",
                "pinyin" if i % 5 == 0 else "none", 100, "train", 1) for i in range(1, n + 1)]


def test_near_duplicates_share_a_story():
    rows = _rows(3)
    base = "临海市委书记张明率队赴深圳考察华锐公司并与公司董事长李青座谈，双方就合作事宜深入交流。"
    texts = {"c0001": base, "c0002": "来源：某报 " + base + " 责任编辑：王五", "c0003": "完全不同的一篇文章，讲的是另一件事情，没有重复的内容。"}
    group_stories(rows, texts)
    assert rows[0].story == rows[1].story == "c0001" and rows[2].story == "c0003"


def test_splits_by_story_stratified_and_deterministic():
    rows = _rows(200)
    for r in rows[:10]:
        r.story = "s-big"  # one story of ten articles
    assign_splits(rows)
    assert len({r.split for r in rows[:10]}) == 1
    counts = Counter(r.split for r in rows)
    assert 45 <= counts["test"] <= 60 and 28 <= counts["dev"] <= 42
    trad = [r for r in rows if r.script == "traditional"]
    assert Counter(r.split for r in trad)["test"] >= len(trad) * 0.2
    again = _rows(200)
    for r in again[:10]:
        r.story = "s-big"
    assign_splits(again)
    assert [r.split for r in again] == [r.split for r in rows]
