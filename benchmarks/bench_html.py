"""Size and load-to-stable time of the HTML graph page for a generated graph.

    python3 benchmarks/bench_html.py                # 2,000 entities
    python3 benchmarks/bench_html.py --nodes 500 --runs 3

Writes the page with ``kg.export.html.write_html``, opens it from disk in headless
Debian chromium (scripts/install-browser.sh) with the network cut, and prints the
time from navigation start until the layout has stabilised and physics stopped,
the Python export time and the page size in bytes.
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


def main(argv: list[str] | None = None) -> int:
    from kg.analytics import to_networkx
    from kg.export.html import write_html
    from tests.browser.harness import CHROMIUM_ARGS, PageSession, chromium_path
    from tests.graph_samples import generated_graph

    ap = argparse.ArgumentParser()
    ap.add_argument("--nodes", type=int, default=2000)
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)

    browser_path = chromium_path()
    if browser_path is None:
        print("no chromium: run scripts/install-browser.sh", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    graph = generated_graph(args.nodes, seed=args.seed)
    edges = to_networkx(graph).number_of_edges()
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        html = write_html(graph, Path(tmp) / "graph.html")
        export_s = time.perf_counter() - t0
        stable: list[float] = []
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=browser_path, args=CHROMIUM_ARGS)
            for _ in range(args.runs):
                session = PageSession(browser, html)
                try:
                    page = session.open(timeout_ms=300_000)
                    stable.append(page.evaluate("kgApp.stableMs"))
                    session.assert_offline_and_clean()
                finally:
                    session.close()
            browser.close()
        result = {
            "nodes": args.nodes,
            "edges": edges,
            "page_bytes": html.stat().st_size,
            "export_seconds": round(export_s, 2),
            "load_to_stable_ms": [round(x) for x in stable],
            "load_to_stable_ms_median": round(statistics.median(stable)),
        }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
