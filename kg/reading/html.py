"""Main text of an HTML page, paragraphs as lines (trafilatura)."""

from __future__ import annotations

import re


#: what a saved page may hold before its doctype: an XML declaration, comments
#: (a browser's <!-- saved from url=... -->), a byte-order mark, white space
_PROLOGUE = re.compile(r"(?:\s|\ufeff|<\?xml[^>]*\?>|<!--.*?-->)*", re.S)


def _after_prologue(text: str) -> str:
    """``text`` from its first tag after :data:`_PROLOGUE` (looked for in its first 4,000 characters)."""
    return text[_PROLOGUE.match(text[:4000]).end():]


def looks_like_html(text: str, strict: bool = False) -> bool:
    """Whether ``text`` is an HTML page: it opens with a doctype or ``<html`` (after a
    prologue of an XML declaration and comments), or (unless ``strict``: a file named
    .txt) has a ``<body`` near its start and a closing tag."""
    head = _after_prologue(text)[:500].lower()
    return head.startswith(("<!doctype html", "<html")) or (not strict and "<body" in head and "</" in text)


def extract_html_text(html: str) -> str:
    """The article text of a page: its title line, then one line per paragraph.

    trafilatura finds the main content; for pages too small for its
    heuristics its plain html-to-text conversion is the fallback. The page
    title is put first unless the text already starts with it (metadata
    such as the headline is read from the text later).
    """
    import trafilatura

    html = _after_prologue(html)  # lxml refuses a text with an XML declaration
    text = trafilatura.extract(
        html, favor_recall=True, include_comments=False, include_tables=True, deduplicate=False
    )
    if not text:
        text = trafilatura.html2txt(html) or ""
    title = None
    try:
        meta = trafilatura.extract_metadata(html)
        title = meta.title if meta is not None else None
    except Exception:  # metadata is a bonus; a page without it still has text
        title = None
    text = text.strip()
    if title and text and not text.startswith(title.strip()):
        text = title.strip() + "\n" + text
    return text
