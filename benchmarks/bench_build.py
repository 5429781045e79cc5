"""End-to-end build throughput, the cost of ``kg add``, and peak memory by corpus size.

A script, not a test:

    python3 benchmarks/bench_build.py                       # ~1,000 articles: baseline vs --workers 1 vs 2, kg add
    python3 benchmarks/bench_build.py --articles 300 --skip-baseline
    python3 benchmarks/bench_build.py --memory 100 1000 10000   # peak RSS per size, one process per size

The corpus articles (``kg corpus files``) are repeated under new file names
(``r00_c0001.txt``, ``r01_c0001.txt`` ...) until there are ``--articles`` of
them: for size only, never for quality (the copies resolve into the same
entities). In one process, on the same input, it times

- **baseline**: today's single-process code path as ``kg build`` ran it
  before ``kg.build``: :func:`kg.pipeline.build_graph` (torch's default
  threads), SHACL validation of the whole graph, graph.ttl, graph.html, and
  the Oxigraph store;
- ``kg build --workers 1`` and ``--workers 2`` into fresh output folders;
- ``kg add`` of one new article (a seed article) to the ``--workers 2``
  output, in this process (the model is loaded already) and as a fresh
  ``kg add`` command (Python start, imports and the model load included),
  each with ``--workers 1`` (the whole add in one process) and as users run
  it (no ``--workers``: on several cores graph.html is written by a process
  of its own); each add adds one more seed article;

and prints characters per second and the ratios to the baseline, and the add
cost as a share of the ``--workers 2`` build.

``--memory`` runs ``kg build --workers 2`` once per size in a fresh process
and prints the peak resident memory of the building process and of its
largest worker (``--no-html`` adds a run without graph.html,
``--baseline-memory`` the single-process path).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def corpus_files() -> list[Path]:
    out = subprocess.run([sys.executable, "-m", "kg", "corpus", "files", "--root", str(ROOT / "corpus")],
                         capture_output=True, text=True, check=True).stdout.split()
    files = [Path(p) if Path(p).is_absolute() else ROOT / p for p in out]
    if not files:
        sys.exit("kg corpus files listed nothing")
    return files


def make_inputs(folder: Path, n: int) -> int:
    """``n`` copies of the corpus articles under new names in ``folder``; total characters."""
    files = corpus_files()
    folder.mkdir(parents=True, exist_ok=True)
    chars = 0
    for i in range(n):
        src = files[i % len(files)]
        text = src.read_bytes()
        (folder / f"r{i // len(files):02d}_{src.name}").write_bytes(text)
        chars += len(text.decode("utf-8", "replace"))
    return chars


def baseline(inputs: Path, out: Path) -> dict:
    """Today's single-process path (what run_build did before kg.build)."""
    from kg.export.html import write_html
    from kg.export.turtle import write_turtle
    from kg.pipeline import build_graph
    from kg.rdf.validate import validate_graph
    from kg.store import write_store

    out.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    graph, report = build_graph([str(inputs)])
    result = validate_graph(graph)
    write_turtle(graph, out / "graph.ttl")
    write_html(graph, out / "graph.html")
    write_store(out / "graph.ttl", out / "store")
    seconds = time.perf_counter() - t0
    return {"seconds": seconds, "articles": len(report.read), "triples": len(graph),
            "violations": len(result.violations)}


def new_build(inputs: Path, out: Path, workers: int) -> dict:
    from kg.pipeline import run_build

    t0 = time.perf_counter()
    code = run_build([str(inputs)], str(out), progress=False, workers=workers)
    seconds = time.perf_counter() - t0
    if code not in (0, 1):
        sys.exit(f"kg build --workers {workers} failed (exit {code})")
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    return {"seconds": seconds, "articles": report["articles_read"], "triples": report["triples"],
            "violations": len((report.get("validation") or {}).get("violations", [])), "report": report}


def add_one(out: Path, article: Path, cold: bool, workers: int | None = 1) -> dict:
    """``kg add`` of ``article`` to ``out``: in this process or as a new command; with
    ``--workers 1`` (everything in one process) or, ``workers`` None, as a user runs it
    (every core: on several, graph.html is written by a process of its own)."""
    from kg.build.incremental import run_add

    t0 = time.perf_counter()
    if cold:
        proc = subprocess.run([sys.executable, "-m", "kg", "add", str(article), "--to", str(out), "--quiet",
                               *(["--workers", str(workers)] if workers else [])], capture_output=True, text=True)
        code = proc.returncode
    else:
        code = run_add([str(article)], str(out), progress=False, workers=workers)
    seconds = time.perf_counter() - t0
    if code not in (0, 1):
        sys.exit(f"kg add failed (exit {code})")
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    return {"seconds": seconds, "build": report["build"], "incremental": report["incremental"]}


def throughput(args) -> int:
    work = Path(tempfile.mkdtemp(prefix="bench-build-"))
    try:
        inputs = work / "in"
        chars = make_inputs(inputs, args.articles)
        print(f"input: {args.articles} articles, {chars:,} characters (corpus articles repeated; {os.cpu_count()} cores)")
        rows = []
        if not args.skip_baseline:
            b = baseline(inputs, work / "baseline")
            rows.append(("baseline (single process, whole-graph SHACL)", b))
        for workers in args.workers:
            r = new_build(inputs, work / f"w{workers}", workers)
            rows.append((f"kg build --workers {workers}", r))
        base = rows[0][1]["seconds"]
        print(f"{'run':48} {'seconds':>8} {'chars/s':>9} {'vs first':>8} {'triples':>8} {'violations':>10}")
        for name, r in rows:
            print(f"{name:48} {r['seconds']:8.1f} {chars / r['seconds']:9,.0f} {base / r['seconds']:7.2f}x "
                  f"{r['triples']:8d} {r['violations']:10d}")
        last_name, last = rows[-1]
        stages = last["report"]["seconds_by_stage"]
        print(f"stages of '{last_name}' (per-article stages summed over workers):",
              ", ".join(f"{k} {v:.1f}" for k, v in stages.items()))
        graphs = [work / f"w{w}" / "graph.ttl" for w in args.workers]
        if not args.skip_baseline:
            graphs.insert(0, work / "baseline" / "graph.ttl")
        same = len({g.read_bytes() for g in graphs}) == 1
        print(f"graph.ttl byte-identical in every run: {same}")
        out = work / f"w{args.workers[-1]}"
        seeds = sorted((ROOT / "seeds").glob("*.txt"))
        runs = (("in this process (model loaded), --workers 1", add_one(out, seeds[0], cold=False)),
                ("in this process (model loaded)", add_one(out, seeds[1], cold=False, workers=None)),
                ("as a new kg add command, --workers 1", add_one(out, seeds[2], cold=True)),
                ("as a new kg add command", add_one(out, seeds[3], cold=True, workers=None)))
        full = last["seconds"]
        print(f"kg add of one article to the {last['articles']}-article graph of '{last_name}' "
              "(each add one article more; no --workers: as users run it):")
        for label, a in runs:
            b = a["build"]
            print(f"  {label:44} {a['seconds']:6.2f} s = {100 * a['seconds'] / full:5.1f}% of the full build "
                  f"(analysed {b['analysed']}, from the cache {b['from_cache']}, mapped again {b['rendered']}; "
                  f"graph.html in the {b.get('page') or '?'})")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


_CHILD = r"""
import json, resource, sys, time
from kg.pipeline import run_build
t0 = time.perf_counter()
if sys.argv[3] == "baseline":
    sys.path.insert(0, sys.argv[4])
    from bench_build import baseline
    from pathlib import Path
    baseline(Path(sys.argv[1]), Path(sys.argv[2]))
else:
    run_build([sys.argv[1]], sys.argv[2], progress=False, workers=2, html=sys.argv[3] != "no-html")
seconds = time.perf_counter() - t0
import multiprocessing
while multiprocessing.active_children():  # the released workers, reaped so that their peak counts
    time.sleep(0.05)
print(json.dumps({"seconds": seconds,
                  "self_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                  "children_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))
"""


def memory(args) -> int:
    work = Path(tempfile.mkdtemp(prefix="bench-build-mem-"))
    try:
        print(f"{'articles':>8} {'run':>12} {'seconds':>8} {'peak RSS build process':>23} {'peak RSS largest worker':>24}",
              flush=True)
        for n in args.memory:
            inputs = work / f"in{n}"
            make_inputs(inputs, n)
            runs = ["workers-2", *(["no-html"] if args.no_html else []), *(["baseline"] if args.baseline_memory else [])]
            for run in runs:
                out = work / f"out{n}-{run}"
                proc = subprocess.run([sys.executable, "-c", _CHILD, str(inputs), str(out), run, str(ROOT / "benchmarks")],
                                      capture_output=True, text=True)
                if proc.returncode != 0:
                    print(proc.stderr[-2000:], file=sys.stderr)
                    sys.exit(f"the build of {n} articles failed")
                r = json.loads(proc.stdout.strip().splitlines()[-1])
                label = {"workers-2": "--workers 2", "no-html": "+ --no-html", "baseline": "baseline"}[run]
                worker = f"{r['children_kb'] / 1024:21.0f} MB" if run != "baseline" else f"{'-':>24}"
                print(f"{n:8d} {label:>12} {r['seconds']:8.1f} {r['self_kb'] / 1024:20.0f} MB {worker}", flush=True)
                shutil.rmtree(out, ignore_errors=True)
            shutil.rmtree(inputs, ignore_errors=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1000, help="articles in the throughput run (default 1000)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="worker counts to run (default 1 2)")
    parser.add_argument("--skip-baseline", action="store_true", help="do not run today's single-process path")
    parser.add_argument("--memory", type=int, nargs="+", metavar="N", help="peak RSS of kg build --workers 2 at these sizes")
    parser.add_argument("--baseline-memory", action="store_true", help="with --memory: the single-process path too")
    parser.add_argument("--no-html", action="store_true", help="with --memory: kg build --no-html too")
    args = parser.parse_args(argv)
    if args.memory:
        return memory(args)
    return throughput(args)


if __name__ == "__main__":
    sys.exit(main())
