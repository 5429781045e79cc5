"""The graph always conforms: an extraction that would break a SHACL shape is
dropped with a logged reason, counted in the summary and report.json, never
written; the build still exits 0."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.build.run import BuildOptions, build
from kg.export.outdir import claim_output
from kg.pipeline import run_build
from kg.rdf.loading import load_graph
from kg.rdf.validate import validate_graph

from . import faulty
from .conftest import SEEDS, report

ROOT = Path(__file__).resolve().parents[2]


def _conforms(out: Path) -> None:
    result = validate_graph(load_graph(str(out / "graph.ttl")))
    assert result.conforms, result.violations[:5]


@pytest.fixture
def garbage_on_second(monkeypatch):
    """``kg build``'s own analysis replaced by one that adds extractions breaking the shapes to 001_
    (in-process builds; ``faulty`` calls the real analysis)."""
    monkeypatch.setattr("kg.pipeline.analyze_article", faulty.garbage_on_second)


def test_a_violating_extraction_is_dropped_logged_and_counted_and_the_build_exits_0(
        three, tmp_path, garbage_on_second, capsys):
    out = tmp_path / "out"
    records: list[logging.LogRecord] = []
    handler = logging.Handler(logging.WARNING)
    handler.emit = records.append
    log = logging.getLogger("kg")
    log.addHandler(handler)
    try:
        code = run_build([str(three)], str(out), progress=False)
    finally:
        log.removeHandler(handler)
    assert code == 0
    _conforms(out)
    rep = report(out)
    dropped = rep["dropped_statements"]
    assert dropped["count"] == len(dropped["statements"]) > 0
    assert sum(dropped["by_shape"].values()) == dropped["count"]
    assert rep["validation"] == {"conforms": True, "violations": [], "statements_dropped": dropped["count"]}
    for d in dropped["statements"]:
        assert d["file"].startswith("001_") and set(d) == {"file", "statement", "shape", "constraint", "message"}
        assert d["statement"].count(" ") >= 2 and d["message"]
    assert any(d["constraint"] == "sh:ClassConstraintComponent" for d in dropped["statements"])
    # one warning line per dropped statement, naming the file, the statement and the reason
    lines = [r.getMessage() for r in records if " dropped " in r.getMessage()]
    assert len(lines) == dropped["count"]
    assert all(line.startswith("kg build: 001_") for line in lines)
    assert dropped["statements"][0]["statement"] in lines[0] and dropped["statements"][0]["message"] in lines[0]
    summary = capsys.readouterr().out
    assert f"{dropped['count']} statements dropped" in summary


def test_articles_without_violations_keep_their_bytes(three, tmp_path, monkeypatch):
    """The garbage of 001_ changes 001_'s block only: the other articles' Turtle is byte-identical."""
    good = tmp_path / "good"
    assert run_build([str(three)], str(good), progress=False, html=False) == 0
    assert report(good)["dropped_statements"]["count"] == 0
    monkeypatch.setattr("kg.pipeline.analyze_article", faulty.garbage_on_second)
    bad = tmp_path / "bad"
    assert run_build([str(three)], str(bad), progress=False, html=False) == 0
    assert report(bad)["dropped_statements"]["count"] > 0
    names = sorted(p.name for p in three.glob("*.txt"))
    for name in names:
        if name.startswith("001_"):
            continue
        assert _block(good, name) and _block(bad, name) == _block(good, name), name
    assert _block(bad, names[1]) != _block(good, names[1])


def _block(out: Path, source: str) -> str:
    """The Turtle of an article's own subjects (``<…/id/article/SOURCE…>``)."""
    from kg.rdf.namespaces import ID

    text = (out / "graph.ttl").read_text(encoding="utf-8")
    head = f"<{ID}article/{source}"
    return "\n\n".join(c for c in text.split("\n\n") if c.startswith(head + "> ") or c.startswith(head + "/"))


def test_the_same_drops_and_bytes_for_one_and_two_workers(three, tmp_path):
    outs = []
    for workers in (1, 2):
        out = tmp_path / f"w{workers}"
        with claim_output(out) as folder:
            built = build([str(three)], folder, BuildOptions(workers=workers, analyze="tests.build.faulty:garbage_on_second",
                                                             progress=False, html=False))
            built.publish(folder)
        outs.append(out)
    assert report(outs[1])["build"]["workers"] == 2
    assert (outs[0] / "graph.ttl").read_bytes() == (outs[1] / "graph.ttl").read_bytes()
    assert report(outs[0])["dropped_statements"] == report(outs[1])["dropped_statements"]
    assert report(outs[0])["dropped_statements"]["count"] > 0
    _conforms(outs[0])


def test_kg_add_drops_and_counts_too(three, tmp_path, garbage_on_second, capsys):
    from kg.build.incremental import run_add

    names = sorted(three.glob("*.txt"))
    out = tmp_path / "out"
    assert run_build([str(names[0])], str(out), progress=False, html=False) == 0
    assert report(out)["dropped_statements"]["count"] == 0
    capsys.readouterr()
    assert run_add([str(names[1])], str(out), progress=False, html=False) == 0
    _conforms(out)
    rep = report(out)
    assert rep["dropped_statements"]["count"] > 0 and rep["validation"]["conforms"]
    assert f"{rep['dropped_statements']['count']} statements dropped" in capsys.readouterr().out


NEWS = ["平顶山市委书记陈向平一行到恒玄科技(上海)股份有限公司考察，与总经理赵国光会谈。",
        "卫东区政府与恒玄科技签订意向合作协议，陈向平见证签约。", "党委书记、董事长李洪凤接待。", "经济"]
pieces = st.one_of(
    st.sampled_from(NEWS),
    st.text(min_size=0, max_size=30),
    st.sampled_from(["<html><body><p>", "</p><p>", "<script>var a=1;</script>", "&nbsp;", "\x00\x07",
                     "\u200b\ufeff", "。" * 4, "（", "）", "\r\n", "Maria Silva"]),
)


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(parts=st.lists(st.lists(pieces, min_size=1, max_size=10).map("".join), min_size=1, max_size=3),
       html=st.booleans())
def test_any_text_with_any_garbage_extraction_builds_a_conforming_graph(tmp_path_factory, parts, html):
    """Random, garbage and HTML text, analysed for real and then given extractions that
    break the shapes (drawn from the text): the graph conforms, the build fails nothing."""
    src = tmp_path_factory.mktemp("in")
    for i, text in enumerate(parts):
        name = f"{i:03d}_x.html" if html else f"{i:03d}_x.txt"
        (src / name).write_bytes(text.encode("utf-8", "surrogatepass"))
    out = tmp_path_factory.mktemp("out")
    with claim_output(out) as folder:
        built = build([str(src)], folder, BuildOptions(analyze="tests.build.faulty:garbage_everywhere",
                                                       progress=False, html=False, use_cache=False))
        if not built.report.read:
            built.discard()
            return
        built.publish(folder)
    rep = report(out)
    assert rep["validation"]["conforms"], rep["validation"]["violations"][:5]
    assert all("processing failed" not in f["reason"] for f in rep["failed"]), rep["failed"]
    _conforms(out)


@pytest.mark.slow
def test_the_corpus_builds_and_exits_0(tmp_path):
    corpus = ROOT / "corpus" / "articles"
    if not corpus.is_dir():
        pytest.skip("no corpus")
    out = tmp_path / "out"
    assert run_build([str(corpus)], str(out), progress=False, workers=None, html=False) == 0
    assert report(out)["validation"]["conforms"]
    _conforms(out)


def test_seeds_copy_builds_without_drops(tmp_path):
    """The seeds' extraction breaks no shape: nothing dropped, nothing said."""
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(sorted(SEEDS.glob("*.txt"))[0], src)
    out = tmp_path / "out"
    assert run_build([str(src)], str(out), progress=False, html=False) == 0
    assert report(out)["dropped_statements"] == {"count": 0, "by_shape": {}, "statements": []}
