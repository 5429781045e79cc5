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
* Inference (``predict_data``) skips HanLP's per-sample transform pipeline,
  its data loader and its per-step torch Viterbi: the characters are looked
  up in the vocabularies directly, batched exactly as HanLP batches them
  (``SortingSampler``: longest first, ``batch_size`` sentences a batch), and
  decoded by a NumPy Viterbi over the same float32 sums. The tags are the
  same as HanLP's path (``tests/nlp/test_ner_fast_path.py`` compares);
  ``ZHKG_NER_FAST=0`` turns it off.
* On CPU the fast path runs an int8 copy of the LSTM and the output layer
  (torch dynamic quantization, :func:`quantize_for_cpu`, made once at the
  first call); ``ZHKG_NER_QUANTIZE=0`` keeps the float model. This one can
  change predictions: a few sentences in a hundred tag differently, entity
  F1 measured unchanged (docs/performance.md, "Issue 12, second round").
  The activations' int8 scale is computed per batch, so a sentence's tags
  may depend on the sentences batched with it (an article's own sentences
  in ``kg build``: the same article gives the same tags).
* With ``span_confidence`` on (kg.nlp.offline sets it), the fast path also
  gives each span the model's probability of exactly that span, from the
  CRF's forward and backward scores (:class:`SpanScorer`, one extra pass of
  each over the batch, in probability space): the trained second reading of
  refused spans reads it (kg.recognize.span_acceptor). HanLP's own output,
  four elements a span, stays the default.
* Fine-tuning (``fit(..., finetune=model_dir)``) keeps the loaded model and
  its vocabularies: HanLP's fit would rebuild both (our ``build_vocabs``
  starts new vocabularies, ``build_model`` a random model), which silently
  turns fine-tuning into training from scratch. Characters and bigrams the
  loaded model never saw read as unknown.
"""

from __future__ import annotations

import time
from collections import Counter

import numpy as np
import torch
from hanlp.common.dataset import SortingSampler
from hanlp.common.vocab import Vocab
from hanlp.components.ner.rnn_ner import RNNNamedEntityRecognizer
from hanlp.components.taggers.rnn.rnntaggingmodel import RNNTaggingModel
from hanlp.components.taggers.util import guess_allowed_transitions
from hanlp.layers.crf.crf import CRF
from hanlp.utils.span_util import iobes_tags_to_spans
from torch import nn

from kg.nlp.bigram_embedding import BIGRAM_FIELD, BOS, EOS, CharBigramEmbedding, normalize_char
from kg.nlp.model_dir import env_flag, ner_quantized

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


def _running(lengths: list[int], length: int) -> list[int]:
    """For each step ``i`` of a batch sorted by length, longest first: how many rows
    are still running (they are the first ones)."""
    return (np.asarray(lengths)[None, :] > np.arange(length)[:, None]).sum(1).tolist()


def viterbi_decode_numpy(
    emissions: torch.Tensor, lengths: list[int], crf: CRF, masks: tuple[torch.Tensor, torch.Tensor, torch.Tensor]
) -> list[list[int]]:
    """:func:`viterbi_decode` in NumPy for a batch whose rows are sorted by length, longest first.

    The same float32 sums in the same order, so the same paths (ties aside: both take the first
    maximum); at step ``i`` only the rows still running (a prefix of the batch) are computed.
    """
    start_mask, trans_mask, end_mask = masks
    with torch.no_grad():
        transitions = (crf.transitions + trans_mask).numpy()
        score = (crf.start_transitions + start_mask + emissions[:, 0]).numpy()
        end_transitions, end_mask = crf.end_transitions.detach().numpy(), end_mask.numpy()
    em = emissions.detach().numpy()
    batch, length, _ = em.shape
    running = _running(lengths, length)  # rows still running at step i: the first running[i]
    score = score.copy()
    history = []
    for i in range(1, length):
        k = running[i]
        total = (score[:k, :, None] + transitions) + em[:k, i, None, :]
        history.append(total.argmax(axis=1))
        score[:k] = total.max(axis=1)
    best = ((score + end_transitions) + end_mask).argmax(-1)  # the torch version's order of sums
    paths = np.empty((batch, length), dtype=np.int64)
    paths[:, length - 1] = best
    for i in range(length - 1, 0, -1):
        idx = history[i - 1]
        k = idx.shape[0]
        best = best.copy()
        best[:k] = idx[np.arange(k), best[:k]]  # rows that ended before step i keep their tag
        paths[:, i - 1] = best
    # a row of length n ends at column n - 1 (its best end tag); the columns after it are copies
    return [row[:n] for row, n in zip(paths.tolist(), lengths)]


#: the forward scores are scaled to sum to 1 every this many characters: between, the
#: weights (at most 1) and transitions keep them far from float64's limits
RESCALE_EVERY = 8


class SpanScorer:
    """The CRF's scaled forward and backward scores of one sentence, to give the
    probability that the model tags a span exactly as it did (its tags from the first
    to the last character, summed over every tagging of the rest of the sentence): the
    model's confidence in a span it output (:func:`forward_backward_numpy` makes them)."""

    __slots__ = ("alpha", "beta", "weights", "scale", "norm", "transitions")

    def __init__(self, alpha, beta, weights, scale, norm, transitions):
        self.alpha, self.beta, self.weights, self.scale, self.norm = alpha, beta, weights, scale, norm
        self.transitions = transitions

    def probability(self, path: list[int], begin: int, end: int) -> float:
        """P(tags[begin..end] = path[begin..end]), ``end`` inclusive."""
        p = self.alpha[begin, path[begin]]
        for k in range(begin + 1, end + 1):
            p *= self.transitions[path[k - 1], path[k]] * self.weights[k, path[k]] / self.scale[k]
        return float(min(1.0, p * self.beta[end, path[end]] / self.norm))


def forward_backward_numpy(
    emissions: torch.Tensor, lengths: list[int], crf: CRF, masks: tuple[torch.Tensor, torch.Tensor, torch.Tensor]
) -> list[SpanScorer]:
    """The CRF's forward and backward scores of each row of a batch sorted by length,
    longest first (as :func:`viterbi_decode_numpy` takes it), with its transition
    constraints: in probability space, the forward vector scaled to sum to 1
    every :data:`RESCALE_EVERY` characters (the scaled forward-backward algorithm: a
    matrix product a step instead of a log-sum-exp, and no underflow)."""
    start_mask, trans_mask, end_mask = masks
    with torch.no_grad():
        transitions = np.exp((crf.transitions + trans_mask).numpy().astype(np.float64))
        start = np.exp((crf.start_transitions + start_mask).numpy().astype(np.float64))
        end = np.exp((crf.end_transitions + end_mask).numpy().astype(np.float64))
    em = emissions.detach().numpy().astype(np.float64)
    weights = np.exp(em - em.max(axis=2, keepdims=True))  # a character's shift weighs every path alike: it cancels
    batch, length, tags = em.shape
    running = _running(lengths, length)
    alpha = np.empty((batch, length, tags))
    scale = np.ones((batch, length))
    a = start * weights[:, 0]
    scale[:, 0] = a.sum(1)
    alpha[:, 0] = a / scale[:, 0, None]
    for i in range(1, length):
        k = running[i]
        a = (alpha[:k, i - 1] @ transitions) * weights[:k, i]
        if i % RESCALE_EVERY == 0:  # a scale of 1 between (the formulas hold for any scales)
            s = scale[:k, i] = a.sum(1)
            a /= s[:, None]
        alpha[:k, i] = a
    beta = np.empty((batch, length, tags))
    back = transitions.T
    running.append(0)
    for i in range(length - 1, -1, -1):
        j = running[i + 1]  # the rows that go on after i: the first j
        if j:
            b = (weights[:j, i + 1] * beta[:j, i + 1]) @ back
            if (i + 1) % RESCALE_EVERY == 0:
                b /= scale[:j, i + 1, None]
            beta[:j, i] = b
        if j < running[i]:
            beta[j:running[i], i] = end  # the rows whose last character is i
    out = []
    for row, n in enumerate(lengths):
        norm = float(alpha[row, n - 1] @ end)
        out.append(SpanScorer(alpha[row, :n], beta[row, :n], weights[row, :n], scale[row, :n], norm, transitions))
    return out


def quantize_for_cpu(model: nn.Module) -> nn.Module:
    """A copy of ``model`` with its LSTM and Linear layers dynamically quantized to int8 (CPU inference)."""
    import copy
    import warnings

    from torch.ao.quantization import quantize_dynamic

    with warnings.catch_warnings():  # torch 2.x: "quantize_per_tensor ... deprecated", once per worker otherwise
        warnings.filterwarnings("ignore", message=".*quantize_per_tensor.*", category=UserWarning)
        return quantize_dynamic(copy.deepcopy(model).eval(), {nn.LSTM, nn.Linear}, dtype=torch.qint8)


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
        self._quantized = None  # the weights change: an int8 copy made before is stale
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

    def load_weights(self, save_dir, filename="model.pt", **kwargs):
        self._quantized = None  # new weights in the same model: an int8 copy made before is stale
        return super().load_weights(save_dir, filename, **kwargs)

    def save_weights(self, save_dir, filename="model.pt", trainable_only=True, **kwargs):
        super().save_weights(save_dir, filename, trainable_only, **kwargs)
        callback = getattr(self, "on_weights_saved", None)  # set by kg.nlp.training.command, never saved
        if callback is not None:
            callback(save_dir)

    def _on_cpu(self) -> bool:
        return next(self.model.parameters()).device.type == "cpu"

    def _fast_path_ok(self, data) -> bool:
        """The fast path tags on CPU only (its inputs and its NumPy Viterbi are CPU-side)."""
        return (
            env_flag("ZHKG_NER_FAST", True)
            and self._on_cpu()
            and bool(self.config.get("crf", False))
            and not self.config.get("dict_tags")
            and isinstance(self.model.embed, nn.Module)
            and getattr(self.model, "embed_to_rnn", None) is None
            and all(len(tokens) for tokens in data)
        )

    def _inference_model(self) -> nn.Module:
        """The model that tags: the float model, or its int8 copy when ``ZHKG_NER_QUANTIZE`` asks for it."""
        if not ner_quantized() or not self._on_cpu():
            return self.model
        quantized = getattr(self, "_quantized", None)
        if quantized is None or quantized[0] is not self.model:
            try:
                copy = quantize_for_cpu(self.model)
            except (ImportError, AttributeError, RuntimeError) as exc:  # torch.ao.quantization is deprecated
                import warnings

                warnings.warn(f"int8 NER model unavailable ({exc!r}); tagging with the float model", stacklevel=2)
                copy = self.model
            quantized = self._quantized = (self.model, copy)
        return quantized[1]

    def _ids(self, data) -> tuple[list[list[int]], list[list[int]]]:
        """Character and boundary-bigram ids per sentence (what AddBigrams + the vocabularies give)."""
        chars_vocab, bigram_vocab = self.vocabs[self.config.token_key], self.vocabs[BIGRAM_FIELD]
        c2i, b2i = chars_vocab.token_to_idx, bigram_vocab.token_to_idx
        c_unk, b_unk = c2i.get(chars_vocab.unk_token), b2i.get(bigram_vocab.unk_token)
        char_ids, bigram_ids = [], []
        for tokens in data:
            chars = [normalize_char(c) for c in tokens]
            char_ids.append([c2i.get(c, c_unk) for c in chars])
            padded = [BOS, *chars, EOS]
            bigram_ids.append([b2i.get(a + b, b_unk) for a, b in zip(padded, padded[1:])])
        return char_ids, bigram_ids

    def _fast_tags(self, data, batch_size, scorers: list | None = None) -> list[list[int]]:
        """Tag ids per sentence, batched as HanLP's dataloader batches them (see module doc);
        with ``scorers`` (a list as long as ``data``), each sentence's :class:`SpanScorer`
        is put there too."""
        model = self._inference_model()
        char_ids, bigram_ids = self._ids(data)
        pad_c = self.vocabs[self.config.token_key].safe_pad_token_idx
        pad_b = self.vocabs[BIGRAM_FIELD].safe_pad_token_idx
        lengths = [len(ids) for ids in char_ids]
        sampler = SortingSampler(lengths, batch_size or self.config.get("batch_size", 32), shuffle=False)
        tags: list[list[int]] = [[] for _ in data]
        outside = self.vocabs["tag"].token_to_idx.get("O", -1)
        with torch.inference_mode():
            for order in sampler:
                lens = [lengths[i] for i in order]  # longest first
                width = lens[0]
                x = torch.full((len(order), width), pad_c, dtype=torch.long)
                b = torch.full((len(order), width + 1), pad_b, dtype=torch.long)
                for row, i in enumerate(order):
                    x[row, : lens[row]] = torch.tensor(char_ids[i])
                    b[row, : lens[row] + 1] = torch.tensor(bigram_ids[i])
                feats = model.embed({f"{self.config.token_key}_id": x, f"{BIGRAM_FIELD}_id": b})
                packed = nn.utils.rnn.pack_padded_sequence(feats, torch.tensor(lens), batch_first=True)
                out, _ = model.word_lstm(packed)
                out, _ = nn.utils.rnn.pad_packed_sequence(out, True)
                logits = model.out(out)
                paths = viterbi_decode_numpy(logits, lens, model.crf, self._masks())
                for i, path in zip(order, paths):
                    tags[i] = path
                if scorers is not None:  # the rows with a span (still longest first)
                    rows = [r for r, path in enumerate(paths) if any(t != outside for t in path)]
                    if rows:
                        scored = forward_backward_numpy(logits[rows], [lens[r] for r in rows], model.crf, self._masks())
                        for r, scorer in zip(rows, scored):
                            scorers[order[r]] = scorer
        return tags

    #: when True, each span comes with a fifth element: the model's probability of
    #: exactly that span (:class:`SpanScorer`; the fast path only, else None).
    #: HanLP's own output, four elements, is the default.
    span_confidence: bool = False

    def predict_data(self, data, batch_size, **kwargs):
        scorers = None
        if self._fast_path_ok(data):
            vocab = self.vocabs["tag"].idx_to_token
            scorers = [None] * len(data) if self.span_confidence else None
            ids = self._fast_tags(data, batch_size, scorers)
            tags = [[vocab[i] for i in path] for path in ids]
        else:
            tags = super(RNNNamedEntityRecognizer, self).predict_data(data, batch_size)
        delimiter = self.config.token_delimiter or ""

        def confidence(row: int, b: int, e: int) -> tuple:
            if not self.span_confidence:
                return ()
            return (None if scorers is None else scorers[row].probability(ids[row], b, e),)

        return [
            [(delimiter.join(tokens[b : e + 1]), label, b, e + 1, *confidence(row, b, e))
             for label, (b, e) in tolerant_spans(t)]
            for row, (tokens, t) in enumerate(zip(data, tags))
        ]
