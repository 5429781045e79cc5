import re

from kg.lexicons import triggers


def test_longest_trigger_wins():
    assert triggers.VISIT_MOTION_RE.match("来到甲市").group() == "来到"
    assert triggers.VISIT_INSPECT_RE.match("实地考察").group() == "实地考察"
    assert triggers.AGREEMENT_RE.search("签订框架协议").group() == "框架协议"


def test_every_lexicon_word_is_matched_by_its_pattern():
    pairs = [(triggers.VISIT_MOTION, triggers.VISIT_MOTION_RE), (triggers.MEET_WITH, triggers.MEET_WITH_RE),
             (triggers.MEET_OBJECT, triggers.MEET_OBJECT_RE), (triggers.SIGN, triggers.SIGN_RE),
             (triggers.TRIP, triggers.TRIP_RE), (triggers.ACCOMPANY, triggers.ACCOMPANY_RE)]
    for words, rx in pairs:
        for w in words:
            assert rx.fullmatch(w), w


def test_motion_false_before_marks_ordinary_words():
    assert "受" in triggers.MOTION_FALSE_BEFORE["到"] and "年" in triggers.MOTION_FALSE_BEFORE["来"]
    assert all(isinstance(v, set) and v for v in triggers.MOTION_FALSE_BEFORE.values())


def test_patterns_are_compiled_regular_expressions():
    for name in dir(triggers):
        if name.endswith("_RE"):
            assert isinstance(getattr(triggers, name), re.Pattern)
