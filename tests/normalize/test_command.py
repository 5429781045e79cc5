import io
import json
import subprocess
import sys

from kg.normalize.command import run_normalize

from .corpus import SEEDS

KEYS = {"file", "title", "date", "publisher", "editors", "reporters", "script", "text", "sentences", "errors"}


def test_json_lines_for_the_seeds():
    out = io.StringIO()
    code = run_normalize([str(p) for p in SEEDS], as_json=True, max_bytes=1_000_000, out=out)
    assert code == 0
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["file"] for r in records] == [p.name for p in SEEDS]
    for r in records:
        assert KEYS <= r.keys()
        assert r["errors"] == [] or all(isinstance(e, str) for e in r["errors"])
        for s in r["sentences"]:
            assert 0 <= s["start"] < s["end"] <= len(r["text"])
    by_file = {r["file"][:3]: r for r in records}
    assert by_file["000"]["editors"] == ["安艳鸽", "郭栩汝"]
    assert by_file["004"]["date"] == "2023-06-25" and by_file["000"]["date"] is None
    assert by_file["001"]["script"] == "traditional"


def test_failures_go_to_stderr_and_exit_code(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text("3月7日至8日，陈向平带队赴上海。", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    out = io.StringIO()
    code = run_normalize([str(good), str(bad)], as_json=True, max_bytes=1000, out=out)
    assert code == 1
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["file"] for r in records] == ["good.txt", "bad.txt"]
    assert records[1]["errors"] == ["empty file"] and records[1]["text"] is None
    err = capsys.readouterr().err
    assert "bad.txt: empty file" in err


def test_plain_output(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("标题行在这里\n2023-06-25 09:17:50 山西日报\n正文第一句。(记者李家鸣)", encoding="utf-8")
    out = io.StringIO()
    assert run_normalize([str(f)], as_json=False, max_bytes=1000, out=out) == 0
    text = out.getvalue()
    assert "title:     标题行在这里" in text and "publisher: 山西日报" in text and "reporters: 李家鸣" in text
    assert "正文第一句。(记者李家鸣)" in text


def test_cli_reads_stdin_and_keeps_stdout_clean():
    raw = SEEDS[1].read_bytes()  # Traditional, with mojibake: loads the JioNLP dictionaries
    proc = subprocess.run(
        [sys.executable, "-m", "kg", "normalize", "-", "--json"], input=raw, capture_output=True, check=False
    )
    assert proc.returncode == 0, proc.stderr
    [record] = [json.loads(line) for line in proc.stdout.decode("utf-8").splitlines()]
    assert record["file"].startswith("stdin-") and record["script"] == "traditional"
