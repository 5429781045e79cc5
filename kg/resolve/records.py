"""One flat record per LocalEntity: the normalized facts resolution works on."""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.doc import Article, EntityType
from kg.resolve.names import match_form


@dataclass
class LocalRecord:
    index: int  # position in the flat record list (union-find element)
    ref: tuple[int, int]  # (article index, local entity index)
    type: EntityType
    name: str  # LocalEntity.name as given
    key: str  # match form of the name
    alias_keys: list[str] = field(default_factory=list)  # match forms of the other names, sorted
    code: str | None = None
    context_key: str | None = None  # match form of the context place
    subtype: str | None = None


def build_records(articles: list[Article]) -> list[LocalRecord]:
    """Flatten every article's entities, in article order then local order."""
    records: list[LocalRecord] = []
    for a, article in enumerate(articles):
        for l, ent in enumerate(article.entities):
            key = match_form(ent.name or "")
            aliases = sorted({match_form(x) for x in ent.aliases if x} - {key, ""})
            context = match_form(ent.context) if ent.context else None
            code = ent.code.strip() if ent.code and ent.code.strip() else None
            records.append(
                LocalRecord(
                    index=len(records),
                    ref=(a, l),
                    type=ent.type,
                    name=ent.name,
                    key=key,
                    alias_keys=aliases,
                    code=code,
                    context_key=context or None,
                    subtype=ent.subtype,
                )
            )
    return records
