"""The shared last reading of chosen names: a trained verifier drops a name
(with every mention of it) whose probability is under its threshold.

Two verifiers use it: :mod:`kg.recognize.org_verifier` (phrases that end like an
organization name) and :mod:`kg.recognize.person_verifier` (words read as a
person's name). Each gives the mentions it reads, the features of a name, and
its weights (a :class:`kg.recognize.span_acceptor.SpanAcceptor`); while a
verifier is trained, every name's features are recorded instead and nothing is
dropped.
"""

from __future__ import annotations

from typing import Callable

from kg.doc import Article, Mention


def names_written(mentions: list[Mention], read: Callable[[Mention], bool]) -> dict[str, list[Mention]]:
    """The names of the mentions ``read`` selects, each with its mentions (a
    mention's canonical form when it has one, else its text); a name no mention
    writes as it is (a body completed with its place) is not read."""
    out: dict[str, list[Mention]] = {}
    for m in mentions:
        if read(m):
            out.setdefault(m.canonical or m.text, []).append(m)
    return {n: ms for n, ms in out.items() if any(m.text == n for m in ms)}


def verify_names(article: Article, mentions: list[Mention], *, model, record: list | None,
                 read: Callable[[Mention], bool], features: Callable[[str, list[Mention]], list[str]],
                 what: str, component: str, reading: str) -> list[Mention]:
    """``mentions`` without the names ``model`` rejects, each rejection recorded as a
    decision (``what`` the entity type, ``component`` the module, ``reading`` how a
    rejected name is read); with ``record`` (training), every name's (name,
    written forms, features) is appended to it instead and nothing is dropped."""
    if model is None and record is None:
        return mentions
    dropped: set[str] = set()
    for name, ms in names_written(mentions, read).items():
        feats = features(name, ms)
        if record is not None:
            record.append((name, [m.text for m in ms], feats))
            continue
        p = model.probability(feats)
        if p < model.threshold:
            dropped.add(name)
            _record_drop(article, f"{what} {name}", ms[0], p, model.threshold, component, reading)
    if not dropped:
        return mentions
    return [m for m in mentions if not (read(m) and (m.canonical or m.text) in dropped)]


def _record_drop(article: Article, label: str, m: Mention, p: float, threshold: float,
                 component: str, reading: str) -> None:
    from kg.decisions import record_span

    record_span(article, "entity", m.start, m.end, (label, f"p={p:.2f}"), "rejected",
                f"{component}: p={p:.2f} < {threshold:.2f}, {reading}")
