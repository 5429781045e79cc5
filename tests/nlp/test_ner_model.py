"""kg.nlp.ner_model: constrained, batch-first Viterbi decoding and span repair."""

from __future__ import annotations

import itertools

import torch
from hanlp.layers.crf.crf import CRF

from kg.nlp.ner_model import tolerant_spans, transition_masks, viterbi_decode

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
