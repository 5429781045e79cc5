"""The relation scorer as a HanLP component: trains, saves, loads with hanlp.load, predicts."""

import json
import logging

import pytest

from kg.scoring.component import RelationScorer, best_threshold


def _data(n: int):
    # a separable toy problem: "good" makes a relation, "bad" does not; "noise" is in both
    out = []
    for i in range(n):
        out.append((["good", "noise", f"k|x{i % 3}"], 1, "visited"))
        out.append((["bad", "noise", f"k|x{i % 3}"], 0, "visited"))
    return out


def test_best_threshold_maximizes_f1():
    threshold, f1 = best_threshold([0.9, 0.8, 0.3, 0.1], [1, 1, 0, 0])
    assert 0.3 < threshold < 0.8 and f1 == 1.0
    assert best_threshold([0.4], [0]) == (0.5, 0.0)


def test_fit_save_and_hanlp_load(tmp_path):
    hanlp = pytest.importorskip("hanlp")
    log = logging.getLogger("test-re")
    scorer = RelationScorer()
    scorer.fit(_data(40), _data(10), str(tmp_path), batch_size=16, epochs=6, devices=-1, logger=log, seed=3,
               min_freq=1, lr=0.01, sparse_lr=0.3)
    config = json.loads((tmp_path / "config.json").read_text())
    assert config["classpath"] == "kg.scoring.component.RelationScorer"
    assert "visited" in config["thresholds"]
    loaded = hanlp.load(str(tmp_path), devices=-1)
    assert isinstance(loaded, RelationScorer)
    good, bad = loaded.predict([(["good", "noise"], "visited"), (["bad", "noise"], "visited")])
    assert good > loaded.threshold("visited") > bad
    # unknown features are ignored, not an error
    assert 0.0 <= loaded.predict([(["never-seen"], "visited")])[0] <= 1.0
