"""Generate ``kg/rdf/vocab.py`` from ``ontology/kg.ttl``: the one place where
the graph's classes and properties are named in code.

    python3 -m kg.rdf.vocabgen          # rewrite kg/rdf/vocab.py
    python3 -m kg.rdf.vocabgen --check  # exit 1 when it is out of date

A test runs the check, so the vocabulary in code always matches the ontology.
"""

from __future__ import annotations

import sys
from pathlib import Path

HEADER = '''"""The zhkg vocabulary, generated from ``ontology/kg.ttl`` by
``python3 -m kg.rdf.vocabgen``: do not edit by hand.

``KGV`` is an rdflib ``DefinedNamespace``: ``KGV.visited`` is the IRI of
``kg:visited``, and a name the ontology does not define raises
``AttributeError`` instead of minting a misspelt IRI.
"""

from __future__ import annotations

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef


class KGV(DefinedNamespace):
    _NS = Namespace("{ns}")
    _fail = True

'''


def render(ontology_path: str | Path) -> str:
    from rdflib import OWL, RDF, RDFS, Graph, URIRef

    from kg.rdf.namespaces import KG

    graph = Graph().parse(str(ontology_path), format="turtle")
    classes, props, datatype, entity_relations, symmetric = set(), set(), set(), set(), set()
    for s in graph.subjects(RDF.type, OWL.Class):
        if str(s).startswith(KG):
            classes.add(str(s)[len(KG):])
    for kind in (OWL.ObjectProperty, OWL.DatatypeProperty):
        for s in graph.subjects(RDF.type, kind):
            if str(s).startswith(KG):
                props.add(str(s)[len(KG):])
                if kind == OWL.DatatypeProperty:
                    datatype.add(str(s)[len(KG):])
    for s in graph.subjects(RDFS.subPropertyOf, URIRef(KG + "entityRelation")):
        entity_relations.add(str(s)[len(KG):])
    for s in graph.subjects(RDF.type, OWL.SymmetricProperty):
        if str(s).startswith(KG):
            symmetric.add(str(s)[len(KG):])

    def label(name: str) -> str:
        for o in graph.objects(URIRef(KG + name), RDFS.label):
            if getattr(o, "language", None) == "en":
                return str(o)
        return ""

    lines = [HEADER.replace("{ns}", KG)]
    lines.append("    # classes\n")
    for name in sorted(classes):
        lines.append(f"    {name}: URIRef  # {label(name)}\n")
    lines.append("\n    # properties\n")
    for name in sorted(props):
        lines.append(f"    {name}: URIRef  # {label(name)}\n")
    order = [p for p in ("visited", "metWith", "accompanied", "affiliatedWith", "partOf", "locatedIn") if p in entity_relations]
    order += sorted(entity_relations - set(order))
    lines.append("\n\n#: every class and property the ontology defines (local names)\n")
    lines.append(f"CLASSES: tuple[str, ...] = {tuple(sorted(classes))!r}\n")
    lines.append(f"PROPERTIES: tuple[str, ...] = {tuple(sorted(props))!r}\n")
    lines.append("#: the shortcut relations between entities (sub-properties of kg:entityRelation), in the guide's order\n")
    lines.append(f"ENTITY_RELATIONS: tuple[str, ...] = {tuple(order)!r}\n")
    lines.append(f"SYMMETRIC: frozenset[str] = frozenset({tuple(sorted(symmetric))!r})\n")
    return "".join(lines)


def target() -> Path:
    return Path(__file__).with_name("vocab.py")


def main(argv: list[str] | None = None) -> int:
    from kg.rdf.ontology import ontology_path

    argv = sys.argv[1:] if argv is None else argv
    text = render(ontology_path())
    if "--check" in argv:
        if target().read_text(encoding="utf-8") != text:
            print("kg/rdf/vocab.py is out of date: run python3 -m kg.rdf.vocabgen", file=sys.stderr)
            return 1
        return 0
    target().write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
