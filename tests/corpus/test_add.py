"""kg corpus add: ids, manifest rows, refusals."""

from __future__ import annotations

import json

import pytest

from kg.corpus.add import AddError, add_article
from kg.corpus.manifest import read_manifest

from .test_check import GOOD, TEXT


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    gold = tmp_path / "a.json"
    gold.write_text(json.dumps({**GOOD, "file": "a.txt"}, ensure_ascii=False), encoding="utf-8")
    return path, gold


def test_add_assigns_ids_and_records_the_row(tmp_path, article):
    root = tmp_path / "corpus"
    path, gold = article
    row = add_article(root, path, "https://example.org/1", gold=gold, damage="chrome")
    assert row.id == "c0001" and row.script == "simplified" and row.chars == len(TEXT) and row.round == 1
    assert json.loads((root / "gold" / "c0001.json").read_text(encoding="utf-8"))["file"] == "c0001.txt"
    assert (root / "articles" / "c0001.txt").read_text(encoding="utf-8") == TEXT
    other = tmp_path / "b.txt"
    other.write_text("繁體：臨海市長張明到華銳公司參訪。", encoding="utf-8")
    row2 = add_article(root, other, "https://example.org/2")
    assert row2.id == "c0002" and row2.script == "traditional" and row2.round == 0
    assert [r.id for r in read_manifest(root / "manifest.tsv")] == ["c0001", "c0002"]


def test_add_refuses_a_known_url_or_text_and_bad_values(tmp_path, article):
    root = tmp_path / "corpus"
    path, gold = article
    add_article(root, path, "https://example.org/1", gold=gold)
    with pytest.raises(AddError, match="already in the corpus"):
        add_article(root, path, "https://example.org/1", gold=gold)
    with pytest.raises(AddError, match="same text"):
        add_article(root, path, "https://example.org/other", gold=gold)
    with pytest.raises(AddError, match="damage"):
        add_article(root, path, "https://example.org/3", damage="broken")
    with pytest.raises(AddError, match="--url"):
        add_article(root, path, " ")
    assert len(read_manifest(root / "manifest.tsv")) == 1


def test_cli_add_then_check(tmp_path, article, capsys):
    from kg.cli import main

    root = tmp_path / "corpus"
    path, gold = article
    assert main(["corpus", "add", str(path), "--url", "https://example.org/1", "--gold", str(gold), "--root", str(root),
                 "--origin", "b1:001"]) == 0
    assert read_manifest(root / "manifest.tsv")[0].origin == "b1:001"
    assert main(["corpus", "check", "--root", str(root)]) == 0
    assert "1 articles, all gold files valid" in capsys.readouterr().out
    # an article without gold is round 0 and fails the check until annotated
    other = tmp_path / "b.txt"
    other.write_text("另一篇文章：王立到海通集团考察。", encoding="utf-8")
    assert main(["corpus", "add", str(other), "--url", "https://example.org/2", "--root", str(root)]) == 0
    assert main(["corpus", "check", "--root", str(root)]) == 1
    assert "c0002: not annotated yet" in capsys.readouterr().out
    assert main(["corpus", "check", "--root", str(tmp_path / "nowhere")]) == 2


def test_a_near_copy_joins_the_story_or_is_refused_across_splits(tmp_path, article):
    root = tmp_path / "corpus"
    path, gold = article
    first = add_article(root, path, "https://example.org/1", gold=gold, split="test")
    copy = tmp_path / "copy.txt"
    copy.write_text("转载：" + TEXT + "（责任编辑：周立）", encoding="utf-8")  # the same story, another outlet
    with pytest.raises(AddError, match=f"same story as {first.id}, which is in the test split"):
        add_article(root, copy, "https://example.org/2", gold=gold)  # train by default
    assert len(read_manifest(root / "manifest.tsv")) == 1
    row = add_article(root, copy, "https://example.org/2", gold=gold, split="test")
    assert row.story == first.id
    other = tmp_path / "other.txt"
    other.write_text("另一篇文章：王立到海通集团考察，双方座谈交流。", encoding="utf-8")
    assert add_article(root, other, "https://example.org/3").story == "c0003"


def test_kg_corpus_add_refuses_bad_input_with_exit_2(tmp_path, capsys):
    """kg corpus add answered a missing file, an empty --url, an unknown --damage or a gold
    file that is no JSON with exit 1, the status of "done, some inputs skipped" (found by a
    tester). Now exit 2, one line, nothing written."""
    from kg.cli import main

    root, article = tmp_path / "corpus", tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    for argv in ([str(tmp_path / "missing.txt"), "--url", "http://a"], [str(article), "--url", " "],
                 [str(article), "--url", "http://a", "--damage", "foo"],
                 [str(article), "--url", "http://a", "--gold", str(tmp_path / "bad.json")]):
        assert main(["corpus", "add", *argv, "--root", str(root)]) == 2
        assert len(capsys.readouterr().err.strip().splitlines()) == 1
    assert not root.exists()


def test_a_corpus_article_that_is_not_utf8_is_bad_input_not_an_internal_error(tmp_path, capsys):
    """An existing corpus article in another encoding (a hand edit) made kg corpus add
    fail with a UnicodeDecodeError, an internal error (exit 5; found by a code review).
    Now one line naming the article, exit 2, nothing written."""
    from kg.cli import main

    root, first, second = tmp_path / "corpus", tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(TEXT, encoding="utf-8")
    second.write_text("另一篇文章：临海市市长张明会见了华锐公司董事长李青一行。", encoding="utf-8")
    assert main(["corpus", "add", str(first), "--url", "http://a", "--root", str(root)]) == 0
    stored = next((root / "articles").glob("*.txt"))
    stored.write_bytes(TEXT.encode("gb18030"))
    capsys.readouterr()
    manifest = (root / "manifest.tsv").read_text(encoding="utf-8")
    assert main(["corpus", "add", str(second), "--url", "http://b", "--root", str(root)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and stored.name in err[0] and "UTF-8" in err[0]
    assert (root / "manifest.tsv").read_text(encoding="utf-8") == manifest
