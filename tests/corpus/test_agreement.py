"""kg.corpus.agreement: the project's scorer between two annotators."""

from __future__ import annotations

import copy
import json

from kg.corpus.agreement import agreement, format_agreement

from .test_check import GOOD


def test_identical_annotations_agree_fully_and_differences_count(tmp_path):
    a, b = tmp_path / "A", tmp_path / "B"
    a.mkdir()
    b.mkdir()
    (a / "c0001.json").write_text(json.dumps(GOOD, ensure_ascii=False), encoding="utf-8")
    (b / "c0001.json").write_text(json.dumps(GOOD, ensure_ascii=False), encoding="utf-8")
    res = agreement(a, b)
    assert res["articles"] == 1 and res["entities"]["all"].f1 == 1.0 and res["relations"]["micro"].f1 == 1.0
    other = copy.deepcopy(GOOD)
    other["visited"] = []
    other["entities"] = [e for e in other["entities"] if e["name"] != "临海市"]
    other["locatedIn"] = []
    (b / "c0001.json").write_text(json.dumps(other, ensure_ascii=False), encoding="utf-8")
    res = agreement(a, b)
    assert res["entities"]["Place"].f1 == 0.0 and res["entities"]["Person"].f1 == 1.0
    assert res["relations"]["visited"].fn == 1 and res["relations"]["positions"].f1 == 1.0
    assert "| relation visited | 1 | 0 | 0 | 0.000 |" in format_agreement(res)
