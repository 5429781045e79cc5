"""The build: inputs -> cached records -> resolution -> rendered blocks -> outputs in a staging folder.

:func:`build_outputs` does the work of ``kg build`` and ``kg add`` between
claiming the output folder and publishing (:func:`kg.pipeline.run_build` and
:func:`kg.build.incremental.run_add` do those): it writes graph.ttl,
graph.html and report.json, and the new cache records, into a staging folder
inside OUT, and returns a :class:`Built` whose :meth:`Built.publish` moves
them into place. Memory: the building process holds slim views of the
articles until resolution is done, then the resolved entities and the entity
section; the articles' Turtle blocks go through a file. The HTML page is the
one step that loads the whole graph's entity layer (:mod:`kg.build.page`: in an
idle worker of a local pool, else here; ``html=False`` skips it; see
docs/performance.md).
"""

from __future__ import annotations

import errno
import hashlib
import json
import logging
import shutil
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from kg.build.cache import Cache, code_id, decode_slim, model_id, model_name, read_checked, record_key
from kg.build.process import fewer_collections
from kg.build.worker import DEFAULT_ANALYZE
from kg.doc import Article, ReadError
from kg.logs import command

#: bump when the rendered block layout changes
RENDER_FORMAT = 2
OUTPUTS = ["graph.ttl", "graph.html", "report.json"]


def blocked_output(folder: Path) -> str | None:
    """What stands in ``folder`` where an output goes and is not a regular file a build may
    replace (a folder, a link, a FIFO, a device, a socket): ``"a FIFO stands where
    report.json goes"``, else None. Asked before the analysis (a build of hours is not
    spent for nothing) and again right before the outputs are replaced."""
    from kg.export.atomic import not_a_file

    for name in OUTPUTS:
        what = not_a_file(folder / name)
        if what:
            return f"{what} stands where {name} goes"
    return None


def refuse_blocked_output(out) -> int | None:
    """Before any analysis: an exit status (one line logged, the claimed folder released)
    when :func:`blocked_output` finds something in the output folder ``out`` that a build
    may not replace, else None."""
    from kg import exitcodes
    from kg.logs import logger

    blocked = blocked_output(out.path)
    if blocked is None:
        return None
    out.release()
    logger().error(f"{command()}: cannot write the outputs into {out.path}: {blocked}; previous outputs left intact")
    return exitcodes.IO_ERROR


@dataclass
class BuildOptions:
    model: str | None = None
    max_bytes: int = 5 * 1024 * 1024
    validate: bool = True
    #: worker processes for the per-article stages (1: in this process; None: every core)
    workers: int | None = 1
    engine: str = "local"
    scheduler: str | None = None
    #: reuse records of OUT/cache (False: analyse every article again)
    use_cache: bool = True
    #: the per-article analysis as ``module:function`` (tests substitute their own)
    analyze: str = DEFAULT_ANALYZE
    progress: bool = True
    #: write graph.html (it needs the whole graph in memory)
    html: bool = True


@dataclass
class Input:
    """One article of the graph to be: a manifest row, with its raw Article while it may need analysis."""

    file: str  #: the input file's source name (the parts of a long file share it)
    source: str  #: the article's source name (``file#2`` for a part)
    path: str | None
    key: str = ""
    article: Article | None = None
    error: str | None = None  #: could not be read (the reason)
    #: the cached record to use (None: analyse ``article``)
    record: Path | None = None
    #: the record's slim Article, read when the record was checked
    slim: Article | None = None

    def row(self) -> dict:
        return {"file": self.file, "source": self.source, "path": self.path, "key": self.key}


@dataclass
class Stats:
    analysed: int = 0
    from_cache: int = 0
    rendered: int = 0
    render_cached: int = 0
    chars: int = 0
    workers: int = 1
    engine: str = "in-process"
    #: where graph.html was written: "worker" (an idle worker of the build's pool), "page
    #: process" (a process of its own, :func:`_start_page_process`), "building process", "" (none)
    page: str = ""

    def as_dict(self) -> dict:
        return dict(self.__dict__)


@dataclass
class Built:
    """A finished build, staged: :meth:`publish` moves it into OUT."""

    report: object  # kg.pipeline.BuildReport
    staging: Path
    cache: Cache
    keep_articles: set[str] = field(default_factory=set)
    keep_rdf: set[str] = field(default_factory=set)
    extra: dict = field(default_factory=dict)
    #: OUT/store being loaded from the staged graph.ttl (kg.store.StoreLoad), or None
    store_load: object | None = None
    #: what graph.ttl holds by subject (kg.store.store_state), written with the store
    store_state: dict | None = None
    #: the staged graph.ttl's kg.store.graph_fingerprint (its SHA-256 taken as it was written)
    fingerprint: dict | None = None

    def publish(self, out) -> str | None:
        """Put the staged build in place of the previous one; what went wrong with
        OUT/store (the other outputs are published without it), or None.

        First what a stop cannot make inconsistent: the cache records (keyed by
        content: harmless to the previous manifest) and the store, loaded into a
        staging folder of its own. Then, with Ctrl-C and SIGTERM held off
        (:func:`kg.export.atomic.signals_held`), a few renames: graph.ttl, graph.html
        (an old one removed when none was written: it would show another graph),
        report.json, the store, and last the manifest, so that ``kg add`` never reads
        a manifest ahead of the graph. Records no article uses any more go after."""
        from kg.export.atomic import signals_held
        from kg.store import STORE_NAME, StoreLoad

        store_error = None
        try:
            self.cache.publish_records()
            if self.store_load is None and (self.staging / "graph.ttl").is_file():
                # a large graph: loaded now that graph.html is written and its graph freed
                try:
                    self.store_load = StoreLoad.start(self.staging / "graph.ttl", out.path, self.store_state,
                                                      fingerprint=self.fingerprint)
                except Exception as exc:  # graph.ttl answers without it
                    store_error = str(exc) or repr(exc)
            if self.store_load is not None:
                self.store_load.wait()  # it reads the staged graph.ttl
            names = [n for n in OUTPUTS if (self.staging / n).exists()]
            # before the first rename, none of the outputs replaced: a folder, a link (its file
            # would be left as it was, the link replaced), a FIFO, a device, a socket
            blocked = blocked_output(out.path)
            if blocked:
                raise OSError(errno.EEXIST, blocked)
            with signals_held(done="after the outputs were replaced"):
                if "graph.html" not in names:
                    (out.path / "graph.html").unlink(missing_ok=True)
                out.publish(self.staging, names)
                if self.store_load is not None:
                    loading, self.store_load = self.store_load, None
                    try:
                        loading.finish(out.path / STORE_NAME)
                    except Exception as exc:  # graph.ttl answers without it
                        store_error = str(exc) or repr(exc)
                self.cache.commit_manifest()
        finally:
            shutil.rmtree(self.staging, ignore_errors=True)
        self.cache.prune(self.keep_articles, self.keep_rdf)
        return store_error

    def discard(self) -> None:
        self.cancel_store()
        shutil.rmtree(self.staging, ignore_errors=True)

    def cancel_store(self) -> None:
        if self.store_load is not None:
            self.store_load.cancel()
            self.store_load = None

    def publish_outputs(self, out) -> int | None:
        """:meth:`publish`, with OUT/store/ for kg query and kg serve (graph.ttl answers
        without it). None when published, else the exit status (outputs left intact)."""
        from kg import exitcodes
        from kg.logs import logger

        log = logger()
        try:
            store_error = self.publish(out)
        except OSError as exc:
            self.discard()
            log.error(f"{command()}: cannot write the outputs into {out.path}: {exc.strerror or exc}; "
                      "previous outputs left intact")
            return exitcodes.IO_ERROR
        if store_error is not None:
            log.warning(f"{command()}: OUT/store not written ({store_error}); kg query will read graph.ttl")
        return None


# ---------------------------------------------------------------- reading
def read_items(paths: list[str], max_bytes: int, known: dict[str, str] | None = None,
               taken: set[str] | None = None) -> list[Input]:
    """Every input article (long ones in parts), in order; unreadable ones with their reason.
    ``known``: files that keep their names; ``taken``: names no other file takes
    (:func:`kg.reading.reader.read_inputs`)."""
    from kg.logs import logger
    from kg.reading.parts import split_long
    from kg.reading.reader import read_inputs

    items: list[Input] = []
    for item in read_inputs(paths, max_bytes=max_bytes, known=known, taken=taken):
        if isinstance(item, ReadError):
            items.append(Input(item.source, item.source, None, error=item.reason))
            continue
        parts = split_long(item)
        if len(parts) > 1:
            logger().warning(f"{command()}: {item.source}: {parts[0].errors[-1]}")
        for part in parts:
            items.append(Input(item.source, part.source, part.path, article=part))
    return items


def plan(inputs: list[Input], cache: Cache, model: str | None, use_cache: bool) -> None:
    """Give each readable input its record key, and its cached record when there is one
    and it is intact (a damaged one is analysed again from the file, or reported)."""
    from kg.logs import logger

    mid, cid = model_id(model), code_id()
    for item in inputs:
        if item.article is not None:
            item.key = record_key(item.source, item.article.raw, mid, cid)
        if item.key and use_cache:
            item.record = cache.article_path(item.key)
            if item.record is not None:
                item.slim = read_checked(item.record)
                if item.slim is None:  # damaged: analysed again from the file, else reported
                    logger().warning(f"{command()}: {item.source}: its cached record is damaged: "
                                     + ("analysed again" if item.article is not None else "add its file again"))
                    item.record = None
                    if item.article is None:
                        item.error = "its cached record is damaged: add its file again"
        if item.article is None and item.record is None and item.error is None:
            item.error = "its record is missing from OUT/cache: add its file again"


# ---------------------------------------------------------------- phase 1
def _to_analyse(inputs: list[Input]) -> list[Input]:
    """The readable inputs the cache has no record of (what the analysis phase runs)."""
    return [i for i in inputs if i.error is None and i.record is None and i.article is not None]


def analyse_phase(inputs: list[Input], options: BuildOptions, cache: Cache, engine_for, report,
                  stats: Stats) -> list[tuple[Input, Article]]:
    """Analyse what the cache lacks; ``(input, slim article)`` of every article built, in order.

    Failures (unreadable, processing failed, a worker that died) go to ``report.failed``."""
    from kg.build.worker import AnalysisResult, AnalysisTask, analyse
    from kg.logs import logger, progress as progress_bar
    from kg.nlp.base import ModelNotAvailable

    log = logger()
    todo = _to_analyse(inputs)
    if todo:
        log.info(f"{command()}: loading the model ({options.model or 'offline'})")
    tasks = (AnalysisTask(n, item.article, item.key, options.model, options.analyze) for n, item in enumerate(todo))

    def crashed(task: AnalysisTask, why: str) -> AnalysisResult:
        return AnalysisResult(task.index, task.article.source, task.key, ok=False, reason=f"processing failed: {why}")

    engine = engine_for(len(todo)) if todo else None
    results = iter(engine.map(analyse, tasks, crashed)) if engine is not None else iter(())
    stats.workers, stats.engine = (engine.workers, engine.name) if engine is not None else (0, "cache")
    built: list[tuple[Input, Article]] = []
    t0 = time.perf_counter()
    with progress_bar(len(inputs), "articles") as bar:
        for item in inputs:
            if item.error is not None:
                report.failed.append({"file": item.source, "reason": item.error})
                bar.advance(f"{item.source}: skipped: {item.error}", logging.WARNING)
                continue
            if item.record is not None:
                article, item.slim = item.slim, None  # read when plan() checked the record
                stats.from_cache += 1
                note = " (cached)"
            else:
                result: AnalysisResult = next(results)
                if result.model_error:
                    raise ModelNotAvailable(result.model_error)
                if result.model_name and not report.model:
                    report.model = result.model_name
                for stage, seconds in result.seconds.items():
                    report.seconds[stage] += seconds
                if not result.ok:
                    report.failed.append({"file": item.source, "reason": result.reason})
                    bar.advance(f"{item.source}: failed: {result.reason.removeprefix('processing failed: ')}",
                                logging.WARNING)
                    continue
                item.record = cache.put_article(item.key, result.record)
                article = decode_slim(result.record)
                stats.analysed += 1
                note = ""
            stats.chars += _chars(item)
            item.article = None  # the raw text is in the record now
            built.append((item, article))
            report.read.append(item.source)
            if item.file != item.source:
                report.part_of[item.source] = item.file
            report.warnings.extend({"file": item.source, "message": m} for m in article.errors)
            for m in article.errors:
                log.debug(f"{command()}: {item.source}: {m}")
            bar.advance(f"{item.source}: {len(article.entities)} entities, {len(article.relations)} relations{note}")
    report.seconds["analysis_wall"] += time.perf_counter() - t0
    return built


def _chars(item: Input) -> int:
    return len(item.article.raw) if item.article is not None else 0


# ---------------------------------------------------------------- phase 2
def resolve_phase(built: list[tuple[Input, Article]], report):
    return resolve_articles([a for _, a in built], report)


def resolve_articles(articles: list[Article], report):
    """One node per real-world entity across ``articles``; the report's entity and relation counts."""
    from kg.logs import logger
    from kg.resolve.resolver import resolve

    logger().info(f"{command()}: resolving entities across {len(articles)} articles")
    t0 = time.perf_counter()
    corpus = resolve(articles)
    report.seconds["resolve"] += time.perf_counter() - t0
    report.entities = dict(Counter(e.subtype or e.type for e in corpus.entities))
    rel = Counter(r.kind for a in articles for r in a.relations)
    rel["positions"] = sum(len(a.positions) for a in articles)
    rel["agreements"] = sum(len(a.agreements) for a in articles)
    rel["events"] = sum(len(a.events) for a in articles)
    report.relations = dict(rel)
    return corpus


# ---------------------------------------------------------------- phase 3
def _entity_digest(entity, iri: str) -> str:
    return json.dumps([iri, entity.name, entity.type, entity.subtype, sorted(entity.aliases), entity.code],
                      ensure_ascii=False)


def render_key(record: str, slug: str, table: list, validate_code: str) -> str:
    payload = json.dumps([RENDER_FORMAT, validate_code, record, slug, table], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


#: render tasks in flight per worker: they and their results are small (an article's
#: context, its encoded statements), and the workers must not wait while this process
#: makes the entity section and consumes each result
RENDER_WINDOW = 64


@dataclass
class Rendering:
    """What the render phase leaves for writing the outputs."""

    section: object  # kg.build.assemble.EntitySection
    parts: object  # kg.build.assemble.ArticleParts
    keys: list[str]
    types: Counter
    triples: int
    violations: set[str]
    validated: bool
    #: graph.html's job (kg.build.page.PageJob, None: no page): the articles' page blocks are cached
    page: object | None
    #: statements dropped because they would break a shape, in article order (report.json)
    dropped: list[dict] = field(default_factory=list)
    #: rendered block key -> the article's subjects (what the store's state lists)
    subjects: dict[str, list[str]] = field(default_factory=dict)


def render_phase(built, corpus, options: BuildOptions, cache: Cache, engine_for, report, stats: Stats,
                 staging: Path, remote: bool) -> Rendering:
    """Render every article (from the cache or by the engine), in article order:
    its Turtle block to a file, its entity statements to the entity section, and
    (``options.html``) its page block to the cache, for graph.html's job
    (:mod:`kg.build.page`). The statements an article dropped because they would
    break a shape are logged (one warning each) and listed in ``report.dropped``;
    entities' own statements dropped so are removed from the entity section and
    the page."""
    from kg.build.assemble import ArticleParts, EntitySection, article_contexts
    from kg.build.render import decode_rendered
    from kg.build.worker import RenderTask, render
    from kg.build.page import PageJob, preamble as page_preamble
    from kg.export.page_graph import plain
    from kg.logs import logger, progress as progress_bar
    from kg.rdf.conform import triple_key
    from kg.rdf.mapping import _Mapper, article_slugs

    t_all = time.perf_counter()
    slugs = article_slugs(corpus)
    contexts = dict(enumerate(article_contexts(corpus, slugs, _Mapper._entity_iris(corpus.entities))))
    cid = code_id()
    n = len(built)
    keys: list[str] = [""] * n
    digests: dict[str, str] = {}
    for ai, context in contexts.items():
        table = []
        for li, (entity, iri) in sorted(context.entities.items()):
            if iri not in digests:
                digests[iri] = _entity_digest(entity, iri)
            table.append([li, digests[iri]])
        keys[ai] = render_key(built[ai][0].key, slugs[ai], table, cid)
    built_inputs = [item for item, _ in built]
    built.clear()  # the slim views are no longer needed (the corpus keeps its entities and index)
    corpus.articles = []

    todo = [ai for ai in range(n) if not (options.use_cache and cache.rdf_ready(keys[ai], options.validate))]
    contexts = {ai: contexts[ai] for ai in todo}
    logger().info(f"{command()}: mapping {n} articles to RDF"
                  + (f" ({n - len(todo)} from the cache)" if len(todo) < n else ""))

    def task_for(ai: int) -> RenderTask:
        record = built_inputs[ai].record
        payload = record.read_bytes() if remote else str(record)
        return RenderTask(ai, keys[ai], payload, contexts.pop(ai), options.validate, page=options.html)

    def crashed(task: RenderTask, why: str):
        raise RuntimeError(f"rendering {built_inputs[task.index].source} failed: {why}")

    engine = engine_for(len(todo)) if todo else None
    window = RENDER_WINDOW * engine.workers if engine else None
    stream = iter(engine.map(render, (task_for(ai) for ai in todo), crashed, window)) if engine else iter(())
    todo_set = set(todo)

    section = EntitySection()
    preamble = section.add_corpus_entities(corpus, slugs, record=options.html)
    page = PageJob(cache, keys, page_preamble(preamble), staging / "graph.html",
                   cache.staged_communities()) if options.html else None
    del preamble
    parts = ArticleParts(staging / "articles.part")
    result = Rendering(section, parts, keys, Counter(), 0, set(), True, page)
    dropped_entity: set = set()
    log = logger()
    try:
        with progress_bar(n, "articles (RDF)") as bar:
            for ai in range(n):
                if ai in todo_set:
                    t_wait = time.perf_counter()
                    data, page_data = next(stream)
                    report.seconds["render_wait"] += time.perf_counter() - t_wait  # the workers are behind
                    cache.put_rdf(keys[ai], data)
                    if page is not None and page_data is not None:  # made by the worker
                        cache.put_page(keys[ai], page_data)
                    stats.rendered += 1
                else:
                    data = cache.rdf_path(keys[ai]).read_bytes()
                    stats.render_cached += 1
                rendered = decode_rendered(data, triples=False)
                if ai in todo_set:
                    for stage, seconds in rendered.seconds.items():
                        report.seconds[stage] += seconds
                parts.add(ai, rendered.subjects)
                result.subjects[keys[ai]] = [s for s, _text in rendered.subjects]
                section.add_all(rendered.entity_triples)
                result.types.update(rendered.types)
                result.triples += rendered.own
                if rendered.violations is None:
                    result.validated = False
                else:
                    result.violations.update(rendered.violations)
                source = built_inputs[ai].source
                result.dropped.extend({"file": source, **d} for d in rendered.dropped)
                dropped_entity.update(rendered.dropped_entity)
                bar.advance(f"{built_inputs[ai].source}: RDF", logging.DEBUG)
    except BaseException:
        parts.close()
        raise
    for d in result.dropped:  # after the progress bar: one line each
        log.warning(f"{command()}: {d['file']}: dropped {d['statement']}: {d['message']}"
                    + (f" ({d['shape']}, {d['constraint']})" if d["shape"] else ""))
    for t in sorted(dropped_entity, key=triple_key):  # an entity's own statement that breaks a shape
        section.discard(*t)
        if page is not None:
            page.dropped.append(tuple(plain(x) for x in t))
    report.dropped = result.dropped
    report.seconds["render_wall"] += time.perf_counter() - t_all
    return result


# ---------------------------------------------------------------- the whole build
def build_outputs(inputs: list[Input], out, options: BuildOptions, report=None, engine=None,
                  extra: dict | None = None) -> Built:
    """Analyse, resolve, render and write the outputs of ``inputs`` into a staging
    folder in ``out`` (a claimed :class:`kg.export.outdir.OutputFolder`).

    Raises ModelNotAvailable when the model cannot be loaded. The staging folder
    is removed if anything fails."""
    from kg.build.engines import make_engine
    from kg.build.report import BuildReport

    report = report or BuildReport()
    staging = out.staging()
    cache = Cache(out.path, staging=staging)
    stats = Stats()
    engines: dict[str, object] = {}

    def engine_for(n_tasks: int):
        if engine is not None:
            return engine
        if "engine" not in engines:
            workers = options.workers
            if options.engine == "local" and workers is None:
                from kg.build.engines import available_cores

                workers = available_cores()
            if options.engine == "local":
                workers = max(1, min(workers, n_tasks))  # no idle process for a small build
            engines["engine"] = make_engine(options.engine, workers, options.scheduler)
        return engines["engine"]

    try:
        with fewer_collections():
            return _build_outputs(inputs, options, report, staging, cache, stats, engine_for, extra,
                                  engines)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        for e in engines.values():
            e.close()


def _build_outputs(inputs: list[Input], options: BuildOptions, report, staging: Path, cache: Cache, stats: Stats,
                   engine_for, extra: dict | None, engines: dict) -> Built:
    """:func:`build_outputs`'s phases (it owns the staging folder; ``engines``: the engines
    made so far by ``engine_for``, which are let go once their work is done)."""
    result: Built | None = None
    try:
        t0 = time.perf_counter()
        plan(inputs, cache, options.model, options.use_cache)
        report.seconds["read"] += time.perf_counter() - t0
        _start_page_process(inputs, options, engines)  # its imports run while this process works
        built = analyse_phase(inputs, options, cache, engine_for, report, stats)
        if not report.model:
            report.model = model_name(options.model)
        keep_articles = {item.key for item, _ in built}
        manifest_rows = [item.row() for item, _ in built]
        result = Built(report, staging, cache, keep_articles=keep_articles, extra=dict(extra or {}))
        result.extra["build"] = stats.as_dict()
        if not built:
            return result
        warming = _warm_for_page(engines.get("engine"), options)  # while this process resolves
        corpus = resolve_phase(built, report)
        remote = options.engine == "dask"
        rendering = render_phase(built, corpus, options, cache, engine_for, report, stats, staging, remote)
        result.keep_rdf = set(rendering.keys)
        _done(warming)
        try:
            _finish(result, rendering, options, stats, manifest_rows,
                    pool=engines.get("page") or engines.get("engine"))
        finally:
            rendering.parts.close()
        for e in engines.values():
            e.release()
        result.extra["build"] = stats.as_dict()
        return result
    except BaseException:
        if result is not None:
            result.cancel_store()
        raise


def _finish(result: Built, rendering: Rendering, options: BuildOptions, stats: Stats,
            manifest_rows: list[dict], pool=None) -> None:
    """graph.ttl, graph.html, report.json and the manifest, into the staging folder.

    ``pool``: the build's engine, idle now: with a local pool of several workers,
    graph.html is written by one of them (:func:`kg.build.page.write_page`) while
    this process writes graph.ttl."""
    import sys

    from kg.build.assemble import ontology_parts, turtle_head, write_graph
    from kg.build.render import count_types
    from kg.logs import logger
    from kg.reading.encoding import escaped
    from kg.scoring.stage import relation_mode
    from kg.version import versions

    report, staging, cache = result.report, result.staging, result.cache
    log = logger()
    page, rendering.page = rendering.page, None
    page_running = _start_page(page, pool)
    t0 = time.perf_counter()
    section = rendering.section
    before, middle, after, onto_types, onto_count = ontology_parts()
    section.add_all(middle)
    types = rendering.types
    types.update(section.types())
    types.update(onto_types)
    if middle:  # (none today) counted twice above
        types.subtract(count_types(middle))
    report.triples = rendering.triples + section.count() + onto_count - len(middle)
    report.nodes = {k: v for k, v in types.items() if v}

    def subjects_of(ai: int):
        return cache.get_rdf(rendering.keys[ai], triples=False).subjects

    import kg.store as store

    head = (turtle_head() + "\n").encode("utf-8")
    published = store.current_state(staging.parent)
    articles = rendering.parts.chunks(subjects_of)
    if published is None and rendering.parts.size() <= store.BACKGROUND_MAX_BYTES:
        # no published store to update: a new one loads now, the articles' statements
        # first, while graph.ttl is written (and graph.html, by a worker)
        first = b"".join([head, *articles])  # read by the load, written into graph.ttl
        articles = [memoryview(first)[len(head):]]
        result.store_load = store.StoreLoad.begin(staging.parent, first)
        del first
    texts: dict = {}
    digest = write_graph(staging / "graph.ttl", section, articles, before, after, texts)
    fingerprint = result.fingerprint = store.graph_fingerprint(staging / "graph.ttl", digest)
    del articles
    report.seconds["turtle"] += time.perf_counter() - t0

    t0 = time.perf_counter()
    state = result.store_state = store.store_state(texts, rendering.subjects)
    if result.store_load is not None:
        result.store_load.complete(staging / "graph.ttl", head + b"".join(texts.values()), state, fingerprint)
    else:
        update = _store_update(staging.parent, published, state, texts, cache, head)
        # the store loads while graph.html is written, unless both would hold a large graph in
        # memory at once (then it loads after the page is written and freed: Built.publish);
        # an update of the published store (kg add) holds little and always runs meanwhile
        if (update is not None or page is None
                or (staging / "graph.ttl").stat().st_size <= store.BACKGROUND_MAX_BYTES):
            result.store_load = store.StoreLoad.start(staging / "graph.ttl", staging.parent, state, update,
                                                      fingerprint=fingerprint)
    del texts
    report.seconds["store_plan"] += time.perf_counter() - t0
    report.versions = versions()
    report.relation_mode = relation_mode()
    report.command = [escaped(a) for a in (["kg", *sys.argv[1:]] if sys.argv and sys.argv[0].endswith("kg") else sys.argv)]
    if options.validate:
        ordered = sorted(rendering.violations)
        report.validation = {"conforms": rendering.validated and not ordered, "violations": ordered[:200],
                             "statements_dropped": len(rendering.dropped)}

    outputs = "graph.ttl, graph.html and report.json" if options.html else "graph.ttl and report.json"
    log.info(f"{command()}: writing {outputs} into {staging.parent}")
    if page is not None:
        from kg.build.page import write_page

        t0 = time.perf_counter()
        seconds = None
        if page_running is not None:
            try:
                seconds = next(page_running, None)
            except Exception:  # noqa: BLE001 - a worker that failed or died: written here instead
                seconds = None
        report.seconds["html_wait"] += time.perf_counter() - t0
        stats.page = "page process" if getattr(pool, "page_only", False) else "worker"
        if seconds is None:
            seconds = write_page(page)
            stats.page = "building process"
        report.seconds["html"] += seconds
    data = report.as_dict()
    for key, value in result.extra.items():
        data[key] = value
    data["build"] = stats.as_dict()
    (staging / "report.json").write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    manifest = {
        "format": 1,
        "versions": report.versions,
        "model": options.model,
        "model_id": model_id(options.model),
        "code": code_id(),
        "relations": report.relation_mode,  # kg add's default, as "model" is
        "html": options.html,  # kg add's default
        "articles": manifest_rows,
        "graph": fingerprint,  # kg add checks it is the published one (kg.build.cache.describes)
    }
    cache.stage_manifest(manifest)


def _local_pool(pool) -> bool:
    """Is ``pool`` a local pool of several workers (where graph.html's job can run), or
    the page's own process (:func:`_start_page_process`)?"""
    return (pool is not None and getattr(pool, "name", "") == "process-pool"
            and (pool.workers >= 2 or pool.page_only))


#: the fewest articles for which a build whose articles are analysed in this process
#: (``kg add`` of a few files) starts a process of its own for graph.html: the page of
#: a small graph takes less than a process takes to start
PAGE_PROCESS_MIN_ARTICLES = 300


def _start_page_process(inputs: list[Input], options: BuildOptions, engines: dict) -> None:
    """Start one spawned process for graph.html's job when the build will run its
    per-article work in this process although it may use every core (``--workers``
    not given, several cores: ``kg add`` of a few files to a large graph) and the
    graph is large: it imports what the page needs (:data:`kg.build.worker.PAGE_MODULES`)
    while this process analyses, resolves and renders, and then writes graph.html
    while this process writes graph.ttl and the store (:func:`_finish`). The process
    is ``engines["page"]``; nothing is started otherwise (``--workers 1`` keeps the
    whole build in this process)."""
    from kg.build.engines import LocalPool, available_cores

    if not options.html or options.engine != "local" or options.workers is not None:
        return
    if len(inputs) < PAGE_PROCESS_MIN_ARTICLES or available_cores() < 2:
        return
    if len(_to_analyse(inputs)) >= 2:  # the articles are analysed by a pool of several workers, which writes the page
        return
    from kg.build.worker import PAGE_MODULES, warm

    pool = LocalPool(1)
    pool.page_only = True
    engines["page"] = pool
    pool.map(warm, [PAGE_MODULES], lambda task, why: None, window=1)  # submitted now; its result is not needed


def _warm_for_page(pool, options: BuildOptions):
    """With graph.html to write and a local pool of several workers: each worker imports
    what the page's job needs (:data:`kg.build.worker.PAGE_MODULES`) while this process
    resolves the entities (the workers are idle then); the tasks' results, or None."""
    if not options.html or not _local_pool(pool):
        return None
    from kg.build.worker import PAGE_MODULES, warm

    return iter(pool.map(warm, [PAGE_MODULES] * pool.workers, lambda task, why: None, window=pool.workers))


def _done(tasks) -> None:
    """Collect finished side tasks (a failed one changes nothing: the work is done where needed)."""
    try:
        for _ in tasks or ():
            pass
    except Exception:  # noqa: BLE001 - an import that failed there fails again, and is reported, where it is needed
        pass


def _start_page(page, pool):
    """graph.html's job started in an idle worker of a local pool of several (its result,
    the seconds it took, comes from ``next``), or None: it runs here when asked for."""
    if page is None or not _local_pool(pool):
        return None
    from kg.build.page import write_page

    return iter(pool.map(write_page, [page], lambda task, why: None, window=1))


def _store_update(out_path: Path, old: dict | None, state: dict, texts: dict, cache: Cache, head: bytes):
    """``(published store, changes, prefixes)`` for :meth:`kg.store.StoreLoad.start` when the
    published store can be updated to ``state`` (``old``, the published store's state,
    :func:`kg.store.current_state`: it matches the published graph.ttl; and not too much
    changed); None: load the new graph.ttl."""
    import kg.store as store

    if old is None:
        return None

    def article_texts(key: str) -> list[bytes]:
        rendered = cache.get_rdf(key, triples=False)
        if rendered is None:
            raise LookupError(key)
        return [("\n\n" + text).encode("utf-8") for _s, text in rendered.subjects]

    try:
        changes = store.store_changes(old, state, texts, article_texts)
    except LookupError:
        return None
    if changes.share() > store.UPDATE_MAX_SHARE:
        return None
    return out_path / store.STORE_NAME, changes, head


def build(paths: list[str], out, options: BuildOptions, report=None) -> Built:
    """``kg build``'s work: every article under ``paths`` (see :func:`build_outputs`)."""
    from kg.build.report import BuildReport

    report = report or BuildReport()
    t0 = time.perf_counter()
    inputs = read_items(paths, options.max_bytes)
    report.seconds["read"] += time.perf_counter() - t0
    return build_outputs(inputs, out, options, report)
