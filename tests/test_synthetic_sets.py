"""Integrity of the three synthetic sets (tests/synthetic/set1..set3).

These articles were made up by the project's own hands (once called "held-out";
they measured the rules against themselves). They are not quality measures and
no quality gate uses them: they stay as labelled illustrations of the guide,
and these checks keep each gold file well-formed and consistent with its
article. Quality is measured on real articles only (tests/test_quality.py).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent


@dataclass(frozen=True)
class SyntheticSet:
    """One held-out set: its folder, the article length bounds it was written to, and
    whether its gold follows the rule that every surface form is written in the article
    (the first set does not: it has names from outside the text, e.g. h04's 中国科学院,
    and articles with inline pinyin, e.g. h07's 蔡长(cháng)青)."""

    name: str
    min_chars: int
    max_chars: int
    surface_forms_in_text: bool

    @property
    def root(self) -> Path:
        return TESTS / "synthetic" / self.name

    @property
    def gold(self) -> list[Path]:
        return sorted((self.root / "gold").glob("*.json"))

    def article(self, file: str) -> str:
        return (self.root / "articles" / file).read_text(encoding="utf-8")


SETS = [
    SyntheticSet("set1", 600, 1500, surface_forms_in_text=False),
    SyntheticSet("set2", 600, 1500, surface_forms_in_text=True),
    SyntheticSet("set3", 250, 2500, surface_forms_in_text=True),
]
#: (set, gold file) for every gold file of every set
GOLD = [pytest.param(s, p, id=f"{s.name}-{p.stem}") for s in SETS for p in s.gold]
#: the same, for the sets whose surface forms are all written in the article
GOLD_IN_TEXT = [
    pytest.param(s, p, id=f"{s.name}-{p.stem}")
    for s in SETS
    if s.surface_forms_in_text
    for p in s.gold
]
PAIRS = {
    "visited": ({"Person"}, {"Organization", "Place"}),
    "metWith": ({"Person"}, {"Person"}),
    "accompanied": ({"Person"}, {"Person"}),
    "affiliatedWith": ({"Person"}, {"Organization"}),
    "partOf": ({"Organization"}, {"Organization"}),
    "locatedIn": ({"Organization", "Place"}, {"Place"}),
}
#: bodies a careful reader infers from a title (区人大常委会主任 -> 偃师区人大常委会)
INFERRED_BODY = re.compile(r"(委|政府|政协|人大常委会|局)$")


def _load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _simplified_text(synthetic: SyntheticSet, file: str) -> str:
    from opencc import OpenCC

    text = OpenCC("t2s").convert(synthetic.article(file))
    return re.sub(r"[ \u3000]", "", text).replace("（", "(").replace("）", ")")


@pytest.mark.parametrize("synthetic", SETS, ids=lambda s: s.name)
def test_one_gold_per_article(synthetic: SyntheticSet):
    articles = sorted(p.stem for p in (synthetic.root / "articles").glob("*.txt"))
    assert len(articles) == 8
    assert [p.stem for p in synthetic.gold] == articles


@pytest.mark.parametrize(("synthetic", "path"), GOLD)
def test_gold_is_consistent(synthetic: SyntheticSet, path: Path):
    gold = _load(path)
    assert gold["file"] == path.stem + ".txt"
    text = synthetic.article(gold["file"])
    assert synthetic.min_chars <= len(text) <= synthetic.max_chars
    types = {}
    for e in gold["entities"]:
        assert e["type"] in {"Person", "Organization", "Place"}
        for n in [e["name"], *e.get("aliases", [])]:
            assert n not in types, f"name used twice: {n}"
            assert "（" not in n and "）" not in n, f"full-width bracket in {n}"
            types[n] = e["type"]
    canonical = {e["name"]: e["type"] for e in gold["entities"]}
    for kind, (left, right) in PAIRS.items():
        rows = [tuple(r) for r in gold[kind]]
        assert len(rows) == len(set(rows)), f"duplicate {kind}"
        for a, b in rows:
            assert a != b, f"{kind} {a} with itself"
            assert canonical.get(a) in left and canonical.get(b) in right, f"{kind} {a} {b}"
    for p in gold["positions"]:
        assert canonical.get(p["person"]) == "Person" and p["title"]
        assert "in" not in p or canonical.get(p["in"]) in {"Organization", "Place"}
    for agr in gold["agreements"]:
        assert agr["name"] and agr["parties"]
        assert all(canonical.get(x) in {"Organization", "Place"} for x in agr["parties"])
        assert all(canonical.get(x) == "Person" for x in agr["witnesses"])


@pytest.mark.parametrize(("synthetic", "path"), GOLD_IN_TEXT)
def test_names_and_titles_are_in_the_text(synthetic: SyntheticSet, path: Path):
    """Every surface form is in the (Simplified, de-spaced) article, except government
    bodies inferred from a title; every title is written in the article."""
    gold = _load(path)
    text = _simplified_text(synthetic, gold["file"])
    for e in gold["entities"]:
        for n in [e["name"], *e.get("aliases", [])]:
            inferred = e["type"] == "Organization" and INFERRED_BODY.search(n)
            assert n in text or inferred, f"{n} not in {gold['file']}"
    for p in gold["positions"]:
        assert p["title"] in text, f"title {p['title']} not in {gold['file']}"
