"""Entity-level F1 of a model directory on msra_test (exact span and type)."""

from __future__ import annotations

import logging
import time
from pathlib import Path

from kg.nlp.training.msra import corpus_file, gold_spans, read_sentences


def span_f1(gold: list[set], predicted: list[set]) -> tuple[float, float, float]:
    """Micro precision, recall, F1 over per-sentence span sets."""
    tp = sum(len(g & p) for g, p in zip(gold, predicted))
    n_pred = sum(len(p) for p in predicted)
    n_gold = sum(len(g) for g in gold)
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def evaluate_on_test(model_dir: Path, logger: logging.Logger, threads: int = 2, batch_size: int = 128) -> float:
    import hanlp
    import torch

    torch.set_num_threads(threads)
    sentences = read_sentences(corpus_file("msra_test.txt"))
    model = hanlp.load(str(model_dir))
    started = time.time()
    predicted: list[set] = []
    for i in range(0, len(sentences), 1000):
        chunk = [s.chars for s in sentences[i : i + 1000]]
        for spans in model(chunk, batch_size=batch_size):
            predicted.append({(b, e, label) for _text, label, b, e in spans})
        logger.info(f"evaluated {min(i + 1000, len(sentences))}/{len(sentences)} test sentences")
    gold = [gold_spans(s.tags) for s in sentences]
    p, r, f1 = span_f1(gold, predicted)
    chars = sum(len(s.chars) for s in sentences)
    logger.info(
        f"msra_test: {len(sentences)} sentences, P={p:.4f} R={r:.4f} F1={f1:.4f} "
        f"({chars / (time.time() - started):,.0f} chars/s)"
    )
    return f1


def predict_spans(model, sentences, batch_size: int = 128) -> list[set]:
    """``{(begin, end, label)}`` per sentence from a loaded HanLP NER model."""
    predicted: list[set] = []
    for i in range(0, len(sentences), 1000):
        chunk = [s.chars for s in sentences[i : i + 1000]]
        for spans in model(chunk, batch_size=batch_size):
            predicted.append({(b, e, label) for _text, label, b, e in spans})
    return predicted


def evaluate_on_corpus(model_dir: Path, corpus: Path, split: str, logger: logging.Logger, threads: int = 2) -> float:
    """Span F1 (exact span and type) on the safe pieces of a corpus split (kg.nlp.training.corpus_spans)."""
    import hanlp
    import torch

    from kg.nlp.training.corpus_spans import corpus_sentences

    torch.set_num_threads(threads)
    sentences, stats = corpus_sentences(corpus, split)
    predicted = predict_spans(hanlp.load(str(model_dir)), sentences)
    gold = [gold_spans(s.tags) for s in sentences]
    p, r, f1 = span_f1(gold, predicted)
    by_type = []
    for label in ("PER", "ORG", "LOC"):
        _, _, f = span_f1([{g for g in s if g[2] == label} for s in gold], [{q for q in s if q[2] == label} for s in predicted])
        by_type.append(f"{label} {f:.4f}")
    logger.info(f"corpus {split}: {stats.summary()}")
    logger.info(f"corpus {split}: P={p:.4f} R={r:.4f} F1={f1:.4f} ({', '.join(by_type)})")
    return f1
