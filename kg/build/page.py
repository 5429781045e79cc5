"""graph.html from the articles' cached page blocks: one job, run where a core is free.

The render phase leaves each article's page block in the cache
(``OUT/cache/page/<key>.pkl``: the statements the page reads and the evidence
they give, :mod:`kg.export.page_graph`). :func:`write_page` reads them in
article order after the ontology's and the entities' own statements
(:class:`PageJob`), removes the entity statements the build dropped, and writes
graph.html: the same page the building process made from the same statements
when it held the page graph itself. With a local pool of several workers the
build runs the job in one of them while it writes graph.ttl (the workers are
idle once the articles are rendered), else in the building process.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class PageJob:
    """What :func:`write_page` needs: where the blocks are and what comes before and after them."""

    cache: object  #: kg.build.cache.Cache (staged blocks first, then the published ones)
    keys: list[str]  #: the articles' render keys, in article order
    #: the page statements of the ontology and of the entities' own statements (plain, in order)
    preamble: list[tuple]
    out: Path  #: graph.html to write
    communities: Path  #: the communities kept between builds (kg.analytics.communities)
    #: the entities' own statements the build dropped (plain), removed after the articles'
    dropped: list[tuple] = field(default_factory=list)


def page_statements(triples) -> list[tuple]:
    """The plain statements of ``triples`` the page reads once the evidence is found
    (:func:`kg.analytics.page_reads`), in their order."""
    from kg.analytics import page_reads

    return [t for t in triples if page_reads(t)]


def encode_block(statements: list[tuple]) -> bytes:
    """An article's page block from its statements (plain, :mod:`kg.export.page_graph`):
    those the page reads, and the evidence all of them give its entities."""
    from kg.analytics import article_evidence
    from kg.export.page_graph import encode_page

    return encode_page(page_statements(statements), article_evidence(statements))


def page_block(cache, key: str) -> tuple[list[tuple], dict]:
    """The page statements and evidence of the article rendered under ``key``: its cached
    page block, or (missing, damaged, of an older format) made again from its cached
    rendered block and cached for the next time."""
    from kg.export.page_graph import decode_page, plain_triples

    found = cache.get_page(key)
    if found is not None:
        return found
    rendered = cache.get_rdf(key)
    if rendered is None:
        raise LookupError(f"the rendered block {key} is missing from the cache")
    block = encode_block(plain_triples(rendered.triples))
    cache.put_page(key, block)
    return decode_page(block)


def write_page(job: PageJob) -> float:
    """Write graph.html for ``job`` (atomically); the seconds it took. The garbage
    collector runs less often meanwhile, as in the building process (the page graph is
    many objects: :func:`kg.build.process.fewer_collections`)."""
    from kg.build.process import fewer_collections

    with fewer_collections():
        return _write_page(job)


def _write_page(job: PageJob) -> float:
    import kg.export.html as html
    from kg.export.page_graph import PageGraph

    t0 = time.perf_counter()
    page = PageGraph()
    page.add_all(job.preamble)
    evidence = []
    for key in job.keys:
        statements, shares = page_block(job.cache, key)
        page.add_all(statements)
        evidence.append(shares)
    for t in job.dropped:
        page.remove(*t)
    html.write_html(page, job.out, communities_cache=job.communities, evidence=evidence)
    return time.perf_counter() - t0


def preamble(entity_statements: list) -> list[tuple]:
    """The page statements the articles' follow: the ontology's, then the entities' own
    (``entity_statements``, rdflib triples in the order the corpus mapper makes them)."""
    from kg.export.page_graph import plain_triples
    from kg.rdf.ontology import load_ontology

    return page_statements(plain_triples(load_ontology())) + page_statements(plain_triples(entity_statements))
