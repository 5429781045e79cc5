"""Stage *recognize*: entity mentions in the normalized text: the NER model's
spans, person/organization/place rules, the gazetteer, short forms and
abbreviations, generic bodies (市委) resolved to their named body, merged into
one set of mentions; then coreference groups them into the article's
entities. Reads ``sentences`` (and the model's analysis); writes ``mentions``
and ``entities``."""
