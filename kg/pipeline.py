"""The pipeline: one Article flows through every stage, each enriching it.

    read -> normalize -> NLP backend -> recognize mentions -> coreference
         -> extract relations/events -> resolve across articles -> RDF -> exports

``analyze_article`` runs the per-article stages, ``build_corpus`` the whole
corpus in memory, ``build_graph`` adds the RDF mapping (the notebook's entry),
and ``run_build`` (``kg build``) writes graph.ttl, graph.html and report.json
through :mod:`kg.build` (worker processes, one cached record per article,
bounded memory).
"""

from __future__ import annotations

import logging
import time
from collections import Counter

from kg.doc import Article, Corpus, ReadError
from kg.nlp.base import ModelNotAvailable, NlpBackend

from kg.build.report import BuildReport, _skip_summary, check_inputs, stdin_twice, usage_problem  # noqa: F401  (kg.pipeline keeps these names)


def analyze_article(article: Article, backend: NlpBackend | None, seconds: dict | None = None,
                    until: str | None = None) -> Article:
    """Run every per-article stage, in order, on an Article that has its raw
    text (the stages and their contracts: :mod:`kg.stages`); ``until`` names
    a stage to stop before (``"scoring"``: the rules' output, for training)."""
    from kg.stages import assemble, default_stages

    stages = default_stages(backend)
    if until is not None:
        names = [s.name for s in stages]
        if until not in names:
            raise ValueError(f"no stage {until!r} (stages: {', '.join(names)})")
        stages = stages[:names.index(until)]
    return assemble(stages).run(article, seconds)


def build_corpus(
    paths: list[str],
    model: str | None = None,
    max_bytes: int = 5 * 1024 * 1024,
    report: BuildReport | None = None,
) -> tuple[Corpus, BuildReport]:
    """Read, analyze and resolve every article under ``paths``."""
    from kg.nlp.loader import load_backend
    from kg.reading.parts import split_long
    from kg.reading.reader import read_inputs

    from kg.logs import logger, progress as progress_bar

    log = logger()
    report = report or BuildReport()
    t0 = time.perf_counter()
    log.info(f"kg build: loading the model ({model or 'offline'})")
    backend = load_backend(model)
    report.model = getattr(backend, "name", str(model))
    report.seconds["load_model"] += time.perf_counter() - t0

    articles: list[Article] = []
    t0 = time.perf_counter()
    items: list[Article | ReadError] = []
    part_of: dict[str, str] = {}
    for item in read_inputs(paths, max_bytes=max_bytes):
        parts = split_long(item) if isinstance(item, Article) else [item]
        if len(parts) > 1:
            log.warning(f"kg build: {item.source}: {parts[0].errors[-1]}")
            part_of.update((p.source, item.source) for p in parts)
        items.extend(parts)
    report.seconds["read"] += time.perf_counter() - t0
    with progress_bar(len(items), "articles") as bar:
        for item in items:
            if isinstance(item, ReadError):
                report.failed.append({"file": item.source, "reason": item.reason})
                bar.advance(f"{item.source}: skipped: {item.reason}", logging.WARNING)
                continue
            try:
                analyze_article(item, backend, report.seconds)
            except Exception as exc:  # one bad article never stops a batch
                report.failed.append({"file": item.source, "reason": f"processing failed: {exc!r}"})
                bar.advance(f"{item.source}: failed: {exc!r}", logging.WARNING)
                continue
            articles.append(item)
            report.read.append(item.source)
            if item.source in part_of:
                report.part_of[item.source] = part_of[item.source]
            report.warnings.extend({"file": item.source, "message": m} for m in item.errors)
            for m in item.errors:
                log.debug(f"kg build: {item.source}: {m}")
            bar.advance(f"{item.source}: {len(item.entities)} entities, {len(item.relations)} relations")
    from kg.build.run import resolve_articles

    return resolve_articles(articles, report), report


def build_graph(paths: list[str], model: str | None = None, **kwargs):
    """Articles under ``paths`` -> (rdflib.Graph, BuildReport). Used by the notebook."""
    from kg.rdf.mapping import corpus_to_graph

    corpus, report = build_corpus(paths, model=model, **kwargs)
    t0 = time.perf_counter()
    graph = corpus_to_graph(corpus)
    report.seconds["rdf"] += time.perf_counter() - t0
    report.triples = len(graph)
    return graph, report


def _count_classes(graph) -> dict[str, int]:
    from rdflib import RDF

    from kg.rdf.namespaces import KG

    counts: Counter = Counter()
    for _, _, cls in graph.triples((None, RDF.type, None)):
        if str(cls).startswith(str(KG)):
            counts[str(cls)[len(str(KG)):]] += 1
    return dict(counts)


def _foreign_outputs(out: "Path") -> list[str]:
    """The folders a build replaces (``store/``, ``cache/``) that hold something kg did
    not write: a store without its marker file, a cache with other entries."""
    from kg.build.cache import ARTICLES, CACHE, COMMUNITIES, MANIFEST, PAGE, RDF
    from kg.store import MARKER, STORE_NAME

    out_of = []
    store = out / STORE_NAME
    if store.is_dir() and any(store.iterdir()) and not (store / MARKER).is_file():
        out_of.append(f"{STORE_NAME}/")
    cache = out / CACHE
    if cache.is_dir() and any(p.name not in (ARTICLES, RDF, PAGE, MANIFEST, COMMUNITIES) for p in cache.iterdir()):
        out_of.append(f"{CACHE}/")
    return out_of


def run_build(
    paths: list[str],
    out_dir: str,
    model: str | None = None,
    max_bytes: int = 5 * 1024 * 1024,
    validate: bool = True,
    progress: bool = True,
    workers: int | None = 1,
    engine: str = "local",
    scheduler: str | None = None,
    use_cache: bool = True,
    html: bool = True,
) -> int:
    """``kg build``: write OUT/graph.ttl, OUT/graph.html (unless ``html`` is False), OUT/report.json.

    Before any article is processed the input paths are checked and the
    output folder is claimed (a writable folder, locked against a second
    build). The articles are analysed by ``workers`` processes (1: in this
    process; None: one per core) or on a Dask cluster (``engine="dask"``,
    ``scheduler`` its address), each analysed article kept as a record in
    OUT/cache/ so that an unchanged article is not analysed again
    (``use_cache=False``: analyse everything); :mod:`kg.build` says how.
    Worker processes are spawned: a script calling this with ``workers``
    other than 1 guards its main code with ``if __name__ == "__main__":``.
    The outputs are written into a staging folder inside OUT and then moved
    into place, so a crash or a full disk leaves the previous outputs intact.
    Every article's statements that would break a SHACL shape are dropped,
    each with a warning and its reason in report.json (``dropped_statements``),
    so the graph conforms to ontology/shapes.ttl.
    Exit status (:mod:`kg.exitcodes`): 0 everything built (also when statements
    were dropped); 1 some inputs skipped (or, should a violation survive the
    repair, a bug, the graph does not conform); 2 nothing could be built (no model, no
    article, a missing input path, an unreachable cluster); 3 the output
    folder cannot be written.
    """
    from kg import exitcodes
    from kg.build.engines import EngineUnavailable
    from kg.build.run import BuildOptions, build, refuse_blocked_output
    from kg.export.outdir import OutputError, claim_output
    from kg.logs import logger, set_command, setup_logging, shown

    set_command("kg build")
    log = logger()
    if not log.handlers:  # called as a library function: configure the console once
        setup_logging("INFO" if progress else "WARNING")
    problem = usage_problem(paths, out_dir, "-o", "name the folder to write into")
    if problem:
        log.error(f"kg build: {problem}")
        return exitcodes.USAGE
    try:
        out = claim_output(out_dir)
    except OutputError as exc:
        log.error(f"kg build: {exc}")
        return exitcodes.IO_ERROR
    foreign = _foreign_outputs(out.path)
    if foreign:  # never replace what kg did not write (a folder of the user's named store/)
        out.release()
        log.error(f"kg build: {out.path} holds {' and '.join(foreign)} that kg did not write, and the build would "
                  "replace it: choose another -o, or move it away")
        return exitcodes.IO_ERROR
    refused = refuse_blocked_output(out)  # before the analysis, not after it
    if refused is not None:
        return refused
    options = BuildOptions(model=model, max_bytes=max_bytes, validate=validate, workers=workers, engine=engine,
                           scheduler=scheduler, use_cache=use_cache, progress=progress, html=html)
    with out:
        try:
            built = build(paths, out, options)
        except (ModelNotAvailable, EngineUnavailable) as exc:
            log.error(f"kg build: {exc}")
            return exitcodes.USAGE
        except OSError as exc:
            log.error(f"kg build: cannot write the outputs into {out.path}: {exc.strerror or exc}; "
                      "previous outputs left intact")
            return exitcodes.IO_ERROR
        report = built.report
        if not report.read:
            built.discard()
            for f in report.failed:
                log.error(f"kg build: {f['file']}: {f['reason']}")
            log.error("kg build: no article could be read; previous outputs left untouched")
            return exitcodes.USAGE
        failed = built.publish_outputs(out)
        if failed is not None:
            return failed

    for f in report.failed:
        log.warning(f"kg build: {f['file']}: {f['reason']}")
    summary = ", ".join(f"{k} {v}" for k, v in sorted(report.entities.items()))
    skipped = f"; {_skip_summary(report.failed)}" if report.failed else ""
    print(shown(f"kg build: {report.articles_read()} articles read{report.parts_summary()}, {len(report.failed)} failed{skipped}; "
                f"{sum(report.entities.values())} entities ({summary}); {report.triples} triples"
                f"{report.dropped_summary()} -> {out.path}"))
    ok = not report.failed
    if report.validation is not None and not report.validation["conforms"]:
        log.warning(f"kg build: SHACL: {len(report.validation['violations'])} violation(s) could not be repaired "
                    "(a bug: please report it), see report.json")
        ok = False
    return exitcodes.OK if ok else exitcodes.INPUTS_SKIPPED
