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


def test_a_released_pool_lets_its_workers_go_without_waiting_for_them():
    """release(): no more tasks; the workers exit while the caller goes on, and close()
    after it has nothing left to do."""
    import multiprocessing
    import time

    from kg.build.engines import LocalPool

    from .faulty import square

    pool = LocalPool(2)
    assert list(pool.map(square, range(6), lambda task, why: None)) == [x * x for x in range(6)]
    workers = [p for p in multiprocessing.active_children()]
    assert workers
    pool.release()
    pool.close()  # nothing to wait for
    deadline = time.monotonic() + 30
    while any(p.is_alive() for p in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(p.is_alive() for p in workers)


def test_idle_workers_import_what_the_page_needs():
    """kg.build.worker.warm (sent to each idle worker while the building process resolves):
    the modules of graph.html's job imported there (igraph by ``kg.analytics:import_igraph``,
    a ``module:function`` entry), the worker's process id back."""
    import os
    import sys

    from kg.build.engines import LocalPool
    from kg.build.worker import PAGE_MODULES, warm

    assert warm(PAGE_MODULES) == os.getpid()
    assert {"igraph", "networkx", "pyvis.network", "kg.export.html"} <= set(sys.modules)
    with LocalPool(2) as pool:
        pids = list(pool.map(warm, [PAGE_MODULES] * 2, lambda task, why: None))
    assert len(pids) == 2 and os.getpid() not in pids
