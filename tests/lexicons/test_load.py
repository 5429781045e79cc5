"""kg.lexicons.load: regexes built from lexicon words."""

import re

from kg.lexicons import load


def test_alternation_puts_longer_words_first_unless_file_order_is_asked():
    assert re.compile(load.alternation("context_list_stops")).match("对接").group() == "对接"
    assert re.compile(load.alternation("context_list_stops", file_order=True)).match("对接").group() == "对"


def test_alternation_of_no_words_never_matches():
    # an emptied scope (a mutation test drops its only word) must not match everywhere
    (only,) = load.words("context_located_frames")
    load.drop("context_located_frames", only)
    try:
        assert load.words("context_located_frames") == ()
        assert re.compile(load.alternation("context_located_frames", regex=True)).search("位于临海市的华锐公司") is None
    finally:
        load.restore()
    assert load.words("context_located_frames") == (only,)
