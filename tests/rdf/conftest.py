"""Fixtures for the RDF tests: the sample corpus and its graph."""

from __future__ import annotations

import pytest
from .sample_corpus import build_corpus

from kg.doc import Corpus


@pytest.fixture
def corpus() -> Corpus:
    return build_corpus()


@pytest.fixture
def graph(corpus):
    from kg.rdf.mapping import corpus_to_graph

    return corpus_to_graph(corpus)
