"""``kg train-posts``: train the choice of a body for a post the title rules left
without one (:mod:`kg.relations.post_bodies`).

The pipeline reads the corpus train and dev articles through the positions stage
while the component records, for each such post, every organization and place
of the article with its features. A candidate is labelled 1 when the gold gives
the person the same title in it, 0 when the gold gives that title in another
body or in none; a post whose person and title the gold does not have is left
out. A logistic regression is fitted on train; the threshold is chosen on dev,
where each post counts as right when its most probable candidate is the gold
body and wrong otherwise (a post the gold keeps without a body included). The
test split is never read.
"""

from __future__ import annotations

import math
import os

from kg.recognize.span_acceptor import SpanAcceptor, fit
from kg.recognize.train_spans import corpus_samples, finish, recorded, run_training
from kg.relations import post_bodies as PB

#: the learner's settings (chosen on dev: top-1 right on 78 of the 108 dev posts whose gold body is a
#: candidate, against 77 with the span acceptor's 8 epochs at 0.1, features seen twice)
FIT = {"epochs": 20, "lr": 0.05, "l2": 1e-3, "min_count": 1}

#: a candidate set: [(label, features)] of one post
Post = list[tuple[int, list[str]]]


def bare_posts(paths, gold: dict, backend) -> list[Post]:
    """The labelled candidates of every post without a body in the articles."""
    from kg.evaluation.scoring import _norm, title_key
    from kg.scoring.data import match_entities

    out: list[Post] = []
    for item, seen in recorded(paths, gold, backend, PB, "events"):
        names = match_entities(item, gold[item.source])
        bodies: dict[tuple[str, str], set[str | None]] = {}
        for p in gold[item.source].get("positions", []):
            bodies.setdefault((_norm(p["person"]), title_key(p["title"])), set()).add(
                _norm(p["in"]) if p.get("in") else None)
        for i, cands in seen:
            post = item.positions[i]
            person = names.get(post.person)
            held = bodies.get((_norm(person), title_key(post.title))) if person else None
            if not held:
                continue
            out.append([(int(names.get(c) is not None and _norm(names[c]) in held), f) for c, f in cands])
    return out


def choose_threshold(model: SpanAcceptor, posts: list[Post]) -> tuple[float, int, int]:
    """The threshold that most raises right choices minus wrong ones over the posts'
    best candidates: (threshold, right, wrong)."""
    best = (1.0, 0, 0)
    scored = sorted((max((model.probability(f), y) for y, f in post) for post in posts), reverse=True)
    right = wrong = 0
    for p, y in scored:
        right, wrong = right + y, wrong + (1 - y)
        if right - wrong > best[1] - best[2] and p >= 0.3:
            best = (math.floor(p * 1e4) / 1e4, right, wrong)  # rounded down: p itself passes
    return best


def train_posts(corpus: str | os.PathLike = "corpus", save: str | os.PathLike | None = None,
                model: str | None = None, seed: int = 1, log=print) -> SpanAcceptor:
    """``kg train-posts``: fit on the train split's posts without a body, the threshold on dev."""
    data = corpus_samples(corpus, model, bare_posts)
    for split in ("train", "dev"):
        posts = data[split]
        log(f"kg train-posts: {split}: {len(posts)} posts without a body the gold gives: "
            f"{sum(1 for p in posts if any(y for y, _ in p))} with the gold body among the candidates")
    chooser = SpanAcceptor(fit([(f, y) for post in data["train"] for y, f in post], seed=seed, **FIT))
    threshold, right, wrong = choose_threshold(chooser, data["dev"])
    chooser.threshold = threshold
    chooser.meta = {"seed": seed, "train_posts": len(data["train"]), "dev_right": right, "dev_wrong": wrong}
    return finish("kg train-posts", chooser, save, log, f"threshold {threshold} (on dev it gives {right} posts "
                  f"their gold body and {wrong} a wrong one)")


def run_train_posts(corpus: str = "corpus", save: str | None = None, seed: int = 1, model: str | None = None) -> int:
    """``kg train-posts``: exit status 0, or 2 with a one-line message when the corpus is missing."""
    return run_training("kg train-posts", train_posts, corpus, save or PB.SHIPPED, seed, model)
