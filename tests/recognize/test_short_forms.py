"""The short forms of organizations written alone (kg.recognize.short_forms)."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.recognize.short_forms import _forms_ending
from kg.recognize.repeats import _occurrences

#: a few Chinese characters, an end character among them, and what breaks a run of them
ALPHABET = "工研院所局甲乙，A( "


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=40), st.sets(st.sampled_from("院所局)甲"), min_size=1))
def test_forms_ending_finds_what_the_regex_search_finds(text, ends):
    """At every position, the first form at or after it is what the pattern compiled per
    article before found there (1-3 Chinese characters, then an end character; the longest)."""
    pattern = re.compile("[\u4e00-\u9fff]{1,3}[" + re.escape("".join(sorted(ends))) + "]")
    forms = _forms_ending(text, ends)
    for pos in range(len(text) + 1):
        hit = pattern.search(text, pos)
        mine = min((s for s in forms if s >= pos), default=None)
        assert (hit is None) == (mine is None)
        if hit is not None:
            assert (hit.start(), hit.end()) == (mine, forms[mine])


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="甲乙甲a", max_size=30), st.text(alphabet="甲乙a", min_size=1, max_size=3))
def test_occurrences_are_the_regex_matches(text, name):
    assert list(_occurrences(text, name)) == [m.span() for m in re.finditer(re.escape(name), text)]
