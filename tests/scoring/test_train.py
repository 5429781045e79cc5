"""kg train-re: arguments, and the frozen test split is never read."""

from pathlib import Path

import pytest

from kg.scoring.train import GRID, prepared, run_train_re

ROOT = Path(__file__).resolve().parents[2]


def test_bad_arguments_exit_2(tmp_path, capsys):
    assert run_train_re(str(tmp_path), None) == 2  # not a corpus
    assert "manifest.tsv" in capsys.readouterr().err
    corpus = str(ROOT / "corpus")
    assert run_train_re(corpus, None, mode="rules") == 2
    assert run_train_re(corpus, None, fraction=0.0) == 2
    assert run_train_re(corpus, None, fraction=1.5) == 2
    assert run_train_re(corpus, None, epochs=0) == 2
    # only the hybrid model ships: the ablation's model needs a folder of its own
    assert run_train_re(corpus, None, mode="model") == 2
    assert "--save-dir" in capsys.readouterr().err


def test_the_test_split_is_never_used_for_training():
    with pytest.raises(ValueError, match="frozen"):
        prepared(ROOT / "corpus", "test")


def test_threshold_grid_is_inside_the_unit_interval():
    assert GRID[0] > 0 and GRID[-1] < 1 and list(GRID) == sorted(GRID)


def test_retune_needs_a_trained_model(tmp_path, capsys):
    assert run_train_re(str(ROOT / "corpus"), str(tmp_path), retune_only="kinds") == 2
    assert "no trained model" in capsys.readouterr().err


def test_tuning_with_fixed_thresholds_keeps_them_and_measures_the_model():
    # kg train-re --retune kinds: the thresholds stay, the model's F1 is measured with them
    from kg.evaluation.from_article import article_to_gold_shape
    from kg.relations.relations import extract_relations
    from kg.scoring.candidates import KINDS, candidates
    from kg.scoring.train import tune

    from tests.builders import make_article

    art = make_article("临海市市长张明率队到华锐公司考察。", {"临海市": "Place", "张明": "Person", "华锐公司": "Organization"})
    extract_relations(art)
    gold = {art.source: article_to_gold_shape(art)}
    cands = {art.source: candidates(art)}

    class Always:  # a scorer sure of every candidate
        def predict(self, items):
            return [0.9 for _ in items]

        predict_conjoined = predict

    fixed = {k: 0.95 for k in KINDS} | {k + "|rule": 0.95 for k in KINDS}
    table = tune(Always(), [art], gold, cands, "hybrid", fixed=fixed)
    assert {k: (v["threshold"], v["threshold_rule"]) for k, v in table.items()} == {k: (0.95, 0.95) for k in KINDS}
    # above every probability: the model keeps nothing, so it loses visited to the rules
    assert table["visited"]["rules"]["f1"] == 1.0 and table["visited"]["model"]["f1"] == 0.0
    free = tune(Always(), [art], gold, cands, "hybrid")
    assert free["visited"]["model"]["f1"] > 0 and free["visited"]["threshold"] < 0.9  # the grid finds a threshold below 0.9


def test_a_list_threshold_is_chosen_only_where_it_gains_enough(monkeypatch):
    """kg train-re --retune lists: the other thresholds stay; a kind gets a lower threshold
    for items listed with a kept one only where that raises its dev F1 by LIST_MIN_GAIN."""
    import copy

    from kg.doc import Relation
    from kg.evaluation.from_article import article_to_gold_shape
    from kg.scoring.candidates import KINDS, candidates
    from kg.scoring.train import tune

    from tests.builders import make_article

    art = make_article("张明考察了华锐公司、海通集团。", {"张明": "Person", "华锐公司": "Organization", "海通集团": "Organization"})
    truth = copy.copy(art)
    truth.relations = [Relation("visited", 0, 1, 0), Relation("visited", 0, 2, 0)]
    gold = {art.source: article_to_gold_shape(truth)}
    cands = {art.source: candidates(art)}
    sure = {id(c.base): 0.9 if (c.kind, c.object) == ("visited", 1) else 0.4 for c in cands[art.source]}

    class Listed:  # sure of the first item's visit, unsure of the second's, of nothing else
        def predict_conjoined(self, items):
            return [sure[id(base)] for base, _kind in items]

    fixed = {k: 0.5 for k in KINDS} | {k + "|rule": 0.5 for k in KINDS}
    kept = tune(Listed(), [art], gold, cands, "hybrid", fixed=fixed)
    assert kept["visited"]["threshold_list"] is None and kept["visited"]["model"]["f1"] < 0.7
    lists = tune(Listed(), [art], gold, cands, "hybrid", fixed=fixed, lists=True)
    assert lists["visited"]["threshold"] == 0.5 and lists["visited"]["threshold_rule"] == 0.5
    assert lists["visited"]["threshold_list"] <= 0.4 and lists["visited"]["model"]["f1"] == 1.0
    assert lists["metWith"]["threshold_list"] is None  # nothing to gain
    # a gain under the margin (here 0.667 -> 1.0 against a margin of 0.5) chooses none
    import kg.scoring.train as train

    monkeypatch.setattr(train, "LIST_MIN_GAIN", 0.5)
    small = tune(Listed(), [art], gold, cands, "hybrid", fixed=fixed, lists=True)
    assert small["visited"]["threshold_list"] is None and small["visited"]["model"]["f1"] < 0.7
