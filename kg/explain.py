"""Every decision can be explained: ``kg explain ARTICLE``.

Extraction stages record a :class:`kg.doc.Decision` for each relation
candidate they settle: kept (with what backs it: an event, a position, the
sentence or the name) or rejected (with the reason: a wish or plan before the
trigger, an entity related to itself ...). :func:`explain_article` runs the
pipeline on one article and returns them; ``kg explain`` prints them; the
tests read the same records (recorded through :mod:`kg.decisions`).
"""

from __future__ import annotations

import sys
from typing import TextIO

from kg.doc import Article, Decision
from kg.logs import shown_on_one_line


def explain_article(article: Article, backend=None) -> list[Decision]:
    from kg.pipeline import analyze_article

    analyze_article(article, backend)
    seen: set = set()
    out = []
    for d in article.decisions:
        key = (d.kind, d.subject, d.object, d.start, d.end, d.decision, d.reason)
        if key not in seen:  # the same trigger may be checked more than once
            seen.add(key)
            out.append(d)
    return out


def _groups(article: Article, decisions: list[Decision]) -> list[tuple[Decision, list[Decision]]]:
    """Each relation once: the decisions about one (kind, subject, object), the rules'
    and then the relation model's, as (the verdict's decision, the others in order).
    The verdict is whether the article keeps the relation (kept when it is among its
    relations, rejected when not; for an agreement's party or witness, the last word).
    A decision about a trigger alone (no ends) is its own group."""
    from kg.rdf.vocab import ENTITY_RELATIONS

    names = [e.name for e in article.entities]
    held = {(r.kind, names[r.subject], names[r.object]) for r in article.relations}
    order: list = []
    by_key: dict = {}
    for i, d in enumerate(decisions):
        key = (d.kind, d.subject, d.object) if (d.subject or d.object) else i
        if key not in by_key:
            by_key[key] = []
            order.append(key)
        by_key[key].append(d)
    out = []
    for key in order:
        group = by_key[key]
        last = group[-1]
        if isinstance(key, tuple) and last.kind in ENTITY_RELATIONS:
            verdict = "kept" if key in held else "rejected"
            last = next((d for d in reversed(group) if d.decision == verdict), last)
        out.append((last, [d for d in group if d is not last]))
    return out


def _evidence(article: Article, d: Decision) -> str:
    text = article.text[d.start:d.end].strip().replace("\n", " ")
    return text[:79] + "…" if len(text) > 80 else text


def format_decisions(article: Article, decisions: list[Decision], out: TextIO, only: str | None = None) -> None:
    """One entry per relation candidate (see :func:`_groups`): its verdict with reason,
    signals and evidence, then what the earlier stages said of it; ``only``: the
    candidates of that verdict (kept, rejected)."""
    groups = _groups(article, decisions)
    relations = [d for d, _ in groups if d.subject or d.object]
    kept = sum(d.decision == "kept" for d in relations)
    others = len(groups) - len(relations)
    print(f"{shown_on_one_line(article.source)}: {kept} kept, {len(relations) - kept} rejected"
          + (f"; {others} trigger{'s' if others != 1 else ''} or name{'s' if others != 1 else ''}"
             " rejected before any pair" if others else ""), file=out)
    if only:
        groups = [g for g in groups if g[0].decision == only]
    for d, earlier in groups:
        ends = f"{d.subject or '?'} -> {d.object or '?'}" if (d.subject or d.object) else ""
        print(f"  [{d.decision}] {d.kind} {ends}".rstrip(), file=out)
        print(f"      reason:   {d.reason}", file=out)
        if d.signals:
            print(f"      signals:  {'; '.join(d.signals)}", file=out)
        print(f"      evidence: [{d.start}:{d.end}] {_evidence(article, d)}", file=out)
        for e in earlier:
            print(f"      before:   [{e.decision}] {e.reason} [{e.start}:{e.end}]", file=out)


def run_explain(path: str, model: str | None, only: str | None, out: TextIO) -> int:
    """``kg explain ARTICLE``: every relation candidate with its decision."""
    from pathlib import Path

    from kg import exitcodes
    from kg.doc import ReadError
    from kg.nlp.base import ModelNotAvailable
    from kg.nlp.loader import load_backend
    from kg.reading.reader import STDIN, read_file, read_stream

    if path == STDIN:
        item = read_stream(sys.stdin.buffer, max_bytes=5 * 1024 * 1024)
    elif Path(path).is_dir():
        print(shown_on_one_line(f"kg explain: {path} is a folder: give one article file"), file=sys.stderr)
        return exitcodes.USAGE
    elif not Path(path).is_file():
        print(shown_on_one_line(f"kg explain: {path}: no such file"), file=sys.stderr)
        return exitcodes.USAGE
    else:
        item = read_file(Path(path), max_bytes=5 * 1024 * 1024)
    if isinstance(item, ReadError):
        print(shown_on_one_line(f"kg explain: {item.source}: {item.reason}"), file=sys.stderr)
        return exitcodes.USAGE
    try:
        backend = load_backend(model)
    except ModelNotAvailable as exc:
        print(shown_on_one_line(f"kg explain: {exc}"), file=sys.stderr)
        return exitcodes.USAGE
    from kg.reading.parts import split_long

    parts = split_long(item)  # a long text in the parts kg build analyses (its cost stays linear)
    if len(parts) > 1:
        print(shown_on_one_line(f"kg explain: {item.source}: {parts[0].errors[-1]}"), file=sys.stderr)
    for part in parts:
        format_decisions(part, explain_article(part, backend), out, only)
    return exitcodes.OK
