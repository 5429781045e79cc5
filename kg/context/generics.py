"""Generic references: which entity a generic word or a titled surname means.

News text names an organization once and then calls it 集团, 公司, 研究所,
我所; it says 我市 for the article's own city and 吴市长 for a person named
with that title. This module resolves such words to the entity they mean and
records them as ``Mention(generic=True)``:

- :func:`resolve_generic_references`: 集团 / 公司 / 实验室 … -> the organization
  that is the topic of the paragraph (``甲集团有限公司由乙集团、丙集团重组而成。
  张三与集团董事长李四会谈`` -> 集团 is 甲集团有限公司); 我所 / 我市 -> the
  publishing body or the place in focus; then 市委 / 市政府 / 省发改委 via
  :func:`kg.context.focus.resolve_bodies`;
- :func:`resolve_titled_surnames`: 王市长 -> the only 王… who is a 市长.

A generic word alone never creates an entity, and it is never an alias.
"""

from __future__ import annotations

import re

from kg.doc import Article
from kg.context.focus import add_generic_mention, focus_place, resolve_bodies, writer_place
from kg.context.places import PlaceInfo, covered, place_infos
from kg.lexicons.load import alternation, derived, entries, words

#: generic words (data/context_generic_orgs.tsv), self references (data/context_self_refs.tsv)
#: and what their antecedent's name must contain (data/context_generic_antecedents.tsv)
_GENERIC, _SELF, _NEEDLES = "context_generic_orgs", "context_self_refs", "context_generic_antecedents"


@derived
def _not_company_re() -> re.Pattern:
    """Organizations a company word never means when they frame its sentence (在甲市政府，…)."""
    return re.compile(alternation("context_not_company_suffixes") + "$")


def _reference(concept: str, word: str) -> tuple[tuple[str, ...], str]:
    """(what the antecedent's name must contain, entity type) of a generic word."""
    type = next(s for e in entries(concept) if e.word == word for s in e.scope if s in ("Organization", "Place"))
    return words(_NEEDLES, word), type


@derived
def generic_orgs() -> dict[str, tuple[tuple[str, ...], str]]:
    """Generic word -> (what the antecedent's name must contain, entity type)."""
    return {w: _reference(_GENERIC, w) for w in words(_GENERIC)}


@derived
def self_refs() -> dict[str, tuple[tuple[str, ...], str]]:
    """Self references of the publishing body or place (我所 = the institute publishing the article)."""
    return {w: _reference(_SELF, w) for w in words(_SELF)}


@derived
def _word_re() -> re.Pattern:
    return re.compile("(?:" + alternation(_GENERIC)[3:-1] + "|" + alternation(_SELF)[3:-1] + ")")


@derived
def _chars(concept: str, use: str | None = None) -> frozenset[str]:
    return frozenset(words(concept, use))


def _han(c: str) -> bool:
    """A CJK unified ideograph (U+4E00..U+9FFF)."""
    return len(c) == 1 and 0x4E00 <= ord(c) <= 0x9FFF


def _mention_counts(article: Article) -> dict[int, int]:
    counts: dict[int, int] = {}
    for m in article.mentions:
        if m.entity is not None:
            counts[m.entity] = counts.get(m.entity, 0) + 1
    return counts


def _topic_org(
    article: Article, needles: tuple[str, ...], type: str, offset: int, company: bool = False, back: bool = False
) -> int | None:
    """The entity a generic word at ``offset`` refers to.

    Candidates are entities of ``type`` whose name contains one of
    ``needles`` and that are mentioned (not generically) earlier in the same
    paragraph; the paragraph's topic (a candidate that opens one of its
    sentences, or the place of a frame opening it: 在甲实验室，…与实验室副主任
    王一座谈 -> 甲实验室) wins, then the most recent; None without a
    candidate in the paragraph, unless ``back`` (a demonstrative such as
    该集团, scope ``back``): then the candidate named last before it, in an
    earlier paragraph (甲集团在临海召开年会。\n该集团董事长李青… -> 甲集团).
    """
    sent = article.sentence_of(offset)
    para = article.sentences[sent].paragraph
    cand_pos: dict[int, list[int]] = {}
    for m in article.mentions:
        if m.entity is None or m.generic or m.start >= offset:
            continue
        if not _names_kind(article.entities[m.entity], type, needles):
            continue
        cand_pos.setdefault(m.entity, []).append(m.start)
    in_para = {
        i: ps for i, ps in cand_pos.items()
        if any(article.sentences[article.sentence_of(p)].paragraph == para for p in ps)
    }
    framed = _framing(article, offset, _framed_companies(article, offset) if company else in_para)
    if framed is not None:
        return framed
    if in_para:
        opens = [s.start for s in article.sentences if s.paragraph == para]
        topics = [i for i, ps in in_para.items() if any(_opens_sentence(article.text, opens, p) for p in ps)]
        if len(topics) == 1:
            return topics[0]
        return max(in_para, key=lambda i: max(in_para[i]))
    if back and cand_pos:
        return max(cand_pos, key=lambda i: max(cand_pos[i]))
    if not cand_pos:
        # 集团公司董事程念高…。程念高感谢福建省对华电集团的支持: nothing of its kind named
        # before it, and one entity named after it in the article whose name ends with it
        later = {m.entity for m in article.mentions if m.entity is not None and not m.generic and m.start > offset
                 and _names_kind(article.entities[m.entity], type, needles, ending=True)}
        if len(later) == 1:
            return later.pop()
    return None


def _names_kind(e, type: str, needles: tuple[str, ...], ending: bool = False) -> bool:
    """Whether entity ``e`` is of ``type`` and its name or an alias holds one of ``needles``
    (with ``ending``: ends with one: 学院办公室 is no 学院)."""
    if ending:
        return e.type == type and any(x.endswith(needles) for x in (e.name, *e.aliases))
    return e.type == type and any(n in e.name or any(n in a for a in e.aliases) for n in needles)


#: a locative frame opening a sentence: (7月16日)(上午)在 A，…
_FRAME_LEAD_RE = re.compile(r"[\d一二三四五六七八九十月日年上下午晚间，,]*在")


#: what may close a frame after its name: 在甲公司(的)(生产基地|总部|展厅)，
@derived
def _frame_tail_re() -> re.Pattern:
    return re.compile(r"(?:的)?(?:[^\W，,。；;的与和]{0,2}" + alternation("context_frame_places") + r")?[，,]")


def _opens_sentence(text: str, starts: list[int], pos: int) -> bool:
    """Whether a mention at ``pos`` opens a sentence, alone or after a frame
    word: 甲公司…; 在甲公司，…; 16日上午在甲公司，… (the clause's topic)."""
    for s in starts:
        if s == pos or (s < pos and _FRAME_LEAD_RE.fullmatch(text, s, pos)):
            return True
    return False


def _framed_companies(article: Article, offset: int) -> dict[int, list[int]]:
    """Organizations named in the sentence before ``offset`` that may be a
    company: the candidates of a frame for 公司 (在甲新能源，…与公司总经理王一…
    -> 甲新能源, whatever its name says)."""
    s = article.sentences[article.sentence_of(offset)]
    out: dict[int, list[int]] = {}
    for m in article.mentions:
        if m.entity is None or m.generic or not s.start <= m.start < offset:
            continue
        e = article.entities[m.entity]
        if e.type == "Organization" and not _not_company_re().search(e.name):
            out.setdefault(m.entity, []).append(m.start)
    return out


def _framing(article: Article, offset: int, cands: dict[int, list[int]]) -> int | None:
    """The candidate named by the latest locative frame of the sentence before
    ``offset``: 在甲公司，公司董事长王一…；在乙公司，王二与公司副总经理李三交流
    -> 公司 is 乙公司 in the second clause. A frame opens the sentence or a
    clause (after ，；) and is 在 + the name + a clause break."""
    s = article.sentences[article.sentence_of(offset)]
    text = article.text
    best, best_pos = None, -1
    for i, ps in cands.items():
        for p in ps:
            if not s.start <= p < offset or p <= best_pos or text[p - 1 : p] != "在":
                continue
            k = p - 1
            while k > s.start and text[k - 1] in "0123456789一二三四五六七八九十月日年上下午晚间":
                k -= 1
            if k != s.start and text[k - 1] not in "，,；;":
                continue
            end = next((m.end for m in article.mentions if m.start == p and m.entity == i), p)
            # the frame ends at the clause break, perhaps after a place word (在甲公司总部，)
            if end < len(text) and _frame_tail_re().match(text, end):
                best, best_pos = i, p
    return best


@derived
def _org_arrival_re() -> re.Pattern:
    """A trip, arrival or coming verb right before an organization's self
    reference (莅临我校, 来我所): data/trigger_abbrev_arrival.tsv, the trip verbs,
    data/context_coming_verbs.tsv (scope verb) and the Organization words of
    data/context_self_refs.tsv."""
    from kg.lexicons.triggers import TRIP_RE

    selfs = [e.word for e in entries(_SELF) if "Organization" in e.scope]
    verbs = "|".join((alternation("trigger_abbrev_arrival")[3:-1], TRIP_RE.pattern,
                      alternation("context_coming_verbs", "verb")[3:-1]))
    return re.compile("(?:" + verbs + ")(?:" + "|".join(map(re.escape, selfs)) + ")")


def _guest_orgs(article: Article) -> set[int]:
    """Organizations named before a verb that brings them to the writer's own
    organization (甲大学王一校长一行莅临我校): guests, never 我校 itself."""
    from kg.context.trips import clause_start

    text = article.text
    out: set[int] = set()
    for m in _org_arrival_re().finditer(text):
        lo = clause_start(text, m.start())
        out |= {x.entity for x in article.mentions
                if x.entity is not None and not x.generic and lo <= x.start < m.start()}
    return out


def _self_ref(article: Article, infos: dict[int, PlaceInfo], needles: tuple[str, ...], type: str, offset: int):
    if type == "Place":
        if not needles:
            return None
        own = writer_place(article, infos, needles[0])
        return own if own is not None else focus_place(article, infos, needles[0], offset)
    counts = _mention_counts(article)
    cands = [
        i for i, e in enumerate(article.entities)
        if e.type == type and any(e.name.endswith(n) or any(a.endswith(n) for a in e.aliases) for n in needles)
    ]
    guests = _guest_orgs(article) & set(cands) if len(cands) > 1 else set()
    if guests and len(guests) < len(cands):
        hosts = sorted((counts.get(i, 0) for i in cands if i not in guests), reverse=True)
        if len(hosts) > 1 and hosts[0] == hosts[1]:
            return None  # the guests left out, no one organization is most named
        cands = [i for i in cands if i not in guests]
    return max(cands, key=lambda i: counts.get(i, 0)) if cands else None


def resolve_generic_references(article: Article) -> None:
    """Add generic mentions (集团, 我所, 我市, 市委, 省发改委 …) for the entities they mean."""
    text = article.text
    infos = place_infos(article)
    cov = covered(article)
    generic, selfs = generic_orgs(), self_refs()
    company = frozenset(words(_GENERIC, "company"))
    name_tail = frozenset(words(_GENERIC, "name_tail"))
    back = frozenset(words(_GENERIC, "back"))
    before, after = _chars("context_compound_chars", "before"), _chars("context_compound_chars", "after")
    function_chars = _chars("context_function_chars")
    # longest first: the words never overlap at one position with equal length
    for m in _word_re().finditer(text):
        s, e = m.start(), m.end()
        if any(cov[s:e]):
            continue
        w = m.group()
        prev = text[s - 1] if s else ""
        nxt = text[e] if e < len(text) else ""
        if w in selfs:
            target = _self_ref(article, infos, *selfs[w], s)
        else:
            if prev in before or nxt in after:
                continue
            if (
                _han(prev) and not cov[s - 1] and prev not in function_chars
                and w in name_tail
            ):
                continue  # part of an unrecognized longer name
            target = _topic_org(article, *generic[w], s, company=w in company, back=w in back)
        if target is None:
            continue
        add_generic_mention(article, s, e, target)
        for i in range(s, e):
            cov[i] = True
    resolve_bodies(article, infos, cov)


def resolve_titled_surnames(article: Article) -> None:
    """吴市长, 李院长, 刘所长: a surname and a title for a person named with that title.

    Needs ``article.positions``: the person must be the only one whose name
    starts with that surname and who holds a post ending with that role
    (吴市长 -> 吴海英, 副市长; 包书记 -> 包翠艳, 党委书记).
    """
    from kg.lexicons.titles import title_at

    cov = covered(article)
    held: dict[int, list[str]] = {}
    for p in article.positions:
        held.setdefault(p.person, []).append(p.title)
    text = article.text
    for s in range(len(text) - 2):
        if cov[s] or cov[s + 1] or not _han(text[s]):
            continue
        if s and _han(text[s - 1]) and not cov[s - 1]:
            continue  # inside a word
        t = title_at(text, s + 1)
        if t is None:
            continue
        end, body, role = t
        if body:
            continue
        bare = role
        for prefix in words("context_title_prefixes"):  # in file order: 常务副市长 -> 副市长 -> 市长
            bare = bare.removeprefix(prefix)
        cands = [
            i for i, titles in held.items()
            if article.entities[i].name.startswith(text[s]) and len(article.entities[i].name) >= 2
            and any(tt.endswith(bare) for tt in titles)
        ]
        if len(cands) == 1:
            add_generic_mention(article, s, end, cands[0])
            for i in range(s, end):
                cov[i] = True
