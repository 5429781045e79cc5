"""A built graph -> one gold-shaped extraction per article, read with SPARQL.

This is what ``kg eval`` scores: it reads the graph as a user would, so it
measures the exported graph, not the pipeline's intermediate objects. Per
``kg:Article`` (keyed by ``kg:sourceFile``):

- ``entities``: every Person/Organization/Place node ``kg:mentionedIn`` it
  (type via ``rdf:type/rdfs:subClassOf*``), name = its ``rdfs:label``,
  aliases = its ``skos:altLabel`` values;
- pair relations: shortcut triples ``S P O`` present in the graph and backed
  in this article, by a ``kg:Assertion`` (``kg:subject S; kg:predicate P;
  kg:object O; kg:source article``) or, for visited/metWith, by a
  ``kg:Visit``/``kg:Meeting`` event (``kg:agent S; kg:target O``);
- ``positions``: ``kg:Position`` nodes with ``kg:source`` this article;
- ``agreements``: ``kg:Agreement`` nodes with ``kg:source`` this article,
  their ``kg:party`` and the people who ``kg:witnessed`` them.

Names are labels; the scorer maps them onto gold names through the entity
match (any label or alias equal to a gold name or alias).
"""

from __future__ import annotations

from kg.rdf.vocab import ENTITY_RELATIONS

from collections import defaultdict
from typing import TYPE_CHECKING

from kg.evaluation.scoring import PAIR_RELATIONS

if TYPE_CHECKING:
    from rdflib import Graph

_TYPES = ("Person", "Organization", "Place")

Q_ARTICLES = """
SELECT ?art ?file WHERE { ?art a kg:Article ; kg:sourceFile ?file . }
"""

Q_LABELS = """
SELECT ?e ?label WHERE { ?e rdfs:label ?label . FILTER (isIRI(?e)) }
"""

Q_ENTITIES = """
SELECT DISTINCT ?file ?e ?type WHERE {
    VALUES ?type { kg:Person kg:Organization kg:Place }
    ?cls rdfs:subClassOf* ?type .
    ?e rdf:type ?cls .
    ?e kg:mentionedIn ?art .
    ?art kg:sourceFile ?file .
}
"""

Q_ALIASES = """
SELECT DISTINCT ?e ?alias WHERE { ?e kg:mentionedIn ?art ; skos:altLabel ?alias . }
"""

Q_PAIRS = """
SELECT DISTINCT ?file ?p ?s ?o WHERE {
    {
        ?a a kg:Assertion ; kg:subject ?s ; kg:predicate ?p ; kg:object ?o ; kg:source ?art .
    } UNION {
        ?ev a kg:Visit ; kg:agent ?s ; kg:target ?o ; kg:source ?art .
        BIND (kg:visited AS ?p)
    } UNION {
        ?ev a kg:Meeting ; kg:agent ?s ; kg:target ?o ; kg:source ?art .
        BIND (kg:metWith AS ?p)
    }
    ?s ?p ?o .
    ?art kg:sourceFile ?file .
    FILTER (?p IN ({relations}))
}
""".replace("{relations}", ", ".join(f"kg:{r}" for r in ENTITY_RELATIONS))

Q_POSITIONS = """
SELECT DISTINCT ?file ?person ?title ?in WHERE {
    ?person kg:holdsPosition ?pos .
    ?pos kg:source/kg:sourceFile ?file ; kg:title ?title .
    OPTIONAL { ?pos kg:positionIn ?in }
}
"""

Q_AGREEMENTS = """
SELECT ?file ?ag ?name WHERE {
    ?ag a kg:Agreement ; kg:source/kg:sourceFile ?file .
    OPTIONAL { ?ag rdfs:label ?name }
}
"""

Q_PARTIES = """
SELECT DISTINCT ?ag ?x WHERE { ?ag a kg:Agreement ; kg:party ?x . }
"""

Q_WITNESSES = """
SELECT DISTINCT ?ag ?x WHERE { ?x kg:witnessed ?ag . ?ag a kg:Agreement . }
"""


def _select(graph: "Graph", query: str):
    from kg.rdf.namespaces import PREFIXES

    return graph.query(query, initNs=PREFIXES)


def _labels(graph: "Graph") -> dict:
    """node -> its label (the @zh one when there are several, then the smallest)."""
    found: dict = defaultdict(list)
    for e, label in _select(graph, Q_LABELS):
        found[e].append(label)
    out = {}
    for e, labels in found.items():
        zh = sorted(str(lab) for lab in labels if getattr(lab, "language", None) == "zh")
        out[e] = zh[0] if zh else sorted(str(lab) for lab in labels)[0]
    return out


def graph_to_gold_shape(graph: "Graph") -> dict[str, dict]:
    """``{source_file: gold-shaped dict}`` for every kg:Article of the graph."""
    from kg.rdf.ontology import with_ontology

    graph = with_ontology(graph)
    labels = _labels(graph)

    def name(node) -> str:
        return labels.get(node, str(node))

    docs: dict[str, dict] = {}
    for _art, file in _select(graph, Q_ARTICLES):
        docs.setdefault(str(file), {"file": str(file)})

    types: dict[tuple[str, object], set[str]] = defaultdict(set)
    for file, e, type_ in _select(graph, Q_ENTITIES):
        types[(str(file), e)].add(str(type_).rsplit("#", 1)[-1])
    aliases: dict = defaultdict(set)
    for e, alias in _select(graph, Q_ALIASES):
        aliases[e].add(str(alias))
    entities: dict[str, list] = defaultdict(list)
    for (file, e), ts in types.items():
        type_ = next(t for t in _TYPES if t in ts)
        entry = {"name": name(e), "type": type_, "aliases": sorted(aliases[e] - {name(e)})}
        entities[file].append(entry)

    pairs: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    for file, p, s, o in _select(graph, Q_PAIRS):
        kind = str(p).rsplit("#", 1)[-1]
        a, b = name(s), name(o)
        if kind == "metWith":
            if (b, a) in pairs[str(file)][kind]:
                continue
        pairs[str(file)][kind].add((a, b))

    positions: dict[str, set] = defaultdict(set)
    for file, person, title, org in _select(graph, Q_POSITIONS):
        positions[str(file)].add((name(person), str(title), name(org) if org is not None else None))

    parties: dict = defaultdict(set)
    for ag, x in _select(graph, Q_PARTIES):
        parties[ag].add(name(x))
    witnesses: dict = defaultdict(set)
    for ag, x in _select(graph, Q_WITNESSES):
        witnesses[ag].add(name(x))
    agreements: dict[str, list] = defaultdict(list)
    for file, ag, label in _select(graph, Q_AGREEMENTS):
        agreements[str(file)].append(
            {
                "name": str(label) if label is not None else "",
                "parties": sorted(parties[ag]),
                "witnesses": sorted(witnesses[ag]),
                "_iri": str(ag),
            }
        )

    for file, doc in docs.items():
        doc["entities"] = sorted(entities[file], key=lambda d: (d["type"], d["name"]))
        for kind in PAIR_RELATIONS:
            doc[kind] = [list(t) for t in sorted(pairs[file][kind])]
        doc["positions"] = [
            {"person": per, "title": t, **({"in": org} if org is not None else {})}
            for per, t, org in sorted(positions[file], key=lambda t: (t[0], t[1], t[2] or ""))
        ]
        ags = sorted(agreements[file], key=lambda d: (d["name"], d["parties"], d["_iri"]))
        doc["agreements"] = [{k: v for k, v in a.items() if k != "_iri"} for a in ags]
    return docs
