"""Training data for the relation model: candidates labelled from gold.

An article's entities are matched to its gold entities as the guide's scorer
matches them (same type, one name or alias in common, :func:`kg.evaluation.scoring._norm`);
a candidate is positive when the gold file has its relation between the two
matched gold entities (``metWith`` either way round). Candidates with an end
that matches no gold entity are negatives: such a relation would be a false
positive.
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.doc import Article
from kg.rdf.vocab import SYMMETRIC
from kg.scoring.candidates import KINDS, Candidate, candidates


@dataclass
class Labelled:
    source: str
    candidates: list[Candidate]
    labels: list[int]
    #: gold relations of the article, and how many of them some candidate covers
    gold: int
    covered: int
    #: per kind: (gold, covered)
    by_kind: dict[str, tuple[int, int]]


def gold_names(gold: dict) -> list[tuple[str, frozenset[str]]]:
    from kg.evaluation.scoring import _norm

    return [(g["type"], frozenset(_norm(n) for n in {g["name"], *(g.get("aliases") or [])}))
            for g in gold.get("entities", [])]


def match_entities(article: Article, gold: dict) -> dict[int, str]:
    """Local entity index -> the gold entity's name it matches."""
    from kg.evaluation.scoring import _norm

    table = gold_names(gold)
    out: dict[int, str] = {}
    for ei, e in enumerate(article.entities):
        names = {_norm(n) for n in {e.name, *e.aliases}}
        for gi, (gtype, gnames) in enumerate(table):
            if gtype == e.type and names & gnames:
                out[ei] = gold["entities"][gi]["name"]
                break
    return out


def gold_pairs(gold: dict) -> dict[str, set[tuple[str, str]]]:
    out = {}
    for kind in KINDS:
        pairs = {tuple(p) for p in gold.get(kind, []) if len(p) == 2}
        if kind in SYMMETRIC:
            pairs |= {(b, a) for a, b in pairs}
        out[kind] = pairs
    return out


def label(article: Article, gold: dict, cands: list[Candidate] | None = None) -> Labelled:
    cands = candidates(article) if cands is None else cands
    names = match_entities(article, gold)
    pairs = gold_pairs(gold)
    labels, hit = [], {k: set() for k in KINDS}
    for c in cands:
        a, b = names.get(c.subject), names.get(c.object)
        y = int(a is not None and b is not None and (a, b) in pairs[c.kind])
        labels.append(y)
        if y:
            hit[c.kind].add((a, b) if c.kind not in SYMMETRIC else tuple(sorted((a, b))))
    by_kind = {}
    for kind in KINDS:
        total = {tuple(p) if kind not in SYMMETRIC else tuple(sorted(p)) for p in gold.get(kind, []) if len(p) == 2}
        by_kind[kind] = (len(total), len(hit[kind] & total))
    return Labelled(article.source, cands, labels, sum(g for g, _ in by_kind.values()),
                    sum(c for _, c in by_kind.values()), by_kind)


def analyze_set(paths, gold: dict[str, dict], backend=None, stop_before: str | None = "scoring") -> list[Article]:
    """Run the per-article pipeline (up to, not including, ``stop_before``) on the files with gold."""
    from kg.pipeline import analyze_article
    from kg.reading.reader import read_inputs

    out = []
    for item in read_inputs([str(p) for p in paths], max_bytes=5_000_000):
        if not hasattr(item, "raw") or item.source not in gold:
            continue
        analyze_article(item, backend, until=stop_before)
        out.append(item)
    return out
