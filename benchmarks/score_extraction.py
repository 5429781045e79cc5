"""Extraction dev loop: run the per-article pipeline and score it against gold.

    python3 benchmarks/score_extraction.py                 # seeds and dev, offline model
    python3 benchmarks/score_extraction.py --set dev -v    # dev only, list misses/spurious
    python3 benchmarks/score_extraction.py --model none    # rules only, no NLP model
    python3 benchmarks/score_extraction.py --only h037     # one article

This scores each Article directly (kg.extract.to_gold), without RDF or
cross-article resolution; ``kg eval`` scores the built graph.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETS = {
    "seeds": (ROOT / "seeds", ROOT / "tests" / "gold" / "seeds"),
    "dev": (ROOT.parent / "shared" / "dev" / "articles", ROOT.parent / "shared" / "dev" / "gold"),
}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--set", choices=["seeds", "dev", "all"], default="all")
    ap.add_argument("--model", default=None, help="'none' for rules only; default: the offline model")
    ap.add_argument("--only", default=None, help="substring of the file names to keep")
    ap.add_argument("-v", "--verbose", action="store_true", help="list missed and spurious items")
    ap.add_argument("--dump", default=None, help="write predicted gold-shaped JSON files to this folder")
    args = ap.parse_args(argv)

    sys.path.insert(0, str(ROOT))
    from kg.evaluation.scoring import RELATION_TYPES, score_corpus
    from kg.extract.to_gold import article_to_gold_shape
    from kg.pipeline import analyze_article
    from kg.reading.reader import read_inputs

    backend = None
    if args.model != "none":
        from kg.nlp.loader import load_backend

        backend = load_backend(args.model)

    sets = ["seeds", "dev"] if args.set == "all" else [args.set]
    for name in sets:
        art_dir, gold_dir = SETS[name]
        if not art_dir.exists():
            print(f"{name}: {art_dir} not found, skipped")
            continue
        gold = {}
        for g in sorted(gold_dir.glob("*.json")):
            d = json.loads(g.read_text(encoding="utf-8"))
            if args.only and args.only not in d["file"]:
                continue
            gold[d["file"]] = d
        pred = {}
        for item in read_inputs([str(art_dir)], max_bytes=5_000_000):
            if not hasattr(item, "raw") or item.source not in gold:
                continue
            analyze_article(item, backend)
            pred[item.source] = article_to_gold_shape(item)
            if args.dump:
                out = Path(args.dump)
                out.mkdir(parents=True, exist_ok=True)
                (out / (Path(item.source).stem + ".json")).write_text(
                    json.dumps(pred[item.source], ensure_ascii=False, indent=1), encoding="utf-8"
                )
        scores = score_corpus(pred, gold)
        print(f"== {name}: {len(gold)} articles")
        for a in scores.articles:
            print(f"  {a.file:28s} entities F1 {a.entities.f1:.3f}  relations micro-F1 {a.relations_micro.f1:.3f}")
            if args.verbose:
                for m in a.missed:
                    print("      MISSED  ", m)
                for s in a.spurious:
                    print("      SPURIOUS", s)
        e = scores.entities
        print(f"  entities: P {e.precision:.3f} R {e.recall:.3f} F1 {e.f1:.3f}")
        for kind in RELATION_TYPES:
            r = scores.relation(kind)
            print(f"  {kind:15s} P {r.precision:.3f} R {r.recall:.3f} F1 {r.f1:.3f}  (tp {r.tp} fp {r.fp} fn {r.fn})")
        m = scores.relations_micro
        print(f"  relations micro: P {m.precision:.3f} R {m.recall:.3f} F1 {m.f1:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
