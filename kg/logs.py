"""Logging and progress for the command line.

Everything the commands say goes through the ``kg`` logger (``logging``):
``--log-level`` picks what reaches the terminal (``--quiet`` is WARNING), and
``--log-file FILE`` also writes every record, with time and level, to a file.
A long loop shows a ``rich`` progress bar with rate and ETA when standard
error is a terminal, and one plain line per item otherwise (logs, CI).
"""

from __future__ import annotations

import logging
import sys
from contextlib import contextmanager

LOGGER = "kg"
LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")


def logger() -> logging.Logger:
    return logging.getLogger(LOGGER)


#: control characters (C0 but tab and newline, DEL, C1) written as escapes: a file name
#: holding a terminal escape sequence must not clear the screen or retitle the window
_CONTROL = {c: f"\\x{c:02x}" for c in [*range(0x00, 0x09), *range(0x0b, 0x20), *range(0x7f, 0xa0)]}


def shown(line: str) -> str:
    """``line`` with control characters as escapes (``\\x1b``), and the bytes of a path
    that are not UTF-8 too (``\\xff``): what a terminal, a pipe or a log file can take
    (a line printed rather than logged goes through it too)."""
    from kg.reading.encoding import escaped

    return escaped(line).translate(_CONTROL)


def shown_on_one_line(text: str) -> str:
    """:func:`shown`, and its line breaks written ``\\n``: a file name or an entity's
    label (web text) printed inside one line stays one line."""
    return shown(text.replace("\n", "\\n"))


class _Escaped(logging.Formatter):
    """A formatter whose lines are :func:`shown`."""

    def format(self, record: logging.LogRecord) -> str:
        return shown(super().format(record))


#: the command running, for messages of code shared by several commands (kg build, kg add)
_COMMAND = ["kg"]


def set_command(name: str) -> None:
    """Name the running command (``kg add``): :func:`command` gives it to shared code."""
    _COMMAND[0] = name


def command() -> str:
    """The running command's name for a message's prefix (``kg build``, ``kg add``)."""
    return _COMMAND[0]


def setup_logging(level: str = "INFO", log_file: str | None = None) -> None:
    """Configure the ``kg`` logger once per command (idempotent)."""
    log = logger()
    for h in list(log.handlers):
        if getattr(h, "_kg", False):
            log.removeHandler(h)
            h.close()
    log.setLevel(logging.DEBUG)
    log.propagate = False
    console = logging.StreamHandler(sys.stderr)
    console.setLevel(getattr(logging, level.upper(), logging.INFO))
    console.setFormatter(_Escaped("%(message)s"))
    console._kg = True  # type: ignore[attr-defined]
    log.addHandler(console)
    if log_file:
        fh = logging.FileHandler(log_file, encoding="utf-8")
        fh.setLevel(logging.DEBUG)
        fh.setFormatter(_Escaped("%(asctime)s %(levelname)s %(message)s"))
        fh._kg = True  # type: ignore[attr-defined]
        log.addHandler(fh)


def _console_level() -> int:
    for h in logger().handlers:
        if getattr(h, "_kg", False) and isinstance(h, logging.StreamHandler) and not isinstance(h, logging.FileHandler):
            return h.level
    return logging.WARNING  # not configured (library use): stay quiet


class _Lines:
    """One plain log line per item."""

    def __init__(self, total: int):
        self.total = total
        self.n = 0

    def advance(self, message: str, level: int = logging.INFO) -> None:
        self.n += 1
        logger().log(level, f"[{self.n}/{self.total}] {message}")


class _Bar(_Lines):
    """A rich progress bar; item lines go to the log file only (warnings still print)."""

    def __init__(self, total: int, label: str, progress):
        super().__init__(total)
        self._progress = progress
        self._task = progress.add_task(label, total=total)

    def advance(self, message: str, level: int = logging.INFO) -> None:
        self.n += 1
        self._progress.update(self._task, advance=1, description=message[:60])
        record = f"[{self.n}/{self.total}] {message}"
        if level >= logging.WARNING:
            self._progress.console.print(record, markup=False, highlight=False)
        for h in logger().handlers:  # the file still gets every line
            if isinstance(h, logging.FileHandler):
                h.handle(logger().makeRecord(LOGGER, level, "", 0, record, None, None))


@contextmanager
def progress(total: int, label: str):
    """``with progress(n, "articles") as p: p.advance("file: 3 entities")``."""
    if sys.stderr.isatty() and _console_level() <= logging.INFO and total > 1:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TextColumn, TimeRemainingColumn
        from rich.text import Text

        class Rate(ProgressColumn):
            def render(self, task) -> Text:
                return Text(f"{task.speed:.1f} {label}/s" if task.speed else f"- {label}/s")

        columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), Rate(), TimeRemainingColumn())
        with Progress(*columns, transient=True) as bar:
            yield _Bar(total, label, bar)
    else:
        yield _Lines(total)
