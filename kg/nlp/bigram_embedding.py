"""A HanLP embedding that concatenates character and character-bigram vectors.

Character bigrams are the cheap, well-known win for Chinese NER without
pretraining. For a sentence of ``n`` characters the transform adds a field
``bigram`` of ``n + 1`` *boundary* bigrams (``<s>c0``, ``c0c1``, ...,
``c(n-1)</s>``); character ``i`` gets its left bigram ``bigram[i]`` and its
right bigram ``bigram[i + 1]``. Characters are normalized first (full-width
ASCII -> half-width) so that MSRA's 1998 full-width digits and modern text
share vectors.

The bigram vocabulary is built (and pruned by frequency) by
:class:`kg.nlp.ner_model.BigramNerTagger`; this module only looks it up.
"""

from __future__ import annotations

from typing import Callable, Optional

import torch
from hanlp.layers.embeddings.embedding import Embedding, EmbeddingDim
from hanlp_common.configurable import AutoConfigurable
from torch import nn

BOS = "<s>"
EOS = "</s>"
BIGRAM_FIELD = "bigram"


def normalize_char(ch: str) -> str:
    """Full-width ASCII and the ideographic space map to their half-width forms."""
    code = ord(ch)
    if 0xFF01 <= code <= 0xFF5E:
        return chr(code - 0xFEE0)
    if code == 0x3000:
        return " "
    return ch


def boundary_bigrams(chars: list[str]) -> list[str]:
    """``n + 1`` bigrams around ``n`` characters, padded with BOS/EOS."""
    padded = [BOS, *chars, EOS]
    return [a + b for a, b in zip(padded, padded[1:])]


class AddBigrams:
    """HanLP transform: normalizes the token field and adds the bigram field."""

    def __init__(self, field: str) -> None:
        self.field = field

    def __call__(self, sample: dict) -> dict:
        chars = sample.get(self.field)
        if chars is not None:
            chars = [normalize_char(c) for c in chars]
            sample[self.field] = chars
            sample[BIGRAM_FIELD] = boundary_bigrams(chars)
        return sample

    def __eq__(self, other: object) -> bool:
        return isinstance(other, AddBigrams) and other.field == self.field

    def __hash__(self) -> int:
        return hash((AddBigrams, self.field))


class CharBigramEmbeddingModule(nn.Module, EmbeddingDim):
    """char vector ++ left-bigram vector ++ right-bigram vector for every character."""

    def __init__(self, field: str, n_chars: int, char_dim: int, n_bigrams: int, bigram_dim: int) -> None:
        super().__init__()
        self.field = field
        self.char = nn.Embedding(n_chars, char_dim)
        self.bigram = nn.Embedding(n_bigrams, bigram_dim)

    @property
    def embedding_dim(self) -> int:
        return self.char.embedding_dim + 2 * self.bigram.embedding_dim

    def forward(self, batch: dict, mask: torch.Tensor | None = None, **kwargs) -> torch.Tensor:
        chars = batch[f"{self.field}_id"]
        bigrams = self.bigram(batch[f"{BIGRAM_FIELD}_id"])
        n = chars.size(1)
        # the bigram row has one more column than the char row; pad if the batch is ragged
        if bigrams.size(1) < n + 1:
            bigrams = nn.functional.pad(bigrams, (0, 0, 0, n + 1 - bigrams.size(1)))
        return torch.cat([self.char(chars), bigrams[:, :n], bigrams[:, 1 : n + 1]], dim=-1)


class CharBigramEmbedding(Embedding, AutoConfigurable):
    """HanLP embedding builder (saved in the model's config.json, rebuilt by hanlp.load)."""

    def __init__(self, field: str = "token", char_dim: int = 100, bigram_dim: int = 50, bigram_min_freq: int = 5) -> None:
        super().__init__()
        self.field = field
        self.char_dim = char_dim
        self.bigram_dim = bigram_dim
        self.bigram_min_freq = bigram_min_freq

    def transform(self, **kwargs) -> Optional[Callable]:
        return AddBigrams(self.field)

    def module(self, vocabs=None, **kwargs) -> Optional[nn.Module]:
        return CharBigramEmbeddingModule(
            self.field, len(vocabs[self.field]), self.char_dim, len(vocabs[BIGRAM_FIELD]), self.bigram_dim
        )
