"""Trigger lexicons for event and relation extraction, in one place.

Each lexicon is a tuple of surface words, longest first where a regular
expression is built from it (so 来到 wins over 来). The rule modules
(events, agreements, positions, structure, focus) import them from here;
nothing else in the package defines trigger words.
"""

from __future__ import annotations

import re

from kg.lexicons.load import alternation, by_scope, derived, entries, words


def _alt(words) -> str:
    return "|".join(sorted(set(words), key=len, reverse=True))


@derived
def visit_motion() -> tuple[str, ...]:
    """Verbs that take the visited place or organization as object (到A、B、C …)."""
    return words("trigger_visit_motion", "motion")


@derived
def trip() -> tuple[str, ...]:
    """Verbs of a trip from a home place to another (甲市代表团赴乙市, 甲区到乙区开展…)."""
    return words("trigger_visit_motion", "trip")


@derived
def motion_false_before() -> dict[str, set[str]]:
    """到/来 inside ordinary words (受到, 以来) are no motion: characters that may not stand before them."""
    out: dict[str, set[str]] = {}
    for e in entries("trigger_motion_false_before"):
        for verb in e.scope:
            out.setdefault(verb, set()).add(e.word[: -len(verb)])
    return out


@derived
def motion_false_after() -> dict[str, tuple[str, ...]]:
    """来自: ordinary words that begin with a motion verb (data/trigger_motion_false_after.tsv):
    verb -> the words."""
    out: dict[str, list[str]] = {}
    for e in entries("trigger_motion_false_after"):
        for verb in e.scope:
            out.setdefault(verb, []).append(e.word)
    return {verb: tuple(ws) for verb, ws in out.items()}


@derived
def _speech_heard() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(words right before, words earlier in the clause) of data/trigger_speech_heard.tsv."""
    return words("trigger_speech_heard", "before"), words("trigger_speech_heard", "clause")


def speech_heard(text: str, clause_start: int, verb: int) -> bool:
    """Whether the verb of reported speech at ``verb`` is a noun, what the subject heard
    (听取了介绍，/ 情况的介绍，: data/trigger_speech_heard.tsv), not what someone said."""
    before, clause = _speech_heard()
    return text.endswith(before, clause_start, verb) or any(w in text[clause_start:verb] for w in clause)


@derived
def visit_inspect() -> tuple[str, ...]:
    """Verbs of inspecting a place the subject is at (…参观了A、B; 在A, X参观…; A考察)."""
    return words("trigger_visit_inspect")


@derived
def visit_weak() -> tuple[str, ...]:
    """Weak visit verbs: count only with the trip leader as explicit subject (刘文华深入了解基地…); file order."""
    return words("trigger_visit_weak")


@derived
def meet_object() -> tuple[str, ...]:
    """Meeting verbs that take the other side as object (会见, 接见)."""
    return words("trigger_meet", "object")


@derived
def meet_with() -> tuple[str, ...]:
    """Meeting verbs that take 与/同/和 + partner (会谈, 座谈)."""
    return words("trigger_meet", "with")


@derived
def guest_words() -> tuple[str, ...]:
    """References to the visiting party as a group (来宾 = the delegation), for SRL agents."""
    return words("trigger_delegation_words", "srl")


@derived
def place_abbreviations() -> dict[str, tuple[str, ...]]:
    """One-character abbreviations of places after an arrival verb (抵港, 访京, 赴沪): the place's names."""
    return by_scope("place_abbreviations")


@derived
def abbreviated_arrival_re() -> re.Pattern:
    """抵港, 访港, 赴京, 来沪 (not 港口, 京津冀, 沪深股市 …)."""
    return re.compile(alternation("trigger_abbrev_arrival") + "([" + "".join(place_abbreviations()) + "])"
                      "(?![" + "".join(words("place_abbrev_false_after")) + "])")


def _rx(concept: str, use: str | None = None) -> re.Pattern:
    return re.compile(_alt(words(concept, use)))


@derived
def trip_re() -> re.Pattern:
    return _rx("trigger_visit_motion", "trip")


@derived
def visit_motion_re() -> re.Pattern:
    return _rx("trigger_visit_motion", "motion")


@derived
def visit_inspect_re() -> re.Pattern:
    return _rx("trigger_visit_inspect")


@derived
def meet_object_re() -> re.Pattern:
    return _rx("trigger_meet", "object")


@derived
def meet_with_re() -> re.Pattern:
    return _rx("trigger_meet", "with")


def meeting_word_in(text: str, start: int, end: int) -> bool:
    """Whether a meeting word (data/trigger_meet.tsv, with or object) stands in ``text[start:end]``."""
    return bool(meet_with_re().search(text, start, end) or meet_object_re().search(text, start, end))


@derived
def accompany_re() -> re.Pattern:
    """People who join a leader's visit (X陪同调研, X一同调研)."""
    return _rx("trigger_accompany")


@derived
def sign_re() -> re.Pattern:
    return _rx("trigger_sign")


@derived
def witness_re() -> re.Pattern:
    return _rx("trigger_witness")


@derived
def agreement_re() -> re.Pattern:
    """An agreement document ends with one of these (协议, 合同, 备忘录 …)."""
    return _rx("agreement_nouns")


#: a clause-opening date or time of day (12月8日上午, 6日下午) before its first word (a date format, kept here)
CLAUSE_DATE = r"[\d一二三四五六七八九十月日上下午晚间]*"

#: the old names, for the modules that import them (built from the data at import;
#: the rule modules of this package call the functions above)
VISIT_MOTION = visit_motion()
MOTION_FALSE_BEFORE = motion_false_before()
TRIP = trip()
VISIT_INSPECT = visit_inspect()
VISIT_WEAK = visit_weak()
MEET_OBJECT = meet_object()
MEET_WITH = meet_with()
ACCOMPANY = words("trigger_accompany")
SIGN = words("trigger_sign")
WITNESS = words("trigger_witness")
#: an owner written before what it owns (甲集团旗下乙公司); kg.context.structure joins them in file order
OWNERSHIP = words("trigger_ownership")
AGREEMENT_NOUNS = words("agreement_nouns")
#: reported speech: what follows is what someone said
SPEECH = words("trigger_speech")
GUEST_WORDS = guest_words()
PLACE_ABBREVIATIONS = place_abbreviations()
ABBREVIATED_ARRIVAL_RE = abbreviated_arrival_re()
TRIP_RE = trip_re()
VISIT_MOTION_RE = visit_motion_re()
VISIT_INSPECT_RE = visit_inspect_re()
MEET_OBJECT_RE = meet_object_re()
MEET_WITH_RE = meet_with_re()
ACCOMPANY_RE = accompany_re()
SIGN_RE = sign_re()
WITNESS_RE = witness_re()
AGREEMENT_RE = agreement_re()


@derived
def irrealis_receptions(use: str) -> frozenset[str]:
    """Irrealis words that report a reception when a named person follows them
    before the trigger (data/irrealis_receptions.tsv: 欢迎李青一行来临海考察)."""
    return frozenset(words("irrealis_receptions", use))


@derived
def irrealis_re(use: str) -> re.Pattern:
    """A wish, plan or invitation before a trigger (data/irrealis.tsv): the
    clause states no fact. ``use``: events, clauses or agreements."""
    return re.compile(alternation("irrealis", use, regex=True))

