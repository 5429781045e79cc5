"""Relation extraction: rules only / model only / hybrid, and the learning curve.

    python3 benchmarks/relation_ablation.py                  # corpus dev: the table of docs/extraction.md
    python3 benchmarks/relation_ablation.py --fractions 0.25 0.5 1.0
    python3 benchmarks/relation_ablation.py --test           # also the frozen test split (milestones only)

For each share of the corpus train split, a ``hybrid`` model (the rules'
verdicts among its features) and a ``model`` model (without them) are trained
exactly as ``kg train-re`` trains them (:func:`kg.scoring.train.train`: dev
picks the epoch, the thresholds and, for hybrid, the kinds the model decides),
into a temporary folder; the shipped models are not touched. Each is scored
per relation type with the guide's measure on the articles as the per-article
pipeline leaves them (no cross-article resolution: ``kg eval`` on a built
graph gives the figures of the quality gates). ``--test`` scores the test
split once with the models trained on all of train; nothing is tuned on it.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--fractions", type=float, nargs="+", default=[0.25, 0.5, 1.0],
                    help="shares of the train split (default 0.25 0.5 1.0)")
    ap.add_argument("--test", action="store_true", help="also score the frozen test split (milestones only)")
    ap.add_argument("--json", default=None, help="write the figures to this JSON file")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    os.environ["ZHKG_RELATIONS"] = "rules"

    from kg.evaluation.from_article import article_to_gold_shape
    from kg.evaluation.scoring import RELATION_TYPES, score_corpus
    from kg.scoring.candidates import candidates
    from kg.scoring.stage import decide, load_scorer, score
    from kg.scoring.train import _logger, prepared, train

    corpus = ROOT / "corpus"
    splits = {"dev": prepared(corpus, "dev")}
    if args.test:
        from kg.corpus.manifest import split_articles
        from kg.evaluation.command import load_gold
        from kg.nlp.loader import load_backend
        from kg.scoring.data import analyze_set

        gold = load_gold(corpus, "test")
        splits["test"] = (analyze_set(split_articles(corpus, "test"), gold, load_backend(None)), gold)
    cands = {name: {a.source: candidates(a) for a in arts} for name, (arts, _g) in splits.items()}

    def figures(name: str, folder: Path | None, mode: str) -> dict:
        arts, gold = splits[name]
        pred = {}
        scorer = load_scorer(str(folder)) if folder else None
        for a in arts:
            b = copy.copy(a)
            if scorer is not None:
                cs = cands[name][a.source]
                decide(b, cs, score(scorer, cs, mode), scorer.config.get("thresholds") or {},
                       scorer.config.get("kinds") or [])
            pred[a.source] = article_to_gold_shape(b)
        s = score_corpus(pred, gold)
        out = {k: s.relation(k).as_dict() for k in RELATION_TYPES}
        out["micro"] = s.relations_micro.as_dict()
        out["entities"] = s.entities.as_dict()
        return out

    results: dict = {"rules": {name: figures(name, None, "rules") for name in splits}}
    log = _logger()
    with tempfile.TemporaryDirectory() as tmp:
        for fraction in args.fractions:
            for mode in ("model", "hybrid"):
                folder = Path(tmp) / f"{mode}-{fraction}"
                config = train(corpus, folder, mode, fraction, logger=log)
                key = f"{mode}@{fraction:g}"
                results[key] = {name: figures(name, folder, mode) for name in splits
                                if name == "dev" or fraction == 1.0}
                results[key]["kinds"] = config.get("kinds")
                results[key]["train_seconds"] = config.get("train_seconds")
                results[key]["train_articles"] = config.get("train_articles")
    for name in splits:
        print(f"\n== corpus {name}: relation F1 per type (P/R/F1)")
        kinds = [*RELATION_TYPES, "micro"]
        print("| run | " + " | ".join(kinds) + " |")
        print("|---|" + "---:|" * len(kinds))
        for key, res in results.items():
            if name not in res:
                continue
            cells = [f"{res[name][k]['precision']:.2f}/{res[name][k]['recall']:.2f}/**{res[name][k]['f1']:.3f}**"
                     for k in kinds]
            print(f"| {key} | " + " | ".join(cells) + " |")
    for key, res in results.items():
        if "kinds" in res:
            print(f"{key}: the model decides {res['kinds']}; trained on {res['train_articles']} articles "
                  f"in {res['train_seconds']} s")
    if args.json:
        Path(args.json).write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
