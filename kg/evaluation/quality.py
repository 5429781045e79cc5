"""Quality on real articles, per type: the figures behind the ratcheted gates.

A *set* is a list of article files and their gold: the seeds, the shared dev
articles, and the corpus splits. :func:`measure` builds the set's graph with
``kg build``'s own code and scores it with ``kg eval``'s (the guide's
measure), returning F1 per entity/relation type. The tests compare these with
``tests/quality_gates.json``; ``benchmarks/quality_gates.py --write`` ratchets
the gates up to the measured score minus a small margin.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

#: the gates sit this far below the measured score
MARGIN = 0.02
#: ... and never further below it than this (no wide slack)
MAX_SLACK = 0.05


def relations_of(name: str) -> str | None:
    """The relation mode a set name asks for: ``seeds+rules`` is the seeds with the
    rules alone (so the rules keep their own ratcheted gates under the model)."""
    return name.split("+", 1)[1] if "+" in name else None


def set_inputs(name: str, root: Path, rounds: tuple[int, int] | None = None) -> tuple[list[Path], dict[str, dict]] | None:
    """(article paths, gold by file) of a named set, or None when it is not here.
    Names: ``seeds``, ``dev`` (../shared/dev), ``corpus-dev``, ``corpus-test``, ``corpus-train``,
    each optionally with ``+MODE`` (:func:`relations_of`); ``rounds`` (first, last): only the
    corpus articles of those annotation rounds (the manifest's round column)."""
    from kg.evaluation.command import load_gold, load_gold_dir

    name = name.split("+", 1)[0]
    if name == "seeds":
        return sorted((root / "seeds").glob("*.txt")), load_gold_dir(root / "tests" / "gold" / "seeds")
    if name == "dev":
        dev = root.parent / "shared" / "dev"
        if not dev.is_dir():
            return None
        return sorted((dev / "articles").glob("*.txt")), load_gold_dir(dev / "gold")
    if name.startswith("corpus-"):
        from kg.corpus.manifest import split_rows

        corpus, split = root / "corpus", name.split("-", 1)[1]
        if not (corpus / "manifest.tsv").is_file():
            return None
        rows = [r for r in split_rows(corpus, split) if rounds is None or rounds[0] <= r.round <= rounds[1]]
        keep = {f"{r.id}.txt" for r in rows}
        gold = {f: g for f, g in load_gold(corpus, split).items() if f in keep}
        return [corpus / "articles" / f"{r.id}.txt" for r in sorted(rows, key=lambda r: r.id)], gold
    raise ValueError(f"unknown set {name!r}")


def measure(paths: list[Path], gold: dict[str, dict], model: str | None = None,
            relations: str | None = None) -> dict[str, dict]:
    """``{type: {"p", "r", "f1", "tp", "fp", "fn"}}`` for entities, every
    relation type and the relation micro-average, on the graph built from ``paths``
    (``relations``: the relation mode, kg build's ``--relations``; default: the build's default)."""
    import os

    saved = os.environ.get("ZHKG_RELATIONS")
    if relations is not None:
        os.environ["ZHKG_RELATIONS"] = relations
    try:
        return _measure(paths, gold, model)
    finally:
        if saved is None:
            os.environ.pop("ZHKG_RELATIONS", None)
        else:
            os.environ["ZHKG_RELATIONS"] = saved


def _measure(paths: list[Path], gold: dict[str, dict], model: str | None = None) -> dict[str, dict]:
    from kg.evaluation.from_graph import graph_to_gold_shape
    from kg.evaluation.scoring import RELATION_TYPES, score_corpus
    from kg.pipeline import run_build
    from kg.rdf.loading import load_graph

    with tempfile.TemporaryDirectory() as tmp:
        code = run_build([str(p) for p in paths], tmp, model=model, progress=False, validate=False)
        if code not in (0, 1):
            raise RuntimeError(f"kg build failed with exit status {code}")
        pred = graph_to_gold_shape(load_graph(Path(tmp) / "graph.ttl"))
    scores = score_corpus(pred, gold)
    out = {"entities": scores.entities.as_dict(), "micro": scores.relations_micro.as_dict()}
    for kind in RELATION_TYPES:
        out[kind] = scores.relation(kind).as_dict()
    return out
