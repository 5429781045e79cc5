"""kg build under faults: bad output folders, a full disk, concurrent builds,
missing inputs and models. Each: no traceback, one clear line, the documented
exit code, previous outputs intact, any Turtle written parses."""

from __future__ import annotations

import errno
import subprocess
import sys

import pytest

from kg import exitcodes
from kg.export.outdir import claim_output
from kg.pipeline import run_build

from .conftest import assert_clean_failure, run_kg


def _parses(path) -> bool:
    import rdflib

    rdflib.Graph().parse(path, format="turtle")
    return True


def test_output_that_is_a_file_fails_before_any_article(tmp_path, one_seed):
    target = tmp_path / "out.ttl"
    target.write_text("keep me", encoding="utf-8")
    proc = run_kg("build", str(one_seed), "-o", str(target))
    err = assert_clean_failure(proc, exitcodes.IO_ERROR, "is not a folder")
    assert "loading the model" not in err and "[1/" not in err  # checked before any work
    assert target.read_text(encoding="utf-8") == "keep me"


def test_output_folder_not_writable(tmp_path, one_seed, monkeypatch, caplog):
    import os

    out = tmp_path / "ro"
    out.mkdir()
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, m, **kw: False if str(p) == str(out) else real_access(p, m, **kw))
    assert run_build([str(one_seed)], str(out), progress=False) == exitcodes.IO_ERROR
    assert not (out / "graph.ttl").exists()


def test_missing_input_fails_before_the_model_loads(tmp_path):
    proc = run_kg("build", str(tmp_path / "nowhere"), "-o", str(tmp_path / "out"))
    err = assert_clean_failure(proc, exitcodes.USAGE, "no such file or folder")
    assert "loading the model" not in err


@pytest.mark.parametrize("model_state", ["missing", "corrupt"])
def test_missing_or_corrupt_model(tmp_path, one_seed, model_state):
    model = tmp_path / "model"
    if model_state == "corrupt":
        model.mkdir()
        (model / "config.json").write_text("{not json", encoding="utf-8")
        (model / "model.pt").write_bytes(b"\0" * 64)
    proc = run_kg("build", str(one_seed), "-o", str(tmp_path / "out"), "--model", str(model))
    err = assert_clean_failure(proc, exitcodes.USAGE, str(model))
    assert len([line for line in err.splitlines() if line.strip()]) <= 2  # "loading", then one line of why


def test_disk_full_mid_write_keeps_previous_outputs(tmp_path, one_seed, monkeypatch):
    out = tmp_path / "out"
    assert run_build([str(one_seed)], str(out), progress=False, validate=False) == 0
    before = {n: (out / n).read_bytes() for n in ("graph.ttl", "graph.html", "report.json")}

    import kg.export.html as html

    def full_disk(graph, path, **kw):
        with open(path, "wb") as f:
            f.write(b"<html>half")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(html, "write_html", full_disk)
    assert run_build([str(one_seed)], str(out), progress=False, validate=False) == exitcodes.IO_ERROR
    assert {n: (out / n).read_bytes() for n in before} == before
    assert not list(out.glob(".staging-*"))
    assert _parses(out / "graph.ttl")


def test_a_second_build_into_a_held_folder_fails_at_once(tmp_path, one_seed):
    out = tmp_path / "out"
    with claim_output(out):
        proc = run_kg("build", str(one_seed), "-o", str(out))
    err = assert_clean_failure(proc, exitcodes.IO_ERROR, "another kg build is writing into")
    assert "loading the model" not in err


def test_two_concurrent_builds_never_crash_and_leave_valid_turtle(tmp_path, one_seed):
    out = tmp_path / "out"
    procs = [subprocess.Popen([sys.executable, "-m", "kg", "build", str(one_seed), "-o", str(out), "--no-validate"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(2)]
    results = [(p.wait(timeout=300), p.stderr.read().decode()) for p in procs]
    for code, err in results:
        assert "Traceback" not in err
        assert code in (exitcodes.OK, exitcodes.IO_ERROR), err
    assert any(code == exitcodes.OK for code, _ in results)
    assert _parses(out / "graph.ttl")
    assert not list(out.glob(".staging-*"))


def test_stale_staging_of_a_killed_build_is_removed(tmp_path, one_seed):
    out = tmp_path / "out"
    (out / ".staging-dead").mkdir(parents=True)
    (out / ".staging-dead" / "graph.ttl").write_text("half", encoding="utf-8")
    assert run_build([str(one_seed)], str(out), progress=False, validate=False) == 0
    assert not (out / ".staging-dead").exists()


def test_an_unexpected_error_is_one_line_with_its_own_exit_code(tmp_path, one_seed, monkeypatch, capsys):
    import kg.build.run as build_run
    from kg.cli import main

    def boom(*a, **kw):
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(build_run, "build", boom)
    assert main(["build", str(one_seed), "-o", str(tmp_path / "out")]) == exitcodes.INTERNAL
    err = capsys.readouterr().err
    assert "internal error" in err and "--debug" in err and "Traceback" not in err
    assert exitcodes.INTERNAL != exitcodes.INPUTS_SKIPPED
    with pytest.raises(RuntimeError):
        main(["--debug", "build", str(one_seed), "-o", str(tmp_path / "out")])


@pytest.mark.parametrize("error", [
    UnicodeEncodeError("utf-8", "为深入贯彻落实" * 500 + "\udcff", 3500, 3501, "surrogates not allowed"),
    RuntimeError("为深入贯彻落实" * 500),
])
def test_an_internal_error_does_not_print_the_article(tmp_path, one_seed, monkeypatch, capsys, error):
    """The internal-error line quoted the whole article a codec failed on (one 5 KB line,
    found by a tester): a codec's error says its reason only, any other is cut short."""
    import kg.build.run as build_run
    from kg.cli import INTERNAL_ERROR_CHARS, main

    def boom(*a, **kw):
        raise error

    monkeypatch.setattr(build_run, "build", boom)
    assert main(["build", str(one_seed), "-o", str(tmp_path / "out")]) == exitcodes.INTERNAL
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith("kg build: internal error: ") and type(error).__name__ in line
    assert len(line) < INTERNAL_ERROR_CHARS + 100
    if isinstance(error, UnicodeError):
        assert "为" not in line and "surrogates not allowed" in line


def test_a_file_name_that_is_not_utf8_is_built_under_an_escaped_name(tmp_path, one_seed):
    """A file name with bytes that are not UTF-8 stopped the whole build with an internal
    error (found by a tester): it is built under the name with those bytes escaped, in
    the records, the IRIs, report.json (the command too) and the messages."""
    import json
    import os

    folder = tmp_path / "in"
    folder.mkdir()
    seed = next(one_seed.glob("*.txt"))
    (folder / seed.name).write_bytes(seed.read_bytes())
    bad = folder / os.fsdecode(b"bad\xffname.txt")
    bad.write_bytes(seed.read_bytes())
    out = tmp_path / "out"
    proc = run_kg("build", str(folder), str(bad), "-o", str(out), "--workers", "1")
    err = proc.stderr.decode("utf-8")  # valid UTF-8
    assert proc.returncode == exitcodes.OK, err
    assert "bad\\xffname.txt" in err
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert sorted(report["read"]) == sorted([seed.name, "bad\\xffname.txt"])
    assert str(folder / "bad\\xffname.txt") in report["command"]
    assert "/article/bad%5Cxffname.txt>" in (out / "graph.ttl").read_text(encoding="utf-8")
    assert "bad\\\\xffname.txt" in (out / "cache" / "manifest.json").read_text(encoding="utf-8")
