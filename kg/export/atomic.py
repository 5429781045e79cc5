"""Atomic file writes: a crash never leaves a half-written output behind."""

from __future__ import annotations

import os
import signal
import tempfile
from contextlib import contextmanager
from pathlib import Path


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: str | os.PathLike, data: str | bytes, encoding: str = "utf-8") -> Path:
    """Write ``data`` to ``path`` via a temporary file in the same folder and os.replace."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = data.encode(encoding) if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(raw)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; outputs get the usual mode
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    return path


@contextmanager
def signals_held(signums: tuple = (signal.SIGINT, signal.SIGTERM), done: str = ""):
    """Hold off Ctrl-C (SIGINT) and SIGTERM while the block runs, then deliver what
    came: for a few renames that must all happen or none (a build's outputs and the
    manifest that describes them). Outside the main thread nothing is held.

    A signal that would stop the process (its handler Python's default for Ctrl-C, or
    the system's, SIGTERM's) stops it as Ctrl-C does: KeyboardInterrupt, so that the
    callers' clean-up runs (a SIGTERM re-raised would kill the process on the spot,
    staging folders left behind); its message is ``done`` once the block has run
    through ("after the outputs were replaced"). A signal with a handler of its own
    gets it."""
    caught: list[int] = []
    previous: dict = {}
    try:
        for signum in signums:
            handler = signal.getsignal(signum)
            if handler is not None:  # None: set outside Python, cannot be put back
                previous[signum] = signal.signal(signum, lambda n, _frame: caught.append(n))
    except ValueError:  # not the main thread
        pass
    finished = False
    try:
        yield
        finished = True
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        stop = False
        for signum in dict.fromkeys(caught):
            if previous[signum] in (signal.SIG_DFL, signal.default_int_handler):
                stop = True
            else:
                signal.raise_signal(signum)
        if stop:
            raise KeyboardInterrupt(done if finished else "")
