"""A trained second reading of the NER model's spans the checks refused.

The checks of :mod:`kg.recognize.model_spans` are hand rules; on the corpus
train split nearly half of the gold entities that nothing extracted were
tagged by the NER model with the right type and refused or cut by them
(``benchmarks/headroom.py``). This component learns, from the train split's
gold names, which refused spans are names after all: a logistic regression
over the span's features (its type and tag, length, edge characters, the
characters around it, how it meets the rule mentions, how often it is
written, which checks it failed, and the NER model's own probability of the
span, :data:`CONFIDENCE_STEPS`, when the model gives it: the shipped offline
model does, from its CRF's forward and backward scores,
``kg.nlp.ner_model.SpanScorer``). A refused span whose probability reaches
the threshold (chosen on the corpus dev split) becomes a mention with source
``model-learned``, ranked as a model span.

The weights ship as ``span_acceptor.json`` beside this module (``kg
train-spans`` writes it). Spans of forms no name has (:func:`vetoed`: 李院长,
临正威集团 of 莅临正威集团, X有限公司集团 ...) are never read again, in training
or use. The component is **on by default** (``ZHKG_SPAN_ACCEPTOR=0`` turns it
off): with the vetoes and the NER retrained on the larger corpus it raised
corpus dev entity F1 and relation micro-F1 and the seeds' relations, and held
every quality gate of the seeds and the shared dev articles (whose entity F1
fell 0.974 -> 0.969: docs/extraction.md, tenth round). It was off before: its
first weights lowered entity F1 everywhere.
Training is a few seconds of CPU after the pipeline has read the articles.
"""

from __future__ import annotations

import json
import math
import os
import random
from dataclasses import dataclass, field
from pathlib import Path

from kg.lexicons import org_lexicon as LX
from kg.lexicons import titles as T
from kg.lexicons.load import derived, words
from kg.recognize import left_walk as LW
from kg.recognize.persons import NAME_DOTS
from kg.recognize import model_spans as MS
from kg.recognize import orgs as O

#: the shipped weights
SHIPPED = Path(__file__).with_name("span_acceptor.json")
#: the mention source of an accepted span
SOURCE = "model-learned"
#: the characters besides letters a person's name may hold (Maria Silva, 古多·沃尔夫)
_NAME_MARKS = frozenset(NAME_DOTS + " -.")


@derived
def _roles() -> tuple[str, ...]:
    """Title roles (data/title_roles.tsv), longest first."""
    return tuple(sorted(words("title_roles", "role"), key=len, reverse=True))


@derived
def _not_alone() -> frozenset[str]:
    return frozenset(words("place_m_not_alone"))


@derived
def _generic_heads() -> frozenset[str]:
    """Words that name a kind of body or zone, never one (常委会, 综保区): a reference on
    their own (data/resolve_generic_heads.tsv, data/org_generic_zones.tsv)."""
    return frozenset(words("resolve_generic_heads")) | frozenset(LX.generic_parks())


@derived
def _words_around() -> frozenset[str]:
    """Words a name never starts inside of: the left walk's stop words (莅临) and the title
    roles (省长), of two to four characters (the lengths :func:`vetoed` looks at)."""
    return frozenset(w for w in (*LW.LEFT_STOPS, *_roles()) if 2 <= len(w) <= 4)


def vetoed(text: str, start: int, end: int, typ: str, names: list[str] | tuple[str, ...] = ()) -> str | None:
    """Why no name has the form of ``text[start:end]``, whatever the acceptor says
    (None: it may be read again). The words come from the lexicons:

    - an organization that begins inside a word written across its start (临正威集团
      of 莅临正威集团: the left walk's stop words and the title roles), unless a place
      starts it (湖南省长沙市: 省长 is a role, 长沙 a place);
    - an organization or place that is a generic name (科技研究院: the checks' generic words;
      常委会, 综保区: a kind of body or zone written alone);
    - a person of one or two characters before a title role (李院长, 副院长: data/title_roles.tsv);
    - a person whose span holds a character no name has: punctuation (李利】), a digit;
    - a place never taken on its own (中国 of 科创中国: data/place_m_not_alone.tsv);
    - an organization with no suffix of its own that starts a longer name the rules
      found (银川市科学技术 where 银川市科学技术协会 is written);
    - an organization cut before an organization suffix the text goes on with
      (银川市科学技术 of 银川市科学技术协会), not where a title starts there
      (比亚迪总会计师: 总会 of 总会计师);
    - an organization whose company suffix follows a legal form (X有限公司集团: the
      name written twice; X有限公司研究院 is a name: data/org_legal_forms.tsv).

    A span that holds a name of its type the rules found is not read again either
    (:func:`kg.recognize.model_combination._second_reading`).
    """
    name = text[start:end]
    if typ in ("Organization", "Place") and (MS.is_generic_name(name) or MS.is_generic_body(name)
                                             or name in _generic_heads()):
        return "a generic name"  # 科技研究院 (data/org_generic_core_words.tsv), 综保区
    if typ == "Person":
        if any(not (ch.isalpha() or ch in _NAME_MARKS) for ch in name):
            return "a mark no name holds"  # 李利】 of 责编：李利】
        role = next((r for r in _roles() if name.endswith(r)), None)
        if role is not None and 1 <= len(name) - len(role) <= 2:
            return "one or two characters before a title role"
    elif typ == "Place":
        if name in _not_alone():
            return "never a place on its own"  # 中国 of 科创中国 (data/place_m_not_alone.tsv)
    elif typ == "Organization":
        inside = _words_around()
        if MS._leading_place_end(name) == 0 and any(
                text[j:j + size] in inside for size in range(2, 5) for j in range(max(0, start - size + 1), start)):
            return "begins inside a word"  # 临正威集团 of 莅临正威集团, 长盛赞… of 省长盛赞…
        if MS.org_suffix(name) is None and any(len(n) > len(name) and n.startswith(name) for n in names):
            return "the start of a name the rules found"  # 银川市科学技术 beside 银川市科学技术协会
        if any(text.startswith(suf, end) for suf, _ in LX.ORG_SUFFIXES) and not T.starts_with_title(text, end):
            return "cut before a suffix"
        last = next((f for f in LX.company_suffixes() if name.endswith(f)), None)
        if last is not None and len(name) > len(last) and name[:-len(last)].endswith(O.legal_forms()):
            return "a suffix after a legal form"
    return None


def failed_checks(text: str, start: int, end: int, name: str | None = None) -> list[str]:
    """The checks of :mod:`kg.recognize.model_spans` the name written at
    ``text[start:end]`` fails (a stop word, a group, a generic name or body, an
    organization suffix, a person's form: of ``name`` when given, its canonical
    form; a name character right before or after the span)."""
    name = text[start:end] if name is None else name
    return [c for c, failed in (
        ("stop", MS.has_stop(name)), ("group", MS.is_group(name)), ("generic", MS.is_generic_name(name)),
        ("generic_body", MS.is_generic_body(name)), ("suffix", MS.org_suffix(name) is not None),
        ("person_form", MS.person_form(name)),
        ("cut_left", start > 0 and LW.is_name_char(text[start - 1])),
        ("cut_right", end < len(text) and LW.is_name_char(text[end])),
    ) if failed]


#: the steps the model's probability of a span is read at (a feature each: the highest it reaches)
CONFIDENCE_STEPS = (0.99, 0.95, 0.9, 0.8, 0.7, 0.5, 0.3)


def confidence_step(confidence: float | None) -> str | None:
    """The highest of :data:`CONFIDENCE_STEPS` the model's probability of a span reaches
    ("low" under them all); None when the model gave none."""
    if confidence is None:
        return None
    return next((str(step) for step in CONFIDENCE_STEPS if confidence >= step), "low")


def span_features(text: str, start: int, end: int, typ: str, label: str, valid: bool, view,
                  confidence: float | None = None) -> list[str]:
    """The features of the span ``text[start:end]`` (a refused model span) against the rule view;
    ``confidence``: the model's probability of the span as it tagged it, when it gives one."""
    name = text[start:end]
    left, right = text[max(0, start - 2):start], text[end:end + 2]
    spans = view.spans
    if view.equal(start, end):
        meets = "equal"
    elif view.crosses(start, end):
        meets = "crosses"
    elif view.covered(start, end):
        meets = "inside"
    elif view.inside(start, end):
        meets = "contains"
    else:
        meets = "free"
    near = min((abs(a - end) for a, _b, _t in spans if a >= end), default=99)
    count = text.count(name)
    checks = failed_checks(text, start, end)
    base = [*(f"check:{c}" for c in checks), 
        f"tag:{label}", f"len:{min(len(name), 9)}", f"valid:{int(valid)}", f"meets:{meets}",
        f"last:{name[-1:]}", f"last2:{name[-2:]}", f"first:{name[:1]}", f"first2:{name[:2]}",
        f"left:{left[-1:]}", f"left2:{left}", f"right:{right[:1]}", f"right2:{right}",
        f"count:{min(count, 3)}", f"next_rule:{min(near, 3)}",
    ]
    step = confidence_step(confidence)
    if step is not None:
        base.append(f"confidence:{step}")
    return ["bias", f"type:{typ}"] + base + [f"{typ}|{f}" for f in base]


@dataclass
class SpanAcceptor:
    weights: dict[str, float] = field(default_factory=dict)
    threshold: float = 1.0
    meta: dict = field(default_factory=dict)

    def probability(self, features: list[str]) -> float:
        z = sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def accepts(self, features: list[str]) -> bool:
        return self.probability(features) >= self.threshold

    def as_dict(self) -> dict:
        """The threshold, the meta data and the weights as saved (rounded, the near-zero ones left out)."""
        return {"threshold": self.threshold, "meta": self.meta,
                "weights": {k: round(v, 5) for k, v in sorted(self.weights.items()) if abs(v) >= 1e-4}}

    @classmethod
    def from_dict(cls, data: dict) -> "SpanAcceptor":
        return cls(dict(data["weights"]), float(data["threshold"]), dict(data.get("meta", {})))

    def save(self, path: str | os.PathLike) -> None:
        save_json(path, self.as_dict())

    @classmethod
    def load(cls, path: str | os.PathLike) -> "SpanAcceptor":
        return cls.from_dict(json.loads(Path(path).read_text(encoding="utf-8")))


def save_json(path: str | os.PathLike, data: dict) -> None:
    """Write trained weights atomically, keys sorted (the shipped files' form)."""
    from kg.export.atomic import write_atomic

    write_atomic(Path(path), json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True) + "\n")


_LOADED: dict[str, SpanAcceptor | None] = {}


def weights_on(path: Path, flag: str) -> bool:
    """Whether shipped weights at ``path`` are in use: present, and not turned off by
    the environment flag ``flag`` (``=0``)."""
    from kg.nlp.model_dir import env_flag

    return env_flag(flag, True) and path.is_file()


def weights_version(path: Path, flag: str, tag: str) -> str:
    """``tag`` and the weights' digest when they are in use (part of the model version
    build records are keyed by), else ""."""
    import hashlib

    return tag + hashlib.sha256(path.read_bytes()).hexdigest()[:8] if weights_on(path, flag) else ""


def weights_loaded(path: Path, flag: str, cache: dict, load=None):
    """The weights at ``path``, loaded once into ``cache`` (by ``load``, default
    :meth:`SpanAcceptor.load`); None when not in use."""
    if not weights_on(path, flag):
        return None
    if "shipped" not in cache:
        cache["shipped"] = (load or SpanAcceptor.load)(path)
    return cache["shipped"]


def enabled() -> bool:
    """Whether the acceptor reads refused spans (on by default since the weights
    trained with :func:`vetoed` and the retrained NER won on corpus dev and held every
    gate, docs/extraction.md; ``ZHKG_SPAN_ACCEPTOR=0`` turns it off)."""
    return weights_on(SHIPPED, "ZHKG_SPAN_ACCEPTOR")


def version() -> str:
    """Part of the model version build records are keyed by: the weights' digest when on."""
    return weights_version(SHIPPED, "ZHKG_SPAN_ACCEPTOR", "+spans:")


def shipped() -> SpanAcceptor | None:
    """The shipped acceptor, loaded once; None when turned off or absent."""
    return weights_loaded(SHIPPED, "ZHKG_SPAN_ACCEPTOR", _LOADED)


# ------------------------------------------------------------------ training (kg.recognize.train_spans runs it)
#: while training: refused spans are recorded here instead of judged by the acceptor
_RECORD: list | None = None


def record(item: tuple) -> bool:
    """Record a refused span while training (True), else False."""
    if _RECORD is None:
        return False
    _RECORD.append(item)
    return True


def fit(samples: list[tuple[list[str], int]], epochs: int = 8, lr: float = 0.1, l2: float = 1e-4,
        seed: int = 1, min_count: int = 2) -> dict[str, float]:
    """Logistic regression by stochastic gradient descent; features seen fewer than
    ``min_count`` times are left out."""
    counts: dict[str, int] = {}
    for feats, y in samples:
        if y < 0:
            continue
        for f in set(feats):
            counts[f] = counts.get(f, 0) + 1
    keep = {f for f, c in counts.items() if c >= min_count} | {"bias"}
    w: dict[str, float] = {}
    order = list(range(len(samples)))
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(order)
        for i in order:
            feats, y = samples[i]
            if y < 0:
                continue
            feats = [f for f in feats if f in keep]
            z = sum(w.get(f, 0.0) for f in feats)
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            g = p - y
            for f in feats:
                w[f] = w.get(f, 0.0) - lr * (g + l2 * w.get(f, 0.0))
    return w


def choose_threshold(model: SpanAcceptor, samples: list[tuple[list[str], int]]) -> tuple[float, int, int]:
    """The threshold that most raises the count of right names minus wrong ones
    among the samples it accepts: (threshold, right, wrong)."""
    best = (1.0, 0, 0)
    scored = sorted(((model.probability(f), y) for f, y in samples if y >= 0), reverse=True)
    right = wrong = 0
    for p, y in scored:
        right, wrong = right + y, wrong + (1 - y)
        if right - wrong > best[1] - best[2] and p >= 0.3:
            best = (round(p, 4), right, wrong)
    return best
