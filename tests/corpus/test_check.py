"""kg.corpus.check: the gold format, the manifest, names to review."""

from __future__ import annotations

from kg.corpus.check import check_gold

GOOD = {
    "file": "c0001.txt",
    "entities": [
        {"name": "张明", "type": "Person"},
        {"name": "临海市委", "type": "Organization", "aliases": ["临海市委员会"]},
        {"name": "临海市", "type": "Place"},
        {"name": "华锐公司", "type": "Organization"},
    ],
    "visited": [["张明", "华锐公司"]],
    "metWith": [],
    "accompanied": [],
    "affiliatedWith": [["张明", "临海市委"]],
    "positions": [{"person": "张明", "title": "市委书记", "in": "临海市委"}],
    "agreements": [{"name": "合作协议", "parties": ["临海市委", "华锐公司"], "witnesses": ["张明"]}],
    "partOf": [],
    "locatedIn": [["临海市委", "临海市"]],
}
TEXT = "临海市委书记张明率队到华锐公司考察。"


def _with(**changes):
    import copy

    doc = copy.deepcopy(GOOD)
    doc.update(changes)
    return doc


def test_a_valid_file_has_no_errors_and_nothing_to_review():
    rep = check_gold(GOOD, "c0001.txt", TEXT)
    assert rep.errors == [] and rep.review == []


def test_relation_end_must_be_an_entity_not_an_alias():
    rep = check_gold(_with(visited=[["张明", "临海市委员会"]]), "c0001.txt")
    assert any("临海市委员会 is not an entity of the file" in e for e in rep.errors)


def test_wrong_end_types_are_errors():
    rep = check_gold(_with(metWith=[["张明", "华锐公司"]], locatedIn=[["临海市", "张明"]]))
    assert any("metWith" in e and "expected Person" in e for e in rep.errors)
    assert any("locatedIn" in e and "expected Place" in e for e in rep.errors)


def test_unknown_keys_types_and_kinds_are_errors():
    doc = _with(visits=[["张明", "华锐公司"]])
    doc["entities"] = doc["entities"] + [{"name": "甲", "type": "Thing"}]
    rep = check_gold(doc)
    assert any("unknown key(s): visits" in e for e in rep.errors)
    assert any("'Thing' is not one of" in e for e in rep.errors)


def test_duplicates_and_shared_forms_are_errors():
    doc = _with()
    doc["entities"] = doc["entities"] + [{"name": "张明", "type": "Person"}, {"name": "华锐", "type": "Organization", "aliases": ["临海市"]}]
    rep = check_gold(doc)
    assert any("张明: listed twice" in e for e in rep.errors)
    assert any("the form 临海市 also names 临海市" in e for e in rep.errors)


def test_wrong_file_name_and_shapes():
    rep = check_gold(_with(file="other.txt", positions=[{"person": "张明"}], agreements=[{"parties": []}]), "c0001.txt")
    assert any("expected 'c0001.txt'" in e for e in rep.errors)
    assert any(e.startswith("positions:") for e in rep.errors)
    assert any(e.startswith("agreements:") for e in rep.errors)


def test_names_absent_from_the_text_or_not_simplified_are_listed_for_review():
    doc = _with()
    doc["entities"] = doc["entities"] + [{"name": "海通集團", "type": "Organization"}]
    rep = check_gold(doc, "c0001.txt", TEXT)
    assert rep.errors == []
    assert any("海通集團" in r and "not in the normalized text" in r for r in rep.review)
    assert any("海通集團: not in Simplified script" in r for r in rep.review)


def test_characters_simplified_keeps_are_not_listed_as_traditional():
    from kg.corpus.check import _simplified

    assert _simplified("谢乾程") and _simplified("卢东昇")
    assert not _simplified("謝乾程") and not _simplified("海通集團")


def test_not_an_object():
    assert check_gold([1, 2]).errors == ["not a JSON object"]


HEADER = "id\turl\tscript\tdamage\tchars\tsplit\tround\tstory\torigin\n"


def test_a_manifest_not_utf8_or_with_a_short_row_is_one_line_exit_2(tmp_path, capsys):
    """A manifest.tsv that was not UTF-8 was an internal error (exit 5, UnicodeDecodeError) of
    kg corpus files, check, stats and add; a row short of columns said "int() argument must
    be a string ... not 'NoneType'" (found by a tester)."""
    from kg.cli import main

    (tmp_path / "latin").mkdir()
    (tmp_path / "latin" / "manifest.tsv").write_bytes(HEADER.encode() + "c0001\thttp://a\tsimplified\tnone\t5\ttrain\t1\tc0001\té\n".encode("latin-1"))
    (tmp_path / "short").mkdir()
    (tmp_path / "short" / "manifest.tsv").write_text(HEADER + "c0001\thttp://a\n", encoding="utf-8")
    for root, says in (("latin", "manifest.tsv: not UTF-8 text"), ("short", "manifest.tsv:2: 2 columns where 9")):
        assert main(["corpus", "files", "--root", str(tmp_path / root)]) == 2
        err = capsys.readouterr().err
        assert says in err and len(err.strip().splitlines()) == 1, err
        assert main(["corpus", "check", "--root", str(tmp_path / root)]) == 1
        assert says in capsys.readouterr().out


def test_kg_corpus_stats_of_a_manifest_it_cannot_read_says_so(tmp_path, capsys):
    """kg corpus stats of a manifest it could not read printed empty statistics and exit 0,
    the reason never shown (found by a tester)."""
    from kg.cli import main

    (tmp_path / "manifest.tsv").write_text(HEADER + "c0001\thttp://a\n", encoding="utf-8")
    assert main(["corpus", "stats", "--root", str(tmp_path)]) == 2
    captured = capsys.readouterr()
    assert "manifest.tsv:2:" in captured.err and captured.out == ""
