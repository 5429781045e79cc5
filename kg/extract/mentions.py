"""Mention recognition: the model's spans combined with the domain layer.

``recognize(article)`` fills ``article.mentions`` (sorted by offset). Sources:

- ``gazetteer``: places (kg.extract.gazetteer), with division codes;
- ``org-rule`` / ``park-rule`` / ``short-company`` / ``ministry``: structural
  organization and park names (kg.extract.orgs);
- ``title-context`` / ``list`` / ``byline``: person names (kg.extract.persons);
- ``coordination``: 平顶山市委、市政府 -> 平顶山市政府;
- ``chain``: bodies named inside a title chain (高新区党工委副书记、管委会主任
  -> 高新区管委会);
- ``generic-body``: 市委 / 省发改委 / 区文旅局 without a place, resolved to the
  place the text is about (``generic=True``, ``canonical`` = full name);
- ``model``: the NLP model's spans (``sentence.analysis.entities``) that
  pass validation and do not clash with the rules;
- ``repeat`` / ``variant``: further occurrences of names already found and of
  the short forms of full company names.

Overlaps are resolved longest-first (rule spans before model spans), so the
fullest correct span wins. A full-form place at the start of an organization
name (昆山市 in 昆山市空景光子科技有限公司) is kept as a nested mention.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from kg.doc import Article, Mention
from kg.extract import gazetteer as G
from kg.extract import model_spans as MS
from kg.extract import orgs as O
from kg.extract import persons as P
from kg.extract import titles as T

_RULE_RANK = {
    "title-context": 6, "list": 6, "byline": 6, "org-context": 2, "org-rule": 5, "ministry": 5, "park-rule": 5,
    "coordination": 5, "chain": 4, "gazetteer": 4, "short-company": 3, "variant": 3, "repeat": 3,
    "model": 1, "generic-body": 0, "town-rule": 4, "abbreviation": 3,
}
_GENERIC_ORGS = {
    "集团", "公司", "本公司", "该公司", "研究所", "研究院", "大学", "学院", "政府", "市政府", "省政府", "区政府",
    "县政府", "市委", "省委", "区委", "县委", "管委会", "党工委", "实验室", "协会", "商会", "中心", "双方", "企业",
}
_INHERIT_WHOLE = ("统战部", "组织部", "宣传部")
_INHERIT_PREFIX = ("管委会", "工商联", "政协", "人大常委会", "党工委", "政府")
_BODY_TAILS = ("人大常委会", "人民政府", "党工委", "管委会", "政协", "政府", "委")
_LEVEL_OF_CHAR = {"省": ("Province",), "市": ("City", "District"), "区": ("District",), "县": ("District",), "州": ("City",),
                  "旗": ("District",)}


@dataclass
class _Cand:
    m: Mention
    rank: int

    @property
    def key(self):
        # rule spans first (longest first), then model and generic spans in the space left
        return (0 if self.rank >= 2 else 1, -(self.m.end - self.m.start), -self.rank, self.m.start)


#: place names never taken as entities on their own (the country in 科创中国, 中国科学院)
_NOT_ALONE = {"中国", "中华"}


#: district names that are also common words (矿区, 城区): a district only right after its city
_WORD_DISTRICTS = {"矿区", "城区", "郊区", "新城区", "老城区"}


def _keep_place(text: str, hit, in_text: dict[str, bool], ends: frozenset[int] = frozenset()) -> bool:
    """Filter gazetteer hits: the country itself, and two-character short
    forms of county-level places inside words (召开平 -> 开平) unless the
    article also gives the full form or the short form stands after a boundary."""
    s, e, p = hit
    form = text[s:e]
    if form in _NOT_ALONE or (form in _WORD_DISTRICTS and s not in ends):
        return False
    if len(form) == 2 and form[-1] in "县市区" and text[e:e + 1] == "长":
        return False  # 邱县长: a surname and a title
    if p.level == "District" and form != p.name and len(form) == 2:
        if p.name not in in_text:
            in_text[p.name] = p.name in text
        if in_text[p.name]:
            return True
        return s == 0 or text[s - 1] in P.PUNCT or O._stop_before(text, s, O.LEFT_STOPS)
    return True


#: event names led by their host place (X冬奥, X世博会): the place is part of the name
_EVENTS_AFTER = ("冬奥", "冬残奥", "奥运", "残奥", "亚运", "世博", "园博", "进博会", "服贸会", "大运会", "全运会")


def _names_a_thing_after(text: str, end: int) -> bool:
    """A place that only starts a longer name: directly followed by Latin
    letters (X IP服务工作站-like names written together) or by an event word."""
    nxt = text[end:end + 1]
    if nxt.isascii() and nxt.isalpha():
        return True
    return text.startswith(_EVENTS_AFTER, end)


_TOWN_RE = re.compile(r"[\u4e00-\u9fff]{1,3}?镇")
#: words ending in 镇 that name no town (乡镇, 重镇, 强镇)
_NOT_TOWNS = ("乡镇", "城镇", "重镇", "强镇", "名镇", "小镇", "古镇", "市镇", "集镇", "村镇", "各镇", "全镇", "该镇", "本镇")


def _find_towns(text: str, place_hits) -> list[Mention]:
    """Towns named right after their county or district (顺德区X镇, X县Y镇):
    the gazetteer stops at county level, the place chain names the town."""
    out = []
    for s, e, p in place_hits:
        if p.level not in ("District", "City") or not p.name.endswith(("区", "县", "市", "旗")):
            continue
        m = _TOWN_RE.match(text, e)
        if m is None or m.group().endswith(_NOT_TOWNS) or len(m.group()) < 2:
            continue
        if text.startswith("长", m.end()) and len(m.group()) < 3:
            continue
        out.append(Mention(e, m.end(), m.group(), "Place", "Town", "town-rule", m.group()))
    return out


def _place_subtype(p: G.Place) -> str:
    if p.level == "District" and p.name.endswith("市"):
        return "City"
    return p.level


def _model_spans(article: Article):
    for s in article.sentences:
        a = s.analysis
        if a is None:
            continue
        for sp in a.entities:
            yield sp


def _org_subtype(name: str) -> str | None:
    for suf, st in sorted(O.ORG_SUFFIXES, key=lambda x: -len(x[0])):
        if name.endswith(suf):
            return st
    if name in O.MINISTRIES:
        return "GovernmentBody" if name[-1] in "部委署" else "ResearchInstitution"
    for suf in O.SHORT_COMPANY_SUFFIXES + O.INDUSTRY_SUFFIXES:
        if name.endswith(suf):
            return "Company"
    return None


def _valid_model_span(text: str, typ: str) -> bool:
    """Checks on a model span's own text (no context): see kg.extract.model_spans."""
    if not text or text in _GENERIC_ORGS or any(c.isdigit() for c in text):
        return False
    if any(c in P.PUNCT and c != "·" for c in text):
        return False
    if typ == "Person":  # a personal name, or an entity of uncertain type judged as a brand
        return MS.person_form(text) or not (MS.has_stop(text) or MS.is_group(text))
    if typ in ("Organization", "Place"):
        return 2 <= len(text) and not (MS.has_stop(text) or MS.is_group(text) or MS.is_generic_name(text)
                                       or MS.is_generic_body(text))
    return False


def _abbreviation_prefixes(text: str, cands: list[_Cand]) -> None:
    """An organization name led by the abbreviation of another organization of
    the article (北航 + 泉州创新研究院, 北航 abbreviating 北京航空航天大学) starts
    at the abbreviation, when a clear boundary stands before it."""
    from kg.extract.coref import abbreviation_target

    orgs = [c for c in cands if c.m.type == "Organization" and c.m.source == "org-rule"]
    names = sorted({c.m.text for c in orgs if len(c.m.text) >= 4})
    for c in orgs:
        m = c.m
        for n in (2, 3, 4):
            s = m.start - n
            if s < 0 or not all("\u4e00" <= ch <= "\u9fff" for ch in text[s:m.start]):
                break
            if not (s == 0 or text[s - 1] in P.PUNCT or O._stop_before(text, s, O.LEFT_STOPS)):
                continue
            short = text[s:m.start]
            target = abbreviation_target(short, [x for x in names if x != m.text])
            if target is not None:
                m.start, m.text = s, text[s:m.end]
                break


#: last characters of abbreviated bodies (成大, 工研院, 经发局, 发改委, 市府办, 中科所)
_ABBREV_BODY_ENDS = {"大": "University", "院": "ResearchInstitution", "局": "GovernmentBody",
                     "委": "GovernmentBody", "办": "GovernmentBody", "所": "ResearchInstitution"}


def _title_end(text: str, pos: int) -> int:
    return pos + 1 if text[pos:pos + 1] == " " else pos


def _abbreviations_before_titles(text: str, cands: list[_Cand]) -> list[Mention]:
    """A 2-4 character token right before a title, after a clear boundary,
    is an organization when it abbreviates one named in the article (中油 ->
    中国石油天然气集团有限公司), or, with no such name, when it ends with the
    character of a kind of body (成大, 工研院) and is no person or place."""
    from kg.extract.coref import abbreviation_target

    full_names = sorted({c.m.canonical or c.m.text for c in cands if c.m.type == "Organization"
                         and not c.m.generic and len(c.m.text) >= 4})
    covered = bytearray(len(text) + 1)
    for c in cands:
        if c.rank >= 2:
            covered[c.m.start:c.m.end] = b"\x01" * (c.m.end - c.m.start)
    out: list[Mention] = []
    for t in T.title_regex().finditer(text):
        ts = t.start()
        if t.group("body") or ts < 2 or covered[ts - 1]:
            continue
        for n in (2, 3, 4):
            s = ts - n
            if s < 0 or not all("\u4e00" <= ch <= "\u9fff" for ch in text[s:ts]):
                break
            if not (s == 0 or text[s - 1] in P.PUNCT or O._stop_before(text, s, O.LEFT_STOPS)):
                continue
            short = text[s:ts]
            if any(covered[s:ts]) or short in _GENERIC_ORGS or T.starts_with_title(short, 0):
                break
            target = abbreviation_target(short, full_names)
            if target is not None:
                out.append(Mention(s, ts, short, "Organization", _org_subtype(target), "abbreviation", target))
                break
            named_after = P.name_at(text, _title_end(text, t.end())) is not None
            if short[-1] in _ABBREV_BODY_ENDS and (named_after or not P.plausible_name(short)) \
                    and not G.lookup(short) \
                    and not MS.has_stop(short) and abbreviation_target(short, ["\u3007" * 8]) is None \
                    and not any(c in P.NON_NAME_CHARS for c in short[:-1]):
                out.append(Mention(s, ts, short, "Organization", _ABBREV_BODY_ENDS[short[-1]], "abbreviation"))
                break
    return out


def _add_model_spans(text: str, model, cands: list[_Cand], place_hits, add) -> None:
    """Judge each model span against the rule candidates (kg.extract.model_spans);
    a model organization that contains rule mentions (台湾X集团 over two places)
    replaces them, so it is ranked with the rules."""
    from kg.extract.coref import abbreviation_target

    spans = [(c.m.start, c.m.end, c.m.type) for c in cands]
    spans += [(s, e, "Place") for s, e, _ in place_hits]
    org_names = sorted({c.m.canonical or c.m.text for c in cands if c.m.type == "Organization" and not c.m.generic
                        and len(c.m.text) >= 4})
    view = MS.RuleView(text, spans, org_names)
    seen: set[tuple[int, int]] = set()
    for sp in model:
        if (sp.start, sp.end) in seen or not _valid_model_span(MS.trim(sp, text).text, sp.type):
            continue
        seen.add((sp.start, sp.end))
        m = MS.judge(sp, view, lambda short: abbreviation_target(short, org_names) is not None)
        if m is None:
            continue
        if m.type == "Organization" and m.subtype is None:
            m.subtype = _org_subtype(m.text)
        if m.type == "Place":
            hits = G.lookup(m.text)
            if hits:
                m.subtype, m.canonical, m.code = _place_subtype(hits[0]), hits[0].name, hits[0].code
        inner = view.inside(m.start, m.end)
        cands.append(_Cand(m, 5 if inner else _RULE_RANK["model"]))


def _strip_leading_level(text: str, s: int, e: int, places_at: dict[int, int]) -> int:
    """An org name that starts with a bare level character (市瀚星房地产...) not
    belonging to a place: drop that character."""
    if e - s > 3 and text[s] in O.LEVEL_CHARS and s not in places_at:
        if O.generic_body(text, s) is None:
            return s + 1
    return s


def _resolve_overlaps(cands: list[_Cand]) -> list[_Cand]:
    size = max((c.m.end for c in cands), default=0) + 1
    occupied = bytearray(size)
    out = []
    for c in sorted(cands, key=lambda c: c.key):
        s, e = c.m.start, c.m.end
        if any(occupied[s:e]):
            continue
        occupied[s:e] = b"\x01" * (e - s)
        out.append(c)
    return out


@dataclass(frozen=True)
class _TripView:
    """The trips of a text (kg.extract.trips) in gazetteer terms: where
    destinations are written, and the home places of the trips in order."""

    destination_at: frozenset[int] = frozenset()
    destinations: frozenset[str] = frozenset()  # place codes
    #: home places per trip, in trip order, each in text order
    homes: tuple[tuple[G.Place, ...], ...] = ()

    def home_for(self, fits) -> G.Place | None:
        """kg.extract.trips.home_of: the last fitting home of the first trip
        that has one, never a trip's destination."""
        for home in self.homes:
            cands = [p for p in home if fits(p) and p.code not in self.destinations]
            if cands:
                return cands[-1]
        return None


def _outside_companies(text: str, place_hits, org_spans: list[tuple[int, int]]) -> list:
    """The place hits not nested inside a company's name (any organization
    whose name is no government body, as kg.extract.focus.place_mentions
    says): 深圳市 in 深圳市甲科技有限公司 is no talk about 深圳市."""
    from kg.extract.focus import BODY_RE

    companies = sorted((s, e) for s, e in org_spans if not BODY_RE.search(text[s:e][-6:]))
    starts = [a for a, _ in companies]
    out = []
    for h in place_hits:
        s, e = h[0], h[1]
        k = bisect.bisect_right(starts, s) - 1
        inside = False
        while k >= 0 and starts[k] >= s - _MAX_NAME and not inside:  # names starting at or before s
            a, b = companies[k]
            inside = e <= b and (a, b) != (s, e)
            k -= 1
        if not inside:
            out.append(h)
    return out


#: no organization name is longer than this
_MAX_NAME = 64


def _trip_view(article: Article, place_hits) -> _TripView:
    """Run kg.extract.trips on the place mentions known so far (none inside
    a company name): each place code stands for one entity."""
    from kg.extract.trips import find_trips

    text = article.text
    ids: dict[str, int] = {}
    places: list[G.Place] = []
    mentions: list[Mention] = []
    for s, e, p in sorted(place_hits, key=lambda h: (h[0], -h[1])):
        if p.code not in ids:
            ids[p.code] = len(places)
            places.append(p)
        mentions.append(Mention(s, e, text[s:e], "Place", p.level, "gazetteer", p.name, p.code, entity=ids[p.code]))
    if not mentions:
        return _TripView()
    view = Article(source=article.source, raw="", text=text, sentences=article.sentences, mentions=mentions)
    trips = find_trips(view, [(m.start, m.entity) for m in mentions])  # type: ignore[misc]
    if not trips:
        return _TripView()
    return _TripView(
        frozenset(o for t in trips for o in t.at),
        frozenset(places[d].code for t in trips for d in t.destinations),
        tuple(tuple(places[h] for h in t.home) for t in trips),
    )


class _PlaceContext:
    """The places a text is about, to resolve 市委 / 省发改委 / 高新区党工委.

    In a trip story (甲市委书记王一率团赴乙市考察，市委常委张三一同参加) a
    level word whose nearest place is a trip destination means the
    travellers' home (甲市委), as kg.extract.focus.focus_place decides it."""

    def __init__(self, place_mentions: list[tuple[int, int, G.Place]], parks: list[str],
                 trips: _TripView | None = None):
        self.trips = trips or _TripView()
        self.mentions = sorted(place_mentions, key=lambda h: h[0])
        self.starts = [h[0] for h in self.mentions]
        self.parks = parks
        counts: dict[str, int] = {}
        self.by_code: dict[str, G.Place] = {}
        for _, _, p in place_mentions:
            counts[p.code] = counts.get(p.code, 0) + 1
            self.by_code[p.code] = p
        self.counts = counts
        self.first: dict[str, int] = {}
        for s, _, p in self.mentions:
            self.first.setdefault(p.code, s)

    def place_for(self, level_char: str, pos: int, sent_start: int) -> G.Place | None:
        levels = _LEVEL_OF_CHAR.get(level_char, ())

        def fits(p: G.Place) -> bool:
            return p.level in levels and p.name.endswith(level_char)

        k = bisect.bisect_left(self.starts, pos) - 1
        while k >= 0:  # the nearest place of that level before pos
            s, _, p = self.mentions[k]
            if fits(p):
                if s in self.trips.destination_at:  # written as where the travellers went
                    return self.trips.home_for(fits) or p
                return p
            k -= 1
        cands = [p for p in self.by_code.values() if fits(p)]
        if not cands:
            return None
        best = max(cands, key=lambda p: (self.counts[p.code], -self.first[p.code]))
        if best.code in self.trips.destinations:
            return self.trips.home_for(fits) or best
        return best

    def park_for(self, generic: str) -> str | None:
        hits = sorted({p for p in self.parks if p.endswith(generic) and p != generic})
        return hits[0] if len(hits) == 1 else None


def _sentence_start(article: Article, pos: int) -> int:
    for s in article.sentences:
        if s.start <= pos < s.end:
            return s.start
    return 0


def _org_prefix_of(org_text: str) -> str:
    for b in _BODY_TAILS:
        if org_text.endswith(b) and len(org_text) > len(b) - (1 if b == "委" else 0):
            return org_text[: -len(b)]
    return org_text


def recognize(article: Article) -> None:
    """Fill ``article.mentions`` from the normalized text and any model spans."""
    text = article.text or ""
    article.mentions = []
    if not text:
        return
    cands: list[_Cand] = []

    def add(m: Mention) -> None:
        cands.append(_Cand(m, _RULE_RANK.get(m.source, 1)))

    # places
    in_text: dict[str, bool] = {}
    all_hits = G.find_places(text)
    hit_ends = frozenset(e for _, e, _ in all_hits)
    place_hits = [h for h in all_hits if _keep_place(text, h, in_text, hit_ends)]
    places_at = {s: e for s, e, _ in place_hits}
    for s, e, p in place_hits:
        if not _names_a_thing_after(text, e):
            add(Mention(s, e, text[s:e], "Place", _place_subtype(p), "gazetteer", p.name, p.code))

    for m in _find_towns(text, place_hits):
        add(m)

    # model evidence
    model = [sp for sp in _model_spans(article) if 0 <= sp.start < sp.end <= len(text)]
    model_person_names = {sp.text for sp in model if sp.type == "Person" and MS.person_form(sp.text)}

    # persons
    person_ms = P.find_persons(text, model_person_names)
    for m in person_ms:
        add(m)
    person_ends = {m.end for m in person_ms}

    # organizations, ministries, short companies, parks
    place_spans = [(s, e) for s, e, _ in place_hits]
    org_found = O.find_structural_orgs(text, blocked_ends=person_ends, places=place_spans)
    for o in org_found:
        s = _strip_leading_level(text, o.start, o.end, places_at)
        name = text[s:o.end]
        if name in _GENERIC_ORGS or len(name) < 3:
            continue
        g = O.generic_body(name, 0)
        if g is not None and g[0] == len(name):
            continue  # 区文旅局 / 省发改委: a generic body, resolved below
        add(Mention(s, o.end, name, "Organization", o.subtype, "org-rule"))
    for o in O.find_ministries(text):
        add(Mention(o.start, o.end, o.text, "Organization", _org_subtype(o.text), "ministry"))
    full_names = [o.text for o in org_found if o.subtype == "Company"]
    for o in O.find_short_companies(text, place_spans, full_names):
        add(Mention(o.start, o.end, o.text, "Organization", "Company", "short-company"))
    parks = O.find_parks(text, place_spans)
    for o in parks:
        add(Mention(o.start, o.end, o.text, "Place", "Park", "park-rule"))
    org_spans = [(o.start, o.end) for o in org_found] + [(c.m.start, c.m.end) for c in cands
                                                         if c.m.source == "short-company"]
    talked_of = _outside_companies(text, place_hits, org_spans)
    ctx = _PlaceContext(talked_of, [o.text for o in parks], _trip_view(article, talked_of))

    # generic level bodies (市委, 省发改委)
    place_end_set = set(places_at.values())
    for m in re.finditer(f"[{O.LEVEL_CHARS}]", text):
        s = m.start()
        if s > 0 and ("\u4e00" <= text[s - 1] <= "\u9fff") and s not in place_end_set:
            # only after punctuation, a title chain separator or a stop word
            if not O._stop_before(text, s, O.LEFT_STOPS) and text[s - 1] not in "、":
                continue
        g = O.generic_body(text, s)
        if g is None:
            continue
        e, body = g
        if s in place_end_set:
            continue  # 平顶山市委: the structural org covers it
        place = ctx.place_for(body[0], s, _sentence_start(article, s))
        if place is None:
            continue
        canon = place.name + body[1:]
        add(Mention(s, e, text[s:e], "Organization", "GovernmentBody", "generic-body", canon, generic=True))

    _abbreviation_prefixes(text, cands)

    # an abbreviated organization right before a title (成大校长X, 中油总经理Y)
    for m in _abbreviations_before_titles(text, cands):
        add(m)

    # model spans: evidence for what the rules cannot find, judged against them
    _add_model_spans(text, model, cands, place_hits, add)

    # a name right after an organization, clearly ended (浙江大学叶志镇团队, X有限公司杨大均等)
    for c in list(cands):
        m = c.m
        if m.type == "Organization" and m.source in ("org-rule", "ministry"):
            nm = P.name_at(text, m.end, model_person_names)
            if nm and P.right_boundary(text, m.end + len(nm)) == 2 and not O.title_like(text, m.end):
                add(Mention(m.end, m.end + len(nm), nm, "Person", None, "org-context"))

    chosen = _resolve_overlaps(cands)
    chosen = _post_orgs(article, chosen, ctx)
    mentions = [c.m for c in chosen]
    mentions.extend(_nested_places(mentions, place_hits, text))
    mentions.extend(_chain_bodies(article, mentions, ctx))
    mentions.extend(_coordination(text, mentions))
    mentions = _propagate(text, mentions)
    mentions.extend(_abbreviations(text, mentions))
    _place_canonicals(mentions)
    mentions.sort(key=lambda m: (m.start, -m.end))
    article.mentions = mentions


def _post_orgs(article: Article, chosen: list[_Cand], ctx: _PlaceContext) -> list[_Cand]:
    """Canonical names for orgs named with a generic park prefix (高新区党工委)."""
    for c in chosen:
        m = c.m
        if m.type != "Organization":
            continue
        for g in sorted(O.GENERIC_PARKS, key=len, reverse=True):
            if m.text.startswith(g) and len(m.text) > len(g):
                park = ctx.park_for(g)
                if park:
                    m.canonical = park + m.text[len(g):]
                break
        if m.canonical is None and m.text.startswith("中共") and len(m.text) > 4:
            m.canonical = m.text  # 中共白银市委 stays as written
    return chosen


def _nested_places(mentions: list[Mention], place_hits, text: str = "") -> list[Mention]:
    """A full-form place at the start of an org name is a mention too, except
    inside a company name when the place is named nowhere else (深圳市 in
    深圳市X科技有限公司 alone is no entity; 平顶山市 in 平顶山市委 is, and so is
    昆山市 in 苏州昆山市X有限公司, where a place chain states the address)."""
    out = []
    org_end_by_start: dict[int, tuple[int, bool]] = {}
    for m in mentions:
        if m.type == "Organization" and not m.generic:
            prev = org_end_by_start.get(m.start, (0, False))
            if m.end > prev[0]:
                org_end_by_start[m.start] = (m.end, m.subtype == "Company")
    standalone = {m.code for m in mentions if m.type == "Place" and m.code}
    place_ends = {e for _, e, _ in place_hits}
    # a chain of places starting an org name: each link is nested (广东省佛山市顺德区委 -> 佛山市)
    for s, e, _ in sorted(place_hits, key=lambda h: h[0]):
        if s in org_end_by_start and e < org_end_by_start[s][0]:
            org_end_by_start.setdefault(e, org_end_by_start[s])
    for s, e, p in place_hits:
        sar = p.code in G.SAR_CODES  # 香港 in 香港特区政府: the short form is the usual name
        if not p.name.endswith(("省", "市", "区", "县", "旗")) or p.name != p.short and (e - s) != len(p.name) and not sar:
            continue
        end, company = org_end_by_start.get(s, (0, False))
        # kept inside a company when named elsewhere or given as an address (苏州昆山市X公司)
        if e < end and (not company or p.code in standalone or s in place_ends):
            form = text[s:e] if sar and text else p.name
            out.append(Mention(s, e, form, "Place", _place_subtype(p), "gazetteer", p.name, p.code))
    return out


def _chain_bodies(article: Article, mentions: list[Mention], ctx: _PlaceContext) -> list[Mention]:
    """Bodies named inside a title chain by a bare word that inherits the
    previous item's prefix: 高新区党工委副书记、管委会主任 -> 高新区管委会;
    区委常委、统战部部长 -> 区委统战部; 市政协副主席、工商联主席 -> 市工商联."""
    text = article.text
    out: list[Mention] = []
    occupied = bytearray(len(text) + 1)
    for m in mentions:
        occupied[m.start:m.end] = b"\x01" * (m.end - m.start)
    for pm in [m for m in mentions if m.type == "Person"]:
        chain = T.parse_title_chain(text, pm.start)
        for prev, cur in zip(chain, chain[1:]):
            if not cur.org_text or not prev.org_text or cur.org_start is None:
                continue
            bare = cur.org_text
            if bare in _INHERIT_WHOLE and prev.org_text.endswith("委"):
                full = prev.org_text + bare
            elif bare in _INHERIT_PREFIX:
                prefix = _org_prefix_of(prev.org_text)
                if not prefix or prefix == prev.org_text:
                    continue
                full = prefix + bare
            else:
                continue
            s, e = cur.org_start, cur.org_end
            if any(occupied[s:e]):
                continue
            canon = _resolve_name(full, article, s, ctx)
            if canon is None:
                continue
            out.append(Mention(s, e, text[s:e], "Organization", "GovernmentBody" if bare != "工商联" else "Association",
                               "chain", canon, generic=True))
            occupied[s:e] = b"\x01" * (e - s)
    return out


def _resolve_name(full: str, article: Article, pos: int, ctx: _PlaceContext) -> str | None:
    """Full name of a body named from a prefix: park words and level chars resolved."""
    if full[0] in O.LEVEL_CHARS and O.generic_body(full, 0):
        place = ctx.place_for(full[0], pos, _sentence_start(article, pos))
        return place.name + full[1:] if place else None
    for g in sorted(O.GENERIC_PARKS, key=len, reverse=True):
        if full.startswith(g):
            park = ctx.park_for(g)
            return park + full[len(g):] if park else full
    return full


def _coordination(text: str, mentions: list[Mention]) -> list[Mention]:
    """平顶山市委、市政府 -> 平顶山市政府 (the place prefix is elided)."""
    out = []
    taken = {(m.start, m.end) for m in mentions}
    by_span = {(m.start, m.end): m for m in mentions}
    for m in mentions:
        if m.type != "Organization" or m.generic:
            continue
        name = m.canonical or m.text
        pos = m.end
        while pos < len(text) and text[pos] in "、和及与":
            pos += 1
        if pos == m.end and not (pos < len(text) and text[pos] in O.LEVEL_CHARS):
            continue
        g = O.generic_body(text, pos)
        if g is None:
            continue
        e, body = g
        level = body[0]
        prefix = _org_prefix_of(name)
        if not prefix.endswith(level):
            continue
        if (pos, e) in taken:
            by_span[(pos, e)].canonical = prefix + body[1:]
            continue
        out.append(Mention(pos, e, text[pos:e], "Organization", "GovernmentBody", "coordination",
                           prefix + body[1:], generic=True))
    return out


def _propagate(text: str, mentions: list[Mention]) -> list[Mention]:
    """Further occurrences of person/org names found, and the short forms of
    full company names (恒玄科技 for 恒玄科技(上海)股份有限公司)."""
    occupied = bytearray(len(text) + 1)
    for m in mentions:
        occupied[m.start:m.end] = b"\x01" * (m.end - m.start)
    targets: dict[str, tuple[str, str | None, str | None, str]] = {}
    for m in mentions:
        if m.generic:
            continue
        if m.type == "Person" or (m.type == "Organization" and len(m.text) >= 3) or (
                m.type == "Place" and m.subtype in ("Park", "Town")):
            targets.setdefault(m.text, (m.type, m.subtype, m.canonical, "repeat"))
        if m.type == "Organization" and m.subtype == "Company":
            for v in O.legal_variants(m.text):
                if v not in _GENERIC_ORGS and len(v) >= 4:
                    targets.setdefault(v, ("Organization", "Company", m.canonical or m.text, "variant"))
    # a gazetteer place at the start of an organization's further occurrence
    # (北京 in 北京X管理, the short form of 北京X管理有限公司) gives way to it
    place_at = {(m.start, m.end): m for m in mentions if m.type == "Place" and m.source == "gazetteer"}
    dropped: set[int] = set()
    out = []
    for name in sorted(targets, key=len, reverse=True):
        typ, st, canon, src = targets[name]
        for mm in re.finditer(re.escape(name), text):
            s, e = mm.start(), mm.end()
            if typ == "Organization" and any(occupied[s:e]):
                inner = next((place_at[(s, k)] for k in range(s + 2, e) if (s, k) in place_at), None)
                if inner is not None and not any(occupied[inner.end:e]) and id(inner) not in dropped:
                    dropped.add(id(inner))
                    occupied[s:inner.end] = b"\x00" * (inner.end - s)
            if any(occupied[s:e]):
                continue
            if typ == "Person" and not P.right_boundary(text, e):
                continue
            occupied[s:e] = b"\x01" * (e - s)
            out.append(Mention(s, e, name, typ, st, src, canon))
    return [m for m in mentions if id(m) not in dropped] + out


def _abbreviations(text: str, mentions: list[Mention]) -> list[Mention]:
    """Short forms of the article's organizations written alone (工研院 for
    X工业技术研究院, kg.extract.coref.abbreviation_target): 2-4 characters
    after a clear boundary, ending with the full name's last character (the
    kind of body: 院, 所, 局), on text no other mention covers. Coreference
    joins them to the full name."""
    from kg.extract.coref import abbreviation_target

    full_names = sorted({m.canonical or m.text for m in mentions
                         if m.type == "Organization" and not m.generic and len(m.canonical or m.text) >= 5})
    if not full_names:
        return []
    ends = {n[-1] for n in full_names}
    occupied = bytearray(len(text) + 1)
    for m in mentions:
        occupied[m.start:m.end] = b"\x01" * (m.end - m.start)
    out = []
    pattern = re.compile("[\u4e00-\u9fff]{1,3}[" + re.escape("".join(sorted(ends))) + "]")
    pos = 0
    while True:
        hit = pattern.search(text, pos)
        if hit is None:
            break
        pos = hit.start() + 1
        for s in range(hit.start(), hit.end() - 1):  # the shortest form after a boundary
            e = hit.end()
            short = text[s:e]
            if len(short) < 2 or any(occupied[s:e]):
                continue
            if not (s == 0 or text[s - 1] in P.PUNCT or O._stop_before(text, s, O.LEFT_STOPS)):
                continue
            if O.title_like(text, e) or text[e:e + 1] == "长":
                continue  # 院长, 局长: a title
            target = abbreviation_target(short, [n for n in full_names if n[-1] == short[-1]])
            if target is None:
                continue
            occupied[s:e] = b"\x01" * (e - s)
            out.append(Mention(s, e, short, "Organization", _org_subtype(target), "abbreviation"))
            pos = e
            break
    return out


def _place_canonicals(mentions: list[Mention]) -> None:
    """A place's canonical form is the fullest form the article itself gives
    (上海市 only when the article says 上海市 somewhere)."""
    fullest: dict[str, str] = {}
    for m in mentions:
        if m.type == "Place" and m.code:
            cur = fullest.get(m.code)
            if cur is None or len(m.text) > len(cur):
                fullest[m.code] = m.text
    for m in mentions:
        if m.type == "Place" and m.code:
            m.canonical = fullest[m.code]
