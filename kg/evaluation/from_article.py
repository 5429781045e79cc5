"""An Article's extraction in the gold file shape, for scoring without RDF.

``kg eval`` scores the built graph (kg.evaluation.from_graph); this is the
same view taken straight from one Article, used by the extraction dev loop
(``benchmarks/score_extraction.py``) and tests.
"""

from __future__ import annotations

from kg.doc import Article


def article_to_gold_shape(article: Article) -> dict:
    ents = article.entities

    def name(i: int | None) -> str | None:
        return ents[i].name if i is not None else None

    out: dict = {
        "file": article.source,
        "entities": [
            {"name": e.name, "type": e.type, "aliases": sorted(a for a in e.aliases if a != e.name)}
            for e in ents
        ],
    }
    for kind in ("visited", "metWith", "accompanied", "affiliatedWith", "partOf", "locatedIn"):
        pairs = {(name(r.subject), name(r.object)) for r in article.relations if r.kind == kind}
        out[kind] = [list(p) for p in sorted(pairs)]
    positions = {(name(p.person), p.title, name(p.org)) for p in article.positions}
    out["positions"] = [
        {"person": per, "title": t, **({"in": org} if org else {})} for per, t, org in sorted(positions, key=str)
    ]
    out["agreements"] = [
        {
            "name": a.name,
            "parties": [name(i) for i in a.parties],
            "witnesses": [name(i) for i in a.witnesses],
        }
        for a in article.agreements
    ]
    return out
