"""Fixtures for the build tests: a few seed articles in a folder of their own."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(scope="session")
def three(tmp_path_factory) -> Path:
    """A folder with three seed articles (small: quick builds)."""
    folder = tmp_path_factory.mktemp("three")
    for src in sorted(SEEDS.glob("*.txt"))[:3]:
        shutil.copy(src, folder / src.name)
    return folder


def report(out: Path) -> dict:
    return json.loads((out / "report.json").read_text(encoding="utf-8"))


def sources(out: Path) -> set[str]:
    """The kg:sourceFile of every article in OUT/graph.ttl."""
    import rdflib

    g = rdflib.Graph().parse(out / "graph.ttl", format="turtle")
    rows = g.query("PREFIX kg: <https://w3id.org/zhkg/ontology#> SELECT ?f WHERE { ?a a kg:Article ; kg:sourceFile ?f }")
    return {str(r[0]) for r in rows}
