"""kg.plots on the seeds graph: the right axes, as many bars / nodes as the graph
says (counted here with SPARQL and networkx, not with kg.plots' own helpers),
Chinese labels, and PNGs saved without a missing-glyph warning."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import warnings
from collections import Counter
from typing import TYPE_CHECKING

import pytest

from kg import analytics, plots
from kg.query import execute

if TYPE_CHECKING:  # pragma: no cover
    import networkx

CJK = re.compile(r"[\u4e00-\u9fff]")
LATIN = re.compile(r"[A-Za-z]{3}")


@pytest.fixture(scope="module")
def graph(seeds_build):
    from kg.rdf.loading import load_graph

    _, out = seeds_build
    return load_graph(out / "graph.ttl")


@pytest.fixture(scope="module")
def network(graph):
    return analytics.to_networkx(graph)


@pytest.fixture(scope="module")
def cjk_font():
    """The CJK font the figures need; fail in CI (which installs it), skip elsewhere."""
    found = plots.cjk_fonts()
    if not found:
        missing = "no CJK font found (fonts-noto-cjk); install it with scripts/install-browser.sh"
        if os.environ.get("CI"):
            pytest.fail(f"figures cannot be checked in CI: {missing}")
        pytest.skip(missing)
    return found[0]


def rows(graph, sparql: str) -> list[list]:
    return execute(graph, sparql, timeout=None).rows


def draw(make):
    """Make a figure and save it as PNG, recording every warning; (figure, png bytes, glyph warnings)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig = make()
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png")
    glyphs = [str(w.message) for w in caught if "Glyph" in str(w.message) or "missing from font" in str(w.message)]
    return fig, buffer.getvalue(), glyphs


def assert_drawn(fig, png: bytes, glyphs: list[str]) -> None:
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 10_000
    assert glyphs == [], glyphs
    assert len(fig.axes) == 1 + len([a for a in fig.axes if a.get_label() == "<colorbar>"])


def bilingual(text: str) -> bool:
    return bool(CJK.search(text)) and bool(LATIN.search(text))


def assert_titled(ax, ylabel: bool = True) -> None:
    assert bilingual(ax.get_title()), ax.get_title()
    assert bilingual(ax.get_xlabel()), ax.get_xlabel()
    if ylabel:
        assert bilingual(ax.get_ylabel()), ax.get_ylabel()


def tick_texts(labels) -> list[str]:
    return [t.get_text() for t in labels if t.get_text()]


def node_points(ax) -> list[tuple[tuple[float, float], tuple]]:
    """(x, y) and RGBA face colour of every node marker drawn (networkx's PathCollections)."""
    from matplotlib.collections import PathCollection

    points = []
    for coll in ax.collections:
        if isinstance(coll, PathCollection):
            colours = coll.get_facecolors()
            for i, xy in enumerate(coll.get_offsets()):
                points.append(((round(float(xy[0]), 6), round(float(xy[1]), 6)),
                               tuple(colours[i % len(colours)])))
    return points


def node_labels(ax) -> dict[tuple[float, float], str]:
    """Node label text by the position of its node."""
    from matplotlib.text import Annotation

    return {(round(float(t.xy[0]), 6), round(float(t.xy[1]), 6)): t.get_text()
            for t in ax.texts if isinstance(t, Annotation)}


# --------------------------------------------------------------------------- fonts


def test_a_cjk_font_is_used_for_sans_serif(cjk_font):
    import matplotlib

    assert plots.use_cjk_font() == cjk_font
    assert matplotlib.rcParams["font.sans-serif"][0] == cjk_font
    assert "DejaVu Sans" in matplotlib.rcParams["font.sans-serif"]  # the fallback list is kept
    assert matplotlib.rcParams["font.family"] == ["sans-serif"]


def test_the_glyph_check_catches_a_font_without_chinese():
    """The control: with DejaVu Sans only, drawing Chinese does warn, so the checks below mean something."""
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    def make():
        fig = Figure()
        FigureCanvasAgg(fig)
        fig.add_subplot().set_title("考察")
        return fig

    with matplotlib.rc_context({"font.family": ["sans-serif"], "font.sans-serif": ["DejaVu Sans"]}):
        _, _, glyphs = draw(make)
    assert glyphs and "missing" in glyphs[0]


def test_plots_imports_matplotlib_lazily():
    code = "import sys, kg.plots; print('matplotlib' in sys.modules, 'networkx' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "False"]


def test_figures_are_not_kept_by_pyplot_and_show_in_jupyter(graph, cjk_font):
    fig = plots.plot_visited_organizations(graph)
    assert fig._repr_png_().startswith(b"\x89PNG")
    assert type(fig.canvas).__name__ == "FigureCanvasAgg"
    if "matplotlib.pyplot" in sys.modules:
        import matplotlib.pyplot as plt

        assert plt.get_fignums() == []


# --------------------------------------------------------------------------- (1) events per month

EVENTS_BY_MONTH = """
SELECT ?class ?month (COUNT(DISTINCT ?event) AS ?n) WHERE {
    VALUES ?class { kg:Visit kg:Meeting kg:Signing }
    ?event a ?class .
    OPTIONAL { ?event kg:date ?own }
    OPTIONAL { ?event kg:source ?article . ?article dcterms:date ?published }
    BIND(IF(BOUND(?own) || BOUND(?published), SUBSTR(STR(COALESCE(?own, ?published)), 1, 7), "") AS ?month)
} GROUP BY ?class ?month"""


def test_events_by_month(graph, cjk_font):
    expected = {(str(c).rsplit("#", 1)[1], str(m)): int(n) for c, m, n in rows(graph, EVENTS_BY_MONTH)}
    assert sum(expected.values()) > 0
    dated = sorted({m for _, m in expected if m})
    months = []
    if dated:
        year, month = map(int, dated[0].split("-"))
        while f"{year:04d}-{month:02d}" <= dated[-1]:
            months.append(f"{year:04d}-{month:02d}")
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    columns = [f"{m[:4]}年{int(m[5:])}月" for m in months]
    keys = list(months)
    if any(not m for _, m in expected):
        columns.append(plots.UNDATED)
        keys.append("")

    fig, png, glyphs = draw(lambda: plots.plot_events_by_month(graph))
    assert_drawn(fig, png, glyphs)
    ax = fig.axes[0]
    assert_titled(ax)
    assert [c.get_label() for c in ax.containers] == ["考察 Visit", "会见 Meeting", "签约 Signing"]
    for container, kind in zip(ax.containers, ("Visit", "Meeting", "Signing")):
        assert len(container.patches) == len(columns)
        assert [round(p.get_height()) for p in container.patches] == [expected.get((kind, k), 0) for k in keys]
    assert tick_texts(ax.get_xticklabels()) == columns
    assert any(CJK.search(t) for t in tick_texts(ax.get_xticklabels()))
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["考察 Visit", "会见 Meeting", "签约 Signing"]


def test_events_by_month_data_counts_every_event_once(graph):
    data = plots.events_by_month(graph)
    (count,) = rows(graph, """SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {
        VALUES ?c { kg:Visit kg:Meeting kg:Signing } ?e a ?c }""")[0]
    assert data.total == int(count)


# --------------------------------------------------------------------------- (2) most visited organizations

VISITED = """
SELECT ?label (COUNT(DISTINCT ?visit) AS ?n) WHERE {
    ?visit a kg:Visit ; kg:target ?org .
    ?org a/rdfs:subClassOf* kg:Organization ; rdfs:label ?label .
} GROUP BY ?org ?label"""


def test_visited_organizations(graph, cjk_font):
    expected = {str(label): int(n) for label, n in rows(graph, VISITED)}
    assert expected
    fig, png, glyphs = draw(lambda: plots.plot_visited_organizations(graph, top=15))
    assert_drawn(fig, png, glyphs)
    ax = fig.axes[0]
    assert_titled(ax)
    (bars,) = ax.containers
    assert len(bars.patches) == min(15, len(expected))
    names = tick_texts(ax.get_yticklabels())
    assert len(names) == len(bars.patches) and all(CJK.search(n) for n in names)
    widths = [round(p.get_width()) for p in bars.patches]
    assert widths == sorted(widths, reverse=True)
    assert {n: w for n, w in zip(names, widths)} == {n: expected[n] for n in names}
    assert min(widths) >= max([v for k, v in expected.items() if k not in names], default=0)
    assert ax.yaxis_inverted()  # the most visited on top


def test_top_cuts_the_bars(graph, cjk_font):
    fig = plots.plot_visited_organizations(graph, top=3)
    assert len(fig.axes[0].containers[0].patches) == 3
    assert "前3" in fig.axes[0].get_title() and "top 3" in fig.axes[0].get_title()


# --------------------------------------------------------------------------- (3) most active people

ACTIVITY = """
SELECT ?label ?what (COUNT(DISTINCT ?x) AS ?n) WHERE {
    ?person a kg:Person ; rdfs:label ?label .
    { ?x a kg:Visit . { ?x kg:participant ?person } UNION { ?x kg:agent ?person } BIND("visits" AS ?what) }
    UNION { ?x a kg:Meeting . { ?x kg:participant ?person } UNION { ?x kg:agent ?person } BIND("meetings" AS ?what) }
    UNION { { ?person kg:witnessed ?x } UNION { ?person kg:signed ?x } BIND("signings" AS ?what) }
} GROUP BY ?person ?label ?what"""


def test_active_people(graph, cjk_font):
    expected: dict[str, Counter] = {}
    for label, what, n in rows(graph, ACTIVITY):
        expected.setdefault(str(label), Counter())[str(what)] = int(n)
    assert expected
    fig, png, glyphs = draw(lambda: plots.plot_active_people(graph, top=15))
    assert_drawn(fig, png, glyphs)
    ax = fig.axes[0]
    assert_titled(ax)
    assert len(ax.containers) == 3
    shown = min(15, len(expected))
    assert all(len(c.patches) == shown for c in ax.containers)
    names = tick_texts(ax.get_yticklabels())
    assert len(names) == shown and all(CJK.search(n) for n in names)
    for i, name in enumerate(names):
        got = [round(c.patches[i].get_width()) for c in ax.containers]
        assert got == [expected[name][w] for w in ("visits", "meetings", "signings")], name
    totals = [sum(expected[n].values()) for n in names]
    assert totals == sorted(totals, reverse=True)
    assert [t.get_text() for t in ax.get_legend().get_texts()][0] == "考察 visits"


# --------------------------------------------------------------------------- (4) one person's meetings


def met_pairs(graph) -> "networkx.Graph":
    import networkx as nx

    g = nx.Graph()
    for a, b in rows(graph, """SELECT ?la ?lb WHERE {
            ?a kg:metWith ?b . ?a a kg:Person ; rdfs:label ?la . ?b a kg:Person ; rdfs:label ?lb
            FILTER(?a != ?b) }"""):
        g.add_edge(str(a), str(b))
    return g


def test_meeting_network_of_the_person_who_met_most(graph, network, cjk_font):
    met = met_pairs(graph)
    most = max(d for _, d in met.degree())
    centre = min(n for n, d in met.degree() if d == most)
    fig, png, glyphs = draw(lambda: plots.plot_meeting_network(network))
    assert_drawn(fig, png, glyphs)
    ax = fig.axes[0]
    assert_titled(ax, ylabel=False)
    assert centre in ax.get_title()
    points = node_points(ax)
    assert len(points) == most + 1
    labels = node_labels(ax)
    assert sorted(labels[xy] for xy, _ in points) == sorted({centre, *met[centre]})
    assert all(CJK.search(t) for t in labels.values())


def test_meeting_network_of_a_named_person_two_hops(graph, cjk_font):
    import networkx as nx

    met = met_pairs(graph)
    # someone met once by someone who met others: radius 2 reaches further than radius 1
    person = min(n for n, d in met.degree() if d == 1 and len(nx.ego_graph(met, n, radius=2)) > 2)
    expected = set(nx.ego_graph(met, person, radius=2))
    assert len(expected) > 2
    fig, png, glyphs = draw(lambda: plots.plot_meeting_network(graph, person=person, radius=2))
    assert_drawn(fig, png, glyphs)
    ax = fig.axes[0]
    points = node_points(ax)
    assert len(points) == len(expected)
    assert {node_labels(ax)[xy] for xy, _ in points} == expected
    assert person in ax.get_title()


def test_meeting_network_of_an_unknown_person(network):
    with pytest.raises(ValueError, match="no person"):
        plots.meeting_network(network, person="查无此人")


# --------------------------------------------------------------------------- (5) communities


def met_or_signed(graph) -> "networkx.Graph":
    g = met_pairs(graph)
    parties: dict[str, set[str]] = {}
    for agreement, label in rows(graph, """SELECT ?agreement ?label WHERE {
            { ?who kg:signed ?agreement } UNION { ?agreement kg:party ?who }
            ?agreement a kg:Agreement . ?who rdfs:label ?label }"""):
        parties.setdefault(str(agreement), set()).add(str(label))
    for names in parties.values():
        ordered = sorted(names)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1 :]:
                g.add_edge(a, b)
    return g


def test_communities(graph, network, cjk_font):
    from kg.analytics import communities

    expected = met_or_signed(graph)
    partition = {frozenset(c) for c in communities(expected)}
    fig, png, glyphs = draw(lambda: plots.plot_communities(network))
    assert_drawn(fig, png, glyphs)
    ax = fig.axes[0]
    assert_titled(ax, ylabel=False)
    points = node_points(ax)
    assert len(points) == expected.number_of_nodes()
    labels = node_labels(ax)
    shown = {n: plots._short(n) for n in expected}  # long names are drawn shortened (…)
    assert {labels[xy] for xy, _ in points} == set(shown.values())
    assert all(CJK.search(t) for t in labels.values())
    by_colour: dict[tuple, set[str]] = {}
    for xy, colour in points:
        by_colour.setdefault(colour, set()).add(labels[xy])
    drawn_partition = {frozenset(shown[n] for n in c) for c in partition}
    assert {frozenset(v) for v in by_colour.values()} == drawn_partition  # one colour per community
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert sum(t.startswith("社区") for t in legend) == len(partition)


# --------------------------------------------------------------------------- nothing to draw


@pytest.mark.parametrize("name", ["plot_events_by_month", "plot_visited_organizations", "plot_active_people",
                                  "plot_meeting_network", "plot_communities"])
def test_an_empty_graph_gives_an_empty_figure(name, cjk_font):
    from kg.rdf.namespaces import new_graph

    fig, png, glyphs = draw(lambda: getattr(plots, name)(new_graph()))
    assert_drawn(fig, png, glyphs)
    ax = fig.axes[0]
    assert len(ax.patches) == 0 and not ax.containers and len(node_points(ax)) == 0
    assert any(CJK.search(t.get_text()) for t in ax.texts)  # says there is nothing, in Chinese and English
