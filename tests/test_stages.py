"""kg.stages: contracts checked when the pipeline is assembled."""

from __future__ import annotations

import pytest

from kg.stages import LAYERS, PipelineError, Stage, assemble, default_stages, describe


def _noop(article):
    return None


def test_the_default_pipeline_assembles_and_every_layer_has_one_writer():
    pipeline = assemble(default_stages())
    writers = [layer for s in pipeline.stages for layer in s.writes]
    assert len(writers) == len(set(writers))
    assert set(writers) | {"raw"} == set(LAYERS)
    table = describe(pipeline)
    assert table.splitlines()[0].split() == ["stage", "reads", "writes", "extends"]
    assert [s.name for s in pipeline.stages][:5] == ["normalize", "nlp", "recognize", "coreference", "context"]


def test_a_stage_reading_what_nobody_wrote_fails_at_assembly():
    stages = [Stage("a", _noop, reads=("raw",), writes=("text",)), Stage("b", _noop, reads=("mentions",))]
    with pytest.raises(PipelineError, match="stage b reads 'mentions', which no earlier stage writes"):
        assemble(stages)


def test_the_order_matters():
    stages = default_stages()
    swapped = [stages[0], stages[2], stages[1], *stages[3:]]  # recognize before nlp
    with pytest.raises(PipelineError, match="recognize reads 'analysis'"):
        assemble(swapped)


def test_two_writers_of_a_layer_fail_and_extending_needs_a_writer():
    with pytest.raises(PipelineError, match="one writer per layer"):
        assemble([Stage("a", _noop, writes=("text",)), Stage("b", _noop, writes=("text",))])
    with pytest.raises(PipelineError, match="reads 'relations'"):
        assemble([Stage("a", _noop, extends=("relations",))])
    with pytest.raises(PipelineError, match="unknown layer"):
        assemble([Stage("a", _noop, writes=("tokenz",))])
