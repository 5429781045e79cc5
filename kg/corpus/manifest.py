"""``corpus/manifest.tsv``: one row per article, read and written atomically."""

from __future__ import annotations

import csv
import io
from dataclasses import asdict, dataclass, fields
from pathlib import Path

SPLITS = ("train", "dev", "test")
SCRIPTS = ("simplified", "traditional")
#: kinds of damage a published page may carry (``none`` when clean)
DAMAGE_KINDS = ("none", "pinyin", "mojibake", "garbled", "chrome", "related-news", "spam", "duplicated", "truncated")


@dataclass
class Row:
    id: str
    url: str
    script: str  # simplified / traditional
    damage: str  # comma-separated DAMAGE_KINDS
    chars: int
    split: str  # train / dev / test
    round: int  # annotation round
    story: str = ""  # articles of one story share it (they go to one split)
    origin: str = ""  # how it came in: a batch tag or a note

    @property
    def damage_kinds(self) -> list[str]:
        return [d for d in self.damage.split(",") if d]

    @property
    def damaged(self) -> bool:
        return any(d != "none" for d in self.damage_kinds)


COLUMNS = tuple(f.name for f in fields(Row))


class ManifestError(ValueError):
    pass


def read_manifest(path: str | Path) -> list[Row]:
    path = Path(path)
    if not path.exists():
        return []
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ManifestError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    rows: list[Row] = []
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter="\t")
    missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise ManifestError(f"{path}: missing column(s) {', '.join(missing)}")
    for n, rec in enumerate(reader, start=2):
        if any(rec[c] is None for c in COLUMNS):
            raise ManifestError(f"{path}:{n}: {sum(rec[c] is not None for c in COLUMNS)} columns where {len(COLUMNS)} "
                                f"tab-separated ones are needed ({', '.join(COLUMNS)})")
        try:
            rows.append(Row(**{c: rec[c] or "" for c in COLUMNS if c not in ("chars", "round")},
                            chars=int(rec["chars"]), round=int(rec["round"])))
        except (TypeError, ValueError) as exc:
            raise ManifestError(f"{path}:{n}: {exc}") from exc
    return rows


def write_manifest(path: str | Path, rows: list[Row]) -> None:
    from kg.export.atomic import write_atomic

    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, delimiter="\t", lineterminator="\n")
    writer.writeheader()
    for row in sorted(rows, key=lambda r: r.id):
        writer.writerow(asdict(row))
    write_atomic(path, buf.getvalue())


def split_rows(root: str | Path, split: str | None = None) -> list[Row]:
    """The manifest rows of one split (every row when ``split`` is None)."""
    if split is not None and split not in SPLITS:
        raise ManifestError(f"split {split!r}: use one of {', '.join(SPLITS)}")
    return [r for r in read_manifest(Path(root) / "manifest.tsv") if split is None or r.split == split]


def split_articles(root: str | Path, split: str | None = None) -> list[Path]:
    """Paths of the articles of one split, in id order."""
    return [Path(root) / "articles" / f"{r.id}.txt" for r in sorted(split_rows(root, split), key=lambda r: r.id)]


def is_corpus(folder: str | Path) -> bool:
    return (Path(folder) / "manifest.tsv").is_file()


def next_id(rows: list[Row]) -> str:
    """``c0001``, ``c0002``, ... (one past the largest id in use)."""
    numbers = [int(r.id[1:]) for r in rows if r.id[:1] == "c" and r.id[1:].isdigit()]
    return f"c{max(numbers, default=0) + 1:04d}"
