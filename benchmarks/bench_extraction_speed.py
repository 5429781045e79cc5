"""Extraction speed against a baseline revision, measured in one run.

    python3 benchmarks/bench_extraction_speed.py                      # against the revision in BASELINE_REV
    python3 benchmarks/bench_extraction_speed.py --baseline-rev HEAD~3 --rounds 5

The baseline is the package as it was at ``--baseline-rev`` (``git archive``
into a temporary folder). The same articles (the seeds and the shared dev
articles) go through both, in alternating child processes, each timed twice:

- ``analysis``: the per-article stages in one process, model already loaded
  (characters per second of CPU-bound work, the figure the issue's 30% limit
  is about);
- ``build``: ``kg build --workers 1 --no-html`` end to end, as a user runs it
  (start, imports, model loads, resolution, RDF, SHACL, Turtle, store).

The best of ``--rounds`` rounds is kept for each, and the ratio new/baseline
is printed: no timed assertion anywhere (docs/extraction.md keeps the table).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: the revision before the relation model and this round of rule changes (issue 11)
BASELINE_REV = "a07330a"

_CHILD = r"""
import json, sys, time
root, paths = sys.argv[1], sys.argv[2:]
sys.path.insert(0, root)
import torch
torch.set_num_threads(1)
from kg.nlp.loader import load_backend
from kg.pipeline import analyze_article
from kg.reading.reader import read_inputs
backend = load_backend(None)
items = [i for i in read_inputs(paths, max_bytes=5_000_000) if hasattr(i, "raw")]
chars = sum(len(i.raw) for i in items)
analyze_article(items[0], backend)  # warm-up: lazy imports, first model call
t0 = time.process_time()
for item in read_inputs(paths, max_bytes=5_000_000):
    if hasattr(item, "raw"):
        analyze_article(item, backend)
print(json.dumps({"chars": chars, "cpu_seconds": time.process_time() - t0}))
"""


def inputs() -> list[str]:
    paths = sorted(str(p) for p in (ROOT / "seeds").glob("*.txt"))
    dev = ROOT.parent / "shared" / "dev" / "articles"
    paths += sorted(str(p) for p in dev.glob("*.txt"))
    return paths


def analysis(root: Path, paths: list[str], env: dict) -> dict:
    out = subprocess.run([sys.executable, "-c", _CHILD, str(root), *paths], capture_output=True, text=True,
                         env=env, cwd=root, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def build(root: Path, paths: list[str], env: dict) -> float:
    with tempfile.TemporaryDirectory() as out:
        t0 = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "kg", "--log-level", "WARNING", "build", *paths, "-o", out,
                               "--workers", "1", "--no-html"], capture_output=True, text=True, env=env, cwd=root)
        seconds = time.perf_counter() - t0
        if done.returncode != 0:
            raise SystemExit(f"kg build failed in {root} (exit {done.returncode}): {done.stderr.strip()[-400:]}")
        return seconds


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--baseline-rev", default=BASELINE_REV, help=f"git revision of the baseline (default {BASELINE_REV})")
    ap.add_argument("--rounds", type=int, default=3, help="alternating rounds; the best of each is kept (default 3)")
    args = ap.parse_args(argv)
    paths = inputs()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "baseline"
        base.mkdir()
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", args.baseline_rev], capture_output=True, check=True)
        subprocess.run(["tar", "-x", "-C", str(base)], input=archive.stdout, check=True)
        env = {**os.environ, "OMP_NUM_THREADS": "1", "PYTHONHASHSEED": "0"}
        runs = {"baseline": base, "new": ROOT}
        best: dict = {name: {"analysis": None, "build": None} for name in runs}
        for r in range(args.rounds):
            for name, root in runs.items():
                envn = {**env, "PYTHONPATH": str(root)}
                a = analysis(root, paths, envn)
                rate = a["chars"] / a["cpu_seconds"]
                b = build(root, paths, envn)
                cur = best[name]
                cur["analysis"] = max(cur["analysis"] or 0, rate)
                cur["build"] = min(cur["build"] or 1e9, b)
                cur["chars"] = a["chars"]
                print(f"round {r + 1} {name:8s} analysis {rate:9,.0f} chars/CPU-s   build {b:6.2f} s", flush=True)
    chars = best["new"]["chars"]
    print(f"\n{len(paths)} articles, {chars:,} characters (seeds + shared dev); baseline {args.baseline_rev}")
    for name in runs:
        print(f"{name:8s} analysis {best[name]['analysis']:9,.0f} chars/CPU-s   "
              f"build {best[name]['build']:6.2f} s = {chars / best[name]['build']:8,.0f} chars/s")
    ra = best["new"]["analysis"] / best["baseline"]["analysis"]
    rb = best["baseline"]["build"] / best["new"]["build"]
    print(f"ratio new/baseline: analysis throughput {ra:.2f}, build throughput {rb:.2f} "
          f"(the issue allows no less than 0.70)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
