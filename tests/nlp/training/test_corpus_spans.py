"""kg.nlp.training.corpus_spans: gold names projected onto normalized text (made-up sentences)."""

from __future__ import annotations

import json

import pytest

from kg.doc import Sentence
from kg.nlp.training.corpus_spans import CorpusStats, corpus_sentences, gold_names, iobes, project, tagged_pieces
from kg.nlp.training.msra import gold_spans


def _gold(*entities):
    return {"file": "x.txt", "entities": [dict(e) for e in entities]}


def _labelled(projection):
    return [(projection.text[s:e], label) for s, e, label in projection.spans]


def test_longest_name_wins_and_a_name_inside_it_is_not_tagged_again():
    text = "甲乙市科技局局长王小明在甲乙市调研。"
    gold = _gold({"name": "甲乙市科技局", "type": "Organization"}, {"name": "甲乙市", "type": "Place"},
                 {"name": "王小明", "type": "Person"})
    projection = project(text, gold)
    assert _labelled(projection) == [("甲乙市科技局", "ORG"), ("王小明", "PER"), ("甲乙市", "LOC")]
    assert projection.doubtful == []


def test_aliases_are_tagged_with_their_entity_type():
    text = "丙丁集团与丙丁签约。"
    gold = _gold({"name": "丙丁集团有限公司", "type": "Organization", "aliases": ["丙丁集团", "丙丁"]})
    assert _labelled(project(text, gold)) == [("丙丁集团", "ORG"), ("丙丁", "ORG")]


def test_a_name_crossing_a_taken_name_makes_the_region_doubtful():
    text = "戊己庚辛会议召开。"
    gold = _gold({"name": "戊己庚", "type": "Organization"}, {"name": "庚辛会", "type": "Organization"})
    projection = project(text, gold)
    assert len(projection.spans) == 1 and len(projection.doubtful) == 1
    (s, e, _), (ds, de) = projection.spans[0], projection.doubtful[0]
    assert {(s, e), (ds, de)} == {(0, 3), (2, 5)}  # which of two equal-length names is taken first is fixed, not meaningful


def test_optional_one_character_and_two_typed_names_are_doubtful():
    labels, ambiguous, optional = gold_names(_gold(
        {"name": "壬癸", "type": "Place"}, {"name": "壬癸", "type": "Organization"},
        {"name": "子丑论坛", "type": "Organization", "optional": True},
    ))
    assert ambiguous == {"壬癸"} and optional == {"子丑论坛"}
    text = "壬癸举办子丑论坛，沪企参加。"
    gold = _gold({"name": "壬癸", "type": "Place"}, {"name": "壬癸", "type": "Organization"},
                 {"name": "子丑论坛", "type": "Organization", "optional": True},
                 {"name": "上海", "type": "Place", "aliases": ["沪"]})
    projection = project(text, gold)
    assert projection.spans == []
    assert projection.doubtful == [(0, 2), (4, 8), (9, 10)]


def test_iobes_tags_single_and_multi_character_spans():
    assert iobes(6, [(1, 4, "ORG"), (5, 6, "LOC")]) == ["O", "B-ORG", "I-ORG", "E-ORG", "O", "S-LOC"]
    assert iobes(3, [(11, 13, "PER")], offset=10) == ["O", "B-PER", "E-PER"]


def test_pieces_with_doubt_are_dropped_and_the_rest_keep_article_offsets_right():
    text = "李四到访甲乙市。戊己庚辛会议召开。"
    gold = _gold({"name": "李四", "type": "Person"}, {"name": "甲乙市", "type": "Place"},
                 {"name": "戊己庚", "type": "Organization"}, {"name": "庚辛会", "type": "Organization"})
    sentences = [Sentence(0, 8, text[:8]), Sentence(8, len(text), text[8:])]
    stats = CorpusStats()
    pieces = tagged_pieces(project(text, gold), sentences, 150, stats)
    assert len(pieces) == 1 and (stats.kept, stats.dropped_doubtful) == (1, 1)
    assert gold_spans(pieces[0].tags) == {(0, 2, "PER"), (4, 7, "LOC")}


def test_a_chunk_cut_inside_a_name_drops_the_piece():
    text = "甲乙丙丁戊己，庚辛壬癸子丑寅卯辰巳午未。"
    gold = _gold({"name": "午未", "type": "Place"}, {"name": "己，庚", "type": "Organization"})
    stats = CorpusStats()
    pieces = tagged_pieces(project(text, gold), [Sentence(0, len(text), text)], 7, stats)
    assert stats.dropped_cut >= 1
    assert all("己" not in "".join(p.chars) for p in pieces)


def test_the_frozen_test_split_is_refused(tmp_path):
    with pytest.raises(ValueError, match="only train and dev"):
        corpus_sentences(tmp_path, "test")


def test_reads_a_corpus_split_through_the_normalize_stage(tmp_path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "gold").mkdir()
    header = "id\turl\tscript\tdamage\tchars\tsplit\tround\tstory\torigin\n"
    rows = "c0001\thttp://x\ttraditional\tnone\t20\ttrain\t1\tc0001\tt\nc0002\thttp://y\tsimplified\tnone\t9\tdev\t1\tc0002\tt\n"
    (tmp_path / "manifest.tsv").write_text(header + rows, encoding="utf-8")
    # Traditional in the raw text: the gold names are Simplified, as the normalized text is
    (tmp_path / "articles" / "c0001.txt").write_text("張三來到東陽市考察。張三說：東陽市很好。\n", encoding="utf-8")
    (tmp_path / "gold" / "c0001.json").write_text(json.dumps(_gold(
        {"name": "张三", "type": "Person"}, {"name": "东阳市", "type": "Place"}), ensure_ascii=False), encoding="utf-8")
    (tmp_path / "articles" / "c0002.txt").write_text("李四在此。\n", encoding="utf-8")
    (tmp_path / "gold" / "c0002.json").write_text(json.dumps(_gold({"name": "李四", "type": "Person"}), ensure_ascii=False),
                                                  encoding="utf-8")
    pieces, stats = corpus_sentences(tmp_path, "train")
    assert stats.articles == 1 and stats.entities == 4
    tagged = {("".join(p.chars[s:e]), label) for p in pieces for s, e, label in gold_spans(p.tags)}
    assert tagged == {("张三", "PER"), ("东阳市", "LOC")}
    dev, _ = corpus_sentences(tmp_path, "dev")
    assert [gold_spans(p.tags) for p in dev] == [{(0, 2, "PER")}]
