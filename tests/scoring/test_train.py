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
