"""zhkg: knowledge graphs from Chinese news articles.

One typed ``Article`` (``kg.doc``) flows through the per-article stages
(``kg.stages`` declares what each reads and writes), then the corpus-wide ones:

- ``kg.reading``     files, folders, stdin -> Article (raw text) or ReadError
- ``kg.normalize``   Article.raw -> normalized Simplified text, offset map, sentences, metadata
- ``kg.nlp``         NLP backends (the offline HanLP model, pretrained HanLP) behind one Protocol
- ``kg.recognize``   entity mentions (model, rules, gazetteer) and coreference into entities
- ``kg.context``     discourse context computed once: places, trips, home and host sides
- ``kg.relations``   positions, visits, meetings, companions, partOf and locatedIn (the rules)
- ``kg.agreements``  signed documents, their parties and witnesses
- ``kg.scoring``     the trained relation model that decides the entity relations
- ``kg.resolve``     one node per real-world entity across articles
- ``kg.rdf``         the RDF graph (ontology in ontology/), SHACL validation and repair
- ``kg.build``       ``kg build`` / ``kg add``: workers, cache, rendering, incremental updates
- ``kg.export``      Turtle, graph.html, other formats; ``kg.store`` Oxigraph, ``kg.serve`` SPARQL
- ``kg.evaluation``  scoring against gold files; ``kg.corpus`` the annotated corpus
- ``kg.lexicons``    domain words (triggers, titles, suffixes) as data files with examples
"""

__version__ = "0.1.0"
