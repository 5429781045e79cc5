"""The per-article stages and their contracts.

Each stage declares the layers of the :class:`~kg.doc.Article` it reads, the
layers it creates (``writes``: one writer per layer) and the layers created
earlier that it adds to (``extends``: e.g. resolving 市委 to 平顶山市委 adds
mentions). :func:`assemble` checks the order when the pipeline is put
together and fails with a clear message if a stage reads or extends a layer
that no earlier stage wrote, or if two stages write the same layer.
:func:`describe` prints the table (like spaCy's ``analyze_pipes``).

    raw ─ normalize ─ nlp ─ recognize ─ coreference ─ context ─ references
        ─ positions ─ events ─ agreements ─ structure ─ scoring
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from kg.doc import Article

#: the layers of an Article, in the order the default pipeline creates them
LAYERS = ("raw", "text", "offsets", "sentences", "meta", "analysis", "mentions", "decisions", "entities",
          "context", "positions", "relations", "events", "agreements")


class PipelineError(ValueError):
    """The stages cannot run in this order."""


@dataclass(frozen=True)
class Stage:
    name: str
    run: Callable[[Article], None]
    reads: tuple[str, ...] = ()
    writes: tuple[str, ...] = ()
    extends: tuple[str, ...] = ()
    doc: str = ""


@dataclass
class Pipeline:
    stages: list[Stage] = field(default_factory=list)

    def run(self, article: Article, seconds: dict | None = None) -> Article:
        import time

        for stage in self.stages:
            t0 = time.perf_counter()
            stage.run(article)
            if seconds is not None:
                seconds[stage.name] = seconds.get(stage.name, 0.0) + time.perf_counter() - t0
        return article


def assemble(stages: list[Stage], given: tuple[str, ...] = ("raw",)) -> Pipeline:
    """Check the stages' contracts in order; a :class:`Pipeline` or PipelineError."""
    written: dict[str, str] = {layer: "the reader" for layer in given}
    for stage in stages:
        for layer in (*stage.reads, *stage.writes, *stage.extends):
            if layer not in LAYERS:
                raise PipelineError(f"stage {stage.name}: unknown layer {layer!r} (layers: {', '.join(LAYERS)})")
        for layer in (*stage.reads, *stage.extends):
            if layer not in written:
                raise PipelineError(f"stage {stage.name} reads {layer!r}, which no earlier stage writes")
        for layer in stage.writes:
            if layer in written:
                raise PipelineError(f"stage {stage.name} writes {layer!r}, already written by {written[layer]} "
                                    "(one writer per layer: declare it in 'extends' to add to it)")
            written[layer] = f"stage {stage.name}"
    return Pipeline(list(stages))


def describe(pipeline: Pipeline) -> str:
    rows = [("stage", "reads", "writes", "extends")]
    for s in pipeline.stages:
        rows.append((s.name, ", ".join(s.reads), ", ".join(s.writes), ", ".join(s.extends)))
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows)


def default_stages(backend=None) -> list[Stage]:
    """The per-article stages of ``kg build``, in order."""
    from kg.context.model import build_context
    from kg.normalize.pipeline import normalize
    from kg.recognize.coref import cluster_entities
    from kg.recognize.mentions import recognize
    from kg.relations import relations as rel
    from kg.scoring.stage import scoring_stage

    def nlp(article: Article) -> None:
        if backend is not None and article.sentences:
            for sentence, analysis in zip(article.sentences, backend.analyze(article.sentences)):
                sentence.analysis = analysis

    return [
        Stage("normalize", normalize, reads=("raw",), writes=("text", "offsets", "sentences", "meta"),
              doc="clean Simplified text with an offset map to the raw text, sentences, metadata"),
        Stage("nlp", nlp, reads=("sentences",), writes=("analysis",),
              doc="the NLP model's tokens and entity spans (and dependencies, SRL when the model has them)"),
        Stage("recognize", recognize, reads=("text", "sentences", "analysis"), writes=("mentions", "decisions"),
              doc="mentions of people, organizations and places: model, rules, gazetteer, merged; "
                  "organization names a trained verifier rejects are dropped (a decision each)"),
        Stage("coreference", cluster_entities, reads=("raw", "offsets", "mentions"), writes=("entities",),
              doc="mentions grouped into the article's entities"),
        Stage("context", build_context, reads=("mentions", "entities"), writes=("context",),
              doc="places, place mentions, trips, the two sides (computed once per state)"),
        Stage("references", rel.resolve_references, reads=("context",), extends=("mentions", "entities"),
              doc="集团, 我市, 市委, 两地X resolved to the entity meant"),
        Stage("positions", rel.positions_stage, reads=("mentions", "entities", "context"),
              writes=("positions", "relations"), extends=("mentions", "entities", "decisions"),
              doc="title chains -> positions -> affiliatedWith; titled surnames"),
        Stage("events", rel.events_stage, reads=("mentions", "entities", "context", "positions"), writes=("events",),
              extends=("relations", "decisions"), doc="visits and meetings -> visited, metWith, accompanied"),
        Stage("agreements", rel.agreements_stage, reads=("mentions", "entities", "positions", "events"), writes=("agreements",),
              extends=("events", "decisions"), doc="signed documents, parties, witnesses, Signing events"),
        Stage("structure", rel.structure_stage, reads=("mentions", "entities", "context", "events", "agreements"),
              extends=("relations", "decisions", "events", "agreements"),
              doc="partOf and locatedIn; dates of events and agreements"),
        Stage("scoring", scoring_stage, reads=("mentions", "entities", "context", "positions", "events"),
              extends=("relations", "decisions"),
              doc="the trained relation model scores every candidate pair; the rules' verdicts are features"),
    ]
