import re

from kg.doc import Article
from kg.normalize.pipeline import normalize
from kg.normalize.sentences import split_sentences

from .corpus import SEEDS


def _texts(text):
    return [s.text for s in split_sentences(text)]


def test_splits_on_sentence_ends_and_lines():
    text = "他说，要加快发展。希望企业将阳泉作为重要区域！真的吗？\n第二段"
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == ["他说，要加快发展。", "希望企业将阳泉作为重要区域！", "真的吗？", "第二段"]
    assert [s.paragraph for s in sentences] == [0, 0, 0, 1]
    assert all(text[s.start : s.end] == s.text for s in sentences)


def test_closing_quotes_and_brackets_stay_with_their_sentence():
    assert _texts("他说：“我们会来。”随后离开。") == ["他说：“我们会来。”", "随后离开。"]
    assert _texts("会议通过《关于加快发展的意见。》全文。") == ["会议通过《关于加快发展的意见。》全文。"]
    assert _texts("项目(一期已完成。二期在建)顺利推进。") == ["项目(一期已完成。二期在建)顺利推进。"]


def test_trailing_author_bracket_joins_last_sentence():
    assert _texts("市直有关部门参加考察对接。(郭赟)") == ["市直有关部门参加考察对接。(郭赟)"]


def test_ellipsis():
    assert _texts("抗癌新药在这里诞生……眼下的长治。") == ["抗癌新药在这里诞生……", "眼下的长治。"]


def test_unbalanced_bracket_does_not_swallow_the_paragraph():
    text = "(" + "很长的句子。" * 100
    assert len(split_sentences(text)) > 1


def test_seed_sentences_agree_with_hanlp_splitter():
    from hanlp.utils.rules import split_sentence

    for path in SEEDS:
        article = normalize(Article(source=path.name, raw=path.read_text(encoding="utf-8")))
        ours = [s.text for s in article.sentences]
        theirs: list[str] = []
        for line in article.text.split("\n"):
            for i, sentence in enumerate(split_sentence(line)):
                if i and re.fullmatch(r"\([^()]{1,15}\)", sentence):
                    theirs[-1] += sentence  # we keep a trailing author bracket with its sentence
                else:
                    theirs.append(sentence)
        assert ours == theirs, path.name


def test_a_line_without_sentence_punctuation_is_cut_into_bounded_sentences():
    from kg.normalize.sentences import MAX_SENTENCE, split_sentences

    text = ("甲市代表团参观了乙公司，" * 400) + "结束"
    sentences = split_sentences(text)
    assert len(sentences) > 1
    assert all(len(s.text) <= MAX_SENTENCE for s in sentences)
    assert all(text[s.start:s.end] == s.text for s in sentences)
    assert "".join(s.text for s in sentences) == text  # nothing lost, nothing doubled
    assert all(s.text.endswith("，") for s in sentences[:-1])  # cut at clause breaks
