"""Extraction dev loop: run the per-article pipeline and score it against gold.

    python3 benchmarks/score_extraction.py                 # seeds and dev, offline model
    python3 benchmarks/score_extraction.py --set dev -v    # dev only, list misses/spurious
    python3 benchmarks/score_extraction.py --set synthetic1  # a made-up set (illustration only)
    python3 benchmarks/score_extraction.py --model none    # rules only, no NLP model
    python3 benchmarks/score_extraction.py --only h037     # one article
    python3 benchmarks/score_extraction.py --oracle        # relation extraction on gold entities
    python3 benchmarks/score_extraction.py --set corpus-train --round 4  # one annotation round only

``--oracle`` replaces recognition and coreference with mentions and entities
built from the gold entity names and aliases found in the normalized text, so
relation extraction can be measured on its own (a dev tool, never in the package).

This scores each Article directly (kg.evaluation.from_article), without RDF or
cross-article resolution; ``kg eval`` scores the built graph.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETS = {
    "seeds": (ROOT / "seeds", ROOT / "tests" / "gold" / "seeds"),
    "dev": (ROOT.parent / "shared" / "dev" / "articles", ROOT.parent / "shared" / "dev" / "gold"),
    # Made-up articles (tests/synthetic): illustrations for debugging a rule, never
    # a measure of quality. Quality: benchmarks/quality_gates.py on real articles.
    "synthetic1": (ROOT / "tests" / "synthetic" / "set1" / "articles", ROOT / "tests" / "synthetic" / "set1" / "gold"),
    "synthetic2": (ROOT / "tests" / "synthetic" / "set2" / "articles", ROOT / "tests" / "synthetic" / "set2" / "gold"),
    "synthetic3": (ROOT / "tests" / "synthetic" / "set3" / "articles", ROOT / "tests" / "synthetic" / "set3" / "gold"),
}


#: corpus splits usable in the dev loop (never the frozen test split)
CORPUS_SETS = ("corpus-train", "corpus-dev")


def _set_files(name: str, round_: int | None = None) -> tuple[list[Path], list[Path]]:
    """(article files, gold files) of a named set; for a corpus split, of one annotation round if given."""
    if name in CORPUS_SETS:
        from kg.corpus.manifest import split_rows

        rows = [r for r in split_rows(ROOT / "corpus", name.split("-", 1)[1]) if round_ is None or r.round == round_]
        arts = [ROOT / "corpus" / "articles" / f"{r.id}.txt" for r in sorted(rows, key=lambda r: r.id)]
        return arts, [ROOT / "corpus" / "gold" / (a.stem + ".json") for a in arts]
    art_dir, gold_dir = SETS[name]
    if not art_dir.exists():
        return [], []
    return sorted(art_dir.glob("*.txt")), sorted(gold_dir.glob("*.json"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--set", choices=[*SETS, *CORPUS_SETS, "all"], default="all",
                    help="'all': seeds and dev (default); corpus-train / corpus-dev: the corpus splits "
                         "(the frozen corpus-test split is scored by benchmarks/quality_gates.py at milestones only)")
    ap.add_argument("--model", default=None, help="'none' for rules only; default: the offline model")
    ap.add_argument("--only", default=None, help="substring of the file names to keep")
    ap.add_argument("--round", type=int, default=None,
                    help="corpus sets: only the articles of this annotation round (the manifest's round column); "
                         "scores a new round before anything is tuned on it")
    ap.add_argument("-v", "--verbose", action="store_true", help="list missed and spurious items")
    ap.add_argument("--dump", default=None, help="write predicted gold-shaped JSON files to this folder")
    ap.add_argument("--oracle", action="store_true",
                    help="use gold entities as mentions (measures relation extraction alone)")
    args = ap.parse_args(argv)

    sys.path.insert(0, str(ROOT))
    from kg.evaluation.scoring import RELATION_TYPES, score_corpus
    from kg.export.atomic import write_atomic
    from kg.evaluation.from_article import article_to_gold_shape
    from kg.pipeline import analyze_article
    from kg.reading.reader import read_inputs

    backend = None
    if args.model != "none" and not args.oracle:
        from kg.nlp.loader import load_backend

        backend = load_backend(args.model)

    sets = ["seeds", "dev"] if args.set == "all" else [args.set]
    for name in sets:
        if args.round is not None and name not in CORPUS_SETS:
            print(f"{name}: --round applies to the corpus sets only, skipped")
            continue
        art_files, gold_files = _set_files(name, args.round)
        if not art_files:
            print(f"{name}: not found, skipped")
            continue
        gold = {}
        for g in gold_files:
            d = json.loads(g.read_text(encoding="utf-8"))
            if args.only and args.only not in d["file"]:
                continue
            gold[d["file"]] = d
        pred = {}
        for item in read_inputs([str(a) for a in art_files], max_bytes=5_000_000):
            if not hasattr(item, "raw") or item.source not in gold:
                continue
            if args.oracle:
                _analyze_with_oracle(item, gold[item.source])
            else:
                analyze_article(item, backend)
            pred[item.source] = article_to_gold_shape(item)
            if args.dump:
                write_atomic(Path(args.dump) / (Path(item.source).stem + ".json"),
                             json.dumps(pred[item.source], ensure_ascii=False, indent=1))
        scores = score_corpus(pred, gold)
        print(f"== {name}: {len(gold)} articles")
        for a in scores.articles:
            print(f"  {a.file:28s} entities F1 {a.entities.f1:.3f}  relations micro-F1 {a.relations_micro.f1:.3f}")
            if args.verbose:
                for m in a.missed:
                    print("      MISSED  ", m)
                for s in a.spurious:
                    print("      SPURIOUS", s)
        e = scores.entities
        print(f"  entities: P {e.precision:.3f} R {e.recall:.3f} F1 {e.f1:.3f}  (tp {e.tp} fp {e.fp} fn {e.fn})")
        for kind in RELATION_TYPES:
            r = scores.relation(kind)
            print(f"  {kind:15s} P {r.precision:.3f} R {r.recall:.3f} F1 {r.f1:.3f}  (tp {r.tp} fp {r.fp} fn {r.fn})")
        m = scores.relations_micro
        print(f"  relations micro: P {m.precision:.3f} R {m.recall:.3f} F1 {m.f1:.3f}  (tp {m.tp} fp {m.fp} fn {m.fn})")
    return 0


def _analyze_with_oracle(article, gold: dict) -> None:
    """normalize -> gold mentions/entities -> extract_relations (no NLP model)."""
    from kg.doc import LocalEntity, Mention
    from kg.relations.relations import extract_relations
    from kg.normalize.pipeline import normalize

    normalize(article)
    text = article.text
    names = []  # (surface, gold entity index)
    for gi, e in enumerate(gold["entities"]):
        for n in {e["name"], *(e.get("aliases") or [])}:
            names.append((n, gi))
    names.sort(key=lambda x: -len(x[0]))
    taken = [False] * len(text)
    found: list[tuple[int, int, int]] = []
    for surface, gi in names:
        start = text.find(surface)
        while start >= 0:
            end = start + len(surface)
            if not any(taken[start:end]):
                found.append((start, end, gi))
                for i in range(start, end):
                    taken[i] = True
            start = text.find(surface, start + 1)
    found.sort()
    local: dict[int, int] = {}
    for start, end, gi in found:
        g = gold["entities"][gi]
        if gi not in local:
            local[gi] = len(article.entities)
            article.entities.append(LocalEntity(name=g["name"], type=g["type"]))
        ei = local[gi]
        article.entities[ei].aliases.add(text[start:end]) if text[start:end] != g["name"] else None
        article.entities[ei].mentions.append(len(article.mentions))
        article.mentions.append(Mention(start, end, text[start:end], g["type"], source="oracle", entity=ei))
    extract_relations(article)


if __name__ == "__main__":
    sys.exit(main())
