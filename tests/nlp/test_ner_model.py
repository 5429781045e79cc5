"""kg.nlp.ner_model: constrained, batch-first Viterbi decoding, span repair, and the
CRF's probability of a span (forward-backward)."""

from __future__ import annotations

import itertools

import torch
from hanlp.layers.crf.crf import CRF

from kg.nlp.ner_model import forward_backward_numpy, tolerant_spans, transition_masks, viterbi_decode

LABELS = ["O", "B-PER", "I-PER", "E-PER", "S-PER", "S-LOC"]


def _score(path, emissions, crf, masks):
    start, trans, end = masks
    s = crf.start_transitions[path[0]] + start[path[0]] + emissions[0, path[0]]
    for a, b, i in zip(path, path[1:], range(1, len(path))):
        s = s + crf.transitions[a, b] + trans[a, b] + emissions[i, b]
    return s + crf.end_transitions[path[-1]] + end[path[-1]]


def test_viterbi_matches_brute_force_and_respects_lengths():
    torch.manual_seed(0)
    crf = CRF(len(LABELS), batch_first=True)
    masks = transition_masks(LABELS)
    lengths = [4, 2, 3]
    emissions = torch.randn(len(lengths), max(lengths), len(LABELS)) * 3
    mask = torch.tensor([[i < n for i in range(max(lengths))] for n in lengths])
    decoded = viterbi_decode(emissions, mask, crf, masks)
    for row, n, path in zip(emissions, lengths, decoded):
        assert len(path) == n
        with torch.no_grad():
            best = max(itertools.product(range(len(LABELS)), repeat=n), key=lambda p: float(_score(p, row, crf, masks)))
        assert tuple(path) == best


def _log_partition(emissions, crf, masks, fixed=None):
    """log of the summed weight of every tagging (``fixed``: position -> tag, the others
    left out), a plain log-space forward pass."""
    start, trans, end = (m.double() for m in masks)
    em = emissions.double().clone()
    for i, tag in (fixed or {}).items():
        keep = em[i, tag].clone()
        em[i] = float("-inf")
        em[i, tag] = keep
    score = crf.start_transitions.double() + start + em[0]
    for i in range(1, len(em)):
        score = torch.logsumexp(score[:, None] + crf.transitions.double() + trans, 0) + em[i]
    return float(torch.logsumexp(score + crf.end_transitions.double() + end, 0))


def test_a_spans_probability_is_the_share_of_the_taggings_that_tag_it_so():
    """SpanScorer.probability: the summed weight of the taggings with the span's tags over
    that of all taggings, against every tagging enumerated (short rows) and a plain
    log-space forward pass (every row, one longer than the forward scores' rescaling
    step); rows of several lengths, longest first as the batches come; spans at the
    start, the end and inside."""
    import math

    from kg.nlp import ner_model as NM

    torch.manual_seed(3)
    crf = CRF(len(LABELS), batch_first=True)
    with torch.no_grad():
        for p in (crf.transitions, crf.start_transitions, crf.end_transitions):
            p.normal_(0, 1)
    masks = transition_masks(LABELS)
    lengths = [2 * NM.RESCALE_EVERY + 3, 5, 3, 1]
    emissions = torch.randn(len(lengths), max(lengths), len(LABELS)) * 2
    scorers = forward_backward_numpy(emissions, lengths, crf, masks)
    checked = 0
    with torch.no_grad():
        for row, n, scorer in zip(emissions, lengths, scorers):
            row = row[:n]
            best = viterbi_decode(row[None], torch.ones(1, n, dtype=torch.bool), crf, masks)[0]
            log_z = _log_partition(row, crf, masks)
            weights = ({p: math.exp(float(_score(p, row, crf, masks))) for p in itertools.product(range(len(LABELS)), repeat=n)}
                       if n <= 5 else {})
            for begin in range(n):
                for end in range(begin, n):
                    got = scorer.probability(best, begin, end)
                    fixed = {i: best[i] for i in range(begin, end + 1)}
                    assert math.isclose(got, math.exp(_log_partition(row, crf, masks, fixed) - log_z), rel_tol=1e-6)
                    if weights:
                        share = sum(w for p, w in weights.items() if list(p[begin:end + 1]) == best[begin:end + 1])
                        assert math.isclose(got, share / sum(weights.values()), rel_tol=1e-6)
                    checked += 1
    assert checked == sum(n * (n + 1) // 2 for n in lengths)


def test_constrained_paths_are_valid_iobes():
    from hanlp.utils.span_util import iobes_tags_to_spans

    torch.manual_seed(1)
    crf = CRF(len(LABELS), batch_first=True)
    emissions = torch.randn(20, 7, len(LABELS)) * 5
    mask = torch.ones(20, 7, dtype=torch.bool)
    for path in viterbi_decode(emissions, mask, crf, transition_masks(LABELS)):
        iobes_tags_to_spans([LABELS[i] for i in path])  # raises on an invalid sequence


def test_tolerant_spans_repairs_ill_formed_sequences():
    assert tolerant_spans(["B-PER", "E-PER", "S-LOC"]) == [("PER", (0, 1)), ("LOC", (2, 2))]
    assert tolerant_spans(["I-PER", "E-PER", "O", "B-LOC", "O"]) == [("PER", (0, 1)), ("LOC", (3, 3))]


def test_finetuning_keeps_the_loaded_vocabularies_and_weights():
    import hanlp

    from kg.nlp.model_dir import shipped_model_dir

    tagger = hanlp.load(str(shipped_model_dir()), verbose=False)
    sizes = {name: len(vocab) for name, vocab in tagger.vocabs.items()}
    loaded = tagger.model
    tagger.config.finetune = str(shipped_model_dir())
    tagger.vocabs.unlock()  # what HanLP's fit does before building the data
    tagger.build_vocabs(dataset=None, logger=None)
    assert {name: len(vocab) for name, vocab in tagger.vocabs.items()} == sizes
    assert not tagger.vocabs.mutable
    assert tagger.build_model(**tagger.config, training=True) is loaded
