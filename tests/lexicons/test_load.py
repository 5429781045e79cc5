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


def test_by_scope_reads_a_scope_of_keys_as_key_to_words():
    from kg.lexicons.load import by_scope, entries

    got = by_scope("title_mission_bodies")
    # each role lists the endings whose scope names it, in file order
    for e in entries("title_mission_bodies"):
        for role in e.scope:
            assert e.word in got[role]
    assert sum(len(v) for v in got.values()) == sum(len(e.scope) for e in entries("title_mission_bodies"))
