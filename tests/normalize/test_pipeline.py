import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.doc import Article
from kg.normalize.pipeline import normalize, normalize_text
from kg.normalize.script import converter

from .corpus import ARTICLES, DEV, SEEDS, explains

TONE_MARKS = re.compile("[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ]")
CHROME = re.compile(
    r"首页|当前位置|>|[x×] ?广告|^广告$|资料图|标签[:：]|返回列表|跳到主要|关闭×|分站|图片新闻|^图为|申慱|官方网|AQI|气温|降雨|备案号|ICP|阅读次数|\?|\ufffd",
    re.M,
)


def _normalized(path):
    return normalize(Article(source=path.name, raw=path.read_text(encoding="utf-8"), path=str(path)))


@pytest.fixture(scope="module", params=ARTICLES, ids=lambda p: p.name)
def article(request):
    return _normalized(request.param)


def test_corpus_present():
    assert len(SEEDS) == 5
    if not DEV:
        pytest.skip("dev articles not available (../shared/dev/articles)")


def test_no_traditional_left(article):
    assert converter("t2s").convert(article.text) == article.text


def test_no_pinyin_annotation(article):
    assert not TONE_MARKS.search(article.text)


def test_no_chrome(article):
    assert CHROME.findall(article.text) == []


def test_no_stray_whitespace(article):
    assert "\n\n" not in article.text and "  " not in article.text
    assert all(line == line.strip() for line in article.text.split("\n"))


def test_every_character_comes_from_its_raw_span(article):
    offsets = article.offsets
    assert len(offsets.raw_index) == len(offsets.raw_end) == len(article.text)
    assert offsets.raw_index == sorted(offsets.raw_index)
    for i, c in enumerate(article.text):
        span = article.raw[offsets.raw_index[i] : offsets.raw_end[i]]
        assert explains(c, span), (i, c, span)


def test_sentences_cover_the_text(article):
    sentences = article.sentences
    assert sentences
    lines = article.text.split("\n")
    for s in sentences:
        assert article.text[s.start : s.end] == s.text and s.text.strip() == s.text and s.text
        assert s.text in lines[s.paragraph]
    for a, b in zip(sentences, sentences[1:]):
        assert a.end <= b.start
    covered = "".join(s.text for s in sentences)
    assert covered == article.text.replace("\n", "").replace(" ", "") or len(covered) >= 0.98 * len(
        article.text.replace("\n", "")
    )


def test_normalizing_twice_changes_nothing(article):
    again, _, _ = normalize_text(article.text, [])
    assert again.text == article.text


def test_keeps_people_lines():
    seeds = {p.name[:3]: _normalized(p) for p in SEEDS}
    assert "责任编辑：安艳鸽 郭栩汝" in seeds["000"].text
    assert seeds["003"].text.endswith("(郭赟)")
    assert "(记者李家鸣)" in seeds["004"].text
    assert "恒玄科技(上海)股份有限公司" in seeds["000"].text


@pytest.mark.skipif(not DEV, reason="dev articles not available")
def test_dev_specific_cleanups():
    dev = {p.stem: _normalized(p) for p in DEV}
    assert "(文/孙洋 图/赵艳荣)" in dev["h037"].text
    assert dev["h037"].text.split("\n")[-1] == "中国科学院大连化学物理研究所"
    assert "洁净能源国家实验室(筹)" in dev["h037"].text
    assert "市瀚星房地产开发有限公司" in dev["h013"].text
    assert "(记者贺德良)5月19日上午" in dev["h024"].text


def test_script_detected():
    seeds = {p.name[:3]: _normalized(p).meta for p in SEEDS}
    assert [seeds[k].script for k in ("000", "001", "002", "003", "004")] == [
        "simplified",
        "traditional",
        "traditional",
        "traditional",
        "simplified",
    ]
    assert seeds["001"].conversion in ("t2s", "tw2s", "hk2s")
    assert seeds["000"].conversion is None


def test_empty_after_cleanup_is_reported():
    a = normalize(Article(source="x.txt", raw="首页 > 热点 > > 正文\nx 广告\n"))
    assert a.text == "" and a.sentences == []
    assert any("no article text" in e for e in a.errors)


# -- the offset map round-trips (property) ---------------------------------

PIECES = [
    "發展", "區(qū)", "實(shí)", "會(huì )", "長(cháng)", "國", "書記", "與", "陳向平", "平顶山市委", "恒玄科技(上海)",
    "(郭赟)", "(筹)", ",", ",,", ",、", ";", ":", "?", "!", "(", ")", "（", "）", "。", " ", "  ", "\u3000",
    "\t", "\n", "\r\n", "\n\n", "????", "?", "\ufffd", "首页 > 热点 > > 正文\n", "【资料图】", "\nx 广告",
    "\n标签:新闻\n", "\n返回列表\n", "\n图为会议现场\n", "责任编辑:安艳鸽 郭栩汝", "2023-06-25 09:17:50 山西日报\n",
    "申慱亚洲官方网:", "abc", "1,000", "１２", "「新興」", "—", "…", "\u200b",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30))
def test_offset_map_round_trips(pieces):
    raw = "".join(pieces)
    errors: list[str] = []
    doc, _, _ = normalize_text(raw, errors)
    assert len(doc.raw_index) == len(doc.raw_end) == len(doc.text)
    assert doc.raw_index == sorted(doc.raw_index)
    for i, c in enumerate(doc.text):
        s, e = doc.raw_index[i], doc.raw_end[i]
        assert 0 <= s < e <= len(raw)
        assert explains(c, raw[s:e]), (c, raw[s:e], raw)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_any_text_normalizes_without_crashing(raw):
    article = normalize(Article(source="x.txt", raw=raw))
    offsets = article.offsets
    assert len(offsets.raw_index) == len(article.text)
    assert all(0 <= s < e <= len(raw) for s, e in zip(offsets.raw_index, offsets.raw_end))
    assert offsets.raw_index == sorted(offsets.raw_index)
    for s in article.sentences:
        assert article.text[s.start : s.end] == s.text


def _gold(path):
    import json

    gold_dir = SEEDS[0].parents[1] / "tests" / "gold" / "seeds" if path in SEEDS else path.parents[1] / "gold"
    return json.loads((gold_dir / (path.stem + ".json")).read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.name)
def test_normalization_loses_no_gold_name(path):
    """Every gold entity written in the article (as a plain conversion shows it)
    is still written in the normalized text: cleanup removed no real content."""
    raw = path.read_text(encoding="utf-8")
    plain = converter("t2s").convert(re.sub(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü ]{1,8}\)", "", raw))
    plain = plain.replace("（", "(").replace("）", ")")
    text = _normalized(path).text
    lost = [
        e["name"]
        for e in _gold(path)["entities"]
        if any(form in plain for form in [e["name"], *e.get("aliases", [])])
        and not any(form in text for form in [e["name"], *e.get("aliases", [])])
    ]
    assert lost == []
