"""Queries on a big graph: rdflib (kg query on a bare graph.ttl) against the
Oxigraph store (kg query on a kg build output folder), in the same run.

    python3 benchmarks/bench_query.py                          # ~1M triples
    python3 benchmarks/bench_query.py --triples 100000 300000  # several sizes
    python3 benchmarks/bench_query.py --graph out/graph.ttl    # replicate another graph

The graph is the seeds' graph (``kg build seeds``, or ``--graph``) replicated
with renamed IRIs (``https://w3id.org/zhkg/id/r<k>/...``) until it has about
``--triples`` triples; the ontology is kept once. The names (rdfs:label,
skos:altLabel) of copy k > 0 get a suffix ``·k``, so a query for one name
(provenance.rq, visits_by_official.rq) finds one entity in a big graph, as it
would in a real one; ``--same-labels`` keeps the names, and then that name is in
every copy and the work of those queries grows with the number of copies. This
is for size only, never for quality. For each size it times

- load: rdflib parsing graph.ttl (:func:`kg.rdf.loading.load_graph`) against
  bulk-loading it into a fresh store (:func:`kg.store.write_store`);
- each query: :func:`kg.query.execute` on the loaded rdflib graph against
  :func:`kg.store.query_store` (what ``kg query OUT`` runs: a worker process
  that opens the store read-only, answers and exits; its fixed cost is
  printed as "worker overhead");

checks that both engines give the same number of rows, and prints the ratios.
A query longer than ``--timeout`` seconds is stopped and shown as ``>N``.
"""

from __future__ import annotations

import argparse
import gc
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ["provenance.rq", "events.rq", "visits_by_official.rq"]
ID = "https://w3id.org/zhkg/id/"


def seeds_graph(work: Path) -> Path:
    from kg.pipeline import run_build

    out = work / "seeds"
    code = run_build([str(ROOT / "seeds")], str(out), progress=False)
    if code not in (0, 1):
        sys.exit(f"kg build seeds failed (exit {code})")
    return out / "graph.ttl"


#: stands for the copy number in the labels of the template copy
MARK = "⟦copy⟧"


def synthetic(source: Path, triples: int, path: Path, same_labels: bool = False) -> int:
    """Write ``path`` (Turtle): the ontology once, the instance triples of ``source``
    copied with renamed IRIs until about ``triples`` triples; returns the count.

    Copy k > 0 also has its entities' names (rdfs:label, skos:altLabel) suffixed
    with ``·k`` unless ``same_labels``: a query for one name then finds one
    entity, as in a real graph, not one per copy."""
    from rdflib import Literal, URIRef
    from rdflib.namespace import RDFS, SKOS

    from kg.rdf.loading import load_graph
    from kg.rdf.namespaces import new_graph

    graph = load_graph(source)
    instance, ontology = new_graph(), new_graph()
    for s, p, o in graph:
        if not (isinstance(s, URIRef) and str(s).startswith(ID)):
            ontology.add((s, p, o))
            continue
        if not same_labels and p in (RDFS.label, SKOS.altLabel) and isinstance(o, Literal) and o.language:
            o = Literal(f"{o}{MARK}", lang=o.language)
        instance.add((s, p, o))

    def body(g) -> str:
        text = g.serialize(format="turtle")
        return "\n".join(line for line in text.splitlines() if not line.startswith("@prefix"))

    prefixes = "\n".join(line for line in graph.serialize(format="turtle").splitlines() if line.startswith("@prefix"))
    copies = max(1, round((triples - len(ontology)) / max(1, len(instance))))
    one = body(instance)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(prefixes + "\n\n" + body(ontology) + "\n")
        for k in range(copies):
            fh.write(one.replace(f"<{ID}", f"<{ID}r{k}/").replace(MARK, f"·{k}" if k else "") + "\n")
    return len(ontology) + copies * len(instance)


def timed(fn):
    gc.collect()
    t0 = time.perf_counter()
    value = fn()
    return time.perf_counter() - t0, value


def fmt_s(seconds: float | None, limit: float) -> str:
    return f">{limit:g}" if seconds is None else f"{seconds:.2f}"


def ratio(a: float | None, b: float | None) -> str:
    if a is None or b is None:
        return "—"
    return f"{a / b:.0f}×" if a / b >= 10 else f"{a / b:.1f}×"


def run_size(source: Path, triples: int, work: Path, limit: float, same_labels: bool) -> list[tuple]:
    from kg.query import QueryTimeout, execute
    from kg.rdf.loading import load_graph
    from kg.store import query_store, write_store

    folder = work / f"g{triples}"
    folder.mkdir()
    graph_ttl = folder / "graph.ttl"
    n = synthetic(source, triples, graph_ttl, same_labels)
    size_mb = graph_ttl.stat().st_size / 1e6
    print(f"\n{n:,} triples ({size_mb:.0f} MB of Turtle)", flush=True)
    rows: list[tuple] = []

    store_load, _ = timed(lambda: write_store(graph_ttl, folder / "store"))
    overhead, _ = timed(lambda: query_store(folder / "store", "ASK { ?s ?p ?o }", timeout=None))
    store_times, store_rows = {}, {}
    for name in QUERIES:
        text = (ROOT / "queries" / name).read_text(encoding="utf-8")
        try:
            store_times[name], answer = timed(lambda: query_store(folder / "store", text, timeout=limit))
            store_rows[name] = len(answer.rows)
        except QueryTimeout:
            store_times[name], store_rows[name] = None, None

    try:
        rdf_load, graph = timed(lambda: load_graph(graph_ttl))
    except MemoryError:
        rdf_load, graph = None, None
    rows.append((n, "load", rdf_load, store_load, None, None))
    print(f"  load: rdflib {fmt_s(rdf_load, limit)} s, store {store_load:.2f} s "
          f"(worker overhead per query {overhead:.2f} s)", flush=True)
    for name in QUERIES:
        text = (ROOT / "queries" / name).read_text(encoding="utf-8")
        seconds, count = None, None
        if graph is not None:
            try:
                seconds, answer = timed(lambda: execute(graph, text, timeout=limit))
                count = len(answer.rows)
            except QueryTimeout:
                pass
        if None not in (count, store_rows[name]) and count != store_rows[name]:
            sys.exit(f"{name}: rdflib {count} rows, store {store_rows[name]} rows: the engines disagree")
        rows.append((n, name, seconds, store_times[name], store_rows[name] if count is None else count, overhead))
        print(f"  {name}: rdflib {fmt_s(seconds, limit)} s, store {fmt_s(store_times[name], limit)} s, "
              f"{rows[-1][4]} rows", flush=True)
    graph = None  # free it before the next size
    shutil.rmtree(folder, ignore_errors=True)
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=int, nargs="+", default=[1_000_000], help="graph sizes (default 1,000,000)")
    parser.add_argument("--graph", type=Path, help="the graph to replicate (default: kg build seeds, built here)")
    parser.add_argument("--same-labels", action="store_true",
                        help="keep the names in every copy (a query for one name then matches one entity per copy)")
    parser.add_argument("--timeout", type=float, default=600,
                        help="stop a query (either engine) after this many seconds (default 600)")
    args = parser.parse_args(argv)

    from kg.logs import setup_logging

    setup_logging("WARNING")
    with tempfile.TemporaryDirectory(prefix="bench-query-") as tmp:
        work = Path(tmp)
        source = args.graph or seeds_graph(work)
        table = []
        for triples in args.triples:
            table += run_size(source, triples, work, args.timeout, args.same_labels)

    print("\n| triples | step | rdflib s | store s | rdflib / store | rows |")
    print("|---:|---|---:|---:|---:|---:|")
    for n, step, rdf, store, count, _ in table:
        print(f"| {n:,} | {step} | {fmt_s(rdf, args.timeout)} | {fmt_s(store, args.timeout)} | "
              f"{ratio(rdf, store)} | "
              f"{'' if count is None else f'{count:,}'} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
