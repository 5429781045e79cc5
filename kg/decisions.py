"""Recording decisions about relation candidates (the ``decisions`` layer).

Extraction stages call :func:`record` / :func:`record_span` for each
candidate they settle; ``kg explain`` (:mod:`kg.explain`) shows them. This
module sits at the bottom of the package (it imports only :mod:`kg.doc`), so
every stage may use it.
"""

from __future__ import annotations

from kg.doc import Article, Decision


def _name(article: Article, entity: int | None) -> str | None:
    if entity is None or not 0 <= entity < len(article.entities):
        return None
    return article.entities[entity].name


def record(article: Article, kind: str, subject: int | None, obj: int | str | None, sentence: int,
           signals: tuple[str, ...], decision: str, reason: str) -> None:
    """Record a decision about a candidate whose evidence is sentence ``sentence``
    (``obj``: an entity index, or a name such as an agreement's)."""
    if article.sentences:
        s = article.sentences[min(max(sentence, 0), len(article.sentences) - 1)]
        start, end = s.start, s.end
    else:
        start = end = 0
    obj_name = obj if isinstance(obj, str) else _name(article, obj)
    article.decisions.append(Decision(kind, _name(article, subject), obj_name, start, end,
                                      tuple(x for x in signals if x), decision, reason))


def record_span(article: Article, kind: str, start: int, end: int, signals: tuple[str, ...],
                decision: str, reason: str) -> None:
    """Record a decision about a candidate known only by its text span (a trigger rejected early)."""
    article.decisions.append(Decision(kind, None, None, start, end, tuple(signals), decision, reason))
