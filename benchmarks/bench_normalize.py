"""Normalization throughput over the seed articles repeated to >= 10 MB.

A script, not a test:

    python3 benchmarks/bench_normalize.py [--seeds seeds] [--megabytes 10] [--profile]

Runs on one core (one process, no threads), prints characters and UTF-8
bytes per second for ``kg.normalize.pipeline.normalize`` (reading excluded).
A warm-up pass first loads OpenCC and the repair dictionaries, which are
one-off costs per process.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

from kg.doc import Article
from kg.normalize.pipeline import normalize


def load_seeds(folder: Path) -> list[tuple[str, str]]:
    texts = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.txt"))]
    if not texts:
        sys.exit(f"no .txt files in {folder}")
    return texts


def workload(seeds: list[tuple[str, str]], megabytes: float) -> list[tuple[str, str]]:
    target = megabytes * 1_000_000
    out: list[tuple[str, str]] = []
    size = 0
    while size < target:
        for name, raw in seeds:
            out.append((name, raw))
            size += len(raw.encode("utf-8"))
    return out


def run(items: list[tuple[str, str]]) -> tuple[float, float]:
    """Wall-clock and CPU seconds (CPU time is the fair figure on a shared machine)."""
    wall, cpu = time.perf_counter(), time.process_time()
    for name, raw in items:
        normalize(Article(source=name, raw=raw))
    return time.perf_counter() - wall, time.process_time() - cpu


def main() -> int:
    here = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=here / "seeds")
    parser.add_argument("--megabytes", type=float, default=10.0)
    parser.add_argument("--profile", action="store_true", help="print the 25 most expensive functions")
    args = parser.parse_args()

    seeds = load_seeds(args.seeds)
    for name, raw in seeds:  # warm-up: converters, dictionaries
        normalize(Article(source=name, raw=raw))
    items = workload(seeds, args.megabytes)
    chars = sum(len(raw) for _, raw in items)
    nbytes = sum(len(raw.encode("utf-8")) for _, raw in items)
    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
    seconds, cpu_seconds = run(items)
    if args.profile:
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
    print(f"articles:   {len(items)} ({len(seeds)} seeds repeated)")
    print(f"input:      {chars:,} characters, {nbytes / 1e6:.2f} MB UTF-8")
    print(f"time:       {seconds:.2f} s wall, {cpu_seconds:.2f} s CPU")
    print(f"throughput: {chars / seconds:,.0f} chars/s, {nbytes / seconds / 1e6:.2f} MB/s (wall clock)")
    print(f"            {chars / cpu_seconds:,.0f} chars/s, {nbytes / cpu_seconds / 1e6:.2f} MB/s (CPU time of this process)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
