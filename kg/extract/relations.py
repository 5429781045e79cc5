"""Relation and event extraction: the pipeline stage after coreference.

:func:`extract_relations` fills ``article.positions``, ``article.events``,
``article.agreements`` and ``article.relations``. Every shortcut triple it
writes is backed by what states it: visited / metWith / accompanied by a
Visit or Meeting event, affiliatedWith by a position, partOf / locatedIn by
the sentence (or the name) that says it.

Order of the rules:

1. kg.extract.focus: generic words (集团, 我所, 市委 …) become mentions of
   the entity in focus, implied bodies (阳泉市委) are named;
   kg.extract.paired_bodies: 两地X names X of both places of a trip;
2. kg.extract.positions: title chains -> positions -> affiliatedWith;
3. kg.extract.events: delegations, visits, meetings, companions;
4. kg.extract.agreements: signings, parties, witnesses;
5. kg.extract.structure: partOf and locatedIn.
"""

from __future__ import annotations

from kg.doc import Article, Relation
from kg.extract.clauses import TextView


def extract_relations(article: Article) -> None:
    from kg.extract.agreements import extract_agreements
    from kg.extract.events import extract_events, event_relations
    from kg.extract.focus import place_infos
    from kg.extract.generics import resolve_generic_references, resolve_titled_surnames
    from kg.extract.paired_bodies import resolve_paired_bodies
    from kg.extract.positions import affiliations, extract_positions
    from kg.extract.structure import implied_zones, structure_relations

    if not article.text or not article.sentences:
        return
    implied_zones(article)  # first: a zone named only in its body's name is in focus for 管委会
    resolve_generic_references(article)
    resolve_paired_bodies(article)
    view = TextView(article)
    extract_positions(article, view)
    infos = place_infos(article)
    for person, org, pos in affiliations(article, infos):
        _add(article, Relation("affiliatedWith", person, org, article.positions[pos].sentence,
                               article.positions[pos].evidence, position=pos))
    resolve_titled_surnames(article)
    view = TextView(article)
    extract_events(article, view)
    for rel in event_relations(article):
        _add(article, rel)
    extract_agreements(article, view)
    for rel in structure_relations(article, view, infos):
        _add(article, rel)
    _attach_dates(article)


def _add(article: Article, rel: Relation) -> None:
    if rel.subject == rel.object:
        return
    for r in article.relations:
        if (r.kind, r.subject, r.object) == (rel.kind, rel.subject, rel.object):
            return
    article.relations.append(rel)


def _attach_dates(article: Article) -> None:
    """Event and agreement dates: a date written in their sentence, else the
    last one written before it (先后到… after 3月7日至8日, …). The whole text is
    parsed once, so a bare 6日上午 takes its month from an earlier 11月6日至9日."""
    from kg.normalize.dates import parse_dates

    found = parse_dates(article.text, article.meta.date)
    if not found:
        return
    for item in [*article.events, *article.agreements]:
        if item.date is not None or not article.sentences:
            continue
        sent = article.sentences[min(item.sentence, len(article.sentences) - 1)]
        inside = [d for start, _, d in found if sent.start <= start < sent.end]
        before = [d for start, _, d in found if start < sent.start]
        if inside:
            item.date = inside[0]
        elif before:
            item.date = before[-1]
