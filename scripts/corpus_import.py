"""Build ``corpus/`` from the annotators' batches (``corpus/incoming/TAG/``).

Each batch folder holds ``NNN.txt`` (the article as published), ``NNN.json``
(its gold, written by an annotator from the guide and the article only) and
``index.tsv`` (local id, url, script, damage, category, notes). The
double-annotated articles have their two independent annotations in
``corpus/incoming/dbl_A/TAG_NNN.json`` (the first annotator's, frozen before
any review) and ``corpus/incoming/dbl/TAG_NNN.json`` (the second's), and the
adjudicated result in ``corpus/incoming/adjudicated/TAG_NNN.json``, which is
the gold of those articles.

Every article goes in through :func:`kg.corpus.add.add_article` (a URL or a text
already taken is refused), stories are grouped by text overlap, and the splits
are assigned once by story, stratified by script and damage. The double
annotations go to ``corpus/agreement/A`` (first annotator) and ``B`` (second).

    python3 scripts/corpus_import.py [--fresh]
"""

from __future__ import annotations

import argparse
import csv
import json
import shutil
import sys
from pathlib import Path

from kg.corpus.add import AddError, add_article
from kg.corpus.manifest import read_manifest, write_manifest
from kg.corpus.splits import assign_splits, group_stories, overlapping

ROOT = Path("corpus")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--fresh", action="store_true", help="rebuild corpus/ from the batches (before the splits are frozen)")
    args = ap.parse_args()
    incoming = ROOT / "incoming"
    if args.fresh:
        for name in ("articles", "gold", "agreement"):
            shutil.rmtree(ROOT / name, ignore_errors=True)
        (ROOT / "manifest.tsv").unlink(missing_ok=True)
    by_origin = {r.origin: r.id for r in read_manifest(ROOT / "manifest.tsv")}
    skipped = []
    # the seeds and the shared dev articles never enter the corpus, under any URL
    excluded = {p.name: p.read_text(encoding="utf-8")
                for d in ("seeds", "../shared/dev/articles") for p in sorted(Path(d).glob("*.txt"))}
    for batch in sorted(p for p in incoming.iterdir() if p.is_dir() and (p / "index.tsv").is_file()):
        # round 2 (review against the corpus decisions) is recorded per article in round2.tsv
        reviewed = set()
        if (batch / "round2.tsv").is_file():
            reviewed = {line.split("\t")[0] for line in (batch / "round2.tsv").read_text(encoding="utf-8").splitlines()}
        with (batch / "index.tsv").open(encoding="utf-8", newline="") as f:
            for rec in csv.reader(f, delimiter="\t"):
                if len(rec) < 4 or not rec[0].strip().isdigit():
                    continue
                local, url, _script, damage = (x.strip() for x in rec[:4])
                origin = f"{batch.name}:{local}"
                txt, gold = batch / f"{local}.txt", batch / f"{local}.json"
                adjudicated = incoming / "adjudicated" / f"{batch.name}_{local}.json"
                if adjudicated.is_file():
                    gold = adjudicated
                if origin in by_origin or not (txt.is_file() and gold.is_file()):
                    continue
                copies = overlapping(txt.read_text(encoding="utf-8"), excluded)
                if copies:
                    skipped.append(f"{origin}: the same text as {', '.join(copies)} (seeds/dev stay out)")
                    continue
                try:
                    row = add_article(ROOT, txt, url, gold=gold, damage=damage or "none", origin=origin,
                                      round=3 if gold.parent.name == "adjudicated" else 2 if local in reviewed else 1)
                except AddError as exc:
                    skipped.append(f"{origin}: {exc}")
                    continue
                by_origin[origin] = row.id
    rows = read_manifest(ROOT / "manifest.tsv")
    texts = {r.id: (ROOT / "articles" / f"{r.id}.txt").read_text(encoding="utf-8") for r in rows}
    group_stories(rows, texts)
    assign_splits(rows)
    write_manifest(ROOT / "manifest.tsv", rows)
    # double annotations
    dbl = incoming / "dbl"
    pairs = 0
    for path in sorted(dbl.glob("*.json")) if dbl.is_dir() else []:
        tag, _, local = path.stem.partition("_")
        cid = by_origin.get(f"{tag}:{local}")
        if cid is None:
            continue
        for side, src in (("A", incoming / "dbl_A" / path.name), ("B", path)):
            doc = json.loads(src.read_text(encoding="utf-8"))
            doc["file"] = f"{cid}.txt"
            (ROOT / "agreement" / side).mkdir(parents=True, exist_ok=True)
            (ROOT / "agreement" / side / f"{cid}.json").write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        pairs += 1
    print(f"{len(rows)} articles, {pairs} double-annotated; {len(skipped)} skipped", file=sys.stderr)
    for s in skipped:
        print(f"  skipped {s}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
