"""Size and load-to-stable time of the HTML graph page for generated graphs.

    python3 benchmarks/bench_html.py                          # 2,000 and 20,000 entities, 3 runs each
    python3 benchmarks/bench_html.py --sizes 500,2000 --runs 5
    python3 benchmarks/bench_html.py --nodes 500 --runs 3     # one size

Writes each page with ``kg.export.html.write_html`` (default ``max_nodes``, 2,000),
opens it from disk in headless Debian chromium (scripts/install-browser.sh) with
the network cut, and reports the time from navigation start until the layout
has stabilised and physics stopped, the page size in bytes and the Python
export time. The first size is the baseline: time and size of every size are
also given as a ratio to it, measured in the same run (runs of the sizes are
interleaved, so a slow spell of the machine hits all of them). Where the page
does not draw everything it also times, in the page's script, opening an
undrawn entity found by search and opening the largest group (the drawing
that follows is not counted). Prints one JSON line per size, then a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

INTERACT = """() => {
  const out = { drawnNodes: kgApp.nodes.length, drawnEdges: kgApp.edges.length,
                groups: kgApp.nodes.get().filter(n => n.kgType === 'Cluster').length };
  let hidden = -1;
  for (let i = 0; i < kgApp.data.entities.iri.length; i++) if (!kgApp.isDrawn(i)) { hidden = i; break; }
  if (hidden >= 0) {
    let t = performance.now();
    kgApp.search(kgApp.data.entities.name[hidden]);
    out.searchOpenMs = performance.now() - t;
    out.searchOpened = kgApp.isDrawn(hidden);
    if (out.groups) {
      kgApp.reset();
      t = performance.now();
      out.groupOpened = kgApp.expandGroup(0);
      out.expandGroupMs = performance.now() - t;
    }
  }
  return out;
}"""


def open_once(browser, html: Path) -> dict:
    from tests.browser.harness import PageSession

    session = PageSession(browser, html)
    try:
        page = session.open(timeout_ms=600_000)
        out = {"stable_ms": page.evaluate("kgApp.stableMs"), "built_ms": page.evaluate("kgApp.marks.networkBuilt")}
        out.update(page.evaluate(INTERACT))
        session.assert_offline_and_clean()
        return out
    finally:
        session.close()


def markdown(results: list[dict]) -> str:
    rows = [
        "| entities | relations | drawn nodes (groups) | page size | × | export s | load to stable, median (runs) | × | open a search hit | open a group |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        runs = ", ".join(f"{x / 1000:.1f}" for x in r["load_to_stable_ms"])
        search = f"{r['search_open_ms']:.0f} ms" if r.get("search_open_ms") is not None else "–"
        group = f"{r['expand_group_ms']:.0f} ms ({r['group_opened']} drawn)" if r.get("expand_group_ms") is not None else "–"
        rows.append(
            f"| {r['entities']:,} | {r['relations']:,} | {r['drawn_nodes']:,} ({r['groups']}) | {r['page_bytes'] / 1e6:.1f} MB | "
            f"{r['page_ratio']:.2f} | {r['export_seconds']:.1f} | {r['load_to_stable_ms_median'] / 1000:.1f} s ({runs}) | "
            f"{r['stable_ratio']:.2f} | {search} | {group} |"
        )
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    from kg.analytics import to_networkx
    from kg.export.html import write_html
    from tests.browser.harness import CHROMIUM_ARGS, chromium_path
    from tests.graph_samples import generated_graph

    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="2000,20000", help="entity counts, comma-separated; the first is the baseline")
    ap.add_argument("--nodes", type=int, help="one size only (same as --sizes N)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    sizes = [args.nodes] if args.nodes else [int(x) for x in args.sizes.split(",") if x.strip()]

    browser_path = chromium_path()
    if browser_path is None:
        print("no chromium: run scripts/install-browser.sh", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    results: list[dict] = []
    with tempfile.TemporaryDirectory() as tmp:
        pages = []
        for n in sizes:
            graph = generated_graph(n, seed=args.seed)
            t0 = time.perf_counter()
            html = write_html(graph, Path(tmp) / f"graph-{n}.html")
            export_s = time.perf_counter() - t0
            pages.append((n, to_networkx(graph).number_of_edges(), html, export_s))
        runs: dict[int, list[dict]] = {n: [] for n in sizes}
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=browser_path, args=CHROMIUM_ARGS)
            for _ in range(args.runs):
                for n, _edges, html, _export in pages:
                    runs[n].append(open_once(browser, html))
            browser.close()
        for n, edges, html, export_s in pages:
            first = runs[n][0]
            stable = [r["stable_ms"] for r in runs[n]]
            searched = [r["searchOpenMs"] for r in runs[n] if "searchOpenMs" in r]
            expanded = [r["expandGroupMs"] for r in runs[n] if "expandGroupMs" in r]
            results.append({
                "entities": n,
                "relations": edges,
                "drawn_nodes": first["drawnNodes"],
                "drawn_edges": first["drawnEdges"],
                "groups": first["groups"],
                "page_bytes": html.stat().st_size,
                "export_seconds": round(export_s, 2),
                "load_to_stable_ms": [round(x) for x in stable],
                "load_to_stable_ms_median": round(statistics.median(stable)),
                "search_open_ms": round(statistics.median(searched), 1) if searched else None,
                "expand_group_ms": round(statistics.median(expanded), 1) if expanded else None,
                "group_opened": first.get("groupOpened"),
            })
    base = results[0]
    for r in results:
        r["stable_ratio"] = round(r["load_to_stable_ms_median"] / base["load_to_stable_ms_median"], 2)
        r["page_ratio"] = round(r["page_bytes"] / base["page_bytes"], 2)
        print(json.dumps(r))
    print()
    print(markdown(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
