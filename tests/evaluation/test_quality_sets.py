"""kg.evaluation.quality.set_inputs: a corpus set, whole or by annotation rounds."""

import json

from kg.corpus.manifest import Row, write_manifest
from kg.evaluation.quality import set_inputs


def _corpus(root):
    corpus = root / "corpus"
    (corpus / "articles").mkdir(parents=True)
    (corpus / "gold").mkdir()
    rows = []
    for cid, split, rnd in (("c0001", "test", 2), ("c0002", "test", 14), ("c0003", "dev", 14), ("c0004", "test", 13)):
        (corpus / "articles" / f"{cid}.txt").write_text("临海市市长张明出席会议。", encoding="utf-8")
        gold = {"file": f"{cid}.txt", "entities": [], "visited": [], "metWith": [], "accompanied": [],
                "affiliatedWith": [], "positions": [], "agreements": [], "partOf": [], "locatedIn": []}
        (corpus / "gold" / f"{cid}.json").write_text(json.dumps(gold), encoding="utf-8")
        rows.append(Row(cid, f"https://example.org/{cid}", "simplified", "none", 12, split, rnd, cid, "t"))
    write_manifest(corpus / "manifest.tsv", rows)


def test_a_corpus_split_whole_and_by_rounds(tmp_path):
    _corpus(tmp_path)
    paths, gold = set_inputs("corpus-test", tmp_path)
    assert [p.name for p in paths] == ["c0001.txt", "c0002.txt", "c0004.txt"] and sorted(gold) == [p.name for p in paths]
    paths, gold = set_inputs("corpus-test+rules", tmp_path, rounds=(14, 14))
    assert [p.name for p in paths] == ["c0002.txt"] and list(gold) == ["c0002.txt"]
    paths, gold = set_inputs("corpus-test", tmp_path, rounds=(1, 13))
    assert [p.name for p in paths] == ["c0001.txt", "c0004.txt"] and sorted(gold) == ["c0001.txt", "c0004.txt"]
