"""kg.nlp.training.msra: reading the MSRA corpus, splitting, spans."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.nlp.training.msra import (
    TaggedSentence,
    corpus_file,
    gold_spans,
    read_sentences,
    split_at_sentence_ends,
    to_samples,
    train_dev_split,
)


def test_reads_bmes_lines_with_crlf_and_blank_separators(tmp_path):
    path = tmp_path / "mini.txt"
    path.write_bytes("江 B-PER\r\n泽 M-PER\r\n民 E-PER\r\n来 O\r\n \r\n京 S-LOC\r\n\r\n\r\n".encode("utf-8"))
    first, second = read_sentences(path)
    assert first.chars == ["江", "泽", "民", "来"]
    assert first.tags == ["B-PER", "I-PER", "E-PER", "O"]  # M- becomes I- (IOBES)
    assert second.tags == ["S-LOC"]


def test_malformed_line_names_file_and_line(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_text("江 B-PER\n泽\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad.txt:2"):
        read_sentences(path)


def test_corpus_files_are_found_in_the_installed_package():
    assert corpus_file("msra_test.txt").is_file()
    with pytest.raises(FileNotFoundError):
        corpus_file("no_such_file.txt")


def test_split_at_sentence_ends_never_cuts_an_entity():
    sentence = TaggedSentence(list("好。李鹏。！"), ["O", "O", "B-PER", "E-PER", "O", "O"])
    pieces = split_at_sentence_ends(sentence)
    assert ["".join(p.chars) for p in pieces] == ["好。", "李鹏。", "！"]
    assert sum((p.tags for p in pieces), []) == sentence.tags


def test_train_dev_split_is_seeded_and_disjoint():
    sentences = [TaggedSentence([str(i)], ["O"]) for i in range(50)]
    train, dev = train_dev_split(sentences, 10, seed=7)
    again_train, again_dev = train_dev_split(sentences, 10, seed=7)
    assert [s.chars for s in dev] == [s.chars for s in again_dev] and len(dev) == 10
    assert {s.chars[0] for s in train} | {s.chars[0] for s in dev} == {str(i) for i in range(50)}
    assert not {s.chars[0] for s in train} & {s.chars[0] for s in dev}


def test_samples_are_hanlp_dicts():
    assert to_samples([TaggedSentence(["北"], ["S-LOC"])]) == [{"token": ["北"], "tag": ["S-LOC"]}]


def test_gold_spans_are_half_open():
    assert gold_spans(["B-ORG", "I-ORG", "E-ORG", "O", "S-LOC", "B-PER", "E-PER"]) == {
        (0, 3, "ORG"), (4, 5, "LOC"), (5, 7, "PER"),
    }


@given(st.lists(st.sampled_from(["O", "S-LOC", "PER2", "ORG3"]), max_size=20))
def test_gold_spans_recover_generated_entities(parts):
    tags, expected = [], set()
    for part in parts:
        if part == "O":
            tags.append("O")
        elif part == "S-LOC":
            expected.add((len(tags), len(tags) + 1, "LOC"))
            tags.append("S-LOC")
        else:
            label, n = part[:3], int(part[3])
            expected.add((len(tags), len(tags) + n, label))
            tags += [f"B-{label}"] + [f"I-{label}"] * (n - 2) + [f"E-{label}"]
    assert gold_spans(tags) == expected


def test_separator_variants_join_or_space_listed_names():
    from kg.nlp.training.msra import separator_variants

    sentence = TaggedSentence(list("李鹏、乔石和北京、上海"), ["B-PER", "E-PER", "O", "B-PER", "E-PER", "O", "B-LOC", "E-LOC", "O", "B-LOC", "E-LOC"])
    joined, spaced = separator_variants(sentence)
    assert "".join(joined.chars) == "李鹏乔石和北京、上海"  # only person lists are joined
    assert joined.tags == ["B-PER", "E-PER", "B-PER", "E-PER", "O", "B-LOC", "E-LOC", "O", "B-LOC", "E-LOC"]
    assert "".join(spaced.chars) == "李鹏 乔石和北京、上海" and spaced.tags == sentence.tags
    assert separator_variants(TaggedSentence(list("北京、上海"), ["B-LOC", "E-LOC", "O", "B-LOC", "E-LOC"])) == []
