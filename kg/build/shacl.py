"""A fast SHACL conformance check, with pySHACL for the report.

pySHACL costs about as much per article as analysing it (tens of
milliseconds for a few hundred statements: most of it is per-node overhead in
Python, not the checks). Most articles conform. :func:`conforms` answers
"does this data conform to ``ontology/shapes.ttl``?" in about a millisecond:
the shapes are read once into plain objects, the data is indexed in dicts,
and the shapes' SPARQL constraints run in pyoxigraph. When the answer is no,
:func:`kg.build.render.render_article` runs pySHACL on the same data for the
exact report lines, so ``report.json`` says what ``kg validate`` says.

The check is conservative: it supports the SHACL Core and SHACL-SPARQL parts
the shapes use (targets by class with ``rdfs:subClassOf``, subjects-of,
objects-of and node; paths that are one property or its inverse; counts,
class, datatype, node kind, length, pattern, language, ``sh:in``,
``sh:hasValue``, ``sh:not``/``sh:or``/``sh:and``/``sh:node``, qualified value
shapes, SELECT constraints), and where it is unsure (a datatype it does not
check, a literal it cannot read) it answers no, leaving the decision to
pySHACL. Shapes using anything else make :func:`load` fail with
:class:`Unsupported`, and the build then validates with pySHACL alone.
``tests/build/test_shacl.py`` compares it with pySHACL on graphs with
violations of every kind the shapes check.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from functools import lru_cache

from rdflib import BNode, Literal, URIRef

SH = "http://www.w3.org/ns/shacl#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDF_FIRST = "http://www.w3.org/1999/02/22-rdf-syntax-ns#first"
RDF_REST = "http://www.w3.org/1999/02/22-rdf-syntax-ns#rest"
RDF_NIL = "http://www.w3.org/1999/02/22-rdf-syntax-ns#nil"
RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
RDFS_SUBCLASS = "http://www.w3.org/2000/01/rdf-schema#subClassOf"
RDFS_CLASS = "http://www.w3.org/2000/01/rdf-schema#Class"
OWL_CLASS = "http://www.w3.org/2002/07/owl#Class"
XSD = "http://www.w3.org/2001/XMLSchema#"

#: shape predicates that say nothing about conformance
_METADATA = {SH + n for n in ("message", "severity", "name", "description", "order", "group", "defaultValue",
                              "deactivated", "declare", "prefixes")}
_CONSTRAINTS = {SH + n for n in ("class", "datatype", "nodeKind", "minLength", "maxLength", "pattern", "flags",
                                 "languageIn", "in", "hasValue", "not", "or", "and", "node", "property",
                                 "minCount", "maxCount", "qualifiedValueShape", "qualifiedMinCount",
                                 "qualifiedMaxCount", "sparql", "path")}
_TARGETS = {SH + n for n in ("targetClass", "targetSubjectsOf", "targetObjectsOf", "targetNode")}


class Unsupported(ValueError):
    """The shapes use something this check does not implement."""


@dataclass
class Shape:
    iri: object
    severity: str = SH + "Violation"
    deactivated: bool = False
    target_classes: list = field(default_factory=list)
    target_subjects_of: list[str] = field(default_factory=list)
    target_objects_of: list[str] = field(default_factory=list)
    target_nodes: list = field(default_factory=list)
    path: tuple[str, bool] | None = None  #: (property IRI, inverse); None: a node shape
    #: (kind, argument) checks on each value node
    value_checks: list[tuple[str, object]] = field(default_factory=list)
    min_count: int | None = None
    max_count: int | None = None
    #: (shape, qualifiedMinCount, qualifiedMaxCount)
    qualified: list[tuple["Shape", int | None, int | None]] = field(default_factory=list)
    properties: list["Shape"] = field(default_factory=list)
    #: (SELECT text, prefixes)
    sparql: list[tuple[str, dict[str, str]]] = field(default_factory=list)


# ------------------------------------------------------------------ loading the shapes
def _list(graph, node) -> list:

    items = []
    seen = set()
    while node is not None and str(node) != RDF_NIL:
        if node in seen:
            raise Unsupported("cyclic RDF list")
        seen.add(node)
        items.append(graph.value(node, URIRef(RDF_FIRST)))
        node = graph.value(node, URIRef(RDF_REST))
    return items


class _Loader:
    def __init__(self, graph) -> None:
        self.g = graph
        self.shapes: dict = {}

    def one(self, node, pred: str):

        values = list(self.g.objects(node, URIRef(pred)))
        if len(values) > 1:
            raise Unsupported(f"several {pred} on {node}")
        return values[0] if values else None

    def shape(self, node) -> Shape:
        if node in self.shapes:
            return self.shapes[node]

        g = self.g
        s = Shape(node)
        self.shapes[node] = s
        preds = {str(p) for p in g.predicates(node, None)}
        types = {str(t) for t in g.objects(node, URIRef(RDF_TYPE))}
        if types & {RDFS_CLASS, OWL_CLASS}:
            raise Unsupported(f"implicit class target on {node}")
        for p in preds:
            if p.startswith(SH) and p not in _METADATA | _CONSTRAINTS | _TARGETS:
                raise Unsupported(f"{p} on {node}")
        severity = self.one(node, SH + "severity")
        if severity is not None:
            s.severity = str(severity)
        deactivated = self.one(node, SH + "deactivated")
        s.deactivated = deactivated is not None and bool(getattr(deactivated, "value", False))
        s.target_classes = list(g.objects(node, URIRef(SH + "targetClass")))
        s.target_subjects_of = [str(o) for o in g.objects(node, URIRef(SH + "targetSubjectsOf"))]
        s.target_objects_of = [str(o) for o in g.objects(node, URIRef(SH + "targetObjectsOf"))]
        s.target_nodes = list(g.objects(node, URIRef(SH + "targetNode")))
        path = self.one(node, SH + "path")
        if path is not None:
            if isinstance(path, URIRef):
                s.path = (str(path), False)
            elif isinstance(path, BNode) and {str(p) for p in g.predicates(path, None)} == {SH + "inversePath"}:
                inner = self.one(path, SH + "inversePath")
                if not isinstance(inner, URIRef):
                    raise Unsupported(f"complex inverse path on {node}")
                s.path = (str(inner), True)
            else:
                raise Unsupported(f"complex path on {node}")

        def integer(pred: str) -> int | None:
            v = self.one(node, pred)
            if v is None:
                return None
            if not isinstance(v, Literal) or not isinstance(v.value, int):
                raise Unsupported(f"{pred} on {node} is not an integer")
            return int(v.value)

        s.min_count = integer(SH + "minCount")
        s.max_count = integer(SH + "maxCount")
        if s.path is None and (s.min_count is not None or s.max_count is not None):
            raise Unsupported(f"counts on node shape {node}")
        for c in g.objects(node, URIRef(SH + "class")):
            s.value_checks.append(("class", str(c)))
        for d in g.objects(node, URIRef(SH + "datatype")):
            s.value_checks.append(("datatype", str(d)))
        for k in g.objects(node, URIRef(SH + "nodeKind")):
            s.value_checks.append(("nodeKind", str(k)))
        for pred, kind in (("minLength", "minLength"), ("maxLength", "maxLength")):
            n = integer(SH + pred)
            if n is not None:
                s.value_checks.append((kind, n))
        flags = self.one(node, SH + "flags")
        for pat in g.objects(node, URIRef(SH + "pattern")):
            fl = 0
            for ch in str(flags or ""):
                fl |= {"i": re.I, "m": re.M, "s": re.S, "x": re.X}.get(ch, 0)
                if ch not in "imsx":
                    raise Unsupported(f"regex flag {ch!r}")
            s.value_checks.append(("pattern", re.compile(str(pat), fl)))
        for lst in g.objects(node, URIRef(SH + "languageIn")):
            s.value_checks.append(("languageIn", {str(x).lower() for x in _list(g, lst)}))
        for lst in g.objects(node, URIRef(SH + "in")):
            s.value_checks.append(("in", set(_list(g, lst))))
        for v in g.objects(node, URIRef(SH + "hasValue")):
            s.value_checks.append(("hasValue", v))
        for inner in g.objects(node, URIRef(SH + "not")):
            s.value_checks.append(("not", self.shape(inner)))
        for inner in g.objects(node, URIRef(SH + "node")):
            s.value_checks.append(("node", self.shape(inner)))
        for lst in g.objects(node, URIRef(SH + "or")):
            s.value_checks.append(("or", [self.shape(x) for x in _list(g, lst)]))
        for lst in g.objects(node, URIRef(SH + "and")):
            s.value_checks.append(("and", [self.shape(x) for x in _list(g, lst)]))
        q = self.one(node, SH + "qualifiedValueShape")
        if q is not None:
            if self.one(node, SH + "qualifiedValueShapesDisjoint") is not None:
                raise Unsupported("qualifiedValueShapesDisjoint")
            s.qualified.append((self.shape(q), integer(SH + "qualifiedMinCount"), integer(SH + "qualifiedMaxCount")))
        elif {SH + "qualifiedMinCount", SH + "qualifiedMaxCount"} & preds:
            raise Unsupported(f"qualified count without a shape on {node}")
        for prop in g.objects(node, URIRef(SH + "property")):
            s.properties.append(self.shape(prop))
        for constraint in g.objects(node, URIRef(SH + "sparql")):
            s.sparql.append(self.sparql(constraint))
        return s

    def sparql(self, node) -> tuple[str, dict[str, str]]:

        preds = {str(p) for p in self.g.predicates(node, None)}
        allowed = {RDF_TYPE, SH + "message", SH + "prefixes", SH + "select", SH + "severity", SH + "deactivated"}
        if preds - allowed or self.one(node, SH + "select") is None:
            raise Unsupported(f"SPARQL constraint {node} is not a plain SELECT")
        if self.one(node, SH + "deactivated") is not None or self.one(node, SH + "severity") is not None:
            raise Unsupported(f"SPARQL constraint {node} sets its own severity or is deactivated")
        text = str(self.one(node, SH + "select"))
        if re.search(r"[$?](shapesGraph|currentShape)\b", text):
            raise Unsupported("SPARQL constraint uses $shapesGraph or $currentShape")
        prefixes: dict[str, str] = {}
        for owner in self.g.objects(node, URIRef(SH + "prefixes")):
            for decl in self.g.objects(owner, URIRef(SH + "declare")):
                prefix, ns = self.one(decl, SH + "prefix"), self.one(decl, SH + "namespace")
                if prefix is None or ns is None:
                    raise Unsupported("incomplete sh:declare")
                prefixes[str(prefix)] = str(ns)
        return text, prefixes


@dataclass
class Shapes:
    roots: list[Shape]


@lru_cache(maxsize=1)
def load() -> Shapes:
    """The project's shapes as plain objects (raises Unsupported)."""

    from kg.rdf.ontology import load_shapes

    g = load_shapes()
    loader = _Loader(g)
    roots = set()
    for pred in _TARGETS:
        roots.update(g.subjects(URIRef(pred), None))
    shapes = Shapes([loader.shape(node) for node in sorted(roots, key=str)])
    for node, shape in loader.shapes.items():
        if shape.sparql and node not in roots:
            raise Unsupported(f"SPARQL constraint on {node}, which is not a target shape")
    return shapes


# ------------------------------------------------------------------ the data
class _Index:
    """subject -> predicate -> values, predicate -> object -> subjects."""

    def __init__(self) -> None:
        self.spo: dict = {}
        self.pos: dict = {}

    def add(self, s, p, o) -> None:
        p = str(p)
        self.spo.setdefault(s, {}).setdefault(p, set()).add(o)
        self.pos.setdefault(p, {}).setdefault(o, set()).add(s)

    def objects(self, s, p: str):
        return self.spo.get(s, {}).get(p, ())

    def subjects(self, p: str, o):
        return self.pos.get(p, {}).get(o, ())


class _View:
    """The ontology's index and the data's, read as one graph."""

    def __init__(self, base: _Index, data: _Index) -> None:
        self.base, self.data = base, data
        self._supers: dict = {}

    def objects(self, s, p: str) -> set:
        a, b = self.base.objects(s, p), self.data.objects(s, p)
        return set(a) | set(b) if a and b else set(a or b)

    def subjects(self, p: str, o) -> set:
        a, b = self.base.subjects(p, o), self.data.subjects(p, o)
        return set(a) | set(b) if a and b else set(a or b)

    def subjects_of(self, p: str) -> set:
        out = set()
        for idx in (self.base, self.data):
            for subjects in idx.pos.get(p, {}).values():
                out |= subjects
        return out

    def objects_of(self, p: str) -> set:
        return set(self.base.pos.get(p, {})) | set(self.data.pos.get(p, {}))

    def supers(self, cls) -> set:
        """``cls`` and every class it is a subclass of (rdfs:subClassOf*)."""
        found = self._supers.get(cls)
        if found is None:
            found, todo = {cls}, [cls]
            while todo:
                for sup in self.objects(todo.pop(), RDFS_SUBCLASS):
                    if sup not in found:
                        found.add(sup)
                        todo.append(sup)
            self._supers[cls] = found
        return found

    def subclasses(self, cls) -> set:
        found, todo = {cls}, [cls]
        while todo:
            for sub in self.subjects(RDFS_SUBCLASS, todo.pop()):
                if sub not in found:
                    found.add(sub)
                    todo.append(sub)
        return found

    def is_instance(self, node, cls_iri: str) -> bool:

        if isinstance(node, Literal):
            return False
        target = URIRef(cls_iri)
        return any(target in self.supers(t) for t in self.objects(node, RDF_TYPE))


@lru_cache(maxsize=1)
def _ontology_index() -> _Index:
    from kg.rdf.ontology import load_ontology

    idx = _Index()
    for s, p, o in load_ontology():
        idx.add(s, p, o)
    return idx


# ------------------------------------------------------------------ checking
_CHECKED_DATATYPES = {XSD + "string", RDF_LANGSTRING, XSD + "date", XSD + "nonNegativeInteger", XSD + "integer"}


def _datatype_ok(v, rule: str) -> bool:
    """True only when pySHACL surely accepts ``v`` for ``sh:datatype rule``."""

    if not isinstance(v, Literal) or rule not in _CHECKED_DATATYPES:
        return False
    if rule == XSD + "string":
        return v.datatype is None and not v.language and isinstance(v.value, str)
    if rule == RDF_LANGSTRING:
        return bool(v.language) and isinstance(v.value, str)
    if v.datatype is None or str(v.datatype) != rule or getattr(v, "ill_typed", None) is True:
        return False
    if rule == XSD + "date":
        return isinstance(v.value, _dt.date) and not isinstance(v.value, _dt.datetime)
    return isinstance(v.value, int) and not isinstance(v.value, bool) and (rule != XSD + "nonNegativeInteger" or v.value >= 0)


def _string(v) -> str:

    if isinstance(v, Literal) and v.value is not None and (v.datatype is None or str(v.datatype) in (RDF_LANGSTRING, XSD + "string")):
        return str(v.value)
    return str(v)


def _value_ok(view: _View, v, kind: str, arg) -> bool:

    if kind == "class":
        return view.is_instance(v, arg)
    if kind == "datatype":
        return _datatype_ok(v, arg)
    if kind == "nodeKind":
        allowed = {
            URIRef: ("IRI", "IRIOrLiteral", "BlankNodeOrIRI"),
            BNode: ("BlankNode", "BlankNodeOrIRI", "BlankNodeOrLiteral"),
            Literal: ("Literal", "BlankNodeOrLiteral", "IRIOrLiteral"),
        }
        for cls, names in allowed.items():
            if isinstance(v, cls):
                return arg in {SH + n for n in names}
        return False
    if kind in ("minLength", "maxLength"):
        if isinstance(v, BNode):
            return False
        n = len(_string(v))
        return n >= arg if kind == "minLength" else n <= arg
    if kind == "pattern":
        if isinstance(v, BNode):
            return False
        return arg.search(_string(v)) is not None
    if kind == "languageIn":
        if not isinstance(v, Literal) or not v.language:
            return False
        lang = str(v.language).lower()
        return "*" in arg or lang in arg or lang.split("-")[0] in arg
    if kind == "in":
        return v in arg
    if kind == "not":
        return not _node_conforms(view, v, arg)
    if kind == "node":
        return _node_conforms(view, v, arg)
    if kind == "or":
        return any(_node_conforms(view, v, s) for s in arg)
    if kind == "and":
        return all(_node_conforms(view, v, s) for s in arg)
    raise Unsupported(kind)


def _values(view: _View, focus, shape: Shape) -> set:
    if shape.path is None:
        return {focus}
    prop, inverse = shape.path
    return view.subjects(prop, focus) if inverse else view.objects(focus, prop)


def _violations(view: _View, focus, shape: Shape, nested: bool) -> bool:
    """True when ``focus`` has a result against ``shape``. Outside a logical
    constraint (``nested`` False) only results of severity Violation count, each
    shape's results having that shape's severity; inside one (``sh:not``,
    ``sh:or`` ...) any result counts. SPARQL constraints are not run here."""
    if shape.deactivated:
        return False
    values = _values(view, focus, shape)
    if nested or shape.severity not in (SH + "Warning", SH + "Info"):
        if shape.min_count is not None and len(values) < shape.min_count:
            return True
        if shape.max_count is not None and len(values) > shape.max_count:
            return True
        for kind, arg in shape.value_checks:
            if kind == "hasValue":
                if arg not in values:
                    return True
                continue
            for v in values:
                if not _value_ok(view, v, kind, arg):
                    return True
        for inner, qmin, qmax in shape.qualified:
            n = sum(1 for v in values if _node_conforms(view, v, inner))
            if (qmin is not None and n < qmin) or (qmax is not None and n > qmax):
                return True
    for prop in shape.properties:
        for v in values:
            if _violations(view, v, prop, nested):
                return True
    return False


def _node_conforms(view: _View, v, shape: Shape) -> bool:
    if shape.deactivated:
        return True
    return not _violations(view, v, shape, nested=True)


def _focus_nodes(view: _View, shape: Shape) -> set:
    nodes = set(shape.target_nodes)
    for cls in shape.target_classes:
        for sub in view.subclasses(cls):
            nodes |= view.subjects(RDF_TYPE, sub)
    for p in shape.target_subjects_of:
        nodes |= view.subjects_of(p)
    for p in shape.target_objects_of:
        nodes |= view.objects_of(p)
    return nodes


def conforms(*triple_sets) -> bool:
    """True when the ontology plus the triples conform to the shapes surely
    (no result of severity Violation); False when they do not or may not.
    Raises Unsupported when the shapes use what this check does not know."""
    shapes = load()
    base = _ontology_index()
    data = _Index()
    for triples in triple_sets:
        for s, p, o in triples:
            if str(p) == RDFS_SUBCLASS and o not in base.objects(s, RDFS_SUBCLASS):
                return False  # the data changes the class tree: leave it to pySHACL
            data.add(s, p, o)
    view = _View(base, data)
    sparql: list[tuple[Shape, object]] = []
    for shape in shapes.roots:
        if shape.deactivated:
            continue
        for focus in _focus_nodes(view, shape):
            if _violations(view, focus, shape, nested=False):
                return False
            if shape.sparql and shape.severity not in (SH + "Warning", SH + "Info"):
                sparql.append((shape, focus))
    if sparql:
        return not _sparql_results(sparql, triple_sets)
    return True


# ------------------------------------------------------------------ SPARQL constraints
_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def _nt(term) -> str:
    """One term in N-Triples."""
    kind = type(term)
    if kind is URIRef:
        return f"<{term}>"
    if kind is Literal or isinstance(term, Literal):
        text = '"' + str(term).translate(_ESCAPES) + '"'
        if term.language:
            return f"{text}@{term.language}"
        if term.datatype is not None:
            return f"{text}^^<{term.datatype}>"
        return text
    if isinstance(term, BNode):
        return f"_:b{term}"
    return f"<{term}>"


@lru_cache(maxsize=1)
def _ontology_ntriples() -> bytes:
    from kg.rdf.ontology import load_ontology

    return "".join(f"{_nt(s)} {_nt(p)} {_nt(o)} .\n" for s, p, o in load_ontology()).encode("utf-8")


@lru_cache(maxsize=1)
def _ontology_quads() -> tuple:
    """The ontology as pyoxigraph quads, parsed once: a store takes them in half the time
    it takes to parse their text."""
    import pyoxigraph as ox

    return tuple(ox.parse(_ontology_ntriples(), format=ox.RdfFormat.N_TRIPLES))


def _sparql_results(pending: list[tuple[Shape, object]], triple_sets) -> bool:
    """True when any SELECT constraint has a solution for its focus node (a
    fresh in-memory pyoxigraph store of the ontology and the data)."""
    import pyoxigraph as ox

    store = ox.Store()
    store.extend(_ontology_quads())
    data = "".join(f"{_nt(s)} {_nt(p)} {_nt(o)} .\n" for triples in triple_sets for s, p, o in triples)
    store.bulk_load(data.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
    this = ox.Variable("this")
    for shape, focus in pending:
        node = ox.NamedNode(str(focus)) if not isinstance(focus, ox.NamedNode) else focus
        for text, prefixes in shape.sparql:
            for _row in store.query(text, prefixes=prefixes, substitutions={this: node}):
                return True
    return False
