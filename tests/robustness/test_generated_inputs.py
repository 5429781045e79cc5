"""Generated inputs through reading, normalization and the whole per-article
pipeline: random Unicode, mixed scripts, control characters, lone surrogates,
very short and very long texts, every supported encoding with a wrong
declared charset. Each gives an Article or a ReadError (never an exception),
and an Article's offsets map back into its raw text."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.doc import Article, ReadError
from kg.pipeline import analyze_article
from kg.reading.reader import read_file

NEWS = "临海市委书记张明率队赴深圳考察华锐公司，與董事長李青座談。"
pieces = st.one_of(
    st.text(min_size=0, max_size=40),
    st.sampled_from([NEWS, "務(wù)", "?,F(xiàn)場", "\x00\x07\x1b", "\u200b\ufeff", "<script>alert(1)</script>",
                     "Maria Silva", "沃尔克·穆勒", "（", "）", "\r\n", "。" * 5, "\u3000"]),
)
texts = st.lists(pieces, min_size=0, max_size=12).map("".join)


@pytest.fixture(scope="module")
def backend():
    from kg.nlp.loader import load_backend

    return load_backend(None)


def _check(item, backend) -> None:
    assert isinstance(item, (Article, ReadError))
    if isinstance(item, ReadError):
        assert item.reason and "\n" not in item.reason
        return
    analyze_article(item, backend)
    assert len(item.offsets.raw_index) == len(item.text)
    for i in range(len(item.text)):
        assert 0 <= item.offsets.raw_index[i] <= item.offsets.raw_end[i] <= len(item.raw)
    for m in item.mentions:
        assert 0 <= m.start < m.end <= len(item.text)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=texts)
def test_random_unicode_through_the_pipeline(tmp_path, backend, text):
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    _check(read_file(path, max_bytes=1 << 20), backend)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=st.binary(min_size=0, max_size=400))
def test_random_bytes_and_lone_surrogates(tmp_path, backend, raw):
    path = tmp_path / "b.txt"
    path.write_bytes(raw + "\ud800".encode("utf-8", "surrogatepass") + NEWS.encode("utf-8"))
    _check(read_file(path, max_bytes=1 << 20), backend)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "big5", "utf-16"])
@pytest.mark.parametrize("declared", ["utf-8", "gbk", "big5", "iso-8859-1"])
def test_every_encoding_with_a_wrong_declared_charset(tmp_path, backend, encoding, declared):
    body = NEWS if encoding != "big5" else "臨海市委書記張明率隊赴深圳考察華銳公司，與董事長李青座談。"
    html = f'<html><head><meta charset="{declared}"><title>t</title></head><body><p>{body}</p></body></html>'
    path = tmp_path / "page.html"
    path.write_bytes(html.encode(encoding))
    item = read_file(path, max_bytes=1 << 20)
    _check(item, backend)
    if isinstance(item, Article) and encoding != "utf-16":
        assert "张明" in item.text  # decoded by content, not by the declaration


@pytest.mark.parametrize("text", ["", " ", "\n\n", "。", "a", "张", "\x00" * 10, "的" * 3000])
def test_very_short_and_degenerate_texts(tmp_path, backend, text):
    path = tmp_path / "c.txt"
    path.write_text(text, encoding="utf-8")
    _check(read_file(path, max_bytes=1 << 20), backend)
