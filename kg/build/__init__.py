"""Building the graph at scale: ``kg build`` and ``kg add``.

A build has three phases; only the middle one sees the whole corpus, and only
through small views:

1. **analysis** (per article, in parallel): read -> :func:`kg.pipeline.analyze_article`
   in worker processes (:mod:`kg.build.engines`: in-process, a local process
   pool, or a Dask cluster). Each analysed Article becomes one record under
   ``OUT/cache/articles/`` (:mod:`kg.build.cache`), keyed by its content, its
   source name, the model version and the code version, so an unchanged
   article is never analysed twice.
2. **resolution** (whole corpus): :func:`kg.resolve.resolver.resolve` on slim
   views of the records (entities, positions, relations; no text, offsets,
   sentences or mentions).
3. **rendering** (per article, in parallel): each article's RDF, its Turtle
   block and its SHACL check (:mod:`kg.build.render`; a fast check in
   :mod:`kg.build.shacl`, pySHACL for the articles it rejects, whose statements
   that break a shape are then dropped by :mod:`kg.rdf.conform`, each logged and
   listed in report.json, so the graph always conforms), cached under
   ``OUT/cache/rdf/`` by the article and the resolved entities it refers to;
   then the Turtle file is assembled from the blocks (:mod:`kg.build.assemble`),
   graph.html is computed from the articles' plain statements (cached under
   ``OUT/cache/page/``, :mod:`kg.export.page_graph`), and ``OUT/store`` is
   loaded, or updated in place from the subjects that changed (:mod:`kg.store`).

:mod:`kg.build.run` ties them together for ``kg build``; :mod:`kg.build.incremental`
adds and removes articles of an existing build (``kg add``); :mod:`kg.build.report`
holds the build report. docs/performance.md has the measurements.
"""
