"""Where the extraction loses gold, on the corpus train or dev split (never test).

    python3 benchmarks/headroom.py --split train     # or dev

Two tables, from the pipeline run up to the scoring stage (as ``kg train-re``
runs it) and the guide's name matching (kg.scoring.data.match_entities):

- **entities**: per type, the gold entities no extracted entity matches, and
  how many of them the NER model did tag, with the same type, under one of
  their names (spans the recognizer refused or cut: what a learned acceptance
  of model spans could win back);
- **relations**: per kind, the gold pairs, the share whose two ends are both
  extracted, and the share some relation candidate covers (the model's
  recall ceiling; kg.scoring.candidates).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=["train", "dev"], default="train")
    parser.add_argument("--corpus", default=str(ROOT / "corpus"))
    args = parser.parse_args(argv)

    from kg.evaluation.scoring import _norm
    from kg.rdf.vocab import SYMMETRIC
    from kg.scoring.candidates import KINDS
    from kg.scoring.data import label, match_entities
    from kg.scoring.train import prepared

    articles, gold = prepared(Path(args.corpus), args.split)
    missed, tagged = Counter(), Counter()
    pairs, ends, covered = Counter(), Counter(), Counter()
    for a in articles:
        g = gold[a.source]
        matched = set(match_entities(a, g).values())
        model: dict[str, set[str]] = {}
        for s in a.sentences:
            for sp in (s.analysis.entities if s.analysis else []):
                model.setdefault(_norm(sp.text), set()).add(sp.type)
        for e in g["entities"]:
            if e["name"] in matched:
                continue
            missed[e["type"]] += 1
            if any(e["type"] in model.get(_norm(n), ()) for n in {e["name"], *(e.get("aliases") or [])}):
                tagged[e["type"]] += 1
        labelled = label(a, g)
        for kind in KINDS:
            gp = {tuple(p) if kind not in SYMMETRIC else tuple(sorted(p)) for p in g.get(kind, []) if len(p) == 2}
            pairs[kind] += len(gp)
            ends[kind] += sum(1 for x, y in gp if x in matched and y in matched)
            covered[kind] += labelled.by_kind[kind][1]
    print(f"corpus {args.split}: {len(articles)} articles")
    print(f"{'entity type':15s} {'missed':>7s} {'tagged by the NER model':>24s}")
    for t in sorted(missed):
        print(f"{t:15s} {missed[t]:7d} {tagged[t]:24d}")
    print(f"{'relation':15s} {'gold':>5s} {'both ends extracted':>20s} {'in candidates':>14s}")
    for k in KINDS:
        n = max(1, pairs[k])
        print(f"{k:15s} {pairs[k]:5d} {ends[k] / n:20.2f} {covered[k] / n:14.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
