"""Mention recognition: the model's spans combined with the domain layer.

``recognize(article)`` fills ``article.mentions`` (sorted by offset) in
these steps, each in its own module:

1. places: gazetteer hits kept as places, and towns (kg.recognize.place_mentions);
2. persons: title-context, list and byline names (kg.recognize.persons);
3. organizations: structural names, news outlets of source lines and
   datelines (kg.recognize.media), ministries (kg.recognize.orgs), short
   company names (kg.recognize.short_companies) and parks (kg.recognize.parks);
4. the places the text is about (kg.context.place_context), which resolve
   bare level bodies: 市委 / 省发改委 -> 甲市委 (kg.recognize.bare_bodies);
5. members of organization lists (华锐、海通等企业: kg.recognize.org_lists);
   abbreviations leading an org name or standing before a title
   (kg.recognize.short_forms);
6. the model's spans that pass validation (kg.recognize.model_combination);
7. a name right after an organization (甲大学张三团队);
8. overlaps resolved longest-first, rule spans before model spans
   (kg.recognize.candidates);
9. mentions derived from the chosen ones: canonical park names, nested
   places (甲市 in 甲市委), chain and coordinated bodies (甲市委、市政府 ->
   甲市政府, kg.recognize.body_chains), repeats and variants of the names
   found (kg.recognize.repeats), abbreviations written alone or leading
   another organization's name (北航 in 北航泉州创新研究院), and the fullest
   written form of each place;
10. organization names a trained verifier reads as phrases are dropped
   (践行大学 of 践行大学精神: kg.recognize.org_verifier), and person names
   another one reads as words (项目 of 项目负责人: kg.recognize.person_verifier).

Sources in ``Mention.source``: gazetteer, town-rule, title-context, list,
byline, org-rule, media, org-list, ministry, short-company, park-rule, generic-body,
abbreviation, model, org-context, chain, coordination, repeat, variant.
"""

from __future__ import annotations

from kg.doc import Article, Mention
from kg.lexicons import gazetteer as G
from kg.lexicons.load import words
from kg.recognize import model_spans as MS
from kg.lexicons import org_lexicon as LX
from kg.recognize import orgs as O
from kg.recognize import parks as PK
from kg.recognize import persons as P
from kg.recognize import short_companies as SC
from kg.recognize.media import find_outlets
from kg.recognize.org_lists import find_listed_orgs
from kg.recognize.org_verifier import verify
from kg.recognize import person_verifier
from kg.recognize.bare_bodies import bare_body_in, canonical_park_names, generic_bodies, region_bodies
from kg.recognize.body_chains import chain_bodies, coordination
from kg.recognize.candidates import RULE_RANK, Candidate, resolve_overlaps
from kg.recognize.destinations import find_destinations
from kg.recognize.model_combination import add_model_spans, model_spans_of
from kg.context.place_context import PlaceContext, outside_companies, stationed_starts, trip_view, venue_starts, writer_of
from kg.recognize.place_mentions import (
    find_towns,
    keep_place,
    names_a_thing_after,
    nested_places,
    nested_towns,
    place_canonicals,
    place_subtype,
)
from kg.recognize.repeats import repeats_and_variants
from kg.recognize.short_forms import (
    abbreviation_prefixes,
    abbreviations_before_titles,
    bare_abbreviations,
    prefixes_in_chosen,
)


def recognize(article: Article) -> None:
    """Fill ``article.mentions`` from the normalized text and any model spans."""
    text = article.text or ""
    article.mentions = []
    if not text:
        return
    cands: list[Candidate] = []

    def add(m: Mention) -> None:
        cands.append(Candidate(m, RULE_RANK.get(m.source, 1)))

    place_hits = _places(text, add)
    places_at = {s: e for s, e, _ in place_hits}

    model = [sp for sp in model_spans_of(article) if 0 <= sp.start < sp.end <= len(text)]
    model_person_names = {sp.text for sp in model if sp.type == "Person" and MS.person_form(sp.text)}

    model_ends = {sp.start: sp.end for sp in model if sp.type in ("Person", "Organization")}
    model_persons = {sp.start for sp in model if sp.type == "Person"}
    person_ms = P.find_persons(text, model_person_names, model_ends, model_persons)
    for m in person_ms:
        add(m)

    # the model's organizations hide the places inside them from the place context (德阳市 of
    # 德阳市外来投资企业协会 is no talk about 德阳市), a news medium's excepted: 深圳特区报 and
    # 深圳新闻网 tell the writer's city (data/relation_media_suffixes.tsv, org_media_outlets.tsv)
    media = tuple(words("relation_media_suffixes")) + tuple(words("org_media_outlets", "suffix"))
    # nor a delegation's name (西藏自治区代表团: data/trigger_delegation_words.tsv, scope group)
    delegations = tuple(words("trigger_delegation_words", "group"))
    model_orgs = [(sp.start, sp.end) for sp in (MS.trim(sp, text) for sp in model)
                  if sp.type == "Organization" and not sp.text.endswith(media + delegations)]
    # towns the model found (吴店镇: the gazetteer has none) anchor the bodies named after them (吴店镇政府);
    # a town's form as kg.recognize.model_spans.town_core reads it (not 本乡, 我镇, 在吴店镇)
    towns = [(sp.start, sp.end) for sp in model if sp.type == "Place" and MS.town_core(sp.text) and not MS.has_stop(sp.text)]
    ctx = _organizations(article, place_hits, {m.end for m in person_ms}, cands, add, model_orgs, towns)
    for m in generic_bodies(article, set(places_at.values()), ctx):
        add(m)
    for m in region_bodies(article, ctx):
        add(m)  # 特区政府 in a text about 香港特别行政区: 香港特区政府
    prefixes = abbreviation_prefixes(text, cands)  # 北航泉州创新研究院 starts at 北航
    for m in abbreviations_before_titles(text, cands):  # 成大校长X, 中油总经理Y
        add(m)
    for m in find_listed_orgs(text, [c.m for c in cands], [(sp.start, sp.end) for sp in model if sp.type == "Person"]):
        add(m)  # 走访了华锐、海通、明泰等企业
    add_model_spans(text, model, cands, place_hits)
    _names_after_orgs(text, cands, model_person_names, add)
    for m in find_destinations(text, [(c.m.start, c.m.end, c.m.type) for c in cands]):
        add(m)  # 考察了包钢白云鄂博矿区: a trained reading of what a visit verb is followed by

    chosen = canonical_park_names(article, resolve_overlaps(cands), ctx)
    mentions = [c.m for c in chosen]
    mentions.extend(_nested_parks(mentions, [c.m for c in cands if c.m.source == "park-rule"]))
    mentions.extend(nested_places(mentions, place_hits, text))
    mentions.extend(nested_towns(mentions))
    mentions.extend(prefixes_in_chosen(prefixes, mentions))  # 北航 in it: an alias of 北京航空航天大学
    mentions.extend(chain_bodies(article, mentions, ctx))
    mentions.extend(coordination(text, mentions))
    mentions = repeats_and_variants(text, mentions)
    mentions.extend(bare_abbreviations(text, mentions))
    place_canonicals(mentions)
    mentions = verify(article, mentions)  # phrases that end like a name: a trained last reading
    mentions = person_verifier.verify(article, mentions)  # words read as a name (项目 of 项目负责人): the same
    mentions.sort(key=lambda m: (m.start, -m.end))
    article.mentions = mentions


def _places(text: str, add) -> list:
    """Gazetteer places and towns; returns the kept gazetteer hits."""
    in_text: dict[str, bool] = {}
    all_hits = _prefecture_forms(text, G.find_places(text))
    hit_ends = frozenset(e for _, e, _ in all_hits)
    place_hits = [h for h in all_hits if keep_place(text, h, in_text, hit_ends)]
    for s, e, p in place_hits:
        if not names_a_thing_after(text, e):
            add(Mention(s, e, text[s:e], "Place", place_subtype(p), "gazetteer", p.name, p.code))
    for m in find_towns(text, place_hits):
        add(m)
    return place_hits


def _nested_parks(chosen: list[Mention], parks: list[Mention]) -> list[Mention]:
    """A park or zone that starts the name of a body that is no company
    (甲合作区管委会, 甲保税港区管委会) is a place of its own there (D24: the body
    is located in it); the overlap resolution kept only the longer name. A
    company named after a park (甲产业园发展有限公司) is located in the place
    the park is named after, not in the park."""
    spans = {(m.start, m.end) for m in chosen}
    org_ends = {}
    for m in chosen:
        if m.type == "Organization" and not m.generic and m.subtype != "Company":
            org_ends[m.start] = max(org_ends.get(m.start, 0), m.end)
    out, seen = [], set()
    for p in parks:
        if (p.start, p.end) in spans or (p.start, p.end) in seen or not p.end < org_ends.get(p.start, 0):
            continue
        seen.add((p.start, p.end))
        out.append(p)
    return out


def _prefecture_forms(text: str, hits: list) -> list:
    """A short form followed by the last character of its ending (甘孜 + 州 for
    甘孜藏族自治州, data/place_m_prefecture_forms.tsv) is one hit: 甘孜州;
    not where another place follows (a chain that names a county's body)."""
    ends = words("place_m_prefecture_forms")
    starts = {s for s, _, _ in hits}
    out = []
    for s, e, p in hits:
        end = next((x for x in ends if p.name.endswith(x)), None)
        if end is not None and text[s:e] == p.short and text[e:e + 1] == end[-1] and e + 1 not in starts:
            e += 1  # not before another place (甘孜州乡城县委: the body is the county's)
        out.append((s, e, p))
    return out


def _organizations(article: Article, place_hits, person_ends: set[int], cands: list[Candidate], add,
                   model_orgs: list[tuple[int, int]] = (), towns: list[tuple[int, int]] = ()) -> PlaceContext:
    """Structural org names, ministries, offices kept elsewhere, short companies and
    parks; returns the place context they leave (places not inside a company name
    nor inside one of ``model_orgs``, the NER model's organization spans; parks)."""
    text = article.text
    places_at = {s: e for s, e, _ in place_hits}
    place_spans = [(s, e) for s, e, _ in place_hits]
    org_found = O.find_structural_orgs(text, blocked_ends=person_ends, places=place_spans + list(towns))
    for o in org_found:
        s = _strip_leading_level(text, o.start, o.end, places_at)
        name = text[s:o.end]
        if name in LX.GENERIC_ORGS or len(name) < 3:
            continue
        g = O.generic_body(name, 0)
        if g is not None and g[0] == len(name):
            continue  # 区文旅局 / 省发改委: a generic body, resolved by kg.recognize.bare_bodies
        add(Mention(s, o.end, name, "Organization", o.subtype, "org-rule"))
    for m in find_outlets(text):
        add(m)  # 来源：临海新闻网, 临海新闻网讯
    ministries = O.find_ministries(text)
    for o in ministries:
        add(Mention(o.start, o.end, o.text, "Organization", LX.org_subtype(o.text), "ministry"))
    owners = {e: (s, None) for s, e, _ in place_hits}
    owners.update({o.end: (o.start, o.subtype) for o in [*org_found, *ministries]})
    for o in O.find_stationed_offices(text, owners, {s: e for s, e, _ in place_hits}):
        add(Mention(o.start, o.end, o.text, "Organization", o.subtype, "org-rule"))  # 甲市政府驻上海办事处
    full_names = [o.text for o in org_found if o.subtype == "Company"]
    for o in SC.find_short_companies(text, place_spans, full_names):
        add(Mention(o.start, o.end, o.text, "Organization", "Company", "short-company"))
    parks = PK.find_parks(text, place_spans)
    for o in parks:
        add(Mention(o.start, o.end, o.text, "Place", "Park", "park-rule"))
    org_spans = [(o.start, o.end) for o in org_found] + [(c.m.start, c.m.end) for c in cands
                                                         if c.m.source == "short-company"] + list(model_orgs)
    talked_of = outside_companies(text, place_hits, org_spans)
    place_ends = {e for _, e, _ in place_hits}
    trips = trip_view(article, talked_of, lambda lo, hi: bare_body_in(text, lo, hi, place_ends))
    writer = writer_of(text, article.meta.publisher if article.meta else None, place_hits)
    return PlaceContext(talked_of, [o.text for o in parks], trips, stationed_starts(text, talked_of), writer,
                        venue_starts(text, talked_of))


def _strip_leading_level(text: str, s: int, e: int, places_at: dict[int, int]) -> int:
    """An org name that starts with a bare level character (市瀚星房地产...) not
    belonging to a place: drop that character, unless it begins a word that names
    no level (市政公用集团: data/org_level_words.tsv)."""
    if e - s > 3 and text[s] in LX.LEVEL_CHARS and s not in places_at and not text.startswith(words("org_level_words"), s):
        if O.generic_body(text, s) is None:
            return s + 1
    return s


def _names_after_orgs(text: str, cands: list[Candidate], model_person_names: set[str], add) -> None:
    """A name right after an organization, clearly ended (浙江大学叶志镇团队, X有限公司杨大均等)."""
    for c in list(cands):
        m = c.m
        if m.type == "Organization" and m.source in ("org-rule", "ministry"):
            nm = P.name_at(text, m.end, model_person_names)
            if nm and P.right_boundary(text, m.end + len(nm)) == 2 and not O.title_like(text, m.end):
                add(Mention(m.end, m.end + len(nm), nm, "Person", None, "org-context"))
