"""Atomic file writes: a crash never leaves a half-written output behind."""

from __future__ import annotations

import errno
import os
import signal
import stat
import tempfile
from contextlib import contextmanager
from pathlib import Path


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def not_a_file(path: str | os.PathLike) -> str | None:
    """What stands at ``path`` when it is neither absent nor a regular file (``a folder``,
    ``a symbolic link``, ``a FIFO``, ``a character device``, ``a block device``, ``a
    socket``), else None. The link itself is named, not what it points to."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return None
    for test, what in ((stat.S_ISREG, None), (stat.S_ISDIR, "a folder"), (stat.S_ISLNK, "a symbolic link"),
                       (stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return what
    return "not a regular file"


def _through_proc(path: str) -> bool:
    """Whether a symbolic link on the way from ``path`` lies under /proc (``/dev/stdout``
    is ``/proc/self/fd/1``): its target is the process's open file, written as it stands."""
    for _ in range(40):
        if not os.path.islink(path):
            return False
        folder = os.path.realpath(os.path.dirname(os.path.abspath(path)))
        if folder == "/proc" or folder.startswith("/proc/"):
            return True
        path = os.path.join(os.path.dirname(path), os.readlink(path))
    return False


def write_atomic(path: str | os.PathLike, data: str | bytes, encoding: str = "utf-8") -> Path:
    """Write ``data`` to ``path`` via a temporary file in the same folder and os.replace.

    Only a regular file (or none) is replaced so: a symbolic link is written through
    (the file it points to is replaced, the link stays); a FIFO or a character device
    (``-o /dev/stdout``, a named pipe), or anything reached through /proc, is written
    straight into, as a shell's ``>`` would (nothing to replace atomically there); a
    block device, a socket or anything else is refused with an OSError (nothing written)."""
    path = Path(path)
    raw = data.encode(encoding) if isinstance(data, str) else data
    try:
        mode = os.stat(path).st_mode  # through links
    except FileNotFoundError:
        mode = None
    if mode is not None and (stat.S_ISFIFO(mode) or stat.S_ISCHR(mode)
                             or (stat.S_ISREG(mode) and _through_proc(str(path)))):
        fd = os.open(path, os.O_WRONLY | os.O_APPEND)  # a shell's > truncated a file already; a log's >> holds
        with os.fdopen(fd, "wb") as fh:
            fh.write(raw)
        return path
    if mode is not None and not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
        what = not_a_file(os.path.realpath(path)) or "not a regular file"
        raise OSError(errno.EEXIST, f"it is {what}, not a file kg can replace: choose another output")
    if path.is_symlink():  # the link stays, its file is replaced; its folder must be there (as for a shell's >)
        target = Path(os.path.realpath(path))
        if not target.parent.is_dir():
            raise FileNotFoundError(errno.ENOENT, f"the link points into a folder that does not exist: {target.parent}")
    else:
        target = path
        target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(raw)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; outputs get the usual mode
        os.replace(tmp, target)
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
