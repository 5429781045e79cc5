"""Article.raw -> clean Simplified text, offset map, sentences, metadata.

Steps, each an edit of an :class:`OffsetText` so the map to the raw text
stays exact:

1. whitespace basics (line breaks, invisible characters, odd spaces);
2. garbage: pinyin annotations, mojibake (repaired from its pinyin when one
   character fits), ``????`` runs, U+FFFD;
3. Traditional -> Simplified with the OpenCC configuration chosen for the
   source (:mod:`kg.normalize.script`);
4. web chrome and spam lines/pieces (:mod:`kg.normalize.chrome`);
5. punctuation and whitespace in one form (:mod:`kg.normalize.punctuation`);
6. sentences and metadata read from the result.
"""

from __future__ import annotations

from kg.doc import Article, ArticleMeta
from kg.normalize.builder import OffsetText
from kg.normalize.chrome import remove_chrome
from kg.normalize.metadata import extract_metadata
from kg.normalize.mojibake import clean_garbage
from kg.normalize.punctuation import basic_whitespace, tidy_whitespace, unify_punctuation
from kg.normalize.script import convert, detect_script, keeps_for
from kg.normalize.sentences import split_sentences


def normalize_text(raw: str, errors: list[str]) -> tuple[OffsetText, str, str | None]:
    """The normalized text with its map, the detected script and the OpenCC config used."""
    doc = OffsetText.from_raw(raw)
    doc = basic_whitespace(doc)
    doc = clean_garbage(doc, errors)
    info = detect_script(doc.text)
    if info.config:
        doc = convert(doc, info.config, keeps_for(info.script))
    doc = remove_chrome(doc)
    doc = unify_punctuation(doc)
    doc = tidy_whitespace(doc)
    return doc, info.script, info.config


def normalize(article: Article) -> Article:
    errors = article.errors
    doc, script, config = normalize_text(article.raw, errors)
    article.text = doc.text
    article.offsets = doc.offset_map()
    article.sentences = split_sentences(doc.text)
    meta = extract_metadata(doc.text, ArticleMeta())
    meta.script = script
    meta.conversion = config
    article.meta = meta
    if not doc.text.strip():
        errors.append("no article text left after normalization")
    return article
