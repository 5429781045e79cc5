"""SHACL: a conforming graph passes; broken graphs fail with readable violations."""

from __future__ import annotations

import io

from rdflib import RDF, RDFS, Literal, URIRef

from kg.export.turtle import write_turtle
from kg.rdf.iris import article_part_iri, entity_iri
from kg.rdf.mapping import corpus_to_graph
from kg.rdf.namespaces import KG
from kg.rdf.validate import run_validate, validate_graph

CHEN = URIRef(entity_iri("person/陈向平"))
POSITION = URIRef(article_part_iri("000_a.txt", "position", 0))


def test_mapped_graph_conforms(graph):
    result = validate_graph(graph)
    assert result.conforms, result.violations
    assert result.violations == []


def test_conforms_without_ontology_in_the_graph(corpus):
    # subclass targets still work: the validator merges the ontology in
    result = validate_graph(corpus_to_graph(corpus, include_ontology=False))
    assert result.conforms, result.violations


def test_missing_evidence_is_a_violation(graph):
    graph.remove((POSITION, URIRef(KG + "evidence"), None))
    result = validate_graph(graph)
    assert not result.conforms
    assert any("position/0" in v and "kg:evidence" in v for v in result.violations), result.violations


def test_missing_or_second_label_is_a_violation(graph):
    graph.remove((CHEN, RDFS.label, None))
    result = validate_graph(graph)
    assert any("person/陈向平" in v and "rdfs:label@zh" in v for v in result.violations), result.violations
    graph.add((CHEN, RDFS.label, Literal("陈向平", lang="zh")))
    graph.add((CHEN, RDFS.label, Literal("陈书记", lang="zh")))
    assert not validate_graph(graph).conforms


def test_label_on_a_subclass_instance_is_checked(graph):
    company = URIRef(entity_iri("org/恒玄科技(上海)股份有限公司"))
    graph.remove((company, RDFS.label, None))
    graph.add((company, RDFS.label, Literal("恒玄科技(上海)股份有限公司")))  # no @zh
    result = validate_graph(graph)
    assert any("恒玄科技" in v and "rdfs:label" in v for v in result.violations), result.violations


def test_unbacked_shortcut_triple_is_a_violation(graph):
    shanghai = URIRef(entity_iri("place/310000"))
    graph.add((CHEN, URIRef(KG + "visited"), shanghai))
    result = validate_graph(graph)
    assert any("kg:visited" in v and "陈向平" in v and "上海市" in v for v in result.violations), result.violations


def test_wrong_value_type_is_a_violation(graph):
    shanghai = URIRef(entity_iri("place/310000"))
    graph.add((CHEN, URIRef(KG + "affiliatedWith"), shanghai))
    result = validate_graph(graph)
    assert any("kg:affiliatedWith" in v for v in result.violations), result.violations


def test_position_without_title_or_holder(graph):
    graph.remove((POSITION, URIRef(KG + "title"), None))
    graph.remove((None, URIRef(KG + "holdsPosition"), POSITION))
    text = "\n".join(validate_graph(graph).violations)
    assert "kg:title" in text and "kg:holdsPosition" in text


def test_article_without_source_file(graph):
    article = next(graph.subjects(RDF.type, URIRef(KG + "Article")))
    graph.remove((article, URIRef(KG + "sourceFile"), None))
    assert any("kg:sourceFile" in v for v in validate_graph(graph).violations)


def test_agreement_without_party_is_only_a_warning(graph):
    agreement = URIRef(article_part_iri("000_a.txt", "agreement", 0))
    for party in list(graph.objects(agreement, URIRef(KG + "party"))):
        graph.remove((agreement, URIRef(KG + "party"), party))
        graph.remove((party, URIRef(KG + "signed"), agreement))
    result = validate_graph(graph)
    assert result.conforms, result.violations
    assert any("without any kg:party" in w for w in result.warnings)


def test_run_validate_exit_codes(graph, tmp_path):
    good = write_turtle(graph, tmp_path / "good.ttl")
    out = io.StringIO()
    assert run_validate(str(good), out) == 0
    assert "conforms" in out.getvalue()

    graph.remove((POSITION, URIRef(KG + "evidence"), None))
    bad = write_turtle(graph, tmp_path / "bad.ttl")
    out = io.StringIO()
    assert run_validate(str(bad), out) == 1
    assert "kg:evidence" in out.getvalue() and "1 violations" in out.getvalue()

    assert run_validate(str(tmp_path / "missing.ttl"), io.StringIO()) == 2
    broken = tmp_path / "broken.ttl"
    broken.write_text("this is not turtle <<<", encoding="utf-8")
    assert run_validate(str(broken), io.StringIO()) == 2


def test_run_validate_reads_a_build_folders_graph(graph, tmp_path, capsys):
    """kg validate OUT said "OUT: no such file" (found by a tester)."""
    write_turtle(graph, tmp_path / "out" / "graph.ttl")
    out = io.StringIO()
    assert run_validate(str(tmp_path / "out"), out) == 0
    assert "conforms" in out.getvalue()
    (tmp_path / "empty").mkdir()
    assert run_validate(str(tmp_path / "empty"), io.StringIO()) == 2
    assert "no graph.ttl in this folder" in capsys.readouterr().err


def test_a_label_with_a_line_break_or_an_escape_stays_on_its_line(tmp_path):
    """A violation line quoted the entity's label as written: a label holding a line break
    split it in two (the second line could read as a result of its own), and a terminal
    escape sequence reached the terminal (found by a tester)."""
    path = tmp_path / "g.ttl"
    path.write_text('@prefix kg: <https://w3id.org/zhkg/ontology#> .\n'
                    '@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n'
                    '<http://x/p> a kg:Person ; rdfs:label "A\\nfake: line\\u001b[31m"@zh .\n', encoding="utf-8")
    out = io.StringIO()
    assert run_validate(str(path), out) == 1
    lines = out.getvalue().splitlines()
    assert lines and all(line.startswith(("<http://x/p> (A\\nfake: line\\x1b[31m)", str(path))) for line in lines), lines
    assert "\x1b" not in out.getvalue()
