from kg.recognize.left_walk import stop_before, walk_left, word_ending_at


def test_walk_stops_after_a_stop_word():
    text = "双方与甲乙科技研究所签约"
    assert text[walk_left(text, text.index("研究所")):text.index("研究所")] == "甲乙科技"


def test_blocked_offset_ends_the_walk():
    text = "王强甲乙研究所"
    assert walk_left(text, 4, blocked={2}) == 2


def test_word_ending_at_prefers_the_first_listed_word():
    assert word_ending_at("前往考察", 4, ("考察", "察")) == "考察"
    assert stop_before("前往考察", 2, ("前往",))
    assert not stop_before("前往考察", 3, ("前往",))
