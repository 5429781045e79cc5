"""The pipeline: one Article flows through every stage, each enriching it.

    read -> normalize -> NLP backend -> recognize mentions -> coreference
         -> extract relations/events -> resolve across articles -> RDF -> exports

``analyze_article`` runs the per-article stages, ``build_corpus`` the whole
corpus, ``build_graph`` adds the RDF mapping, and ``run_build`` (``kg build``)
writes graph.ttl, graph.html and report.json.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from kg.doc import Article, Corpus, ReadError
from kg.nlp.base import ModelNotAvailable, NlpBackend

@dataclass
class BuildReport:
    """What a build read, what failed and why, what it produced, and how long each stage took."""

    model: str = ""
    read: list[str] = field(default_factory=list)
    failed: list[dict] = field(default_factory=list)  # {"file", "reason"}
    warnings: list[dict] = field(default_factory=list)  # {"file", "message"}
    entities: dict[str, int] = field(default_factory=dict)
    relations: dict[str, int] = field(default_factory=dict)
    nodes: dict[str, int] = field(default_factory=dict)
    triples: int = 0
    seconds: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    validation: dict | None = None

    def as_dict(self) -> dict:
        return {
            "model": self.model,
            "articles_read": len(self.read),
            "articles_failed": len(self.failed),
            "read": self.read,
            "failed": self.failed,
            "warnings": self.warnings,
            "entities_by_type": dict(sorted(self.entities.items())),
            "relations_by_type": dict(sorted(self.relations.items())),
            "nodes_by_class": dict(sorted(self.nodes.items())),
            "triples": self.triples,
            "seconds_by_stage": {k: round(v, 3) for k, v in self.seconds.items()},
            "validation": self.validation,
        }


def analyze_article(article: Article, backend: NlpBackend | None, seconds: dict | None = None) -> Article:
    """Run every per-article stage, in order, on an Article that has its raw text."""
    from kg.extract.coref import cluster_entities
    from kg.extract.mentions import recognize
    from kg.extract.relations import extract_relations
    from kg.normalize.pipeline import normalize

    def nlp(art: Article) -> None:
        if backend is not None and art.sentences:
            for sentence, analysis in zip(art.sentences, backend.analyze(art.sentences)):
                sentence.analysis = analysis

    stages = (
        ("normalize", normalize),
        ("nlp", nlp),
        ("recognize", recognize),
        ("coreference", cluster_entities),
        ("relations", extract_relations),
    )
    for name, stage in stages:
        t0 = time.perf_counter()
        stage(article)
        if seconds is not None:
            seconds[name] = seconds.get(name, 0.0) + time.perf_counter() - t0
    return article


def build_corpus(
    paths: list[str],
    model: str | None = None,
    max_bytes: int = 5 * 1024 * 1024,
    progress: bool = False,
    report: BuildReport | None = None,
) -> tuple[Corpus, BuildReport]:
    """Read, analyze and resolve every article under ``paths``."""
    from kg.nlp.loader import load_backend
    from kg.reading.reader import read_inputs
    from kg.resolve.resolver import resolve

    report = report or BuildReport()
    t0 = time.perf_counter()
    backend = load_backend(model)
    report.model = getattr(backend, "name", str(model))
    report.seconds["load_model"] += time.perf_counter() - t0

    articles: list[Article] = []
    t0 = time.perf_counter()
    items = list(read_inputs(paths, max_bytes=max_bytes))
    report.seconds["read"] += time.perf_counter() - t0
    total = len(items)
    for n, item in enumerate(items, 1):
        if isinstance(item, ReadError):
            report.failed.append({"file": item.source, "reason": item.reason})
            if progress:
                print(f"[{n}/{total}] {item.source}: skipped: {item.reason}", file=sys.stderr)
            continue
        try:
            analyze_article(item, backend, report.seconds)
        except Exception as exc:  # one bad article never stops a batch
            report.failed.append({"file": item.source, "reason": f"processing failed: {exc!r}"})
            if progress:
                print(f"[{n}/{total}] {item.source}: failed: {exc!r}", file=sys.stderr)
            continue
        articles.append(item)
        report.read.append(item.source)
        report.warnings.extend({"file": item.source, "message": m} for m in item.errors)
        if progress:
            print(f"[{n}/{total}] {item.source}: {len(item.entities)} entities, {len(item.relations)} relations",
                  file=sys.stderr)
    t0 = time.perf_counter()
    corpus = resolve(articles)
    report.seconds["resolve"] += time.perf_counter() - t0
    report.entities = dict(Counter(e.subtype or e.type for e in corpus.entities))
    rel = Counter(r.kind for a in articles for r in a.relations)
    rel["positions"] = sum(len(a.positions) for a in articles)
    rel["agreements"] = sum(len(a.agreements) for a in articles)
    rel["events"] = sum(len(a.events) for a in articles)
    report.relations = dict(rel)
    return corpus, report


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


def run_build(
    paths: list[str],
    out_dir: str,
    model: str | None = None,
    max_bytes: int = 5 * 1024 * 1024,
    validate: bool = True,
    progress: bool = True,
) -> int:
    """``kg build``: write OUT/graph.ttl, OUT/graph.html, OUT/report.json.

    All three are first written into a staging folder inside OUT and then
    moved into place, so a crash before the end leaves the previous outputs
    intact. Exit code: 0 when everything was read and the graph validates,
    1 when some input failed or SHACL found violations, 2 when nothing could be
    built (no model, no article).
    """
    from kg.export.html import write_html
    from kg.export.turtle import write_turtle

    try:
        graph, report = build_graph(paths, model=model, max_bytes=max_bytes, progress=progress)
    except ModelNotAvailable as exc:
        print(f"kg build: {exc}", file=sys.stderr)
        return 2
    if not report.read:
        for f in report.failed:
            print(f"kg build: {f['file']}: {f['reason']}", file=sys.stderr)
        print("kg build: no article could be read; previous outputs left untouched", file=sys.stderr)
        return 2
    report.nodes = _count_classes(graph)
    if validate:
        from kg.rdf.validate import validate_graph

        t0 = time.perf_counter()
        result = validate_graph(graph)
        report.seconds["validate"] += time.perf_counter() - t0
        report.validation = {"conforms": result.conforms, "violations": result.violations[:200]}

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for stale in out.glob(".staging-*"):  # left behind by a build that was killed
        shutil.rmtree(stale, ignore_errors=True)
    staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=out))
    try:
        t0 = time.perf_counter()
        write_turtle(graph, staging / "graph.ttl")
        report.seconds["turtle"] += time.perf_counter() - t0
        t0 = time.perf_counter()
        write_html(graph, staging / "graph.html")
        report.seconds["html"] += time.perf_counter() - t0
        (staging / "report.json").write_text(
            json.dumps(report.as_dict(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        for name in ("graph.ttl", "graph.html", "report.json"):
            os.replace(staging / name, out / name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)

    for f in report.failed:
        print(f"kg build: {f['file']}: {f['reason']}", file=sys.stderr)
    summary = ", ".join(f"{k} {v}" for k, v in sorted(report.entities.items()))
    print(f"kg build: {len(report.read)} articles read, {len(report.failed)} failed; "
          f"{sum(report.entities.values())} entities ({summary}); {report.triples} triples -> {out}")
    ok = not report.failed
    if report.validation is not None and not report.validation["conforms"]:
        print(f"kg build: SHACL: {len(report.validation['violations'])} violation(s), see report.json",
              file=sys.stderr)
        ok = False
    return 0 if ok else 1
