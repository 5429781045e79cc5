"""kg.nlp.bigram_embedding: character normalization, bigram fields, embedding shapes."""

from __future__ import annotations

import torch

from kg.nlp.bigram_embedding import AddBigrams, CharBigramEmbedding, boundary_bigrams, normalize_char


def test_full_width_ascii_becomes_half_width():
    assert "".join(normalize_char(c) for c in "ＡＢＣ１２３，中　") == "ABC123,中 "


def test_boundary_bigrams_surround_every_character():
    assert boundary_bigrams(list("北京")) == ["<s>北", "北京", "京</s>"]
    assert boundary_bigrams([]) == ["<s></s>"]


def test_transform_normalizes_and_adds_bigrams():
    sample = AddBigrams("token")({"token": list("１号")})
    assert sample["token"] == ["1", "号"]
    assert sample["bigram"] == ["<s>1", "1号", "号</s>"]


def test_module_concatenates_char_and_both_bigrams():
    from hanlp.common.transform import VocabDict
    from hanlp.common.vocab import Vocab

    vocabs = VocabDict(token=Vocab(), bigram=Vocab())
    for c in "北京上海":
        vocabs["token"].add(c)
    vocabs["bigram"].add("北京")
    module = CharBigramEmbedding("token", char_dim=8, bigram_dim=3).module(vocabs=vocabs)
    assert module.embedding_dim == 8 + 2 * 3
    batch = {"token_id": torch.tensor([[2, 3], [4, 0]]), "bigram_id": torch.tensor([[1, 2, 1], [1, 1, 0]])}
    out = module(batch)
    assert out.shape == (2, 2, 14)
    # character 0's right bigram is character 1's left bigram
    assert torch.equal(out[0, 0, 11:], out[0, 1, 8:11])
