"""The CLI of the build: options with help, bad values refused, --no-html."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from kg.cli import build_parser
from kg.pipeline import run_build


def _subparser(name: str) -> argparse.ArgumentParser:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return sub.choices[name]


@pytest.mark.parametrize("command", ["build", "add"])
def test_every_option_has_help(command):
    p = _subparser(command)
    for action in p._actions:
        if not isinstance(action, argparse._HelpAction):
            assert action.help, (command, action.dest)
    options = {o for a in p._actions for o in a.option_strings}
    assert {"--workers", "--engine", "--scheduler", "--no-html"} <= options
    if command == "add":
        assert {"--to", "--remove"} <= options


@pytest.mark.parametrize("value", ["0", "-1", "two"])
def test_workers_must_be_a_positive_number(value, capsys):
    with pytest.raises(SystemExit) as exc:
        build_parser().parse_args(["build", "seeds", "--workers", value])
    assert exc.value.code == 2


@pytest.mark.parametrize("command", ["build", "add", "normalize"])
def test_max_bytes_must_be_a_positive_number(command):
    """--max-bytes -5 made every file "too large" (found by a tester)."""
    argv = [command, "seeds", "--max-bytes", "-5"] + (["--to", "out"] if command == "add" else [])
    with pytest.raises(SystemExit) as exc:
        build_parser().parse_args(argv)
    assert exc.value.code == 2


def test_default_workers_is_every_core():
    args = build_parser().parse_args(["build", "seeds"])
    assert args.workers is None and args.engine == "local"


def test_no_html_writes_no_page_and_removes_an_old_one(three, tmp_path):
    one = sorted(three.glob("*.txt"))[:1]
    out = tmp_path / "out"
    assert run_build([str(one[0])], str(out), progress=False) == 0
    assert (out / "graph.html").is_file()
    assert run_build([str(one[0])], str(out), progress=False, html=False) == 0
    assert not (out / "graph.html").exists() and (out / "graph.ttl").is_file()


def test_a_folder_of_the_users_named_store_is_never_replaced(three, tmp_path):
    """kg build into a folder that holds a store/ (or cache/) kg did not write refuses
    with exit 3 and leaves it as it was (found by a tester: the build deleted it)."""
    out = tmp_path / "userdir"
    (out / "store").mkdir(parents=True)
    (out / "store" / "mydata.txt").write_text("important", encoding="utf-8")
    assert run_build([str(three)], str(out), progress=False) == 3
    assert (out / "store" / "mydata.txt").read_text(encoding="utf-8") == "important"
    assert not (out / "graph.ttl").exists()
    ok = tmp_path / "ok"
    assert run_build([str(three)], str(ok), progress=False) == 0
    assert run_build([str(three)], str(ok), progress=False) == 0  # its own store and cache: rebuilt


def test_an_output_folder_inside_the_input_folder_is_no_input(three, tmp_path):
    """kg build IN -o IN/out twice reads the same articles: the earlier output's
    graph.html is not an article (found by a tester)."""
    import json
    import shutil

    folder = tmp_path / "in"
    shutil.copytree(three, folder)
    for _ in range(2):
        assert run_build([str(folder)], str(folder / "out"), progress=False) == 0
        r = json.loads((folder / "out" / "report.json").read_text(encoding="utf-8"))
        assert r["articles_read"] == len(list(three.glob("*.txt")))


def test_a_mode_with_no_shipped_model_is_a_usage_error(three, tmp_path, monkeypatch):
    """kg build --relations model with no model of that mode shipped: exit 2 and one
    line, not an internal error (found by a tester)."""
    from kg.pipeline import run_build

    monkeypatch.delenv("ZHKG_RE_MODEL", raising=False)
    monkeypatch.setenv("ZHKG_RELATIONS", "model")
    assert run_build([str(three)], str(tmp_path / "out"), progress=False) == 2
    monkeypatch.setenv("ZHKG_RELATIONS", "foo")
    assert run_build([str(three)], str(tmp_path / "out"), progress=False) == 2



def test_the_program_gives_ctrl_c_back_to_the_system_once_main_returns(monkeypatch):
    """A Ctrl-C while the interpreter shuts the worker pools down ends the process
    without a traceback (found by a tester): run() restores SIGINT's default after main."""
    import signal

    import kg.cli as cli

    calls = []
    monkeypatch.setattr(cli, "main", lambda: calls.append("main") or 7)
    monkeypatch.setattr(signal, "signal", lambda sig, handler: calls.append((sig, handler)))
    with pytest.raises(SystemExit) as exc:
        cli.run()
    stops = [signal.SIGTERM, signal.SIGHUP]
    assert exc.value.code == 7 and calls == [*((s, signal.default_int_handler) for s in stops), "main",
                                             *((s, signal.SIG_DFL) for s in [signal.SIGINT, *stops])]


@pytest.mark.parametrize("stop", ["SIGTERM", "SIGHUP"])
def test_kill_ends_a_build_as_ctrl_c_does_and_leaves_no_worker(three, tmp_path, stop):
    """kill (SIGTERM) or a closed terminal (SIGHUP) killed kg build on the spot: its
    spawned workers lived on without a parent (400 MB each) and its staging folders
    stayed (found by a tester). Now: exit 130, one line, no staging, no worker left."""
    import os
    import signal
    import subprocess
    import sys
    import time

    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "kg", "build", str(three), "-o", str(out), "--workers", "2"],
                            stderr=subprocess.PIPE, text=True, start_new_session=True)
    lines = []
    for line in proc.stderr:  # the workers are analysing: the first article is done
        lines.append(line)
        if line.startswith("[1/"):
            break
    proc.send_signal(getattr(signal, stop))
    err = "".join(lines) + proc.stderr.read()
    assert proc.wait(timeout=120) == 130, err
    assert "interrupted" in err and "Traceback" not in err
    assert not [p for p in out.iterdir() if p.name.startswith(".staging")] if out.exists() else True
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:  # the session's other processes (the workers) are gone
        try:
            os.killpg(proc.pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.5)
    else:
        os.killpg(proc.pid, signal.SIGKILL)
        pytest.fail("worker processes outlived kg build")


@pytest.mark.parametrize("argv", [["build", "SEED", "-o", ""], ["add", "SEED", "--to", ""],
                                  ["add", "--remove", "SEED", "--to", ""]])
def test_an_empty_output_folder_is_a_usage_error(three, tmp_path, monkeypatch, capsys, argv):
    """-o "" and --to "" wrote graph.ttl, cache/, store/ ... into the current folder
    (found by a tester): exit 2, one line, nothing written."""
    from kg.cli import main

    seed = str(sorted(three.glob("*.txt"))[0])
    monkeypatch.chdir(tmp_path)
    assert main([seed if a == "SEED" else a for a in argv]) == 2
    err = capsys.readouterr().err
    assert f"kg {argv[0]}: empty output folder" in err and len(err.splitlines()) == 1
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("argv", [["build", "", "-o", "out"], ["add", "", "--to", "out"],
                                  ["add", "--remove", "", "--to", "out"]])
def test_an_empty_input_path_is_a_usage_error(three, tmp_path, monkeypatch, capsys, argv):
    """kg build "" read the current folder as its input (Path("") is "."), kg add ""
    added it (found by a tester): exit 2, one line, nothing read or written."""
    from kg.cli import main

    seed = sorted(three.glob("*.txt"))[0]
    (tmp_path / seed.name).write_bytes(seed.read_bytes())
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert f'kg {argv[0]}: empty input path ("")' in err and len(err.splitlines()) == 1
    assert [p.name for p in tmp_path.iterdir()] == [seed.name]


def test_kg_add_follows_the_build_unless_told():
    """kg add's --html / --no-html and --relations default to None: the build's choice."""
    parse = build_parser().parse_args
    args = parse(["add", "a.txt", "--to", "out"])
    assert args.html is None and args.relations is None
    assert parse(["add", "a.txt", "--to", "out", "--no-html"]).html is False
    assert parse(["add", "a.txt", "--to", "out", "--html", "--relations", "rules"]).html is True
    with pytest.raises(SystemExit):
        parse(["add", "a.txt", "--to", "out", "--html", "--no-html"])


def test_an_output_folder_whose_name_is_not_utf8_is_named_escaped(three, tmp_path, monkeypatch):
    """kg build -o $'out\\xfd' built, then stopped with "internal error" (exit 5): its
    summary line printed the folder's name, which standard output (strict UTF-8, as
    PYTHONIOENCODING=utf-8 sets it) cannot take (found by a reviewer). The lines kg
    build, kg add, kg validate, kg query and kg serve print show such bytes escaped."""
    import io
    import os
    import sys

    from kg.build.incremental import run_add
    from kg.query import run_query
    from kg.rdf.validate import run_validate
    from kg.serve import make_server

    def strict():
        return io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="strict")

    def said(stream) -> str:
        stream.flush()
        return stream.buffer.getvalue().decode("utf-8")

    a, b = sorted(three.glob("*.txt"))[:2]
    out = tmp_path / os.fsdecode(b"out\xfd")
    stdout, stderr = strict(), strict()
    monkeypatch.setattr(sys, "stdout", stdout)
    monkeypatch.setattr(sys, "stderr", stderr)
    assert run_build([str(a)], str(out), progress=False) == 0
    assert run_add([str(b)], str(out), progress=False) == 0
    assert run_validate(str(out), stdout) == 0
    assert run_query(str(out), "ASK { ?s ?p ?o }", None, None, stdout) == 0
    server = make_server(str(out), port=0, err=stderr)
    server.server_close()
    text = said(stdout) + said(stderr)
    assert text.count("out\\xfd") >= 4, text


@pytest.mark.parametrize("command", ["query", "serve"])
@pytest.mark.parametrize("value", ["inf", "nan", "-1", "soon"])
def test_a_timeout_must_be_a_finite_number_of_seconds(command, value, capsys):
    """kg query --timeout inf was an internal error (exit 5, OverflowError from the interval
    timer), --timeout nan a line about converting NaN to an integer; kg serve took both and
    failed on each query (found by a tester). Now a usage error, exit 2."""
    with pytest.raises(SystemExit) as exc:
        build_parser().parse_args([command, "out", "--timeout", value])
    assert exc.value.code == 2
    assert "--timeout" in capsys.readouterr().err
    assert build_parser().parse_args([command, "out", "--timeout", "0"]).timeout == 0


def test_a_long_file_read_in_parts_counts_as_one_article(tmp_path, capsys):
    """A long input is processed in parts (kg.reading.parts), but the summary and
    report.json count it as one article read and say in how many parts (found by a
    tester: each part counted as an article read)."""
    import json

    from kg.reading.parts import PART_CHARS

    seed = (Path(__file__).resolve().parents[2] / "seeds" / "000_65209c79ac6c9c30.txt").read_text(encoding="utf-8")
    src = tmp_path / "in"
    src.mkdir()
    (src / "long.txt").write_text((seed + "\n\n") * (PART_CHARS // len(seed) + 2), encoding="utf-8")
    (src / "short.txt").write_text(seed, encoding="utf-8")
    assert run_build([str(src)], str(tmp_path / "out"), progress=False, html=False) == 0
    out = capsys.readouterr().out
    assert "kg build: 2 articles read (long.txt read as 2 parts), 0 failed" in out
    r = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert r["articles_read"] == 2 and r["parts"] == {"long.txt": 2} and len(r["read"]) == 3


def test_the_report_counts_files_not_parts():
    from kg.build.report import BuildReport

    r = BuildReport(read=["a.txt#1", "a.txt#2", "b.txt", "c.txt#1", "c.txt#2", "c.txt#3"],
                    part_of={"a.txt#1": "a.txt", "a.txt#2": "a.txt", "c.txt#1": "c.txt", "c.txt#2": "c.txt",
                             "c.txt#3": "c.txt"})
    assert r.articles_read() == 3 and r.parts() == {"a.txt": 2, "c.txt": 3}
    assert r.parts_summary() == " (2 long files read as 5 parts)"
    assert BuildReport(read=["x.txt#1"]).articles_read() == 1 and BuildReport().parts_summary() == ""
