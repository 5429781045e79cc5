"""ontology/kg.ttl: the contract's vocabulary, labelled, with the required axioms."""

from __future__ import annotations

import pytest
from rdflib import RDF, RDFS, BNode, URIRef
from rdflib.namespace import OWL

from kg.doc import ORG_SUBTYPES, PLACE_SUBTYPES
from kg.rdf.namespaces import KG
from kg.rdf.ontology import load_ontology, load_shapes, ontology_dir

CONTRACT_CLASSES = {
    "Person": None,
    "Organization": None,
    "GovernmentBody": "Organization",
    "Company": "Organization",
    "ResearchInstitution": "Organization",
    "University": "Organization",
    "Association": "Organization",
    "Place": None,
    "Country": "Place",
    "Province": "Place",
    "City": "Place",
    "District": "Place",
    "Park": "Place",
    "Event": None,
    "Visit": "Event",
    "Meeting": "Event",
    "Signing": "Event",
    "Agreement": None,
    "Position": None,
    "Article": None,
}
CONTRACT_PROPERTIES = [
    "visited", "metWith", "accompanied", "affiliatedWith", "holdsPosition", "title", "positionIn",
    "signed", "party", "witnessed", "partOf", "locatedIn", "mentionedIn", "sourceFile", "source", "evidence",
]


@pytest.fixture(scope="module")
def onto():
    return load_ontology()


def kg(name: str) -> URIRef:
    return URIRef(KG + name)


@pytest.mark.parametrize("name,parent", sorted(CONTRACT_CLASSES.items()))
def test_contract_classes(onto, name, parent):
    assert (kg(name), RDF.type, OWL.Class) in onto
    if parent:
        assert (kg(name), RDFS.subClassOf, kg(parent)) in onto


@pytest.mark.parametrize("name", CONTRACT_PROPERTIES)
def test_contract_properties(onto, name):
    types = set(onto.objects(kg(name), RDF.type))
    assert types & {OWL.ObjectProperty, OWL.DatatypeProperty}


def test_every_term_has_zh_and_en_label_and_comment(onto):
    terms = {s for s in onto.subjects(RDF.type, None) if str(s).startswith(KG)}
    assert len(terms) > 40
    for term in terms:
        for prop in (RDFS.label, RDFS.comment):
            langs = {lit.language for lit in onto.objects(term, prop)}
            assert {"zh", "en"} <= langs, (term, prop)


def test_every_property_has_a_domain_or_range(onto):
    props = set(onto.subjects(RDF.type, OWL.ObjectProperty)) | set(onto.subjects(RDF.type, OWL.DatatypeProperty))
    for prop in props:
        assert onto.value(prop, RDFS.range) is not None or onto.value(prop, RDFS.domain) is not None, prop


def test_axioms(onto):
    assert (kg("metWith"), RDF.type, OWL.SymmetricProperty) in onto
    assert (kg("party"), OWL.inverseOf, kg("signed")) in onto


def test_no_blank_nodes_in_the_ontology(onto):
    # it is merged into every graph.ttl, whose bytes must not depend on blank node ids
    assert not any(isinstance(t, BNode) for triple in onto for t in triple)


def test_shapes_parse_and_files_are_found():
    assert (ontology_dir() / "kg.ttl").is_file()
    assert len(load_shapes()) > 50


def test_ontology_dir_from_environment(tmp_path, monkeypatch):
    from kg.rdf.ontology import OntologyNotFound, _candidates

    monkeypatch.setenv("ZHKG_ONTOLOGY_DIR", str(tmp_path))
    assert _candidates()[0] == tmp_path
    (tmp_path / "kg.ttl").write_text("", encoding="utf-8")
    (tmp_path / "shapes.ttl").write_text("", encoding="utf-8")
    assert ontology_dir() == tmp_path
    assert issubclass(OntologyNotFound, FileNotFoundError)


@pytest.mark.parametrize(
    "name,parent",
    [(s, "Organization") for s in ORG_SUBTYPES] + [(s, "Place") for s in PLACE_SUBTYPES],
)
def test_every_subtype_the_pipeline_emits_is_a_declared_subclass(onto, name, parent):
    """kg/doc.py's subtypes become rdf:type; each must sit under its contract class."""
    assert (kg(name), RDF.type, OWL.Class) in onto
    assert (kg(name), RDFS.subClassOf, kg(parent)) in onto
