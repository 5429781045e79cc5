"""The project's HanLP NER component: a character+bigram BiLSTM-CRF.

It is a subclass of HanLP's own ``RNNNamedEntityRecognizer``, trained with
HanLP's trainer and loaded with ``hanlp.load(model_dir)`` (HanLP records this
class path in the model's ``config.json``). It fixes, in the subclass, what
does not work in hanlp 2.1.5 for this use:

* ``RNNTaggingModel`` builds ``CRF(n_out, crf_constraints)``, passing
  ``None`` as the CRF's ``batch_first`` argument, so the CRF reads
  ``(batch, time)`` tensors as ``(time, batch)``: its loss couples
  sentences instead of positions and ``decode`` returns time-major lists
  (the F1 ~ 0 symptom). We build the CRF with ``batch_first=True``.
* Viterbi decoding is vectorized and constrained to valid IOBES transitions,
  so span extraction never meets an invalid sequence (``InvalidTagSequence``).
* Training skips decoding every batch for a training-set metric (slow on CPU)
  and logs progress with throughput.
* The bigram vocabulary is pruned by frequency to keep the model small.
* Fine-tuning (``fit(..., finetune=model_dir)``) keeps the loaded model and
  its vocabularies: HanLP's fit would rebuild both (our ``build_vocabs``
  starts new vocabularies, ``build_model`` a random model), which silently
  turns fine-tuning into training from scratch. Characters and bigrams the
  loaded model never saw read as unknown.
"""

from __future__ import annotations

import time
from collections import Counter

import torch
from hanlp.common.vocab import Vocab
from hanlp.components.ner.rnn_ner import RNNNamedEntityRecognizer
from hanlp.components.taggers.rnn.rnntaggingmodel import RNNTaggingModel
from hanlp.components.taggers.util import guess_allowed_transitions
from hanlp.layers.crf.crf import CRF
from hanlp.utils.span_util import iobes_tags_to_spans
from torch import nn

from kg.nlp.bigram_embedding import BIGRAM_FIELD, CharBigramEmbedding

NEG_INF = -1e4


def transition_masks(labels: list[str]) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Additive masks (0 allowed, NEG_INF forbidden): start (T,), transitions (T, T), end (T,)."""
    n = len(labels)
    allowed = guess_allowed_transitions(labels) or [(i, j) for i in range(n + 2) for j in range(n + 2)]
    full = torch.full((n + 2, n + 2), NEG_INF)
    for i, j in allowed:
        full[i, j] = 0.0
    return full[n, :n].clone(), full[:n, :n].clone(), full[:n, n + 1].clone()


def viterbi_decode(
    emissions: torch.Tensor, mask: torch.Tensor, crf: CRF, masks: tuple[torch.Tensor, torch.Tensor, torch.Tensor]
) -> list[list[int]]:
    """Batch-first, vectorized Viterbi with transition constraints; one tag list per sentence."""
    start_mask, trans_mask, end_mask = masks
    batch, length, _ = emissions.shape
    lens = mask.long().sum(1)
    transitions = crf.transitions + trans_mask
    score = crf.start_transitions + start_mask + emissions[:, 0]
    history = []
    for i in range(1, length):
        nxt, idx = (score.unsqueeze(2) + transitions + emissions[:, i].unsqueeze(1)).max(dim=1)
        step = mask[:, i].unsqueeze(1)
        score = torch.where(step, nxt, score)
        history.append(torch.where(step, idx, torch.arange(idx.size(1)).expand_as(idx)))
    score = score + crf.end_transitions + end_mask
    best = score.argmax(-1)
    path = [best]
    for idx in reversed(history):  # padded steps are identity, so one backward pass serves every length
        best = idx.gather(1, best.unsqueeze(1)).squeeze(1)
        path.append(best)
    path.reverse()
    tags = torch.stack(path, 1).tolist()
    return [t[:n] for t, n in zip(tags, lens.tolist())]


def tolerant_spans(tags: list[str]) -> list[tuple[str, tuple[int, int]]]:
    """IOBES spans; an ill-formed sequence (never produced by constrained decoding) is repaired."""
    try:
        return iobes_tags_to_spans(tags)
    except Exception:  # InvalidTagSequence: treat B/I/E runs loosely
        spans, start, label = [], None, None
        for i, t in enumerate(tags + ["O"]):
            prefix, _, lab = t.partition("-")
            if start is not None and (prefix in ("B", "S", "O") or lab != label):
                spans.append((label, (start, i - 1)))
                start = None
            if prefix in ("B", "I", "E") and start is None:
                start, label = i, lab
            if prefix == "S":
                spans.append((lab, (i, i)))
            if prefix == "E" and start is not None:
                spans.append((label, (start, i)))
                start = None
        return spans


class BigramNerTagger(RNNNamedEntityRecognizer):
    """Character + bigram BiLSTM-CRF NER, IOBES tags (see module doc)."""

    def _finetuning(self) -> bool:
        return bool(self.config.get("finetune")) and self.model is not None

    def build_model(self, rnn_input, rnn_hidden, drop, crf, **kwargs) -> nn.Module:
        if kwargs.get("training") and self._finetuning():
            return self.model  # the loaded weights are the starting point
        embed = self._convert_embed()
        module = embed.module(vocabs=self.vocabs)
        model = RNNTaggingModel(module, rnn_input, rnn_hidden, len(self.vocabs["tag"]), drop, crf=False)
        if crf:
            model.crf = CRF(len(self.vocabs["tag"]), batch_first=True)
        return model

    def build_vocabs(self, dataset, logger):
        if self._finetuning():
            self.vocabs.lock()  # the loaded model's vocabularies, unchanged
            return
        self.vocabs.tag = Vocab(unk_token=None, pad_token=None)
        self.vocabs[self.config.token_key] = Vocab()
        counts: Counter[str] = Counter()
        for sample in dataset:  # runs the transforms: fills token/tag vocabs, adds the bigram field
            counts.update(sample[BIGRAM_FIELD])
        embed = self._convert_embed()
        min_freq = embed.bigram_min_freq if isinstance(embed, CharBigramEmbedding) else 1
        bigrams = Vocab()
        for gram, freq in counts.most_common():
            if freq < min_freq:
                break
            bigrams.add(gram)
        self.vocabs[BIGRAM_FIELD] = bigrams
        self.vocabs.lock()
        self.vocabs.summary(logger)

    def _masks(self):
        masks = getattr(self, "_transition_masks", None)
        if masks is None:
            masks = self._transition_masks = transition_masks(self.vocabs["tag"].idx_to_token)
        return masks

    def decode_output(self, logits, mask, batch, model=None):
        model = model or self.model
        if self.config.get("crf", False):
            return viterbi_decode(logits, mask, model.crf, self._masks())
        return logits.argmax(-1)

    def fit_dataloader(self, trn, criterion, optimizer, metric, logger, ratio_width=None, **kwargs):
        self.model.train()
        total_loss, chars, started = 0.0, 0, time.time()
        n = len(trn)
        every = max(1, n // 20)
        for idx, batch in enumerate(trn):
            optimizer.zero_grad()
            out, mask = self.feed_batch(batch)
            loss = self.compute_loss(criterion, out, batch["tag_id"], mask)
            loss.backward()
            nn.utils.clip_grad_norm_(self.model.parameters(), 5.0)
            optimizer.step()
            total_loss += loss.item()
            chars += int(mask.sum())
            if logger and ((idx + 1) % every == 0 or idx + 1 == n):
                elapsed = time.time() - started
                logger.info(
                    f"  batch {idx + 1}/{n} loss {total_loss / (idx + 1):.3f} "
                    f"{chars / max(elapsed, 1e-9):,.0f} chars/s, {elapsed:.0f}s"
                )

    def save_weights(self, save_dir, filename="model.pt", trainable_only=True, **kwargs):
        super().save_weights(save_dir, filename, trainable_only, **kwargs)
        callback = getattr(self, "on_weights_saved", None)  # set by kg.nlp.training.command, never saved
        if callback is not None:
            callback(save_dir)

    def predict_data(self, data, batch_size, **kwargs):
        tags = super(RNNNamedEntityRecognizer, self).predict_data(data, batch_size)
        delimiter = self.config.token_delimiter or ""
        return [
            [(delimiter.join(tokens[b : e + 1]), label, b, e + 1) for label, (b, e) in tolerant_spans(t)]
            for tokens, t in zip(data, tags)
        ]
