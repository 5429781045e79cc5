"""What runs in a worker process (or in-process, or on a Dask worker).

Each process keeps its own state: one torch thread (the parallelism comes from
processes), and the NLP model, loaded on the first article it analyses and
kept for the next ones. The functions take and return small picklable
objects: an :class:`AnalysisTask` (the raw Article) gives an
:class:`AnalysisResult` carrying the record bytes (:func:`kg.build.cache.encode_record`);
a :class:`RenderTask` (a record and the resolved entities it refers to) gives
the encoded :class:`kg.build.render.Rendered` (:func:`kg.build.render.encode_rendered`)
and, when graph.html is written, the article's page statements.
"""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass, field

from kg.build.process import raise_young_threshold
from kg.doc import Article

#: the per-article analysis, as ``module:function`` (tests substitute their own)
DEFAULT_ANALYZE = "kg.pipeline:analyze_article"

_STATE: dict = {}


#: what graph.html's job (:mod:`kg.build.page`) imports besides the pipeline (about 0.5 s):
#: modules, and ``module:function`` for an import made by a function (igraph without matplotlib)
PAGE_MODULES = ("networkx", "kg.analytics:import_igraph", "pyvis.network", "kg.export.html")


def warm(modules: tuple[str, ...]) -> int:
    """A task for idle workers: import ``modules`` (a ``module:function`` entry: call the
    function; the worker that later writes graph.html finds them loaded); this process's id."""
    import importlib

    for name in modules:
        if ":" in name:
            _import(name)()
        else:
            importlib.import_module(name)
    return os.getpid()


def init_worker(threads: int = 1) -> None:
    """Process initializer: ``threads`` torch (OpenMP, MKL) threads in this process.

    torch itself is imported only by the first article to analyse (a process
    that only renders never loads it)."""
    for var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
        os.environ[var] = str(threads)
    _STATE["threads"] = threads
    raise_young_threshold()
    if "torch" in sys.modules:
        set_torch_threads(threads)


def set_torch_threads(threads: int) -> int | None:
    """Set torch's intra-op threads; the previous number (None when torch is missing)."""
    try:
        import torch
    except ImportError:  # pragma: no cover - torch is a dependency
        return None
    before = torch.get_num_threads()
    if before != threads:
        torch.set_num_threads(threads)
    return before


def _import(path: str):
    import importlib

    module, _, name = path.partition(":")
    return getattr(importlib.import_module(module), name)


@dataclass
class AnalysisTask:
    index: int
    article: Article
    key: str
    model: str | None = None
    analyze: str = DEFAULT_ANALYZE
    threads: int = 1


@dataclass
class AnalysisResult:
    index: int
    source: str
    key: str
    ok: bool
    reason: str = ""
    record: bytes = b""
    seconds: dict[str, float] = field(default_factory=dict)
    #: the model could not be loaded: the message (the build stops)
    model_error: str = ""
    model_name: str = ""
    pid: int = 0


def _backend(model: str | None):
    """This process's backend for ``model`` (loaded once); raises ModelNotAvailable."""
    from kg.nlp.base import ModelNotAvailable

    from kg.nlp.model_dir import env_model

    spec = model if model is not None else env_model()
    cached = _STATE.get("backend")
    if cached is not None and cached[0] == spec:
        if isinstance(cached[1], ModelNotAvailable):
            raise cached[1]
        return cached[1]
    from kg.nlp.loader import load_backend

    t0 = time.perf_counter()
    try:
        backend = load_backend(model)
    except ModelNotAvailable as exc:
        _STATE["backend"] = (spec, exc)
        raise
    _STATE["backend"] = (spec, backend)
    _STATE["load_seconds"] = time.perf_counter() - t0
    return backend


def analyse(task: AnalysisTask) -> AnalysisResult:
    """Analyse one article; a failure is returned, never raised (the batch goes on)."""
    from kg.build.cache import encode_record
    from kg.nlp.base import ModelNotAvailable

    if _STATE.get("threads") != task.threads:  # a Dask worker (no initializer)
        init_worker(task.threads)
    article = task.article
    result = AnalysisResult(task.index, article.source, task.key, ok=False, pid=os.getpid())
    try:
        backend = _backend(task.model)
    except ModelNotAvailable as exc:
        result.model_error = str(exc)
        return result
    set_torch_threads(task.threads)  # after the import; a no-op once set
    result.model_name = getattr(backend, "name", str(task.model))
    if "load_seconds" in _STATE:
        result.seconds["load_model"] = _STATE.pop("load_seconds")
    try:
        _import(task.analyze)(article, backend, result.seconds)
        result.record = encode_record(article)
    except Exception as exc:  # one bad article never stops a batch
        result.reason = f"processing failed: {exc!r}"
        return result
    result.ok = True
    return result


@dataclass
class RenderTask:
    index: int
    key: str  #: the rendered block's cache key
    record: str | bytes  #: path of the article's record, or the record itself (remote workers)
    context: object  #: kg.build.render.ArticleContext
    validate: bool = True
    threads: int = 1
    #: also return the article's statements in the page's plain form (graph.html is written)
    page: bool = False


def render(task: RenderTask) -> tuple[bytes, bytes | None]:
    """Map, format and validate one article (:func:`kg.build.render.render_article`):
    the encoded :class:`kg.build.render.Rendered` (as the cache stores it) and,
    with ``task.page``, its statements for graph.html
    (:func:`kg.export.page_graph.encode_page`; made here, in parallel, rather than
    by the building process from the decoded rdflib terms), else None."""
    from kg.build.cache import read_full
    from kg.build.render import render_article

    if _STATE.get("threads") != task.threads:
        init_worker(task.threads)
    from pathlib import Path

    t0 = time.perf_counter()
    if isinstance(task.record, bytes):
        import io

        article = read_full(io.BytesIO(task.record))
    else:
        article = read_full(Path(task.record))
    from kg.build.render import encode_rendered

    read = time.perf_counter() - t0
    rendered = render_article(article, task.context, validate=task.validate)
    t0 = time.perf_counter()
    page = None
    if task.page:
        from kg.build.page import encode_block
        from kg.export.page_graph import plain_triples

        page = encode_block(plain_triples(rendered.triples))  # the article's evidence, found here
    rendered.seconds["render_io"] = read + time.perf_counter() - t0  # reading the record, the page statements
    return encode_rendered(rendered), page
