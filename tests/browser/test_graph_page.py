"""The HTML graph page in a real headless browser, with the network cut.

Debian's chromium (``scripts/install-browser.sh``) driven by Playwright's Python
package; every request that is not the page file itself is aborted and
recorded, and the tests assert there were none. Skipped only when no chromium
can be found. ZHKG_SCREENSHOT_DIR, when set, receives the screenshots too.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from tests.browser.harness import PageSession, click_until, node_screen_point, save_screenshot
from tests.graph_samples import INJECT_EVIDENCE, INJECT_IMG, INJECT_SCRIPT, generated_graph, sample_graph

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def sample_html(tmp_path_factory) -> Path:
    from kg.export.html import write_html

    return write_html(sample_graph(), tmp_path_factory.mktemp("page") / "graph.html")


@pytest.fixture
def session(browser, sample_html):
    s = PageSession(browser, sample_html)
    yield s
    s.close()


def node_id(page, name: str):
    """The vis id of the entity with this canonical name."""
    found = page.evaluate(
        "name => Object.keys(kgApp.details).filter(k => kgApp.details[k].name === name)", name
    )
    assert len(found) == 1, (name, found)
    return int(found[0])


def expected_counts():
    from kg.analytics import to_networkx

    g = to_networkx(sample_graph())
    return g.number_of_nodes(), g.number_of_edges()


def test_network_exists_with_expected_counts_and_no_network_access(session):
    page = session.open()
    n_nodes, n_edges = expected_counts()
    counts = page.evaluate(
        "[kgNetwork.body.data.nodes.length, kgNetwork.body.data.edges.length, "
        "document.querySelectorAll('#network canvas').length]"
    )
    assert counts == [n_nodes, n_edges, 1]
    summary = page.text_content("#summary")
    assert f"{n_nodes} 个实体" in summary and f"{n_edges} 条关系" in summary
    # the legend lists the classes present with their counts
    legend = page.locator("#class-filters .filter").all_text_contents()
    assert any("人物 Person" in row and row.endswith("4") for row in legend), legend
    session.assert_offline_and_clean()


def test_search_by_alias_focuses_the_node(session):
    page = session.open()
    target = node_id(page, "恒玄科技(上海)股份有限公司")
    page.fill("#search", "恒玄科技")  # an alias, not the canonical name
    page.press("#search", "Enter")
    page.wait_for_timeout(700)  # the focus animation
    assert page.evaluate("kgNetwork.getSelectedNodes()") == [target]
    view = page.evaluate("kgNetwork.getViewPosition()")
    pos = page.evaluate("id => kgNetwork.getPositions([id])[id]", target)
    scale = page.evaluate("kgNetwork.getScale()")
    assert abs(scale - 1.3) < 0.01
    # centred, shifted left by half the details panel
    panel = page.evaluate("document.getElementById('details').offsetWidth")
    assert abs(view["y"] - pos["y"]) < 5 and abs((view["x"] - pos["x"]) * scale - panel / 2) < 10
    assert page.text_content("#details .d-name") == "恒玄科技(上海)股份有限公司"
    page.fill("#search", "不存在的名字")
    page.press("#search", "Enter")
    assert "未找到" in page.text_content("#search-msg")
    session.assert_offline_and_clean()


def test_click_shows_evidence_and_highlights_neighbourhood(session, tmp_path):
    page = session.open()
    chen = node_id(page, "陈向平")
    x, y = node_screen_point(page, chen)
    assert page.evaluate("id => kgNetwork.getNodeAt(kgNetwork.canvasToDOM(kgNetwork.getPositions([id])[id]))", chen) == chen
    click_until(page, x, y, "!document.getElementById('details').hidden")
    assert page.evaluate("kgNetwork.getSelectedNodes()") == [chen]
    text = page.text_content("#details")
    assert "陈向平" in text and "陳向平" in text  # name and alias
    assert "平顶山市委 市委书记" in text  # title held, with where
    assert "陈向平与李洪凤座谈交流。" in text  # an evidence sentence
    assert "000_sample.txt" in text and "2024-03-05" in text  # its article
    # neighbourhood highlighted: non-neighbours faded, neighbours keep their colour
    colours = page.evaluate(
        "Object.fromEntries(kgApp.nodes.get().map(n => [kgApp.details[n.id].name, n.color.background]))"
    )
    assert colours["中国科学院"] == "#e9ecef"
    assert colours["李洪凤"] != "#e9ecef" and colours["陈向平"] != "#e9ecef"
    # clicking the background clears it
    click_until(page, 360, 830, "document.getElementById('details').hidden")
    assert page.evaluate("kgNetwork.getSelectedNodes()") == []
    save_screenshot(page, tmp_path, "graph-overview.png")
    session.assert_offline_and_clean()


def test_hover_tooltip_explains_the_node(session):
    page = session.open()
    li = node_id(page, "李洪凤")
    x, y = node_screen_point(page, li)
    page.mouse.move(x - 40, y - 40)
    page.mouse.move(x, y, steps=5)
    page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5000)
    tip = page.text_content("div.vis-tooltip")
    assert "李洪凤" in tip and "人物 Person" in tip and "董事长" in tip
    session.assert_offline_and_clean()


def test_injection_names_stay_inert_text(session, tmp_path):
    page = session.open()
    vid = node_id(page, INJECT_IMG)
    # search by the alias that tries to close the script element
    page.fill("#search", INJECT_SCRIPT)
    page.press("#search", "Enter")
    page.wait_for_timeout(700)
    assert page.evaluate("kgNetwork.getSelectedNodes()") == [vid]
    # hover and click it too
    x, y = node_screen_point(page, vid)
    page.mouse.move(x - 40, y - 40)
    page.mouse.move(x, y, steps=5)
    page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5000)
    assert INJECT_IMG in page.text_content("div.vis-tooltip")
    click_until(page, x, y, "!document.getElementById('details').hidden")
    assert page.text_content("#details .d-name") == INJECT_IMG
    details_text = page.text_content("#details")
    assert INJECT_SCRIPT in details_text
    assert INJECT_EVIDENCE.replace("\u2028", "") in details_text.replace("\u2028", "")
    injected = page.evaluate(
        "[document.querySelectorAll('img, b, [onerror], [onmouseover]').length,"
        " document.querySelectorAll('script').length, window.__kg_pwned === undefined]"
    )
    assert injected == [0, 3, True]  # the data block, vis-network, the page script
    save_screenshot(page, tmp_path, "graph-injection.png")
    session.assert_offline_and_clean()


def test_filters_hide_classes_and_relations(session):
    page = session.open()
    page.click('#class-filters input[data-key="Person"]')
    hidden = page.evaluate("kgApp.nodes.get().filter(n => n.hidden).map(n => n.kgType)")
    assert hidden and set(hidden) == {"Person"}
    # edges touching a hidden person are hidden too
    assert page.evaluate(
        "kgApp.edges.get().filter(e => !e.hidden).every(e => !kgApp.nodes.get(e.from).hidden && !kgApp.nodes.get(e.to).hidden)"
    )
    page.click('#class-filters input[data-key="Person"]')
    page.click('#relation-filters input[data-key="locatedIn"]')
    hidden_rel = page.evaluate("kgApp.edges.get().filter(e => e.hidden).map(e => e.relation)")
    assert set(hidden_rel) == {"locatedIn"} and len(hidden_rel) == 5
    assert page.evaluate("kgApp.nodes.get().filter(n => n.hidden).length") == 0
    session.assert_offline_and_clean()


def test_cut_is_stated_on_the_page(browser, tmp_path):
    from kg.export.html import write_html

    html = write_html(sample_graph(), tmp_path / "cut.html", focus="卫东区", hops=1)
    s = PageSession(browser, html)
    try:
        page = s.open()
        assert page.is_visible("#cut")
        cut = page.text_content("#cut")
        assert "卫东区" in cut and "1" in cut and "2 of 17" in cut
        assert page.evaluate("kgNetwork.body.data.nodes.length") == 2
        s.assert_offline_and_clean()
    finally:
        s.close()


def test_screenshot_of_a_selected_person(session, tmp_path):
    page = session.open()
    page.fill("#search", "陈向平")
    page.press("#search", "Enter")
    page.wait_for_timeout(800)
    shot = save_screenshot(page, tmp_path, "graph-selected.png")
    assert shot.stat().st_size > 20_000
    session.assert_offline_and_clean()


def test_2000_node_graph_load_to_stable(browser, tmp_path, record_property):
    """Records the load-to-stable time of a generated 2,000-entity graph (no threshold asserted)."""
    from kg.analytics import to_networkx
    from kg.export.html import write_html

    graph = generated_graph(2000)
    expected = to_networkx(graph)
    html = write_html(graph, tmp_path / "graph-2000.html")
    s = PageSession(browser, html)
    try:
        started = time.perf_counter()
        page = s.open(timeout_ms=240_000)
        wall_ms = (time.perf_counter() - started) * 1000
        stable_ms = page.evaluate("kgApp.stableMs")  # since navigation start
        counts = page.evaluate("[kgNetwork.body.data.nodes.length, kgNetwork.body.data.edges.length]")
        assert counts == [2000, expected.number_of_edges()]
        assert page.evaluate("kgNetwork.physics.physicsEnabled") is False  # physics stopped
        # still responsive: a search answers
        page.fill("#search", page.evaluate("kgApp.details['0'].name"))
        page.press("#search", "Enter")
        assert page.evaluate("kgNetwork.getSelectedNodes()") == [0]
        save_screenshot(page, tmp_path, "graph-2000.png")
        s.assert_offline_and_clean()
    finally:
        s.close()
    figure = {"nodes": 2000, "edges": counts[1], "load_to_stable_ms": round(stable_ms), "wall_ms": round(wall_ms),
              "page_bytes": html.stat().st_size}
    record_property("html_2000", json.dumps(figure))
    print("html_2000", json.dumps(figure))


def test_seeds_graph_page(browser, seeds_build, tmp_path):
    """The page `kg build seeds` writes: opens offline, shows every entity, explains the most central person."""
    from kg.analytics import centrality_table, to_networkx
    from kg.rdf.loading import load_graph

    code, out = seeds_build  # the exit status also reflects SHACL validation, not this page
    assert (out / "graph.html").is_file() and (out / "graph.ttl").is_file(), f"kg build seeds wrote no page ({code})"
    network = to_networkx(load_graph(out / "graph.ttl"))
    s = PageSession(browser, out / "graph.html")
    try:
        page = s.open()
        counts = page.evaluate("[kgNetwork.body.data.nodes.length, kgNetwork.body.data.edges.length]")
        assert counts == [network.number_of_nodes(), network.number_of_edges()]
        save_screenshot(page, tmp_path, "seeds-graph.png")
        top = centrality_table(network, kinds=["Person"])[0]
        page.fill("#search", top.label)
        page.press("#search", "Enter")
        page.wait_for_timeout(800)
        assert page.text_content("#details .d-name") == top.label
        assert page.locator("#details .ev").count() >= 1  # evidence sentences shown
        assert page.locator("#details .ev mark").count() >= 1  # the name marked in them
        save_screenshot(page, tmp_path, "seeds-graph-selected.png")
        s.assert_offline_and_clean()
    finally:
        s.close()
