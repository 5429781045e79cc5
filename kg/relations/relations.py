"""Relation and event extraction: the pipeline stage after coreference. Read this first.

:func:`extract_relations` fills ``article.positions``, ``article.events``,
``article.agreements`` and ``article.relations``. Every shortcut triple it
writes is backed by what states it: visited / metWith / accompanied by a
Visit or Meeting event, affiliatedWith by a position, partOf / locatedIn by
the sentence (or the name) that says it.

Example: ``平顶山市委书记陈向平一行来到甲公司，与董事长李四座谈。`` ->
Position(陈向平, 市委书记, 平顶山市委) and affiliatedWith; a Visit event
(陈向平 -> 甲公司) and visited; a Meeting event and metWith(陈向平, 李四).

The stages, in the order they run (each module's docstring has the details):

1. Resolve what the text leaves implicit (these add mentions, no relations):
   - kg.context.structure.implied_zones: a zone named only inside its body's
     name (甲高新区管委会) becomes the place in focus for 管委会;
   - kg.context.generics.resolve_generic_references: 集团, 我所, 我市 and
     市委 / 市政府 (via kg.context.focus) become mentions of the entity meant;
   - kg.context.paired_bodies: 两地X names X of both places of a trip
     (kg.context.trips finds the trip).
2. Positions: kg.relations.positions reads title chains around names
   (市委书记陈向平) -> positions -> affiliatedWith; then
   kg.context.generics.resolve_titled_surnames resolves 王市长 using them.
3. Events: kg.relations.events reads visits, meetings and delegations clause by
   clause (state in kg.context.discourse; kg.relations.companions,
   kg.relations.meetings, kg.recognize.abbreviations, kg.relations.srl help) ->
   :func:`event_relations`: visited, metWith, accompanied.
4. Agreements: kg.agreements.agreements (sides in kg.agreements.agreement_sides,
   names in kg.agreements.agreement_names, witnesses in kg.agreements.witnesses)
   -> agreements, each with a Signing event.
5. Structure: kg.context.structure -> partOf and locatedIn.
6. Dates: :func:`_attach_dates` gives events and agreements their date.

Shared tools: kg.context.clauses (TextView: refs and clauses of the text),
kg.lexicons.triggers (every trigger word list).
"""

from __future__ import annotations

from kg.doc import Article, Relation
from kg.context.clauses import TextView


def resolve_references(article: Article) -> None:
    """Stage *references*: what the text leaves implicit becomes mentions of
    the entity meant (a zone named only in its body's name, 集团 / 我市 / 市委,
    两地X)."""
    from kg.context.generics import resolve_generic_references
    from kg.context.paired_bodies import resolve_paired_bodies
    from kg.context.structure import implied_zones

    if not article.text or not article.sentences:
        return
    implied_zones(article)  # first: a zone named only in its body's name is in focus for 管委会
    resolve_generic_references(article)
    resolve_paired_bodies(article)


def positions_stage(article: Article) -> None:
    """Stage *positions*: title chains -> positions -> affiliatedWith; then
    titled surnames (王市长) resolved with them."""
    from kg.context.generics import resolve_titled_surnames
    from kg.context.places import place_infos
    from kg.relations.positions import affiliations, drop_bare_repeats, extract_positions
    from kg.relations.post_bodies import choose_bodies

    if not article.text or not article.sentences:
        return
    view = TextView(article)
    choose_bodies(article, view, extract_positions(article, view))
    drop_bare_repeats(article)
    infos = place_infos(article)
    for person, org, pos in affiliations(article, infos):
        _add(article, Relation("affiliatedWith", person, org, article.positions[pos].sentence,
                               article.positions[pos].evidence, position=pos), f"position: {article.positions[pos].title}")
    resolve_titled_surnames(article)


def events_stage(article: Article) -> None:
    """Stage *events*: visits and meetings clause by clause -> visited, metWith, accompanied."""
    from kg.relations.events import extract_events

    if not article.text or not article.sentences:
        return
    extract_events(article, TextView(article))
    for rel in event_relations(article):
        _add(article, rel, f"event: {article.events[rel.event].kind}" if rel.event is not None else "event")


def agreements_stage(article: Article) -> None:
    """Stage *agreements*: signed documents, their parties and witnesses, each with a Signing event."""
    from kg.agreements.agreements import extract_agreements

    if not article.text or not article.sentences:
        return
    extract_agreements(article, TextView(article))
    from kg.decisions import record

    for agreement in article.agreements:
        for party in agreement.parties:
            record(article, "party", party, agreement.name, agreement.sentence, (f"agreement: {agreement.name}",), "kept",
                   "a signing party named by the sentence")
        for witness in agreement.witnesses:
            record(article, "witnessed", witness, agreement.name, agreement.sentence, (f"agreement: {agreement.name}",), "kept",
                   "named as witnessing (见证)")


def structure_stage(article: Article) -> None:
    """Stage *structure*: partOf and locatedIn from names and sentences; then dates."""
    from kg.context.places import place_infos
    from kg.context.structure import structure_relations

    if not article.text or not article.sentences:
        return
    for rel in structure_relations(article, TextView(article), place_infos(article)):
        _add(article, rel, "structure: name or sentence")
    _attach_dates(article)


#: the relation stages, in order (kg.stages declares what each reads and writes)
RELATION_STAGES = (resolve_references, positions_stage, events_stage, agreements_stage, structure_stage)


def extract_relations(article: Article) -> None:
    """Run the relation stages of the module docstring on a resolved article, in place."""
    for stage in RELATION_STAGES:
        stage(article)


def event_relations(article: Article) -> list[Relation]:
    """visited, metWith and accompanied triples, each backed by its event:
    Visit agents visited its targets, its companions accompanied its agents;
    Meeting agents metWith its targets when both are people (a pair once, in
    the order first told); a Meeting's companions accompany its first agent
    and meet its targets."""
    out: list[Relation] = []
    met: set[tuple[int, int]] = set()  # metWith pairs told so far (either order)
    for i, e in enumerate(article.events):
        if e.kind == "Visit":
            for a in e.agents:
                for t in e.targets:
                    out.append(Relation("visited", a, t, e.sentence, e.evidence, event=i))
                for c in e.companions:
                    out.append(Relation("accompanied", c, a, e.sentence, e.evidence, event=i))
        elif e.kind == "Meeting":
            people = [x for x in e.agents + e.targets if article.entities[x].type == "Person"]
            for a in e.agents:
                for t in e.targets:
                    if a in people and t in people and (t, a) not in met:
                        out.append(Relation("metWith", a, t, e.sentence, e.evidence, event=i))
                        met.add((a, t))
            # participants on the agents' side (kg.relations.participants): they
            # accompany the side's leader and meet the other side
            for c in e.companions:
                if e.agents:
                    out.append(Relation("accompanied", c, e.agents[0], e.sentence, e.evidence, event=i))
                for t in e.targets:
                    if t in people and (c, t) not in met:
                        out.append(Relation("metWith", t, c, e.sentence, e.evidence, event=i))
                        met.add((t, c))
    return out


def _add(article: Article, rel: Relation, signal: str = "") -> None:
    """Append ``rel`` unless it is reflexive or its (kind, subject, object) is
    already there; record the decision either way (kg explain)."""
    from kg.decisions import record

    if rel.subject == rel.object:
        record(article, rel.kind, rel.subject, rel.object, rel.sentence, (signal,), "rejected",
               "an entity related to itself")
        return
    for r in article.relations:
        if (r.kind, r.subject, r.object) == (rel.kind, rel.subject, rel.object):
            return
    article.relations.append(rel)
    record(article, rel.kind, rel.subject, rel.object, rel.sentence, (signal,), "kept",
           "backed by " + ("its event" if rel.event is not None else "its position" if rel.position is not None
                           else "the sentence or the name"))


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
