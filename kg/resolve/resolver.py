"""Entity resolution: one node per real-world entity across all articles.

``resolve(articles)`` flattens every article's LocalEntities into records,
unites organizations and places first (kg.resolve.bodies: codes, names,
scoped generic names, unambiguous short forms), then people
(kg.resolve.persons: same name plus linking evidence), and builds the
Corpus with canonical labels, aliases and unique, deterministic keys.
Every step works on blocking keys (dicts), so the cost grows with the
number of local entities and their names, never with pairs of them.
"""

from __future__ import annotations

from collections import defaultdict

from kg.doc import Article, Corpus, Entity
from kg.resolve.bodies import resolve_bodies
from kg.resolve.labels import assign_keys, choose_label, collect_aliases, majority
from kg.resolve.lexicon import build_lexicon
from kg.resolve.names import display_form
from kg.resolve.persons import resolve_persons
from kg.resolve.records import build_records
from kg.resolve.unionfind import TaggedUnionFind


def resolve(articles: list[Article]) -> Corpus:
    """Resolve the articles' local entities into corpus entities (see the module doc)."""
    if not isinstance(articles, list) or not all(isinstance(a, Article) for a in articles):
        raise TypeError("resolve() expects a list of kg.doc.Article")
    records = build_records(articles)
    uf = TaggedUnionFind(len(records))
    ref_index = {r.ref: r.index for r in records}
    lexicon = build_lexicon(records)
    resolve_bodies(records, uf, lexicon)
    resolve_persons(articles, records, uf, ref_index, lexicon)

    clusters: dict[int, list[int]] = defaultdict(list)
    for r in records:  # records are in (article, local) order: members come out sorted
        clusters[uf.find(r.index)].append(r.index)

    entities: list[Entity] = []
    scopes: list[str | None] = []
    index: dict[tuple[int, int], int] = {}
    for members in sorted(clusters.values(), key=lambda m: records[m[0]].ref):
        locals_ = [articles[records[m].ref[0]].entities[records[m].ref[1]] for m in members]
        label = choose_label([e.name for e in locals_], sorted(a for e in locals_ for a in e.aliases))
        first = records[members[0]]
        entity = Entity(
            key="",
            name=label,
            type=first.type,
            subtype=majority([e.subtype for e in locals_]),
            aliases=collect_aliases(label, locals_),
            code=majority([records[m].code for m in members]),
            members=[records[m].ref for m in members],
        )
        for ref in entity.members:
            index[ref] = len(entities)
        entities.append(entity)
        scopes.append(majority([display_form(e.context) if e.context else None for e in locals_]))
    assign_keys(entities, articles, scopes)
    return Corpus(articles=articles, entities=entities, index=index)
