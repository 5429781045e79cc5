"""Reading: files, folders and stdin -> Article (raw text) or ReadError.

Entry point: :func:`kg.reading.reader.read_inputs`. Encodings are detected
(:mod:`kg.reading.encoding`), HTML pages reduced to their main text
(:mod:`kg.reading.html`); for an HTML page ``Article.raw`` is that extracted
text (title line first, one paragraph per line).
"""
