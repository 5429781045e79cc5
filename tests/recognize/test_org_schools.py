"""Schools by their suffix, and words before a name that are no part of it
(issue 11; made-up names, synthetic sentences illustrate the rules)."""

from kg.recognize.orgs import find_structural_orgs


def _names(text):
    return [o.text for o in find_structural_orgs(text)]


def test_middle_and_primary_schools_are_names():
    assert "奎拉中学" in _names("代表团考察了奎拉中学、泰斯科技有限公司。")
    assert "奎拉小学" in _names("他在奎拉小学任教。")


def test_school_word_inside_another_word():
    assert _names("奎拉中学生张明出席。") == []  # 中学生: pupils, no school


def test_determiners_before_a_school_are_no_part_of_it():
    assert _names("他到访了当地中学。") == []  # the local school: no name
    assert _names("他又去了一间中学和一所小学。") == []
    assert "奎拉电视台" in _names("当地奎拉电视台报导。")
