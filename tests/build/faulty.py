"""Per-article analyses that fail, for the build tests (imported by worker processes)."""

from __future__ import annotations

import os

from kg.pipeline import analyze_article


def raises_on_second(article, backend, seconds=None):
    """Fails on the article whose file name starts with 001_."""
    if article.source.startswith("001_"):
        raise ValueError("simulated failure")
    return analyze_article(article, backend, seconds)


def dies_on_second(article, backend, seconds=None):
    """Kills its worker process on the article whose file name starts with 001_."""
    if article.source.startswith("001_"):
        os._exit(17)
    return analyze_article(article, backend, seconds)
