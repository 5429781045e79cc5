"""The pipeline: one Article flows through every stage, each enriching it.

    read -> normalize -> NLP backend -> recognize mentions -> coreference
         -> extract relations/events -> resolve across articles -> RDF -> exports
"""

from __future__ import annotations

from kg.doc import Article
from kg.nlp.base import NlpBackend


def analyze_article(article: Article, backend: NlpBackend | None) -> Article:
    """Run every per-article stage on an Article that has its raw text."""
    from kg.extract.coref import cluster_entities
    from kg.extract.mentions import recognize
    from kg.extract.relations import extract_relations
    from kg.normalize.pipeline import normalize

    normalize(article)
    if backend is not None and article.sentences:
        for sentence, analysis in zip(article.sentences, backend.analyze(article.sentences)):
            sentence.analysis = analysis
    recognize(article)
    cluster_entities(article)
    extract_relations(article)
    return article
