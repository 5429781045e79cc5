"""``kg corpus add|check|stats|agreement``: plain functions behind the CLI."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from kg.corpus.manifest import ManifestError


def run_add(root: str, file: str, url: str, gold: str | None, damage: str, split: str, round: int, out: TextIO,
            origin: str = "") -> int:
    from kg import exitcodes
    from kg.corpus.add import AddError, add_article

    try:
        row = add_article(root, file, url, gold=gold, damage=damage, split=split, round=round, origin=origin)
    except (AddError, ManifestError) as exc:  # bad input: nothing was written
        print(f"kg corpus add: {exc}", file=sys.stderr)
        return exitcodes.USAGE
    except OSError as exc:
        print(f"kg corpus add: cannot write into {root}: {exc.strerror or exc}", file=sys.stderr)
        return exitcodes.IO_ERROR
    note = "" if row.round else " (no gold given: annotate gold/{0}.json, then set its round)".format(row.id)
    print(f"{row.id}\t{row.script}\t{row.chars} chars\t{row.split}{note}", file=out)
    return 0


def run_check(root: str, out: TextIO, show_review: bool = True, not_in: list[str] = ()) -> int:
    from kg.corpus.check import check_corpus, format_counts

    if not Path(root, "manifest.tsv").is_file():
        print(f"kg corpus check: {root}/manifest.tsv not found (run from the repository root or give --root)", file=sys.stderr)
        return 2
    rep = check_corpus(root, not_in=not_in)
    for row in rep.rows:
        if row.round == 0:
            rep.errors.append(f"{row.id}: not annotated yet (round 0)")
    print(format_counts(rep), file=out)
    if show_review and rep.review:
        print(f"\nto review ({len(rep.review)}):", file=out)
        for r in rep.review:
            print(f"  {r}", file=out)
    if rep.errors:
        print(f"\n{len(rep.errors)} error(s):", file=out)
        for e in rep.errors:
            print(f"  {e}", file=out)
        return 1
    print(f"\nkg corpus check: {len(rep.rows)} articles, all gold files valid", file=out)
    return 0


def run_stats(root: str, out: TextIO) -> int:
    from collections import Counter

    from kg.corpus.check import check_corpus, format_counts

    if not Path(root, "manifest.tsv").is_file():
        print(f"kg corpus stats: {root}/manifest.tsv not found", file=sys.stderr)
        return 2
    rep = check_corpus(root, with_text=False)
    if not rep.rows and rep.errors:  # the manifest could not be read: no statistics to give
        print(f"kg corpus stats: {rep.errors[0]}", file=sys.stderr)
        return 2
    print(format_counts(rep), file=out)
    damage = Counter(d for r in rep.rows for d in r.damage_kinds)
    chars = sorted(r.chars for r in rep.rows)
    print("damage kinds: " + ", ".join(f"{k} {v}" for k, v in damage.most_common()), file=out)
    if chars:
        print(f"chars: total {sum(chars)}, median {chars[len(chars) // 2]}, min {chars[0]}, max {chars[-1]}", file=out)
    origin = Counter(r.origin.split(":")[0] for r in rep.rows)
    print("rounds: " + ", ".join(f"{k} {v}" for k, v in sorted(Counter(r.round for r in rep.rows).items())), file=out)
    print("origins: " + ", ".join(f"{k or '-'} {v}" for k, v in sorted(origin.items())), file=out)
    return 0


def run_files(root: str, split: str | None, out: TextIO) -> int:
    from kg.corpus.manifest import split_articles

    try:
        paths = split_articles(root, split)
    except (ManifestError, OSError) as exc:
        print(f"kg corpus files: {exc}", file=sys.stderr)
        return 2
    if not paths:
        print(f"kg corpus files: no articles in {root}" + (f" (split {split})" if split else ""), file=sys.stderr)
        return 2
    for p in paths:
        print(p, file=out)
    return 0


def run_agreement(root: str, out: TextIO) -> int:
    from kg.corpus.agreement import agreement, format_agreement

    a, b = Path(root, "agreement", "A"), Path(root, "agreement", "B")
    if not (a.is_dir() and b.is_dir()):
        print(f"kg corpus agreement: {a} and {b} are needed", file=sys.stderr)
        return 2
    print(format_agreement(agreement(a, b)), file=out)
    return 0
