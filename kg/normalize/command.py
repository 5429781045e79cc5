"""``kg normalize PATH... [--json]``: metadata and normalized text per article."""

from __future__ import annotations

import json
import sys
from typing import TextIO

from kg.doc import Article, ReadError


def article_record(article: Article) -> dict:
    meta = article.meta
    return {
        "file": article.source,
        "title": meta.title,
        "date": meta.date.isoformat() if meta.date else None,
        "publisher": meta.publisher,
        "editors": meta.editors,
        "reporters": meta.reporters,
        "script": meta.script,
        "conversion": meta.conversion,
        "text": article.text,
        "sentences": [{"start": s.start, "end": s.end} for s in article.sentences],
        "errors": list(article.errors),
    }


def error_record(error: ReadError) -> dict:
    return {
        "file": error.source,
        "title": None,
        "date": None,
        "publisher": None,
        "editors": [],
        "reporters": [],
        "script": None,
        "conversion": None,
        "text": None,
        "sentences": [],
        "errors": [error.reason],
    }


def _print_article(article: Article, out: TextIO) -> None:
    meta = article.meta
    out.write(f"== {article.source}\n")
    out.write(f"title:     {meta.title or '-'}\n")
    out.write(f"date:      {meta.date.isoformat() if meta.date else '-'}\n")
    out.write(f"publisher: {meta.publisher or '-'}\n")
    out.write(f"editors:   {', '.join(meta.editors) or '-'}\n")
    out.write(f"reporters: {', '.join(meta.reporters) or '-'}\n")
    out.write(f"script:    {meta.script}" + (f" (converted with {meta.conversion})" if meta.conversion else "") + "\n")
    out.write(f"sentences: {len(article.sentences)}\n")
    for problem in article.errors:
        out.write(f"note:      {problem}\n")
    out.write("\n" + article.text + "\n\n")


def run_normalize(paths: list[str], as_json: bool, max_bytes: int, out: TextIO) -> int:
    from kg.normalize.pipeline import normalize
    from kg.reading.reader import read_inputs

    failed = 0
    read = 0
    for item in read_inputs(paths, max_bytes):
        if isinstance(item, ReadError):
            failed += 1
            print(f"kg normalize: {item.source}: {item.reason}", file=sys.stderr)
            if as_json:
                out.write(json.dumps(error_record(item), ensure_ascii=False) + "\n")
            continue
        read += 1
        normalize(item)
        if as_json:
            out.write(json.dumps(article_record(item), ensure_ascii=False) + "\n")
        else:
            _print_article(item, out)
    if failed:
        print(f"kg normalize: {read} read, {failed} failed", file=sys.stderr)
    return 1 if failed else 0
