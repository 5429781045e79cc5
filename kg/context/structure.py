"""partOf and locatedIn: structure stated in the text, in names, or in the gazetteer.

locatedIn (organization or place -> place), each direct step once:

- the administrative parent of a place when the article names both
  (平顶山市 -> 河南省, 卫东区 -> 平顶山市; gazetteer codes), else its nearest
  ancestor the article names (民权县 -> 河南省 when 商丘市 is never written);
- the most specific place named inside a name (恒玄科技(上海)股份有限公司
  -> 上海, 大洼区盘锦天润置业有限公司 -> 大洼区, 平顶山市委 -> 平顶山市);
- 位于X的Y -> Y in X; Y(总部)位于X -> Y in X; a place written right before a smaller one
  (竹北台元科技园区 -> 台元科技园区 in 竹北) when the gazetteer is silent;
- a park the gazetteer does not know and nothing else places -> the city or
  county the article mentions most (:func:`_parks_in_main_place`);
- a town the gazetteer does not list (甲镇, 乙街道) and nothing else places ->
  the county or district written nearest before it, else the article's only
  one (:func:`_towns_in_county`).

partOf (organization -> organization):

- a name that extends another organization's name (中科院兰州分院 ->
  中国科学院 via its alias 中科院, 船营区委统战部 -> 船营区委), and the units listed
  right after such a name (中科院甲局、乙局、丙研究所: :func:`_listed_after_unit`);
- X旗下/所属/下属/下设/属下/控股的(的)(企业|公司) Y, X的全资子公司/控股子公司/二级单位/成员单位 Y
  -> Y part of X (owner: the organization named before it), and X是…Y旗下公司 /
  X是Y的全资子公司 -> X part of Y;
- a unit (lab, centre, school) visited inside a host: 在A、B，X参观了C、D -> C
  part of A, D part of B; a lab visited right after a visit to a university
  (来到甲大学考察。…参观了乙实验室) -> the lab part of the university.
"""

from __future__ import annotations

import re

from kg.doc import Article, LocalEntity, Relation
from kg.context.clauses import TextView
from kg.context.places import PlaceInfo
from kg.lexicons import gazetteer
from kg.lexicons.load import alternation, derived, entries, words
from kg.lexicons.triggers import OWNERSHIP

OWNED_RE = re.compile("|".join(OWNERSHIP))


@derived
def _re(concept: str, use: str | None = None, tail: str = "") -> re.Pattern:
    """The words of a concept as one regex (longest first), ``tail`` appended
    (``$`` for name endings). Used for: data/context_located_words.tsv (位于),
    context_reorganized_words (a sentence telling a reorganization: the owners it
    names are former ones), context_owned_nouns (words between an ownership word
    and the owned names: 旗下的企业|公司; no entry is a prefix of another, so the
    order is free), context_unit_suffixes, context_host_suffixes,
    context_independent_words, context_unit_visit_verbs, context_locative_words."""
    return re.compile(alternation(concept, use) + tail)


@derived
def _zone_body_re() -> re.Pattern:
    """Bodies that run a development zone (甲高新区党工委, 甲高新区管委会)."""
    return re.compile(r"(.+?)" + alternation("context_zone_bodies", "zone_name") + "$")


@derived
def zone_short_forms() -> tuple[tuple[str, str], ...]:
    """Long and short forms of zone words (甲高新技术产业开发区 = 甲高新区), in file order."""
    return tuple((e.word, e.scope[0]) for e in entries("context_zone_short_forms"))


def zone_forms(name: str) -> set[str]:
    """A zone's name in its long and short forms (甲高新区, 甲高新技术产业开发区)."""
    out = {name}
    for long, short in zone_short_forms():
        if name.endswith(long):
            out.add(name[: -len(long)] + short)
        elif name.endswith(short):
            out.add(name[: -len(short)] + long)
    return out


def _unprefixed(name: str) -> str:
    for p in words("body_party_prefixes"):
        name = name.removeprefix(p)
    return name


def implied_zones(article: Article) -> None:
    """The development zone a zone body is named after is a Place of the article.

    ``甲经济开发区党工委`` names 甲经济开发区: when no place entity has that
    name (or its short/long form: 甲高新区 = 甲高新技术产业开发区), one is
    added (subtype Park); when one has, the written form becomes its alias.
    The body is then located in the zone (:func:`_places_in_names`), and the
    zone in its city. A generic zone word alone (高新区管委会) names no zone.
    """
    from kg.lexicons.org_lexicon import GENERIC_PARKS, PARK_SUFFIXES

    for e in list(article.entities):
        m = _zone_body_re().match(_unprefixed(e.name)) if e.type == "Organization" else None
        if m is None:
            continue
        zone = m.group(1)
        suffix = next((x for x in PARK_SUFFIXES if zone.endswith(x)), None)
        if suffix is None or zone in GENERIC_PARKS or len(zone) <= len(suffix) + 1:
            continue
        forms = zone_forms(zone)
        place = next((p for p in article.entities if p.type == "Place" and ({p.name, *p.aliases} & forms)), None)
        if place is None:
            article.entities.append(LocalEntity(zone, "Place", subtype="Park", context=e.context))
        elif zone != place.name:
            place.aliases.add(zone)


def _names(article: Article, i: int) -> list[str]:
    """The entity's name and aliases, longest first; among equal lengths its own name,
    then the aliases in character order (never the order of a set, which varies with
    the hash seed: 阜阳市委统战部 with the merged alias 苏州市委统战部 went to either 市委)."""
    e = article.entities[i]
    return sorted({e.name, *e.aliases}, key=lambda n: (-len(n), n != e.name, n))


def inside_by_code(infos: dict[int, PlaceInfo], a: int, b: int) -> bool | None:
    """Whether place a lies inside place b by their gazetteer codes; None when
    either has no code."""
    ia, ib = infos.get(a), infos.get(b)
    if not (ia and ib and ia.code and ib.code):
        return None
    p, q = gazetteer.by_code(ia.code), gazetteer.by_code(ib.code)
    return p is not None and q is not None and gazetteer.within(p, q)


def _descends(infos: dict[int, PlaceInfo], a: int, b: int, article: Article) -> bool:
    """Whether place a lies inside place b (codes, else names: 唐山高新区 in 唐山市)."""
    by_code = inside_by_code(infos, a, b)
    if by_code is not None:
        return by_code
    ib = infos.get(b)
    na, nb = article.entities[a].name, article.entities[b].name
    return na != nb and (nb in na or (ib is not None and len(ib.stem) >= 2 and na.startswith(ib.stem)))


def _read_where(article: Article, a: int, b: int) -> tuple[int, str]:
    """(sentence index, sentence) a relation read from names or the gazetteer
    (卫东区 in 平顶山市, 恒玄科技(上海)股份有限公司 in 上海) is evidenced by: the first
    sentence that names both ends, else the first that names ``a``."""
    sents = article.sentences
    if not sents:
        return 0, ""
    def sentences(i: int) -> list[int]:
        return sorted({article.sentence_of(article.mentions[m].start) for m in article.entities[i].mentions})
    sa = sentences(a)
    both = sorted(set(sa) & set(sentences(b)))
    si = both[0] if both else (sa[0] if sa else 0)
    return si, sents[si].text


def structure_relations(article: Article, view: TextView, infos: dict[int, PlaceInfo]) -> list[Relation]:
    out: list[Relation] = []
    out += _admin_steps(article, infos)
    out += _places_in_names(article, view, infos)
    out += _stated_location(article, view)
    out += _names_extending(article)
    out += _listed_after_unit(article, view, out)
    out += _bare_units(article, out)
    out += _stated_ownership(article, view)
    out += _units_visited_inside(article, view)
    out += _units_after_host(article, view)
    framed = _visited_in_frame(article, view, set())
    within = {(r.subject, r.object) for r in out if r.kind == "locatedIn"}
    framed_at = {r.subject: r.object for r in framed}
    # the frame's place is more specific than a wider place the name or text gives
    # (在苏州工业园区，…考察了苏州甲公司: the park, not 苏州)
    out = [r for r in out
           if not (r.kind == "locatedIn" and r.subject in framed_at and (framed_at[r.subject], r.object) in within)]
    located = {r.subject for r in out if r.kind == "locatedIn"}
    out += [r for r in framed if r.subject not in located]
    located |= {r.subject for r in framed}
    out += _parks_in_main_place(article, view, infos, located)
    out += _towns_in_county(article, infos, located)
    return out


def _towns_in_county(article: Article, infos: dict[int, PlaceInfo], located: set[int]) -> list[Relation]:
    """A town or sub-district the gazetteer does not list (蟠龙镇, 古城街道;
    data/model_town_suffixes.tsv), placed nowhere by its name or the text, lies
    in the county or district the text is in when it is named: the nearest
    county-level place written before the town (在水城区调研时，…到蟠龙镇), else
    the article's only one."""
    ends, not_towns = tuple(words("model_town_suffixes")), tuple(words("place_m_not_towns"))
    counties = sorted((article.mentions[m].start, i) for i, inf in infos.items() if inf.code and inf.level == "District"
                      for m in article.entities[i].mentions)
    if not counties:
        return []
    out = []
    for i, inf in infos.items():
        name = article.entities[i].name
        end = next((w for w in ends if name.endswith(w)), None)
        if i in located or inf.code or end is None or name == end or name.endswith(not_towns):
            continue  # 梦想小镇 (data/place_m_not_towns.tsv) is no town
        first = min(article.mentions[m].start for m in article.entities[i].mentions)
        before = [c for s, c in counties if s < first]
        county = before[-1] if before else (counties[0][1] if len({c for _, c in counties}) == 1 else None)
        if county is not None:
            out.append(Relation("locatedIn", i, county, *_read_where(article, i, county)))
    return out


def _parks_in_main_place(article: Article, view: TextView, infos: dict[int, PlaceInfo],
                         located: set[int]) -> list[Relation]:
    """A park or zone the gazetteer does not know (甲新区, 乙产业园), whose name or
    text places it nowhere (no place inside its name or written right before
    it), lies in the article's main city or county: the one of them mentioned
    most (strictly; a tie places nothing)."""
    counts = {i: len(article.entities[i].mentions) for i, inf in infos.items()
              if inf.code and inf.level in ("City", "District")}
    if not counts:
        return []
    top = max(counts.values())
    mains = [i for i, c in counts.items() if c == top]
    if len(mains) != 1:
        return []
    main = mains[0]
    from kg.lexicons.gazetteer import find_places

    # a park written right after a place (竹北台元科技园区) or with a place in its name (宜兴环科园) is not placed here
    after_place = {b.entity for a in view.refs if a.type == "Place"
                   for b in [view.ref_starting(a.end)] if b is not None}
    return [Relation("locatedIn", i, main, *_read_where(article, i, main)) for i, inf in infos.items()
            if inf.level == "Park" and not inf.code and i not in located and i != main
            and i not in after_place and not find_places(article.entities[i].name)]


def _visited_in_frame(article: Article, view: TextView, located: set[int]) -> list[Relation]:
    """在甲工业园区，考察团先后考察了乙公司、丙公司: the organizations visited in
    a sentence opened by a locative frame naming one place are located in it
    (unless their name or the text already places them)."""
    from kg.lexicons.triggers import CLAUSE_DATE, visit_inspect_re, visit_motion_re

    frame_re = re.compile(CLAUSE_DATE + alternation("context_locative_words"))
    out = []
    for si in range(len(article.sentences)):
        clauses = view.clauses(si)
        if len(clauses) < 2:
            continue
        m = frame_re.match(view.text, clauses[0].start, clauses[0].end)
        items = view.list_items(m.end(), clauses[0].end) if m else []
        if len(items) != 1 or items[0].type != "Place" or items[0].end != clauses[0].end:
            continue
        place = items[0].entity
        for cl in clauses[1:]:
            for verb in [*visit_inspect_re().finditer(view.text, cl.start, cl.end),
                         *visit_motion_re().finditer(view.text, cl.start, cl.end)]:
                if not view.outside_refs(verb.start(), verb.end()):
                    continue
                for r in view.list_items(verb.end(), cl.end):
                    if r.type == "Organization" and r.entity not in located and r.entity != place:
                        located.add(r.entity)
                        out.append(Relation("locatedIn", r.entity, place, si, article.sentences[si].text))
    return out


def _admin_steps(article: Article, infos: dict[int, PlaceInfo]) -> list[Relation]:
    """Each place in the nearest place containing it that the article names:
    its parent (卫东区 in 平顶山市), else the nearest named ancestor (民权县 in
    河南省 when 商丘市 is not named; guide: the direct steps between the places
    the article mentions)."""
    by_code = {inf.code: i for i, inf in infos.items() if inf.code}
    out = []
    for i, inf in infos.items():
        p = gazetteer.by_code(inf.code) if inf.code else None
        chain = [inf.parent] + [a.code for a in (gazetteer.ancestors(p) if p else ())]
        up = next((by_code[c] for c in chain if c in by_code and by_code[c] != i), None)
        if up is not None:
            out.append(Relation("locatedIn", i, up, *_read_where(article, i, up)))
    return out


def _places_in_names(article: Article, view: TextView, infos: dict[int, PlaceInfo]) -> list[Relation]:
    forms = []
    for i, inf in infos.items():
        if inf.level == "Country":
            continue
        for n in {*_names(article, i), inf.stem}:
            if len(n) >= 2:
                forms.append((n, i))
    before: dict[int, set[int]] = {}
    for a in view.refs:
        b = view.ref_starting(a.end)
        if b is not None and a.type == "Place" and not b.generic and b.type != "Person":
            known = infos.get(a.entity) and infos[a.entity].code and infos.get(b.entity) and infos[b.entity].code
            if not known:
                before.setdefault(b.entity, set()).add(a.entity)
    out = []
    for j, e in enumerate(article.entities):
        if e.type == "Person":
            continue
        name = e.name
        found: dict[int, tuple[int, int]] = {}
        for i in before.get(j, ()):  # 大洼区盘锦天润置业: the place written right before it
            found[i] = (-1, 0)
        for n, i in forms:
            if i == j:
                continue
            k = name.find(n)
            if k >= 0 and (i not in found or (k, -len(n)) < found[i]):
                found[i] = (k, -len(n))
        stationed = _stationed_place(name, infos, article)
        if stationed is None:
            stationed = _host_country(name, infos)
        if stationed is not None and stationed != j:
            out.append(Relation("locatedIn", j, stationed, *_read_where(article, j, stationed)))
            continue
        if not found:
            continue
        # the most specific: drop places that contain another found one, unless that
        # one was only found inside this one's form (淮安市委 is in 淮安市, not in 淮安区 of stem 淮安)
        cands = [i for i in found
                 if not any(o != i and not _inside(found[o], found[i]) and _descends(infos, o, i, article)
                            for o in found)]
        if j in infos:
            cands = [i for i in cands if not _descends(infos, i, j, article)]
        if cands:
            best = min(cands, key=lambda i: found[i])
            later = _after_parent_name(name, found, cands, best)
            if later is not None:
                best = later
            out.append(Relation("locatedIn", j, best, *_read_where(article, j, best)))
    return out


def _stationed_place(name: str, infos: dict[int, PlaceInfo], article: Article) -> int | None:
    """The place written right after a stationed word in ``name`` (德国驻成都总领事馆:
    成都; 中国驻英国使馆: 英国, countries too; data/context_stationed_words.tsv), or None."""
    for w in words("context_stationed_words"):
        k = name.find(w)
        if k < 0:
            continue
        rest = name[k + len(w):]
        best = None
        for i in infos:
            for n in _names(article, i):
                if len(n) >= 2 and rest.startswith(n) and (best is None or len(n) > best[1]):
                    best = (i, len(n))
        if best is not None:
            return best[0]
    return None


def _host_country(name: str, infos: dict[int, PlaceInfo]) -> int | None:
    """The country a body of people from elsewhere is in: 美国杭州商会 is in 美国, its
    members come from 杭州 (a body ending of data/context_home_place_bodies.tsv, a
    country starting the name and a place outside it after it); None otherwise
    (美国旧金山中华总商会: 旧金山 is in 美国, the name rule places it)."""
    if not name.endswith(words("context_home_place_bodies")):
        return None
    hits = gazetteer.find_places(name)
    if len(hits) < 2 or hits[0][0] != 0 or hits[0][2].level != "Country":
        return None
    country = hits[0][2]
    if any(h[2].code == country.code or gazetteer.within(h[2], country) for h in hits[1:]):
        return None
    return next((i for i, inf in infos.items() if inf.code == country.code), None)


def _after_parent_name(name: str, found: dict[int, tuple[int, int]], cands: list[int], first: int) -> int | None:
    """The place written after a parent organization's name inside ``name``
    (北京交通大学唐山研究院: 北京 is in the university's name, the institute is
    in 唐山): the first candidate after an ending of data/context_parent_org_endings.tsv
    that follows the ``first`` place; None when there is none."""
    k, n = found[first]
    if k < 0:
        return None
    after = k - n
    for w in words("context_parent_org_endings"):
        j = name.find(w, after)
        if j < 0:
            continue
        later = [i for i in cands if found[i][0] >= j + len(w)]
        if later:
            return min(later, key=lambda i: found[i])
    return None


def _inside(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether match a (start, -length) lies within match b in a name."""
    return a[0] >= 0 and b[0] <= a[0] and a[0] - a[1] <= b[0] - b[1]


def _stated_location(article: Article, view: TextView) -> list[Relation]:
    """位于X的Y -> Y in X; Y(总部)位于X / Y成立于…，总部位于X -> Y in X."""
    out = []
    for m in view.find(_re("context_located_words"), 0, len(view.text)):
        si = article.sentence_of(m.start())
        s = article.sentences[si]
        place = view.ref_starting(m.end())
        if place is None or place.type != "Place":
            continue
        place = view.chain_end(place, s.end)
        rest = view.text.find("的", place.end, min(s.end, place.end + 2))
        thing = view.ref_starting(rest + 1) if rest >= 0 else None
        if thing is None:
            thing = _located_subject(article, view, m.start())
        if thing is not None and thing.type != "Person" and thing.entity != place.entity:
            out.append(Relation("locatedIn", thing.entity, place.entity, si, s.text))
    return out


def _located_subject(article: Article, view: TextView, pos: int):
    """The organization that 位于 at ``pos`` is said of: written right before it
    (甲公司位于, 甲公司总部位于), or the subject of the sentence when 总部位于
    follows a comma (甲公司成立于1978年，总部位于X)."""
    s = article.sentences[article.sentence_of(pos)]
    k = pos - 2 if view.text[max(0, pos - 2) : pos] == "总部" else pos
    k -= 1 if k > 0 and view.text[k - 1] == "的" else 0
    r = view.ref_at(k - 1) if k > 0 else None
    if r is not None and r.end == k and r.type == "Organization":
        return r
    if k < pos:  # …，总部位于
        refs = view.refs_in(s.start, pos)
        if refs and refs[0].type == "Organization" and refs[0].start - s.start <= 1:
            return refs[0]
    return None


def _expanded(name: str) -> str:
    """A name with its standard abbreviations written out (中科院苏州纳米所 ->
    中国科学院苏州纳米所; data/coref_abbreviations.tsv, FORM=REPLACEMENT, when
    the replacement is the longer form; a Taiwan city's short form at the start
    written in full: 南市府经发局 -> 台南市政府经发局, kg.recognize.coref.full_start)."""
    from kg.recognize.coref import full_start

    name = full_start(name)
    for w in words("coref_abbreviations"):
        form, full = w.split("=", 1)
        if len(full) > len(form) and name.startswith(form):
            return full + name[len(form):]
    return name


def _names_extending(article: Article) -> list[Relation]:
    """A name (or an alias: 中科院甲分院 of 中国科学院甲分院) that extends another
    organization's name (or one of its aliases, abbreviations written out:
    中科院苏州纳米所 extends 中国科学院) is part of it."""
    legal_suffixes = words("context_legal_suffixes")
    orgs = [i for i, e in enumerate(article.entities) if e.type == "Organization"]
    out = []
    for a in orgs:
        na = article.entities[a].name
        best = None
        for nx in dict.fromkeys(x for n in _names(article, a) for x in (n, _expanded(n))):
            for b in orgs:
                if b == a:
                    continue
                for n in _names(article, b) + _group_stems(article.entities[b].name):
                    # a two-character alias (北航) only before a long rest (北航甲市创新研究院)
                    rest = len(nx) - len(n)
                    if nx.startswith(n) and nx[len(n):] not in legal_suffixes and (len(n) >= 3 and rest >= 2 or len(n) == 2 and rest >= 5):
                        if best is None or len(n) > best[1]:
                            best = (b, len(n))
        if best is not None:
            out.append(Relation("partOf", a, best[0], *_read_where(article, a, best[0])))
    return out


def _listed_after_unit(article: Article, view: TextView, found: list[Relation]) -> list[Relation]:
    """Units listed right after a unit named with its parent share that parent:
    中科院甲局、乙局、丙研究所 -> 乙局 and 丙研究所 part of 中科院, as 甲局 is.

    A listed item counts when it ends with a unit word of
    data/context_listed_unit_suffixes.tsv and names no independent
    organization (大学, 集团: context_independent_words); one that names a
    place only with an ending of scope ``placed`` (沈阳自动化研究所, an academy's
    institute named by its city; not 甲市教育局 nor 乙论坛(澳门)秘书处). The list stops at the first
    item that does not count or already has another parent.
    """
    from kg.lexicons.gazetteer import find_places

    parent = {r.subject: r.object for r in found if r.kind == "partOf"}
    units = words("context_listed_unit_suffixes")
    placed = words("context_listed_unit_suffixes", "placed")
    seps = words("context_list_separators", "units")
    refs = view.refs
    out = []
    for i, a in enumerate(refs):
        owner = parent.get(a.entity)
        if owner is None or a.type != "Organization" or a.generic:
            continue
        for x, y in zip(refs[i:], refs[i + 1:]):
            name = article.entities[y.entity].name
            if view.text[x.end:y.start] not in seps or y.type != "Organization" or y.generic or y.entity == owner \
                    or parent.get(y.entity, owner) != owner or not name.endswith(units) \
                    or _re("context_independent_words").search(name) \
                    or (find_places(name) and not name.endswith(placed)):
                break
            if y.entity not in parent:
                parent[y.entity] = owner
                si = article.sentence_of(y.start)
                out.append(Relation("partOf", y.entity, owner, si, article.sentences[si].text))
    return out


def _bare_units(article: Article, found: list[Relation]) -> list[Relation]:
    """Units named without their parent (商学院, 教育局, 北京分行) are part of the
    one organization of the parent's kind the article names (东川大学; 香港特区政府;
    东川银行): data/context_bare_units.tsv. A unit whose name starts with a place
    (unless its ending has scope placed: 北京分行), or that is already part of
    something, is left alone; with two possible parents, none (the parent
    endings count in file order: 大学 before 理工学院)."""
    from kg.lexicons.gazetteer import find_places

    has_parent = {r.subject for r in found if r.kind == "partOf"}
    orgs = [i for i, e in enumerate(article.entities) if e.type == "Organization"]
    placed = words("context_bare_units", "placed")
    out = []
    for kind in ("school", "bureau", "branch"):
        units, parents = words("context_bare_units", f"unit_{kind}"), words("context_bare_units", f"parent_{kind}")
        # the parent endings in file order: a later one (理工学院) only where no earlier one (大学) names any
        heads = next(([b for b in orgs if article.entities[b].name.endswith(p)] for p in parents
                      if any(article.entities[b].name.endswith(p) for b in orgs)), [])
        if len(heads) != 1:
            continue
        head = heads[0]
        for a in orgs:
            name = article.entities[a].name
            if a == head or a in has_parent or not name.endswith(units) or name.endswith(parents) \
                    or _re("context_independent_words").search(name):
                continue  # 东川科学院: an independent organization, no unit
            own = next((name[: k + len(p)] for p in parents if (k := name.find(p)) > 0), None)
            if own is not None and not article.entities[head].name.endswith(own):
                continue  # 西川银行北京分行 names its own bank (特区政府民政事务局 names the head's short form)
            if not name.endswith(placed) and any(s == 0 for s, _e, _p in find_places(name)):
                continue  # 常熟理工学院: a place starts it, a school of its own (not 北京分行: scope placed)
            out.append(Relation("partOf", a, head, *_read_where(article, a, head)))
    return out


@derived
def _group_suffix_re() -> re.Pattern:
    """A group company's legal suffix: 甲集团有限公司 heads units named 甲集团乙分公司."""
    heads = "|".join(f"(?<={re.escape(w)})" for w in words("context_group_words"))
    return re.compile(f"(?:{heads})" + alternation("context_legal_suffixes") + "$")


def _group_stems(name: str) -> list[str]:
    """甲集团有限公司 -> [甲集团]: the short form its units' names start with."""
    stem = _group_suffix_re().sub("", name)
    return [stem] if stem != name else []


def _stated_ownership(article: Article, view: TextView) -> list[Relation]:
    """X旗下/所属/下属(的)(企业|公司)Y、Z -> Y, Z part of X; X是…Y旗下公司 -> X part of Y.

    The owner is the organization written right before the ownership word,
    else the last one named before it in the sentence (甲集团董事长…介绍了所属企业乙公司).
    """
    out = []
    for m in view.find(OWNED_RE, 0, len(view.text)):
        si = article.sentence_of(m.start())
        s = article.sentences[si]
        before = [r for r in view.refs_in(s.start, m.start()) if r.type == "Organization"]
        if not before or _re("context_reorganized_words").search(s.text):
            continue  # …所属的Y等重组整合而成: a former owner
        owner = before[-1]
        start = m.end()
        while True:
            gen = _re("context_owned_nouns").match(view.text, start)
            ref = view.ref_starting(start)
            if ref is not None and ref.generic:  # 旗下公司: a generic word, not a name
                start = ref.end
            elif gen and view.outside_refs(gen.start(), gen.end()):
                start = gen.end()
            else:
                break
        after = view.list_items(start, _clause_end(view, start, s.end))
        after = [r for r in after if r.type == "Organization" and r.entity != owner.entity]
        if after:
            for r in after:
                out.append(Relation("partOf", r.entity, owner.entity, si, s.text))
        elif before[0].entity != owner.entity and "是" in view.text[before[0].end : owner.start]:
            # X是…Y旗下公司
            out.append(Relation("partOf", before[0].entity, owner.entity, si, s.text))
    return out


def _clause_end(view: TextView, start: int, end: int) -> int:
    m = re.compile(r"[，,；;。]").search(view.text, start, end)
    return m.start() if m else end


#: units that live inside a host: labs, centres, schools (甲重点实验室, 乙研究中心):
#: _re("context_unit_suffixes", None, "$"); hosts of units: universities, academies,
#: institutes, labs (for the 在A… frame): _re("context_host_suffixes", "host", "$"); hosts a
#: visit carries over to the next sentences: universities only (scope school); independent
#: organizations, never a unit of a host: _re("context_independent_words"); the locative
#: frame 在A、B、C，…: _re("context_locative_words")


def _is_unit(article: Article, ref, hosts: set[int]) -> bool:
    name = article.entities[ref.entity].name
    return (ref.type == "Organization" and ref.entity not in hosts and bool(_re("context_unit_suffixes", None, "$").search(name))
            and not _re("context_independent_words").search(name))


def _units_visited_inside(article: Article, view: TextView) -> list[Relation]:
    """Units visited inside a host (see the module doc); a unit whose name
    extends another organization's is left to :func:`_names_extending`."""
    out = []
    for m in view.find(_re("context_unit_visit_verbs"), 0, len(view.text)):
        si = article.sentence_of(m.start())
        s = article.sentences[si]
        hosts = _locative_hosts(article, view, s.start, m.start())
        if not hosts:
            hosts = _school_visited_before(article, view, si)
        units = [r for r in view.list_items(m.end(), _clause_end(view, m.end(), s.end))
                 if _is_unit(article, r, set(hosts))]
        if not hosts or not units or (len(hosts) > 1 and len(hosts) != len(units)):
            continue
        for k, u in enumerate(units):
            host = hosts[k] if len(hosts) > 1 else hosts[0]
            out.append(Relation("partOf", u.entity, host, si, s.text))
    return out


def _units_after_host(article: Article, view: TextView) -> list[Relation]:
    """A unit written right after its host: 甲大学乙学院院长, 甲大学丙实验室主任 -> part of 甲大学.

    Only the unit touching the host's name: in 甲大学乙学院、丙实验室 the
    second is not linked (it may belong elsewhere), and units never to each other.
    """
    out = []
    for a, b in zip(view.refs, view.refs[1:]):
        if a.end != b.start or a.type != "Organization" or a.generic or b.generic or a.entity == b.entity:
            continue
        host = article.entities[a.entity].name
        if (_re("context_host_suffixes", "host", "$").search(host) and not _re("context_unit_suffixes", None, "$").search(host)
                or host.endswith(words("context_host_suffixes", "always"))):
            if _is_unit(article, b, {a.entity}):
                si = article.sentence_of(b.start)
                out.append(Relation("partOf", b.entity, a.entity, si, article.sentences[si].text))
    return out


def _locative_hosts(article: Article, view: TextView, start: int, end: int) -> list[int]:
    """A、B、C of ``在A、B、C，`` written before ``end`` in the sentence, when all are hosts."""
    for m in view.find(_re("context_locative_words"), start, end):
        items = view.list_items(m.end(), _clause_end(view, m.end(), end))
        names = [article.entities[r.entity].name for r in items]
        if items and all(r.type == "Organization" and _re("context_host_suffixes", "host", "$").search(n) for r, n in zip(items, names)):
            return [r.entity for r in items]
    return []


def _school_visited_before(article: Article, view: TextView, si: int) -> list[int]:
    """The university the last visit before sentence ``si`` went to, when it
    was written in this paragraph or the one before, and no other place or
    organization was visited since."""
    para = article.sentences[si].paragraph
    last = None
    for ev in article.events:
        if ev.kind == "Visit" and ev.targets and ev.sentence < si:
            if last is None or ev.sentence >= last[0]:
                last = (ev.sentence, ev.targets[-1])
    if last is None or para - article.sentences[last[0]].paragraph > 1:
        return []
    e = article.entities[last[1]]
    return [last[1]] if e.type == "Organization" and _re("context_host_suffixes", "school", "$").search(e.name) else []
