"""The relation scorer: a HanLP ``TorchComponent``.

It follows HanLP's component conventions: ``fit`` (HanLP's own training
workflow: config capture, seeding, vocabulary, data loaders, model, loop),
``save``/``load`` of ``config.json`` + ``vocabs.json`` + ``model.pt``, and the
class path in ``config.json`` so that ``hanlp.load(folder)`` returns it.

Input samples are candidates' feature lists (:mod:`kg.scoring.candidates`);
the model sums a learned vector per feature (a bag of features, torch's
``EmbeddingBag``), passes it through one hidden layer and gives the
probability that the candidate's relation holds; ``members`` such models,
started from different weights, are trained together and their
probabilities averaged. Features seen fewer than
``min_freq`` times in training are dropped. Each relation kind has its own
decision threshold, chosen on the development data and kept in the config.
"""

from __future__ import annotations

import logging
import time
from array import array
from itertools import repeat

import torch
from hanlp.common.torch_component import TorchComponent
from hanlp.common.vocab import Vocab
from torch import nn
from torch.nn import functional as F
from torch.utils.data import DataLoader

FEATURES = "features"
_NO_FEATURES: dict = {}


class BagOfFeatures(nn.Module):
    def __init__(self, n_features: int, dim: int = 64, hidden: int = 64, dropout: float = 0.2):
        super().__init__()
        self.embed = nn.EmbeddingBag(n_features, dim, mode="sum", padding_idx=0, sparse=True)
        self.bias = nn.Parameter(torch.zeros(dim))
        self.hidden = nn.Sequential(nn.Tanh(), nn.Dropout(dropout), nn.Linear(dim, hidden), nn.ReLU(),
                                    nn.Dropout(dropout), nn.Linear(hidden, 1))

    def forward(self, flat: torch.Tensor, offsets: torch.Tensor) -> torch.Tensor:
        return self.hidden(self.embed(flat, offsets) + self.bias).squeeze(-1)


class Ensemble(nn.Module):
    """``members`` bags of features, each from its own initial weights, trained on
    the same batches; the probability is the mean of theirs (steadier than one
    model on a corpus this small)."""

    def __init__(self, members: int, *args, **kwargs):
        super().__init__()
        self.members = nn.ModuleList(BagOfFeatures(*args, **kwargs) for _ in range(members))

    def forward(self, flat: torch.Tensor, offsets: torch.Tensor) -> torch.Tensor:
        """Logits, one row per member: ``(members, batch)``."""
        return torch.stack([m(flat, offsets) for m in self.members])

    def probability(self, flat: torch.Tensor, offsets: torch.Tensor) -> torch.Tensor:
        return torch.sigmoid(self(flat, offsets)).mean(0)

    def padding_is_zero(self) -> bool:
        """Whether every member's padding row (feature id 0) is all zeros."""
        return all(bool((m.embed.weight[0] == 0).all()) for m in self.members)

    def probability_unpadded(self, flat: torch.Tensor, offsets: torch.Tensor) -> torch.Tensor:
        """:meth:`probability` for inference, summing the bags without skipping the padding
        id (torch's check for it costs several times the sum). The same floats, bit for
        bit, when the padding rows are zero (:meth:`padding_is_zero`) and id 0 comes only
        as an empty bag's one id (what :meth:`RelationScorer.encode` and ``_collate``
        give): adding a zero row changes no sum, and an empty bag is zero either way."""
        logits = [m.hidden(F.embedding_bag(flat, m.embed.weight, offsets, mode="sum") + m.bias).squeeze(-1)
                  for m in self.members]
        return torch.sigmoid(torch.stack(logits)).mean(0)


class _Optimizers:
    """Two optimizers stepped together (sparse embedding rows, dense layers)."""

    def __init__(self, *optimizers):
        self.optimizers = optimizers

    def zero_grad(self):
        for o in self.optimizers:
            o.zero_grad()

    def step(self):
        for o in self.optimizers:
            o.step()


def _collate(batch):
    flat, offsets = _flat_bags([ids for ids, _y, _kind in batch])
    return {"flat": flat, "offsets": offsets, "label": torch.tensor([float(y) for _ids, y, _kind in batch]),
            "kind": [kind for _ids, _y, kind in batch]}


def _flat_bags(bags: list[list[int]]) -> tuple[torch.Tensor, torch.Tensor]:
    """The bags' ids one after the other and where each starts (an empty bag is ``[0]``),
    made through typed arrays (torch reads them without converting each int)."""
    flat, offsets = array("q"), array("q")
    for ids in bags:
        offsets.append(len(flat))
        flat.extend(ids or _EMPTY_BAG)
    return torch.frombuffer(flat, dtype=torch.long), torch.frombuffer(offsets, dtype=torch.long)


_EMPTY_BAG = (0,)


def best_threshold(probs: list[float], labels: list[int]) -> tuple[float, float]:
    """(threshold, F1) maximizing F1 over the candidates of one kind."""
    pairs = sorted(zip(probs, labels), reverse=True)
    total = sum(labels)
    if not total:
        return 0.5, 0.0
    tp = 0
    best = (0.5, 0.0)
    for i, (p, y) in enumerate(pairs, 1):
        tp += y
        f1 = 2 * tp / (i + total)
        if f1 > best[1]:
            nxt = pairs[i][0] if i < len(pairs) else 0.0
            best = ((p + nxt) / 2, f1)
    return best


class RelationScorer(TorchComponent):
    """Scores relation candidates: ``scorer([(features, kind), ...]) -> [probability, ...]``."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)

    # ------------------------------------------------------------ data
    def build_vocabs(self, trn, logger: logging.Logger):
        counts: dict[str, int] = {}
        for features, _y, _kind in trn:
            for f in set(features):
                counts[f] = counts.get(f, 0) + 1
        vocab = Vocab(pad_token="<pad>", unk_token="<unk>")
        for f in sorted(f for f, n in counts.items() if n >= self.config.get("min_freq", 2)):
            vocab.add(f)
        vocab.lock()
        self.vocabs[FEATURES] = vocab
        if logger:
            logger.info(f"{len(vocab)} features (of {len(counts)} seen, min_freq {self.config.get('min_freq', 2)})")

    def encode(self, features: list[str]) -> list[int]:
        """Feature ids; unknown features are left out (a plain dict lookup: this runs
        for every candidate of every article)."""
        index = self.vocabs[FEATURES].token_to_idx
        return [i for i in map(index.get, features) if i is not None and i > 1]

    def encode_conjoined(self, base: list[str], kind: str) -> list[int]:
        """:meth:`encode` of ``base + [kind|x for x in base]`` (what
        :attr:`kg.scoring.candidates.Candidate.features` gives), the same ids in the
        same order, without making the conjoined strings: each kind's features are
        looked up by their base string (in tables of the usable ids only, so a
        missing feature is a 0 that ``filter`` drops)."""
        plain, by_kind = self._lookup_tables()
        ids = list(filter(None, map(plain.get, base, repeat(0))))
        ids.extend(filter(None, map(by_kind.get(kind, _NO_FEATURES).get, base, repeat(0))))
        return ids

    def _lookup_tables(self) -> tuple[dict[str, int], dict[str, dict[str, int]]]:
        """({feature: id}, {kind: {base feature: id of ``kind|base``}}) of the ids
        :meth:`encode` keeps (above the padding and unknown ids), made once per vocabulary."""
        index = self.vocabs[FEATURES].token_to_idx
        cached = getattr(self, "_tables", None)
        if cached is None or cached[0] is not index:
            plain = {token: i for token, i in index.items() if i > 1}
            by_kind: dict[str, dict[str, int]] = {}
            for token, i in plain.items():
                kind, bar, rest = token.partition("|")
                if bar:
                    by_kind.setdefault(kind, {})[rest] = i
            cached = self._tables = (index, plain, by_kind)
        return cached[1], cached[2]

    def build_dataloader(self, data, batch_size, shuffle=False, device=None, logger: logging.Logger = None,
                         training=False, **kwargs) -> DataLoader:
        if training and FEATURES not in self.vocabs:
            self.build_vocabs(data, logger)
        samples = [(self.encode(f), y, kind) for f, y, kind in data]
        generator = torch.Generator()
        generator.manual_seed(int(self.config.get("seed") or 0))
        return DataLoader(samples, batch_size=batch_size, shuffle=shuffle, collate_fn=_collate, generator=generator)

    # ------------------------------------------------------------ model
    def build_model(self, training=True, **kwargs) -> nn.Module:
        return Ensemble(self.config.get("members", 1), len(self.vocabs[FEATURES]), self.config.get("dim", 64),
                        self.config.get("hidden", 64), self.config.get("dropout", 0.2))

    def build_optimizer(self, trn=None, **kwargs):
        """Adagrad for the feature vectors (sparse: only the rows a batch uses move, rare features
        keep larger steps), Adam for the dense layers."""
        lr = self.config.get("lr", 0.003)
        sparse = [p for n, p in self.model.named_parameters() if "embed." in n]
        dense = [p for n, p in self.model.named_parameters() if "embed." not in n]
        return _Optimizers(torch.optim.Adagrad(sparse, lr=self.config.get("sparse_lr", 0.05)),
                           torch.optim.Adam(dense, lr=lr))

    def build_criterion(self, **kwargs):
        pos_weight = torch.tensor(float(self.config.get("pos_weight", 2.0)))
        return nn.BCEWithLogitsLoss(pos_weight=pos_weight)

    def build_metric(self, **kwargs):
        return None

    def fit_dataloader(self, trn: DataLoader, criterion, optimizer, metric, logger: logging.Logger, **kwargs):
        self.model.train()
        total, n = 0.0, 0
        device = next(self.model.parameters()).device
        for batch in trn:
            optimizer.zero_grad()
            logits = self.model(batch["flat"].to(device), batch["offsets"].to(device))
            labels = batch["label"].to(device)
            loss = sum(criterion(row, labels) for row in logits) / len(logits)
            loss.backward()
            optimizer.step()
            total += loss.item() * len(batch["kind"])
            n += len(batch["kind"])
        return total / max(n, 1)

    @torch.no_grad()
    def evaluate_dataloader(self, data: DataLoader, criterion, metric=None, output=False, **kwargs):
        """Per kind: the best threshold and its candidate-level F1; and the mean of those F1s."""
        self.model.eval()
        device = next(self.model.parameters()).device
        probs: dict[str, list[float]] = {}
        labels: dict[str, list[int]] = {}
        for batch in data:
            p = self.model.probability(batch["flat"].to(device), batch["offsets"].to(device)).tolist()
            for kind, pi, y in zip(batch["kind"], p, batch["label"].tolist()):
                probs.setdefault(kind, []).append(pi)
                labels.setdefault(kind, []).append(int(y))
        out = {k: best_threshold(probs[k], labels[k]) for k in sorted(probs)}
        mean = sum(f for _t, f in out.values()) / max(len(out), 1)
        return mean, out

    def execute_training_loop(self, trn: DataLoader, dev: DataLoader, epochs, criterion, optimizer, metric, save_dir,
                              logger: logging.Logger, devices=None, **kwargs):
        best, best_epoch, best_state, thresholds = -1.0, 0, None, {}
        for epoch in range(1, epochs + 1):
            t0 = time.perf_counter()
            loss = self.fit_dataloader(trn, criterion, optimizer, metric, logger)
            score, per_kind = self.evaluate_dataloader(dev, criterion) if dev is not None else (-loss, {})
            logger.info(f"epoch {epoch}/{epochs} loss {loss:.4f} dev {score:.4f} "
                        + " ".join(f"{k}={f:.3f}" for k, (_t, f) in per_kind.items())
                        + f" ({time.perf_counter() - t0:.1f} s)")
            if score > best:
                best, best_epoch = score, epoch
                best_state = {k: v.detach().clone() for k, v in self.model.state_dict().items()}
                thresholds = {k: round(t, 4) for k, (t, _f) in per_kind.items()}
        if best_state is not None:
            self.model.load_state_dict(best_state)
        self.config.thresholds = thresholds or self.config.get("thresholds") or {}
        self.config.best_epoch = best_epoch
        self.config.dev_score = round(best, 4)
        if save_dir:
            self.save(save_dir)
        return best

    # ------------------------------------------------------------ files
    def save_weights(self, save_dir, filename="model.pt", trainable_only=True, **kwargs):
        """The weights in half precision (half the package size; scores differ by < 1e-3)."""
        import os

        state = {k: v.detach().to(torch.float16) if v.is_floating_point() else v
                 for k, v in self.model_.state_dict().items()}
        torch.save(state, os.path.join(save_dir, filename))

    def load_weights(self, save_dir, filename="model.pt", **kwargs):
        import os

        state = torch.load(os.path.join(save_dir, filename), map_location="cpu", weights_only=True)
        self.model_.load_state_dict({k: v.float() if v.is_floating_point() else v for k, v in state.items()})

    # ------------------------------------------------------------ use
    def input_is_flat(self, data) -> bool:
        return bool(data) and isinstance(data[0], str)

    @torch.no_grad()
    def predict(self, samples, batch_size: int = 512, **kwargs) -> list[float]:
        """``samples``: ``[(features, kind), ...]``; the probability of each."""
        return self._predict_ids([self.encode(f) for f, _kind in samples], batch_size)

    @torch.no_grad()
    def predict_conjoined(self, samples, batch_size: int = 512) -> list[float]:
        """``samples``: ``[(base features, kind), ...]`` (:meth:`encode_conjoined`): what
        :meth:`predict` gives for ``[(base + [kind|x ...], kind), ...]``, bit for bit."""
        return self._predict_ids([self.encode_conjoined(f, kind) for f, kind in samples], batch_size)

    def _predict_ids(self, encoded: list[list[int]], batch_size: int) -> list[float]:
        if not encoded:
            return []
        self.model.eval()
        model = self.model
        checked = getattr(self, "_unpadded", None)
        if checked is None or checked[0] is not model:  # checked once per loaded model
            checked = self._unpadded = (model, model.padding_is_zero())
        probability = model.probability_unpadded if checked[1] else model.probability
        out: list[float] = []
        for i in range(0, len(encoded), batch_size):
            flat, offsets = _flat_bags(encoded[i:i + batch_size])
            out.extend(probability(flat, offsets).tolist())
        return out

    def threshold(self, kind: str) -> float:
        return float((self.config.get("thresholds") or {}).get(kind, 0.5))
