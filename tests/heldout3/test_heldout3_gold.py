"""Integrity of the third held-out gold set (tests/heldout3/gold): format and consistency.

The set only measures generalization (see README.md); these checks make sure every gold
file is well-formed, so that a score on it means something.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
GOLD = sorted((HERE / "gold").glob("*.json"))
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


def _simplified_text(file: str) -> str:
    from opencc import OpenCC

    text = (HERE / "articles" / file).read_text(encoding="utf-8")
    text = OpenCC("t2s").convert(text)
    return re.sub(r"[ \u3000]", "", text).replace("（", "(").replace("）", ")")


def test_one_gold_per_article():
    articles = sorted(p.stem for p in (HERE / "articles").glob("*.txt"))
    assert len(articles) == 8
    assert [p.stem for p in GOLD] == articles


@pytest.mark.parametrize("path", GOLD, ids=lambda p: p.stem)
def test_gold_is_consistent(path: Path):
    gold = _load(path)
    assert gold["file"] == path.stem + ".txt"
    text = (HERE / "articles" / gold["file"]).read_text(encoding="utf-8")
    assert 250 <= len(text) <= 2500
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


@pytest.mark.parametrize("path", GOLD, ids=lambda p: p.stem)
def test_names_and_titles_are_in_the_text(path: Path):
    """Every surface form is in the (Simplified, de-spaced) article, except government
    bodies inferred from a title; every title is written in the article."""
    gold = _load(path)
    text = _simplified_text(gold["file"])
    for e in gold["entities"]:
        for n in [e["name"], *e.get("aliases", [])]:
            inferred = e["type"] == "Organization" and INFERRED_BODY.search(n)
            assert n in text or inferred, f"{n} not in {gold['file']}"
    for p in gold["positions"]:
        assert p["title"] in text, f"title {p['title']} not in {gold['file']}"
