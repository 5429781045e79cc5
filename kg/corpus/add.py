"""``kg corpus add FILE --url URL``: take one article (and its gold file) into
the corpus under a new id and record its manifest row."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from kg.corpus.manifest import DAMAGE_KINDS, SPLITS, Row, next_id, read_manifest, write_manifest


class AddError(ValueError):
    pass


def _digest(text: str) -> str:
    return hashlib.sha1("".join(text.split()).encode("utf-8")).hexdigest()


def add_article(
    root: str | Path,
    file: str | Path,
    url: str,
    gold: str | Path | None = None,
    damage: str = "none",
    split: str = "train",
    round: int = 1,
    story: str = "",
    origin: str = "",
) -> Row:
    """Copy ``file`` to ``articles/ID.txt`` and its gold (or an empty skeleton,
    round 0: not yet annotated) to ``gold/ID.json``; append the manifest row.
    A URL or a text already in the corpus is refused. A near copy of an
    article already in (the same story from another outlet: character 8-gram
    overlap, :func:`kg.corpus.splits.same_story`) joins that article's story,
    and is refused when it would land in another split: one story is in one
    split, so nothing of the frozen test split leaks into train."""
    from kg.export.atomic import write_atomic
    from kg.normalize.script import detect_script

    root = Path(root)
    if not url.strip():
        raise AddError("--url is required: every article keeps the address it was published at")
    if split not in SPLITS:
        raise AddError(f"split {split!r}: use one of {', '.join(SPLITS)}")
    kinds = [d for d in damage.split(",") if d]
    if not kinds or any(d not in DAMAGE_KINDS for d in kinds):
        raise AddError(f"damage {damage!r}: use comma-separated {', '.join(DAMAGE_KINDS)}")
    try:
        raw = Path(file).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise AddError(f"{file}: cannot read it as UTF-8 text: {exc}") from exc
    if not raw.strip():
        raise AddError(f"{file}: empty")
    try:
        rows = read_manifest(root / "manifest.tsv")
    except OSError as exc:  # a read, not a write: nothing was written yet
        raise AddError(f"{root / 'manifest.tsv'}: cannot read it: {exc.strerror or exc}") from exc
    for row in rows:
        if row.url == url:
            raise AddError(f"{url}: already in the corpus as {row.id}")
    from kg.corpus.splits import same_story

    digest = _digest(raw)
    for row in rows:
        path = root / "articles" / f"{row.id}.txt"
        if not path.exists():
            continue
        try:
            known = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:  # a corpus article no one can compare with
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            raise AddError(f"{path}: a corpus article that cannot be read as UTF-8 text ({reason}); "
                           "kg corpus check lists what is wrong") from exc
        if _digest(known) == digest:
            raise AddError(f"{file}: the same text is already in the corpus as {row.id}")
        if same_story(raw, known):
            if row.split != split:
                raise AddError(f"{file}: the same story as {row.id}, which is in the {row.split} split "
                               f"(one story stays in one split)")
            story = story or row.story or row.id
    new_id = next_id(rows)
    if gold is not None:
        try:
            doc = json.loads(Path(gold).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise AddError(f"{gold}: not a readable JSON gold file: {exc}") from exc
        if not isinstance(doc, dict):
            raise AddError(f"{gold}: not a gold file (a JSON object)")
    else:
        doc, round = {"entities": []}, 0
    doc = {"file": f"{new_id}.txt", **{k: v for k, v in doc.items() if k != "file"}}
    script = detect_script(raw).script
    (root / "articles").mkdir(parents=True, exist_ok=True)
    (root / "gold").mkdir(parents=True, exist_ok=True)
    write_atomic(root / "articles" / f"{new_id}.txt", raw)
    write_atomic(root / "gold" / f"{new_id}.json", json.dumps(doc, ensure_ascii=False, indent=1) + "\n")
    row = Row(new_id, url, script, ",".join(kinds), len(raw), split, round, story or new_id, origin)
    write_manifest(root / "manifest.tsv", rows + [row])
    return row
