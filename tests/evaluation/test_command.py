"""``kg eval``: report, JSON, exit codes."""

from __future__ import annotations

import io
import json
import shutil

import pytest

from kg.evaluation.command import load_gold_dir, run_eval
from kg.export.turtle import write_turtle
from kg.rdf.gold import gold_to_corpus
from kg.rdf.mapping import corpus_to_graph

from ..conftest import SEED_GOLD


@pytest.fixture(scope="module")
def gold_graph(tmp_path_factory):
    golds = list(load_gold_dir(SEED_GOLD).values())
    return write_turtle(corpus_to_graph(gold_to_corpus(golds)), tmp_path_factory.mktemp("e") / "graph.ttl")


def test_report_on_a_perfect_graph(gold_graph):
    out = io.StringIO()
    assert run_eval(str(gold_graph), str(SEED_GOLD), as_json=False, out=out) == 0
    text = out.getvalue()
    assert "articles scored: 5" in text
    for label in ("entities", "visited", "metWith", "positions", "party", "witnessed", "relations micro"):
        line = next(line for line in text.splitlines() if line.startswith(label))
        assert "F1  1.000" in line, line
    assert "missed" not in text and "spurious" not in text


def test_json_and_missed_items(gold_graph, tmp_path):
    gold_dir = tmp_path / "gold"
    shutil.copytree(SEED_GOLD, gold_dir)
    first = sorted(gold_dir.glob("*.json"))[0]
    doc = json.loads(first.read_text(encoding="utf-8"))
    doc["entities"].append({"name": "不存在的人", "type": "Person"})
    doc["visited"].append(["不存在的人", doc["entities"][0]["name"]])
    first.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")

    out = io.StringIO()
    assert run_eval(str(gold_graph), str(gold_dir), as_json=True, out=out) == 0
    data = json.loads(out.getvalue())
    assert data["entities"]["fn"] == 1 and data["entities"]["fp"] == 0
    assert data["relations"]["visited"]["fn"] == 1
    article = next(a for a in data["articles"] if a["file"] == doc["file"])
    assert "entity Person 不存在的人" in article["missed"]

    out = io.StringIO()
    run_eval(str(gold_graph), str(gold_dir), as_json=False, out=out)
    assert "missed   entity Person 不存在的人" in out.getvalue()


def test_bad_inputs_exit_2(gold_graph, tmp_path, capsys):
    assert run_eval(str(gold_graph), str(tmp_path / "nope"), as_json=False, out=io.StringIO()) == 2
    assert run_eval(str(gold_graph), str(tmp_path), as_json=False, out=io.StringIO()) == 2  # no gold files
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    assert run_eval(str(gold_graph), str(tmp_path), as_json=False, out=io.StringIO()) == 2
    assert run_eval(str(tmp_path / "none.ttl"), str(SEED_GOLD), as_json=False, out=io.StringIO()) == 2
    (tmp_path / "bad.json").write_text('{"file": "x.txt", "entities": [{"name": "甲"}]}', encoding="utf-8")
    assert run_eval(str(gold_graph), str(tmp_path), as_json=False, out=io.StringIO()) == 2
    assert "Traceback" not in capsys.readouterr().err


def test_gold_articles_absent_from_the_graph_are_named_in_a_warning(tmp_path, capsys):
    """They were scored as all missed without a word (a graph of other articles, an
    article that failed to build): now one warning line counts them and names a few."""
    from kg.logs import setup_logging

    golds = load_gold_dir(SEED_GOLD)
    first = sorted(golds)[0]
    graph = write_turtle(corpus_to_graph(gold_to_corpus([golds[first]])), tmp_path / "graph.ttl")
    setup_logging("INFO")
    capsys.readouterr()
    assert run_eval(str(graph), str(SEED_GOLD), as_json=False, out=io.StringIO()) == 0
    absent = sorted(golds)[1:]
    assert capsys.readouterr().err == (f"kg eval: {len(absent)} of {len(golds)} gold articles have no article in the "
                                       f"graph, scored as all missed: {', '.join(absent[:3])} and "
                                       f"{len(absent) - 3} more\n")
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    shutil.copy(SEED_GOLD / first.replace(".txt", ".json"), gold_dir)
    assert run_eval(str(graph), str(gold_dir), as_json=False, out=io.StringIO()) == 0
    assert capsys.readouterr().err == ""  # every gold article in the graph: no warning


@pytest.mark.parametrize("field, value, says", [
    ("entities", [{"name": ["甲"], "type": "Person"}], "entity #1: 'name' must be a string (it is a list)"),
    ("entities", [{"name": "甲", "type": "Person", "aliases": "乙"}], "entity #1: 'aliases' must be a list of names (it is a string)"),
    ("entities", ["甲"], "entity #1 must be an object (it is a string)"),
    ("visited", [["甲"]], "'visited' #1 must be a pair of names (it is [\"甲\"])"),
    ("metWith", {"甲": "乙"}, "'metWith' must be a list (it is an object)"),
    ("positions", [{"person": "甲", "title": 3}], "'positions' #1: 'title' must be a string (it is a number)"),
    ("agreements", [{"name": "协议", "parties": "甲"}], "'agreements' #1: 'parties' must be a list of names (it is a string)"),
    ("agreements", [{"name": None, "parties": ["甲", "乙"]}], "'agreements' #1: 'name' must be a string (it is null)"),
    ("file", ["a.txt"], "'file' must be a string (it is a list)"),
])
def test_a_gold_file_with_a_field_of_the_wrong_type_is_named_with_the_field(gold_graph, tmp_path, capsys,
                                                                             field, value, says):
    """It was "a gold file is malformed: AttributeError(...)" (or a TypeError, or an
    internal error for a 'file' that is a list), the file not named."""
    doc = {"file": "a.txt", "entities": [{"name": "甲", "type": "Person"}, {"name": "乙", "type": "Person"}]}
    doc[field] = value
    (tmp_path / "a.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    capsys.readouterr()
    assert run_eval(str(gold_graph), str(tmp_path), as_json=False, out=io.StringIO()) == 2
    assert capsys.readouterr().err == f"kg eval: {tmp_path / 'a.json'}: a malformed gold file: {says}\n"
