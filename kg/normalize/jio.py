"""JioNLP, imported lazily and quietly (its import prints a banner to stdout,
which would corrupt ``kg normalize --json`` output) and only once."""

from __future__ import annotations

import contextlib
import io
from functools import lru_cache


@lru_cache(maxsize=1)
def jionlp():
    with contextlib.redirect_stdout(io.StringIO()):
        import jionlp as module
    return module
