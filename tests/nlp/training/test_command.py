"""kg.nlp.training.command: argument checks and the evaluate-only path."""

from __future__ import annotations

import pytest

from kg.nlp.training.command import run_train_ner


def test_rejects_non_positive_sizes(tmp_path, capsys):
    assert run_train_ner(str(tmp_path / "new"), epochs=0, batch_size=None, max_sentences=None, seed=None, evaluate_only=False) == 2
    assert "must be positive" in capsys.readouterr().err


def test_evaluate_only_without_a_model_says_how_to_train(tmp_path, capsys):
    code = run_train_ner(str(tmp_path / "none"), None, None, None, None, evaluate_only=True)
    assert code == 1
    assert "kg train-ner" in capsys.readouterr().err


@pytest.mark.slow
def test_trains_a_small_model_that_hanlp_loads(tmp_path, capsys):
    import hanlp

    target = tmp_path / "model"
    target.mkdir()
    (target / "README.md").write_text("kept", encoding="utf-8")
    assert run_train_ner(str(target), epochs=1, batch_size=32, max_sentences=300, seed=1, evaluate_only=False) == 0
    assert capsys.readouterr().out.strip().splitlines()[-1].startswith("msra_test_f1=")
    assert sorted(p.name for p in target.iterdir()) == ["README.md", "config.json", "model.pt", "vocabs.json"]
    spans = hanlp.load(str(target))([list("江泽民在北京。")])
    assert isinstance(spans, list) and len(spans) == 1


def test_training_never_overwrites_the_shipped_model_unasked(capsys):
    from kg.nlp.model_dir import shipped_model_dir

    before = (shipped_model_dir() / "model.pt").stat().st_mtime_ns
    assert run_train_ner(None, epochs=1, batch_size=None, max_sentences=None, seed=None, evaluate_only=False) == 2
    assert "--save-dir" in capsys.readouterr().err
    assert (shipped_model_dir() / "model.pt").stat().st_mtime_ns == before
