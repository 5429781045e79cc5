"""Per-article analyses that fail, for the build tests (imported by worker processes)."""

from __future__ import annotations

import os

from kg.pipeline import analyze_article


def raises_on_second(article, backend, seconds=None):
    """Fails on the article whose file name starts with 001_."""
    if article.source.startswith("001_"):
        raise ValueError("simulated failure")
    return analyze_article(article, backend, seconds)


def dies_on_second(article, backend, seconds=None):
    """Kills its worker process on the article whose file name starts with 001_."""
    if article.source.startswith("001_"):
        os._exit(17)
    return analyze_article(article, backend, seconds)


def _garbage(article, rng) -> None:
    """Extractions that break the shapes, as a faulty recognizer or extractor might make them:
    a position held in a person, relations between entities of the wrong types, an event
    whose agent is an organization, an agreement witnessed by an organization."""
    from kg.doc import Agreement, Event, Position, Relation

    n = len(article.entities)
    if n < 2 or not article.sentences:
        return
    persons = [i for i, e in enumerate(article.entities) if e.type == "Person"]
    others = [i for i, e in enumerate(article.entities) if e.type != "Person"]
    pick = lambda pool: pool[rng.randrange(len(pool))] if pool else rng.randrange(n)  # noqa: E731
    kinds = ["visited", "metWith", "accompanied", "affiliatedWith", "partOf", "locatedIn"]
    for _ in range(rng.randint(1, 4)):
        s, o = rng.randrange(n), rng.randrange(n)
        if s != o:
            article.relations.append(Relation(kinds[rng.randrange(len(kinds))], s, o, 0))
    if persons:
        article.positions.append(Position(pick(persons), "title", pick(persons), 0))
    article.events.append(Event("Visit", [pick(others)], [rng.randrange(n)], 0))
    article.agreements.append(Agreement("agreement", [rng.randrange(n)], witnesses=[pick(others)], sentence=0))


def garbage_on_second(article, backend, seconds=None):
    """The real analysis, plus extractions that break the shapes on the article whose
    file name starts with 001_ (the same garbage on every run)."""
    import random

    analyze_article(article, backend, seconds)
    if article.source.startswith("001_"):
        _garbage(article, random.Random(7))
    return article


def garbage_everywhere(article, backend, seconds=None):
    """The real analysis plus garbage extractions drawn from the article's own text."""
    import hashlib
    import random

    analyze_article(article, backend, seconds)
    _garbage(article, random.Random(hashlib.sha256(article.raw.encode("utf-8", "surrogatepass")).digest()))
    return article


def stamp(path: str) -> str:
    """Writes ``path`` (a file) and returns it: a task that shows it ran."""
    import time

    with open(path, "w", encoding="utf-8") as fh:
        fh.write(str(time.time()))
    return path


def square(x: int) -> int:
    return x * x
