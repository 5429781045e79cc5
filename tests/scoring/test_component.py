"""The relation scorer as a HanLP component: trains, saves, loads with hanlp.load, predicts."""

import json
import logging

import pytest

from kg.scoring.component import FEATURES, RelationScorer, best_threshold


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


def test_inference_sums_give_the_model_s_probabilities_bit_for_bit():
    """predict() sums the bags without torch's padding check; the shipped model's
    probabilities are the same floats as the module's own forward pass gives."""
    import torch

    from kg.scoring.stage import load_scorer, model_dir

    scorer = load_scorer(str(model_dir("hybrid")))
    model = scorer.model
    model.eval()
    assert model.padding_is_zero()
    generator = torch.Generator().manual_seed(7)
    n = model.members[0].embed.num_embeddings
    bags = [[0]] + [torch.randint(2, n, (int(k),), generator=generator).tolist()
                    for k in torch.randint(1, 120, (300,), generator=generator)] + [[0], [5, 5, 5]]
    flat = torch.tensor([i for b in bags for i in b])
    offsets = torch.tensor([0, *torch.tensor([len(b) for b in bags]).cumsum(0)[:-1].tolist()])
    with torch.no_grad():
        assert torch.equal(model.probability_unpadded(flat, offsets), model.probability(flat, offsets))


def test_a_model_whose_padding_row_is_not_zero_keeps_the_padded_sums():
    scorer = RelationScorer()
    import torch

    from kg.scoring.component import Ensemble

    scorer.model = Ensemble(2, 10, 4, 4)
    scorer.vocabs[FEATURES] = _vocab(["a", "b"])
    with torch.no_grad():
        scorer.model.members[0].embed.weight[0] = 1.0
    assert not scorer.model.padding_is_zero()
    called = []
    original = scorer.model.probability
    scorer.model.probability = lambda *a: called.append(1) or original(*a)
    scorer.predict([(["a"], "visited"), (["zzz"], "visited")])
    assert called


def _vocab(words):
    from hanlp.common.vocab import Vocab

    vocab = Vocab(pad_token="<pad>", unk_token="<unk>")
    for w in words:
        vocab.add(w)
    vocab.lock()
    return vocab


def test_conjoined_encoding_gives_the_ids_and_probabilities_of_the_full_feature_list():
    """predict_conjoined((base, kind)) reads the kind's features by their base string: the same
    ids in the same order as encode(base + [kind|x ...]), so the same floats as predict()."""
    from kg.scoring.stage import load_scorer, model_dir

    scorer = load_scorer(str(model_dir("hybrid")))
    vocab = [t for t in scorer.vocabs[FEATURES].token_to_idx if "|" in t]
    kinds = sorted({t.split("|", 1)[0] for t in vocab})
    bases = sorted({t.split("|", 1)[1] for t in vocab})
    samples = []
    for i, kind in enumerate(kinds):
        base = sorted(set(bases[i * 7: i * 7 + 40] + ["never-seen", "bc:|"]))
        samples.append((base, kind))
    samples.append(([], kinds[0]))
    samples.append((["never-seen"], "no-such-kind"))
    for base, kind in samples:
        full = base + [f"{kind}|{x}" for x in base]
        assert scorer.encode_conjoined(base, kind) == scorer.encode(full)
    assert any(scorer.encode_conjoined(b, k) for b, k in samples)
    full = [(b + [f"{k}|{x}" for x in b], k) for b, k in samples]
    assert scorer.predict_conjoined(samples) == scorer.predict(full)


def test_candidate_features_are_the_base_then_the_kind_conjoined():
    from kg.scoring.candidates import Candidate

    c = Candidate("visited", 0, 1, None, 0, ["dist:1", "rule"], True)
    assert c.features == ["dist:1", "rule", "visited|dist:1", "visited|rule"]
