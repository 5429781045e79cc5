"""JioNLP, imported lazily and quietly (its import prints a banner to stdout,
which would corrupt ``kg normalize --json`` output) and only once.

JioNLP unpacks its dictionaries into its own package folder the first time it
is imported. Two zhkg processes importing it together on a fresh install
would see each other's half-written files, so the first import is serialized
across processes with a lock file (POSIX ``flock``; elsewhere the import is
unguarded). zhkg uses JioNLP only through its API: no file of JioNLP's is read
by path (the place gazetteer ships as zhkg's own data).
"""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
from functools import lru_cache


@contextlib.contextmanager
def _first_import_lock():
    try:
        import fcntl
    except ImportError:  # not POSIX: no cross-process lock
        yield
        return
    path = os.path.join(tempfile.gettempdir(), "zhkg-jionlp-import.lock")
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
    except OSError:  # unwritable temp folder: import unguarded
        yield
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


@lru_cache(maxsize=1)
def jionlp():
    with _first_import_lock(), contextlib.redirect_stdout(io.StringIO()):
        import jionlp as module
    return module
