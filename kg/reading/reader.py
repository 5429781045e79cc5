"""Files, folders and standard input -> Article (raw text) or ReadError.

A bad input never stops the batch: it becomes a :class:`ReadError` naming
the file and the reason (missing, unreadable, empty, over the size limit,
binary, undecodable, no text in an HTML page) and the next one is read.

``Article.source`` is the file's name (the graph contract's ``kg:sourceFile``)
and unique in a batch: a second file with a name already taken (``x/a.txt``
and ``y/a.txt``) is named by the shortest end of its path that tells it apart
(``y/a.txt``; never an absolute path). ``kg add`` passes the files of its graph's
articles as ``known``: they keep their names; and the names of the articles whose
files are still there as ``taken``: a new file takes none of them. A file given
twice is read once. Standard input (``-``, once) is
named by its content (:func:`stdin_source`). A name (and path) that is not
valid UTF-8 is written with its bad bytes escaped (``bad\\xffname.txt``), so it
can go into the records, the IRIs, report.json and messages.
"""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from kg.doc import Article, ReadError
from kg.reading.encoding import DecodeFailure, decode_bytes, escaped
from kg.reading.html import extract_html_text, looks_like_html

TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
STDIN = "-"
#: the name of standard input where it gives no text to name an article by (empty, too large)
STDIN_SOURCE = "<stdin>"


def _files_under(folder: Path) -> list[Path]:
    """The article files under ``folder``, sorted; hidden entries and the output
    folders of earlier builds inside it (their graph.html is no article) left out."""
    from kg.export.outdir import LOCK_NAME

    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not (Path(root) / d / LOCK_NAME).exists())
        for name in files:
            if not name.startswith(".") and name.lower().endswith(TEXT_SUFFIXES + HTML_SUFFIXES):
                found.append(Path(root) / name)
    return sorted(found, key=lambda p: p.relative_to(folder).as_posix())


def _to_article(data: bytes, source: str, path: str | None, html: bool | None) -> Article | ReadError:
    """The article of ``data``; ``html``: True for a page (.html), False for text (.txt:
    still a page when it opens as one, <!DOCTYPE html> or <html>), None to tell by its content."""
    try:
        decoded = decode_bytes(data)
    except DecodeFailure as exc:
        return ReadError(source, str(exc))
    errors = []
    if decoded.replaced:
        from kg.logs import command, logger

        errors.append(f"{decoded.replaced} character(s) that could not be decoded as UTF-8 read as U+FFFD "
                      "(a damaged or cut-off file)")
        logger().warning(f"{command()}: {source}: {errors[-1]}")
    text = decoded.text
    if html or looks_like_html(text, strict=html is False):
        text = extract_html_text(text)
        if not text.strip():
            return ReadError(source, "no article text found in the HTML page")
    if not text.strip():
        return ReadError(source, "empty file (only whitespace)")
    return Article(source=source, raw=text, path=path, errors=errors)


def read_file(path: Path, max_bytes: int, source: str | None = None) -> Article | ReadError:
    source = source or escaped(path.name, name=True)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return ReadError(source, f"file too large: {size} bytes, limit {max_bytes} (--max-bytes)")
        if size == 0:
            return ReadError(source, "empty file")
        data = path.read_bytes()
    except OSError as exc:
        return ReadError(source, f"cannot read: {exc.strerror or exc}")
    suffix = path.suffix.lower()
    html = True if suffix in HTML_SUFFIXES else (False if suffix in TEXT_SUFFIXES else None)
    return _to_article(data, source, file_key(path), html)


def stdin_source(data: bytes) -> str:
    """The name of an article read from standard input: ``stdin-`` and the first 12 hex
    digits of its bytes' SHA-256, so that two texts are two articles and the same text,
    given again (``kg add -``), is the same article."""
    return f"stdin-{hashlib.sha256(data).hexdigest()[:12]}"


def read_stream(stream: BinaryIO, max_bytes: int, source: str | None = None) -> Article | ReadError:
    """The article of ``stream``, named ``source`` or else by :func:`stdin_source`."""
    try:
        data = stream.read(max_bytes + 1)
    except OSError as exc:
        return ReadError(source or STDIN_SOURCE, f"cannot read: {exc.strerror or exc}")
    if len(data) > max_bytes:
        return ReadError(source or STDIN_SOURCE, f"input too large: over the limit of {max_bytes} bytes (--max-bytes)")
    if not data:
        return ReadError(source or STDIN_SOURCE, "empty input")
    return _to_article(data, source or stdin_source(data), None, None)


def _unique_source(candidates: list[str], taken: set[str]) -> str:
    """The first candidate not taken yet (the last one numbered ``~2``, ``~3`` ... if all are)."""
    for name in candidates:
        if name not in taken:
            return name
    n = 2
    while f"{candidates[-1]}~{n}" in taken:
        n += 1
    return f"{candidates[-1]}~{n}"


def _real(path: Path) -> str:
    try:
        return str(path.resolve())
    except OSError:
        return str(path.absolute())


def file_key(path: str | Path) -> str:
    """What tells one file from another across runs: its resolved path, escaped
    (``Article.path``, the path a build's manifest records)."""
    return escaped(_real(Path(path)), name=True)


def same_file(recorded: str | None, key: str) -> bool:
    """Whether ``recorded``, the path a build's manifest holds for an article, is the
    file of ``key`` (:func:`file_key`). Builds record :func:`file_key`; older ones
    recorded the path as typed, which may be relative to a folder no longer known:
    such a path is the file whose resolved path ends with it (``a/x.txt``), wherever
    ``kg add`` runs."""
    if not recorded:
        return False
    if os.path.isabs(recorded):
        return recorded == key or file_key(recorded) == key
    tail = tuple(p for p in Path(os.path.normpath(recorded)).parts if p not in (".", ".."))
    return bool(tail) and Path(key).parts[-len(tail):] == tail


def _longer(file: Path) -> list[str]:
    """The ends of ``file``'s absolute path of two parts and more (``b/x.txt``,
    ``dup/b/x.txt`` ...), up to the whole path without its root: never absolute."""
    parts = Path(os.path.abspath(file)).parts[1:]
    return ["/".join(parts[-k:]) for k in range(2, len(parts) + 1)]


def _listed(paths: list[str]) -> Iterator[tuple[Path | None, list[str]] | ReadError]:
    """``paths`` as ``(file, names it may take, first choice first)``; ``(None, [])``
    for standard input; a ReadError for a path that cannot be read."""
    for given in paths:
        if given == STDIN:
            yield None, []
            continue
        if not given:  # Path("") is the current folder
            yield ReadError('""', "empty path: it names no file or folder")
            continue
        path = Path(given)
        if path.is_dir():
            try:
                files = _files_under(path)
            except OSError as exc:
                yield ReadError(escaped(given), f"cannot list folder: {exc.strerror or exc}")
                continue
            for file in files:
                relative = file.relative_to(path).as_posix()
                within = f"{path.absolute().name}/{relative}" if path.absolute().name else relative
                yield file, [file.name, relative, within, *_longer(file)]
        elif path.exists():
            yield path, [path.name, *_longer(path)]
        else:
            yield ReadError(escaped(given), "no such file or folder")


def gone(recorded: str | None) -> bool:
    """Whether the file a build's manifest recorded (``recorded``) is known to be no
    longer there (moved or deleted); False where that cannot be told: standard input,
    an older build's relative path, a name with escaped bytes."""
    return bool(recorded) and os.path.isabs(recorded) and "\\" not in recorded and not os.path.lexists(recorded)


def read_inputs(paths: list[str], max_bytes: int, known: dict[str, str] | None = None,
                taken: set[str] | None = None) -> Iterator[Article | ReadError]:
    """Every input in order: files as given, folders recursively (sorted;
    .txt/.html/.htm only), ``-`` for standard input. Sources are unique.

    ``known``: the names of files read before (the path their build recorded ->
    name: the articles of the graph ``kg add`` adds to, :func:`same_file`); such a
    file keeps its name, and no other file of these inputs takes it. ``taken``: names
    no other file takes either (``kg add``: those of the graph's articles whose files
    are still there, so that a new file of such a name gets a longer one)."""
    known = known or {}
    # a path this build recorded is a file_key already; an older build's absolute one as typed
    exact = {k: name for p, name in known.items() if os.path.isabs(p) for k in {p, file_key(p)}}
    older = {p: name for p, name in known.items() if not os.path.isabs(p)}  # relative: an older build's
    listed = list(_listed(paths))
    kept = {}  # resolved path -> the name it keeps
    for entry in listed:
        if isinstance(entry, tuple) and entry[0] is not None:
            key = file_key(entry[0])
            name = exact.get(key) or next((n for p, n in older.items() if same_file(p, key)), None)
            if name is not None:
                kept[_real(entry[0])] = name
    taken = set(taken or ()) | set(kept.values())
    seen_files: set[str] = set()
    for entry in listed:
        if isinstance(entry, ReadError):
            yield entry
            continue
        file, candidates = entry
        if file is None:
            item = read_stream(sys.stdin.buffer, max_bytes)
            taken.add(item.source)
            yield item
            continue
        real = _real(file)
        if real in seen_files:  # given twice
            continue
        seen_files.add(real)
        source = kept.get(real) or _unique_source([escaped(c, name=True) for c in candidates], taken)
        taken.add(source)
        yield read_file(file, max_bytes, source)
