import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.normalize.builder import OffsetText

ALPHABET = "平顶山市委書記陳向平,。 \n(上海)區qū"


@st.composite
def text_and_edits(draw):
    text = draw(st.text(alphabet=ALPHABET, min_size=0, max_size=40))
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=12)))
    edits = []
    for a, b in zip(cuts[0::2], cuts[1::2]):
        if a == b:
            continue
        rep = draw(st.one_of(st.just(""), st.text(alphabet="甲乙 ", min_size=1, max_size=4)))
        edits.append((a, b, rep))
    return text, edits


def reference(text, edits):
    """Naive per-character model: (char, raw_start, raw_end) triples."""
    chars = [(c, i, i + 1) for i, c in enumerate(text)]
    out, pos = [], 0
    for a, b, rep in edits:
        out.extend(chars[pos:a])
        old = chars[a:b]
        if rep == text[a:b]:
            out.extend(old)
        elif len(rep) == len(old):
            out.extend((c, s, e) for c, (_, s, e) in zip(rep, old))
        else:
            out.extend((c, old[0][1], max(e for _, _, e in old)) for c in rep)
        pos = b
    out.extend(chars[pos:])
    return out


@given(text_and_edits())
def test_edit_matches_reference(case):
    text, edits = case
    doc = OffsetText.from_raw(text).edit(edits)
    ref = reference(text, edits)
    assert doc.text == "".join(c for c, _, _ in ref)
    assert doc.raw_index == [s for _, s, _ in ref]
    assert doc.raw_end == [e for _, _, e in ref]


@given(text_and_edits(), text_and_edits())
def test_two_rounds_compose(first, second):
    text, edits = first
    doc = OffsetText.from_raw(text).edit(edits)
    # a second round of pure deletions on the result
    n = len(doc.text)
    spans = sorted({(min(a, n), min(b, n)) for a, b, _ in second[1]})
    spans = [(a, b) for (a, b), prev in zip(spans, [(0, 0)] + spans) if a >= prev[1]]
    again = doc.delete_spans(spans)
    for i, c in enumerate(again.text):
        s, e = again.raw_index[i], again.raw_end[i]
        assert 0 <= s < e <= len(text)


@given(st.text(alphabet=ALPHABET, max_size=60), st.sampled_from([r"\s+", r"[,。]", r"\(.*?\)", r"市"]))
def test_deletions_keep_characters_at_their_raw_offsets(text, pattern):
    doc = OffsetText.from_raw(text).sub(re.compile(pattern), "")
    assert doc.text == re.sub(pattern, "", text)
    for i, c in enumerate(doc.text):
        assert text[doc.raw_index[i]] == c
        assert doc.raw_end[i] == doc.raw_index[i] + 1


def test_replacement_of_other_length_maps_to_whole_span():
    doc = OffsetText.from_raw("成功举办?,F(xiàn)场发布").edit([(4, 13, "现")])
    assert doc.text == "成功举办现场发布"
    assert (doc.raw_index[4], doc.raw_end[4]) == (4, 13)
    assert doc.offset_map().to_raw(4, 6) == (4, 14)


def test_same_length_substitution_is_one_to_one():
    doc = OffsetText.from_raw("a,b;c").sub_same_length(re.compile(r"[,;]"), "，")
    assert doc.text == "a，b，c"
    assert doc.raw_index == [0, 1, 2, 3, 4]


def test_insertions_are_refused():
    with pytest.raises(ValueError):
        OffsetText.from_raw("abc").edit([(1, 1, "x")])
