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


def test_the_shipped_dictionaries_are_jionlps():
    # kg/normalize/data holds what scripts/vendor_pinyin.py derives from JioNLP
    import importlib.util
    from importlib import resources
    from pathlib import Path

    spec = importlib.util.spec_from_file_location(
        "vendor_pinyin", Path(__file__).resolve().parents[2] / "scripts" / "vendor_pinyin.py")
    vendor = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(vendor)
    readings, words = vendor.texts()
    data = resources.files("kg.normalize").joinpath("data")
    assert data.joinpath("pinyin_readings.tsv").read_text(encoding="utf-8") == readings
    assert data.joinpath("pinyin_words.tsv").read_text(encoding="utf-8") == words
