"""Gazetteer of places: Chinese administrative divisions (with codes and
hierarchy) plus foreign countries and their major cities.

Data: ``data/china_location.tsv`` (province / city / county levels, division
codes, short forms) and ``data/world_location.tsv`` (countries, capitals, major
cities), JioNLP's place lists shipped as this package's own data
(``scripts/vendor_gazetteer.py`` regenerates them), plus the curated
``data/places_foreign.tsv`` (states, provinces and more cities of common
partner countries, the country as parent). Read through ``importlib.resources``
on first use and cached for the process; nothing is loaded at import time, and
no other package's files are read.

Public API (used by recognition and by relation extraction for locatedIn)::

    find_places(text)  -> [(start, end, Place)]   longest matches, disambiguated
    lookup(name)       -> [Place]                  every place with that name/short form
    by_code(code)      -> Place | None
    parent_of(place)   -> Place | None

``Place.level`` is one of ``Country``, ``Province``, ``City``, ``District``,
``Park`` (development zones that JioNLP lists with a division code).
``Place.parent`` is the parent's code (``None`` for countries). Chinese
province-level units have the country ``中国`` as parent (code ``W:中国``);
foreign places have synthetic codes ``W:<name>``.
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.lexicons.load import derived, entries, words

LEVELS = ("Country", "Province", "City", "District", "Park")

#: province-level municipalities: level City (the graph treats them as cities)
_MUNICIPALITIES = {"110000", "120000", "310000", "500000", "810000", "820000"}


@derived
def _short_stop() -> frozenset[str]:
    """Short forms that are ordinary words far more often than place names
    (data/place_short_stop.tsv); only their full forms (with 市/县/区) are matched."""
    return frozenset(words("place_short_stop"))


def home_country() -> str:
    """The home country's name (data/place_home_country.tsv): the parent of the Chinese provinces."""
    home = words("place_home_country")
    return home[0] if home else ""


#: Hong Kong / Macau: their districts are known by their short forms (沙田, 湾仔)
_SAR_CODES = ("810000", "820000")
SAR_CODES = frozenset(_SAR_CODES)


@dataclass(frozen=True)
class Place:
    """One place of the gazetteer."""

    name: str  # official full name: 平顶山市, 河南省, 美国
    short: str  # usual short form: 平顶山, 河南, 美国 (== name when none)
    code: str | None  # division code ("410400") or synthetic "W:<name>" for foreign places
    level: str  # Country / Province / City / District / Park
    parent: str | None  # parent's code, None for countries


@dataclass
class _Index:
    by_code: dict[str, Place]
    #: surface form -> places it may denote (full names first)
    names: dict[str, list[Place]]
    #: character trie over the surface forms: nested dicts, "" marks an end
    trie: dict


def _data_lines(filename: str) -> list[str]:
    """The lines of one of the package's data files in ``kg/lexicons/data``."""
    from importlib import resources

    return resources.files("kg.lexicons").joinpath("data", filename).read_text(encoding="utf-8").splitlines()


def _read_china(lines: list[str]) -> list[Place]:
    places: list[Place] = []
    province = city = None
    for line in lines:
        depth = len(line) - len(line.lstrip("\t"))
        if depth > 2:
            continue
        parts = line.strip().split("\t")
        if depth == 2 and len(parts) == 1 and parts[0] and city is not None and city.code.startswith("71"):
            parts = [parts[0], "", parts[0]]  # Taiwan districts are listed without codes
        if len(parts) != 3:
            continue
        name, code, alias = parts
        short = alias.split("/")[0] if alias else name
        if depth == 0:
            level = "City" if code in _MUNICIPALITIES else "Province"
            province = Place(name, short, code, level, f"W:{home_country()}")
            city = None
            places.append(province)
        elif depth == 1:
            if province is not None and code == province.code:
                city = province  # municipality listed again as its own city
                continue
            city = Place(name, short, code, "City", province.code if province else None)
            places.append(city)
        else:
            parent = city.code if city is not None else (province.code if province else None)
            if len(code) == 6 and code[4] == "7":
                # development zones carry codes xxxx7x and generic short forms (高新区)
                places.append(Place(name, name, code, "Park", parent))
                continue
            if not code or code == parent:
                code = f"{parent}:{name}"  # Hong Kong / Macau / Taiwan districts: no code of their own
            places.append(Place(name, short, code, "District", parent))
    return places


def _curated_rows(filename: str) -> list[tuple[str, str, str, str]]:
    """The rows of a curated place list in ``kg/lexicons/data``: tab-separated
    name, short form, level and parent name; comments and malformed lines skipped."""
    rows = []
    for line in _data_lines(filename):
        parts = line.split("\t")
        if not line.startswith("#") and len(parts) == 4:
            rows.append((parts[0], parts[1], parts[2], parts[3]))
    return rows


def _read_extra(known: list[Place]) -> list[Place]:
    """The curated places of ``data/places_hk_mo_tw.tsv`` (children of known places)."""
    by_name = {p.name: p for p in known}
    out: list[Place] = []
    for name, short, level, parent_name in _curated_rows("places_hk_mo_tw.tsv"):
        parent = by_name.get(parent_name)
        if parent is None or level not in LEVELS:
            continue
        p = Place(name, short or name, f"{parent.code}:{name}", level, parent.code)
        by_name[name] = p
        out.append(p)
    return out


def _read_foreign(world: list[Place], taken: set[str]) -> list[Place]:
    """The curated foreign states, provinces and cities of ``data/places_foreign.tsv``
    (children of a country of the world list); a name that already names a
    place (a Chinese division, a listed city) is left to that place."""
    countries = {p.name: p for p in world if p.level == "Country"}
    out: list[Place] = []
    for name, short, level, country_name in _curated_rows("places_foreign.tsv"):
        country = countries.get(country_name)
        if country is None or level not in LEVELS or name in taken:
            continue
        out.append(Place(name, short or name, f"{country.code}/{name}", level, country.code))
        taken.add(name)
    return out


def _read_world(lines: list[str]) -> list[Place]:
    places: list[Place] = []
    for line in lines:
        parts = line.rstrip("\n").split("\t")
        if len(parts) < 3:
            continue  # continent headers
        short, full, capital = parts[0], parts[1], parts[2]
        if short == home_country():
            places.append(Place(short, short, f"W:{short}", "Country", None))
            continue
        code = f"W:{short}"
        places.append(Place(short, short, code, "Country", None))
        if full and full != short:
            places.append(Place(full, short, code, "Country", None))
        cities = [capital] + (parts[3].split("/") if len(parts) > 3 and parts[3] else [])
        for c in cities:
            c = c.strip()
            if c and c != short and len(c) >= 2:
                places.append(Place(c, c, f"W:{short}/{c}", "City", code))
    return places


def _surface_forms(p: Place) -> list[str]:
    forms = [p.name]
    if p.short and p.short != p.name and len(p.short) >= 2 and p.short not in _short_stop():
        if (p.level in ("Country", "Province", "City") or (p.level == "District" and p.name.endswith(words("place_level_chars", "county_city")))
                or (p.level == "District" and (p.parent or "").startswith((*_SAR_CODES, _TAIWAN)))):
            forms.append(p.short)  # 花莲 for 花莲县: Taiwan's counties go by their short forms
    return forms


#: division codes of Taiwan start with it (its counties are known by their short forms)
_TAIWAN = "71"
#: codes of places outside the home country start with it (kg.lexicons.gazetteer._read_world)
_WORLD = "W:"


def outside_mainland(code: str | None) -> bool:
    """Whether a place code is Hong Kong's, Macau's or Taiwan's, or a place in them."""
    return bool(code) and code.startswith((*(c[:2] for c in _SAR_CODES), _TAIWAN))


def _aliases(places: list[Place]) -> list[Place]:
    """Other names of known places (data/place_aliases.tsv: alias, then the
    official name), each a place of its own name with the same code."""
    by_name = {p.name: p for p in places}
    out = []
    for e in entries("place_aliases"):
        for official in e.scope:
            p = by_name.get(official)
            if p is not None:
                out.append(Place(e.word, e.word, p.code, p.level, p.parent))
                break
    return out


@derived
def _index() -> _Index:
    china = _read_china(_data_lines("china_location.tsv"))
    world = _read_world(_data_lines("world_location.tsv"))
    places = china + _read_extra(china) + world
    taken = {f for p in places for f in _surface_forms(p)}
    places += _read_foreign(world, taken)
    places += _aliases(places)
    by_code: dict[str, Place] = {}
    names: dict[str, list[Place]] = {}
    for p in places:
        if p.code and p.code not in by_code:
            by_code[p.code] = p
    for full_pass in (True, False):  # full names first, then short forms
        for p in places:
            for form in _surface_forms(p):
                if (form == p.name) != full_pass:
                    continue
                lst = names.setdefault(form, [])
                if p not in lst:
                    lst.append(p)
    # a foreign city written with the city word (名古屋市, 里斯本市): the same city, unless another
    # place has that name (data/place_m_admin_suffixes.tsv, scope level_City)
    for word in words("place_m_admin_suffixes", "level_City"):
        for p in places:
            if p.level == "City" and (p.code or "").startswith(_WORLD) and not p.name.endswith(word):
                names.setdefault(p.name + word, [p])
    trie: dict = {}
    for form in names:
        node = trie
        for ch in form:
            node = node.setdefault(ch, {})
        node[""] = True
    return _Index(by_code, names, trie)


def lookup(name: str) -> list[Place]:
    """Every place whose full name or short form is ``name`` (full-name readings first)."""
    return list(_index().names.get(name, []))


def by_code(code: str | None) -> Place | None:
    if not code:
        return None
    return _index().by_code.get(code)


def parent_of(place: Place) -> Place | None:
    return by_code(place.parent)


def ancestors(place: Place) -> list[Place]:
    """Parent, grandparent, ... up to the country."""
    out: list[Place] = []
    p = parent_of(place)
    while p is not None and p not in out:
        out.append(p)
        p = parent_of(p)
    return out


def within(inner: Place, outer: Place) -> bool:
    """Whether the gazetteer puts ``inner`` inside ``outer`` (昆山 in 苏州市, 苏州市 in 中国)."""
    return inner.parent == outer.code or any(a.code == outer.code for a in ancestors(inner))


def _raw_matches(text: str) -> list[tuple[int, int, str]]:
    """Longest, left-to-right, non-overlapping surface-form matches."""
    trie = _index().trie
    out: list[tuple[int, int, str]] = []
    i, n = 0, len(text)
    while i < n:
        node = trie.get(text[i])
        if node is None:
            i += 1
            continue
        best = 0
        j = i + 1
        if "" in node:
            best = j
        while j < n and node is not None:
            node = node.get(text[j])
            j += 1
            if node is not None and "" in node:
                best = j
        if best - i >= 2:
            out.append((i, best, text[i:best]))
            i = best
        else:
            i += 1
    return out


_LEVEL_RANK = {"Country": 0, "Province": 1, "City": 2, "District": 3, "Park": 4}


def choose(candidates: list[Place], context: list[Place]) -> Place:
    """Pick one reading of an ambiguous name.

    Prefer a reading related to the unambiguous places of the same text
    (its ancestor or descendant), then a full-name reading over a short
    form, then the higher level (city over district).
    """
    if len(candidates) == 1:
        return candidates[0]
    ctx_codes = {p.code for p in context}
    ctx_anc = {a.code for p in context for a in ancestors(p)}

    def score(p: Place) -> tuple:
        related = (p.code in ctx_anc) or any(a.code in ctx_codes for a in ancestors(p))
        return (related, -_LEVEL_RANK.get(p.level, 5))

    return max(candidates, key=score)


def find_places(text: str) -> list[tuple[int, int, Place]]:
    """Places named in ``text``: ``(start, end, Place)``, longest match first,
    ambiguous names resolved against the other places of the text; then the
    short forms of counties and districts whose city the text names
    (:func:`_county_shorts`). A function of the text and the gazetteer alone,
    asked of the same names again and again: remembered for a short text (a name,
    :data:`REMEMBERED_CHARS`; a new list each time)."""
    if len(text) <= REMEMBERED_CHARS:
        return list(_remembered_places_in(text))
    return list(_places_in(text))


#: the longest text whose places :func:`find_places` remembers (names, not sentences)
REMEMBERED_CHARS = 24


@derived(maxsize=1 << 15)
def _remembered_places_in(text: str) -> tuple[tuple[int, int, Place], ...]:
    return _places_in(text)


def _places_in(text: str) -> tuple[tuple[int, int, Place], ...]:
    idx = _index()
    raw = _raw_matches(text)
    unambiguous = [idx.names[s][0] for _, _, s in raw if len(idx.names[s]) == 1]
    raw = [_level_char_cut(text, s, e, form) for s, e, form in raw]
    hits = [(s, e, choose(idx.names[form], unambiguous)) for s, e, form in raw]
    hits = _same_place_readings(text, hits)
    return tuple(sorted(hits + _county_shorts_in(text, hits), key=lambda h: h[0]))


def _level_char_cut(text: str, s: int, e: int, form: str) -> tuple[int, int, str]:
    """桂林市场 is 桂林 + 市场: a full name whose last character starts a word of
    data/place_level_char_words.tsv is written in its short form there."""
    short = form[:-1]
    if len(short) >= 2 and short in _index().names and any(text.startswith(w, e - 1) for w in words("place_level_char_words")):
        return s, e - 1, short
    return s, e, form


def _same_place_readings(text: str, hits: list[tuple[int, int, Place]]) -> list[tuple[int, int, Place]]:
    """One place written in two forms gets one reading: a name listed twice (金门县 under
    泉州市 and under Taiwan) takes the reading its other form (金门, one reading only) has,
    when both readings share the name."""
    chosen = {p.name: p for s, e, p in hits if len(lookup(text[s:e])) == 1}
    out = []
    for s, e, p in hits:
        q = chosen.get(p.name)
        out.append((s, e, q if q is not None and q.code != p.code and q in lookup(p.name) else p))
    return out


@derived
def _county_shorts() -> dict[str, list[tuple[Place, bool]]]:
    """Short forms that are no surface form of their own: of counties and
    districts (翔安 of 翔安区, 武义 of 武义县), and the stop-listed ones
    (data/place_short_stop.tsv: 金华), marked True; two or more characters,
    no name of another place."""
    idx = _index()
    out: dict[str, list[tuple[Place, bool]]] = {}
    for p in idx.by_code.values():
        if p.short == p.name or len(p.short) < 2 or p.short in idx.names:
            continue
        stopped = p.short in _short_stop()
        if p.level == "District" or stopped:
            out.setdefault(p.short, []).append((p, stopped))
    return out


@derived
def _county_short_lengths() -> tuple[int, ...]:
    """The lengths of :func:`_county_shorts`' forms, longest first (computed once, not per text)."""
    return tuple(sorted({len(f) for f in _county_shorts()}, reverse=True))


def _county_shorts_in(text: str, hits: list[tuple[int, int, Place]]) -> list[tuple[int, int, Place]]:
    """A county's or district's short form where the text names its city
    (厦门…翔安, 金华、武义), a stop-listed short form right after its parent's
    name (浙江金华): outside the other hits, one reading only."""
    shorts = _county_shorts()
    named = {p.code for _, _, p in hits}
    if not named:
        return []
    ends = {(e, p.code) for _, e, p in hits}
    covered = [False] * len(text)
    for s, e, _ in hits:
        for k in range(s, e):
            covered[k] = True
    out = []
    for n in _county_short_lengths():
        for i in range(len(text) - n + 1):
            form = text[i:i + n]
            if form not in shorts or any(covered[i:i + n]):
                continue
            readings = [p for p, stopped in shorts[form]
                        if p.parent in named and (not stopped or (i, p.parent) in ends)]
            if len(readings) != 1:
                continue
            out.append((i, i + n, readings[0]))
            for k in range(i, i + n):
                covered[k] = True
            named.add(readings[0].code)
    return out
