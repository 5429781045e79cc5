"""Normalization: Article.raw -> clean Simplified text that remembers its origin.

Entry point: :func:`kg.normalize.pipeline.normalize`. What later stages can
rely on in ``Article.text``:

- Simplified Chinese (OpenCC t2s leaves it unchanged); ``meta.script`` says
  what the input was, ``meta.conversion`` which OpenCC configuration ran;
- one paragraph per line, no empty lines, no leading/trailing spaces;
- brackets are ASCII ``(`` ``)``; next to Chinese text the separators are
  full-width ``，；：？！`` (ASCII stays between digits/Latin: 1,000 09:17);
  quotes are “ ” ‘ ’; 【】《》 kept;
- headline, dateline (date + publisher), editor and reporter lines are kept
  as text (they name people and organizations); page chrome, spam, pinyin
  annotations and mojibake are gone;
- ``Article.offsets`` maps every character back to ``Article.raw``.

Event dates: :func:`kg.normalize.dates.parse_dates` (JioNLP, imported lazily).
"""
