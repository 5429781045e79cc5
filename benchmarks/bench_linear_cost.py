"""Cost against length: 4x the characters of unpunctuated text must cost at most
6x the time (issue: robustness, "huge input"). Prints the two timings and their
ratio, measured in one process, interleaved, best of three.

    python3 benchmarks/bench_linear_cost.py

This was a timed test; timing belongs in a benchmark (a loaded machine made the
test fail without any change in the code). The parts themselves are checked by
tests/robustness/test_linear_cost.py.
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_65209c79ac6c9c30.txt"


def _unpunctuated(n: int) -> str:
    base = re.sub(r"[，。、；：！？\n“”《》（）\s]", "", SEED.read_text(encoding="utf-8"))
    return (base * (n // len(base) + 1))[:n]


def _seconds(text: str, backend) -> float:
    from kg.doc import Article
    from kg.pipeline import analyze_article
    from kg.reading.parts import split_long

    t0 = time.perf_counter()
    for part in split_long(Article(source="long.txt", raw=text)):
        analyze_article(part, backend)
    return time.perf_counter() - t0


def main() -> int:
    from kg.nlp.loader import load_backend
    from kg.reading.parts import PART_CHARS

    backend = load_backend(None)
    short_text, long_text = _unpunctuated(2 * PART_CHARS), _unpunctuated(8 * PART_CHARS)
    small = large = float("inf")
    for _ in range(3):  # interleaved: other load on the machine hits both alike
        small = min(small, _seconds(short_text, backend))
        large = min(large, _seconds(long_text, backend))
    ratio = large / small
    print(f"{len(short_text)} chars: {small:.2f} s; {len(long_text)} chars: {large:.2f} s; "
          f"ratio {ratio:.2f} for 4x the length (bound 6)")
    return 0 if ratio <= 6 else 1


if __name__ == "__main__":
    sys.exit(main())
