"""Score the held-out set (tests/heldout) with the per-article pipeline.

    python3 tests/heldout/score_heldout.py             # rules only (backend None)
    python3 tests/heldout/score_heldout.py -v          # list missed / spurious items
    python3 tests/heldout/score_heldout.py --oracle    # gold entities as mentions (relations only)
    python3 tests/heldout/score_heldout.py --model offline   # with the shipped NER model

Same functions as benchmarks/score_extraction.py (read_inputs, analyze_article,
article_to_gold_shape, score_corpus); only the folder differs. Not a pytest test.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--oracle", action="store_true", help="gold entities as mentions")
    ap.add_argument("--model", default=None, help="'offline' or a model dir; default: no model (None)")
    ap.add_argument("--only", default=None, help="substring of the file names to keep")
    ap.add_argument("--dump", default=None, help="write predicted gold-shaped JSON here")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)

    sys.path.insert(0, str(ROOT))
    from kg.evaluation.scoring import RELATION_TYPES, score_corpus
    from kg.extract.to_gold import article_to_gold_shape
    from kg.pipeline import analyze_article
    from kg.reading.reader import read_inputs

    gold = {}
    for g in sorted((HERE / "gold").glob("*.json")):
        d = json.loads(g.read_text(encoding="utf-8"))
        if not args.only or args.only in d["file"]:
            gold[d["file"]] = d
    oracle = None
    if args.oracle:
        spec = importlib.util.spec_from_file_location("score_extraction", ROOT / "benchmarks" / "score_extraction.py")
        oracle = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(oracle)
    backend = None
    if args.model and not args.oracle:
        from kg.nlp.loader import load_backend

        backend = load_backend(None if args.model == "offline" else args.model)
    pred = {}
    for item in read_inputs([str(HERE / "articles")], max_bytes=5_000_000):
        if not hasattr(item, "raw") or item.source not in gold:
            continue
        if oracle is not None:
            oracle._analyze_with_oracle(item, gold[item.source])
        else:
            analyze_article(item, backend)
        pred[item.source] = article_to_gold_shape(item)
        if args.dump:
            out = Path(args.dump)
            out.mkdir(parents=True, exist_ok=True)
            (out / (Path(item.source).stem + ".json")).write_text(
                json.dumps(pred[item.source], ensure_ascii=False, indent=1), encoding="utf-8")
    scores = score_corpus(pred, gold)
    print(f"== heldout: {len(gold)} articles")
    for a in scores.articles:
        print(f"  {a.file:10s} entities F1 {a.entities.f1:.3f}  relations micro-F1 {a.relations_micro.f1:.3f}")
        if args.verbose:
            for m in a.missed:
                print("      MISSED  ", m)
            for s in a.spurious:
                print("      SPURIOUS", s)
    e = scores.entities
    print(f"  entities: P {e.precision:.3f} R {e.recall:.3f} F1 {e.f1:.3f}  (tp {e.tp} fp {e.fp} fn {e.fn})")
    for kind in RELATION_TYPES:
        r = scores.relation(kind)
        print(f"  {kind:15s} P {r.precision:.3f} R {r.recall:.3f} F1 {r.f1:.3f}  (tp {r.tp} fp {r.fp} fn {r.fn})")
    m = scores.relations_micro
    print(f"  relations micro: P {m.precision:.3f} R {m.recall:.3f} F1 {m.f1:.3f}  (tp {m.tp} fp {m.fp} fn {m.fn})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
