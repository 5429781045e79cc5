"""End to end: `kg build` on the seeds, outputs, determinism, atomicity, quality.

The seeds' graph is built once per session (the offline model loads once).
"""

import json
import shutil

import pytest

from kg.export.outdir import LOCK_NAME
from kg.pipeline import run_build

from .conftest import SEEDS


def test_build_writes_the_three_outputs(seeds_build):
    code, out = seeds_build
    assert code == 0
    for name in ("graph.ttl", "graph.html", "report.json"):
        assert (out / name).stat().st_size > 0
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["articles_read"] == 5 and report["articles_failed"] == 0
    assert report["validation"]["conforms"], report["validation"]["violations"][:5]
    assert set(report["seconds_by_stage"]) >= {"normalize", "recognize", "context", "positions", "events", "resolve", "rdf"}
    assert report["entities_by_type"]


def test_same_input_gives_byte_identical_output(seeds_build, tmp_path):
    _, first = seeds_build
    assert run_build([str(SEEDS)], str(tmp_path), progress=False) == 0
    for name in ("graph.ttl", "graph.html"):
        assert (tmp_path / name).read_bytes() == (first / name).read_bytes(), name


def test_a_crash_leaves_previous_outputs_intact(seeds_build, tmp_path, monkeypatch):
    _, first = seeds_build
    for name in ("graph.ttl", "graph.html", "report.json"):
        shutil.copy(first / name, tmp_path / name)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}

    def boom(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr("kg.export.html.write_html", boom)
    with pytest.raises(RuntimeError):
        run_build([str(SEEDS)], str(tmp_path), progress=False)
    after = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.name != LOCK_NAME}
    assert after == before  # no half-written file, no leftover staging folder (the lock file stays)


def test_bad_inputs_are_reported_and_the_batch_goes_on(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SEEDS / "000_65209c79ac6c9c30.txt", src)
    (src / "empty.txt").write_bytes(b"")
    (src / "binary.txt").write_bytes(bytes(range(256)) * 20)
    out = tmp_path / "out"
    assert run_build([str(src)], str(out), progress=False) == 1
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["articles_read"] == 1
    assert {f["file"] for f in report["failed"]} == {"empty.txt", "binary.txt"}


def test_nothing_readable_keeps_previous_outputs(tmp_path):
    (tmp_path / "graph.ttl").write_text("previous", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert run_build([str(empty)], str(tmp_path), progress=False) == 2
    assert (tmp_path / "graph.ttl").read_text(encoding="utf-8") == "previous"


def test_same_file_name_in_two_folders_stays_two_articles(tmp_path):
    from kg.evaluation.from_graph import graph_to_gold_shape
    from kg.rdf.loading import load_graph

    src = tmp_path / "in"
    for folder, seed in (("x", "000_65209c79ac6c9c30.txt"), ("y", "001_f57b5bd4c52a1052.txt")):
        (src / folder).mkdir(parents=True)
        shutil.copy(SEEDS / seed, src / folder / "a.txt")
    out = tmp_path / "out"
    assert run_build([str(src)], str(out), progress=False) == 0
    docs = graph_to_gold_shape(load_graph(out / "graph.ttl"))
    assert set(docs) == {"a.txt", "y/a.txt"}
    names = [{e["name"] for e in docs[f]["entities"]} for f in ("a.txt", "y/a.txt")]
    assert "陈向平" in names[0] and "陈向平" not in names[1]  # each article keeps its own entities


def test_output_does_not_depend_on_the_hash_seed(tmp_path):
    """Byte-identical output across processes too (set/dict order must never leak)."""
    import os
    import subprocess
    import sys

    outs = []
    for seed in ("1", "2"):
        out = tmp_path / seed
        env = dict(os.environ, PYTHONHASHSEED=seed)
        subprocess.run(
            [sys.executable, "-m", "kg", "build", str(SEEDS), "-o", str(out), "--quiet", "--no-validate"],
            env=env, check=True, capture_output=True,
        )
        outs.append((out / "graph.ttl").read_bytes())
    assert outs[0] == outs[1]
