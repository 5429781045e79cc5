"""kg.nlp.training.evaluate: entity-level micro precision/recall/F1."""

from __future__ import annotations

import pytest

from kg.nlp.training.evaluate import span_f1


def test_span_f1_counts_exact_matches_only():
    gold = [{(0, 2, "PER"), (3, 5, "LOC")}, {(0, 4, "ORG")}]
    predicted = [{(0, 2, "PER"), (3, 5, "ORG")}, {(0, 4, "ORG"), (5, 6, "LOC")}]
    p, r, f1 = span_f1(gold, predicted)
    assert p == pytest.approx(2 / 4) and r == pytest.approx(2 / 3)
    assert f1 == pytest.approx(2 * 0.5 * (2 / 3) / (0.5 + 2 / 3))


def test_span_f1_without_predictions_is_zero():
    assert span_f1([{(0, 1, "LOC")}], [set()]) == (0.0, 0.0, 0.0)
