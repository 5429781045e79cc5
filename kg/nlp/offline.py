"""The default backend: the NER model trained by ``kg train-ner`` and shipped in ``models/``.

It is loaded with ``hanlp.load(path)`` like any HanLP model. Sentences are cut
into chunks no longer than the model's comfortable length (preferably after
punctuation), all chunks of a call are tagged in batches, and the spans are
stitched back into article offsets by :mod:`kg.nlp.hanlp_adapter`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.doc import Sentence, SentenceAnalysis
from kg.nlp.base import ModelNotAvailable
from kg.nlp.hanlp_adapter import ner_spans_to_entities

#: preferred places to cut a long sentence (after these characters)
CUT_AFTER = set("。！？；;，,、：:）)」』”")
DEFAULT_MAX_LENGTH = 150


@dataclass
class Chunk:
    sentence: int  # index into the sentences of the call
    start: int  # offset inside the sentence text
    text: str


def chunk_text(text: str, max_length: int) -> list[tuple[int, str]]:
    """``(offset, piece)`` pieces of ``text``, each at most ``max_length`` long, cut after punctuation when possible.

    Whitespace-only pieces are dropped (nothing to tag there).
    """
    pieces: list[tuple[int, str]] = []
    start = 0
    while start < len(text):
        end = min(start + max_length, len(text))
        if end < len(text):
            cut = max((i + 1 for i in range(start, end) if text[i] in CUT_AFTER), default=None)
            if cut is not None and cut - start >= max_length // 3:
                end = cut
        if text[start:end].strip():
            pieces.append((start, text[start:end]))
        start = end
    return pieces


def load_hanlp_model(path: str | Path) -> Any:
    """``hanlp.load`` for a local model directory, with a clear error when it is missing."""
    path = Path(path)
    if not (path / "config.json").is_file():
        raise ModelNotAvailable(
            f"no HanLP model in {path}: the offline NER model is made by `kg train-ner` "
            f"(it writes kg/nlp/models/ner-msra), or pass --model with a HanLP pretrained name"
        )
    import hanlp

    try:
        # verbose=False: no "Building model ..." flash (terminal escapes on stderr)
        return hanlp.load(str(path), verbose=False)
    except Exception as exc:  # a corrupt or incompatible model directory
        raise ModelNotAvailable(f"cannot load the HanLP model in {path}: {exc!r}; retrain it with `kg train-ner`") from exc


class OfflineHanLP:
    """NER with the shipped single-task HanLP model; no tokens, dependencies or SRL."""

    def __init__(self, path: str | Path, batch_size: int = 128, max_length: int = DEFAULT_MAX_LENGTH, model: Any = None) -> None:
        self.path = Path(path)
        self.name = f"offline:{self.path}"
        self.batch_size = batch_size
        self.max_length = max_length
        self.model = model if model is not None else load_hanlp_model(self.path)
        if hasattr(type(self.model), "span_confidence"):  # kg.nlp.ner_model.BigramNerTagger
            self.model.span_confidence = True  # each span's probability, read by kg.recognize.span_acceptor

    def analyze(self, sentences: list[Sentence]) -> list[SentenceAnalysis]:
        chunks = [
            Chunk(i, offset, piece)
            for i, sentence in enumerate(sentences)
            for offset, piece in chunk_text(sentence.text, self.max_length)
        ]
        results = [SentenceAnalysis() for _ in sentences]
        if not chunks:
            return results
        outputs = self.model([list(c.text) for c in chunks], batch_size=self.batch_size)
        for chunk, spans in zip(chunks, outputs):
            results[chunk.sentence].entities.extend(ner_spans_to_entities(sentences[chunk.sentence], spans, chunk.start))
        return results
