"""The build report (report.json) and the checks made before a build starts.
Shared by :mod:`kg.pipeline` and :mod:`kg.build`; imports neither."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class BuildReport:
    """What a build read, what failed and why, what it produced, and how long each stage took."""

    model: str = ""
    #: how the entity relations were decided: rules, model or hybrid (kg build --relations)
    relation_mode: str = ""
    read: list[str] = field(default_factory=list)
    #: the parts of a long input read as several articles (kg.reading.parts): part -> its file
    part_of: dict[str, str] = field(default_factory=dict)
    failed: list[dict] = field(default_factory=list)  # {"file", "reason"}
    warnings: list[dict] = field(default_factory=list)  # {"file", "message"}
    entities: dict[str, int] = field(default_factory=dict)
    relations: dict[str, int] = field(default_factory=dict)
    nodes: dict[str, int] = field(default_factory=dict)
    triples: int = 0
    seconds: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    validation: dict | None = None
    #: statements dropped because they would break a SHACL shape:
    #: {"file", "statement", "shape", "constraint", "message"}, in article order
    dropped: list[dict] = field(default_factory=list)
    versions: dict = field(default_factory=dict)
    command: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "versions": self.versions,
            "command": self.command,
            "model": self.model,
            "relation_mode": self.relation_mode,
            "articles_read": self.articles_read(),
            "parts": self.parts(),
            "articles_failed": len(self.failed),
            "read": self.read,
            "failed": self.failed,
            "warnings": self.warnings,
            "entities_by_type": dict(sorted(self.entities.items())),
            "relations_by_type": dict(sorted(self.relations.items())),
            "nodes_by_class": dict(sorted(self.nodes.items())),
            "triples": self.triples,
            "seconds_by_stage": {k: round(v, 3) for k, v in self.seconds.items()},
            "validation": self.validation,
            "dropped_statements": {
                "count": len(self.dropped),
                "by_shape": dict(sorted(Counter(d["shape"] or "(unrepairable article)" for d in self.dropped).items())),
                "statements": self.dropped,
            },
        }

    def articles_read(self) -> int:
        """Input articles read: a long file processed in parts (kg.reading.parts) counts once."""
        return len({self.part_of.get(s, s) for s in self.read})

    def parts(self) -> dict[str, int]:
        """Each long file read in parts -> how many of its parts were read."""
        out: dict[str, int] = {}
        for s in self.read:
            if s in self.part_of:
                out[self.part_of[s]] = out.get(self.part_of[s], 0) + 1
        return out

    def parts_summary(self) -> str:
        """`` (long.txt read as 5 parts)``, `` (2 long files read as 9 parts)``, or nothing."""
        parts = self.parts()
        if not parts:
            return ""
        if len(parts) == 1:
            (name, n), = parts.items()
            return f" ({name} read as {n} parts)"
        return f" ({len(parts)} long files read as {sum(parts.values())} parts)"

    def dropped_summary(self) -> str:
        """``; 3 statements dropped (they would break a SHACL shape; see report.json)``, or nothing."""
        n = len(self.dropped)
        if not n:
            return ""
        return f"; {n} statement{'s' if n != 1 else ''} dropped (they would break a SHACL shape; see report.json)"


def check_inputs(paths: list[str]) -> list[str]:
    """Input paths that do not exist (``-`` is standard input), checked before the model loads."""
    return [p for p in paths if p != "-" and not Path(p).exists()]


def stdin_twice(paths: list[str]) -> bool:
    """Is standard input (``-``, one article) given more than once?"""
    return paths.count("-") > 1


def usage_problem(paths: list[str], out_dir: str, out_option: str, out_hint: str,
                  names: bool = False) -> str | None:
    """What makes a build's or an add's arguments unusable, checked before anything
    loads (an empty input path or output folder: ``Path("")`` is the current folder;
    missing inputs, standard input twice), or None. ``out_option`` and ``out_hint``
    name the output option and what it wants (``-o``, ``name the folder to write
    into``); ``names``: ``paths`` name articles to remove, not files to read."""
    if "" in paths:
        what = "an article's file name or path" if names else "a file or folder, or - for standard input"
        return f'empty input path (""): name {what}'
    if names:
        paths = []
    missing = check_inputs(paths)
    if missing:
        return f"no such file or folder: {', '.join(missing)}"
    if stdin_twice(paths):
        return "standard input (-) given twice: give it once (it holds one article)"
    if not out_dir:
        return f"empty output folder ({out_option}): {out_hint}"
    return None


def _skip_summary(failed: list[dict]) -> str:
    """``2 skipped: empty file (1), processing failed (1)``: the reasons, grouped."""
    reasons = Counter(f["reason"].split(":")[0].split(" (")[0] for f in failed)
    return f"{len(failed)} skipped: " + ", ".join(f"{r} ({n})" for r, n in reasons.most_common())
