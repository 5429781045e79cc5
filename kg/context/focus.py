"""Discourse focus: the place a 市/省/区 word means, and implied bodies.

News text says 我市, 市委, 市长 for the article's own city. This module

- knows each place entity's administrative level and gazetteer reading
  (:class:`PlaceInfo`, :func:`place_infos`),
- picks the place *in focus* for a level (:func:`focus_place`): the most
  recent one of that level before an offset in the paragraph, else the
  most mentioned one in the article,
- names *implied bodies* (:func:`implied_body`, :func:`resolve_bodies`):
  市委 in an article about 阳泉 is 阳泉市委, 高新区党工委 is
  唐山高新区党工委; an entity is created for such a body only when no
  entity of that name exists.

Generic organization words (集团, 我所) and titled surnames (吴市长) are
resolved in kg.context.generics, on top of this module.

A generic word alone never creates an entity: only a body word attached to
a known place does (the annotation guide's 平顶山市委 from 市委书记).
"""

from __future__ import annotations

import re

from kg.context.places import PlaceInfo, _stem, body_re, park_bodies, place_mentions
from kg.doc import Article, LocalEntity, Mention
from kg.lexicons.load import alternation, derived, entries, words

#: words after the admin character that are not bodies (市场, 市民): data/context_not_body_starts.tsv;
#: characters before 市/省/区 that make it part of a word (城市, 全市, 县区): data/context_word_before_admin.tsv


@derived
def _chars(concept: str) -> frozenset[str]:
    return frozenset(words(concept))


@derived
def _body_start_re() -> re.Pattern:
    """An admin character a body may follow (市委, 省政府), or the start of a park body (党工委)."""
    chars = "".join(words("place_m_admin_suffixes", "body"))
    return re.compile(f"[{chars}]|(?=" + alternation("context_zone_bodies", "park") + ")")


def focus_place(article: Article, infos: dict[int, PlaceInfo], kind: str, offset: int) -> int | None:
    """The place that 市/省/区/县 (or "Park") at ``offset`` refers to.

    The most recent fitting place mentioned earlier in the same paragraph
    (a body's name counts: 平顶山市委 mentions 平顶山市), else the one most
    mentioned in the article (the article's own city for 市委/我市). A place
    a trip verb after ``offset`` in its clause goes to is never meant
    (市委书记王一带队赴乙市: the travellers' own 市委); with no other place of
    that level named, None. A town (镇: data/place_m_admin_suffixes.tsv, scope
    level_Town) only when written earlier in the same sentence.
    """
    from kg.context.trips import destinations_ahead

    para = article.sentences[article.sentence_of(offset)].paragraph if article.sentences else 0
    best, best_at = None, -1
    counts: dict[int, int] = {}
    first: dict[int, int] = {}
    away = destinations_ahead(article, offset)  # 市委书记王一带队赴乙市: not 乙市's 市委
    # 乙市考察团来我市: 市委 is not 乙市委, unless 乙市 is written in the sentence before it
    # (乙市委书记王一，市委副书记李四率队), outside the clause that brings the guests
    guests = guests_homes(article, infos, kind, offset)
    sent_start = article.sentences[article.sentence_of(offset)].start if article.sentences else 0
    locative = words("context_locative_words")
    for pos, i in place_mentions(article, infos):
        if not infos[i].fits(kind) or i in away or \
                (i in guests and not (sent_start <= pos < offset and not _brings_guests(article, kind, pos, offset))):
            continue
        counts[i] = counts.get(i, 0) + (0 if i in guests else 1)
        first.setdefault(i, pos)
        if pos < sent_start and article.text.endswith(locative, 0, pos):
            continue  # 甲市政府与乙在北京签署协议。市长王一: where it happened, no 北京's mayor
        if pos < offset and article.sentences[article.sentence_of(pos)].paragraph == para:
            best, best_at = i, pos
    town = kind in words("place_m_admin_suffixes", "level_Town")
    if town and (best is None or best_at < sent_start):
        return None  # 镇长: the town written before it in its sentence, never one of the tour (全镇…赴甲镇)
    if best is None or best_at < sent_start:
        # 梧州日报讯 …赴广州…。市长王一: a local outlet's bare 市长 is its own city's
        own = writer_place(article, infos, kind)
        if own is not None and own not in away and own not in guests:
            return own
    if best is None and counts:
        best = max(counts, key=lambda i: (counts[i], -first[i]))
    if best is not None:
        home = _trip_home(article, infos, kind, best, best_at)
        return home if home is not None and home not in away and home not in guests else best
    return None


def writer_place(article: Article, infos: dict[int, PlaceInfo], kind: str) -> int | None:
    """The place of level ``kind`` the publisher is named after (吉林市人民政府网 -> 吉林市,
    梧州日报 -> 梧州市): the writer's own place, which 我市 means, and a bare 市长
    written away from any other city. Never Hong Kong, Macau or Taiwan (中国台湾网
    is no outlet of Taiwan's, and they have no 市委 or 省委)."""
    from kg.lexicons.gazetteer import outside_mainland

    pubs = publisher_forms(article.meta.publisher if article.meta else None)
    best = None
    for i, info in infos.items() if pubs else ():
        if info.fits(kind) and not outside_mainland(info.code):
            for n in (article.entities[i].name, *article.entities[i].aliases, info.stem):
                if named_after(pubs, n) and (best is None or len(n) > best[1]):
                    best = (i, len(n))
    return best[0] if best else None


def named_after(pubs: tuple[str, ...], name: str) -> bool:
    """Whether a publisher (its forms, :func:`publisher_forms`) is named after ``name``
    (two characters or more: 梧州日报 after 梧州)."""
    return len(name) >= 2 and any(p.startswith(name) for p in pubs)


def publisher_forms(pub: str | None) -> tuple[str, ...]:
    """The publisher's name, and without a word written before the place a local outlet
    is named after (中国宁波网 -> 宁波网: data/org_media_outlets.tsv, scope prefix)."""
    if not pub:
        return ()
    return (pub, *(pub[len(w):] for w in words("org_media_outlets", "prefix") if pub.startswith(w)))


@derived
def _self_arrival_re() -> re.Pattern:
    """A trip or arrival verb right before a self reference of a place (来我市,
    到我省): words of data/trigger_abbrev_arrival.tsv and the trip verbs, then
    a Place word of data/context_self_refs.tsv; group 1 is the self word."""
    from kg.lexicons.triggers import TRIP_RE

    selfs = [e.word for e in entries("context_self_refs") if "Place" in e.scope]
    verbs = alternation("trigger_abbrev_arrival")[3:-1] + "|" + TRIP_RE.pattern
    return re.compile("(?:" + verbs + ")(" + "|".join(map(re.escape, selfs)) + ")")


def _guest_clauses(article: Article, kind: str) -> list[tuple[int, int, int | None]]:
    """(clause start, verb start, destination or None) of the clauses that bring
    guests to the writer's place: 江宁市市长王一率队来我市考察 (a self reference
    of level ``kind``) and 甲市代表团来乙市考察 (kg.context.trips.coming_clauses)."""
    from kg.context.trips import _place_starts, coming_clauses, per_mentions_state

    out = [(lo, s, None) for lo, s, kinds in self_arrivals(article.text, lambda: _place_starts(article)[0])
           if kind in kinds]
    return out + per_mentions_state(article, "_coming", coming_clauses)


def self_arrivals(text: str, place_starts) -> list[tuple[int, int, tuple[str, ...]]]:
    """(clause start, verb start, levels meant) of every clause in which guests come
    to the writer's own place (来我市: the self word's levels, data/context_generic_antecedents.tsv);
    ``place_starts()`` gives the starts of the text's place mentions, asked for once."""
    from kg.context.trips import guests_clause_start

    out = []
    starts = None
    for m in _self_arrival_re().finditer(text):
        kinds = tuple(words("context_generic_antecedents", m.group(1)))
        if not kinds:
            continue
        if starts is None:
            starts = place_starts()
        out.append((guests_clause_start(text, m.start(), starts), m.start(), kinds))
    return out


def guests_homes(article: Article, infos: dict[int, PlaceInfo], kind: str, offset: int) -> set[int]:
    """Homes of travellers who come to the article's own place (江宁市市长王一率队
    来我市考察, 甲市代表团来乙市考察): the places of level ``kind`` before the
    verb are the guests', so 市委 / 市领导 / 我市 elsewhere never mean them
    (before the verb in its own clause they do); the place they come to is none."""
    out: set[int] = set()
    refs = None
    for lo, s, dest in _guest_clauses(article, kind):
        if lo <= offset < s:
            continue
        if refs is None:
            # a self reference (我市 … 访汉) is the writer's place, never the guests'
            selfs = {m.start for m in article.mentions if m.generic}
            refs = [(pos, i) for pos, i in place_mentions(article, infos) if pos not in selfs]
        out |= {i for pos, i in refs if lo <= pos < s and i != dest}
    return out


def _brings_guests(article: Article, kind: str, pos: int, offset: int) -> bool:
    """Whether ``pos`` lies in a clause that brings guests, before its verb,
    and ``offset`` does not (there the guests' own body words are theirs)."""
    return any(lo <= pos < s and not lo <= offset < s for lo, s, _ in _guest_clauses(article, kind))


def _trip_home(article: Article, infos: dict[int, PlaceInfo], kind: str, chosen: int, at: int) -> int | None:
    """The travellers' home when ``chosen`` was last written as a trip's destination.

    In ``甲市委书记王一率团赴乙市考察，市委常委、秘书长张三一同参加`` the
    last city named is 乙市, but 市委 is the travellers' own: 甲市委 (see
    kg.context.trips). When 乙市 was named since as the owner of a title
    (乙市委常委李四出席。区委常委…), it stays in focus. ``at`` is the offset
    of ``chosen``'s latest mention in the paragraph, -1 when it was chosen as
    the article's most mentioned place (then any destination yields).
    """
    from kg.context.model import context_of
    from kg.context.trips import home_of

    ctx = context_of(article)
    if at >= 0 and not any(at in t.at for t in ctx.trips):
        return None
    if chosen not in ctx.destinations:
        return None
    return home_of(ctx.trips, lambda i: i in infos and infos[i].fits(kind))


def find_entity(article: Article, name: str, type: str | None = None) -> int | None:
    """The entity named ``name`` (its name or an alias), else the one whose name
    shares its coreference key (臨海市人民政府 for 临海市政府: kg.recognize.coref.name_key)."""
    from kg.recognize.coref import name_key

    for i, e in enumerate(article.entities):
        if (type is None or e.type == type) and (e.name == name or name in e.aliases):
            return i
    key = name_key(name)
    for i, e in enumerate(article.entities):
        if (type is None or e.type == type) and any(name_key(n) == key for n in (e.name, *e.aliases)):
            return i
    return None


def implied_body(article: Article, place: int, body: str, admin_char: str = "") -> int:
    """The body ``body`` of place entity ``place`` (市委 of 阳泉 -> 阳泉市委), found or created."""
    pname = article.entities[place].name
    stem = _stem(pname)
    if not admin_char and body[:1] and pname.endswith(body[0]) and len(stem) >= 2 and stem != pname:
        # the body repeats the place's level character (市经开区党工委 of 马鞍山市): written once
        # (马鞍山市经开区党工委); a one-character stem keeps it (睢县县委, 津市市委)
        found = find_entity(article, pname + body, "Organization")
        if found is not None:
            return found
        body = body[1:]
    names = [pname + body, stem + admin_char + body] if admin_char else [pname + body]
    if body.startswith(words("body_committee_words")) and pname.endswith(words("place_m_admin_suffixes", "body")):
        names.insert(0, pname + body)
    # the place's other names (临港开发区 for 甲临港开发区) name the same body
    others = [a + body for a in sorted(article.entities[place].aliases) if len(a) >= 2]
    others += [f for a in sorted(article.entities[place].aliases) if len(a) >= 2 for f in _zone_body_forms(a, body)]
    for n in names + [p + names[0] for p in words("body_party_prefixes")] + _zone_body_forms(pname, body) + others:
        found = find_entity(article, n, "Organization")
        if found is not None:
            return found
    name = names[-1] if admin_char and not pname.endswith(admin_char) else names[0]
    article.entities.append(
        LocalEntity(name=name, type="Organization", subtype="GovernmentBody", context=pname)
    )
    return len(article.entities) - 1


def _zone_body_forms(zone: str, body: str) -> list[str]:
    """Other spellings of a zone's body: 甲高新区管委会 = 甲高新技术产业开发区管理委员会."""
    from kg.context.structure import zone_forms

    short = words("context_zone_bodies", "short")  # 管委会 = 管理委员会
    bodies = {body, *words("context_zone_bodies", "long")} if body in short else {body}
    return sorted(z + b for z in zone_forms(zone) for b in bodies)


def add_generic_mention(article: Article, start: int, end: int, entity: int) -> None:
    e = article.entities[entity]
    article.mentions.append(
        Mention(start, end, article.text[start:end], e.type, subtype=e.subtype, source="focus", generic=True, entity=entity)
    )
    e.mentions.append(len(article.mentions) - 1)


def resolve_bodies(article: Article, infos: dict[int, PlaceInfo], cov: list[bool]) -> None:
    """市委, 市政府, 省发改委, 区文旅局, 党工委 …: the body of the place in focus.

    The place is the place name written right before the body (宜宾市 in
    宜宾市政府, 高新区 in 高新区党工委), else the place in focus for the
    level the admin character names (市 -> the city, 省 -> the province);
    党工委 and 管委会 without a place belong to the park in focus.
    """
    text = article.text
    place_ending = {
        m.end: m.entity for m in article.mentions
        if m.entity is not None and article.entities[m.entity].type == "Place"
    }
    word_before, not_body_start, parks = _chars("context_word_before_admin"), _chars("context_not_body_starts"), park_bodies()
    for m in _body_start_re().finditer(text):
        s, char = m.start(), m.group()
        if char and cov[s]:
            # the admin character ends a place name: 宜宾市|政府
            place, admin, start = place_ending.get(s + 1), "", s + 1
            if place is None:
                continue
        else:
            start, admin = s, char
            place = place_ending.get(s)
            if place is None and s and text[s - 1] in word_before:
                continue
        body_start = s + len(char)
        b = body_re().match(text, body_start)
        if not b or any(cov[body_start : b.end()]) or text[body_start : body_start + 1] in not_body_start:
            continue
        body = b.group()
        if not char and body not in parks:
            continue
        if place is None:
            place = focus_place(article, infos, char or "Park", s)
        if place is None:
            continue
        ent = implied_body(article, place, body, admin)
        add_generic_mention(article, start, b.end(), ent)
        for i in range(start, b.end()):
            cov[i] = True
