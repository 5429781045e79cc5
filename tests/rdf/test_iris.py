"""Deterministic, injective, safe IRIs."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.rdf.iris import article_iri, article_part_iri, encode_key, encode_segment, entity_iri
from kg.rdf.namespaces import ID

# characters never allowed unescaped in an IRI (RFC 3987) or a Turtle IRIREF
_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|^`\\]')


@given(st.text())
def test_segments_are_safe(text):
    encoded = encode_segment(text)
    assert not _FORBIDDEN.search(encoded)
    assert "/" not in encoded and "?" not in encoded and "#" not in encoded
    assert encoded not in (".", "..")


@given(st.text(), st.text())
def test_encoding_is_injective(a, b):
    if a != b:
        assert encode_segment(a) != encode_segment(b)
        assert encode_key(a) != encode_key(b)


def test_chinese_stays_readable():
    assert entity_iri("org/恒玄科技(上海)股份有限公司") == ID + "org/恒玄科技%28上海%29股份有限公司"
    assert entity_iri("place/410400") == ID + "place/410400"


def test_article_parts():
    assert article_iri("000_x.txt") == ID + "article/000_x.txt"
    assert article_part_iri("a b.txt", "event", 3) == ID + "article/a%20b.txt/event/3"


def test_empty_key_is_rejected():
    with pytest.raises(ValueError):
        entity_iri("")
