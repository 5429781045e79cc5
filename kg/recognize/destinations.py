"""A trained reading of the place or organization written right after a visit verb.

``考察了包钢白云鄂博矿区``, ``来到怀柔科学城起步区``, ``参观了东成电动工具``,
``莅临文汇阁景区``: the destination of a visit is often a venue, a zone or a
short company name that neither the NER model nor the name rules find (on the
corpus dev split 28% of the gold visits have an end that recognition missed,
most of them the destination: ``benchmarks/headroom.py``). The text after a
visit verb (data ``trigger_visit_motion.tsv``, scope motion, and
``trigger_visit_inspect.tsv``) up to a boundary (punctuation, a visit verb of
``trigger_visit_inspect.tsv`` or ``trigger_visit_weak.tsv``, a word of
``recognize_destination_stops.tsv``) is a candidate; a logistic regression
(the learner of :mod:`kg.recognize.span_acceptor`) trained on the corpus train
split's gold names says whether it is a name, and a second one whether a name
so read is a Place or an Organization. A candidate that crosses a mention the
rules or the model proposed, or repeats one, is not read; an accepted one is a
mention with source ``destination-learned``, ranked as a model span (the
rules' names win where they overlap). Forms no name has (a generic name or body:
工业园, 统计局; :func:`kg.recognize.span_acceptor.vetoed`) are never read.

The weights ship as ``destinations.json`` beside this module (``kg
train-destinations`` writes it); ``ZHKG_DESTINATIONS=0`` turns the component off.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from kg.doc import Mention
from kg.lexicons.load import any_of, derived, words
from kg.recognize.span_acceptor import (SpanAcceptor, failed_checks, save_json, vetoed, weights_loaded,
                                        weights_version)

#: the shipped weights
SHIPPED = Path(__file__).with_name("destinations.json")
#: the mention source of an accepted span
SOURCE = "destination-learned"
_FLAG = "ZHKG_DESTINATIONS"
_LOADED: dict[str, "Destinations | None"] = {}
#: the longest candidate read, in characters
LONGEST = 24

#: while training: (start, end, features) of every candidate are recorded here instead of judged
_RECORD: list | None = None


@derived
def _verbs() -> tuple[str, ...]:
    """The visit verbs a destination follows, longest first."""
    found = {*words("trigger_visit_motion", "motion"), *words("trigger_visit_inspect")}
    return tuple(sorted(found, key=len, reverse=True))


@derived
def _stops() -> tuple[str, ...]:
    """The words that end a destination, longest first."""
    found = {*words("trigger_visit_inspect"), *words("trigger_visit_weak"), *words("recognize_destination_stops", "end")}
    return tuple(sorted(found, key=len, reverse=True))


@derived
def _verb_rx() -> re.Pattern:
    """Any visit verb of :func:`_verbs`, longest first (the first that fits at a place)."""
    return re.compile(any_of(_verbs()))


@derived
def _stop_rx() -> re.Pattern:
    """Any word of :func:`_stops`."""
    return re.compile(any_of(_stops()))


@derived
def _gaps() -> tuple[str, ...]:
    """What may stand between a visit verb and its destination (考察了: data/context_trip_gaps.tsv)."""
    return tuple(sorted(words("context_trip_gaps"), key=len, reverse=True))


@derived
def _heads() -> frozenset[str]:
    """Districts named by a common word (新城区: data/place_m_word_districts.tsv), never a name
    on their own here (generic heads such as 工业园区 and 政府 are the span acceptor's vetoes)."""
    return frozenset(words("place_m_word_districts"))


#: characters that end a destination: punctuation and spaces (not domain words)
_PUNCT = frozenset("，。、；：！？“”‘’（）()《》〈〉【】[] \n\t,;:!?\"'")


def _item_end(text: str, s: int, stops: re.Pattern) -> int:
    e = s
    while e < len(text) and e - s < LONGEST and text[e] not in _PUNCT:
        if e > s + 1 and stops.match(text, e):
            break
        e += 1
    return e


def candidates(text: str) -> list[tuple[int, int, str, int]]:
    """(start, end, verb, place in the list) of the text read after each visit verb,
    up to a boundary; the items of a list after it (考察了甲公司、乙园区和丙基地) too."""
    out = []
    stops, joins = _stop_rx(), words("recognize_destination_stops", "join")
    for found in _verb_rx().finditer(text):  # left to right, the longest verb where several fit
        verb = found.group()
        s = found.end()
        gap = next((g for g in _gaps() if text.startswith(g, s)), "")  # 考察了
        s += len(gap)
        item = 0
        while True:
            e = _item_end(text, s, stops)
            if not 2 <= e - s < LONGEST:
                break
            out.append((s, e, verb, item))
            nxt = e + 1 if text[e:e + 1] == "、" else e + len(j) if (j := next(
                (w for w in joins if text.startswith(w, e)), "")) else None
            if nxt is None or item >= 8 or len(verb) == 1:  # 感受到A、B: a one-character verb starts no list
                break
            s, item = nxt, item + 1
    return out


def _bucket(n: int) -> int:
    return n if n < 4 else 4 if n < 6 else 6 if n < 9 else 9


def features(text: str, start: int, end: int, verb: str, item: int,
             spans: list[tuple[int, int, str]]) -> list[str] | None:
    """The candidate's features, or None when it crosses or repeats a proposed mention
    (``spans``: (start, end, type) of the mentions proposed so far)."""
    inside = []
    for a, b, typ in spans:
        if a < end and b > start:
            if a == start and b == end:
                return None
            if not (start <= a and b <= end):
                return None  # crosses a proposed mention
            inside.append((a, b, typ))
    name = text[start:end]
    if vetoed(text, start, end, "Organization") or vetoed(text, start, end, "Place") or name in _heads():
        return None  # 工业园, 统计局, 新城区: a generic name (the span acceptor's vetoes, data/resolve_generic_heads.tsv)
    left_place = any(a == start and typ == "Place" for a, b, typ in inside)
    covered = sum(b - a for a, b, _ in inside)
    after = text[end:end + 2]
    f = [
        "bias", f"verb:{verb}", f"item:{min(item, 2)}", f"verb|item:{verb}|{min(item, 2)}", f"le:{int(text[start - 1:start] in _gaps())}", f"len:{_bucket(len(name))}",
        f"last:{name[-1]}", f"last2:{name[-2:]}", f"last3:{name[-3:]}", f"first:{name[0]}", f"first2:{name[:2]}",
        f"after:{after[:1] or 'end'}", f"after2:{after or 'end'}", f"inside:{min(len(inside), 2)}",
        f"place_first:{int(left_place)}", f"covered:{round(4 * covered / len(name))}",
        f"count:{min(text.count(name), 3)}", f"ascii:{int(any(c.isascii() and c.isalnum() for c in name))}",
        f"digit:{int(any(c.isdigit() for c in name))}",
        *(f"check:{c}" for c in failed_checks(text, start, end) if c not in ("cut_left",)),
    ]
    f += [f"{inside_typ}|last:{name[-1]}" for *_x, inside_typ in inside[:1]]
    return f


@dataclass
class Destinations:
    """The two readings: whether a candidate is a name, whether a name is a Place."""

    accept: SpanAcceptor
    place: SpanAcceptor
    meta: dict = field(default_factory=dict)

    def save(self, path: str | os.PathLike) -> None:
        save_json(path, {"meta": self.meta, "accept": _part(self.accept), "place": _part(self.place)})

    @classmethod
    def load(cls, path: str | os.PathLike) -> "Destinations":
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return cls(SpanAcceptor.from_dict(data["accept"]), SpanAcceptor.from_dict(data["place"]),
                   dict(data.get("meta", {})))


def _part(model: SpanAcceptor) -> dict:
    """One reading as saved: its threshold and weights (the meta data is the pair's)."""
    return {k: v for k, v in model.as_dict().items() if k != "meta"}


def version() -> str:
    """Part of the model version build records are keyed by: the weights' digest when on."""
    return weights_version(SHIPPED, _FLAG, "+dest:")


def shipped() -> Destinations | None:
    """The shipped weights, loaded once; None when turned off or absent."""
    return weights_loaded(SHIPPED, _FLAG, _LOADED, Destinations.load)


def find_destinations(text: str, spans: list[tuple[int, int, str]]) -> list[Mention]:
    """The destinations the weights accept among the candidates of ``text``."""
    training = _RECORD is not None
    model = None if training else shipped()
    if model is None and not training:
        return []
    out = []
    for s, e, verb, item in candidates(text):
        f = features(text, s, e, verb, item, spans)
        if f is None:
            continue
        if training:
            _RECORD.append((s, e, f))
            continue
        if model.accept.accepts(f):
            typ = "Place" if model.place.probability(f) >= model.place.threshold else "Organization"
            out.append(Mention(s, e, text[s:e], typ, source=SOURCE))
    return out

