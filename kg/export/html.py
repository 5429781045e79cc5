"""The interactive HTML view of a graph: one self-contained page, built with pyvis.

pyvis assembles the vis-network nodes, edges and options; the page itself is
``html_assets/page.html`` with vis-network's JS and CSS inlined from the pyvis
package's own files (no CDN, no bootstrap), so it opens from disk with no
network. The data travels as JSON inside ``<script type="application/json">``
with ``<``, ``>``, ``&`` and U+2028/2029 escaped, and the page script renders
every name and sentence with textContent or DOM elements, never as HTML: names
and evidence come from untrusted web text. A Content-Security-Policy allows only
the page's own two scripts (by hash) and no network at all.
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
import re
import sys
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:  # pragma: no cover
    import networkx
    import rdflib

VIS_VERSION = "vis-9.1.2"


@dataclass(frozen=True)
class ClassStyle:
    label: str
    color: str
    shape: str


#: Colour and shape per class (most specific kg class local name), legend order.
CLASS_STYLES: dict[str, ClassStyle] = {
    "Person": ClassStyle("人物 Person", "#e15759", "dot"),
    "GovernmentBody": ClassStyle("政府机构 Government body", "#4e79a7", "square"),
    "Company": ClassStyle("企业 Company", "#f28e2b", "square"),
    "ResearchInstitution": ClassStyle("科研机构 Research institution", "#76b7b2", "square"),
    "University": ClassStyle("高校 University", "#59a14f", "square"),
    "Association": ClassStyle("协会 Association", "#b07aa1", "square"),
    "Organization": ClassStyle("组织 Organization", "#9c755f", "square"),
    "Country": ClassStyle("国家 Country", "#7a5c00", "triangle"),
    "Province": ClassStyle("省 Province", "#b8860b", "triangle"),
    "City": ClassStyle("市 City", "#e3b505", "triangle"),
    "District": ClassStyle("区县 District", "#f3d36b", "triangle"),
    "Town": ClassStyle("乡镇 Town", "#f7e3a1", "triangle"),
    "Park": ClassStyle("园区 Park", "#8cd17d", "triangle"),
    "Place": ClassStyle("地点 Place", "#d4b483", "triangle"),
    "Agreement": ClassStyle("协议 Agreement", "#ff9da7", "diamond"),
}
KIND_FALLBACK = {"Person": "Person", "Organization": "Organization", "Place": "Place", "Agreement": "Agreement"}

#: edge colours by relation; the drawn relations are analytics.RELATIONS (the
#: ontology's entity relations plus positions and agreements), labelled from the
#: ontology's own rdfs:label (zh, en) by :func:`relation_styles`
RELATION_COLOURS: dict[str, str] = {
    "visited": "#4e79a7",
    "metWith": "#e15759",
    "accompanied": "#ff9d9a",
    "affiliatedWith": "#9c755f",
    "holdsPosition": "#b07aa1",
    "signed": "#f28e2b",
    "party": "#f1a85b",
    "witnessed": "#76b7b2",
    "partOf": "#59a14f",
    "locatedIn": "#bab0ac",
}


def relation_styles() -> dict[str, tuple[str, str]]:
    """``{relation: ("考察 visited", colour)}`` for every drawn relation, the
    label from the ontology (its zh label, then the property's local name)."""
    from kg.analytics import RELATIONS
    from kg.rdf.ontology import load_ontology
    from kg.rdf.vocab import KGV
    from rdflib import RDFS

    ontology = load_ontology()
    out = {}
    for rel in RELATIONS:
        zh = next((str(o) for o in ontology.objects(KGV[rel], RDFS.label) if getattr(o, "language", None) == "zh"), "")
        out[rel] = (f"{zh} {rel}".strip(), RELATION_COLOURS.get(rel, "#999999"))
    return out


class HtmlExportError(ValueError):
    """A request the page cannot be built for (unknown focus name, bad limits)."""


@dataclass(frozen=True)
class Selection:
    nodes: set[str]
    cut: str  # what was left out and why ("" when nothing)


def select_nodes(g: "networkx.MultiDiGraph", focus: str | None, hops: int, max_nodes: int) -> Selection:
    """The nodes to draw: ``focus``'s neighbourhood if given, then the ``max_nodes`` most connected."""
    from kg.analytics import find_nodes, most_connected, neighbourhood

    if max_nodes < 1:
        raise HtmlExportError(f"max_nodes must be at least 1, not {max_nodes}")
    if hops < 0:
        raise HtmlExportError(f"hops must be 0 or more, not {hops}")
    total = g.number_of_nodes()
    keep: set[str] = set(g)
    notes: list[str] = []
    centres: list[str] = []
    if focus is not None:
        centres = find_nodes(g, focus)
        if not centres:
            raise HtmlExportError(f"no entity is named {focus!r} (searched canonical names and aliases)")
        keep = set()
        for c in centres:
            keep |= neighbourhood(g, c, hops)
        notes.append(f"显示「{focus}」{hops} 跳以内的 {len(keep)} 个实体 · within {hops} hops of “{focus}”: {len(keep)} of {total} entities")
    if len(keep) > max_nodes:
        before = len(keep)
        keep = most_connected(g.subgraph(keep), max_nodes, keep=centres)
        notes.append(f"只显示连接最多的 {len(keep)} 个 · showing the {len(keep)} most connected of {before} (max_nodes={max_nodes})")
    return Selection(nodes=keep, cut="; ".join(notes))


def _class_style(type_: str, kind: str) -> ClassStyle:
    return CLASS_STYLES.get(type_) or CLASS_STYLES[KIND_FALLBACK.get(kind, "Organization")]


def _physics(n_nodes: int, n_edges: int) -> dict:
    # bounded: small graphs settle well, big ones stop early (each iteration costs O(n log n + edges))
    iterations = 1000 if n_nodes <= 200 else 400 if n_nodes <= 800 else 150
    return {
        "enabled": True,
        "solver": "forceAtlas2Based",
        "forceAtlas2Based": {
            "gravitationalConstant": -70,
            "centralGravity": 0.02,
            "springLength": 95,
            "springConstant": 0.06,
            "damping": 0.5,
            "avoidOverlap": 0.3 if n_nodes <= 800 else 0.0,
        },
        "maxVelocity": 60,
        "minVelocity": 1.0,
        "timestep": 0.5,
        "stabilization": {"enabled": True, "iterations": iterations, "updateInterval": 20, "fit": True},
    }


def _options(n_nodes: int, n_edges: int) -> dict:
    big = n_nodes > 300 or n_edges > 600
    return {
        "autoResize": True,
        "nodes": {
            "font": {
                "size": 16,
                "face": "Noto Sans CJK SC, Source Han Sans SC, PingFang SC, Microsoft YaHei, sans-serif",
                "color": "#1f2933",
                "strokeWidth": 3,
                "strokeColor": "#ffffff",
            },
            "borderWidth": 1.5,
            "borderWidthSelected": 3,
        },
        "edges": {
            "font": {"size": 10, "align": "middle", "color": "#52606d", "strokeWidth": 3, "strokeColor": "#ffffff"},
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.45}},
            "smooth": False if big else {"type": "continuous", "roundness": 0.2},
            "width": 1.2,
            "selectionWidth": 1.5,
        },
        "physics": _physics(n_nodes, n_edges),
        "interaction": {
            "hover": True,
            "tooltipDelay": 120,
            "hideEdgesOnDrag": big,
            "hideEdgesOnZoom": big,
            "multiselect": False,
        },
        "layout": {"improvedLayout": n_nodes <= 100, "randomSeed": 7},
    }


def build_network(g: "networkx.MultiDiGraph", keep: set[str], sizes: dict[str, int]):
    """A pyvis Network of the nodes in ``keep`` (ids 0..n-1 in IRI order) and the edges between them."""
    from pyvis.network import Network

    net = Network(directed=True, cdn_resources="in_line")
    ids = {iri: i for i, iri in enumerate(sorted(keep))}
    for iri, i in ids.items():
        data = g.nodes[iri]
        style = _class_style(data["type"], data["kind"])
        degree = sizes.get(iri, 0)
        net.add_node(
            i,
            label=data["label"],
            shape=style.shape,
            color={
                "background": style.color,
                "border": "#33333355",
                "highlight": {"background": style.color, "border": "#1f2933"},
                "hover": {"background": style.color, "border": "#1f2933"},
            },
            size=round(9 + 5 * math.sqrt(degree), 1) if style.shape != "dot" else round(10 + 5 * math.sqrt(degree), 1),
            kgType=data["type"] if data["type"] in CLASS_STYLES else KIND_FALLBACK.get(data["kind"], "Organization"),
            kgKind=data["kind"],
        )
    edges = sorted(g.subgraph(keep).edges(keys=True, data=True), key=lambda e: (e[2], e[0], e[1]))
    pair_total: dict[frozenset, int] = {}
    for u, v, _key, _attrs in edges:
        pair_total[frozenset((u, v))] = pair_total.get(frozenset((u, v)), 0) + 1
    pair_seen: dict[frozenset, int] = {}
    n_edge = 0
    for u, v, key, attrs in edges:
        pair = frozenset((u, v))
        k = pair_seen[pair] = pair_seen.get(pair, -1) + 1
        extra = {}
        if pair_total[pair] > 1:  # parallel edges: fan them out so their labels do not overlap
            extra["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": round(0.12 + 0.2 * k, 2)}
        colour = RELATION_COLOURS.get(key, "#999999")
        title = attrs.get("title", "")
        net.add_edge(
            ids[u],
            ids[v],
            id=f"e{n_edge}",
            label=title if key == "holdsPosition" and title else key,
            relation=key,
            kgTitle=title,
            color={"color": colour, "highlight": colour, "hover": colour, "opacity": 0.85},
            arrows={"to": {"enabled": key != "metWith", "scaleFactor": 0.45}},
            **extra,
        )
        n_edge += 1
    net.options = _options(len(net.nodes), len(net.edges))
    return net, ids


def safe_json(value: object) -> str:
    """JSON that can sit inside a <script> element: no <, >, & or line separators left raw."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, escaped)
    return text


def _asset(name: str) -> str:
    return resources.files("kg.export.html_assets").joinpath(name).read_text(encoding="utf-8")


def _vis_file(name: str) -> str:
    import pyvis

    path = Path(pyvis.__file__).parent / "lib" / VIS_VERSION / name
    return path.read_text(encoding="utf-8")


def _defuse_urls(js: str) -> str:
    """``://`` -> ``:\\/\\/``: the same characters in JS strings, regexes and comments, but no URL left in the page."""
    return js.replace("://", ":\\/\\/")


def _csp_hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


def render_page(payload: dict) -> str:
    """The page for ``payload`` (nodes, edges, options, details, classes, relations, meta)."""
    vis_js = _defuse_urls(_vis_file("vis-network.min.js"))
    page_js = _asset("page.js")
    for script in (vis_js, page_js):
        if re.search(r"</script|<!--", script, re.IGNORECASE):
            raise RuntimeError("an inlined script contains '</script' or '<!--'")
    parts = {
        "VIS_CSS": _vis_file("vis-network.css"),
        "PAGE_CSS": _asset("page.css"),
        "DATA": safe_json(payload),
        "VIS_JS": vis_js,
        "PAGE_JS": page_js,
    }
    template = _asset("page.html").replace(
        "script-src 'unsafe-inline'", "script-src " + " ".join(_csp_hash(s) for s in (vis_js, page_js))
    )
    # one pass, so nothing inserted is scanned for markers again
    return re.sub(r"@@([A-Z_]+)@@", lambda m: parts[m.group(1)], template)


def build_payload(graph: "rdflib.Graph", focus: str | None = None, hops: int = 2, max_nodes: int = 2000) -> dict:
    """Everything the page needs, as plain JSON-able data."""
    from kg.analytics import degrees, entity_details, to_networkx

    g = to_networkx(graph)
    selection = select_nodes(g, focus, hops, max_nodes)
    sizes = degrees(g)
    net, ids = build_network(g, selection.nodes, sizes)
    info = entity_details(graph, ids)
    details = {}
    for iri, i in ids.items():
        data = g.nodes[iri]
        d = info[iri]
        details[str(i)] = {
            "name": data["label"],
            "type": net.node_map[i]["kgType"],
            "kind": data["kind"],
            "iri": iri,
            "aliases": list(data["aliases"]),
            "titles": d.titles,
            "degree": sizes.get(iri, 0),
            "evidence": [{"s": e.sentence, "file": e.source_file, "date": e.date, "about": e.about, "orig": e.original} for e in d.evidence],
        }
    type_counts: dict[str, int] = {}
    for n in net.nodes:
        type_counts[n["kgType"]] = type_counts.get(n["kgType"], 0) + 1
    classes = [
        {"type": t, "label": s.label, "color": s.color, "shape": s.shape, "count": type_counts[t]}
        for t, s in CLASS_STYLES.items()
        if t in type_counts
    ]
    rel_counts: dict[str, int] = {}
    for e in net.edges:
        rel_counts[e["relation"]] = rel_counts.get(e["relation"], 0) + 1
    styles = relation_styles()
    relations = [
        {"name": r, "label": styles.get(r, (r, ""))[0], "color": styles.get(r, ("", "#999999"))[1], "count": c}
        for r, c in sorted(rel_counts.items(), key=lambda rc: list(styles).index(rc[0]) if rc[0] in styles else 99)
    ]
    nodes, edges, _heading, _height, _width, options = net.get_network_data()
    return {
        "nodes": nodes,
        "edges": edges,
        "options": json.loads(options),
        "details": details,
        "classes": classes,
        "relations": relations,
        "meta": {
            "shownNodes": len(nodes),
            "totalNodes": g.number_of_nodes(),
            "shownEdges": len(edges),
            "totalEdges": g.number_of_edges(),
            "cut": selection.cut,
        },
    }


def write_html(graph: "rdflib.Graph", path, focus: str | None = None, hops: int = 2, max_nodes: int = 2000) -> Path:
    """Write the self-contained interactive page of ``graph`` to ``path`` (atomically)."""
    from kg.export.atomic import write_atomic

    return write_atomic(path, render_page(build_payload(graph, focus=focus, hops=hops, max_nodes=max_nodes)))


def run_html(graph_path, out, focus: str | None = None, hops: int = 2, max_nodes: int = 2000, err: TextIO | None = None) -> int:
    """``kg html GRAPH -o OUT``: 0 on success, 2 with a message on bad input."""
    from kg.rdf.loading import load_graph

    err = err or sys.stderr
    source = Path(graph_path)
    if not source.is_file():
        print(f"kg html: no such graph file: {source}", file=err)
        return 2
    try:
        graph = load_graph(source)
    except ValueError as exc:
        print(f"kg html: {exc}", file=err)
        return 2
    try:
        written = write_html(graph, out, focus=focus, hops=hops, max_nodes=max_nodes)
    except HtmlExportError as exc:
        print(f"kg html: {exc}", file=err)
        return 2
    print(f"kg html: wrote {written}", file=err)
    return 0
