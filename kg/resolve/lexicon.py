"""Prefixes that may lead an organization or place name: places and parent bodies.

Built from the corpus itself (every place name, alias and context, every
non-generic organization name) plus the provinces and a few national
academies, so that 中国科学院上海硅酸盐研究所 can be read as
[中科院][上海]硅酸盐研究所 and 平顶山市委 as [平顶山市]委.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.lexicons.org_lexicon import party_heads
from kg.resolve.names import is_generic, match_form, place_core
from kg.resolve.records import LocalRecord
from kg.resolve.tables import NON_PREFIX_PLACES, PARENT_ORG_PREFIXES, PROVINCES


@dataclass(frozen=True)
class Split:
    """A way to read ``form[:end]`` as a sequence of known prefixes."""

    end: int  # the unread rest is form[end:]
    place: str | None  # core of the last prefix when it was a place (平顶山), else None
    core_end: int = 0  # where that place's core ends in form (rest after core: form[core_end:])
    only_places: bool = False  # every prefix read was a place (平顶山市卫东区|政府)


@dataclass
class PrefixLexicon:
    places: dict[str, str] = field(default_factory=dict)  # place form -> core
    orgs: set[str] = field(default_factory=set)
    #: place core -> administrative codes seen for it
    codes: dict[str, set[str]] = field(default_factory=dict)
    max_len: int = 0

    def add_place(self, form: str, code: str | None = None) -> None:
        if len(form) < 2 or form in NON_PREFIX_PLACES or is_generic(form):
            return
        core = place_core(form)
        if core in NON_PREFIX_PLACES:
            return
        self.places.setdefault(form, core)
        self.places.setdefault(core, core)
        if code:
            self.codes.setdefault(core, set()).add(code)
        self.max_len = max(self.max_len, len(form))

    def add_org(self, form: str) -> None:
        if len(form) < 3 or is_generic(form):
            return
        self.orgs.add(form)
        self.max_len = max(self.max_len, len(form))

    def splits(self, form: str) -> list[Split]:
        """Every way to consume a proper prefix of form with known places/orgs (DP, O(len * max_len))."""
        n = len(form)
        state: dict[int, Split] = {0: Split(0, None, 0, True)}
        out: list[Split] = []
        for pos in range(n):
            if pos not in state:
                continue
            if pos:
                out.append(state[pos])
            for length in range(2, min(self.max_len, n - pos - 1) + 1):
                word = form[pos : pos + length]
                end = pos + length
                if end in state:
                    continue
                core = self.places.get(word)
                if core is not None:
                    state[end] = Split(end, core, pos + len(core), state[pos].only_places)
                elif word in self.orgs:
                    state[end] = Split(end, None)
        return out

    def home_place(self, rec: LocalRecord) -> str | None:
        """Core of the place a body is in: its context, else the place its name starts with."""
        if rec.context_key:
            return place_core(rec.context_key)
        form = rec.key
        for head in party_heads("body_prefix"):  # 中共X市委: the place after the party
            if form.startswith(head):
                form = form[len(head):]
                break
        for split in self.splits(form):
            if split.place is not None:
                return split.place
        return None

    def compatible_places(self, a: str, b: str) -> bool:
        """Two context places can hold the same body: same core, or codes one inside the other."""
        ca, cb = place_core(a), place_core(b)
        if ca == cb:
            return True
        for x in self.codes.get(ca, ()):
            for y in self.codes.get(cb, ()):
                if _code_contains(x, y) or _code_contains(y, x):
                    return True
        return False


def _code_contains(outer: str, inner: str) -> bool:
    """Administrative codes: 410000 (province) contains 410400 (city) contains 410403."""
    outer = outer.ljust(6, "0")[:6]
    inner = inner.ljust(6, "0")[:6]
    if outer.endswith("0000"):
        return inner[:2] == outer[:2]
    if outer.endswith("00"):
        return inner[:4] == outer[:4]
    return inner == outer


def build_lexicon(records: list[LocalRecord]) -> PrefixLexicon:
    lex = PrefixLexicon()
    for p in PROVINCES:
        lex.add_place(p)
    for p in PARENT_ORG_PREFIXES:
        lex.add_org(match_form(p))
    for r in records:
        if r.type == "Place":
            lex.add_place(r.key, r.code)
            for a in r.alias_keys:
                lex.add_place(a, r.code)
        elif r.type == "Organization":
            lex.add_org(r.key)
        if r.context_key:
            lex.add_place(r.context_key)
    return lex
