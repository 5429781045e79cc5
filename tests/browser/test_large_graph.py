"""A graph bigger than the page's cap, in headless chromium with the network cut.

The page draws an overview (the most connected entities and group nodes for
the rest) and keeps every entity within reach: search finds any of them,
opening one draws its neighbourhood, clicking a group opens it, and the
network never holds more than the cap. Hostile names stay text.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest

from tests.browser.harness import PageSession, click_until, node_screen_point, save_screenshot
from tests.graph_samples import INJECT_EVIDENCE, INJECT_IMG, INJECT_SCRIPT, generated_graph

pytestmark = pytest.mark.browser

CAP = 150
ALIAS = "臺灣測試機構"  # Traditional: search finds it by its Simplified form too
ALIAS_SIMPLIFIED = "台湾测试机构"
DATA_BLOCK = re.compile(r'<script type="application/json" id="kg-data">(.*?)</script>', re.DOTALL)


def big_graph():
    """600 generated entities, plus an alias on the least connected one and a hostile person linked to it."""
    from rdflib import Literal, URIRef
    from rdflib.namespace import SKOS

    from kg.analytics import degrees, to_networkx
    from tests.graph_samples import ENT, KG, _entity, _prov

    graph = generated_graph(600, seed=2)
    deg = degrees(to_networkx(graph))
    quiet = min((x for x in deg if deg[x] >= 1), key=lambda x: (deg[x], x))
    graph.add((URIRef(quiet), SKOS.altLabel, Literal(ALIAS, lang="zh")))
    hostile = _entity(graph, "gen/hostile", "Person", INJECT_IMG, INJECT_SCRIPT)
    graph.add((hostile, KG.metWith, URIRef(quiet)))
    _prov(graph, "gen/ev/hostile", "Meeting", ENT["gen/article/0"], INJECT_EVIDENCE, participant=hostile)
    return graph, quiet, str(hostile)


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    from kg.analytics import to_networkx
    from kg.export.html import write_html

    graph, quiet, hostile = big_graph()
    html = write_html(graph, tmp_path_factory.mktemp("big") / "graph.html", max_nodes=CAP)
    data = json.loads(DATA_BLOCK.search(html.read_text(encoding="utf-8")).group(1))
    return {"html": html, "g": to_networkx(graph), "data": data, "quiet": quiet, "hostile": hostile}


@pytest.fixture
def session(browser, big):
    s = PageSession(browser, big["html"])
    yield s
    s.close()


def drawn_ids(page) -> list:
    return page.evaluate("kgApp.nodes.getIds()")


def hover_tooltip(page, vid, wanted: str, timeout_s: float = 5.0) -> str:
    """Hover node ``vid`` until the tooltip shows ``wanted`` (an edge crossed on the way may show its own first)."""
    x, y = node_screen_point(page, vid)
    page.mouse.move(x - 40, y - 40)
    page.mouse.move(x, y, steps=5)
    deadline = time.monotonic() + timeout_s
    text = ""
    while time.monotonic() < deadline:
        if page.is_visible("div.vis-tooltip"):
            text = page.text_content("div.vis-tooltip")
            if wanted in text:
                return text
        page.wait_for_timeout(100)
    raise AssertionError(f"no tooltip with {wanted!r} over node {vid}; last: {text!r}")


def test_overview_draws_groups_and_indexes_every_entity(session, big, tmp_path):
    page = session.open()
    g, data = big["g"], big["data"]
    # the index holds every entity of the graph, drawn or not
    assert sorted(page.evaluate("kgApp.data.entities.iri")) == sorted(g)
    ids = drawn_ids(page)
    entities = [i for i in ids if isinstance(i, int)]
    groups = [i for i in ids if isinstance(i, str)]
    assert len(ids) <= CAP and len(groups) == len(data["groups"]) >= 2
    # every entity is drawn or counted in a group node, whose label says how many
    labels = page.evaluate("kgApp.nodes.get().filter(n => n.kgType === 'Cluster').map(n => n.label)")
    in_groups = sum(int(re.search(r"\((\d+)\)$", label).group(1)) for label in labels)
    assert len(entities) + in_groups == g.number_of_nodes()
    # group edges carry their counts; relations between drawn entities are drawn
    counts = page.evaluate("kgApp.edges.get().filter(e => e.relation === 'group').map(e => [e.label, e.kgCount])")
    assert counts and all(label == str(n) and n >= 1 for label, n in counts)
    # the page builds what the export built: nothing to add, remove or change
    assert page.evaluate("kgApp.render()") == {"added": 0, "removed": 0, "updated": 0}
    same = page.evaluate(
        """() => {
             const strip = o => { const c = Object.assign({}, o); delete c.title; return JSON.stringify(c, Object.keys(c).sort()); };
             const b = kgApp.build, bad = [];
             kgApp.data.nodes.forEach(n => {
               const mine = typeof n.id === 'number' ? b.entityNode(n.id) : b.groupNode(n.kgGroup, Number(n.label.match(/\\((\\d+)\\)$/)[1]));
               if (strip(mine) !== strip(n)) bad.push([strip(mine), strip(n)]);
             });
             kgApp.data.edges.forEach(e => {
               const mine = e.relation === 'group' ? b.groupEdge(e.id.slice(1), e.kgCount) : b.linkEdge(Number(e.id.slice(1)));
               if (strip(mine) !== strip(e)) bad.push([strip(mine), strip(e)]);
             });
             return bad.slice(0, 3);
           }"""
    )
    assert same == []
    summary = page.text_content("#summary")
    assert f"共 {g.number_of_nodes()} 个实体" in summary and f"{len(groups)} 个群组" in summary
    assert "search finds every entity" in page.text_content("#cut")
    legend = page.locator("#class-filters .filter").all_text_contents()
    assert any("群组 Group" in row and row.endswith(str(len(groups))) for row in legend), legend
    assert any("人物 Person" in row and " / " in row for row in legend), legend  # drawn / total
    save_screenshot(page, tmp_path, "large-overview.png")
    session.assert_offline_and_clean()


def test_search_reaches_every_entity(session, big):
    page = session.open()
    # by name, alias or Simplified key, every entity is found: the best match or among the matches
    missing = page.evaluate(
        """() => {
             const e = kgApp.data.entities, out = [];
             for (let i = 0; i < e.iri.length; i++) {
               [e.name[i]].concat(e.aliases[i], e.keys[i] || []).forEach(n => {
                 if (kgApp.matches(n).indexOf(i) < 0) out.push([i, n]);
               });
               if (kgApp.matches(e.name[i])[0] !== i) out.push([i, 'not first: ' + e.name[i]]);
             }
             return out;
           }"""
    )
    assert missing == []
    session.assert_offline_and_clean()


def test_search_opens_an_undrawn_entity_with_its_neighbourhood(session, big, tmp_path):
    page = session.open()
    g, quiet = big["g"], big["quiet"]
    iris = big["data"]["entities"]["iri"]
    qid = iris.index(quiet)
    assert not page.evaluate("id => kgApp.isDrawn(id)", qid)
    before = len(drawn_ids(page))
    page.fill("#search", ALIAS_SIMPLIFIED)  # the Simplified form of its Traditional alias
    page.press("#search", "Enter")
    page.wait_for_timeout(700)
    assert page.evaluate("kgNetwork.getSelectedNodes()") == [qid]
    assert page.text_content("#details .d-name") == g.nodes[quiet]["label"]
    assert ALIAS in page.text_content("#details")
    assert page.locator("#details .ev").count() >= 1  # its evidence travelled with the index
    # its neighbourhood is drawn: every neighbour, every relation with them
    neighbours = {iris.index(n) for n in set(g.successors(quiet)) | set(g.predecessors(quiet))}
    assert set(page.evaluate("id => kgNetwork.getConnectedNodes(id)", qid)) >= neighbours
    relations = [k for n in g.successors(quiet) for k in g.get_edge_data(quiet, n)]
    relations += [k for n in g.predecessors(quiet) for k in g.get_edge_data(n, quiet)]
    drawn_rel = page.evaluate(
        "id => kgNetwork.getConnectedEdges(id).map(e => kgApp.edges.get(e)).filter(e => e.relation !== 'group').map(e => e.relation)", qid
    )
    assert sorted(drawn_rel) == sorted(relations)
    after = len(drawn_ids(page))
    assert before < after <= CAP
    assert "opened with" in page.text_content("#view-msg")
    # a neighbour not drawn before shows in the panel and opens from there
    save_screenshot(page, tmp_path, "large-opened.png")
    # the reset brings back the first view
    page.click("#reset")
    assert len(drawn_ids(page)) == before and not page.evaluate("id => kgApp.isDrawn(id)", qid)
    session.assert_offline_and_clean()


def test_clicking_a_group_expands_it_within_the_cap(session, big, tmp_path):
    page = session.open()
    data = big["data"]
    first = set(map(str, drawn_ids(page)))
    members = data["groups"][0]["members"]
    page.evaluate("kgNetwork.focus('c0', {scale: 1.2})")
    page.wait_for_timeout(100)
    assert page.evaluate("kgNetwork.getNodeAt(kgNetwork.canvasToDOM(kgNetwork.getPositions(['c0']).c0))") == "c0"
    x, y = node_screen_point(page, "c0")
    assert "展开" not in page.text_content("#view-msg")
    click_until(page, x, y, "document.getElementById('view-msg').textContent.includes('展开')")
    ids = drawn_ids(page)
    assert len(ids) <= CAP
    shown = [m for m in members if m in ids]
    room = CAP - len(first)
    if len(members) <= room + 1:  # its members replaced it
        assert len(shown) == len(members) and "c0" not in ids
    else:  # as many as the cap allows, the most connected first; the group keeps the rest
        assert shown == members[:room] and len(ids) == CAP
        assert page.evaluate("kgApp.nodes.get('c0').label").endswith(f"({len(members) - room})")
    assert "展开" in page.text_content("#view-msg")
    # relations among its members are drawn
    k_drawn = page.evaluate("kgApp.edges.getIds().filter(e => e[0] === 'e').length")
    assert k_drawn > data["meta"]["shownEdges"]
    save_screenshot(page, tmp_path, "large-expanded.png")
    # opening every group in turn never goes past the cap; each opening shows its members
    for gi in range(1, len(data["groups"])):
        took = page.evaluate("gi => kgApp.expandGroup(gi)", gi)
        ids = drawn_ids(page)
        assert len(ids) <= CAP
        assert took >= 1 and all(m in ids for m in data["groups"][gi]["members"][:took])
    # a group's member closes the group again from its details
    last = len(data["groups"]) - 1
    member = data["groups"][last]["members"][0]
    page.evaluate("id => kgApp.select(id, false)", member)
    page.click("#collapse-group")
    ids = drawn_ids(page)
    assert f"c{last}" in ids and member not in ids
    label = page.evaluate("id => kgApp.nodes.get(id).label", f"c{last}")
    assert label.endswith(f"({len(data['groups'][last]['members'])})")
    page.evaluate("kgApp.reset()")
    assert set(map(str, drawn_ids(page))) == first
    session.assert_offline_and_clean()


def test_hostile_names_in_a_large_graph_stay_inert(browser, big, tmp_path):
    from kg.export.html import render_page

    data = json.loads(json.dumps(big["data"]))
    # a group named by a hostile entity too
    data["groups"][0]["label"] = INJECT_SCRIPT
    for n in data["nodes"]:
        if n["id"] == "c0":
            n["label"] = f"{INJECT_SCRIPT} ({len(data['groups'][0]['members'])})"
    html = tmp_path / "hostile.html"
    html.write_text(render_page(data), encoding="utf-8")
    s = PageSession(browser, html)
    try:
        page = s.open()
        hid = data["entities"]["iri"].index(big["hostile"])
        assert not page.evaluate("id => kgApp.isDrawn(id)", hid)
        page.fill("#search", INJECT_SCRIPT)  # its alias, which tries to close the script element
        page.press("#search", "Enter")
        page.wait_for_timeout(700)
        assert page.evaluate("kgNetwork.getSelectedNodes()") == [hid]
        assert page.text_content("#details .d-name") == INJECT_IMG
        text = page.text_content("#details")
        assert INJECT_SCRIPT in text and INJECT_EVIDENCE.replace("\u2028", "") in text.replace("\u2028", "")
        assert "人物 Person" in hover_tooltip(page, hid, INJECT_IMG)
        # the hostile group: its tooltip, then opening it
        page.evaluate("kgApp.select(null, false); kgNetwork.focus('c0', {scale: 1.2})")
        page.wait_for_timeout(100)
        assert "群组 Group" in hover_tooltip(page, "c0", INJECT_SCRIPT)
        page.evaluate("kgApp.expandGroup(0)")
        assert INJECT_SCRIPT in page.text_content("#view-msg")
        injected = page.evaluate(
            "[document.querySelectorAll('img, b, [onerror], [onmouseover]').length,"
            " document.querySelectorAll('script').length, window.__kg_pwned === undefined]"
        )
        assert injected == [0, 3, True]
        save_screenshot(page, tmp_path, "large-hostile.png")
        s.assert_offline_and_clean()
    finally:
        s.close()


@pytest.mark.slow
def test_20000_entity_page_is_usable(browser, tmp_path, record_property):
    """20,000 entities: the overview stabilises, search opens an undrawn entity, a group opens (slow: -m slow)."""
    from kg.analytics import to_networkx
    from kg.export.html import write_html

    graph = generated_graph(20_000)
    g = to_networkx(graph)
    html = write_html(graph, tmp_path / "graph-20000.html")
    s = PageSession(browser, html)
    try:
        started = time.perf_counter()
        page = s.open(timeout_ms=300_000)
        wall_ms = (time.perf_counter() - started) * 1000
        assert len(drawn_ids(page)) <= 2000 and page.evaluate("kgApp.data.entities.iri.length") == g.number_of_nodes()
        assert page.evaluate("kgNetwork.physics.physicsEnabled") is False
        hidden = page.evaluate("(() => { for (let i = 0; ; i++) if (!kgApp.isDrawn(i)) return i; })()")
        page.fill("#search", page.evaluate("id => kgApp.data.entities.name[id]", hidden))
        page.press("#search", "Enter")
        assert page.evaluate("kgNetwork.getSelectedNodes()") == [hidden]
        assert page.evaluate("kgApp.expandGroup(0)") >= 1
        save_screenshot(page, tmp_path, "graph-20000.png")
        s.assert_offline_and_clean()
        figure = {"entities": g.number_of_nodes(), "load_to_stable_ms": round(page.evaluate("kgApp.stableMs")),
                  "wall_ms": round(wall_ms), "page_bytes": html.stat().st_size}
    finally:
        s.close()
    record_property("html_20000", json.dumps(figure))
    print("html_20000", json.dumps(figure))
