"""``kg train-spans``: train the acceptance of refused NER spans (kg.recognize.span_acceptor).

The pipeline reads the corpus train and dev articles up to the context stage
while :mod:`kg.recognize.span_acceptor` records every model span the checks
refused; each is labelled against the article's gold (a name it would add, no
name, or a name found anyway); a logistic regression is fitted on train and
its threshold chosen on dev. The test split is never read.
"""

from __future__ import annotations

import os
from pathlib import Path

from kg.recognize import span_acceptor as SA
from kg.recognize.span_acceptor import SHIPPED, SpanAcceptor, choose_threshold, fit


def refused_spans(paths, gold: dict, backend) -> list[tuple[list[str], int]]:
    """(features, label) of every refused model span of the articles. The label is
    1 when the span's text names a gold entity of its type that nothing else
    extracted from the article matches (a name the span would add), 0 when it
    names no gold entity, and -1 when it names one found anyway (neutral: not
    trained on, not counted when the threshold is chosen)."""
    from kg.evaluation.scoring import _norm
    from kg.pipeline import analyze_article
    from kg.reading.reader import read_inputs
    from kg.scoring.data import match_entities

    out: list[tuple[list[str], int]] = []
    for item in read_inputs([str(p) for p in paths], max_bytes=5_000_000):
        if not hasattr(item, "raw") or item.source not in gold:
            continue
        g = gold[item.source]
        SA._RECORD = []
        try:
            analyze_article(item, backend, until="context")
            seen = SA._RECORD
        finally:
            SA._RECORD = None
        found = set(match_entities(item, g).values())
        names = {}
        for e in g.get("entities", []):
            for n in {e["name"], *(e.get("aliases") or [])}:
                names[(e["type"], _norm(n))] = e["name"]
        for name, typ, features in seen:
            gold_name = names.get((typ, _norm(name)))
            out.append((features, 0 if gold_name is None else -1 if gold_name in found else 1))
    return out


def train_spans(corpus: str | os.PathLike = "corpus", save: str | os.PathLike | None = None,
                model: str | None = None, seed: int = 1, log=print) -> SpanAcceptor:
    """``kg train-spans``: fit on the train split's refused spans, the threshold on dev."""
    from kg.corpus.manifest import split_articles
    from kg.evaluation.command import load_gold
    from kg.nlp.loader import load_backend

    corpus = Path(corpus)
    backend = load_backend(model)
    data = {}
    for split in ("train", "dev"):
        data[split] = refused_spans(split_articles(corpus, split), load_gold(corpus, split), backend)
        new = sum(1 for _, y in data[split] if y == 1)
        found = sum(1 for _, y in data[split] if y < 0)
        log(f"kg train-spans: {split}: {len(data[split])} refused model spans: {new} name a gold entity "
            f"nothing else extracted, {found} one found anyway")
    acceptor = SpanAcceptor(fit(data["train"], seed=seed))
    threshold, right, wrong = choose_threshold(acceptor, data["dev"])
    acceptor.threshold = threshold
    acceptor.meta = {"seed": seed, "train_spans": len(data["train"]), "dev_right": right, "dev_wrong": wrong}
    log(f"kg train-spans: threshold {threshold} (on dev it accepts {right} spans that add a gold entity "
        f"and {wrong} that name none)")
    if save is not None:
        acceptor.save(save)
        log(f"kg train-spans: written to {save}")
    return acceptor


def run_train_spans(corpus: str = "corpus", save: str | None = None, seed: int = 1, model: str | None = None) -> int:
    """``kg train-spans``: exit status 0, or 2 with a one-line message when the corpus is missing."""
    import sys

    from kg.nlp.base import ModelNotAvailable

    if not (Path(corpus) / "manifest.tsv").is_file():
        print(f"kg train-spans: {corpus} is not an annotated corpus (no manifest.tsv)", file=sys.stderr)
        return 2
    try:
        train_spans(corpus, save=save or SHIPPED, model=model, seed=seed,
                    log=lambda m: print(m, file=sys.stderr))
    except ModelNotAvailable as exc:
        print(f"kg train-spans: {exc}", file=sys.stderr)
        return 2
    return 0
