"""One vocabulary source: kg/rdf/vocab.py is generated from the ontology and
every kg: term the code and the ready queries use is defined there."""

from __future__ import annotations

import re
import typing
from pathlib import Path

import pytest

from kg.rdf import vocabgen
from kg.rdf.vocab import CLASSES, ENTITY_RELATIONS, KGV, PROPERTIES, SYMMETRIC

ROOT = Path(__file__).resolve().parents[2]
TERM = re.compile(r"\bkg:([A-Za-z][A-Za-z0-9]*)")


def test_generated_vocabulary_matches_the_ontology():
    assert vocabgen.main(["--check"]) == 0


def test_a_misspelt_term_raises():
    assert str(KGV.visited) == "https://w3id.org/zhkg/ontology#visited"
    with pytest.raises(AttributeError):
        KGV.visitd  # noqa: B018


def test_entity_relations_are_the_contract_shortcuts():
    assert ENTITY_RELATIONS == ("visited", "metWith", "accompanied", "affiliatedWith", "partOf", "locatedIn")
    assert SYMMETRIC == {"metWith"}


def test_the_article_model_uses_the_same_relation_kinds():
    from kg.doc import RelationKind

    assert typing.get_args(RelationKind) == ENTITY_RELATIONS


@pytest.mark.parametrize("path", sorted((ROOT / "queries").glob("*.rq")) + [ROOT / "ontology" / "shapes.ttl"]
                         + sorted((ROOT / "kg").rglob("*.py")),
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_every_kg_term_used_is_defined(path):
    text = path.read_text(encoding="utf-8")
    if path.name in ("vocab.py", "vocabgen.py"):
        return
    unknown = {t for t in TERM.findall(text) if t not in CLASSES and t not in PROPERTIES}
    assert not unknown, f"{path.name} uses undefined kg: terms {sorted(unknown)}"


def test_the_page_legend_uses_ontology_labels():
    from kg.export.html import relation_styles

    styles = relation_styles()
    assert styles["visited"][0] == "考察 visited"
    assert set(styles) <= set(PROPERTIES)
