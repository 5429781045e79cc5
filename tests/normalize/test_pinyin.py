import pytest

from kg.normalize.pinyin import ANNOTATION, pick_repair


@pytest.mark.parametrize("text", ["(qū)", "(shí)", "(huì )", "（cháng）", "(xuǎn)", "( chuàng )"])
def test_annotations(text):
    assert ANNOTATION.fullmatch(text)


@pytest.mark.parametrize("text", ["(上海)", "(郭赟)", "(筹)", "(abc)", "(xian)", "(2020)", "(Li Ming)"])
def test_not_annotations(text):
    assert ANNOTATION.fullmatch(text) is None


def test_repair_needs_a_word_with_the_next_character():
    assert pick_repair("xiàn", "", "场") == "现"
    assert pick_repair("yōu", "", "势") == "优"
    assert pick_repair("xún", "", "") is None
