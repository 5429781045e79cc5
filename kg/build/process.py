"""Settings of a building process and of its workers (the garbage collector)."""

from __future__ import annotations

import gc
from contextlib import contextmanager

#: the young generation's threshold of the garbage collector in a building process and
#: in its workers (Python's default: 700; see :func:`fewer_collections`)
GC_YOUNG_THRESHOLD = 50_000


def raise_young_threshold() -> tuple[int, int, int]:
    """The young generation's threshold raised to :data:`GC_YOUNG_THRESHOLD` (a higher one
    is kept); the thresholds before."""
    old = gc.get_threshold()
    gc.set_threshold(max(old[0], GC_YOUNG_THRESHOLD), *old[1:])
    return old


@contextmanager
def fewer_collections():
    """Python's cyclic garbage collector, less often, while the building process holds the
    corpus: it runs a full collection (a walk over every object) whenever the young
    generations have been collected often enough, and the records, the resolved entities
    and the page graph are hundreds of thousands of objects: seven full collections cost
    1.5 s of a 4.7 s ``kg add`` and 1.0 s of the 1,000-article build's building process.
    The workers keep the setting for their life (:func:`kg.build.worker.init_worker`:
    about 0.6 s of their 1,000-article build's CPU). With a young threshold of 50,000
    allocations instead of 700 (the older generations' unchanged), cycles are still
    collected, and a full walk comes after 5 million allocations instead of 70,000."""
    old = raise_young_threshold()
    try:
        yield
    finally:
        gc.set_threshold(*old)
