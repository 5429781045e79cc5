import pytest

from kg.normalize.builder import OffsetText
from kg.normalize.mojibake import clean_garbage
from kg.normalize.pinyin import ANNOTATION


def _clean(text):
    errors: list[str] = []
    return clean_garbage(OffsetText.from_raw(text), errors).text, errors


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("國家高新區(qū)的", "國家高新區的"),
        ("落實(shí)習", "落實習"),
        ("社會(huì )發展", "社會發展"),
        ("市長(cháng)張旭晨", "市長張旭晨"),
        ("創(chuàng )新", "創新"),
    ],
)
def test_pinyin_annotations_removed(raw, clean):
    assert _clean(raw)[0] == clean


@pytest.mark.parametrize(
    "text",
    ["恒玄科技(上海)股份有限公司", "参加考察对接。(郭赟)", "洁净能源国家实验室(筹)", "(文/孙洋 图/赵艳荣)", "(a)", "(2020)", "(ABC)"],
)
def test_real_brackets_kept(text):
    assert _clean(text)[0] == text
    assert ANNOTATION.search(text) is None


def test_mojibake_repaired_from_its_pinyin():
    text, errors = _clean("發布會成功舉辦?,F(xiàn)場發布了5個應用場景")
    assert text == "發布會成功舉辦现場發布了5個應用場景"
    assert any("repaired" in e for e in errors)


def test_mojibake_without_bracket_repaired():
    assert _clean("發揮各自?yōu)勢")[0] == "發揮各自优勢"


def test_unrepairable_mojibake_becomes_a_separator():
    text, errors = _clean("張三?xùn)|北京")
    assert text == "張三 北京"
    assert any("unrepairable" in e for e in errors)


def test_question_mark_runs():
    assert _clean("????????(記者賀德良)5月19日")[0] == "(記者賀德良)5月19日"
    assert _clean("陈向平????李洪凤")[0] == "陈向平 李洪凤"


def test_real_question_mark_kept():
    assert _clean("长治究竟走出了一条怎样的路?我们找到了")[0] == "长治究竟走出了一条怎样的路?我们找到了"


def test_replacement_character_and_cut_annotation():
    assert _clean("合作辦學框架協議\ufffd")[0] == "合作辦學框架協議"
    assert _clean("濟南大學(x")[0] == "濟南大學"
    assert _clean("a\ufffdb")[0] == "a b"


def test_question_mark_before_an_annotated_character_is_not_mojibake():
    assert _clean("是吗?會(huì )議")[0] == "是吗?會議"
