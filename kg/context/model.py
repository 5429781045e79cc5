"""The discourse context of an article, computed once per state of its
mentions and entities, typed, and kept on ``Article.context``.

Stages after recognition ask for places, place mentions, trips and the two
sides of a trip many times (every 市委, every title, every clause). They read
them from :func:`context_of`, which computes an :class:`ArticleContext` the
first time and again only when recognition-level facts changed underneath it
(a later stage may add mentions or implied bodies: then the context is
recomputed once for the new state, never per question).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.context.places import PlaceInfo, place_infos, place_mentions
from kg.context.trips import Trip, destinations, find_trips, two_sides
from kg.doc import Article


@dataclass
class ArticleContext:
    #: every Place entity: level, code, parent (the gazetteer's reading)
    places: dict[int, PlaceInfo]
    #: (offset, place entity) of every mention of a place, a body's leading place included
    place_mentions: list[tuple[int, int]]
    #: trip clauses: home places and destinations
    trips: list[Trip]
    #: places that are some trip's destination
    destinations: set[int] = field(default_factory=set)
    #: the two sides of the first trip (home, destination), for 两地 / 双方
    sides: tuple[int, int] | None = None
    #: what the context was computed from (see :func:`state`)
    state: tuple = ()


def state(article: Article) -> tuple:
    """What the context depends on: the mentions and the place entities (names,
    aliases, subtypes, codes), cheaply fingerprinted."""
    places = tuple((i, e.name, e.subtype, e.code, len(e.aliases))
                   for i, e in enumerate(article.entities) if e.type == "Place")
    return (len(article.mentions), len(article.entities), places)


def compute_context(article: Article) -> ArticleContext:
    infos = place_infos(article)
    refs = place_mentions(article, infos)
    trips = find_trips(article, refs)
    return ArticleContext(infos, refs, trips, destinations(trips), two_sides(trips), state(article))


def context_of(article: Article) -> ArticleContext:
    """The article's context for its current state (computed at most once per state)."""
    ctx = article.context
    current = state(article)
    if not isinstance(ctx, ArticleContext) or ctx.state != current:
        ctx = compute_context(article)
        article.context = ctx
    return ctx


def build_context(article: Article) -> None:
    """The context stage: compute the context once, after recognition."""
    article.context = compute_context(article)
