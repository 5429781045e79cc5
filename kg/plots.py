"""Figures of the knowledge graph (matplotlib), for the notebook and for reports.

Each figure has a data function, which reads the graph and returns plain Python
values (easy to test, or to show as a table), and a ``plot_*`` function, which
draws them and returns a :class:`matplotlib.figure.Figure`:

- ``plot_events_by_month`` (``events_by_month``): visits, meetings, signings per month;
- ``plot_visited_organizations`` (``visited_organizations``): the most visited organizations;
- ``plot_active_people`` (``active_people``): who took part in the most visits, meetings, signings;
- ``plot_meeting_network`` (``meeting_network``): the people one person met (networkx ego graph);
- ``plot_communities`` (``community_network``): communities of the met-with / signed-with network.

The first three read the rdflib graph; the last two the networkx graph of
:func:`kg.analytics.to_networkx` (an rdflib graph is converted).
Titles, axis labels and legends are in Chinese and English.

Figures are made without pyplot: no window opens, nothing is shown, no figure is
kept in pyplot's registry, and the figure draws with the Agg backend whatever
backend is configured (there may be no display). The figure returned shows as a
PNG in Jupyter (it has ``_repr_png_``); elsewhere call ``fig.savefig("x.png")``.
When pyplot has not been imported yet and there is no display, matplotlib's own
backend is set to Agg too (networkx's drawing functions import pyplot).

Chinese text needs a CJK font: :func:`use_cjk_font` (called by every ``plot_*``
function) puts the first installed one of :data:`CJK_FAMILIES` (Noto Sans CJK,
Debian package ``fonts-noto-cjk``, installed by ``scripts/install-browser.sh``)
at the front of ``rcParams["font.sans-serif"]``, which matplotlib uses as a
fallback list glyph by glyph.

matplotlib, networkx and rdflib are imported inside the functions.
"""

from __future__ import annotations

import functools
import io
import os
import re
import sys
import warnings
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kg import analytics

if TYPE_CHECKING:  # pragma: no cover
    import networkx
    import rdflib
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure



def _ui(key: str, **fields) -> str:
    """The figure label ``key`` (data/ui_plot_labels.tsv: UI labels, not domain words)."""
    from kg.lexicons.load import words

    label = words("ui_plot_labels", key)[0]
    return label.format(**fields) if fields else label


#: Event classes, with their names in the figures (Chinese, English).
EVENT_KINDS: dict[str, tuple[str, str]] = {k: (_ui("event_" + k), k) for k in ("Visit", "Meeting", "Signing")}
#: The column of events without a date in :func:`plot_events_by_month`.
UNDATED = _ui("undated") + "\nundated"

#: CJK sans-serif families, preferred first (Simplified Chinese forms first).
CJK_FAMILIES: tuple[str, ...] = (
    "Noto Sans CJK SC",
    "Noto Sans CJK TC",
    "Noto Sans CJK HK",
    "Noto Sans CJK JP",
    "Noto Sans CJK KR",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "Droid Sans Fallback",
    "Microsoft YaHei",
    "SimHei",
    "PingFang SC",
    "Heiti SC",
    "Arial Unicode MS",
)
#: Words in font file names that mark a CJK font, to find one missing from matplotlib's font cache.
_CJK_FILE_HINTS = ("CJK", "SourceHanSans", "wqy", "DroidSansFallback", "msyh", "simhei", "PingFang")

#: Colours of the three activities / event kinds (matplotlib's tab10 blue, orange, green).
KIND_COLOURS: dict[str, str] = {"Visit": "#1f77b4", "Meeting": "#ff7f0e", "Signing": "#2ca02c"}
#: Node marker per entity kind in the network figures.
KIND_MARKERS: dict[str, str] = {"Person": "o", "Organization": "s", "Place": "^", "Agreement": "D"}
KIND_NAMES: dict[str, str] = {k: _ui("kind_" + k) for k in ("Person", "Organization", "Place", "Agreement")}

_MONTH = re.compile(r"^\s*(\d{4})-(\d{2})")


# --------------------------------------------------------------------------- fonts and figures


def cjk_fonts() -> list[str]:
    """The families of :data:`CJK_FAMILIES` that matplotlib can use here, preferred first.

    A font installed after matplotlib built its font cache is added from the
    system font folders.
    """
    from matplotlib import font_manager

    def known() -> list[str]:
        names = {f.name for f in font_manager.fontManager.ttflist}
        return [name for name in CJK_FAMILIES if name in names]

    found = known()
    if not found:
        for path in font_manager.findSystemFonts():
            if any(hint.lower() in os.path.basename(path).lower() for hint in _CJK_FILE_HINTS):
                try:
                    font_manager.fontManager.addfont(path)
                except (OSError, RuntimeError, ValueError):  # an unreadable font file
                    continue
        found = known()
    return found


@functools.cache
def _warn_no_cjk_font() -> None:
    warnings.warn(
        "no CJK font found: Chinese text will show as boxes; install fonts-noto-cjk "
        "(scripts/install-browser.sh)",
        stacklevel=3,
    )


def use_cjk_font() -> str | None:
    """Make matplotlib draw Chinese: put the installed CJK fonts first in ``font.sans-serif``.

    Also selects the sans-serif family and an ASCII minus sign. Returns the CJK
    family used, or None (with a warning) when none is installed.
    """
    import matplotlib

    families = cjk_fonts()
    rc = matplotlib.rcParams
    rest = [name for name in rc["font.sans-serif"] if name not in families]
    rc["font.sans-serif"] = families + rest
    rc["font.family"] = ["sans-serif"]
    rc["axes.unicode_minus"] = False
    if not families:
        _warn_no_cjk_font()
        return None
    return families[0]


def _use_agg_without_display() -> None:
    """Select Agg as matplotlib's backend when there is no display and pyplot is not in use yet."""
    import matplotlib

    if "matplotlib.pyplot" in sys.modules or os.environ.get("MPLBACKEND"):
        return  # already chosen (Jupyter sets MPLBACKEND to its inline backend)
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        matplotlib.use("Agg")


@functools.cache
def _figure_class() -> type:
    from matplotlib.figure import Figure

    class KgFigure(Figure):
        """A Figure that Jupyter shows as a PNG, with or without pyplot."""

        def _repr_png_(self) -> bytes:
            buffer = io.BytesIO()
            self.savefig(buffer, format="png", bbox_inches="tight")
            return buffer.getvalue()

    return KgFigure


def new_figure(width: float, height: float) -> tuple["Figure", "Axes"]:
    """A figure with one axes, drawn by Agg, Chinese-ready."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    _use_agg_without_display()
    use_cjk_font()
    fig = _figure_class()(figsize=(width, height), layout="constrained", dpi=100)
    FigureCanvasAgg(fig)
    return fig, fig.add_subplot()


def _empty(ax: "Axes", message: str) -> None:
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes, fontsize=12, color="0.4")
    ax.set_xticks([])
    ax.set_yticks([])


def _network_axes(ax: "Axes") -> None:
    """A frameless axes for a network drawing that keeps its x label (the caption)."""
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.margins(0.12)


def _select(graph: "rdflib.Graph", sparql: str) -> list[list]:
    from kg.query import execute

    return execute(graph, sparql, timeout=None).rows


def _labels(graph: "rdflib.Graph", kind: str | None = None) -> dict[str, str]:
    """IRI -> label of the entities (of one kind of :data:`kg.analytics.KINDS`)."""
    return {iri: d["label"] for iri, d in analytics.entity_nodes(graph).items() if kind is None or d["kind"] == kind}


def _as_network(graph: "rdflib.Graph | networkx.Graph") -> "networkx.Graph":
    from rdflib import Graph

    return analytics.to_networkx(graph) if isinstance(graph, Graph) else graph


# --------------------------------------------------------------------------- (1) events per month


@dataclass
class MonthlyEvents:
    """Events per month and kind: ``counts[kind][i]`` events of ``kind`` in ``months[i]``."""

    months: list[str] = field(default_factory=list)  # "YYYY-MM", every month from the first to the last
    counts: dict[str, list[int]] = field(default_factory=dict)  # kind (Visit, Meeting, Signing) -> per month
    undated: dict[str, int] = field(default_factory=dict)  # kind -> events without a date

    @property
    def total(self) -> int:
        return sum(map(sum, self.counts.values())) + sum(self.undated.values())


def _month_range(first: str, last: str) -> list[str]:
    year, month = map(int, first.split("-"))
    out = []
    while f"{year:04d}-{month:02d}" <= last:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def events_by_month(graph: "rdflib.Graph") -> MonthlyEvents:
    """Visits, meetings and signings per month.

    An event's date is its own ``kg:date`` when the text gives one, else the
    publication date (``dcterms:date``) of its article, as in the notebook's
    timeline; the earliest when there are several. Events with neither are
    counted in ``undated``. Months without events between the first and the
    last are kept (with zeros).
    """
    rows = _select(graph, """
        SELECT ?event ?class ?own ?published WHERE {
            VALUES ?class { kg:Visit kg:Meeting kg:Signing }
            ?event a ?class .
            OPTIONAL { ?event kg:date ?own }
            OPTIONAL { ?event kg:source/dcterms:date ?published }
        }""")
    kind_of: dict[str, str] = {}
    own: dict[str, set[str]] = {}
    published: dict[str, set[str]] = {}
    order = list(EVENT_KINDS)
    for event, cls, own_date, pub_date in rows:
        event, kind = str(event), analytics.local_name(cls)
        if event not in kind_of or order.index(kind) < order.index(kind_of[event]):
            kind_of[event] = kind
        for date, into in ((own_date, own), (pub_date, published)):
            match = _MONTH.match(str(date)) if date is not None else None
            if match:
                into.setdefault(event, set()).add(f"{match[1]}-{match[2]}")
    month_of = {e: min(own.get(e) or published.get(e) or {""}) for e in kind_of}
    dated = sorted({m for m in month_of.values() if m})
    months = _month_range(dated[0], dated[-1]) if dated else []
    per = Counter((month_of[e], kind_of[e]) for e in kind_of)
    return MonthlyEvents(
        months=months,
        counts={kind: [per[(m, kind)] for m in months] for kind in EVENT_KINDS},
        undated={kind: per[("", kind)] for kind in EVENT_KINDS},
    )


def _month_label(month: str) -> str:
    year, mon = month.split("-")
    return _ui("month", year=year, month=int(mon))


def plot_events_by_month(graph: "rdflib.Graph") -> "Figure":
    """(1) Stacked bars: visits, meetings and signings per month (undated events in a last column)."""
    from matplotlib.ticker import MaxNLocator

    data = events_by_month(graph)
    columns = [_month_label(m) for m in data.months]
    undated = sum(data.undated.values()) > 0
    if undated:
        columns.append(UNDATED)
    fig, ax = new_figure(min(14.0, max(6.0, 1.0 + 0.55 * len(columns))), 4.5 if len(columns) <= 8 else 5.0)
    ax.set_title(_ui("events_title"))
    ax.set_xlabel(_ui("events_x"))
    ax.set_ylabel(_ui("events_y"))
    if not columns:
        _empty(ax, _ui("events_empty"))
        return fig
    x = list(range(len(columns)))
    bottom = [0] * len(columns)
    for kind, (zh, en) in EVENT_KINDS.items():
        heights = data.counts[kind] + ([data.undated[kind]] if undated else [])
        ax.bar(x, heights, bottom=bottom, width=0.7, color=KIND_COLOURS[kind], label=f"{zh} {en}")
        bottom = [b + h for b, h in zip(bottom, heights)]
    step = max(1, len(columns) // 24)  # at most about 24 labelled months
    slanted = len(columns) > 8
    ax.set_xticks(x, [c if i % step == 0 or c == UNDATED else "" for i, c in enumerate(columns)],
                  rotation=45 if slanted else 0, ha="right" if slanted else "center", rotation_mode="anchor")
    if undated and data.months:  # the undated column is not a month: set it apart
        ax.axvline(len(data.months) - 0.5, color="0.6", linestyle=":", linewidth=1)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylim(0, max(bottom) * 1.1 + 0.5)
    ax.legend(title=_ui("events_legend"), loc="upper left")
    return fig


# --------------------------------------------------------------------------- (2) most visited organizations


def visited_organizations(graph: "rdflib.Graph", top: int | None = 15) -> list[tuple[str, int]]:
    """(label, number of visits) of the most visited organizations, most visited first.

    A visit is a ``kg:Visit`` event whose ``kg:target`` is the organization (one
    event per sentence that reports it). Ties are broken by label; ``top=None``
    keeps them all.
    """
    labels = _labels(graph, "Organization")
    rows = _select(graph, """
        SELECT ?target (COUNT(DISTINCT ?visit) AS ?visits) WHERE {
            ?visit a kg:Visit ; kg:target ?target .
        } GROUP BY ?target""")
    counts = [(labels[str(t)], int(n)) for t, n in rows if str(t) in labels]
    counts.sort(key=lambda r: (-r[1], r[0]))
    return counts if top is None else counts[:top]


def _barh(ax: "Axes", names: list[str]) -> list[int]:
    y = list(range(len(names)))
    ax.set_yticks(y, names)
    ax.invert_yaxis()  # the first (largest) on top
    return y


def plot_visited_organizations(graph: "rdflib.Graph", top: int = 15) -> "Figure":
    """(2) Horizontal bars: the ``top`` most visited organizations."""
    from matplotlib.ticker import MaxNLocator

    data = visited_organizations(graph, top)
    fig, ax = new_figure(8.0, 1.2 + 0.36 * max(len(data), 3))
    ax.set_title(_ui("visited_title", top=top))
    ax.set_xlabel(_ui("visited_x"))
    ax.set_ylabel(_ui("visited_y"))
    if not data:
        _empty(ax, _ui("visited_empty"))
        return fig
    y = _barh(ax, [label for label, _ in data])
    bars = ax.barh(y, [n for _, n in data], height=0.7, color=KIND_COLOURS["Visit"])
    ax.bar_label(bars, padding=3)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlim(0, max(n for _, n in data) * 1.12 + 0.2)
    return fig


# --------------------------------------------------------------------------- (3) most active people


@dataclass(frozen=True)
class Activity:
    """What one person did: visits and meetings taken part in, signings witnessed (or signed)."""

    node: str
    label: str
    visits: int = 0
    meetings: int = 0
    signings: int = 0

    @property
    def total(self) -> int:
        return self.visits + self.meetings + self.signings


def active_people(graph: "rdflib.Graph", top: int | None = 15) -> list[Activity]:
    """The most active people, by visits + meetings + signings, most active first.

    ``visits`` and ``meetings``: the ``kg:Visit`` / ``kg:Meeting`` events the
    person takes part in (``kg:participant`` or ``kg:agent``); ``signings``: the
    agreements the person witnessed (``kg:witnessed``) or signed (``kg:signed``).
    People with none are left out; ties are broken by label.
    """
    labels = _labels(graph, "Person")
    rows = _select(graph, """
        SELECT ?person ?what (COUNT(DISTINCT ?x) AS ?n) WHERE {
            { ?x a kg:Visit ; kg:participant|kg:agent ?person . BIND("visits" AS ?what) }
            UNION { ?x a kg:Meeting ; kg:participant|kg:agent ?person . BIND("meetings" AS ?what) }
            UNION { ?person kg:witnessed|kg:signed ?x . BIND("signings" AS ?what) }
        } GROUP BY ?person ?what""")
    counts: dict[str, dict[str, int]] = {}
    for person, what, n in rows:
        if str(person) in labels:
            counts.setdefault(str(person), {})[str(what)] = int(n)
    people = [Activity(node=p, label=labels[p], **c) for p, c in counts.items()]
    people.sort(key=lambda a: (-a.total, a.label, a.node))
    return people if top is None else people[:top]


ACTIVITIES: dict[str, tuple[str, str]] = {
    "visits": ("Visit", _ui("activity_visits")),
    "meetings": ("Meeting", _ui("activity_meetings")),
    "signings": ("Signing", _ui("activity_signings")),
}


def plot_active_people(graph: "rdflib.Graph", top: int = 15) -> "Figure":
    """(3) Stacked horizontal bars: the ``top`` most active people (visits, meetings, signings)."""
    from matplotlib.ticker import MaxNLocator

    data = active_people(graph, top)
    fig, ax = new_figure(8.0, 1.6 + 0.36 * max(len(data), 3))
    ax.set_title(_ui("active_title", top=top))
    ax.set_xlabel(_ui("active_x"))
    ax.set_ylabel(_ui("active_y"))
    if not data:
        _empty(ax, _ui("active_empty"))
        return fig
    y = _barh(ax, [a.label for a in data])
    left = [0] * len(data)
    bars = None
    for attr, (kind, name) in ACTIVITIES.items():
        widths = [getattr(a, attr) for a in data]
        bars = ax.barh(y, widths, left=left, height=0.7, color=KIND_COLOURS[kind], label=name)
        left = [a + w for a, w in zip(left, widths)]
    ax.bar_label(bars, labels=[str(a.total) for a in data], padding=3)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlim(0, max(left) * 1.12 + 0.2)
    ax.legend(loc="lower right")
    return fig


# --------------------------------------------------------------------------- (4) one person's meetings


def _person(met: "networkx.Graph", network: "networkx.Graph", person: str | None) -> str | None:
    if person is None:
        if met.number_of_nodes() == 0:
            return None
        return min(met, key=lambda n: (-met.degree(n), met.nodes[n].get("label", n), n))
    if person in network:
        return person
    found = [n for n in analytics.find_nodes(network, person) if network.nodes[n].get("kind") == "Person"]
    if not found:
        raise ValueError(f"no person named {person!r} in the graph")
    return max(found, key=lambda n: (met.degree(n) if n in met else -1, n))


def meeting_network(
    network: "networkx.MultiDiGraph | rdflib.Graph", person: str | None = None, radius: int = 1
) -> "networkx.Graph":
    """The ``metWith`` ego graph of ``person`` (a label, an alias or an IRI).

    Nodes within ``radius`` meetings of the person, with their ``hops`` from
    the person as an attribute; the graph's ``centre`` attribute is the person's
    node. Default person: the one who met the most people. An empty graph when
    the network has no meetings; ValueError for an unknown person.
    """
    import networkx as nx

    network = _as_network(network)
    met = analytics.met_with_graph(network)
    centre = _person(met, network, person)
    if centre is None:
        return nx.Graph(centre=None)
    if centre not in met:
        met.add_node(centre, **network.nodes[centre])
    ego = nx.ego_graph(met, centre, radius=radius)
    hops = nx.single_source_shortest_path_length(ego, centre)
    nx.set_node_attributes(ego, hops, "hops")
    ego.graph["centre"] = centre
    return ego


def _short(label: str, limit: int = 14) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def _label_nodes(ax: "Axes", g: "networkx.Graph", pos: dict, node_size: float, fontsize: float,
                 bold: frozenset = frozenset()) -> None:
    """Each node's label just under its marker, on a light box (offset in points, so at any scale)."""
    import math

    below = math.sqrt(node_size) / 2 + 2  # the marker's radius in points, and a gap
    for n in g:
        ax.annotate(_short(g.nodes[n].get("label", n)), xy=pos[n], xytext=(0, -below), textcoords="offset points",
                    ha="center", va="top", fontsize=fontsize, fontweight="bold" if n in bold else "normal",
                    bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.75})


def plot_meeting_network(
    network: "networkx.MultiDiGraph | rdflib.Graph", person: str | None = None, radius: int = 1
) -> "Figure":
    """(4) The people ``person`` met (and, with ``radius`` 2, whom they met), person in the middle."""
    import networkx as nx

    ego = meeting_network(network, person, radius)
    centre = ego.graph.get("centre")
    name = ego.nodes[centre].get("label", centre) if centre is not None else ""
    fig, ax = new_figure(7.5, 6.5)
    ax.set_title(_ui("meeting_title_of", name=name) if name else _ui("meeting_title"))
    ax.set_xlabel(_ui("meeting_x", name=name))
    _network_axes(ax)
    if centre is None:
        _empty(ax, _ui("meeting_empty"))
        return fig
    shells = [[n for n in sorted(ego, key=lambda n: ego.nodes[n].get("label", n)) if ego.nodes[n]["hops"] == h]
              for h in range(max(nx.get_node_attributes(ego, "hops").values()) + 1)]
    pos = nx.shell_layout(ego, shells) if len(ego) > 1 else {centre: (0.0, 0.0)}
    nx.draw_networkx_edges(ego, pos, ax=ax, edge_color="0.6", width=1.5)
    colours = [KIND_COLOURS["Meeting"] if n == centre else "#6baed6" if ego.nodes[n]["hops"] == 1 else "#c6dbef"
               for n in ego]
    nodes = nx.draw_networkx_nodes(ego, pos, ax=ax, node_color=colours, node_size=700, edgecolors="0.3")
    nodes.set_gid("nodes")
    _label_nodes(ax, ego, pos, 700, 11, bold=frozenset({centre}))
    return fig


# --------------------------------------------------------------------------- (5) communities


def community_network(
    network: "networkx.MultiDiGraph | rdflib.Graph",
) -> tuple["networkx.Graph", list[frozenset[str]]]:
    """The met-with / signed-with network and its communities (largest first).

    The graph joins :func:`kg.analytics.met_with_graph` (people who met) and
    :func:`kg.analytics.signed_with_graph` (parties of the same agreement); each
    edge has ``relations``, a sorted list of "metWith" and/or "signedWith", and
    each node ``community``, its index in the list. Communities:
    :func:`kg.analytics.communities` (Louvain modularity).
    """
    import networkx as nx

    network = _as_network(network)
    joined = nx.Graph()
    for relation, part in (("metWith", analytics.met_with_graph(network)),
                           ("signedWith", analytics.signed_with_graph(network))):
        joined.add_nodes_from(part.nodes(data=True))
        for u, v in part.edges():
            if joined.has_edge(u, v):
                joined.edges[u, v]["relations"] = sorted(set(joined.edges[u, v]["relations"]) | {relation})
            else:
                joined.add_edge(u, v, relations=[relation])
    groups = analytics.communities(joined)
    for i, group in enumerate(groups):
        for n in group:
            joined.nodes[n]["community"] = i
    return joined, groups


def _community_layout(g: "networkx.Graph", groups: list[frozenset[str]]) -> dict:
    """Each community laid out by itself, the communities side by side in rows, largest first."""
    import math

    import networkx as nx

    pos: dict = {}
    columns = max(1, math.ceil(math.sqrt(len(groups))))
    for i, group in enumerate(groups):
        sub = nx.Graph()  # nodes and edges in a fixed order: the same picture whatever the hash seed
        sub.add_nodes_from(sorted(group))
        sub.add_edges_from(sorted(tuple(sorted(e)) for e in g.subgraph(group).edges()))
        scale = 0.5 * math.sqrt(len(group) / max(len(groups[0]), 1))
        if len(group) > 2:
            part = nx.kamada_kawai_layout(sub, scale=scale)
        else:  # a pair one above the other: side by side, long names would run into each other
            part = {n: (0.0, scale * (1 - 2 * k)) for k, n in enumerate(sorted(group))}
        cx, cy = (i % columns) * 1.25, -(i // columns) * 1.25
        pos.update({n: (cx + x, cy + y) for n, (x, y) in part.items()})
    return pos


def plot_communities(network: "networkx.MultiDiGraph | rdflib.Graph") -> "Figure":
    """(5) The met-with / signed-with network, one colour per community, one marker per entity kind."""
    import networkx as nx
    from matplotlib import colormaps
    from matplotlib.lines import Line2D

    g, groups = community_network(network)
    fig, ax = new_figure(12.0, 9.0)
    ax.set_title(_ui("community_title"))
    ax.set_xlabel(_ui("community_x") + "Colour: community (Louvain modularity); solid: met with; dashed: signed together")
    _network_axes(ax)
    if not groups:
        _empty(ax, _ui("community_empty"))
        return fig
    pos = _community_layout(g, groups)
    palette = colormaps["tab20"] if len(groups) > 10 else colormaps["tab10"]
    colour = {n: palette(g.nodes[n]["community"] % palette.N) for n in g}
    met = [(u, v) for u, v, d in g.edges(data=True) if "metWith" in d["relations"]]
    signed = [(u, v) for u, v, d in g.edges(data=True) if "metWith" not in d["relations"]]
    nx.draw_networkx_edges(g, pos, edgelist=met, ax=ax, edge_color="0.55", width=1.4)
    nx.draw_networkx_edges(g, pos, edgelist=signed, ax=ax, edge_color="0.55", width=1.0, style="dashed")
    kinds_drawn = []
    for kind, marker in KIND_MARKERS.items():
        members = [n for n in g if g.nodes[n].get("kind") == kind]
        if members:
            nodes = nx.draw_networkx_nodes(g, pos, nodelist=members, ax=ax, node_shape=marker, node_size=260,
                                           node_color=[colour[n] for n in members], edgecolors="0.25")
            nodes.set_gid("nodes")
            kinds_drawn.append(kind)
    _label_nodes(ax, g, pos, 260, 8)
    handles = [Line2D([], [], marker="o", linestyle="", markersize=9, markerfacecolor=palette(i % palette.N),
                      markeredgecolor="0.25", label=_ui("community_legend", n=i + 1, size=len(group)))
               for i, group in enumerate(groups)]
    handles += [Line2D([], [], marker=KIND_MARKERS[k], linestyle="", markersize=8, markerfacecolor="white",
                       markeredgecolor="0.25", label=KIND_NAMES[k]) for k in kinds_drawn]
    ax.legend(handles=handles, loc="center left", bbox_to_anchor=(1.0, 0.5), fontsize=8, frameon=False)
    return fig
