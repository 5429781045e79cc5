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


def test_the_home_country_leading_a_name_is_not_part_of_the_joined_field():
    # made-up name: without a place hit for the leading country, the field before 与 is the words after it
    text = "中国海洋系统科学与工程研究院院长张明出席。"
    s = text.index("研究院")
    assert text[walk_left(text, s, joinable=True):s] == "中国海洋系统科学与工程"


def test_the_home_country_alone_before_the_joiner_stays_the_field():
    # made-up: 中国与甲乙合作研究院 keeps its whole name
    text = "他来到中国与甲乙合作研究院。"
    s = text.index("研究院")
    assert text[walk_left(text, s, joinable=True):s] == "中国与甲乙合作"


def test_a_stop_character_that_begins_a_place_in_the_name_is_kept():
    text = "张明会见了日照市发改委主任李强。"
    end = text.index("发改委")
    assert text[walk_left(text, end):end] == "照市"  # without the places: 日 is a stop (5日)
    assert text[walk_left(text, end, place_starts={5: 8}):end] == "日照市"
    assert text[walk_left(text, end, place_starts={5: 12}):end] == "照市"  # a place ending past the name is not it


def test_the_body_of_a_city_whose_name_begins_with_a_stop_character():
    from kg.recognize.orgs import find_structural_orgs

    text = "张明会见了日照市发改委主任李强。"
    assert [o.text for o in find_structural_orgs(text, set(), [(5, 8)])] == ["日照市发改委"]


def test_a_word_of_scope_inside_holds_its_stop_word_after_name_characters():
    # 同乡 (data/org_stop_words_in_names.tsv, scope inside): 同 is no stop inside 旅港同乡联合会
    text = "张明拜会了临海旅港同乡联合会。"
    end = text.index("联合会")
    assert text[walk_left(text, end):end] == "临海旅港同乡"


def test_a_speech_verb_ends_the_walk():
    # 表示, 指出, 强调, 说 (data/org_left_stops.tsv): 他表示首发集团… is no name
    for verb in ("表示", "指出", "强调", "说"):
        text = f"期间，他{verb}华锐集团愿意合作。"
        end = text.index("集团")
        assert text[walk_left(text, end):end] == "华锐"


def test_a_stop_character_inside_a_place_of_the_name_belongs_to_the_place():
    # 本 and 来 are stops (本次, 来到), but here they are written inside 日本 and 马来西亚
    text = "拜会日本台湾交流协会"
    assert text[walk_left(text, len(text), place_starts={2: 4}):] == "日本台湾交流协会"
    text = "拜会马来西亚车业总会"
    assert text[walk_left(text, len(text), place_starts={2: 6}):] == "马来西亚车业总会"
    assert text[walk_left(text, len(text)):] == "西亚车业总会"  # without the place, 来 stops the walk
