"""Abbreviated organization names (北航 for 北京航空航天大学, 工研院, 成大).

Three scans, each on a clear left boundary (punctuation or a stop word):
an abbreviation leading a longer org name (北航泉州创新研究院 starts at 北航);
an abbreviation right before a title (甲大校长X: 甲大 is the university);
an abbreviation written alone that shortens a full name of the article
(kg.recognize.coref.abbreviation_target decides the fit).
"""

from __future__ import annotations

import re
from bisect import bisect_left

from kg.doc import Mention
from kg.lexicons import gazetteer as G
from kg.recognize import left_walk as LW
from kg.recognize import model_spans as MS
from kg.lexicons import org_lexicon as LX
from kg.recognize import orgs as O
from kg.recognize import persons as P
from kg.lexicons import titles as T
from kg.recognize.candidates import Candidate


def abbreviation_prefixes(text: str, cands: list[Candidate]) -> list[Mention]:
    """An organization name led by the abbreviation of another organization of
    the article (北航 + 泉州创新研究院, 北航 abbreviating 北京航空航天大学) starts
    at the abbreviation, when a clear boundary stands before it.

    The candidate is extended in place; the abbreviation itself comes back as
    a mention nested in it, naming the organization it abbreviates (北航 ->
    北京航空航天大学), so that coreference records it as that one's alias.
    Keep it only while its host is chosen (:func:`prefixes_in_chosen`)."""
    from kg.recognize.coref import abbreviation_target

    orgs = [c for c in cands if c.m.type == "Organization" and c.m.source == "org-rule"]
    names = sorted({c.m.text for c in orgs if len(c.m.text) >= 4})
    out: list[Mention] = []
    for c in orgs:
        m = c.m
        for n in (2, 3, 4):
            s = m.start - n
            if s < 0 or not all("\u4e00" <= ch <= "\u9fff" for ch in text[s:m.start]):
                break
            if not (s == 0 or text[s - 1] in P.PUNCT or LW.stop_before(text, s, LX.LEFT_STOPS)):
                continue
            short = text[s:m.start]
            target = abbreviation_target(short, [x for x in names if x != m.text])
            if target is not None:
                out.append(Mention(s, m.start, short, "Organization", LX.org_subtype(target), "abbreviation", target))
                m.start, m.text = s, text[s:m.end]
                break
    return out


def prefixes_in_chosen(prefixes: list[Mention], chosen: list[Mention]) -> list[Mention]:
    """The abbreviation prefixes whose host organization (the chosen mention
    they lead) survived overlap resolution."""
    heads = {(m.start, m.end) for m in chosen if m.type == "Organization"}
    return [p for p in prefixes if any(s == p.start and e > p.end for s, e in heads)]


#: last characters of abbreviated bodies (成大, 工研院, 经发局, 发改委, 市府办, 中科所)
_ABBREV_BODY_ENDS = {"大": "University", "院": "ResearchInstitution", "局": "GovernmentBody",
                     "委": "GovernmentBody", "办": "GovernmentBody", "所": "ResearchInstitution"}


def _title_end(text: str, pos: int) -> int:
    return pos + 1 if text[pos:pos + 1] == " " else pos


def abbreviations_before_titles(text: str, cands: list[Candidate]) -> list[Mention]:
    """A 2-4 character token right before a title, after a clear boundary,
    is an organization when it abbreviates one named in the article (中油 ->
    中国石油天然气集团有限公司), or, with no such name, when it ends with the
    character of a kind of body (成大, 工研院) and is no person or place."""
    from kg.recognize.coref import abbreviation_target

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
            if not (s == 0 or text[s - 1] in P.PUNCT or LW.stop_before(text, s, LX.LEFT_STOPS)):
                continue
            short = text[s:ts]
            if any(covered[s:ts]) or short in LX.GENERIC_ORGS or T.starts_with_title(short, 0):
                break
            target = abbreviation_target(short, full_names)
            if target is not None:
                out.append(Mention(s, ts, short, "Organization", LX.org_subtype(target), "abbreviation", target))
                break
            named_after = P.name_at(text, _title_end(text, t.end())) is not None
            if short[-1] in _ABBREV_BODY_ENDS and (named_after or not P.plausible_name(short)) \
                    and not G.lookup(short) \
                    and not MS.has_stop(short) and abbreviation_target(short, ["\u3007" * 8]) is None \
                    and not any(c in P.NON_NAME_CHARS for c in short[:-1]):
                out.append(Mention(s, ts, short, "Organization", _ABBREV_BODY_ENDS[short[-1]], "abbreviation"))
                break
    return out


def _forms_ending(text: str, ends) -> dict[int, int]:
    """start -> end of what ``re.compile("[\u4e00-\u9fff]{1,3}[ENDS]").search(text, pos)``
    finds at each start where it finds something: 1 to 3 Chinese characters, then one of
    ``ends``, the longest such (the regex's greedy repeat). Found from the places of the
    end characters, without compiling a pattern per article (its Chinese range costs
    half a millisecond to compile)."""
    forms: dict[int, int] = {}
    for ch in ends:
        e = text.find(ch)
        while e >= 0:
            for k in (3, 2, 1):
                s = e - k
                if s >= 0 and forms.get(s, 0) < e + 1 and all(map(P._is_cjk, text[s:e])):
                    forms[s] = e + 1
            e = text.find(ch, e + 1)
    return forms


def bare_abbreviations(text: str, mentions: list[Mention]) -> list[Mention]:
    """Short forms of the article's organizations written alone (工研院 for
    X工业技术研究院, kg.recognize.coref.abbreviation_target): 2-4 characters
    after a clear boundary, ending with the full name's last character (the
    kind of body: 院, 所, 局), on text no other mention covers. Coreference
    joins them to the full name."""
    from kg.recognize.coref import abbreviation_target

    full_names = sorted({m.canonical or m.text for m in mentions
                         if m.type == "Organization" and not m.generic and len(m.canonical or m.text) >= 5})
    if not full_names:
        return []
    ends = {n[-1] for n in full_names}
    occupied = bytearray(len(text) + 1)
    for m in mentions:
        occupied[m.start:m.end] = b"\x01" * (m.end - m.start)
    out = []
    forms = _forms_ending(text, ends)
    starts = sorted(forms)
    pos = 0
    while True:
        at = bisect_left(starts, pos)
        if at == len(starts):
            break
        start = starts[at]
        e = forms[start]
        pos = start + 1
        for s in range(start, e - 1):  # the shortest form after a boundary
            short = text[s:e]
            if len(short) < 2 or any(occupied[s:e]):
                continue
            if not (s == 0 or text[s - 1] in P.PUNCT or LW.stop_before(text, s, LX.LEFT_STOPS)):
                continue
            if O.title_like(text, e) or text[e:e + 1] == "长":
                continue  # 院长, 局长: a title
            target = abbreviation_target(short, [n for n in full_names if n[-1] == short[-1]])
            if target is None:
                continue
            occupied[s:e] = b"\x01" * (e - s)
            out.append(Mention(s, e, short, "Organization", LX.org_subtype(target), "abbreviation"))
            pos = e
            break
    return out
