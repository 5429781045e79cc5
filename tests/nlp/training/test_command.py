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


def test_rejects_an_init_dir_without_a_model_and_a_folder_that_is_no_corpus(tmp_path, capsys):
    target = str(tmp_path / "new")
    assert run_train_ner(target, None, None, None, None, False, init=str(tmp_path)) == 2
    assert "--init" in capsys.readouterr().err
    assert run_train_ner(target, None, None, None, None, False, corpus=str(tmp_path)) == 2
    assert "manifest.tsv" in capsys.readouterr().err
    assert not (tmp_path / "new").exists()


@pytest.mark.slow
def test_fine_tunes_the_shipped_model_on_a_corpus(tmp_path, capsys):
    import json

    from kg.nlp.model_dir import shipped_model_dir

    corpus = tmp_path / "corpus"
    (corpus / "articles").mkdir(parents=True)
    (corpus / "gold").mkdir()
    header = "id\turl\tscript\tdamage\tchars\tsplit\tround\tstory\torigin\n"
    rows = "".join(f"c000{i}\thttp://x/{i}\tsimplified\tnone\t20\t{split}\t1\tc000{i}\tt\n"
                   for i, split in ((1, "train"), (2, "dev")))
    (corpus / "manifest.tsv").write_text(header + rows, encoding="utf-8")
    for i, (text, name) in enumerate((("张甲乙到访东阳市。", "张甲乙"), ("李丙丁到访东阳市。", "李丙丁")), 1):
        (corpus / "articles" / f"c000{i}.txt").write_text(text + "\n", encoding="utf-8")
        gold = {"file": f"c000{i}.txt", "entities": [{"name": name, "type": "Person"}, {"name": "东阳市", "type": "Place"}]}
        (corpus / "gold" / f"c000{i}.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    target = tmp_path / "model"
    code = run_train_ner(str(target), epochs=1, batch_size=32, max_sentences=50, seed=1, evaluate_only=False,
                         corpus=str(corpus), init=str(shipped_model_dir()), blend=0.5)
    assert code == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert out[-2].startswith("msra_test_f1=") and out[-1].startswith("corpus_dev_span_f1=")
    assert (target / "vocabs.json").read_bytes() == (shipped_model_dir() / "vocabs.json").read_bytes()
    assert json.loads((target / "config.json").read_text(encoding="utf-8"))["finetune"] == str(shipped_model_dir())


def test_blend_needs_init_and_a_weight_in_range(tmp_path, capsys):
    from kg.nlp.model_dir import shipped_model_dir

    target = str(tmp_path / "new")
    assert run_train_ner(target, None, None, None, None, False, blend=0.5) == 2
    assert run_train_ner(target, None, None, None, None, False, init=str(shipped_model_dir()), blend=1.5) == 2
    assert "--blend" in capsys.readouterr().err


def test_blend_weights_interpolates_each_parameter(tmp_path):
    import torch

    from kg.nlp.training.command import blend_weights

    torch.save({"w": torch.tensor([1.0, 3.0]), "n": torch.tensor([7])}, tmp_path / "tuned.pt")
    torch.save({"w": torch.tensor([3.0, 1.0]), "n": torch.tensor([5])}, tmp_path / "init.pt")
    blend_weights(tmp_path / "tuned.pt", tmp_path / "init.pt", 0.75)
    mixed = torch.load(tmp_path / "tuned.pt")
    assert mixed["w"].tolist() == [1.5, 2.5] and mixed["n"].tolist() == [7]  # integer buffers are not mixed
    torch.save({"other": torch.tensor([1.0])}, tmp_path / "init.pt")
    with pytest.raises(ValueError, match="cannot blend"):
        blend_weights(tmp_path / "tuned.pt", tmp_path / "init.pt", 0.5)
