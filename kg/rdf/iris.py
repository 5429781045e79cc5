"""Deterministic IRIs for every node: no blank nodes, same input -> same IRI.

Entities: ``ID + key`` (the resolution key, e.g. ``person/陈向平``). Articles:
``ID + article/<file>``; their events, positions, agreements and assertions
``ID + article/<file>/<kind>/<index>``. Each segment is percent-encoded except
letters and digits (any script, so Chinese stays readable) and ``-._~``;
encoding is injective, so distinct keys never collide.
"""

from __future__ import annotations

from urllib.parse import quote

from kg.rdf.namespaces import ID

_SAFE_ASCII = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")


def encode_segment(text: str) -> str:
    """Percent-encode one path segment, keeping letters/digits of any script."""
    out = []
    for ch in text:
        if ch in _SAFE_ASCII or (ord(ch) > 127 and ch.isalnum()):
            out.append(ch)
        else:
            out.append(quote(ch, safe=""))
    encoded = "".join(out)
    if encoded in (".", ".."):  # would be removed when the IRI is resolved
        encoded = encoded.replace(".", "%2E")
    return encoded


def encode_key(key: str) -> str:
    """Encode an entity key; ``/`` separates segments and is kept."""
    return "/".join(encode_segment(part) for part in key.split("/"))


def entity_iri(key: str) -> str:
    if not key:
        raise ValueError("an entity key must not be empty")
    return ID + encode_key(key)


def article_iri(slug: str) -> str:
    return ID + "article/" + encode_segment(slug)


def article_part_iri(slug: str, kind: str, index: int) -> str:
    """IRI of the ``index``-th event/position/agreement/assertion of an article."""
    return f"{article_iri(slug)}/{kind}/{index}"
