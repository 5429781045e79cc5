"""kg add: new, changed, unchanged and removed articles; the cache and its invalidation."""

from __future__ import annotations

import json
import shutil

import pytest

from kg.build.incremental import run_add
from kg.pipeline import run_build

from .conftest import report, sources


@pytest.fixture
def inputs(three, tmp_path):
    """Copies of the three seed articles (the tests edit them)."""
    folder = tmp_path / "in"
    shutil.copytree(three, folder)
    return sorted(folder.glob("*.txt"))


def _build(paths, out) -> int:
    return run_build([str(p) for p in paths], str(out), progress=False)


def test_an_added_article_appears_and_only_it_is_analysed(inputs, tmp_path):
    a, b, c = inputs
    out = tmp_path / "out"
    assert _build([a, b], out) == 0
    assert run_add([str(c)], str(out), progress=False) == 0
    r = report(out)
    assert r["incremental"]["added"] == [c.name]
    assert r["build"]["analysed"] == 1 and r["build"]["from_cache"] == 2
    assert sources(out) == {a.name, b.name, c.name}
    fresh = tmp_path / "fresh"
    assert _build([a, b, c], fresh) == 0
    assert (out / "graph.ttl").read_bytes() == (fresh / "graph.ttl").read_bytes()
    assert (out / "graph.html").read_bytes() == (fresh / "graph.html").read_bytes()


def test_the_store_follows_the_added_article(inputs, tmp_path):
    """kg add swaps in a store loaded from the new graph.ttl (in the background while
    graph.html is written): kg query answers from it, with the new article's facts."""
    from kg import store as kgstore

    a, b, c = inputs
    out = tmp_path / "out"
    assert _build([a, b], out) == 0
    assert run_add([str(c)], str(out), progress=False) == 0
    assert kgstore.find_store(out) == out / "store"
    assert not list(out.glob(".staging-*"))
    ask = ("PREFIX kg: <https://w3id.org/zhkg/ontology#> "
           "SELECT (COUNT(?a) AS ?n) WHERE { ?a kg:sourceFile ?f }")
    fresh = tmp_path / "fresh"
    assert _build([a, b, c], fresh) == 0
    assert kgstore.store_marker(out / "store")["triples"] == kgstore.store_marker(fresh / "store")["triples"]
    rows = kgstore.query_store(out / "store", ask).rows
    assert rows == kgstore.query_store(fresh / "store", ask).rows and int(rows[0][0]) == 3


def test_a_changed_article_is_analysed_again_an_unchanged_one_is_not(inputs, tmp_path):
    a, b, _ = inputs
    out = tmp_path / "out"
    assert _build([a, b], out) == 0
    assert run_add([str(a)], str(out), progress=False) == 0
    r = report(out)
    assert r["incremental"]["unchanged"] == [a.name] and r["build"]["analysed"] == 0
    assert r["build"]["render_cached"] == 2  # nothing changed: no article mapped again either
    b.write_text(b.read_text(encoding="utf-8") + "\n平顶山市市长张伟会见了李明一行。\n", encoding="utf-8")
    assert run_add([str(b)], str(out), progress=False) == 0
    r = report(out)
    assert r["incremental"]["changed"] == [b.name]
    assert r["build"]["analysed"] == 1 and r["build"]["from_cache"] == 1
    assert "张伟" in (out / "graph.ttl").read_text(encoding="utf-8")
    fresh = tmp_path / "fresh"
    assert _build([a, b], fresh) == 0
    assert (out / "graph.ttl").read_bytes() == (fresh / "graph.ttl").read_bytes()


def test_a_removed_article_takes_its_facts_with_it(inputs, tmp_path):
    import rdflib

    a, b, c = inputs
    out = tmp_path / "out"
    assert _build([a, b, c], out) == 0
    g = rdflib.Graph().parse(out / "graph.ttl", format="turtle")
    own = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o FILTER(CONTAINS(STR(?s), ?file) || CONTAINS(STR(?o), ?file)) }"
    assert int(next(iter(g.query(own, initBindings={"file": rdflib.Literal(c.name)})))[0]) > 0
    assert run_add([c.name], str(out), remove=True, progress=False) == 0
    r = report(out)
    assert r["incremental"]["removed"] == [c.name] and r["build"]["analysed"] == 0
    assert sources(out) == {a.name, b.name}
    g = rdflib.Graph().parse(out / "graph.ttl", format="turtle")
    assert int(next(iter(g.query(own, initBindings={"file": rdflib.Literal(c.name)})))[0]) == 0
    fresh = tmp_path / "fresh"
    assert _build([a, b], fresh) == 0
    assert (out / "graph.ttl").read_bytes() == (fresh / "graph.ttl").read_bytes()


def test_removing_an_unknown_article_changes_nothing(inputs, tmp_path):
    a, _, _ = inputs
    out = tmp_path / "out"
    assert _build([a], out) == 0
    before = (out / "graph.ttl").read_bytes()
    assert run_add(["nowhere.txt"], str(out), remove=True, progress=False) == 2
    assert (out / "graph.ttl").read_bytes() == before


def test_add_needs_an_earlier_build(inputs, tmp_path):
    (tmp_path / "empty").mkdir()
    assert run_add([str(inputs[0])], str(tmp_path / "empty"), progress=False) == 2


@pytest.mark.parametrize("what", ["code_version", "model_version"])
def test_a_new_code_or_model_version_invalidates_the_cache(inputs, tmp_path, monkeypatch, what):
    import kg.version

    a, b, c = inputs
    out = tmp_path / "out"
    assert _build([a, b], out) == 0
    assert report(out)["build"]["analysed"] == 2
    assert _build([a, b], out) == 0
    assert report(out)["build"] == report(out)["build"] | {"analysed": 0, "from_cache": 2, "rendered": 0}
    before = (out / "graph.ttl").read_bytes()
    monkeypatch.setattr(kg.version, what, lambda *a, **k: "9.9.9-test")
    assert _build([a, b], out) == 0
    assert report(out)["build"]["analysed"] == 2 and report(out)["build"]["from_cache"] == 0
    assert (out / "graph.ttl").read_bytes() == before  # same code in truth: the same graph
    monkeypatch.setattr(kg.version, what, lambda *a, **k: "9.9.10-test")
    assert run_add([str(c)], str(out), progress=False) == 0  # kg add re-analyses the old ones too
    assert report(out)["build"]["analysed"] == 3


def test_no_cache_analyses_everything_again(inputs, tmp_path):
    a = inputs[0]
    out = tmp_path / "out"
    assert _build([a], out) == 0
    assert run_build([str(a)], str(out), progress=False, use_cache=False) == 0
    assert report(out)["build"]["analysed"] == 1 and report(out)["build"]["from_cache"] == 0


# ----------------------------------------------------------------- the store updated in place
def _store_rows(out) -> list[str]:
    import pyoxigraph as ox

    store = ox.Store.read_only(str(out / "store"))
    try:
        return sorted(str(q) for q in store.quads_for_pattern(None, None, None))
    finally:
        del store


def _same_outputs(out, fresh) -> None:
    """graph.ttl, graph.html and the store's statements of ``out`` are those of ``fresh``."""
    from kg import store as kgstore

    assert (out / "graph.ttl").read_bytes() == (fresh / "graph.ttl").read_bytes()
    assert (out / "graph.html").read_bytes() == (fresh / "graph.html").read_bytes()
    assert kgstore.find_store(out) == out / "store"
    rows = _store_rows(out)
    assert rows == _store_rows(fresh)
    assert kgstore.store_marker(out / "store")["triples"] == len(rows)


def _edit(path) -> None:
    path.write_text(path.read_text(encoding="utf-8") + "\n平顶山市市长张伟会见了李明一行。\n", encoding="utf-8")


@pytest.mark.parametrize("change", ["add", "replace", "remove"])
def test_the_store_is_updated_in_place_to_the_full_builds_contents(inputs, tmp_path, monkeypatch, change):
    """kg add copies the published store and applies the changed subjects (it does not
    load graph.ttl again): the same statements as the store of a full build. (Three
    articles: most subjects change, so the share above which it loads is lifted.)"""
    from kg import store as kgstore

    monkeypatch.setattr(kgstore, "UPDATE_MAX_SHARE", 1.0)

    a, b, c = inputs
    out, fresh = tmp_path / "out", tmp_path / "fresh"
    first = [a, b, c] if change == "remove" else [a, b]
    assert _build(first, out) == 0
    assert kgstore.current_state(out) is not None
    if change == "add":
        assert run_add([str(c)], str(out), progress=False) == 0
        final = [a, b, c]
    elif change == "replace":
        _edit(b)
        assert run_add([str(b)], str(out), progress=False) == 0
        final = [a, b]
    else:
        assert run_add([b.name], str(out), remove=True, progress=False) == 0
        final = [a, c]
    assert kgstore.store_marker(out / "store").get("updated") is True
    assert _build(final, fresh) == 0
    assert kgstore.store_marker(fresh / "store").get("updated") is None  # a fresh folder: loaded
    _same_outputs(out, fresh)
    assert kgstore.current_state(out) is not None  # and the next kg add can update it again


@pytest.mark.parametrize("damage", ["state-missing", "state-garbage", "state-of-another-graph", "store-stale",
                                    "store-missing"])
def test_a_store_that_cannot_be_updated_is_loaded_again(inputs, tmp_path, monkeypatch, damage):
    """A missing or damaged state, or a store that does not match graph.ttl: kg add
    loads the new graph.ttl into a new store, with the same statements."""
    import pickle

    from kg import store as kgstore

    a, b, c = inputs
    out, fresh = tmp_path / "out", tmp_path / "fresh"
    assert _build([a, b], out) == 0
    state = out / "store" / kgstore.STATE
    if damage == "state-missing":
        state.unlink()
    elif damage == "state-garbage":
        state.write_bytes(b"not a pickle")
    elif damage == "state-of-another-graph":
        data = pickle.loads(state.read_bytes())
        data["sha256"] = "0" * 64
        state.write_bytes(pickle.dumps(data))
    elif damage == "store-stale":
        marker = json.loads((out / "store" / kgstore.MARKER).read_text(encoding="utf-8"))
        marker["size"] += 1
        (out / "store" / kgstore.MARKER).write_text(json.dumps(marker), encoding="utf-8")
    else:
        shutil.rmtree(out / "store")
    assert kgstore.current_state(out) is None
    monkeypatch.setattr(kgstore, "UPDATE_MAX_SHARE", 1.0)
    assert run_add([str(c)], str(out), progress=False) == 0
    assert kgstore.store_marker(out / "store").get("updated") is None
    assert _build([a, b, c], fresh) == 0
    _same_outputs(out, fresh)


def test_a_large_change_loads_graph_ttl_again(inputs, tmp_path):
    """More than UPDATE_MAX_SHARE of the subjects changed (one of two articles replaced):
    a bulk load of graph.ttl, the same statements."""
    from kg import store as kgstore

    a, b, _ = inputs
    out, fresh = tmp_path / "out", tmp_path / "fresh"
    assert _build([a, b], out) == 0
    _edit(b)
    assert run_add([str(b)], str(out), progress=False) == 0
    assert kgstore.store_marker(out / "store").get("updated") is None
    assert _build([a, b], fresh) == 0
    _same_outputs(out, fresh)


def test_a_failed_update_falls_back_to_loading_graph_ttl(inputs, tmp_path, monkeypatch):
    from kg import store as kgstore

    monkeypatch.setattr(kgstore, "UPDATE_MAX_SHARE", 1.0)
    a, b, c = inputs
    out, fresh = tmp_path / "out", tmp_path / "fresh"
    assert _build([a, b], out) == 0

    def broken(*args, **kwargs):
        raise kgstore.StoreError("simulated")

    monkeypatch.setattr(kgstore, "update_store", broken)
    assert run_add([str(c)], str(out), progress=False) == 0
    assert kgstore.store_marker(out / "store").get("updated") is None
    assert _build([a, b, c], fresh) == 0
    _same_outputs(out, fresh)


@pytest.mark.parametrize("damage", ["garbage", "missing", "no-html-build"])
def test_damaged_or_missing_page_statements_are_made_again(inputs, tmp_path, damage):
    """The page's cached statements (OUT/cache/page) missing, unreadable, or never
    written (a --no-html build): they are made again from the rendered blocks, and the
    page is the full build's."""
    a, b, c = inputs
    out, fresh = tmp_path / "out", tmp_path / "fresh"
    if damage == "no-html-build":
        assert run_build([str(a), str(b)], str(out), progress=False, html=False) == 0
        assert not list((out / "cache").glob("page/*/*.pkl"))
    else:
        assert _build([a, b], out) == 0
        pages = list((out / "cache").glob("page/*/*.pkl"))
        assert len(pages) == 2
        for page in pages:
            if damage == "garbage":
                page.write_bytes(b"\x00not marshal")
            else:
                page.unlink()
    assert run_add([str(c)], str(out), progress=False, html=True) == 0  # --html: also after a --no-html build
    assert len(list((out / "cache").glob("page/*/*.pkl"))) == 3
    assert _build([a, b, c], fresh) == 0
    assert (out / "graph.html").read_bytes() == (fresh / "graph.html").read_bytes()
    assert (out / "graph.ttl").read_bytes() == (fresh / "graph.ttl").read_bytes()


def test_a_large_graph_gets_its_page_written_in_a_process_of_its_own(inputs, tmp_path, monkeypatch):
    """kg add with --workers not given, on several cores, of one article to a graph of at
    least PAGE_PROCESS_MIN_ARTICLES articles: graph.html is written by a process of its
    own (started before the analysis, so its imports overlap this process's work) while
    this process writes graph.ttl and the store; the same bytes as written here
    (``--workers 1``: the whole add stays in this process)."""
    import kg.build.run as build_run
    from kg.build.engines import available_cores

    if available_cores() < 2:
        pytest.skip("one core: the page is written in the building process")
    a, b, c = inputs
    out = tmp_path / "out"
    assert _build([a, b], out) == 0
    one = tmp_path / "one"
    shutil.copytree(out, one)
    monkeypatch.setattr(build_run, "PAGE_PROCESS_MIN_ARTICLES", 3)  # 2 built + 1 added
    assert run_add([str(c)], str(out), progress=False, workers=None) == 0
    assert report(out)["build"]["page"] == "page process"
    assert report(out)["build"]["engine"] == "in-process"  # the one article was analysed here
    assert run_add([str(c)], str(one), progress=False, workers=1) == 0
    assert report(one)["build"]["page"] == "building process"
    assert (out / "graph.html").read_bytes() == (one / "graph.html").read_bytes()
    assert (out / "graph.ttl").read_bytes() == (one / "graph.ttl").read_bytes()
    monkeypatch.setattr(build_run, "PAGE_PROCESS_MIN_ARTICLES", 4)  # a graph smaller than that: here
    assert run_add([str(c)], str(one), progress=False, workers=None) == 0
    assert report(one)["build"]["page"] == "building process"


def test_an_unreadable_replacement_keeps_the_article_it_would_replace(inputs, tmp_path):
    """An article's file emptied (or grown too large, made undecodable) is reported as
    failed and replaces nothing: the graph keeps the old article (found by a tester)."""
    a, b, c = inputs
    out = tmp_path / "out"
    assert _build([a, b], out) == 0
    before = (out / "graph.ttl").read_bytes()
    a.write_bytes(b"")
    bad = tmp_path / "bad"
    bad.mkdir()
    empty = bad / "new.txt"
    empty.write_bytes(b"")
    assert run_add([str(a), str(empty)], str(out), progress=False) == 1
    r = report(out)
    assert r["incremental"]["changed"] == [] and r["incremental"]["added"] == []
    assert sorted(f["file"] for f in r["failed"]) == sorted([a.name, "new.txt"])
    assert sources(out) == {a.name, b.name}
    assert (out / "graph.ttl").read_bytes() == before


def test_a_file_kg_add_cannot_read_is_counted_in_its_summary_line(inputs, tmp_path, capsys):
    """kg add of a good file and an empty one named the empty one in a warning line but
    its summary line did not count it, where kg build's says "1 failed; 1 skipped:
    empty file (1)" (found by a tester): it does, and report.json lists it."""
    from kg.logs import setup_logging

    a, b, _ = inputs
    out = tmp_path / "out"
    assert _build([a], out) == 0
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    setup_logging("INFO")
    capsys.readouterr()
    assert run_add([str(b), str(empty)], str(out), progress=False) == 1
    captured = capsys.readouterr()
    [summary] = [line for line in captured.out.splitlines() if line.startswith("kg add: 1 added")]
    assert "0 removed, 1 failed (" in summary and "; 1 skipped: empty file (1)" in summary
    assert "kg add: empty.txt: empty file" in captured.err
    assert report(out)["failed"] == [{"file": "empty.txt", "reason": "empty file"}]


def test_two_files_of_one_name_in_two_folders_stay_two_articles(inputs, tmp_path):
    """kg build keeps dup/s1/a.txt and dup/s2/a.txt apart; kg add of one of them, or
    --remove of its path, is about that one only (found by a tester)."""
    a, b, _c = inputs
    for folder, src in (("s1", a), ("s2", b)):
        (tmp_path / "dup" / folder).mkdir(parents=True)
        shutil.copy(src, tmp_path / "dup" / folder / "a.txt")
    out = tmp_path / "out"
    assert _build([tmp_path / "dup"], out) == 0
    before = (out / "graph.ttl").read_bytes()
    assert run_add([str(tmp_path / "dup" / "s2" / "a.txt")], str(out), progress=False) == 0
    assert report(out)["incremental"]["unchanged"] and (out / "graph.ttl").read_bytes() == before
    assert run_add([str(tmp_path / "dup" / "s2" / "a.txt")], str(out), remove=True, progress=False) == 0
    assert len(report(out)["incremental"]["removed"]) == 1 and len(sources(out)) == 1


@pytest.mark.parametrize("cut", [20, -10])
def test_a_damaged_article_record_is_analysed_again_or_reported(inputs, tmp_path, cut):
    """A record cut short (the slim part, or the end of the full one) is no
    internal error (found by a tester): kg build analyses the article again from
    its file; kg add, which reads no file of an article it keeps, refuses and
    leaves the outputs as they were until the files are added again."""
    from kg.build.cache import read_checked

    a, b, c = inputs
    out = tmp_path / "out"
    assert _build([a, b], out) == 0
    before = (out / "graph.ttl").read_bytes()
    records = sorted((out / "cache" / "articles").glob("*/*.pkl"))
    assert len(records) == 2 and all(read_checked(p) is not None for p in records)
    for p in records:
        data = p.read_bytes()
        p.write_bytes(data[:cut])
        assert read_checked(p) is None
    assert _build([a, b], out) == 0
    assert report(out)["build"]["analysed"] == 2 and (out / "graph.ttl").read_bytes() == before
    for p in sorted((out / "cache" / "articles").glob("*/*.pkl")):
        p.write_bytes(p.read_bytes()[:cut])
    assert run_add([str(c)], str(out), progress=False) == 1  # refused: the graph's articles are kept
    assert (out / "graph.ttl").read_bytes() == before and sources(out) == {a.name, b.name}
    assert run_add([str(a), str(b), str(c)], str(out), progress=False) == 0  # their files again: all three
    assert sources(out) == {a.name, b.name, c.name}


def test_kg_add_names_its_own_option_when_the_folder_is_busy(inputs, tmp_path, capsys):
    """kg add says --to, not kg build's -o (found by a tester)."""
    from kg.export.outdir import claim_output
    from kg.logs import setup_logging

    a, b, c = inputs
    out = tmp_path / "out"
    assert _build([a, b], out) == 0
    setup_logging("INFO")  # the console handler on this test's captured stderr (an earlier test may have set one)
    with claim_output(out):  # another build holds the folder
        assert run_add([str(c)], str(out), progress=False) == 3
    err = capsys.readouterr().err
    assert "choose another --to" in err and "another -o" not in err


def test_articles_from_standard_input_are_told_apart_by_their_text(inputs, tmp_path, monkeypatch):
    """Every standard-input article was named <stdin>, so kg add - of a second text
    replaced the first (found by a tester): a new text is added, the same one again
    is unchanged; standard input given twice is a usage error."""
    import io
    import sys

    a, b, _c = inputs
    out = tmp_path / "out"

    def stdin(path):
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(path.read_bytes())))

    stdin(a)
    assert run_build(["-"], str(out), progress=False) == 0
    stdin(b)
    assert run_add(["-"], str(out), progress=False) == 0
    assert len(report(out)["incremental"]["added"]) == 1 and len(sources(out)) == 2
    stdin(a)
    assert run_add(["-"], str(out), progress=False) == 0
    assert len(report(out)["incremental"]["unchanged"]) == 1 and len(sources(out)) == 2
    assert all(s.startswith("stdin-") for s in sources(out))
    before = (out / "graph.ttl").read_bytes()
    assert run_add(["-", "-"], str(out), progress=False) == 2
    assert run_build(["-", "-"], str(tmp_path / "other"), progress=False) == 2
    assert (out / "graph.ttl").read_bytes() == before and not (tmp_path / "other").exists()


def test_kg_add_names_files_of_one_name_as_kg_build_does(inputs, tmp_path):
    """kg add named the second x.txt by its absolute path, in its IRI (found by a
    tester): it is named as kg build names it (q/x.txt), and an article already in
    the graph keeps its name when its file is added again, also beside a new file of
    its name (which then takes the longer name)."""
    a, b, c = inputs
    for folder, src in (("p", b), ("q", c)):
        (tmp_path / "dup" / folder).mkdir(parents=True)
        shutil.copy(src, tmp_path / "dup" / folder / "x.txt")
    p, q = tmp_path / "dup" / "p" / "x.txt", tmp_path / "dup" / "q" / "x.txt"
    out = tmp_path / "out"
    assert _build([a], out) == 0
    assert run_add([str(p), str(q)], str(out), progress=False) == 0
    assert sources(out) == {a.name, "x.txt", "q/x.txt"}
    assert "%2Ftmp" not in (out / "graph.ttl").read_text(encoding="utf-8")
    before = (out / "graph.ttl").read_bytes()
    assert run_add([str(q)], str(out), progress=False) == 0
    assert report(out)["incremental"]["unchanged"] == ["q/x.txt"] and (out / "graph.ttl").read_bytes() == before

    other = tmp_path / "other"
    assert _build([q], other) == 0  # q alone: x.txt
    assert run_add([str(p), str(q)], str(other), progress=False) == 0
    assert report(other)["incremental"] == {"added": ["p/x.txt"], "changed": [], "unchanged": ["x.txt"], "removed": []}
    assert sources(other) == {"x.txt", "p/x.txt"}


def _outputs(out) -> dict:
    names = ("graph.ttl", "graph.html", "report.json", "cache/manifest.json", "store/kg-store.json")
    return {n: (out / n).read_bytes() for n in names}


def _consistent(out) -> set[str]:
    """The articles of OUT, the same in graph.ttl, report.json, the manifest and the store."""
    from kg import store as kgstore

    manifest = json.loads((out / "cache" / "manifest.json").read_text(encoding="utf-8"))
    files = {row["file"] for row in manifest["articles"]}
    assert files == set(report(out)["read"]) == sources(out)
    assert kgstore.find_store(out) == out / "store"
    return files


def test_a_ctrl_c_before_the_outputs_are_replaced_leaves_the_previous_build(inputs, tmp_path, monkeypatch):
    """A Ctrl-C while the outputs are being published (here: once the store is loaded)
    changes none of them, the manifest included (found by a tester: the manifest was
    moved in first, and kg add then acted on the interrupted run's articles)."""
    import signal

    from kg import store as kgstore

    a, b, c = inputs
    out = tmp_path / "out"
    assert _build([a], out) == 0
    before = _outputs(out)
    real_wait = kgstore.StoreLoad.wait

    def interrupted(self):
        real_wait(self)
        signal.raise_signal(signal.SIGINT)

    monkeypatch.setattr(kgstore.StoreLoad, "wait", interrupted)
    with pytest.raises(KeyboardInterrupt):
        run_add([str(b)], str(out), progress=False)
    monkeypatch.undo()
    assert _outputs(out) == before and _consistent(out) == {a.name}
    assert run_add([str(c)], str(out), progress=False) == 0
    assert _consistent(out) == {a.name, c.name}


def test_a_ctrl_c_while_the_outputs_are_moved_takes_effect_once_all_are_in_place(inputs, tmp_path, monkeypatch):
    """Ctrl-C during the renames that publish the outputs is held until the last, the
    manifest's: the command stops, with every output of the new graph."""
    import signal

    from kg.export import outdir

    a, b, _ = inputs
    out = tmp_path / "out"
    assert _build([a], out) == 0
    real_publish = outdir.OutputFolder.publish

    def interrupted(self, staging, names):
        signal.raise_signal(signal.SIGINT)
        real_publish(self, staging, names)

    monkeypatch.setattr(outdir.OutputFolder, "publish", interrupted)
    with pytest.raises(KeyboardInterrupt):
        run_add([str(b)], str(out), progress=False)
    monkeypatch.undo()
    assert _consistent(out) == {a.name, b.name}
    assert run_add([b.name], str(out), remove=True, progress=False) == 0
    assert _consistent(out) == {a.name}


def test_kg_add_refuses_a_graph_its_manifest_does_not_describe(inputs, tmp_path, capsys):
    """A run killed (SIGKILL: nothing can be held off) after it moved graph.ttl in and
    before the manifest leaves a manifest of the previous graph: kg add says so and
    changes nothing, rather than act on the previous article list. A copy of the
    folder (other file times) is still recognized."""
    from kg.logs import setup_logging

    a, b, c = inputs
    out = tmp_path / "out"
    assert _build([a, b], out) == 0
    copy = tmp_path / "copy"
    shutil.copytree(out, copy, copy_function=shutil.copyfile)  # new modification times
    assert run_add([str(c)], str(copy), progress=False) == 0 and _consistent(copy) == {a.name, b.name, c.name}
    manifest = out / "cache" / "manifest.json"
    previous = manifest.read_bytes()
    assert run_add([b.name], str(out), remove=True, progress=False) == 0
    manifest.write_bytes(previous)  # as if killed just before the manifest was moved in
    before = _outputs(out)
    setup_logging("INFO")
    capsys.readouterr()
    assert run_add([str(c)], str(out), progress=False) == 2
    assert "is not the graph its build cache describes" in capsys.readouterr().err
    assert _outputs(out) == before
    assert _build([a, c], out) == 0 and _consistent(out) == {a.name, c.name}  # a build puts it right


def test_kg_add_keeps_the_builds_relation_mode_and_html_choice(inputs, tmp_path, monkeypatch):
    """kg add without --relations decides relations as the build did and, without
    --html or --no-html, writes graph.html as it did (found by a tester: an add to a
    --relations rules build re-analysed every article in the hybrid mode, and a
    --no-html build got a graph.html back); report.json records the mode."""
    from rdflib import Graph
    from rdflib.compare import isomorphic

    a, b, _ = inputs
    out, fresh = tmp_path / "out", tmp_path / "fresh"
    monkeypatch.setenv("ZHKG_RELATIONS", "rules")
    assert run_build([str(a)], str(out), progress=False, html=False) == 0
    assert run_build([str(a), str(b)], str(fresh), progress=False, html=False) == 0
    monkeypatch.delenv("ZHKG_RELATIONS")
    assert run_add([str(b)], str(out), progress=False) == 0
    r = report(out)
    assert r["relation_mode"] == report(fresh)["relation_mode"] == "rules"
    assert r["build"]["analysed"] == 1 and r["build"]["from_cache"] == 1
    assert isomorphic(Graph().parse(out / "graph.ttl"), Graph().parse(fresh / "graph.ttl"))
    assert not (out / "graph.html").exists()
    assert "ZHKG_RELATIONS" not in __import__("os").environ


def test_kg_add_in_another_relation_mode_analyses_again_and_says_so(inputs, tmp_path, monkeypatch, capsys):
    from kg.logs import setup_logging

    a, b, _ = inputs
    out = tmp_path / "out"
    monkeypatch.setenv("ZHKG_RELATIONS", "rules")
    assert _build([a], out) == 0
    monkeypatch.delenv("ZHKG_RELATIONS")
    setup_logging("INFO")
    capsys.readouterr()
    assert run_add([str(b)], str(out), progress=False, relations="hybrid") == 0
    assert "relation mode hybrid, the build's was rules: every article is analysed again" in capsys.readouterr().err
    r = report(out)
    assert r["relation_mode"] == "hybrid" and r["build"]["analysed"] == 2
    manifest = json.loads((out / "cache" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["relations"] == "hybrid" and manifest["html"] is True


def test_kg_add_refuses_a_zhkg_relations_other_than_the_builds_mode(inputs, tmp_path, monkeypatch, capsys):
    """A ZHKG_RELATIONS left in the environment switched the relation mode kg add took
    from the build's report (every article analysed again in that mode; found by a
    tester): without --relations it is refused, one line, exit 2, nothing changed."""
    from kg.logs import setup_logging

    a, b, _ = inputs
    out = tmp_path / "out"
    monkeypatch.setenv("ZHKG_RELATIONS", "rules")
    assert _build([a], out) == 0
    before = {n: (out / n).read_bytes() for n in ("graph.ttl", "report.json", "cache/manifest.json")}
    monkeypatch.setenv("ZHKG_RELATIONS", "hybrid")
    setup_logging("INFO")
    capsys.readouterr()
    assert run_add([str(b)], str(out), progress=False) == 2
    err = capsys.readouterr().err
    assert "kg add: ZHKG_RELATIONS=hybrid is set, but the build" in err and "--relations hybrid" in err
    assert len(err.splitlines()) == 1
    assert {n: (out / n).read_bytes() for n in before} == before


def test_the_relation_mode_of_an_older_build_is_read_from_its_model_id():
    from kg.build.incremental import _relation_mode

    assert _relation_mode({"relations": "model", "model_id": "x|re:rules"}) == "model"
    assert _relation_mode({"model_id": "offline:ner-msra@1|re:rules"}) == "rules"
    assert _relation_mode({"model_id": "offline:ner-msra@1|re:hybrid:0a1b"}) == "hybrid"
    assert _relation_mode({}) is None


def test_kg_add_names_itself_in_the_lines_it_shares_with_kg_build(inputs, tmp_path, capsys):
    """kg add printed some of its progress lines as "kg build: …" (found by a tester)."""
    from kg.logs import setup_logging

    a, b, c = inputs
    out = tmp_path / "out"
    assert _build([a, b], out) == 0
    capsys.readouterr()
    setup_logging("INFO")
    assert run_add([str(c)], str(out), progress=False) == 0
    err = capsys.readouterr().err
    assert "kg add: resolving entities across" in err and "kg build:" not in err


@pytest.mark.parametrize("manifest", ["this build's", "an older build's (paths as typed)"])
def test_kg_add_from_another_folder_replaces_the_article_of_that_file(inputs, tmp_path, monkeypatch, manifest):
    """The manifest recorded each file's path as typed (a/x.txt), and kg add resolved it
    against its own current folder: from another folder, kg add of b/x.txt replaced
    the article x.txt, of a/x.txt (found by a reviewer). The path is recorded
    resolved; a path of an older manifest, relative to a folder no longer known, is
    the file whose path ends with it. --remove likewise."""
    a, b, _ = inputs
    base, elsewhere = tmp_path / "base", tmp_path / "elsewhere"
    for folder, src in (("a", a), ("b", b)):
        (base / folder).mkdir(parents=True)
        shutil.copy(src, base / folder / "x.txt")
    elsewhere.mkdir()
    monkeypatch.chdir(base)
    assert run_build(["a/x.txt", "b/x.txt"], "out", progress=False) == 0
    rows = json.loads((base / "out" / "cache" / "manifest.json").read_text(encoding="utf-8"))["articles"]
    assert [r["path"] for r in rows] == [str((base / f / "x.txt").resolve()) for f in "ab"]
    if manifest != "this build's":
        path = base / "out" / "cache" / "manifest.json"
        data = json.loads(path.read_text(encoding="utf-8"))
        for row, typed in zip(data["articles"], ["a/x.txt", "b/x.txt"]):
            row["path"] = typed
        path.write_text(json.dumps(data), encoding="utf-8")
    _edit(base / "b" / "x.txt")
    assert run_build(["a/x.txt", "b/x.txt"], "fresh", progress=False) == 0
    monkeypatch.chdir(elsewhere)
    assert run_add(["../base/b/x.txt"], "../base/out", progress=False) == 0
    assert report(base / "out")["incremental"]["changed"] == ["b/x.txt"]
    assert (base / "out" / "graph.ttl").read_bytes() == (base / "fresh" / "graph.ttl").read_bytes()
    assert run_add(["../base/b/x.txt"], "../base/out", remove=True, progress=False) == 0
    assert report(base / "out")["incremental"]["removed"] == ["b/x.txt"] and sources(base / "out") == {"x.txt"}


def test_a_new_file_of_an_articles_name_replaces_it_only_when_its_file_is_gone(inputs, tmp_path):
    """kg add z/a.txt replaced the article a.txt of x/a.txt ("0 added, 1 changed") while
    kg add x/a.txt z/a.txt added it as z/a.txt: what else the command line held decided
    (found by a reviewer). A new file takes a longer name, as kg build gives, unless
    the article's file is no longer there (a moved file: it replaces that article)."""
    a, b, _ = inputs
    for folder, src in (("x", a), ("z", b)):
        (tmp_path / folder).mkdir()
        shutil.copy(src, tmp_path / folder / "a.txt")
    x, z = tmp_path / "x" / "a.txt", tmp_path / "z" / "a.txt"
    out, fresh = tmp_path / "out", tmp_path / "fresh"
    assert _build([x], out) == 0
    assert run_add([str(z)], str(out), progress=False) == 0
    assert report(out)["incremental"]["added"] == ["z/a.txt"] and sources(out) == {"a.txt", "z/a.txt"}
    assert _build([x, z], fresh) == 0
    assert (out / "graph.ttl").read_bytes() == (fresh / "graph.ttl").read_bytes()
    moved = tmp_path / "m" / "a.txt"
    moved.parent.mkdir()
    x.rename(moved)
    _edit(moved)
    assert run_add([str(moved)], str(out), progress=False) == 0
    assert report(out)["incremental"]["changed"] == ["a.txt"] and sources(out) == {"a.txt", "z/a.txt"}


@pytest.mark.parametrize("given", ["name", "path"])
def test_kg_add_removes_an_article_whose_file_name_is_not_utf8(inputs, tmp_path, monkeypatch, given):
    """The articles' names hold the bytes that are not UTF-8 escaped (bad\\xffname.txt)
    and --remove compared them with the name as given: no such article (found by a
    reviewer). The name given is compared escaped, by name or by path."""
    import os

    a, b, _ = inputs
    bad = a.parent / os.fsdecode(b"bad\xffname.txt")
    bad.write_bytes(b.read_bytes())
    out = tmp_path / "out"
    assert _build([a, bad], out) == 0
    assert sources(out) == {a.name, "bad\\xffname.txt"}
    monkeypatch.chdir(tmp_path)
    assert run_add([bad.name if given == "name" else str(bad)], str(out), remove=True, progress=False) == 0
    assert report(out)["incremental"]["removed"] == ["bad\\xffname.txt"] and sources(out) == {a.name}


@pytest.mark.parametrize("signum", ["SIGINT", "SIGTERM"])
def test_a_signal_held_while_the_outputs_are_moved_ends_as_ctrl_c_and_says_so(inputs, tmp_path, signum):
    """A SIGTERM held while kg add moved its outputs in was raised again with its
    default handler, which killed the process on the spot (exit 143, a staging folder
    left; found by a reviewer), and a held Ctrl-C said a bare "kg: interrupted" after
    every output was replaced. Both end as Ctrl-C does, exit 130, the staging folder
    removed, and the line says the outputs were replaced."""
    import subprocess
    import sys
    import textwrap
    from pathlib import Path

    a, b, _ = inputs
    out = tmp_path / "out"
    assert _build([a], out) == 0
    script = textwrap.dedent(f"""
        import signal
        from kg.export import outdir
        real = outdir.OutputFolder.publish
        def publish(self, staging, names):
            signal.raise_signal(signal.{signum})
            real(self, staging, names)
        outdir.OutputFolder.publish = publish
        from kg.cli import run
        run()
    """)
    proc = subprocess.run([sys.executable, "-c", script, "add", str(b), "--to", str(out), "--quiet"],
                          capture_output=True, cwd=Path(__file__).resolve().parents[2], timeout=300)
    err = proc.stderr.decode("utf-8", "replace")
    assert proc.returncode == 130, (proc.returncode, err)
    assert "kg add: interrupted after the outputs were replaced" in err and "Traceback" not in err, err
    assert not list(out.glob(".staging-*"))
    assert _consistent(out) == {a.name, b.name}


def test_graph_ttl_is_read_for_no_second_digest(inputs, tmp_path, monkeypatch):
    """The manifest and the store's marker each took graph.ttl's SHA-256, reading it
    twice more after writing it (the same code twice, found by a reviewer): the build
    takes it as it writes graph.ttl, and both record that one fingerprint."""
    import builtins
    from pathlib import Path

    import kg.build.cache
    import kg.store

    reads = []

    def counting_open(file, mode="r", *args, **kwargs):
        if Path(file).name == "graph.ttl" and "r" in mode:
            reads.append(file)
        return builtins.open(file, mode, *args, **kwargs)

    for module in (kg.store, kg.build.cache):
        monkeypatch.setattr(module, "open", counting_open, raising=False)
    a, b, _ = inputs
    out = tmp_path / "out"
    assert _build([a], out) == 0
    assert run_add([str(b)], str(out), progress=False) == 0
    assert reads == []
    manifest = json.loads((out / "cache" / "manifest.json").read_text(encoding="utf-8"))
    marker = kg.store.store_marker(out / "store")
    assert {k: marker[k] for k in ("size", "mtime_ns", "sha256")} == {k: manifest["graph"][k] for k in ("size", "mtime_ns", "sha256")}
    assert marker["sha256"] == kg.store.file_sha256(out / "graph.ttl")


def test_a_damaged_utf8_file_is_a_warning_of_report_json_named_by_its_command(inputs, tmp_path, capsys):
    """The warning for a file with bytes that are not UTF-8 reached the log only, not
    report.json's warnings as the warning for a long text does, began with no command,
    and counted characters as bytes (found by a reviewer)."""
    from kg.logs import setup_logging

    a, b, _ = inputs
    for f in (a, b):
        data = f.read_bytes()
        at = data.index("。".encode("utf-8")) + 3
        f.write_bytes(data[:at] + b"\xff" + data[at:])
    out = tmp_path / "out"
    setup_logging("INFO")
    said = "1 character(s) that could not be decoded as UTF-8 read as U+FFFD (a damaged or cut-off file)"
    for run, f, name in ((lambda: _build([a], out), a, "kg build"),
                         (lambda: run_add([str(b)], str(out), progress=False), b, "kg add")):
        capsys.readouterr()
        assert run() == 0
        assert f"{name}: {f.name}: {said}" in capsys.readouterr().err
        assert {"file": f.name, "message": said} in report(out)["warnings"]


def test_a_folder_where_an_output_goes_stops_kg_add_before_any_output_is_replaced(inputs, tmp_path, capsys):
    """A folder named report.json in OUT made the publish fail after graph.ttl and graph.html
    were replaced, while the message said the previous outputs were intact (found by a
    tester): now nothing is replaced, and the message is true."""
    from kg.logs import setup_logging

    a, b, c = inputs
    out = tmp_path / "out"
    assert _build([a, b], out) == 0
    before = (out / "graph.ttl").read_bytes(), (out / "cache" / "manifest.json").read_bytes()
    (out / "report.json").unlink()
    (out / "report.json").mkdir()
    setup_logging("INFO")
    capsys.readouterr()
    assert run_add([str(c)], str(out), progress=False) == 3
    err = capsys.readouterr().err
    assert "a folder stands where report.json goes; previous outputs left intact" in err
    assert ((out / "graph.ttl").read_bytes(), (out / "cache" / "manifest.json").read_bytes()) == before
    (out / "report.json").rmdir()
    assert run_add([str(c)], str(out), progress=False) == 0  # and the next add goes through


def test_a_link_or_a_fifo_where_an_output_goes_is_never_replaced(inputs, tmp_path, capsys):
    """OUT/graph.html a symbolic link, or OUT/report.json a FIFO, was replaced by a regular
    file (the link's file left as it was): now the build stops before any output is
    replaced, exit 3, one line naming it."""
    import os

    from kg.logs import setup_logging

    a, b, c = inputs
    out = tmp_path / "out"
    assert _build([a, b], out) == 0
    before = (out / "graph.ttl").read_bytes(), (out / "cache" / "manifest.json").read_bytes()
    (out / "graph.html").rename(tmp_path / "page.html")
    (out / "graph.html").symlink_to(tmp_path / "page.html")
    setup_logging("INFO")
    capsys.readouterr()
    assert run_add([str(c)], str(out), progress=False) == 3
    assert "a symbolic link stands where graph.html goes; previous outputs left intact" in capsys.readouterr().err
    assert (out / "graph.html").is_symlink()
    (out / "graph.html").unlink()
    (tmp_path / "page.html").rename(out / "graph.html")
    (out / "report.json").unlink()
    os.mkfifo(out / "report.json")
    assert _build([a, b, c], out) == 3
    assert "a FIFO stands where report.json goes; previous outputs left intact" in capsys.readouterr().err
    assert ((out / "graph.ttl").read_bytes(), (out / "cache" / "manifest.json").read_bytes()) == before


def test_an_output_blocked_by_a_fifo_is_refused_before_any_analysis(inputs, tmp_path, capsys):
    """The check came only when the outputs were about to be replaced, after every article
    had been analysed and mapped (hours for a large build): now kg build and kg add refuse
    first, with the same line, and analyse nothing (no new record in the cache)."""
    import os

    from kg.logs import setup_logging

    a, b, c = inputs
    out = tmp_path / "out"
    assert _build([a, b], out) == 0
    records = sorted(p.name for p in (out / "cache").rglob("*") if p.is_file())
    (out / "report.json").unlink()
    os.mkfifo(out / "report.json")
    setup_logging("INFO")
    for run in (lambda: _build([a, b, c], out), lambda: run_add([str(c)], str(out), progress=False)):
        capsys.readouterr()
        assert run() == 3
        err = capsys.readouterr().err
        assert "a FIFO stands where report.json goes; previous outputs left intact" in err
        assert "mapping" not in err and "analys" not in err, err
        assert sorted(p.name for p in (out / "cache").rglob("*") if p.is_file()) == records


def test_a_file_whose_name_holds_a_backslash_keeps_its_article(inputs, tmp_path):
    """Its name and path are written with the backslash doubled; the path a build
    recorded was escaped a second time when kg add looked it up, so the file took a
    new name and was added beside its own article."""
    a, b, _ = inputs
    odd = tmp_path / "in" / "odd\\name.txt"
    shutil.copy(a, odd)
    out = tmp_path / "out"
    assert _build([str(odd), b], out) == 0
    odd.write_text(odd.read_text(encoding="utf-8") + "\n又一句。", encoding="utf-8")
    assert run_add([str(odd)], str(out), progress=False) == 0
    assert sorted(report(out)["read"]) == sorted(["odd\\\\name.txt", b.name])
