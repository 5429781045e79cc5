"""Entity resolution across articles: ``kg.resolve.resolver.resolve(articles) -> Corpus``.

One real-world entity is one node. Modules, one job each:

- ``records``   flatten every Article's LocalEntities into records (match forms)
- ``names``     matching keys: Simplified, ASCII brackets, abbreviations (中科院 = 中国科学院),
                legal / administrative suffixes, generic names (市委, 高新区)
- ``tables``    the small word lists those use (no article-specific names)
- ``lexicon``   known prefixes (corpus places, contexts, provinces, parent bodies)
- ``unionfind`` union-find with cannot-link tags (administrative codes)
- ``bodies``    organizations and places: codes, names, scoped generic names,
                unambiguous short forms
- ``persons``   people: same name plus linking evidence (six rules, see that module)
- ``labels``    canonical label (fullest Simplified form), aliases, unique keys
- ``resolver``  the entry point

Everything is keyed (blocking), so the cost grows with the number of local
entities, never with pairs (``benchmarks/bench_resolve.py``).
"""
