"""The interactive HTML view of a graph: one self-contained page, built with pyvis.

pyvis assembles the vis-network nodes, edges and options; the page itself is
``html_assets/page.html`` with vis-network's JS and CSS inlined from the pyvis
package's own files (no CDN, no bootstrap), so it opens from disk with no
network. The data travels as JSON inside ``<script type="application/json">``
with ``<``, ``>``, ``&`` and U+2028/2029 escaped, and the page script renders
every name and sentence with textContent or DOM elements, never as HTML: names
and evidence come from untrusted web text. A Content-Security-Policy allows only
the page's own two scripts (by hash) and no network at all.

Large graphs: the page draws at most ``max_nodes`` nodes, but nothing is out of
reach. Every entity (names, aliases, class, evidence) and every relation travel
in compact tables, so search finds any entity and opening one draws it with its
neighbours; when the graph does not fit, the most connected entities are drawn
and the rest as group nodes (communities, or classes when communities are too
many) that open on click. See ``docs/performance.md``.
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


def _ui(key: str, **fields) -> str:
    """The label ``key`` (data/ui_html_labels.tsv: UI labels, not domain words)."""
    from kg.lexicons.load import words

    label = words("ui_html_labels", key)[0]
    return label.format(**fields) if fields else label


#: Colour and shape per class (most specific kg class local name), legend order.
CLASS_STYLES: dict[str, ClassStyle] = {
    "Person": ClassStyle(_ui("Person"), "#e15759", "dot"),
    "GovernmentBody": ClassStyle(_ui("GovernmentBody"), "#4e79a7", "square"),
    "Company": ClassStyle(_ui("Company"), "#f28e2b", "square"),
    "ResearchInstitution": ClassStyle(_ui("ResearchInstitution"), "#76b7b2", "square"),
    "University": ClassStyle(_ui("University"), "#59a14f", "square"),
    "Association": ClassStyle(_ui("Association"), "#b07aa1", "square"),
    "Organization": ClassStyle(_ui("Organization"), "#9c755f", "square"),
    "Country": ClassStyle(_ui("Country"), "#7a5c00", "triangle"),
    "Province": ClassStyle(_ui("Province"), "#b8860b", "triangle"),
    "City": ClassStyle(_ui("City"), "#e3b505", "triangle"),
    "District": ClassStyle(_ui("District"), "#f3d36b", "triangle"),
    "Town": ClassStyle(_ui("Town"), "#f7e3a1", "triangle"),
    "Park": ClassStyle(_ui("Park"), "#8cd17d", "triangle"),
    "Place": ClassStyle(_ui("Place"), "#d4b483", "triangle"),
    "Agreement": ClassStyle(_ui("Agreement"), "#ff9da7", "diamond"),
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


#: Over the cap, a quarter of the cap is left free for what the reader opens
#: (groups, neighbourhoods) and the rest of the graph is drawn as at most this
#: many group nodes (and never more than a quarter of the cap).
MAX_GROUPS = 120
#: Each group node draws its strongest links (most edges), at most this many.
GROUP_LINKS = 8
GROUP_STYLE = ClassStyle("群组 Group", "#c3ccd6", "hexagon")


@dataclass(frozen=True)
class Group:
    """Entities drawn as one node: a community, or a class, of the undrawn rest."""

    label: str
    by: str  # "community", "type", "kind" or "all"
    members: tuple[str, ...]  # most connected first (then IRI)


@dataclass(frozen=True)
class Selection:
    nodes: set[str]
    cut: str  # what was left out and why ("" when nothing)
    groups: tuple[Group, ...] = ()


#: the most entities the page draws at first (the rest are grouped; search finds every one)
MAX_NODES = 2000


def reserve(max_nodes: int) -> int:
    """Room kept free under the cap for what the reader opens, when the graph does not fit."""
    return max_nodes // 4


def group_limit(max_nodes: int) -> int:
    return max(1, min(MAX_GROUPS, max_nodes // 4))


def select_nodes(g: "networkx.MultiDiGraph", focus: str | None, hops: int, max_nodes: int,
                 communities_cache=None) -> Selection:
    """The nodes to draw, and the groups standing for the rest.

    With ``focus``: its neighbourhood within ``hops``. Otherwise the whole graph
    if it fits under ``max_nodes``; if not, an overview: the most connected
    entities and the rest grouped (:func:`group_rest`), a quarter of the cap
    left free for what the reader opens. Cut neighbourhoods keep the most
    connected too. Nothing is dropped from the page: every entity stays in its
    search index and adjacency.
    """
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
        notes.append(_ui("focus_note", focus=focus, hops=hops, count=len(keep), total=total))
        if len(keep) > max_nodes:
            before = len(keep)
            keep = most_connected(g.subgraph(keep), max(1, max_nodes - reserve(max_nodes)), keep=centres)
            notes.append(_ui("cut_note", count=len(keep), before=before, max_nodes=max_nodes))
        notes.append("搜索可找到图中每个实体 · search finds every entity of the graph")
        return Selection(nodes=keep, cut="; ".join(notes))
    if total <= max_nodes:
        return Selection(nodes=keep, cut="")
    limit = group_limit(max_nodes)
    keep = most_connected(g, max(0, max_nodes - reserve(max_nodes) - limit))
    groups, by = group_rest(g, set(g) - keep, limit, communities_cache)
    rest = total - len(keep)
    zh, en = GROUPINGS[by]
    notes.append(
        f"只显示连接最多的 {len(keep)} 个实体，其余 {rest} 个{zh}分为 {len(groups)} 个群组（点击群组展开，搜索可找到每个实体） · "
        f"showing the {len(keep)} most connected of {total} entities (max_nodes={max_nodes}); "
        f"the other {rest} are drawn as {len(groups)} groups {en} (click a group to open it; search finds every entity)"
    )
    return Selection(nodes=keep, cut="; ".join(notes), groups=tuple(groups))


GROUPINGS = {"community": ("按社区", "by community"), "type": ("按类别", "by class"), "kind": ("按大类", "by kind"), "all": ("合并", "together")}


def _kg_type(data: dict) -> str:
    return data["type"] if data["type"] in CLASS_STYLES else KIND_FALLBACK.get(data["kind"], "Organization")


def group_rest(g: "networkx.MultiDiGraph", rest: set[str], limit: int,
               communities_cache=None) -> tuple[list[Group], str]:
    """``rest`` as at most ``limit`` groups, and how it was grouped.

    By community (Louvain modularity, :func:`kg.analytics.communities`): each
    community with two or more members in ``rest`` is a group (labelled by its
    most connected member), the remaining entities (isolated, or alone in
    ``rest`` from their community) are grouped by class. When that makes more
    than ``limit`` groups, the largest communities are kept, as many as leave
    room for a group per class of everything else (a large graph's
    communities are many: the 1,000-article benchmark graph's are 236). When
    not even one community fits: all by class, then by kind, then one group.
    """
    from kg.analytics import communities, degrees

    deg = degrees(g)

    def ordered(xs) -> tuple[str, ...]:
        return tuple(sorted(xs, key=lambda x: (-deg[x], x)))

    rank = list(CLASS_STYLES)

    def by_key(xs, by: str, key, label) -> list[Group]:
        found: dict[str, list[str]] = {}
        for x in xs:
            found.setdefault(key(x), []).append(x)
        return [Group(label(k), by, ordered(found[k])) for k in sorted(found, key=lambda k: (rank.index(k) if k in rank else 99, k))]

    if not rest:
        return [], "community"
    comm_groups: list[Group] = []
    placed: set[str] = set()
    for community in communities(g, cache=communities_cache):
        members = [x for x in community if x in rest]
        if len(members) >= 2:
            top = ordered(community)[0]
            comm_groups.append(Group(f"{g.nodes[top]['label']} 社区", "community", ordered(members)))
            placed.update(members)
    comm_groups.sort(key=lambda grp: (-len(grp.members), min(grp.members)))
    kg_type = lambda x: _kg_type(g.nodes[x])  # noqa: E731
    leftover = [x for x in rest if x not in placed]
    fits = len(comm_groups) + len({kg_type(x) for x in leftover}) <= limit
    if not fits:  # the largest communities, with room for a group per class of everything else
        comm_groups = comm_groups[:max(0, limit - len({kg_type(x) for x in rest}))]
        placed = {x for grp in comm_groups for x in grp.members}
        leftover = [x for x in rest if x not in placed]
    if fits or comm_groups:
        others = by_key(leftover, "type", kg_type, lambda k: "其他 " + CLASS_STYLES[k].label)
        return comm_groups + others, "community"
    groups = by_key(rest, "type", kg_type, lambda k: CLASS_STYLES[k].label)
    if len(groups) <= limit:
        return groups, "type"
    groups = by_key(rest, "kind", lambda x: g.nodes[x]["kind"], lambda k: CLASS_STYLES[k].label)
    if len(groups) <= limit:
        return groups, "kind"
    return [Group("其他实体 other entities", "all", ordered(rest))], "all"


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
            # coarser Barnes-Hut for big views: about a third less time per iteration, the same picture
            "theta": 0.5 if n_nodes <= 800 else 0.9,
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


def _entity_node(data: dict, degree: int) -> dict:
    """The vis node of one entity (page.js ``entityNode`` builds the same)."""
    style = _class_style(data["type"], data["kind"])
    base = 10 if style.shape == "dot" else 9
    return {
        "label": data["label"],
        "shape": style.shape,
        "color": {
            "background": style.color,
            "border": "#33333355",
            "highlight": {"background": style.color, "border": "#1f2933"},
            "hover": {"background": style.color, "border": "#1f2933"},
        },
        "size": round(base + 5 * math.sqrt(degree), 1),
        "kgType": _kg_type(data),
        "kgKind": data["kind"],
    }


def _link_edge(relation: str, title: str, rank: int, total: int) -> dict:
    """The vis edge of one relation (page.js ``linkEdge`` builds the same); ``rank`` of ``total`` between the same pair."""
    colour = RELATION_COLOURS.get(relation, "#999999")
    extra = {}
    if total > 1:  # parallel edges: fan them out so their labels do not overlap
        extra["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": round(0.12 + 0.2 * rank, 2)}
    return {
        "label": title if relation == "holdsPosition" and title else relation,
        "relation": relation,
        "kgTitle": title,
        "color": {"color": colour, "highlight": colour, "hover": colour, "opacity": 0.85},
        "arrows": {"to": {"enabled": relation != "metWith", "scaleFactor": 0.45}},
        **extra,
    }


def _group_node(index: int, group: Group, remaining: int) -> dict:
    """The vis node of a group standing for ``remaining`` undrawn entities (page.js ``groupNode`` builds the same)."""
    c = GROUP_STYLE.color
    return {
        "label": f"{group.label} ({remaining})",
        "shape": GROUP_STYLE.shape,
        "color": {"background": c, "border": "#52606d", "highlight": {"background": c, "border": "#1f2933"}, "hover": {"background": c, "border": "#1f2933"}},
        "size": round(14 + 3 * math.sqrt(remaining), 1),
        "borderWidth": 2,
        "kgType": "Cluster",
        "kgKind": "Cluster",
        "kgGroup": index,
    }


def _group_edge(count: int) -> dict:
    """The vis edge standing for ``count`` relations between a group and a group or entity (page.js ``groupEdge``)."""
    return {
        "label": str(count),
        "relation": "group",
        "kgCount": count,
        "color": {"color": "#9aa5b1", "highlight": "#52606d", "hover": "#52606d", "opacity": 0.7},
        "width": min(7, count.bit_length()),
        "dashes": True,
        "arrows": {"to": {"enabled": False}},
        "smooth": False,
    }


def _rep(node: int, drawn: set[int], group_of: list[int]) -> str | None:
    if node in drawn:
        return str(node)
    return f"c{group_of[node]}" if group_of[node] >= 0 else None


def group_links(links: list[tuple[int, int, int]], drawn: set[int], group_of: list[int], per_group: int = GROUP_LINKS) -> dict[tuple[str, str], int]:
    """The edges drawn between group nodes and entities: ``{(a, b): count}``.

    Every relation with an end in a group (not drawn) counts towards the pair of
    what stands for its two ends (the drawn entity, or the group node; ``a < b``
    as strings; relations inside one group are not drawn). Each group keeps its
    ``per_group`` strongest pairs (most relations, then the other end's id); a
    pair is drawn when either of its groups keeps it. page.js ``groupLinks``
    computes the same after the reader opens or closes something.
    """
    counts: dict[tuple[str, str], int] = {}
    for u, v, _r in links:
        if u in drawn and v in drawn:
            continue
        ru, rv = _rep(u, drawn, group_of), _rep(v, drawn, group_of)
        if ru is None or rv is None or ru == rv:
            continue
        pair = (ru, rv) if ru < rv else (rv, ru)
        counts[pair] = counts.get(pair, 0) + 1
    ranked: dict[str, list[tuple[int, str, tuple[str, str]]]] = {}
    for (a, b), n in counts.items():
        for me, other in ((a, b), (b, a)):
            if me.startswith("c"):
                ranked.setdefault(me, []).append((-n, other, (a, b)))
    kept: set[tuple[str, str]] = set()
    for pairs in ranked.values():
        kept.update(pair for _n, _other, pair in sorted(pairs)[:per_group])
    return {pair: counts[pair] for pair in sorted(kept)}


def _vis_id(rep: str) -> int | str:
    return rep if rep.startswith("c") else int(rep)


@dataclass
class Layout:
    """Every entity with its page id (0.. in IRI order) and every relation (sorted by relation, then ends)."""

    order: list[str]
    ids: dict[str, int]
    links: list[tuple[int, int, int]]  # (from, to, relation index into RELATION order)
    relations: list[str]
    titles: dict[int, str]
    group_of: list[int]


def layout(g: "networkx.MultiDiGraph", groups: tuple[Group, ...] = ()) -> Layout:
    from kg.analytics import RELATIONS

    order = sorted(g)
    ids = {iri: i for i, iri in enumerate(order)}
    edges = sorted(g.edges(keys=True, data=True), key=lambda e: (e[2], e[0], e[1]))
    present = {key for _u, _v, key, _a in edges}
    relations = [r for r in RELATIONS if r in present] + sorted(present - set(RELATIONS))
    rel_index = {r: i for i, r in enumerate(relations)}
    links, titles = [], {}
    for k, (u, v, key, attrs) in enumerate(edges):
        links.append((ids[u], ids[v], rel_index[key]))
        if attrs.get("title"):
            titles[k] = attrs["title"]
    group_of = [-1] * len(order)
    for gi, group in enumerate(groups):
        for m in group.members:
            group_of[ids[m]] = gi
    return Layout(order, ids, links, relations, titles, group_of)


def build_network(g: "networkx.MultiDiGraph", selection: Selection, sizes: dict[str, int], lay: Layout):
    """A pyvis Network of the drawn entities (page ids), the relations between
    them (ids ``e<k>``, k the relation's index in ``lay.links``), the group
    nodes (``c<i>``) and the group edges (``g<a>~<b>``)."""
    from pyvis.network import Network

    net = Network(directed=True, cdn_resources="in_line")
    drawn = {lay.ids[iri] for iri in selection.nodes}
    for i in sorted(drawn):
        node = _entity_node(g.nodes[lay.order[i]], sizes.get(lay.order[i], 0))
        net.add_node(i, **node)
    for gi, group in enumerate(selection.groups):
        net.add_node(f"c{gi}", **_group_node(gi, group, len(group.members)))
    pair_total: dict[frozenset, int] = {}
    for u, v, _r in lay.links:
        pair_total[frozenset((u, v))] = pair_total.get(frozenset((u, v)), 0) + 1
    pair_seen: dict[frozenset, int] = {}
    for k, (u, v, r) in enumerate(lay.links):
        pair = frozenset((u, v))
        rank = pair_seen[pair] = pair_seen.get(pair, -1) + 1
        if u in drawn and v in drawn:
            edge = _link_edge(lay.relations[r], lay.titles.get(k, ""), rank, pair_total[pair])
            net.add_edge(u, v, id=f"e{k}", **edge)
    for (a, b), n in group_links(lay.links, drawn, lay.group_of).items():
        net.add_edge(_vis_id(a), _vis_id(b), id=f"g{a}~{b}", **_group_edge(n))
    net.options = _options(len(net.nodes), len(net.edges))
    return net


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


def _interner() -> tuple[list, "callable"]:
    table: list = []
    index: dict = {}

    def intern(value) -> int:
        if isinstance(value, str):
            key = value
        elif isinstance(value, list) and all(v is None or isinstance(v, str) for v in value):
            key = ("list", *value)  # most values: a tuple is a cheaper key than their JSON
        else:
            key = ("json", json.dumps(value, ensure_ascii=False))
        if key not in index:
            index[key] = len(table)
            table.append(value)
        return index[key]

    return table, intern


def entity_index(g: "networkx.MultiDiGraph", graph, lay: Layout, sizes: dict[str, int],
                 info: dict | None = None) -> tuple[dict, list, dict]:
    """The compact index of every entity, its class table and its text tables.

    ``entities`` is column-wise, position = page id: ``iri``, ``name``, ``type``
    (index into the class table of ``[legend class, kind]``), ``aliases``,
    ``degree``, ``group`` (-1: drawn at first, or outside the view), and sparse
    (``{"id": ...}``) ``keys`` (the Simplified forms of names and aliases that
    differ from them, for search), ``titles`` and ``evidence`` (flat
    ``[sentence, source, about, original or -1]`` indices into ``texts``).
    """
    from kg.analytics import entity_details
    from kg.resolve.names import to_simplified

    if info is None:  # (build_payload makes them before it needs the communities)
        info = entity_details(graph, lay.order)
    types, type_id = _interner()
    sentences, sentence_id = _interner()
    sources, source_id = _interner()
    abouts, about_id = _interner()
    cols: dict = {"iri": lay.order, "name": [], "type": [], "aliases": [], "degree": [], "group": lay.group_of,
                  "keys": {}, "titles": {}, "evidence": {}}
    rank = list(CLASS_STYLES)
    for t in sorted({(_kg_type(g.nodes[x]), g.nodes[x]["kind"]) for x in lay.order}, key=lambda t: (rank.index(t[0]), t[1])):
        type_id(list(t))
    for i, iri in enumerate(lay.order):
        data = g.nodes[iri]
        cols["name"].append(data["label"])
        cols["type"].append(type_id([_kg_type(data), data["kind"]]))
        aliases = list(data["aliases"])
        cols["aliases"].append(aliases)
        cols["degree"].append(sizes.get(iri, 0))
        names = [data["label"], *aliases]
        extra = sorted({to_simplified(n) for n in names} - set(names))
        if extra:
            cols["keys"][str(i)] = extra
        d = info[iri]
        if d.titles:
            cols["titles"][str(i)] = d.titles
        if d.evidence:
            flat: list[int] = []
            for e in d.evidence:
                flat += [sentence_id(e.sentence), source_id([e.source_file, e.date]), about_id(e.about), sentence_id(e.original) if e.original else -1]
            cols["evidence"][str(i)] = flat
    return cols, types, {"sentences": sentences, "sources": sources, "abouts": abouts}


def build_payload(graph, focus: str | None = None, hops: int = 2, max_nodes: int = MAX_NODES,
                  communities_cache=None, evidence: list[dict] | None = None) -> dict:
    """Everything the page needs, as plain JSON-able data, from an rdflib graph or a
    :class:`kg.export.page_graph.PageGraph` (the build's: the same data for the same statements).

    ``nodes``/``edges``/``options``: the first view (vis-network data).
    ``entities``/``types``/``texts``: every entity of the graph, drawn or not
    (:func:`entity_index`). ``links``: every relation (flat ``[from, to,
    relation]`` page ids; ``titles`` by relation index). ``groups``: what the
    group nodes stand for. ``classes``/``relations``: the legend (``count``
    drawn, ``total`` in the graph). ``meta``: counts, the cut, the cap.
    """
    from kg.analytics import degrees, entity_details, merge_evidence, to_networkx

    g = to_networkx(graph)
    order = sorted(g)  # the layout's order
    info = entity_details(graph, order, evidence=None if evidence is None else merge_evidence(evidence, order))
    selection = select_nodes(g, focus, hops, max_nodes, communities_cache)
    sizes = degrees(g)
    lay = layout(g, selection.groups)
    net = build_network(g, selection, sizes, lay)
    entities, types, texts = entity_index(g, graph, lay, sizes, info=info)
    type_counts: dict[str, int] = {}
    for n in net.nodes:
        type_counts[n["kgType"]] = type_counts.get(n["kgType"], 0) + 1
    type_totals: dict[str, int] = {}
    for t in entities["type"]:
        type_totals[types[t][0]] = type_totals.get(types[t][0], 0) + 1
    classes = [
        {"type": t, "label": s.label, "color": s.color, "shape": s.shape, "count": type_counts.get(t, 0), "total": type_totals[t]}
        for t, s in CLASS_STYLES.items()
        if t in type_totals
    ]
    if selection.groups:
        s = GROUP_STYLE
        classes.append({"type": "Cluster", "label": s.label, "color": s.color, "shape": s.shape,
                        "count": len(selection.groups), "total": len(selection.groups)})
    rel_counts: dict[str, int] = {}
    for e in net.edges:
        if e["relation"] != "group":
            rel_counts[e["relation"]] = rel_counts.get(e["relation"], 0) + 1
    rel_totals: dict[str, int] = {}
    for _u, _v, r in lay.links:
        rel_totals[lay.relations[r]] = rel_totals.get(lay.relations[r], 0) + 1
    styles = relation_styles()
    relations = [
        {"name": r, "label": styles.get(r, (r, ""))[0], "color": styles.get(r, ("", "#999999"))[1],
         "count": rel_counts.get(r, 0), "total": rel_totals[r]}
        for r in lay.relations
    ]
    nodes, edges, _heading, _height, _width, options = net.get_network_data()
    shown = [n for n in nodes if n["kgType"] != "Cluster"]
    shown_edges = [e for e in edges if e["relation"] != "group"]
    return {
        "nodes": nodes,
        "edges": edges,
        "options": json.loads(options),
        "entities": entities,
        "types": types,
        "texts": texts,
        "links": {"relations": lay.relations, "edges": [x for link in lay.links for x in link],
                  "titles": {str(k): t for k, t in sorted(lay.titles.items())}},
        "groups": [{"id": f"c{i}", "label": grp.label, "by": grp.by, "members": [lay.ids[m] for m in grp.members]}
                   for i, grp in enumerate(selection.groups)],
        "classes": classes,
        "relations": relations,
        "meta": {
            "shownNodes": len(shown),
            "totalNodes": g.number_of_nodes(),
            "shownEdges": len(shown_edges),
            "totalEdges": g.number_of_edges(),
            "groups": len(selection.groups),
            "grouping": selection.groups[0].by if selection.groups else "",
            "groupLinks": GROUP_LINKS,
            "cap": max_nodes,
            "cut": selection.cut,
        },
    }


def write_html(graph, path, focus: str | None = None, hops: int = 2, max_nodes: int = MAX_NODES,
               communities_cache=None, evidence: list[dict] | None = None) -> Path:
    """Write the self-contained interactive page of ``graph`` (rdflib or PageGraph) to ``path``
    (atomically); ``communities_cache``: see :func:`kg.analytics.communities`; ``evidence``:
    the articles' evidence, found as they were rendered (:func:`kg.analytics.article_evidence`,
    in article order), so the page does not search ``graph`` for it."""
    from kg.export.atomic import write_atomic

    payload = build_payload(graph, focus=focus, hops=hops, max_nodes=max_nodes, communities_cache=communities_cache,
                            evidence=evidence)
    return write_atomic(path, render_page(payload))


def run_html(graph_path, out, focus: str | None = None, hops: int = 2, max_nodes: int = MAX_NODES, err: TextIO | None = None) -> int:
    """``kg html GRAPH -o OUT``: 0 on success, 2 with a message on bad input, 3 when it cannot write."""
    from kg.rdf.loading import load_graph

    err = err or sys.stderr
    if not str(out):  # Path("") is the current folder
        print("kg html: empty output file (-o): name the page to write (-o graph.html)", file=err)
        return 2
    try:
        graph = load_graph(graph_path)  # a graph file, or a kg build output folder (its graph.ttl)
    except ValueError as exc:
        print(f"kg html: {exc}", file=err)
        return 2
    if Path(out).is_dir():
        print(f"kg html: {out} is a folder: give the page's file name (-o {Path(out) / 'graph.html'})", file=err)
        return 3
    try:
        written = write_html(graph, out, focus=focus, hops=hops, max_nodes=max_nodes)
    except HtmlExportError as exc:
        print(f"kg html: {exc}", file=err)
        return 2
    except OSError as exc:  # a missing or unwritable folder, a file where a folder should be
        print(f"kg html: cannot write {out}: {exc.strerror or exc}", file=err)
        return 3
    print(f"kg html: wrote {written}", file=err)
    return 0
