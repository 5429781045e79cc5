import codecs
import io
import os
import re
import sys
from pathlib import Path

import pytest

from kg.doc import Article, ReadError
from kg.reading.reader import read_inputs

SIMP = "3月7日至8日,平顶山市委书记陈向平带队赴上海开展专题对接活动。\n责任编辑:安艳鸽 郭栩汝\n"
TRAD = "11月6日至9日,市委副書記、市長劉文華帶隊赴上海市考察招商。(郭德)\n"
HTML = (
    "<html><head><meta charset='utf-8'><title>陈向平带队赴上海开展专题对接活动</title></head><body><article>"
    "<p>3月7日至8日，平顶山市委书记陈向平带队赴上海开展专题对接活动，聚焦科技创新与产业升级。</p>"
    "<p>陈向平一行认真了解硅酸盐研究所的发展历程、学科方向、科研成果等。</p></article></body></html>"
)


def _read(paths, max_bytes=1_000_000):
    return list(read_inputs([str(p) for p in paths], max_bytes))


def test_txt_file(tmp_path):
    f = tmp_path / "000_65209c79ac6c9c30.txt"
    f.write_text(SIMP, encoding="utf-8")
    [a] = _read([f])
    assert isinstance(a, Article)
    assert a.source == "000_65209c79ac6c9c30.txt" and a.path == str(f)
    assert a.raw == SIMP


@pytest.mark.parametrize("encoding", ["gb18030", "gbk", "utf-8-sig", "utf-16"])
def test_txt_in_other_encodings(tmp_path, encoding):
    f = tmp_path / "a.txt"
    f.write_bytes(SIMP.encode(encoding))
    [a] = _read([f])
    assert a.raw == SIMP


def test_big5_file(tmp_path):
    f = tmp_path / "t.txt"
    f.write_bytes(TRAD.encode("big5"))
    [a] = _read([f])
    assert a.raw == TRAD


def test_html_file(tmp_path):
    f = tmp_path / "page.html"
    f.write_text(HTML, encoding="utf-8")
    [a] = _read([f])
    assert isinstance(a, Article)
    assert "陈向平一行认真了解硅酸盐研究所的发展历程" in a.raw
    assert "<p>" not in a.raw


def test_folder_recursion_sorted_and_filtered(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "deeper").mkdir()
    (tmp_path / "b" / "deeper" / "3.htm").write_text(HTML, encoding="utf-8")
    (tmp_path / "b" / "2.txt").write_text(SIMP, encoding="utf-8")
    (tmp_path / "1.txt").write_text(SIMP, encoding="utf-8")
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    out = _read([tmp_path])
    assert [x.source for x in out] == ["1.txt", "2.txt", "3.htm"]
    assert all(isinstance(x, Article) for x in out)


def test_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SIMP.encode("gb18030"))))
    [a] = list(read_inputs(["-"], 1_000_000))
    assert isinstance(a, Article)
    assert a.source.startswith("stdin-") and a.raw == SIMP


def test_standard_input_is_named_by_its_content(monkeypatch):
    """Every standard-input article was named <stdin>, so a second kg add - replaced
    the first (found by a tester): two texts get two names, one text always the same."""
    def read(data: bytes):
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
        [a] = list(read_inputs(["-"], 1_000_000))
        return a.source

    first, second = read(SIMP.encode("utf-8")), read(TRAD.encode("utf-8"))
    assert first != second and read(SIMP.encode("utf-8")) == first
    assert re.fullmatch(r"stdin-[0-9a-f]{12}", first)


def test_stdin_over_limit(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SIMP.encode("utf-8"))))
    [e] = list(read_inputs(["-"], 10))
    assert isinstance(e, ReadError) and "too large" in e.reason


def test_bad_inputs_do_not_stop_the_batch(tmp_path):
    good1 = tmp_path / "a_good.txt"
    good1.write_text(SIMP, encoding="utf-8")
    empty = tmp_path / "b_empty.txt"
    empty.write_bytes(b"")
    blank = tmp_path / "c_blank.txt"
    blank.write_text(" \n\n ", encoding="utf-8")
    binary = tmp_path / "d_binary.txt"
    binary.write_bytes(b"\x00\x01\x02\x03\xff\xd8\xff\xe0" * 50)
    undecodable = tmp_path / "e_undecodable.txt"
    undecodable.write_bytes(b"\x80\xff\xfe\x81\xff" * 20)
    big = tmp_path / "f_big.txt"
    big.write_text(SIMP * 50, encoding="utf-8")
    good2 = tmp_path / "g_good.txt"
    good2.write_bytes(codecs.BOM_UTF8 + SIMP.encode("utf-8"))
    out = _read([tmp_path, tmp_path / "missing.txt"], max_bytes=2000)
    by_source = {x.source: x for x in out}
    assert isinstance(by_source["a_good.txt"], Article)
    assert isinstance(by_source["g_good.txt"], Article)
    reasons = {s: x.reason for s, x in by_source.items() if isinstance(x, ReadError)}
    assert "empty" in reasons["b_empty.txt"]
    assert "empty" in reasons["c_blank.txt"]
    assert "binary" in reasons["d_binary.txt"]
    assert "undecodable" in reasons["e_undecodable.txt"]
    assert "too large" in reasons["f_big.txt"] and "2000" in reasons["f_big.txt"]
    assert "no such file" in reasons[str(tmp_path / "missing.txt")]


def test_an_empty_path_is_no_input_not_the_current_folder(tmp_path, monkeypatch):
    """Path("") is the current folder: kg normalize "" read every article under it."""
    (tmp_path / "a.txt").write_text(SIMP, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    [error] = list(read_inputs([""], max_bytes=10_000))
    assert isinstance(error, ReadError) and error.reason.startswith("empty path")


def test_unreadable_file(tmp_path, monkeypatch):
    f = tmp_path / "locked.txt"
    f.write_text(SIMP, encoding="utf-8")

    def refuse(self):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)  # chmod 0 does not stop root
    [e] = _read([f])
    assert isinstance(e, ReadError)
    assert e.source == "locked.txt" and "cannot read" in e.reason and "Permission denied" in e.reason


def test_same_file_name_in_two_folders_gets_distinct_sources(tmp_path):
    for folder in ("x", "y"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "a.txt").write_text(SIMP, encoding="utf-8")
    out = _read([tmp_path])
    assert all(isinstance(x, Article) for x in out) and len(out) == 2
    sources = [x.source for x in out]
    assert len(set(sources)) == 2
    assert sources[0] == "a.txt"  # the contract's file name where it is unambiguous
    assert sources[1] == "y/a.txt"  # else the path that tells them apart
    # two folders given on the command line, each with its own a.txt
    out = _read([tmp_path / "x", tmp_path / "y"])
    assert [x.source for x in out] == ["a.txt", "y/a.txt"]


def test_same_file_given_twice_is_read_once(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(SIMP, encoding="utf-8")
    out = _read([tmp_path, f])
    assert [x.source for x in out] == ["a.txt"]


def test_file_names_with_spaces_and_unicode(tmp_path):
    f = tmp_path / "新闻 稿 (1).txt"
    f.write_text(SIMP, encoding="utf-8")
    [a] = _read([tmp_path])
    assert isinstance(a, Article) and a.source == "新闻 稿 (1).txt"


def test_a_stray_byte_is_a_warning_not_a_lost_article(tmp_path, capsys):
    from kg.logs import setup_logging

    setup_logging("INFO")
    f = tmp_path / "onebad.txt"
    f.write_bytes(SIMP.encode("utf-8") + b"\xff" + SIMP.encode("utf-8"))
    from kg.reading.reader import read_file

    a = read_file(f, 10_000)
    assert isinstance(a, Article) and a.raw.count("\ufffd") == 1
    said = "1 character(s) that could not be decoded as UTF-8 read as U+FFFD"
    assert f"onebad.txt: {said}" in capsys.readouterr().err and said in a.errors[0]


@pytest.mark.parametrize("page, is_page", [
    ("<!DOCTYPE html><html><body><p>{}</p><script>alert('x')</script></body></html>", True),
    ("<html><body><p>{}</p></body></html>", True),
    ("<!-- saved from url=(0014)about:internet -->\n<!DOCTYPE html><html><body><p>{}</p></body></html>", True),
    ('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN">'
     "<html><body><p>{}</p></body></html>", True),  # a browser's comment or an XML declaration first
    ("{} 文中写着<body>与</p>两个标记。", False),  # a text that only mentions tags stays text
])
def test_a_page_saved_as_txt_is_read_as_a_page(tmp_path, page, is_page):
    from kg.reading.reader import read_file

    f = tmp_path / "page.txt"
    f.write_text(page.format(SIMP.splitlines()[0]), encoding="utf-8")
    a = read_file(f, 10_000)
    assert isinstance(a, Article) and "陈向平" in a.raw
    assert ("<" not in a.raw and "alert" not in a.raw) == is_page


def test_a_file_name_that_is_not_utf8_is_read_under_an_escaped_name(tmp_path):
    """Its bytes that are not UTF-8 are written as escapes, in the source and the path:
    the surrogates Python keeps for them could not go into a record, an IRI or
    report.json, and stopped the whole batch (found by a tester)."""
    folder = tmp_path / "in"
    folder.mkdir()
    bad = folder / os.fsdecode(b"bad\xffname.txt")
    bad.write_text(SIMP, encoding="utf-8")
    for given in (folder, bad):
        [a] = _read([given])
        assert isinstance(a, Article) and a.source == "bad\\xffname.txt"
        assert a.path == str(folder) + "/bad\\xffname.txt"
    [e] = _read([folder / os.fsdecode(b"gone\xfe.txt")])
    assert isinstance(e, ReadError) and e.source.endswith("gone\\xfe.txt")


def test_a_name_with_a_written_escape_and_one_with_the_byte_stay_two_articles(tmp_path):
    """A file named with the four characters \\xff and one with the byte 0xff had one
    name and one path, so kg add --remove of one removed both (found by a tester): a
    backslash of a name is doubled."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / os.fsdecode(b"bad\xffname.txt")).write_text(SIMP, encoding="utf-8")
    (folder / "bad\\xffname.txt").write_text(SIMP + "又一句。", encoding="utf-8")
    read = _read([folder])
    assert sorted(a.source for a in read) == ["bad\\\\xffname.txt", "bad\\xffname.txt"]
    assert len({a.path for a in read}) == 2


def test_two_files_of_one_name_given_by_path_get_the_shortest_distinct_names(tmp_path):
    """The second was named by its path as given, an absolute path in the IRIs
    (found by a tester): the shortest end of its path that tells it apart."""
    for folder in ("x/in", "y/in", "z/in"):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "a.txt").write_text(SIMP, encoding="utf-8")
    out = _read([tmp_path / "x/in/a.txt", tmp_path / "y/in/a.txt", tmp_path / "z/in/a.txt"])
    assert [x.source for x in out] == ["a.txt", "in/a.txt", "z/in/a.txt"]
    out = _read([tmp_path / "x/in", tmp_path / "y/in", tmp_path / "z/in"])  # folders: the same, never absolute
    assert [x.source for x in out] == ["a.txt", "in/a.txt", "z/in/a.txt"]


def test_a_known_file_keeps_its_name_and_no_other_takes_it(tmp_path):
    from kg.reading.reader import file_key

    for folder in ("x", "y"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "a.txt").write_text(SIMP, encoding="utf-8")
    known = {file_key(tmp_path / "y" / "a.txt"): "a.txt"}
    out = list(read_inputs([str(tmp_path / "x" / "a.txt"), str(tmp_path / "y" / "a.txt")], 1_000_000, known))
    assert [(x.source, x.path) for x in out] == [("x/a.txt", str(tmp_path / "x" / "a.txt")),
                                                 ("a.txt", str(tmp_path / "y" / "a.txt"))]
