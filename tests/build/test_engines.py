"""Worker processes and Dask: failures are reported and the batch goes on; the same graph."""

from __future__ import annotations

import pytest

from kg.build.run import BuildOptions, build
from kg.export.outdir import claim_output
from kg.pipeline import run_build

from .conftest import report, sources


def _build_with(three, out, analyze: str, workers: int):
    with claim_output(out) as folder:
        built = build([str(three)], folder, BuildOptions(workers=workers, analyze=analyze, progress=False))
        built.publish(folder)
    return built.report


def test_a_failing_article_in_a_worker_is_reported_and_the_others_are_built(three, tmp_path):
    out = tmp_path / "out"
    rep = _build_with(three, out, "tests.build.faulty:raises_on_second", workers=2)
    names = sorted(p.name for p in three.glob("*.txt"))
    assert [f["file"] for f in rep.failed] == [names[1]]
    assert "simulated failure" in rep.failed[0]["reason"]
    assert sorted(rep.read) == [names[0], names[2]]
    assert sources(out) == {names[0], names[2]}
    assert report(out)["build"]["engine"] == "process-pool"


def test_an_article_that_kills_its_worker_is_reported_and_the_others_are_built(three, tmp_path):
    out = tmp_path / "out"
    rep = _build_with(three, out, "tests.build.faulty:dies_on_second", workers=2)
    names = sorted(p.name for p in three.glob("*.txt"))
    assert [f["file"] for f in rep.failed] == [names[1]]
    assert "worker process died" in rep.failed[0]["reason"]
    assert sources(out) == {names[0], names[2]}


def test_dask_engine_on_a_local_cluster_gives_the_same_graph(three, tmp_path):
    distributed = pytest.importorskip("distributed")
    local = tmp_path / "local"
    assert run_build([str(three)], str(local), progress=False) == 0
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        out = tmp_path / "dask"
        assert run_build([str(three)], str(out), progress=False, engine="dask", scheduler=cluster.scheduler_address) == 0
    assert report(out)["build"]["engine"] == "dask"
    assert (out / "graph.ttl").read_bytes() == (local / "graph.ttl").read_bytes()


def test_an_unreachable_scheduler_is_a_usage_error(three, tmp_path):
    dask = pytest.importorskip("dask")
    pytest.importorskip("distributed")
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        code = run_build([str(three)], str(tmp_path / "out"), progress=False, engine="dask",
                         scheduler="tcp://127.0.0.1:9")
    assert code == 2
    assert not (tmp_path / "out" / "graph.ttl").exists()


def test_the_pool_starts_the_first_tasks_when_map_is_called(tmp_path):
    """map submits its window at once: the workers run while the caller prepares
    what it does with the results (the render phase's entity section)."""
    import time

    from kg.build.engines import LocalPool

    from .faulty import stamp

    files = [str(tmp_path / f"t{i}") for i in range(3)]
    with LocalPool(2) as pool:
        results = pool.map(stamp, files, lambda task, why: None)
        deadline = time.monotonic() + 60
        while not all((tmp_path / f"t{i}").exists() for i in range(3)) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert all((tmp_path / f"t{i}").exists() for i in range(3)), "no task ran before a result was asked for"
        assert list(results) == files


@pytest.mark.parametrize("window", [1, 3, 64])
def test_results_come_in_task_order_for_any_window(window):
    from kg.build.engines import LocalPool

    from .faulty import square

    with LocalPool(2) as pool:
        assert list(pool.map(square, range(40), lambda task, why: None, window)) == [x * x for x in range(40)]



class _Pool:
    """A stand-in for the local pool: runs the task when its result is asked for
    (``fails``: gives nothing, as when the worker running it died)."""

    name, workers = "process-pool", 2

    def __init__(self, fails: bool = False) -> None:
        self.fails, self.tasks = fails, []

    def map(self, fn, tasks, on_crash, window=None):
        tasks = list(tasks)
        self.tasks.extend(tasks)  # submitted now, as the pool submits them
        return (on_crash(task, "died") if self.fails else fn(task) for task in tasks)


@pytest.mark.parametrize("fails", [False, True])
def test_the_page_s_communities_found_by_the_pool_give_the_same_page(tmp_path, fails):
    """With a pool of several workers, graph.html's communities are found there while the
    build writes graph.ttl (kg.build.run._page_network); the page is the same, also when
    the worker gives nothing back (they are then found here)."""
    from kg.build.cache import Cache
    from kg.build.run import _page_network
    from kg.export.html import build_payload
    from kg.export.page_graph import from_rdflib
    from tests.graph_samples import generated_graph

    page = from_rdflib(generated_graph(n_entities=300, seed=3))
    pool = _Pool(fails)
    cache = Cache(tmp_path / "out", staging=tmp_path / "out" / "staging")
    network, compute = _page_network(page, pool, cache)
    assert network is not None and compute is None  # 300 entities: all drawn, no communities needed
    import kg.export.html as html

    original = html.MAX_NODES
    try:
        html.MAX_NODES = 100
        network, compute = _page_network(page, pool, cache)
    finally:
        html.MAX_NODES = original
    assert compute is not None and len(pool.tasks) == 1
    assert build_payload(page, max_nodes=100, network=network, compute_communities=compute) == build_payload(page, max_nodes=100)
