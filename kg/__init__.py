"""zhkg: knowledge graphs from Chinese news articles.

The pipeline, stage by stage (each a package):

- ``kg.reading``    files, folders, stdin -> Article (raw text) or ReadError
- ``kg.normalize``  Article.raw -> normalized Simplified text, offset map, sentences, metadata
- ``kg.nlp``        NLP backends (offline HanLP model, pretrained HanLP) behind one Protocol
- ``kg.extract``    entity mentions, coreference, positions, events, agreements, relations
- ``kg.resolve``    one node per real-world entity across articles
- ``kg.rdf``        the RDF graph (ontology in ontology/), SHACL validation
- ``kg.export``     Turtle, HTML, report; ``kg.analytics`` networkx projection
- ``kg.evaluation`` scoring against gold files
"""

__version__ = "0.1.0"
