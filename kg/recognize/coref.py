"""In-article entity clustering: mentions -> LocalEntity.

``cluster_entities(article)`` groups ``article.mentions`` into
``article.entities`` and sets ``mention.entity``. Two mentions of the same
type are the same entity when:

- they have the same normalized key (canonical name, brackets unified,
  ``X市市委`` -> ``X市委``, ``中共X市委`` -> ``X市委``, known abbreviations such as
  中科院 -> 中国科学院, 高新区 <-> 高新技术产业开发区);
- places share a division code (平顶山 <-> 平顶山市);
- an organization's name is a short form of another's: a legal-form
  variant (恒玄科技 <-> 恒玄科技(上海)股份有限公司), a tail of it after its
  prefixes (硅酸盐研究所 <-> 中国科学院上海硅酸盐研究所, 北京分院 <->
  中科院北京分院), its head plus a suffix (四维科技 <-> 唐山四维智能科技,
  兴泰公司 <-> 合肥兴泰金融控股(集团)有限公司), itself plus a suffix word
  (罗克佳华科技 <-> 罗克佳华科技集团), or a company's name after its place with
  the place's level kept (省土地发展集团 <-> 山东省土地发展集团; not a bare body
  such as 市发改委, whose place kg.recognize.bare_bodies chooses). A short form
  that fits two different long names is left alone;
- an organization named only by an abbreviation (2-6 characters: 北航,
  工研院, 贸发局, 大连化物所) whose characters appear in order in exactly one full
  organization name of the article, starting with that name's first
  character, the first character after its place prefix, or after a word an
  abbreviation leaves out (北京航空航天大学, X工业技术研究院, 香港贸易发展局,
  中国科学院大连化学物理研究所: data/coref_abbreviation_skips.tsv); one led by a
  place abbreviates a name led by the same place (西安交大 -> 西安交通大学), but a
  place and a suffix alone is a body of its own (广东省委); never a place (see
  :func:`abbreviation_target`), or, when it fits several, the one it follows in
  brackets (澳门大学(澳大) beside 澳门科技大学). The longer and place-led forms are not taken
  when both names are written apart in one sentence (two organizations listed:
  中国化工集团, 中国化学工程集团), unless the short one is given in brackets.

The entity's name is the fullest form the article gives; other surface
forms are aliases, and so is a committee's name with its level written once
(进贤县县委: 进贤县委). Generic references (``mention.generic``) join the entity
named by their canonical form and never add their surface as an alias.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.doc import Article, LocalEntity, Mention
from kg.lexicons.load import derived, entries, words
from kg.lexicons.org_lexicon import ORG_SUFFIXES
from kg.recognize.persons import NAME_DOTS


@derived
def abbreviations(early: bool = False) -> tuple[tuple[str, str], ...]:
    """(form, replacement) pairs, used only to compare names: each entry of
    data/coref_abbreviations.tsv is ``FORM=REPLACEMENT`` (中科院=中国科学院), and
    they are applied in file order. ``early``: the entries of scope ``early``,
    applied before full-form places are shortened (市府=市政府: 漳州市府 and
    漳州市政府 would otherwise be compared as 漳州府 and 漳州政府); the others after."""
    return tuple(tuple(e.word.split("=", 1)) for e in entries("coref_abbreviations") if ("early" in e.scope) == early)


@derived
def _region_short_forms() -> tuple[tuple[str, str], ...]:
    """(short, full) forms of Taiwan's cities and counties as its press writes them at
    the start of a name (竹县 新竹县, 南市府 of 台南市政府, 桃市议会 of 桃园市议会):
    data/coref_region_short_forms.tsv, longest first."""
    return tuple(sorted(((e.word, e.scope[0]) for e in entries("coref_region_short_forms")), key=lambda x: -len(x[0])))


@derived
def parent_suffixes() -> tuple[str, ...]:
    """Suffixes of organizations that stand on their own: a name ending in one
    that begins a longer name is that unit's parent, not its short form
    (X大学 / X大学Y研究院): data/coref_parent_suffixes.tsv."""
    return words("coref_parent_suffixes")


@derived
def _org_tails() -> tuple[str, ...]:
    """Organization tails, longest first (data/coref_org_tails.tsv; equal
    lengths in file order, as the sort is stable)."""
    return tuple(sorted(words("coref_org_tails"), key=len, reverse=True))


@derived
def _suffix_words() -> frozenset[str]:
    """Suffix words a short form may lack (罗克佳华科技 <- 罗克佳华科技集团): data/coref_suffix_words.tsv."""
    return frozenset(words("coref_suffix_words"))


@derived
def _level_committee_re() -> re.Pattern:
    """X市市委 -> X市委: a level character written twice before its committee
    (data/coref_level_committees.tsv: 市委 matches 市市委)."""
    return re.compile("|".join(re.escape(w[0] + w) for w in words("coref_level_committees")))


@derived
def _preparatory_marks() -> tuple[str, ...]:
    """Marks of a body in preparation (X研究院(筹)), left out when names are
    compared: data/coref_preparatory_marks.tsv."""
    return words("coref_preparatory_marks")


def full_start(name: str) -> str:
    """The name with a Taiwan city's or county's short form at its start written in
    full and 市府 as 市政府 (南市府经发局 -> 台南市政府经发局): data/coref_region_short_forms.tsv
    and the early entries of data/coref_abbreviations.tsv."""
    for short, full in _region_short_forms():
        if name.startswith(short):
            name = full + name[len(short):]
            break
    for short, full in abbreviations(early=True):
        name = name.replace(short, full)
    return name


@derived(maxsize=65536)  # the same names in every article, each key made once
def name_key(name: str) -> str:
    """The form two names of one organization share (brackets unified, 中共X市委
    -> X市委, X市市委 -> X市委, abbreviations and short forms expanded:
    data/coref_abbreviations.tsv, so X市人民政府 and X市政府 share one)."""
    k = full_start(name.replace("（", "(").replace("）", ")").replace(" ", "").replace("·", ""))
    for p in words("coref_legal_prefixes", "key"):
        if k.startswith(p) and len(k) > len(p) + 2:
            k = k[len(p):]
            break
    k = _level_committee_re().sub(lambda m: m.group()[1:], k)
    for mark in _preparatory_marks():
        if k.endswith(mark):
            k = k[: -len(mark)]
    k = _drop_outer_places(k)
    k = _short_places(k)
    for short, full in abbreviations():
        k = k.replace(short, full)  # X高新技术产业开发区管理委员会 and X高新区管委会 share a key
    return k


@lru_cache(maxsize=8192)
def _drop_outer_places(name: str) -> str:
    """A name led by a chain of places keeps only the innermost one
    (河南省平顶山市委 -> 平顶山市委): the long and the short form of one body
    share a key. Only a place that contains the next one is dropped."""
    from kg.lexicons.gazetteer import _index, _raw_matches, ancestors

    while True:
        hits = _raw_matches(name[:16])
        if len(hits) < 2 or hits[0][0] != 0 or hits[1][0] != hits[0][1] or hits[1][1] >= len(name):
            return name
        outer = _index().names.get(hits[0][2], [])
        inner = _index().names.get(hits[1][2], [])
        codes = {p.code for p in outer}
        if not any(a.code in codes for p in inner for a in ancestors(p)):
            return name
        name = name[hits[0][1]:]


@derived
def _short_form_levels() -> str:
    """Levels of full-form places compared in their short form (重庆市 -> 重庆):
    data/coref_level_chars.tsv, scope short_form."""
    return "".join(words("coref_level_chars", "short_form"))


@derived
def _tail_levels() -> str:
    """A tail form never starts with a level character (市科技局): scope tail."""
    return "".join(words("coref_level_chars", "tail"))


@derived
def _short_places(name: str) -> str:
    """Full-form cities/provinces inside a name in their short form
    (重庆市四川商会 -> 重庆四川商会), so both spellings compare equal."""
    from kg.lexicons.gazetteer import _index, _raw_matches

    out, last = [], 0
    for s, e, form in _raw_matches(name):
        places = _index().names.get(form, [])
        if places and form == places[0].name and form[-1] in _short_form_levels() and places[0].short != form:
            out.append(name[last:s] + places[0].short)
            last = e
    out.append(name[last:])
    return "".join(out)


class _UF:
    def __init__(self, n: int):
        self.p = list(range(n))

    def find(self, x: int) -> int:
        while self.p[x] != x:
            self.p[x] = self.p[self.p[x]]
            x = self.p[x]
        return x

    def union(self, a: int, b: int) -> None:
        a, b = self.find(a), self.find(b)
        if a != b:
            self.p[max(a, b)] = min(a, b)


@lru_cache(maxsize=8192)
def _strip_place_prefix(name: str) -> str:
    """The name without its leading place (a pure function of the name:
    cached, as abbreviation look-ups ask it for every full name again)."""
    from kg.lexicons.gazetteer import _raw_matches

    hits = _raw_matches(name[:8])
    if hits and hits[0][0] == 0 and hits[0][1] < len(name) - 1:
        return name[hits[0][1]:]
    return name


def _is_short_of(s: str, l: str) -> bool:
    """Is ``s`` a short form of the organization name ``l``?"""
    if s == l or len(s) >= len(l) or len(s) < 2:
        return False
    from kg.recognize.orgs import legal_variants

    if l.startswith(s) and l[len(s)] in "(（" and l[-1] in ")）" and s.endswith(words("org_campus_suffixes")):
        return False  # 甲大学(广州), a campus in another city, is no form of 甲大学 (data/org_campus_suffixes.tsv)
    if s in legal_variants(l):
        return True
    if l.startswith(s) and s.endswith(parent_suffixes()) and len(l) - len(s) >= 2:
        return False  # X大学 is the parent of X大学Y研究院, not its short form
    # tail: 硅酸盐研究所 <- 中国科学院上海硅酸盐研究所 (the tail keeps a core of 2+ chars)
    if l.endswith(s) and len(s) >= 4:
        core = s
        for t in _org_tails():
            if s.endswith(t):
                core = s[: -len(t)]
                break
        if len(core) >= 2 and core[0] not in _tail_levels():
            return True
    # itself plus a suffix word: 罗克佳华科技 <- 罗克佳华科技集团
    if l.startswith(s) and l[len(s):] in _suffix_words() and len(s) >= 2:
        return True
    core_l = _strip_place_prefix(l)
    # the name after its place: 国资委 <- 北京市国资委, 立法会 <- 香港立法会
    if core_l == s and len(s) >= 3 and s[0] not in _tail_levels():
        return True
    # a company's name after its place with the place's level kept: 省土地发展集团 <-
    # 山东省土地发展集团 (not a bare body, 市发改委: kg.recognize.bare_bodies chooses its
    # place; nor 市人民医院, which every city has)
    if len(s) >= 5 and s[0] in _tail_levels() and core_l == s[1:] and s.endswith(_company_ends()) \
            and _place_of_level(l[: len(l) - len(core_l)], s[0]):
        return True
    # head + tail: 四维科技 <- 唐山四维智能科技, 兴泰公司 <- 合肥兴泰金融控股(集团)有限公司;
    # both after the same place: 四川安益生物公司 <- 四川安益生物科技有限公司
    core_s = s
    if core_l != l and s.startswith(l[: len(l) - len(core_l)]):
        core_s = s[len(l) - len(core_l):]
    if len(core_s) >= 4 and core_l.startswith(core_s[:2]) and _subsequence(core_s, core_l):
        tail = next((t for t in _org_tails() if core_s.endswith(t)), None)
        if tail and tail in core_l and core_l.find(tail) >= len(core_s) - len(tail):
            return True
    # prefix stripped: 力成电气 <- 宁夏力成电气集团有限公司
    if len(s) >= 4 and core_l.startswith(s) and core_l != l:
        return True
    return False


def _place_of_level(form: str, level: str) -> bool:
    """Whether the place written ``form`` (山东, 山东省) is one of level ``level`` (省)."""
    from kg.lexicons.gazetteer import lookup

    return any(p.name.endswith(level) for p in lookup(form))


@derived
def _company_ends() -> tuple[str, ...]:
    """How a company's name ends (集团, 科技, 有限公司: the short companies' suffixes of
    kg.lexicons.org_lexicon and data/context_legal_suffixes.tsv)."""
    from kg.lexicons.org_lexicon import SHORT_COMPANY_SUFFIXES

    return tuple(sorted({*SHORT_COMPANY_SUFFIXES, *words("context_legal_suffixes")}, key=len, reverse=True))


#: the longest abbreviation read (大连化物所, 四川省港澳办, 世界台商总会)
MAX_ABBREVIATION = 6


def _subsequence(s: str, l: str) -> bool:
    it = iter(l)
    return all(c in it for c in s)


@derived
def _not_abbreviations() -> frozenset[str]:
    """Words that are never an abbreviation: organization suffixes and the
    generic words of data/coref_not_abbreviations.tsv."""
    return frozenset({suf for suf, _ in ORG_SUFFIXES} | set(words("coref_not_abbreviations")))


def abbreviation_target(short: str, full_names) -> str | None:
    """The one full organization name that ``short`` abbreviates, or None.

    ``short`` (2-4 Chinese characters, not a place, not a generic word) is an
    abbreviation of ``full`` when its characters appear in order, not all
    contiguous (济南大学 is the parent of 济南大学X研究院, not its abbreviation), in ``full``,
    starting with the first character of ``full`` or of ``full`` without its
    leading place (北航 -> 北京航空航天大学, 贸发局 -> 香港贸易发展局); or its first
    character is the one-character abbreviation of the place ``full`` starts with
    and the rest abbreviates a short remainder (港大 -> 香港大学:
    :func:`_place_abbreviated`). When it fits
    several names it is ambiguous (None), unless they are nested forms of one
    name (the longest is returned).
    """
    if not 2 <= len(short) <= MAX_ABBREVIATION or not all("\u4e00" <= c <= "\u9fff" for c in short):
        return None
    if short in _not_abbreviations() or short in abbreviation_forms():
        return None
    from kg.lexicons.gazetteer import lookup

    if lookup(short):
        return None  # a place
    place = _leading_place(short)
    if place:
        # 西安交大 -> 西安交通大学, 香港贸发局 -> 香港贸易发展局: the same place starts both names
        # and the rest abbreviates the rest; a place and a suffix alone (广东省委) is a body named by its place
        rest = short[place:]
        if len(rest) < 2 or rest in _not_abbreviations():
            return None  # an organization suffix or a generic word after the place
        hits = {full for full in full_names if full.startswith(short[:place]) and len(full) >= len(short) + 2
                and rest not in full and full[place:place + 1] == rest[0] and _subsequence(rest, full[place:])}
        if hits:
            return _one_target(hits)
    hits = set()
    for full in full_names:
        if _place_abbreviated(short, full):
            hits.add(full)  # 港大 -> 香港大学: 港 abbreviates the place the name starts with
            continue
        if len(full) < len(short) + 2 or short in full:
            continue  # a contiguous part is a prefix/tail form (or a parent), not an abbreviation
        core = _strip_place_prefix(_strip_legal_prefix(full))
        if (full[0] == short[0] or core[0] == short[0]) and _subsequence(short, core if core[0] == short[0] else full):
            hits.add(full)
            continue
        rest = next((b[len(w):] for b in (core, full) for w in words("coref_abbreviation_skips") if b.startswith(w)), "")
        if rest and rest[0] == short[0] and _subsequence(short, rest):
            hits.add(full)  # 厂商会 -> 香港中华厂商联合会 (中华 left out)
    return _one_target(hits)


def _one_target(hits: set[str]) -> str | None:
    """The one name of ``hits`` (the longest, when the others are nested forms of it), or None."""
    if not hits:
        return None
    longest = max(hits, key=len)
    if all(h == longest or name_key(h) in name_key(longest) for h in hits):
        return longest
    return None


def _place_abbreviated(short: str, full: str) -> bool:
    """Whether ``short`` is ``full`` with its leading place written as that
    place's one-character abbreviation, and the rest abbreviated from the
    start (港大 -> 香港大学, 沪大 is no 上海交通大学: 大 does not start 交通大学)."""
    from kg.lexicons.triggers import place_abbreviations

    names = sorted(place_abbreviations().get(short[0], ()), key=len, reverse=True)
    place = next((n for n in names if full.startswith(n)), None)
    if place is None:
        return False
    rest = full[len(place):]
    # the rest is short, as a school's or an institute's kind is (大学, 交通大学): not a
    # company's long name (京东 is no 北京东方电子集团股份有限公司)
    return len(short) <= len(rest) <= 2 * len(short) and rest[0] == short[1] and _subsequence(short[1:], rest)


@derived
def abbreviation_forms() -> frozenset[str]:
    return frozenset(a for a, _ in abbreviations())


def _strip_legal_prefix(name: str) -> str:
    """Without a legal-form word at its start (财团法人X研究院): data/coref_legal_prefixes.tsv, scope legal."""
    for p in words("coref_legal_prefixes", "legal"):
        if name.startswith(p) and len(name) > len(p) + 2:
            return name[len(p):]
    return name


def _best_name(forms: list[str]) -> str:
    """The fullest form: longest, then most frequent, then first."""
    counts: dict[str, int] = {}
    for f in forms:
        counts[f] = counts.get(f, 0) + 1
    return max(counts, key=lambda f: (len(_without_marks(f)), counts[f], -forms.index(f)))


def _without_marks(name: str) -> str:
    for mark in _preparatory_marks():
        name = name.replace(mark, "")
    return name


def _original(article: Article, m: Mention) -> str | None:
    """How the raw text writes mention ``m`` when that is its Traditional writing
    (張旭 for 张旭, 苗栗縣政府 for 苗栗县政府): an alias (the graph contract's
    "Traditional original"); None when the raw text is the same or differs otherwise
    (pinyin debris, mojibake, spaces)."""
    if not article.raw or article.offsets is None or m.end > len(article.offsets.raw_index):
        return None  # no offset map (an article made in a test)
    raw = article.raw_span(m.start, m.end)
    if raw == m.text or len(raw) != len(m.text):
        return None
    from kg.resolve.names import to_simplified

    return raw if to_simplified(raw) == m.text else None


def cluster_entities(article: Article) -> None:
    """Fill ``article.entities`` from ``article.mentions`` and link them."""
    ms = article.mentions
    article.entities = []
    n = len(ms)
    if not n:
        return
    uf = _UF(n)

    def name_of(m: Mention) -> str:
        return m.canonical or m.text

    # same normalized key / same code
    short_codes = _short_form_codes(ms, name_of)
    by_key: dict[tuple[str, str], int] = {}
    for i, m in enumerate(ms):
        keys = [(m.type, name_key(name_of(m)))]
        if not (m.generic and m.canonical):  # a bare 市委 is known by what it stands for: two of them
            keys.append((m.type, name_key(m.text)))  # may stand for two cities' committees
        if m.type == "Place":
            code = m.code or _foreign_city_code(name_of(m)) or short_codes.get(m.text)
            if code:
                keys.append(("code", code))
        for k in keys:
            if k in by_key:
                uf.union(by_key[k], i)
            else:
                by_key[k] = i

    # short forms of organizations and parks
    def groups() -> dict[int, list[int]]:
        g: dict[int, list[int]] = {}
        for i in range(n):
            g.setdefault(uf.find(i), []).append(i)
        return g

    for typ in ("Organization", "Place"):
        g = groups()
        reps = [r for r, idx in g.items() if ms[r].type == typ and not all(ms[i].generic for i in idx)]
        if typ == "Place":
            reps = [r for r in reps if any(ms[i].subtype == "Park" for i in g[r])]

        forms: dict[int, set[str]] = {}
        for i in range(n):
            if ms[i].generic:
                continue
            forms.setdefault(uf.find(i), set()).update({name_key(name_of(ms[i])), name_key(ms[i].text)})
        # by distinct form: names are few even when mentions are many
        # long names first, so 力成电气集团有限公司 joins 宁夏力成电气集团有限公司 before 力成电气 looks
        reps = sorted({uf.find(r) for r in reps if uf.find(r) in forms}, key=lambda r: -max(len(f) for f in forms[r]))
        for r in reps:
            root = uf.find(r)
            mine = forms.get(root, set())
            targets = set()
            for r2 in {uf.find(x) for x in reps}:
                if r2 == root:
                    continue
                theirs = forms.get(r2, set())
                if any(len(l) > len(s) and _is_short_of(s, l) for s in mine for l in theirs):
                    # a form of theirs shorter than mine stops the merge, unless it is a short
                    # form of their fullest name too (中国一重 beside 中国一重集团有限公司, when
                    # mine is 中国一重集团: one chain of short forms)
                    full = max(theirs, key=len)
                    own_short = {l for l in theirs if l != full and _is_short_of(l, full)}
                    if not any(len(s) > len(l) and _is_short_of(l, s) for s in mine for l in theirs - own_short):
                        targets.add(r2)
            if len(targets) == 1:
                t = targets.pop()
                merged = forms.pop(root, set()) | forms.pop(t, set())
                uf.union(root, t)
                forms[uf.find(root)] = merged

    _merge_abbreviations(ms, uf, groups(), name_of, article.text or "")
    _merge_foreign_surnames(ms, uf, groups(), name_of)
    _merge_place_tails(ms, uf, groups(), name_of)
    _persons_read_as_organizations(ms, uf, groups(), name_of)
    _declared_short_forms(ms, uf, groups(), name_of, article.text or "")
    _model_tags_read_again(ms, uf, groups(), name_of)

    g = groups()
    order = sorted(g, key=lambda r: min(ms[i].start for i in g[r]))
    for r in order:
        idx = sorted(g[r], key=lambda i: ms[i].start)
        real = [i for i in idx if not ms[i].generic]
        forms = [name_of(ms[i]) for i in idx]
        surfaces = [ms[i].text for i in real]
        name = _best_name(forms + surfaces)
        m0 = ms[idx[0]]
        code = next((ms[i].code for i in idx if ms[i].code), None)
        subtype = next((ms[i].subtype for i in idx if ms[i].subtype and ms[i].source != "model"), None) or m0.subtype
        if m0.type == "Organization" and subtype == "GovernmentBody":
            name = _inner_body_name(name)
        aliases = {s for s in surfaces if s != name} | {ms[i].canonical for i in real if ms[i].canonical and ms[i].canonical != name}
        aliases |= {o for i in real if (o := _original(article, ms[i])) is not None and o != name}
        if m0.type == "Organization":  # 进贤县县委, also named with its level once: 进贤县委
            once = _level_committee_re().sub(lambda x: x.group()[1:], name)
            if once != name:
                aliases.add(once)
        ent = LocalEntity(name=name, type=m0.type, subtype=subtype, aliases=aliases, code=code, mentions=idx)
        article.entities.append(ent)
        k = len(article.entities) - 1
        for i in idx:
            ms[i].entity = k


@derived
def _place_tails() -> tuple[str, ...]:
    """Characters a place's name may be written with or without (俄勒冈州 / 俄勒冈, 烈屿乡 /
    烈屿): data/coref_level_chars.tsv, scope place_tail."""
    return words("coref_level_chars", "place_tail")


def _merge_place_tails(ms: list[Mention], uf: _UF, g: dict[int, list[int]], name_of) -> None:
    """A place written once with its level character and once without (俄勒冈州 and
    俄勒冈, 碧瑶市 and 碧瑶) is one place, when only one place of the article is the
    short form plus such a character (新竹 beside 新竹县 and 新竹市 stays apart), the
    short form is not already written with another one in its own group, and the two
    have no different gazetteer codes (吉林 and 吉林市 do)."""
    names: dict[int, set[str]] = {}
    codes: dict[int, set[str]] = {}
    for r, idx in g.items():
        if ms[r].type != "Place":
            continue
        root = uf.find(r)
        names.setdefault(root, set()).update(name_of(ms[i]) for i in idx if not ms[i].generic)
        codes.setdefault(root, set()).update(ms[i].code for i in idx if ms[i].code)
    tails = _place_tails()
    for root in list(names):
        if uf.find(root) != root:
            continue
        # a short form already written with another level character in its own group (新竹 of 新竹市) is taken
        shorts = [n for n in names[root] if len(n) >= 2 and not any(n + c in names[root] for c in tails)]
        longer = {uf.find(r2) for r2, theirs in names.items() if uf.find(r2) != uf.find(root)
                  and any(n + c in theirs for n in shorts for c in tails)}
        if len(longer) != 1:
            continue
        other = longer.pop()
        if len(codes.get(other, ())) > 1 or codes.get(root) and codes.get(other) and not codes[root] & codes[other]:
            continue  # two places of one name (河东区 of two cities), or two places by their codes
        uf.union(root, other)


def _short_form_codes(ms: list[Mention], name_of) -> dict[str, str]:
    """The short forms of the gazetteer places the article names in full (临泉 for
    临泉县, 宜兰 for 宜兰市: the gazetteer's short form, else the name without its
    admin character, data/place_m_admin_suffixes.tsv scope char), each to its place's
    code where only one such place has it: a Place written so (a model's span, which
    has no code) is that place."""
    from kg.lexicons.gazetteer import by_code

    found: dict[str, set[str]] = {}
    chars = words("place_m_admin_suffixes", "char")
    for m in ms:
        if m.type != "Place" or not m.code:
            continue
        p = by_code(m.code)
        name = p.name if p is not None else name_of(m)
        forms = {p.short} if p is not None and p.short != p.name else set()
        forms |= {name[: -len(c)] for c in chars if name.endswith(c) and len(name) - len(c) >= 2}
        for f in forms:
            found.setdefault(f, set()).add(m.code)
    return {f: next(iter(codes)) for f, codes in found.items() if len(codes) == 1}


@lru_cache(maxsize=4096)
def _foreign_city_code(name: str) -> str | None:
    """仁川市, 斯图加特市: a city abroad that the gazetteer knows without 市 (仁川), when the
    form with 市 is no place of its own; its code."""
    from kg.lexicons.gazetteer import lookup

    if len(name) < 3 or name[-1] not in _short_form_levels() or lookup(name):
        return None
    hits = [p for p in lookup(name[:-1]) if p.code and p.code.startswith("W:") and p.level == "City"]
    return hits[0].code if len(hits) == 1 else None




def _name_part(name: str, index: int) -> str | None:
    """A part of two or more characters of a foreign name (``index`` -1: 沃尔夫 of
    古多·沃尔夫; 0: 库来西 of 库来西‧沙吾提), else None."""
    if not any(d in name for d in NAME_DOTS):
        return None
    part = re.split("[" + NAME_DOTS + "]", name)[index]
    return part if len(part) >= 2 else None


def _merge_foreign_surnames(ms: list[Mention], uf: _UF, g: dict[int, list[int]], name_of) -> None:
    """A person named by the last part of one foreign name of the article (沃尔夫 <-
    古多·沃尔夫), or, when no name ends so, by its first part (库来西 <- 库来西‧沙吾提: a given
    name used alone, as Uyghur and Taiwanese indigenous names are)."""
    parts: tuple[dict[str, set[int]], dict[str, set[int]]] = ({}, {})
    for r, idx in g.items():
        if ms[r].type != "Person":
            continue
        for i in idx:
            for k, index in enumerate((-1, 0)):
                part = _name_part(name_of(ms[i]), index)
                if part is not None:
                    parts[k].setdefault(part, set()).add(r)
    for r, idx in g.items():
        if ms[r].type != "Person":
            continue
        forms = {name_of(ms[i]) for i in idx}
        if any(any(d in f for d in NAME_DOTS) for f in forms):
            continue
        for found in parts:
            targets = {uf.find(t) for f in forms for t in found.get(f, ())}
            if targets:
                if len(targets) == 1:
                    uf.union(r, targets.pop())
                break


#: sources of a person mention that read a title or a byline with the name
_TITLED_SOURCES = frozenset({"title-context", "byline"})
#: the source of a model span that the trained second reading accepted (kg.recognize.span_acceptor.SOURCE,
#: which imports this module)
_LEARNED = "model-learned"
#: sources of an organization mention that guess its type: a list of short names, the model
_GUESSED_ORG_SOURCES = frozenset({"org-list", "model", _LEARNED})


def _persons_read_as_organizations(ms: list[Mention], uf: _UF, g: dict[int, list[int]], name_of) -> None:
    """An organization every form of which is the name of a person the article names with
    a title or a byline (李文波 of a list 李文波、魏朝东… after 区委书记李文波; 伯恩斯 after
    大使尼古拉斯·伯恩斯), taken for short company names or read so by the model, is that
    person: its mentions become the person's."""
    persons: dict[str, set[int]] = {}
    for r, idx in g.items():
        if ms[r].type != "Person" or not any(ms[i].source in _TITLED_SOURCES for i in idx):
            continue  # a person known by a title or a byline, not only by a list or the model
        for i in idx:
            name = name_of(ms[i])
            for form in (name, _name_part(name, -1)):
                if form is not None:
                    persons.setdefault(form, set()).add(r)
    for r, idx in g.items():
        if ms[r].type != "Organization" or any(ms[i].source not in _GUESSED_ORG_SOURCES for i in idx):
            continue  # an organization some rule found by its form (国科大 declared 以下简称) stays
        forms = {name_of(ms[i]) for i in idx} | {ms[i].text for i in idx}
        if not all(f in persons for f in forms):
            continue
        targets = {uf.find(t) for f in forms for t in persons[f]}
        if len(targets) == 1:
            for i in idx:
                ms[i].type, ms[i].subtype = "Person", None
            uf.union(r, targets.pop())


def _declared_short_forms(ms: list[Mention], uf: _UF, g: dict[int, list[int]], name_of, text: str) -> None:
    """A person every form of which an organization declares as its short form, in brackets
    right after its name with a short-form word (万科企业股份有限公司(简称万科), 中国科学院大学
    (以下简称“国科大”): data/coref_short_form_markers.tsv), is that organization: read as a
    person, it would take the titles after it (万科董事会主席郁亮) from the one who holds them."""
    markers = sorted(_markers(), key=len, reverse=True)
    declared: dict[str, int] = {}
    for i, m in enumerate(ms):
        if m.type != "Organization" or m.generic or text[m.end:m.end + 1] not in _BRACKETS:
            continue
        inside = _DECLARED_RE.match(text, m.end + 1)
        if inside is None:
            continue
        said = inside.group(1)
        marker = next((w for w in markers if said.startswith(w)), None)
        form = said[len(marker):].strip(_QUOTES) if marker else ""
        if form:
            declared.setdefault(form, i)
    for r, idx in g.items():
        if ms[r].type != "Person":
            continue
        forms = {ms[i].text for i in idx} | {name_of(ms[i]) for i in idx}
        if not forms <= declared.keys():
            continue
        targets = {uf.find(declared[f]) for f in forms}
        if len(targets) == 1:
            org = ms[declared[next(iter(forms))]]
            for i in idx:
                ms[i].type, ms[i].subtype = "Organization", org.subtype
            uf.union(r, targets.pop())


#: what a bracket right after a name holds, up to its closing bracket; the quotes around a declared form
_DECLARED_RE = re.compile(r"([^（()）。，,\n]{1,24})[）)]")
_QUOTES = " :：“”\"「」『』‘’"


def _model_tags_read_again(ms: list[Mention], uf: _UF, g: dict[int, list[int]], name_of) -> None:
    """An entity found only as the model's spans, all of whose forms another entity of
    another type has, read so by the trained second reading of the model's spans
    (川口顺子 tagged ORG where the model said so, a person where the span acceptor read
    it; 庆北 an organization and a place), is that entity: the same name written in one
    article, its type from the reading that weighed the context. On corpus train and dev
    the learned reading was gold's type all 7 times the two met."""
    forms_of = {r: {name_of(ms[i]) for i in idx} | {ms[i].text for i in idx} for r, idx in g.items()}
    learned = {r for r, idx in g.items() if any(ms[i].source == _LEARNED for i in idx)}
    for r, idx in g.items():
        if any(ms[i].source != "model" or ms[i].generic for i in idx):
            continue
        targets = {t for t in learned if ms[t].type != ms[r].type and forms_of[r] <= forms_of[t]}
        if len(targets) == 1:
            t = targets.pop()
            for i in idx:
                ms[i].type, ms[i].subtype = ms[t].type, ms[t].subtype
            uf.union(r, t)


def _inner_body_name(name: str) -> str:
    """A government body led by a chain of places is named after the innermost
    place, as the body calls itself (河南省平顶山市委 -> 平顶山市委); the long
    form stays an alias (it is one of the mentions' surfaces)."""
    short = _drop_outer_places(name)
    return short if len(short) >= 3 else name


def _written_apart(ms: list[Mention], a: list[int], b: list[int], text: str) -> bool:
    """Whether a mention of ``a`` and one of ``b`` are written in one sentence, the short
    form not in brackets right after the full one (甲研究所（甲所）): two names in one
    sentence are two organizations (中国中化集团…，中国化工集团…，中国化学工程集团…),
    whatever their characters."""
    for i in a:
        for j in b:
            first, second = sorted((ms[i], ms[j]), key=lambda m: m.start)
            gap = text[first.end:second.start]  # empty when the two overlap
            if _SENTENCE_ENDS & set(gap):
                continue
            said = gap.strip(_BRACKETS + _COMMAS + " ")
            if ms[j].end <= ms[i].start and (gap[:1] in _BRACKETS and (not said or said in _markers())
                                              or gap[:1] in _COMMAS and said in _markers()):
                continue  # 甲研究所（甲所）, 甲研究所，简称甲所: the short form given right after the full one
            return True
    return False


def _leading_place(name: str) -> int:
    """The length of the gazetteer place ``name`` starts with (西安 of 西安交大), 0 when none."""
    from kg.lexicons.gazetteer import _raw_matches

    return max((e for s, e, _ in _raw_matches(name) if s == 0), default=0)


#: what ends a sentence, and what opens the bracket a short form is given in (甲研究所（甲所）)
_SENTENCE_ENDS = frozenset("。！？!?\n")
_BRACKETS = "（("
_CLOSING = "）)"
_COMMAS = "，,"


@derived
def _markers() -> frozenset[str]:
    """The words that introduce such a short form (简称): data/coref_short_form_markers.tsv."""
    return frozenset(words("coref_short_form_markers"))


def _declared_after(ms: list[Mention], idx: list[int], text: str, ends: dict[int, int]) -> list[int]:
    """The organization mentions that one of the mentions ``idx`` follows in brackets,
    alone in them (甲研究所（甲所）: the mention of 甲研究所); ``ends``: each named
    organization mention's end offset -> its index."""
    out = []
    for i in idx:
        m = ms[i]
        before, after = text[m.start - 1:m.start] if m.start else "", text[m.end:m.end + 1]
        if before and after and before in _BRACKETS and after in _CLOSING and m.start - 1 in ends:
            out.append(ends[m.start - 1])
    return out


def _merge_abbreviations(ms: list[Mention], uf: _UF, g: dict[int, list[int]], name_of, text: str) -> None:
    """An organization named only by an abbreviation joins the one full name it abbreviates,
    unless the two are written apart in one sentence."""
    full: dict[str, int] = {}
    for r, idx in g.items():
        if ms[r].type != "Organization":
            continue
        for i in idx:
            if not ms[i].generic:
                full.setdefault(name_of(ms[i]), r)
    ends = {m.end: j for j, m in enumerate(ms) if m.type == "Organization" and not m.generic}
    for r, idx in g.items():
        if ms[r].type != "Organization":
            continue
        forms = {name_of(ms[i]) for i in idx if not ms[i].generic}
        if not forms or any(len(f) > MAX_ABBREVIATION for f in forms):
            continue
        targets = set()
        names = [n for n, rr in full.items() if uf.find(rr) != uf.find(r)]
        # given in brackets right after a full name (澳门大学(澳大)): that name's, even when
        # the short form would fit another name of the article too (澳门科技大学)
        declared = {uf.find(j) for j in _declared_after(ms, idx, text, ends)}
        near = [n for n in names if uf.find(full[n]) in declared]
        for f in forms:
            t = (abbreviation_target(f, near) if near else None) or abbreviation_target(f, names)
            if t is not None:
                targets.add(uf.find(full[t]))
        if len(targets) == 1:
            t = targets.pop()
            members = [j for rr, idx2 in g.items() if uf.find(rr) == t for j in idx2]
            # the longer forms and those led by a place (大连化物所, 西安交大) are not taken when
            # the two names are written apart in one sentence (two organizations listed)
            if not (any(len(f) > 4 or _leading_place(f) for f in forms) and _written_apart(ms, idx, members, text)):
                uf.union(r, t)
