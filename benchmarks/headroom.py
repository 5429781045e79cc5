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
  recall ceiling; kg.scoring.candidates);
- **scores**: per kind the model decides, where the covered gold pairs stand
  against the kind's threshold (the shipped relation model's probability of
  their best candidate, the rules' threshold for a pair the rules proposed):
  over it, at most 0.2 under it, further under. The decision's later steps
  (items listed with a kept one, meetings within one side) are left out, so
  "over" is an upper bound of what is kept.
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
    from kg.scoring.stage import kind_threshold, load_scorer, model_dir, relation_mode, score
    from kg.scoring.train import prepared

    articles, gold = prepared(Path(args.corpus), args.split)
    mode = relation_mode()
    scorer = None if mode == "rules" else load_scorer(str(model_dir(mode)))
    thresholds = (scorer.config.get("thresholds") or {}) if scorer is not None else {}
    decided = set(scorer.config.get("kinds") or []) if scorer is not None else set()
    standing: dict[str, Counter] = {k: Counter() for k in KINDS}
    missed, tagged = Counter(), Counter()
    pairs, ends, covered = Counter(), Counter(), Counter()
    for a in articles:
        g = gold[a.source]
        names = match_entities(a, g)  # local entity -> the gold name it matches
        matched = set(names.values())
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
        if scorer is not None:
            margins: dict[tuple, float] = {}  # (kind, gold pair) -> its best candidate's p minus its threshold
            for c, y, p in zip(labelled.candidates, labelled.labels, score(scorer, labelled.candidates, mode)):
                if y and c.kind in decided:
                    key = (c.kind, *sorted((names[c.subject], names[c.object]))) if c.kind in SYMMETRIC \
                        else (c.kind, names[c.subject], names[c.object])
                    margins[key] = max(margins.get(key, -1.0), p - kind_threshold(thresholds, c.kind, c.by_rule))
            for (kind, *_pair), m in margins.items():
                standing[kind]["over" if m >= 0 else "near" if m >= -0.2 else "far"] += 1
    print(f"corpus {args.split}: {len(articles)} articles")
    print(f"{'entity type':15s} {'missed':>7s} {'tagged by the NER model':>24s}")
    for t in sorted(missed):
        print(f"{t:15s} {missed[t]:7d} {tagged[t]:24d}")
    print(f"{'relation':15s} {'gold':>5s} {'both ends extracted':>20s} {'in candidates':>14s}")
    for k in KINDS:
        n = max(1, pairs[k])
        print(f"{k:15s} {pairs[k]:5d} {ends[k] / n:20.2f} {covered[k] / n:14.2f}")
    if scorer is not None:
        print(f"covered gold pairs against the kind's threshold (model {mode}; the rules decide the others)")
        print(f"{'relation':15s} {'covered':>8s} {'over':>6s} {'<= 0.2 under':>13s} {'further under':>14s}")
        for k in KINDS:
            if k in decided:
                c = standing[k]
                print(f"{k:15s} {covered[k]:8d} {c['over']:6d} {c['near']:13d} {c['far']:14d}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
