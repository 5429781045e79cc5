"""kg explain: every relation candidate with evidence, signals, decision and reason."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from kg.doc import Article
from kg.explain import explain_article, format_decisions

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def backend():
    from kg.nlp.loader import load_backend

    return load_backend(None)


def test_kept_and_rejected_candidates_with_reasons(backend):
    article = Article(source="a.txt", raw="临海市市长张明将赴华锐公司考察。\n华锐公司董事长李青到临海市考察，与张明座谈。\n")
    decisions = explain_article(article, backend)
    kept = {(d.kind, d.subject, d.object) for d in decisions if d.decision == "kept"}
    assert ("visited", "李青", "临海市") in kept
    assert any(k == "metWith" and {s, o} == {"李青", "张明"} for k, s, o in kept)
    rejected = [d for d in decisions if d.decision == "rejected"]
    assert any("将" in d.reason and "irrealis" in d.reason for d in rejected)
    plan = next(d for d in rejected if "将" in d.reason)
    assert "张明将赴华锐公司考察" in article.text[plan.start:plan.end]
    # every kept relation of the article is explained, with its evidence inside the text
    for r in article.relations:
        assert any(d.kind == r.kind and d.decision == "kept" for d in decisions)
    for d in decisions:
        assert 0 <= d.start <= d.end <= len(article.text) and d.reason


def _report(raw: str, backend, source: str = "b.txt", only: str | None = None):
    """The article of ``raw``, its decisions and kg explain's report of them."""
    article = Article(source=source, raw=raw)
    decisions = explain_article(article, backend)
    out = io.StringIO()
    format_decisions(article, decisions, out, only)
    return article, decisions, out.getvalue()


def test_the_report_prints_every_decision(backend):
    _, _, text = _report("临海市政府拟与华锐公司签署合作协议。", backend)
    assert "[rejected] agreement" in text and "拟" in text and "evidence:" in text
    # the header counts relations; a trigger rejected before any pair is counted apart (found by a tester)
    assert text.splitlines()[0].endswith(" kept, 0 rejected; 1 trigger or name rejected before any pair")


def test_kg_explain_on_a_seed(capsys):
    from kg.cli import main

    seed = sorted(SEEDS.glob("*.txt"))[0]
    assert main(["explain", str(seed)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(seed.name) and "[kept] visited" in out and "reason:" in out
    assert main(["explain", "--stages"]) == 0
    assert "references" in capsys.readouterr().out
    assert main(["explain", "nowhere.txt"]) == 2


def test_kg_explain_reads_standard_input_and_refuses_a_folder(capsys, monkeypatch):
    """``-`` is standard input, as for kg build; a folder gets its own message (found by a tester)."""
    import sys

    from kg.explain import run_explain

    seed = Path(__file__).resolve().parents[1] / "seeds" / "002_32e949faef2fe3ee.txt"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(seed.read_bytes())))
    out = io.StringIO()
    assert run_explain("-", None, None, out) == 0 and out.getvalue().startswith("stdin-")
    assert run_explain(str(seed.parent), None, None, io.StringIO()) == 2
    assert "is a folder" in capsys.readouterr().err


def test_kg_explain_reads_a_long_text_in_the_parts_kg_build_analyses(tmp_path, capsys):
    """As kg build does (kg.reading.parts.split_long): its cost stays linear in the
    text (a tester found 41 s at 200k characters, one article)."""
    from kg.explain import run_explain

    seed = Path(__file__).resolve().parents[1] / "seeds" / "002_32e949faef2fe3ee.txt"
    text = seed.read_text(encoding="utf-8")
    long = tmp_path / "long.txt"
    long.write_text("\n".join([text] * (13000 // len(text) + 1)), encoding="utf-8")
    out = io.StringIO()
    assert run_explain(str(long), None, None, out) == 0
    heads = [line for line in out.getvalue().splitlines() if line.startswith("long.txt#")]
    assert len(heads) == 2 and "processed as 2 parts" in capsys.readouterr().err


def test_each_relation_is_listed_once_with_what_the_rules_said_before(backend):
    # the rules keep a visit, the relation model then decides it: one entry, the model's
    # verdict, the rules' backing under "before:", and the header counts relations
    article, decisions, text = _report("临海市市长张明带队赴华锐公司考察，与董事长李青座谈。\n", backend, "c.txt")
    entries = [line.strip() for line in text.splitlines() if line.startswith("  [")]
    assert len(entries) == len(set(entries)) and "[kept] visited 张明 -> 华锐公司" in entries
    assert "before:   [kept] backed by its event" in text
    names = [e.name for e in article.entities]
    held = {(r.kind, names[r.subject], names[r.object]) for r in article.relations}
    kept = {tuple(e.split()[1:2]) + tuple(e.split()[2::2]) for e in entries if e.startswith("[kept]")}
    assert held <= kept and text.splitlines()[0] == f"c.txt: {len(kept)} kept, {len(entries) - len(kept)} rejected"
    only = io.StringIO()
    format_decisions(article, decisions, only, "kept")
    assert [line for line in only.getvalue().splitlines() if line.startswith("  [")] == \
        [line for line in text.splitlines() if line.startswith("  [kept]")]


def test_a_file_name_with_a_line_break_or_an_escape_stays_on_its_line(tmp_path, capsys):
    """kg explain printed the name as it is, in its header and its error lines: a line
    break split the line, a terminal escape sequence reached the terminal."""
    from kg.explain import run_explain

    name = "a\nb\x1b[31m.txt"
    (tmp_path / name).write_text("临海市市长张明到华锐公司考察。\n", encoding="utf-8")
    (tmp_path / ("empty" + name)).write_bytes(b"")
    out = io.StringIO()
    assert run_explain(str(tmp_path / name), None, None, out) == 0
    assert out.getvalue().startswith("a\\nb\\x1b[31m.txt: ") and "\x1b" not in out.getvalue()
    capsys.readouterr()
    assert run_explain(str(tmp_path / ("empty" + name)), None, None, io.StringIO()) == 2
    assert run_explain(str(tmp_path / ("missing" + name)), None, None, io.StringIO()) == 2
    err = capsys.readouterr().err
    assert err.splitlines() == ["kg explain: emptya\\nb\\x1b[31m.txt: empty file",
                                f"kg explain: {tmp_path}/missinga\\nb\\x1b[31m.txt: no such file"]
