"""The build's output folder: checked before any article is processed, held
by one build at a time, written through a staging folder.

:func:`claim_output` checks that OUT is (or can become) a writable folder and
takes an exclusive lock on ``OUT/.kg-build.lock`` (``flock``: released by the
kernel when the process ends, even on ``kill -9``). A second build into the
same folder fails at once with a clear message instead of racing the first.
While the lock is held, staging folders left by a killed build are stale and
are removed; no live build's staging is ever touched.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

LOCK_NAME = ".kg-build.lock"


class OutputError(OSError):
    """The output folder cannot be used; the message says why and what to do."""


class OutputFolder:
    def __init__(self, path: Path, fd: int | None):
        self.path = path
        self._fd = fd

    def staging(self) -> Path:
        return Path(tempfile.mkdtemp(prefix=".staging-", dir=self.path))

    def publish(self, staging: Path, names: list[str]) -> None:
        """Move the staged files into place (each move atomic); the caller removes the
        staging folder (it may hold more to publish: :meth:`kg.build.run.Built.publish`)."""
        for name in names:
            os.replace(staging / name, self.path / name)

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> "OutputFolder":
        return self

    def __exit__(self, *exc) -> None:
        self.release()


def claim_output(out_dir: str | os.PathLike, option: str = "-o") -> OutputFolder:
    """Create and lock the output folder; ``option`` names it in messages (``--to`` for kg add)."""
    path = Path(out_dir)
    if path.exists() and not path.is_dir():
        raise OutputError(f"{path} exists and is not a folder: choose another {option}")
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create the output folder {path}: {exc.strerror or exc}") from exc
    if not os.access(path, os.W_OK | os.X_OK):
        raise OutputError(f"the output folder {path} is not writable: choose another {option} or fix its permissions")
    try:
        fd = os.open(path / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o666)
    except OSError as exc:
        raise OutputError(f"cannot write into the output folder {path}: {exc.strerror or exc}") from exc
    try:
        import fcntl
    except ImportError:  # not POSIX: no lock
        return OutputFolder(path, fd)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        raise OutputError(f"another kg build is writing into {path}: wait for it to finish or choose another {option}") from None
    for stale in path.glob(".staging-*"):  # left by a killed build: we hold the lock, so none is live
        shutil.rmtree(stale, ignore_errors=True)
    return OutputFolder(path, fd)
