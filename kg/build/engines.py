"""Where per-article work runs: in this process, in a local process pool, or on a Dask cluster.

Every engine has one method, :meth:`map`: apply a module-level function to
tasks and yield the results **in task order** (so what is built from them
never depends on which worker finished first), with a bounded number of
tasks in flight (memory stays bounded however many articles there are; a
caller whose tasks and results are small asks for a larger ``window``). The
pool and the cluster submit the first tasks when :meth:`map` is called, not
when its first result is asked for, so the workers start while the caller
prepares what it does with the results.

- :class:`InProcess` (``--workers 1``): a plain loop, one torch thread.
- :class:`LocalPool` (``--workers N``): :class:`concurrent.futures.ProcessPoolExecutor`
  with the ``spawn`` start method (no state forked from the parent) and
  :func:`kg.build.worker.init_worker` (one torch thread per process); each
  worker loads the model on its first article and keeps it. A worker that
  dies (killed, out of memory, a crash in native code) breaks the pool: the
  tasks in flight then run again one at a time in a new pool, so the one that
  kills its worker is found, reported through ``on_crash`` and skipped, and
  the others are built.
- :class:`DaskEngine` (``--engine dask --scheduler ADDRESS``): the same tasks
  submitted to a ``distributed`` cluster (``pip install 'zhkg[dask]'``); a
  task whose worker dies comes back as ``on_crash`` too.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from kg.logs import command, logger


def available_cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


class Engine:
    name = "engine"
    workers = 1
    #: a pool started only to write graph.html (kg.build.run._start_page_process)
    page_only = False

    def map(self, fn: Callable, tasks: Iterable, on_crash: Callable[[Any, str], Any],
            window: int | None = None) -> Iterator:
        """The results of ``fn`` on ``tasks``, in task order; at most ``window``
        tasks in flight (None: the engine's own window)."""
        raise NotImplementedError

    def close(self) -> None:
        pass

    def release(self) -> None:
        """No more tasks will come: let the workers go without waiting for them (the
        caller goes on with its own work meanwhile); :meth:`close` still ends the engine."""

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class InProcess(Engine):
    """Tasks run one after the other in this process, with one torch thread
    (restored afterwards: a library caller keeps its own setting)."""

    name = "in-process"

    def __init__(self, threads: int = 1) -> None:
        self.threads = threads

    def map(self, fn, tasks, on_crash, window=None):
        import sys

        from kg.build import worker

        saved = worker._STATE.get("threads")
        worker._STATE["threads"] = self.threads
        before = worker.set_torch_threads(self.threads) if "torch" in sys.modules else None
        try:
            for task in tasks:
                yield fn(task)
        finally:
            if saved is None:
                worker._STATE.pop("threads", None)
            else:
                worker._STATE["threads"] = saved
            if before is not None:
                worker.set_torch_threads(before)


def _ordered(submit: Callable, result: Callable, tasks: Iterable, window: int) -> Iterator[tuple[Any, Any]]:
    """``(task, outcome)`` in task order, at most ``window`` in flight; outcome is
    the result or the exception ``result`` raised. The first ``window`` tasks are
    submitted before this returns."""
    pending: deque = deque()
    it = iter(tasks)
    for task in it:
        pending.append((task, submit(task)))
        if len(pending) >= window:
            break
    return _drain(submit, result, it, pending)


def _drain(submit: Callable, result: Callable, it: Iterator, pending: deque) -> Iterator[tuple[Any, Any]]:
    while pending:
        task, future = pending.popleft()
        try:
            outcome = result(future)
        except BaseException as exc:  # noqa: BLE001 - handed to the caller
            if isinstance(exc, (KeyboardInterrupt, SystemExit)):
                raise
            outcome = exc
        yield task, outcome
        for nxt in it:
            pending.append((nxt, submit(nxt)))
            break


def _finished(future) -> tuple | None:
    """``(result,)`` of a future that completed normally, else None."""
    if future is None or not future.done() or future.cancelled() or future.exception() is not None:
        return None
    return (future.result(),)


class LocalPool(Engine):
    """A pool of ``workers`` spawned processes, started on first use."""

    name = "process-pool"

    def __init__(self, workers: int, threads: int = 1, window: int | None = None) -> None:
        self.workers = max(1, workers)
        self.threads = threads
        self.window = window or 4 * self.workers
        self._pool = None

    def _start(self):
        if self._pool is None:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            from kg.build.worker import init_worker

            self._pool = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=init_worker,
                initargs=(self.threads,),
            )
        return self._pool

    def _restart(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def map(self, fn, tasks, on_crash, window=None):
        it = iter(tasks)
        pending: deque = deque()
        limit = window or self.window
        self._fill(fn, it, pending, limit)  # now: the workers start while the caller goes on
        return self._results(fn, it, pending, limit, on_crash)

    def _fill(self, fn, it, pending: deque, limit: int) -> None:
        from concurrent.futures.process import BrokenProcessPool

        end = object()
        while len(pending) < limit:
            task = next(it, end)
            if task is end:
                return
            try:
                pending.append((task, self._start().submit(fn, task)))
            except BrokenProcessPool:
                pending.append((task, None))  # the pool broke meanwhile: run it again below

    def _results(self, fn, it, pending: deque, limit: int, on_crash):
        from concurrent.futures.process import BrokenProcessPool

        def fill() -> None:
            self._fill(fn, it, pending, limit)

        while pending:
            task, future = pending.popleft()
            try:
                if future is None:
                    raise BrokenProcessPool("the pool broke before this task was submitted")
                outcome = future.result()
            except BrokenProcessPool:
                # tasks that finished before the break keep their result; the others run again alone
                flight = [(task, None)] + [(t, _finished(f)) for t, f in pending]
                pending.clear()
                again = sum(1 for _t, done in flight if done is None)
                logger().warning(f"{command()}: a worker process died; running the {again} task(s) in flight "
                                 "again one at a time")
                self._restart()
                self._check_workers_start()
                for task, done in flight:
                    if done is not None:
                        yield done[0]
                        continue
                    try:
                        outcome = self._start().submit(fn, task).result()
                    except BrokenProcessPool as exc:
                        self._restart()
                        outcome = on_crash(task, f"the worker process died ({exc})")
                    yield outcome
                fill()
                continue
            yield outcome
            fill()

    def _check_workers_start(self) -> None:
        """A pool that breaks on a task that does nothing cannot start its workers at all."""
        from concurrent.futures.process import BrokenProcessPool

        try:
            self._start().submit(os.getpid).result()
        except BrokenProcessPool:
            self._restart()
            raise EngineUnavailable(
                "the worker processes could not start (a script that builds with several workers must "
                "guard its main code with `if __name__ == \"__main__\":`); use --workers 1 to build in this process"
            ) from None

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def release(self) -> None:
        """The workers are told to stop and exit while the caller goes on (an interpreter
        with torch loaded takes about 0.2 s to end: the build writes its outputs meanwhile);
        the pool's own thread joins them."""
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None


class DaskEngine(Engine):
    """Tasks submitted to the Dask ``distributed`` scheduler at ``address``."""

    name = "dask"

    def __init__(self, address: str, window: int | None = None) -> None:
        try:
            from distributed import Client
        except ImportError as exc:
            raise EngineUnavailable(
                "--engine dask needs the 'distributed' package: pip install 'zhkg[dask]'"
            ) from exc
        try:
            self.client = Client(address, set_as_default=False)  # connect timeout: dask's config
        except Exception as exc:  # OSError, TimeoutError ... : one readable line
            raise EngineUnavailable(f"cannot reach the Dask scheduler at {address}: {exc}") from exc
        threads = sum(self.client.nthreads().values()) or 1
        self.workers = threads
        self.window = window or max(8, 4 * threads)

    def map(self, fn, tasks, on_crash, window=None):
        def submit(task):
            return self.client.submit(fn, task, pure=False)

        return self._outcomes(_ordered(submit, lambda f: f.result(), tasks, window or self.window), on_crash)

    @staticmethod
    def _outcomes(ordered, on_crash):
        for task, outcome in ordered:
            if isinstance(outcome, BaseException):
                yield on_crash(task, f"the Dask task failed ({type(outcome).__name__}: {outcome})")
                continue
            yield outcome

    def close(self) -> None:
        self.client.close()


class EngineUnavailable(RuntimeError):
    """The engine asked for cannot run; the message says why."""


def make_engine(engine: str = "local", workers: int | None = None, scheduler: str | None = None) -> Engine:
    """``local`` with ``workers`` processes (1: in this process; None: every core), or ``dask``."""
    if engine == "dask":
        if not scheduler:
            raise EngineUnavailable("--engine dask needs --scheduler ADDRESS (e.g. tcp://127.0.0.1:8786)")
        return DaskEngine(scheduler)
    if engine != "local":
        raise EngineUnavailable(f"unknown engine {engine!r}: choose local or dask")
    n = available_cores() if workers is None else workers
    return InProcess() if n <= 1 else LocalPool(n)
