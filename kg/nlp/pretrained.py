"""A HanLP pretrained multi-task model (tokens, POS, NER, dependencies, SRL).

``hanlp.load`` downloads pretrained models from HanLP's servers on first use.
This machine's users may have no route there, so loading probes the server
first with a short timeout and runs the download under a socket timeout;
any failure becomes :class:`~kg.nlp.base.ModelNotAvailable` naming the model,
the cause, and the offline alternative. Nothing here hangs on the network.
"""

from __future__ import annotations

import os
import socket
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import urlparse

from kg.doc import Dependency, Sentence, SentenceAnalysis
from kg.nlp.base import ModelNotAvailable
from kg.nlp.hanlp_adapter import analyses_from_document
from kg.nlp.offline import chunk_text

DEFAULT_TIMEOUT = 10.0
#: sentences longer than this are analysed in pieces (the transformer has a 512-subword window)
MAX_LENGTH = 400
OFFLINE_HINT = "use the offline model instead (--model offline, the default; retrain it with `kg train-ner`)"


def resolve_name(name: str) -> str:
    """A ``hanlp.pretrained`` name (``CLOSE_TOK_...`` or ``hanlp.pretrained.mtl.CLOSE_TOK_...``) -> its URL."""
    import hanlp.pretrained

    short = name.rsplit(".", 1)[-1] if name.startswith("hanlp.pretrained.") else name
    if short in hanlp.pretrained.ALL:
        return hanlp.pretrained.ALL[short]
    if name.startswith(("http://", "https://")):
        return name
    examples = ", ".join(sorted(k for k in hanlp.pretrained.ALL if "TOK_POS_NER" in k)[:3])
    raise ModelNotAvailable(
        f"unknown HanLP model {name!r}: not a directory and not a hanlp.pretrained name (e.g. {examples}); {OFFLINE_HINT}"
    )


def _cached(url: str) -> bool:
    from hanlp.utils.io_util import path_from_url, split_if_compressed

    local, _compressed = split_if_compressed(path_from_url(url))
    return os.path.isdir(local)


def _probe(url: str, timeout: float) -> None:
    parsed = urlparse(url)
    port = parsed.port or (443 if parsed.scheme == "https" else 80)
    with socket.create_connection((parsed.hostname, port), timeout=timeout):
        pass


@contextmanager
def _socket_timeout(timeout: float) -> Iterator[None]:
    previous = socket.getdefaulttimeout()
    socket.setdefaulttimeout(timeout)
    try:
        yield
    finally:
        socket.setdefaulttimeout(previous)


def load_pretrained(name: str, timeout: float = DEFAULT_TIMEOUT) -> Any:
    """``hanlp.load`` for a pretrained name or URL, failing fast with a helpful message."""
    import hanlp

    url = resolve_name(name)
    try:
        if not _cached(url):
            _probe(url, timeout)
        with _socket_timeout(timeout):
            return hanlp.load(url)
    except ModelNotAvailable:
        raise
    except (Exception, SystemExit) as exc:  # network errors, HTTP errors, corrupt archives
        cause = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ModelNotAvailable(
            f"HanLP model {name!r} is not available: download from {urlparse(url).hostname} failed "
            f"({type(exc).__name__}: {cause}); {OFFLINE_HINT}"
        ) from exc


def merge_analyses(parts: list[SentenceAnalysis]) -> SentenceAnalysis:
    """Concatenate the analyses of consecutive pieces of one sentence (dependency heads re-based)."""
    merged = SentenceAnalysis()
    for part in parts:
        base = len(merged.tokens)
        merged.tokens.extend(part.tokens)
        merged.entities.extend(part.entities)
        merged.dependencies.extend(
            Dependency(d.head + base if d.head >= 0 else -1, d.relation) for d in part.dependencies
        )
        merged.srl.extend(part.srl)
    if len(merged.dependencies) != len(merged.tokens):
        merged.dependencies = []
    return merged


class PretrainedHanLP:
    """A multi-task HanLP model; its Document output is translated by :mod:`kg.nlp.hanlp_adapter`."""

    def __init__(self, name: str, model: Any = None, timeout: float = DEFAULT_TIMEOUT, batch_size: int = 32) -> None:
        self.name = f"hanlp:{name}"
        self.batch_size = batch_size
        self.model = model if model is not None else load_pretrained(name, timeout)

    def analyze(self, sentences: list[Sentence]) -> list[SentenceAnalysis]:
        pieces: list[tuple[int, Sentence]] = []
        for i, sentence in enumerate(sentences):
            for offset, text in chunk_text(sentence.text, MAX_LENGTH):
                pieces.append((i, Sentence(sentence.start + offset, sentence.start + offset + len(text), text)))
        parts: list[list[SentenceAnalysis]] = [[] for _ in sentences]
        for b in range(0, len(pieces), self.batch_size):
            batch = pieces[b : b + self.batch_size]
            doc = self.model([p.text for _, p in batch])
            for (i, _), analysis in zip(batch, analyses_from_document([p for _, p in batch], doc)):
                parts[i].append(analysis)
        return [merge_analyses(p) for p in parts]


def is_model_dir(path: Path) -> bool:
    return (path / "config.json").is_file() or (path / "meta.json").is_file()
