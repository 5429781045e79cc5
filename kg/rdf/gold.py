"""Gold annotation files -> a Corpus: the graph a perfect extraction would give.

Used to check the mapping and the evaluation end to end (a graph built from
gold must score 1.0 against that gold) and to see what the ready queries
answer on annotated articles. Entities are merged across files by (type,
name); aliases are pooled. Every fact gets a placeholder evidence naming the
gold file, since gold has no sentences.
"""

from __future__ import annotations

from kg.doc import Agreement, Article, Corpus, Entity, LocalEntity, Position, Relation
from kg.lexicons.load import derived, entries

_KEY_PREFIX = {"Person": "person", "Organization": "org", "Place": "place"}
_TYPES = ("Person", "Organization", "Place")


@derived
def _suffix_subtypes() -> dict[str, tuple[tuple[str, str], ...]]:
    """Gold has no subtypes: a rough guess from the name's ending (first match
    wins, in the file order of data/rdf_subtype_suffixes.tsv; scope TYPE,SUBTYPE)."""
    out: dict[str, list[tuple[str, str]]] = {}
    for e in entries("rdf_subtype_suffixes"):
        type_ = next(s for s in e.scope if s in _TYPES)
        subtype = next(s for s in e.scope if s not in _TYPES)
        out.setdefault(type_, []).append((e.word, subtype))
    return {k: tuple(v) for k, v in out.items()}


def guess_subtype(name: str, type_: str) -> str | None:
    for suffix, subtype in _suffix_subtypes().get(type_, ()):
        if name.endswith(suffix):
            return subtype
    return None
PAIR_KINDS = ("visited", "metWith", "accompanied", "affiliatedWith", "partOf", "locatedIn")


def gold_to_corpus(golds: list[dict]) -> Corpus:
    corpus = Corpus()
    global_index: dict[tuple[str, str], int] = {}
    for ai, gold in enumerate(golds):
        file = gold.get("file", f"gold_{ai}.txt")
        evidence = f"(gold annotation of {file})"
        article = Article(source=file, raw="")
        local: dict[str, int] = {}
        for entry in gold.get("entities", []):
            name, type_ = entry["name"], entry["type"]
            aliases = set(entry.get("aliases", []) or [])
            li = len(article.entities)
            article.entities.append(LocalEntity(name=name, type=type_, aliases=aliases))
            for n in {name} | aliases:
                local.setdefault(n, li)
            key = (type_, name)
            if key not in global_index:
                global_index[key] = len(corpus.entities)
                corpus.entities.append(
                    Entity(key=f"{_KEY_PREFIX[type_]}/{name}", name=name, type=type_,
                           subtype=guess_subtype(name, type_))
                )
            gi = global_index[key]
            corpus.entities[gi].aliases |= aliases
            corpus.entities[gi].members.append((ai, li))
            corpus.index[(ai, li)] = gi
        for kind in PAIR_KINDS:
            for a, b in gold.get(kind, []) or []:
                article.relations.append(Relation(kind, local[a], local[b], 0, evidence))
        for p in gold.get("positions", []) or []:
            org = local[p["in"]] if p.get("in") else None
            article.positions.append(Position(local[p["person"]], p["title"], org, 0, evidence))
        for g in gold.get("agreements", []) or []:
            article.agreements.append(
                Agreement(
                    name=g.get("name", ""),
                    parties=[local[x] for x in g.get("parties", [])],
                    witnesses=[local[x] for x in g.get("witnesses", []) or []],
                    evidence=evidence,
                )
            )
        corpus.articles.append(article)
    return corpus
