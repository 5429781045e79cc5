"""The one small interface every NLP backend implements."""

from __future__ import annotations

from typing import Protocol

from kg.doc import Sentence, SentenceAnalysis


class ModelNotAvailable(RuntimeError):
    """A model could not be loaded; the message says how to get one."""


class NlpBackend(Protocol):
    """Analyses sentences: tokens, entity spans, and dependency/SRL when it has them."""

    #: a short description for reports, e.g. "offline:kg/nlp/models/ner-msra"
    name: str

    def analyze(self, sentences: list[Sentence]) -> list[SentenceAnalysis]:
        """One SentenceAnalysis per sentence, offsets in article coordinates."""
        ...
