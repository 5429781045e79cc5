"""Build Articles with LocalEntities directly (no NLP) for the resolution tests."""

from __future__ import annotations

from kg.doc import Article, LocalEntity, Position, Relation


def org(name: str, *aliases: str, context: str | None = None, subtype: str | None = None) -> LocalEntity:
    return LocalEntity(name=name, type="Organization", subtype=subtype, aliases=set(aliases), context=context)


def place(name: str, *aliases: str, code: str | None = None, context: str | None = None, subtype: str | None = None) -> LocalEntity:
    return LocalEntity(name=name, type="Place", subtype=subtype, aliases=set(aliases), code=code, context=context)


def person(name: str, *aliases: str) -> LocalEntity:
    return LocalEntity(name=name, type="Person", aliases=set(aliases))


def article(
    source: str,
    *entities: LocalEntity,
    positions: list[tuple[int, str, int | None]] = (),
    affiliations: list[tuple[int, int]] = (),
) -> Article:
    """positions: (person index, title, org index); affiliations: (person index, org index)."""
    a = Article(source=source, raw="")
    a.entities = list(entities)
    a.positions = [Position(person=p, title=t, org=o, sentence=0) for p, t, o in positions]
    a.relations = [Relation(kind="affiliatedWith", subject=p, object=o, sentence=0) for p, o in affiliations]
    return a
