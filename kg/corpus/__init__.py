"""The annotated corpus of real articles (``corpus/`` at the repository root).

Layout::

    corpus/manifest.tsv          one row per article (id, url, script, damage, chars, split, round, story, origin)
    corpus/articles/ID.txt       the article text as published (cut to the article only)
    corpus/gold/ID.json          its gold annotation (annotation guide format, adjudicated)
    corpus/agreement/A/ID.json   first independent annotation of a double-annotated article
    corpus/agreement/B/ID.json   second independent annotation of the same article

Modules: :mod:`manifest` (the TSV), :mod:`add` (``kg corpus add``),
:mod:`check` (``kg corpus check``: the gold format and the manifest),
:mod:`stats` (``kg corpus stats``), :mod:`splits` (train/dev/test by story),
:mod:`agreement` (inter-annotator agreement with the project's scorer).
"""
