"""``kg train-destinations``: train the reading of the place or organization
written after a visit verb (:mod:`kg.recognize.destinations`).

The pipeline reads the corpus train and dev articles through coreference while
the component records every candidate with its features. A candidate is
labelled 1 when its text is a name of a gold Organization or Place, 0 when it
names no gold entity; one that names a gold person or an optional entry is left
out. The name reading is fitted on train with its threshold chosen on dev
(right names minus wrong ones, as :func:`kg.recognize.span_acceptor.choose_threshold`);
the type reading is fitted on train's names (Place or not), threshold 0.5.
The test split is never read.
"""

from __future__ import annotations

import os

from kg.recognize import destinations as D
from kg.recognize.span_acceptor import SpanAcceptor, choose_threshold, fit
from kg.recognize.train_spans import corpus_samples, finish, recorded, run_training

#: (features, is a name, is a Place) of one candidate
Sample = tuple[list[str], int, int]


def destination_spans(paths, gold: dict, backend) -> list[Sample]:
    """The labelled candidates of the articles."""
    from kg.evaluation.scoring import _norm

    out: list[Sample] = []
    for item, seen in recorded(paths, gold, backend, D, "context"):
        names = {}
        for e in gold[item.source].get("entities", []):
            for n in {e["name"], *(e.get("aliases") or [])}:
                names[_norm(n)] = e
        for s, e, features in seen:
            g = names.get(_norm(item.text[s:e]))
            if g is None:
                out.append((features, 0, 0))
            elif g["type"] == "Person" or g.get("optional"):
                out.append((features, -1, 0))
            else:
                out.append((features, 1, int(g["type"] == "Place")))
    return out


def train_destinations(corpus: str | os.PathLike = "corpus", save: str | os.PathLike | None = None,
                       model: str | None = None, seed: int = 1, log=print) -> D.Destinations:
    """``kg train-destinations``: fit on the train split's candidates, the threshold on dev."""
    data = corpus_samples(corpus, model, destination_spans)
    for split in ("train", "dev"):
        log(f"kg train-destinations: {split}: {len(data[split])} candidates after a visit verb: "
            f"{sum(1 for _, y, _p in data[split] if y == 1)} name a gold organization or place, "
            f"{sum(1 for _, y, _p in data[split] if y == 0)} none")
    accept = SpanAcceptor(fit([(f, y) for f, y, _p in data["train"]], seed=seed))
    accept.threshold, right, wrong = choose_threshold(accept, [(f, y) for f, y, _p in data["dev"]])
    place = SpanAcceptor(fit([(f, p) for f, y, p in data["train"] if y == 1], seed=seed), 0.5)
    chosen = D.Destinations(accept, place, {"seed": seed, "train_candidates": len(data["train"]),
                                            "dev_right": right, "dev_wrong": wrong})
    return finish("kg train-destinations", chosen, save, log, f"threshold {accept.threshold} (on dev it accepts "
                  f"{right} names and {wrong} phrases that name nothing)")


def run_train_destinations(corpus: str = "corpus", save: str | None = None, seed: int = 1,
                           model: str | None = None) -> int:
    """``kg train-destinations``: exit status 0, or 2 with a one-line message when the corpus is missing."""
    return run_training("kg train-destinations", train_destinations, corpus, save or D.SHIPPED, seed, model)
