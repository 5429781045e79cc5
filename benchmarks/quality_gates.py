"""Measure quality on real articles per type, and ratchet the test gates.

    python3 benchmarks/quality_gates.py                 # print the table
    python3 benchmarks/quality_gates.py --write         # raise gates to measured - margin (never lower)
    python3 benchmarks/quality_gates.py --write --reset # set gates to measured - margin (after a gold revision)

The gates live in tests/quality_gates.json and are checked by tests/test_quality.py.
The corpus test split is frozen: it is measured at milestones with --set corpus-test,
never gated and never tuned on.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GATES = ROOT / "tests" / "quality_gates.json"
#: the gated sets: with the default relation mode (the trained model), and with the rules alone
GATED_SETS = ("seeds", "dev", "corpus-dev", "seeds+rules", "dev+rules", "corpus-dev+rules")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--set", action="append", help="seeds, dev, corpus-dev, corpus-test, each optionally +rules "
                    "(the rules alone); repeatable; default: the gated sets")
    ap.add_argument("--write", action="store_true", help="ratchet tests/quality_gates.json (gated sets only)")
    ap.add_argument("--reset", action="store_true", help="with --write: also lower gates to the measured score")
    ap.add_argument("--rounds", help="corpus sets: only the articles of these annotation rounds, "
                    "N or FIRST-LAST (the manifest's round column); not with --write")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from kg.evaluation.quality import MARGIN, measure, relations_of, set_inputs

    rounds = None
    if args.rounds:
        first, _, last = args.rounds.partition("-")
        if not (first.isdigit() and (last or first).isdigit()):
            ap.error(f"--rounds {args.rounds!r}: use N or FIRST-LAST")
        rounds = (int(first), int(last or first))
        if args.write:
            ap.error("--rounds measures a part of a set: it cannot ratchet the gates")
    names = args.set or list(GATED_SETS)
    results = {}
    for name in names:
        inputs = set_inputs(name, ROOT, rounds)
        if inputs is None:
            print(f"{name}: not here, skipped", file=sys.stderr)
            continue
        paths, gold = inputs
        results[name] = measure(paths, gold, relations=relations_of(name))
        results[name]["articles"] = len(paths)
    if args.json:
        print(json.dumps(results, indent=1))
    else:
        kinds = [k for k in next(iter(results.values())) if k != "articles"] if results else []
        print("| type | " + " | ".join(f"{n} P / R / F1" for n in results) + " |")
        print("|---|" + "---|" * len(results))
        for k in kinds:
            cells = [f"{r[k]['precision']:.3f} / {r[k]['recall']:.3f} / **{r[k]['f1']:.3f}** ({r[k]['tp'] + r[k]['fn']})"
                     for r in results.values()]
            print(f"| {k} | " + " | ".join(cells) + " |")
        print("| articles | " + " | ".join(str(r["articles"]) for r in results.values()) + " |")
    if args.write:
        gates = json.loads(GATES.read_text(encoding="utf-8")) if GATES.exists() else {}
        for name, r in results.items():
            if name not in GATED_SETS:
                continue
            old = gates.get(name, {})
            new = {}
            for k, v in r.items():
                if k == "articles":
                    continue
                target = round(max(v["f1"] - MARGIN, 0.0), 3)
                new[k] = target if args.reset or k not in old else max(old[k], target)
            gates[name] = new
        GATES.write_text(json.dumps(gates, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {GATES}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
