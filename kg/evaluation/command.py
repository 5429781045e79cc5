"""``kg eval GRAPH GOLD_DIR``: score a built graph against gold annotation files.

Reads every ``*.json`` in GOLD_DIR (the annotation guide's format), turns the
graph into the same shape (kg.evaluation.from_graph) and scores it with
kg.evaluation.scoring. Prints entity P/R/F1, relation P/R/F1 per type and
micro-averaged, one line per article and the missed / spurious items;
``--json`` prints ``Scores.as_dict()``. Scores are reported, not asserted:
exit 0 whenever scoring ran, 2 on bad input.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TextIO

from kg.evaluation.scoring import PAIR_RELATIONS, RELATION_TYPES, PRF, Scores, score_corpus


class GoldError(ValueError):
    pass


def _kind(value) -> str:
    return {str: "a string", list: "a list", dict: "an object", bool: "true or false", type(None): "null",
            int: "a number", float: "a number"}.get(type(value), type(value).__name__)


def shape_problem(doc: dict) -> str | None:
    """The first field of a gold document (an object with an 'entities' list) whose
    type the scoring cannot read, named with what it holds, or None. Only types are
    checked: ``kg corpus check`` checks the rest against the annotation guide."""

    def names(value, where: str) -> str | None:
        if not isinstance(value, list):
            return f"{where} must be a list of names (it is {_kind(value)})"
        bad = next((v for v in value if not isinstance(v, str)), "")
        return f"{where} must be a list of names (it holds {_kind(bad)})" if bad != "" else None

    if doc.get("file") is not None and not isinstance(doc["file"], str):
        return f"'file' must be a string (it is {_kind(doc['file'])})"
    for i, e in enumerate(doc["entities"], 1):
        if not isinstance(e, dict):
            return f"entity #{i} must be an object (it is {_kind(e)})"
        for key in ("name", "type"):
            if not isinstance(e.get(key), str):
                return f"entity #{i}: '{key}' must be a string (it is {_kind(e.get(key))})"
        if e.get("aliases") is not None and (problem := names(e["aliases"], f"entity #{i}: 'aliases'")):
            return problem
    for kind in (*PAIR_RELATIONS, "positions", "agreements"):
        items = doc.get(kind)
        if items is None:
            continue
        if not isinstance(items, list):
            return f"'{kind}' must be a list (it is {_kind(items)})"
        for i, item in enumerate(items, 1):
            where = f"'{kind}' #{i}"
            if kind in PAIR_RELATIONS:
                if not (isinstance(item, list) and len(item) == 2 and all(isinstance(x, str) for x in item)):
                    return f"{where} must be a pair of names (it is {json.dumps(item, ensure_ascii=False)})"
                continue
            if not isinstance(item, dict):
                return f"{where} must be an object (it is {_kind(item)})"
            if kind == "positions":
                for key, needed in (("person", True), ("title", True), ("in", False)):
                    value = item.get(key)
                    if not isinstance(value, str) and (needed or value is not None):
                        return f"{where}: '{key}' must be a string (it is {_kind(value)})"
            else:
                if "name" in item and not isinstance(item["name"], str):
                    return f"{where}: 'name' must be a string (it is {_kind(item['name'])})"
                for key in ("parties", "witnesses"):
                    if problem := names(item.get(key, []), f"{where}: '{key}'"):
                        return problem
    return None


def load_gold_dir(gold_dir: str | Path) -> dict[str, dict]:
    """``{file: gold dict}`` for every ``*.json`` in ``gold_dir``; GoldError when unusable."""
    folder = Path(gold_dir)
    if not folder.is_dir():
        raise GoldError(f"{gold_dir}: not a folder")
    gold: dict[str, dict] = {}
    for path in sorted(folder.glob("*.json")):
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise GoldError(f"{path}: not a readable JSON file: {exc}") from exc
        if not isinstance(doc, dict) or not isinstance(doc.get("entities"), list):
            raise GoldError(f"{path}: not a gold file (needs an object with an 'entities' list)")
        problem = shape_problem(doc)
        if problem:
            raise GoldError(f"{path}: a malformed gold file: {problem}")
        file = doc.get("file") or path.with_suffix(".txt").name
        doc["file"] = file
        if file in gold:
            raise GoldError(f"{path}: a second gold file for {file}")
        gold[file] = doc
    if not gold:
        raise GoldError(f"{gold_dir}: no *.json gold files")
    return gold


def _prf_line(label: str, prf: PRF) -> str:
    return (
        f"{label:<16} P {prf.precision:6.3f}  R {prf.recall:6.3f}  F1 {prf.f1:6.3f}"
        f"   (tp {prf.tp}, fp {prf.fp}, fn {prf.fn})"
    )


def format_scores(scores: Scores, unscored: list[str]) -> str:
    lines = [f"articles scored: {len(scores.articles)}"]
    if unscored:
        lines.append(f"articles in the graph without gold (not scored): {len(unscored)}")
    lines += ["", _prf_line("entities", scores.entities), ""]
    for kind in RELATION_TYPES:
        lines.append(_prf_line(kind, scores.relation(kind)))
    lines.append(_prf_line("relations micro", scores.relations_micro))
    lines += ["", "per article:"]
    for a in scores.articles:
        lines.append(
            f"  {a.file}: entities F1 {a.entities.f1:.3f} (fp {a.entities.fp}, fn {a.entities.fn}), "
            f"relations F1 {a.relations_micro.f1:.3f} (fp {a.relations_micro.fp}, fn {a.relations_micro.fn})"
        )
    for a in scores.articles:
        if not (a.missed or a.spurious):
            continue
        lines += ["", f"{a.file}:"]
        lines += [f"  missed   {m}" for m in a.missed]
        lines += [f"  spurious {s}" for s in a.spurious]
    return "\n".join(lines) + "\n"


def load_gold(gold_dir: str | Path, split: str | None = None) -> dict[str, dict]:
    """Gold of a folder of gold files, or of a corpus root (``corpus/``: its
    ``gold/`` files, only those of ``split`` when given)."""
    from kg.corpus.manifest import ManifestError, is_corpus, split_rows

    if is_corpus(gold_dir):
        gold = load_gold_dir(Path(gold_dir) / "gold")
        try:
            keep = {f"{r.id}.txt" for r in split_rows(gold_dir, split)}
        except ManifestError as exc:
            raise GoldError(str(exc)) from exc
        return {f: g for f, g in gold.items() if f in keep}
    if split is not None:
        raise GoldError(f"{gold_dir}: --split needs a corpus folder (with manifest.tsv)")
    return load_gold_dir(gold_dir)


def run_eval(graph_path: str, gold_dir: str, as_json: bool, out: TextIO, split: str | None = None) -> int:
    from kg.evaluation.from_graph import graph_to_gold_shape
    from kg.rdf.loading import load_graph

    try:
        gold = load_gold(gold_dir, split)
        graph = load_graph(graph_path)
    except ValueError as exc:
        print(f"kg eval: {exc}", file=sys.stderr)
        return 2
    pred = graph_to_gold_shape(graph)
    absent = sorted(set(gold) - set(pred))
    if absent:  # scored as all missed: a graph of other articles, or an article that failed to build
        from kg.logs import logger

        named = ", ".join(absent[:3]) + (f" and {len(absent) - 3} more" if len(absent) > 3 else "")
        logger().warning(f"kg eval: {len(absent)} of {len(gold)} gold articles have no article in the graph, "
                         f"scored as all missed: {named}")
    try:
        scores = score_corpus(pred, gold)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        print(f"kg eval: a gold file is malformed: {exc!r}", file=sys.stderr)
        return 2
    if as_json:
        out.write(json.dumps(scores.as_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        out.write(format_scores(scores, sorted(set(pred) - set(gold))))
    return 0
