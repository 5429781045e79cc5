"""Inter-annotator agreement: one annotator's gold scored against the other's
with the project's own scorer (F1 is symmetric in the two, so the order does
not matter for F1), per entity type and per relation type."""

from __future__ import annotations

import json
from pathlib import Path

from kg.corpus.check import ENTITY_TYPES
from kg.evaluation.scoring import PRF, RELATION_TYPES, score_corpus


def _load(folder: Path) -> dict[str, dict]:
    out = {}
    for path in sorted(folder.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        doc["file"] = f"{path.stem}.txt"
        out[doc["file"]] = doc
    return out


def _only_type(doc: dict, type_: str) -> dict:
    return {"file": doc["file"], "entities": [e for e in doc["entities"] if e.get("type") == type_]}


def agreement(folder_a: str | Path, folder_b: str | Path) -> dict:
    """``{"articles": n, "entities": {type|all: PRF}, "relations": {kind|micro: PRF}}``
    over the articles annotated in both folders."""
    a, b = _load(Path(folder_a)), _load(Path(folder_b))
    common = sorted(set(a) & set(b))
    a = {k: a[k] for k in common}
    b = {k: b[k] for k in common}
    scores = score_corpus(b, a)
    ents: dict[str, PRF] = {"all": scores.entities}
    for t in ENTITY_TYPES:
        ents[t] = score_corpus({k: _only_type(v, t) for k, v in b.items()},
                               {k: _only_type(v, t) for k, v in a.items()}).entities
    rels = {k: scores.relation(k) for k in RELATION_TYPES}
    rels["micro"] = scores.relations_micro
    return {"articles": len(common), "entities": ents, "relations": rels}


def format_agreement(result: dict) -> str:
    lines = [f"double-annotated articles: {result['articles']}", "", "| type | A | B | both | F1 |", "|---|---|---|---|---|"]
    for label, group in (("entity", result["entities"]), ("relation", result["relations"])):
        for k, prf in group.items():
            lines.append(f"| {label} {k} | {prf.tp + prf.fn} | {prf.tp + prf.fp} | {prf.tp} | {prf.f1:.3f} |")
    return "\n".join(lines)
