"""Network analytics on the knowledge graph: an RDF graph as a networkx graph.

``to_networkx`` turns the entity layer of a graph in the contract's vocabulary
(``shared/spec/graph-contract.md``) into a ``networkx.MultiDiGraph``: one node per
person, organization, place or agreement (keyed by IRI, with ``label``, ``type``,
``kind`` and ``aliases`` attributes) and one edge per shortcut triple (keyed by
the relation's local name). The other helpers (centrality, the person-person
met-with projection, co-signing, communities, neighbourhood cuts) work on that
graph; the notebook and the HTML export use them.

rdflib and networkx are imported inside the functions (``kg --help`` stays instant).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from kg.rdf.namespaces import KG
from kg.rdf.vocab import ENTITY_RELATIONS, SYMMETRIC

if TYPE_CHECKING:  # pragma: no cover
    import networkx
    import rdflib

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
RDFS_SUBCLASSOF = "http://www.w3.org/2000/01/rdf-schema#subClassOf"
SKOS_ALTLABEL = "http://www.w3.org/2004/02/skos/core#altLabel"
DCTERMS_DATE = "http://purl.org/dc/terms/date"

#: The entity kinds that become nodes, most important first.
KINDS: tuple[str, ...] = ("Person", "Organization", "Place", "Agreement")

#: The contract's class hierarchy (subclass -> superclass). Merged with the
#: ``rdfs:subClassOf`` triples a graph carries, so a graph loaded without
#: ``ontology/kg.ttl`` is still read correctly.
CONTRACT_SUBCLASSES: dict[str, str] = {
    "GovernmentBody": "Organization",
    "Company": "Organization",
    "ResearchInstitution": "Organization",
    "University": "Organization",
    "Association": "Organization",
    "Country": "Place",
    "Province": "Place",
    "City": "Place",
    "District": "Place",
    "Town": "Place",
    "Park": "Place",
    "Visit": "Event",
    "Meeting": "Event",
    "Signing": "Event",
}

#: Shortcut relations between entities, as networkx edge keys. ``holdsPosition``
#: is drawn person -> the organization or place of the position (via
#: ``kg:positionIn``), with the position's ``kg:title`` as the edge's ``title``.
RELATIONS: tuple[str, ...] = ENTITY_RELATIONS[:4] + ("holdsPosition", "signed", "party", "witnessed") + ENTITY_RELATIONS[4:]

#: The predicates :func:`to_networkx` and :func:`entity_details` (given the evidence, as
#: the build gives it) read: statements with any other predicate change nothing they
#: return, so the build's page graph keeps only these (about 30% of the statements).
PAGE_PREDICATES: frozenset[str] = frozenset(
    {RDF_TYPE, RDFS_LABEL, RDFS_SUBCLASSOF, SKOS_ALTLABEL, KG + "title", KG + "positionIn"}
    | {KG + r for r in RELATIONS}
)


def page_reads(triple: tuple) -> bool:
    """Does :func:`to_networkx` or :func:`entity_details` (given the evidence) read this
    plain statement (:mod:`kg.export.page_graph`)? Its predicate is one of
    :data:`PAGE_PREDICATES`, and an ``rdf:type`` is a class of one of the KINDS (the
    types of events, positions and other nodes classify nothing: a node's kind and most
    specific type come from its classes under a kind)."""
    p = triple[1]
    return p in PAGE_PREDICATES and (p != RDF_TYPE or triple[2] in _kind_class_iris())


@lru_cache(maxsize=1)
def _kind_class_iris() -> frozenset[str]:
    """The IRIs of the kg classes under one of the KINDS (in the ontology, as the page
    reads its subclass tree)."""
    from kg.export.page_graph import PageGraph, plain_triples
    from kg.rdf.ontology import load_ontology

    ontology = PageGraph()
    ontology.add_all(t for t in plain_triples(load_ontology()) if t[1] == RDFS_SUBCLASSOF)
    supers = _superclasses(ontology)
    names = set(supers) | {sup for sups in supers.values() for sup in sups} | set(KINDS)
    return frozenset(KG + n for n in names if any(k in supers.get(n, {n}) for k in KINDS))


@dataclass(frozen=True)
class Centrality:
    """One row of the centrality table."""

    node: str
    label: str
    kind: str
    type: str
    degree: int
    betweenness: float


@dataclass
class Evidence:
    """A sentence backing a fact about an entity, with its article."""

    sentence: str
    source_file: str = ""
    date: str = ""
    about: str = ""  # the local name of the provenance node's class (Visit, Position, ...)
    original: str = ""  # the sentence in the article's own script (kg:evidenceOriginal), when not Simplified


@dataclass
class EntityDetails:
    """What the HTML page shows about one entity."""

    titles: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)


def local_name(iri: object) -> str:
    text = str(iri)
    for sep in ("#", "/"):
        if sep in text:
            text = text.rsplit(sep, 1)[1]
    return text


class _RdflibView:
    """How the functions below read an rdflib graph. A
    :class:`kg.export.page_graph.PageGraph` (plain statements, the build's page)
    offers the same methods, so the entity layer is read one way for both."""

    def __init__(self, graph: "rdflib.Graph"):
        from rdflib import URIRef

        self.graph, self._uri = graph, URIRef

    def iri(self, name: str):
        return self._uri(name)

    def is_iri(self, term) -> bool:
        return isinstance(term, self._uri)

    @staticmethod
    def text(term) -> str:
        return str(term)

    @staticmethod
    def language(term):
        return getattr(term, "language", None)

    def objects(self, s, p):
        return self.graph.objects(s, p)

    def subject_objects(self, p):
        return self.graph.subject_objects(p)

    def predicate_objects(self, s):
        return self.graph.predicate_objects(s)

    def __contains__(self, triple) -> bool:
        return triple in self.graph


def _view(graph):
    """``graph`` as a view: a PageGraph is one already, an rdflib graph is wrapped."""
    return graph if hasattr(graph, "predicate_objects") and hasattr(graph, "is_iri") else _RdflibView(graph)


def _superclasses(v) -> dict[str, set[str]]:
    """kg class local name -> all its kg superclasses (reflexive, transitive)."""
    direct: dict[str, set[str]] = {}
    for sub, sup in CONTRACT_SUBCLASSES.items():
        direct.setdefault(sub, set()).add(sup)
    for s, o in v.subject_objects(v.iri(RDFS_SUBCLASSOF)):
        if v.text(s).startswith(KG) and v.text(o).startswith(KG):
            direct.setdefault(local_name(v.text(s)), set()).add(local_name(v.text(o)))
    closure: dict[str, set[str]] = {}
    for cls in list(direct) + [sup for sups in direct.values() for sup in sups]:
        seen, todo = {cls}, [cls]
        while todo:
            for sup in direct.get(todo.pop(), ()):
                if sup not in seen:
                    seen.add(sup)
                    todo.append(sup)
        closure[cls] = seen
    return closure


def _classify(types: set[str], supers: dict[str, set[str]]) -> tuple[str, str] | None:
    """(most specific type, kind) of a node with these kg class names, or None."""
    kinds = [k for k in KINDS if any(k in supers.get(t, {t}) for t in types)]
    if not kinds:
        return None
    kind = kinds[0]
    candidates = sorted(t for t in types if kind in supers.get(t, {t}))
    # most specific: a candidate no other candidate is a strict subclass of
    specific = [t for t in candidates if not any(o != t and t in supers.get(o, {o}) for o in candidates)]
    return (specific[0] if specific else kind), kind


def _zh_first(v, literals: Iterable[object]) -> list[str]:
    """Literal texts, @zh ones first, then sorted."""
    items = sorted(literals, key=lambda lit: (v.language(lit) not in (None, "zh"), v.text(lit)))
    out: list[str] = []
    for lit in items:
        text = v.text(lit).strip()
        if text and text not in out:
            out.append(text)
    return out


def entity_nodes(graph: "rdflib.Graph") -> dict[str, dict]:
    """IRI -> {label, type, kind, aliases} for every person, organization, place, agreement.
    ``graph``: an rdflib graph or a :class:`kg.export.page_graph.PageGraph`."""
    v = _view(graph)
    supers = _superclasses(v)
    types_of: dict[object, set[str]] = {}
    class_names: dict = {}  # class -> its kg local name, or None (few classes, many statements)
    for s, o in v.subject_objects(v.iri(RDF_TYPE)):
        if not v.is_iri(s):
            continue
        if o not in class_names:
            class_names[o] = local_name(v.text(o)) if v.text(o).startswith(KG) else None
        if (name := class_names[o]) is not None:
            types_of.setdefault(s, set()).add(name)
    label_p, alt_p = v.iri(RDFS_LABEL), v.iri(SKOS_ALTLABEL)
    nodes: dict[str, dict] = {}
    classes: dict[frozenset, tuple[str, str] | None] = {}  # the same few sets of types, over and over
    for s, types in types_of.items():
        key = frozenset(types)
        found = classes[key] if key in classes else classes.setdefault(key, _classify(types, supers))
        if found is None:
            continue
        type_, kind = found
        labels = _zh_first(v, v.objects(s, label_p))
        label = labels[0] if labels else local_name(v.text(s))
        aliases = [a for a in _zh_first(v, v.objects(s, alt_p)) + labels[1:] if a != label]
        nodes[v.text(s)] = {"label": label, "type": type_, "kind": kind, "aliases": sorted(set(aliases))}
    return nodes


def to_networkx(graph: "rdflib.Graph", relations: Iterable[str] | None = None) -> "networkx.MultiDiGraph":
    """The entity layer of ``graph`` (rdflib, or a PageGraph) as a MultiDiGraph.

    Nodes: IRIs of persons, organizations, places and agreements, with ``label``
    (canonical name), ``type`` (most specific kg class), ``kind`` (one of KINDS)
    and ``aliases``. Edges: one per shortcut triple between two such nodes, with
    key and ``relation`` = the relation's local name, in the order first met.
    ``relations`` picks which (default: all of RELATIONS); an unknown name
    raises ValueError. ``metWith`` is symmetric and gives one edge per pair; a
    ``party`` triple that mirrors a ``signed`` triple is dropped when both
    relations are chosen.
    """
    import networkx as nx

    chosen = list(RELATIONS) if relations is None else list(dict.fromkeys(relations))
    unknown = [r for r in chosen if r not in RELATIONS]
    if unknown:
        raise ValueError(f"unknown relation(s) {unknown}; choose from {list(RELATIONS)}")
    v = _view(graph)
    g = nx.MultiDiGraph()
    nodes = entity_nodes(v)
    g.add_nodes_from((iri, nodes[iri]) for iri in sorted(nodes))
    edges: dict[tuple[str, str, str], dict] = {}  # added to g at once, in the order first met

    def add(u: str, w: str, relation: str, **attrs) -> None:
        if u not in nodes or w not in nodes or u == w:
            return
        if relation in SYMMETRIC and w < u:
            u, w = w, u
        data = edges.get((u, w, relation))
        if data is None:
            edges[(u, w, relation)] = {"relation": relation, **attrs}
        elif attrs.get("title"):
            titles = [t for t in data.get("title", "").split(" / ") if t]
            if attrs["title"] not in titles:
                data["title"] = " / ".join(titles + [attrs["title"]])

    for relation in chosen:
        prop = v.iri(KG + relation)
        if relation == "holdsPosition":
            title_p, where_p = v.iri(KG + "title"), v.iri(KG + "positionIn")
            for person, position in v.subject_objects(prop):
                titles = _zh_first(v, v.objects(position, title_p))
                for where in v.objects(position, where_p):
                    add(v.text(person), v.text(where), relation, title=" / ".join(titles))
        elif relation == "party":
            signed = v.iri(KG + "signed")
            for agreement, signer in v.subject_objects(prop):
                if "signed" in chosen and (signer, signed, agreement) in v:
                    continue
                add(v.text(agreement), v.text(signer), relation)
        else:
            for s, o in v.subject_objects(prop):
                add(v.text(s), v.text(o), relation)
    g.add_edges_from((u, w, key, data) for (u, w, key), data in edges.items())
    return g


def degrees(g: "networkx.MultiDiGraph") -> dict[str, int]:
    """Node -> number of distinct neighbours (in or out, any relation)."""
    return {n: len(set(g.successors(n)) | set(g.predecessors(n))) for n in g}


def centrality_table(g: "networkx.MultiDiGraph", kinds: Iterable[str] | None = None) -> list[Centrality]:
    """Degree and betweenness of every node (of the given kinds), most central first.

    Both are computed on the undirected simple graph (relations merged), so
    betweenness counts shortest paths through a node whatever the relation.
    """
    import networkx as nx

    wanted = set(KINDS if kinds is None else kinds)
    simple = nx.Graph(g.to_undirected(as_view=True))
    between = nx.betweenness_centrality(simple) if simple.number_of_nodes() else {}
    rows = [
        Centrality(
            node=n,
            label=data.get("label", n),
            kind=data.get("kind", ""),
            type=data.get("type", ""),
            degree=simple.degree(n),
            betweenness=round(between.get(n, 0.0), 6),
        )
        for n, data in g.nodes(data=True)
        if data.get("kind") in wanted
    ]
    rows.sort(key=lambda r: (-r.degree, -r.betweenness, r.label))
    return rows


def met_with_graph(g: "networkx.MultiDiGraph") -> "networkx.Graph":
    """Undirected person-person graph of ``metWith`` edges (node attributes kept)."""
    import networkx as nx

    out = nx.Graph()
    for u, v, key in g.edges(keys=True):
        if key == "metWith" and g.nodes[u].get("kind") == "Person" and g.nodes[v].get("kind") == "Person":
            out.add_node(u, **g.nodes[u])
            out.add_node(v, **g.nodes[v])
            out.add_edge(u, v)
    return out


def signed_with_graph(g: "networkx.MultiDiGraph") -> "networkx.Graph":
    """Undirected graph linking the signers of the same agreement.

    A signer is the subject of ``signed`` or the object of ``party``; each edge
    carries ``agreements``, the labels of the agreements both signed.
    """
    import networkx as nx

    signers: dict[str, set[str]] = {}
    for u, v, key in g.edges(keys=True):
        if key == "signed":
            signers.setdefault(v, set()).add(u)
        elif key == "party":
            signers.setdefault(u, set()).add(v)
    out = nx.Graph()
    for agreement, parties in signers.items():
        ordered = sorted(parties)
        for p in ordered:
            out.add_node(p, **g.nodes[p])
        for i, a in enumerate(ordered):
            for b in ordered[i + 1 :]:
                if not out.has_edge(a, b):
                    out.add_edge(a, b, agreements=[])
                out.edges[a, b]["agreements"].append(g.nodes[agreement].get("label", agreement))
    return out


#: the Louvain algorithm's random seed (fixed: the same graph gives the same communities)
COMMUNITY_SEED = 0


def communities(g: "networkx.Graph | networkx.MultiDiGraph", cache=None) -> list[frozenset[str]]:
    """Communities by Louvain modularity maximisation (igraph's multilevel algorithm, a
    fixed seed) on the undirected simple graph, largest first.

    Louvain replaced greedy modularity: on the 1,000-article benchmark graph (7,645
    nodes) networkx's took 0.4 s against 2.2 s and found a higher modularity (0.92
    against 0.91); igraph's (C) replaced networkx's: on a 10,679-node graph 0.035 s
    against 0.47 s, the same modularity (0.9085 and 0.9086). Isolated nodes are left
    out (each would be a community of one). The simple graph is made with its nodes
    and edges sorted (:func:`community_graph`): the algorithm visits nodes in an
    order drawn from that order and its seed, so the
    communities depend on the graph, not on the order its statements came in (nor on
    the hash seed). ``cache``, a path: the communities found last time are kept there
    with a digest of that simple graph; the same graph again reads them instead of
    computing them (``kg add`` of an article that changes no relation: a removed copy,
    a re-added file).
    """
    nodes, edges = community_graph(g)
    if not edges:
        return []
    if cache is not None:
        found = cached_communities(nodes, edges, cache)
        if found is not None:
            return found
    out = louvain(nodes, edges)
    if cache is not None:
        _write_communities(cache, _simple_digest(nodes, edges), out)
    return out


def community_graph(g: "networkx.Graph | networkx.MultiDiGraph") -> tuple[list, list[tuple]]:
    """The undirected simple graph communities are found in, as ``(nodes, edges)``:
    each linked pair once (its ends ordered by ``str``), sorted, and the nodes with a
    link, sorted (the algorithm breaks ties by the order it meets nodes and edges)."""
    pairs = {(u, v) if str(u) <= str(v) else (v, u) for u, v in g.edges()}
    nodes = {n for pair in pairs for n in pair}
    if all(type(n) is str for n in nodes):  # IRIs: the same order, without a str() per comparison
        return sorted(nodes), sorted(pairs)
    return sorted(nodes, key=str), sorted(pairs, key=lambda e: (str(e[0]), str(e[1])))


def import_igraph():
    """The ``igraph`` module, imported without its drawing support's matplotlib.

    igraph's package ``__init__`` imports ``matplotlib.pyplot`` when matplotlib is
    installed (``igraph.drawing.matplotlib.utils.find_matplotlib``): 0.4 s of the
    0.41 s the import takes here, paid by every new ``kg add`` and ``kg html``
    process, and a pyplot imported behind the notebook's back (:mod:`kg.plots` picks
    its backend itself). Only igraph's community detection is used here, so while
    igraph is imported ``matplotlib`` is made unimportable for that one import
    (igraph then keeps a stand-in for drawing) and put back after: a later
    ``import matplotlib`` works as before. When matplotlib (or igraph) is imported
    already, nothing is changed."""
    import sys

    if "igraph" in sys.modules or "matplotlib" in sys.modules:
        import igraph

        return igraph
    sys.modules["matplotlib"] = None  # an ImportError for igraph's optional drawing support
    try:
        import igraph
    finally:
        if sys.modules.get("matplotlib", 0) is None:
            del sys.modules["matplotlib"]
    return igraph


def louvain(nodes: list, edges: list[tuple]) -> list[frozenset[str]]:
    """Louvain communities (fixed seed) of the simple graph ``(nodes, edges)`` as
    :func:`community_graph` gives it, largest first (ties by their sorted members).

    igraph's ``community_multilevel``, vertices numbered in the order of ``nodes``; its
    random choices come from a ``random.Random(COMMUNITY_SEED)`` set for the call (igraph's
    generator is process-wide: the default one is put back after)."""
    import random

    igraph = import_igraph()
    ids = {n: i for i, n in enumerate(nodes)}
    simple = igraph.Graph(n=len(nodes), edges=[(ids[u], ids[v]) for u, v in edges])
    igraph.set_random_number_generator(random.Random(COMMUNITY_SEED))
    try:
        found = simple.community_multilevel()
    finally:
        igraph.set_random_number_generator(random)
    return sorted((frozenset(nodes[i] for i in c) for c in found), key=lambda c: (-len(c), sorted(c)))


def cached_communities(nodes: list, edges: list[tuple], cache) -> list[frozenset[str]] | None:
    """The communities of the simple graph ``(nodes, edges)`` (:func:`community_graph`)
    kept in ``cache`` (see :func:`communities`), or None."""
    if not edges:
        return []
    return _read_communities(cache, _simple_digest(nodes, edges))


def _simple_digest(nodes: list, edges: list[tuple]) -> str:
    import hashlib

    digest = hashlib.sha256()
    for n in nodes:
        digest.update(str(n).encode("utf-8") + b"\0")
    digest.update(b"\1")
    for u, v in edges:
        digest.update(str(u).encode("utf-8") + b"\0" + str(v).encode("utf-8") + b"\0")
    return digest.hexdigest()


#: bump when the communities cache's layout (or the algorithm) changes
_COMMUNITIES_FORMAT = 4  # 3: the digest of the sorted edge list; 4: igraph's Louvain


def _read_communities(path, key: str) -> list[frozenset[str]] | None:
    import marshal

    try:
        with open(path, "rb") as fh:
            fmt, stored, members = marshal.load(fh)
        if fmt != _COMMUNITIES_FORMAT or stored != key:
            return None
        return [frozenset(m) for m in members]
    except Exception:  # missing or damaged: computed again
        return None


def _write_communities(path, key: str, found: list[frozenset[str]]) -> None:
    import marshal
    import os
    from pathlib import Path

    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_bytes(marshal.dumps((_COMMUNITIES_FORMAT, key, [sorted(c) for c in found])))
        os.replace(tmp, path)
    except OSError:  # a cache: the page does not depend on it
        pass


def find_nodes(g: "networkx.MultiDiGraph", name: str) -> list[str]:
    """Nodes whose label or an alias is ``name`` (exact, then case-insensitive)."""
    wanted = name.strip()
    exact = [n for n, d in g.nodes(data=True) if wanted == d.get("label") or wanted in d.get("aliases", ())]
    if exact:
        return sorted(exact)
    folded = wanted.casefold()
    return sorted(
        n
        for n, d in g.nodes(data=True)
        if folded == str(d.get("label", "")).casefold() or folded in {a.casefold() for a in d.get("aliases", ())}
    )


def neighbourhood(g: "networkx.MultiDiGraph", centre: str, hops: int) -> set[str]:
    """Nodes within ``hops`` edges of ``centre``, ignoring edge direction."""
    import networkx as nx

    if hops < 0:
        raise ValueError("hops must be >= 0")
    return set(nx.single_source_shortest_path_length(g.to_undirected(as_view=True), centre, cutoff=hops))


def most_connected(g: "networkx.MultiDiGraph", n: int, keep: Iterable[str] = ()) -> set[str]:
    """The ``n`` nodes with the most neighbours (ties by label, then IRI), always including ``keep``."""
    deg = degrees(g)
    kept = [k for k in dict.fromkeys(keep) if k in g]
    rest = sorted((x for x in g if x not in kept), key=lambda x: (-deg[x], g.nodes[x].get("label", ""), x))
    return set(kept[:n]) | set(rest[: max(0, n - len(kept))])


def _add_evidence(details: EntityDetails, ev: Evidence, seen: dict | None = None) -> None:
    """Add ``ev``, or merge its ``about`` into the same sentence from the same article.

    ``seen`` (sentence, file, date) -> the evidence already there, kept by the caller
    across calls for one entity: a lookup instead of a scan of the list."""
    key = (ev.sentence, ev.source_file, ev.date)
    if seen is None:
        old = next((o for o in details.evidence if (o.sentence, o.source_file, o.date) == key), None)
    else:
        old = seen.get(key)
    if old is not None:
        abouts = old.about.split(", ") if old.about else []
        if ev.about and ev.about not in abouts:
            old.about = ", ".join(sorted(abouts + [ev.about]))
        if ev.original and (not old.original or ev.original < old.original):
            old.original = ev.original  # the same whatever order the sentences come in
        return
    details.evidence.append(ev)
    if seen is not None:
        seen[key] = ev


def _evidence(v, wanted: set[str]) -> dict[str, list[Evidence]]:
    """Each wanted entity's evidence in ``v`` (before sorting), same sentences merged."""
    EV, SOURCE, ORIGINAL = v.iri(KG + "evidence"), v.iri(KG + "source"), v.iri(KG + "evidenceOriginal")
    FILE, DATE, TYPE = v.iri(KG + "sourceFile"), v.iri(DCTERMS_DATE), v.iri(RDF_TYPE)
    article_cache: dict[object, tuple[str, str]] = {}

    def article(node) -> tuple[str, str]:
        for src in sorted(v.objects(node, SOURCE), key=v.text):
            if src not in article_cache:
                files = sorted(v.text(f) for f in v.objects(src, FILE))
                dates = sorted(v.text(d) for d in v.objects(src, DATE))
                article_cache[src] = (files[0] if files else local_name(v.text(src)), dates[0] if dates else "")
            return article_cache[src]
        return ("", "")

    # the entities each evidence node links to (its objects) and is linked from (the
    # statements of the wanted entities): two index lookups, no scan of every statement
    provs = list(dict.fromkeys(s for s, _o in v.subject_objects(EV)))
    links_out: dict = defaultdict(set)
    for prov in provs:
        for _p, o in v.predicate_objects(prov):
            if (so := v.text(o)) in wanted:
                links_out[prov].add(so)
    links_in: dict = defaultdict(set)
    for s in wanted:
        for _p, o in v.predicate_objects(v.iri(s)):
            links_in[o].add(s)
    seen: dict[str, dict] = defaultdict(dict)
    details: dict[str, EntityDetails] = defaultdict(EntityDetails)
    for prov in provs:
        sentences = _zh_first(v, v.objects(prov, EV))
        linked = links_out.get(prov, set()) | links_in.get(prov, set())
        if v.text(prov) in wanted:
            linked.add(v.text(prov))
        if not linked:
            continue
        kinds = sorted(local_name(v.text(t)) for t in v.objects(prov, TYPE) if v.text(t).startswith(KG))
        about = next((k for k in kinds if k not in KINDS and k != "Event"), kinds[0] if kinds else "")
        source_file, date = article(prov)
        original = next(iter(sorted(v.text(o) for o in v.objects(prov, ORIGINAL))), "")
        for entity in linked:
            for sentence in sentences:
                _add_evidence(
                    details[entity],
                    Evidence(sentence=sentence, source_file=source_file, date=date, about=about, original=original),
                    seen[entity],
                )
    return {n: d.evidence for n, d in details.items()}


#: one evidence item as :func:`article_evidence` gives it: (sentence, source file, date, about, original)
EvidenceRow = tuple[str, str, str, str, str]


def article_evidence(statements: Iterable[tuple]) -> dict[str, list[EvidenceRow]]:
    """The evidence one article's statements give its entities (and its other nodes), as
    plain rows: the article's share of :func:`entity_details`'s evidence, computed where
    the article is rendered. ``statements``: the article's own statements in plain form
    (:mod:`kg.export.page_graph`), its entities' statements about its nodes included.

    Only the article's statements are needed: every evidence node is the article's
    (its events, positions, agreements, assertions), so are the statements that link an
    entity to it, and the article node gives the file name and date. An entity's whole
    evidence is the articles' shares merged in article order (:func:`merge_evidence`)."""
    from kg.export.page_graph import PageGraph

    page = PageGraph()
    page.add_all(statements)
    not_nodes = {RDF_TYPE, KG + "source"}  # classes and the article node gain no evidence
    nodes = set(page.spo)
    for po in page.spo.values():
        for p, objects in po.items():
            if p not in not_nodes:
                nodes.update(o for o in objects if isinstance(o, str))
    found = _evidence(_view(page), nodes)
    return {n: [(e.sentence, e.source_file, e.date, e.about, e.original) for e in evs] for n, evs in found.items() if evs}


def merge_evidence(shares: Iterable[dict[str, list[EvidenceRow]]], wanted: Iterable[str] | None = None) -> dict[str, list[Evidence]]:
    """The articles' evidence (:func:`article_evidence`, in article order) per entity,
    the same sentence of the same article merged as :func:`entity_details` merges it;
    ``wanted``: only these entities."""
    keep = None if wanted is None else set(wanted)
    details: dict[str, EntityDetails] = defaultdict(EntityDetails)
    seen: dict[str, dict] = defaultdict(dict)
    for share in shares:
        for entity, rows in share.items():
            if keep is not None and entity not in keep:
                continue
            for row in rows:
                _add_evidence(details[entity], Evidence(*row), seen[entity])
    return {n: d.evidence for n, d in details.items()}


def entity_details(graph: "rdflib.Graph", nodes: Iterable[str], evidence: dict | None = None) -> dict[str, EntityDetails]:
    """Titles held and evidence sentences for each entity IRI in ``nodes``
    (``graph``: rdflib, or a PageGraph).

    Evidence of an entity: the ``kg:evidence`` of every node (event, position,
    agreement, assertion...) linked to it by any property in either direction,
    and of the entity itself, with the article (``kg:source``) file name and date.
    ``evidence``: that evidence found already, article by article
    (:func:`article_evidence`, merged by :func:`merge_evidence`), instead of
    looking for it in ``graph``: the same details.
    """
    v = _view(graph)
    wanted = {str(n) for n in nodes}
    if evidence is None:
        evidence = _evidence(v, wanted)
    details = {n: EntityDetails(evidence=list(evidence.get(n, ()))) for n in wanted}
    HOLDS, TITLE = v.iri(KG + "holdsPosition"), v.iri(KG + "title")
    WHERE, LABEL = v.iri(KG + "positionIn"), v.iri(RDFS_LABEL)
    for entity in wanted:
        for position in v.objects(v.iri(entity), HOLDS):
            places = [(_zh_first(v, v.objects(w, LABEL)) or [local_name(v.text(w))])[0]
                      for w in v.objects(position, WHERE)]
            for title in _zh_first(v, v.objects(position, TITLE)) or [""]:
                text = " ".join(x for x in (", ".join(sorted(places)), title) if x)
                if text and text not in details[entity].titles:
                    details[entity].titles.append(text)
        details[entity].titles.sort()
        details[entity].evidence.sort(key=lambda e: (e.date, e.source_file, e.sentence))
    return details
