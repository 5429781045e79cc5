"""The scoring stage: the trained relation model decides the entity relations.

After the rule stages, every candidate pair of the article
(:func:`kg.scoring.candidates.candidates`) is scored by the shipped relation
model (:mod:`kg.scoring.component`); the six entity relations the article
keeps are those whose probability reaches their kind's threshold. What the
rules concluded is one of the features (``hybrid``, the default) or left out
(``model``, the ablation's model-only run); ``rules`` skips this stage and
keeps the rules' relations as they are.

Each kept or rejected candidate is recorded (:mod:`kg.decisions`) with its
probability, its threshold and its features, so ``kg explain`` says why.
Relations backed by an event or a position keep that backing when the model
keeps them.

The mode comes from ``ZHKG_RELATIONS`` (``kg build --relations MODE`` sets it
for the worker processes); the model folder from ``ZHKG_RE_MODEL``, else the
one shipped in the package. It is loaded once per process.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from kg.doc import Article, Decision, Relation

#: the relation modes: the rules alone, the model without the rules' verdicts, the model with them
MODES = ("rules", "model", "hybrid")
#: what ``kg build`` uses when nothing is asked for: the mode that won on corpus dev (docs/extraction.md)
DEFAULT_MODE = "hybrid"
#: the shipped model (the ``model`` mode of the ablation needs one trained with
#: ``kg train-re --mode model --save-dir DIR`` and ``ZHKG_RE_MODEL=DIR``)
SHIPPED = {"hybrid": "re-hybrid"}


def relation_mode() -> str:
    mode = os.environ.get("ZHKG_RELATIONS", "").strip() or DEFAULT_MODE
    if mode not in MODES:
        from kg.nlp.base import ModelNotAvailable

        raise ModelNotAvailable(f"ZHKG_RELATIONS={mode!r}: use one of {', '.join(MODES)}")
    return mode


def model_dir(mode: str | None = None) -> Path | None:
    """The relation model folder for ``mode`` (None for ``rules``)."""
    mode = mode or relation_mode()
    if mode == "rules":
        return None
    env = os.environ.get("ZHKG_RE_MODEL", "").strip()
    if env:
        return Path(env).expanduser()
    if mode not in SHIPPED:
        from kg.nlp.base import ModelNotAvailable

        raise ModelNotAvailable(f"no relation model ships for --relations {mode}: train one with "
                         f"kg train-re --mode {mode} --save-dir DIR and set ZHKG_RE_MODEL=DIR")
    from importlib import resources

    return Path(str(resources.files("kg.scoring").joinpath("models", SHIPPED[mode])))


def model_id() -> str:
    """What the build cache keys records by: the mode and the model's files."""

    mode = relation_mode()
    folder = model_dir(mode)
    if folder is None:
        return mode
    files = tuple((name, (folder / name).stat().st_mtime_ns if (folder / name).is_file() else None)
                  for name in ("config.json", "vocabs.json", "model.pt"))
    return f"{mode}:{_digest(str(folder), files)}"


@lru_cache(maxsize=8)
def _digest(folder: str, files: tuple) -> str:
    """The model files' digest, read once per process for each state of the files."""
    import hashlib

    digest = hashlib.sha256()
    for name, stamp in files:
        digest.update((Path(folder) / name).read_bytes() if stamp is not None else b"-")
    return digest.hexdigest()[:12]


@lru_cache(maxsize=4)
def load_scorer(folder: str):
    """The relation model in ``folder``, loaded once per process (one torch thread is the caller's business)."""
    from kg.scoring.component import RelationScorer

    p = Path(folder)
    if not (p / "model.pt").is_file():
        raise FileNotFoundError(f"no relation model in {folder} (train one with kg train-re)")
    scorer = RelationScorer()
    scorer.load(folder, devices=-1, verbose=False)
    return scorer


def scoring_stage(article: Article) -> None:
    mode = relation_mode()
    if mode == "rules" or not article.entities:
        return
    from kg.scoring.candidates import candidates

    scorer = load_scorer(str(model_dir(mode)))
    kinds = scorer.config.get("kinds") or []
    cands = candidates(article, kinds)  # decide() reads no other kind's candidates
    decide(article, cands, score(scorer, cands, mode), scorer.config.get("thresholds") or {},
           kinds, record=True)


def score(scorer, cands, mode: str) -> list[float]:
    """The model's probability for each candidate."""
    from kg.scoring.candidates import without_rules

    if mode == "hybrid":
        return scorer.predict_conjoined([(c.base, c.kind) for c in cands])
    return scorer.predict([(without_rules(c.features), c.kind) for c in cands])


#: suffix of a kind's threshold for the candidates the rules proposed ("visited|rule")
RULE_BACKED = "|rule"
#: suffix of a kind's threshold for a candidate listed with an item the kind is kept
#: for, the other end the same ("visited|list": 考察了甲公司、乙公司、丙公司 where the
#: visit of 甲公司 is kept); absent, a kind's lists share nothing
LIST_SHARED = "|list"


def kind_threshold(thresholds: dict[str, float], kind: str, rule_backed: bool) -> float:
    """The probability a candidate of ``kind`` needs: ``thresholds[kind + RULE_BACKED]``
    for a pair the rules proposed, when tuned, else ``thresholds[kind]`` (0.5 untuned)."""
    threshold = float(thresholds.get(kind, 0.5))
    return float(thresholds.get(kind + RULE_BACKED, threshold)) if rule_backed else threshold


def decide(article: Article, cands, probs: list[float], thresholds: dict[str, float], kinds, record: bool = False) -> None:
    """Replace the article's relations of ``kinds`` by the candidates whose
    probability reaches their kind's threshold (the other kinds keep the rules'
    relations): ``thresholds[kind + RULE_BACKED]`` for a candidate the rules
    proposed, when tuned, else ``thresholds[kind]``; then, where
    ``thresholds[kind + LIST_SHARED]`` is tuned, a candidate under its threshold
    but over that one is kept when an item listed with one of its ends
    (:func:`kg.scoring.candidates.coordinated`) is kept with the other end. With
    ``record``, each kept or overruled candidate is a decision."""
    kinds = set(kinds)
    backing = {}
    for r in article.relations:
        backing.setdefault((r.kind, r.subject, r.object), r)
        if r.kind == "metWith":
            backing.setdefault((r.kind, r.object, r.subject), r)
    kept = [r for r in article.relations if r.kind not in kinds]
    shared = {k: float(thresholds[k + LIST_SHARED]) for k in kinds if k + LIST_SHARED in thresholds}
    waiting = []  # (candidate, p, threshold, rules' relation): kept only if a listed item is
    for c, p in zip(cands, probs):
        if c.kind not in kinds:
            continue
        old = backing.get((c.kind, c.subject, c.object))
        threshold = kind_threshold(thresholds, c.kind, old is not None)  # the rules had it: its own threshold
        keep = p >= threshold
        if not keep and c.kind in shared and p >= shared[c.kind]:
            waiting.append((c, p, threshold, old))
            continue
        if keep:
            kept.append(_relation(article, c, old))
        if record and (keep or old is not None):
            why = (f"model p={p:.2f} {'>=' if keep else '<'} {threshold:.2f}"
                   + ("; the rules had it" if old is not None else "; the rules did not have it"))
            _record(article, c, keep, why)
    if waiting:
        kept.extend(_shared_by_lists(article, kept, waiting, shared, record))
    kept = _no_meeting_without_one(article, kept, backing, record)
    article.relations = _no_events_for_reporters(article, _no_meeting_within_a_side(article, kept, record), record)


def _relation(article: Article, c, old: Relation | None) -> Relation:
    """The relation a kept candidate makes (the rules' backing event and position kept)."""
    if old is not None:
        return Relation(c.kind, c.subject, c.object, old.sentence, old.evidence, old.event, old.position)
    sentence = c.sentence
    evidence = article.sentences[sentence].text if 0 <= sentence < len(article.sentences) else ""
    return Relation(c.kind, c.subject, c.object, sentence, evidence)


def _record(article: Article, c, keep: bool, why: str) -> None:
    ents = article.entities
    start, end = (min(c.span[0], c.span[2]), max(c.span[1], c.span[3])) if c.span else (0, 0)
    article.decisions.append(Decision(c.kind, ents[c.subject].name, ents[c.object].name, start, end,
                                      tuple(f for f in c.base if "|" not in f)[:12],
                                      "kept" if keep else "rejected", why))


def _shared_by_lists(article: Article, kept: list[Relation], waiting: list, shared: dict, record: bool) -> list[Relation]:
    """The waiting candidates (under their kind's threshold, over its list threshold)
    kept because an item listed with their subject or object is kept with the other end:
    甲公司、乙公司、丙公司 toured by one visitor, 乙公司's visit kept at p = 0.40 under
    0.55 where 甲公司's was kept. Lists come from the text as it is (coordinated
    mentions), not from what this pass keeps: one pass."""
    from kg.scoring.candidates import coordinated

    listed = coordinated(article)
    have = {(r.kind, r.subject, r.object) for r in kept}
    have |= {(r.kind, r.object, r.subject) for r in kept if r.kind == "metWith"}
    ents = article.entities
    out = []
    for c, p, threshold, old in waiting:
        by = next((o for o in sorted(listed.get(c.object, ())) if (c.kind, c.subject, o) in have), None)
        if by is None:
            by = next((s for s in sorted(listed.get(c.subject, ())) if (c.kind, s, c.object) in have), None)
        keep = by is not None
        if keep:
            out.append(_relation(article, c, old))
        if record and (keep or old is not None):
            rules = "; the rules had it" if old is not None else "; the rules did not have it"
            why = (f"model p={p:.2f} < {threshold:.2f} but >= {shared[c.kind]:.2f}: "
                   + (f"listed with {ents[by].name}, which is kept" if keep else "no item listed with it is kept")
                   + rules)
            _record(article, c, keep, why)
    return out


def _no_meeting_without_one(article: Article, kept: list[Relation], backing: dict, record: bool) -> list[Relation]:
    """Escorts on a tour with no meeting accompany and meet no one (the guide: metWith is
    a meeting's): where the article has no meeting (no meeting event from the rules, no
    meeting word of data/trigger_meet.tsv in its text), a metWith the model added between
    two people it also keeps as accompanying is dropped. On corpus train and dev it was
    mostly such a pair (an escort and the guest they took round); metWith the rules found
    stays."""
    from kg.lexicons.triggers import meeting_word_in

    if any(e.kind == "Meeting" for e in article.events) or meeting_word_in(article.text, 0, len(article.text)):
        return kept
    return _drop_escorts_meetings(article, kept, record, "accompanying, and the article names no meeting",
                                  lambda r: ("metWith", r.subject, r.object) not in backing)


def _no_meeting_within_a_side(article: Article, kept: list[Relation], record: bool) -> list[Relation]:
    """People of one side do not meet each other (the guide's metWith): a metWith between
    two people kept as accompanying one another, whose posts are in the same organization
    or in organizations of the same place (区委书记王一率队…区委副书记李二参加: both of
    龙华区委), is dropped. On corpus train such pairs were not a gold meeting 131 times and
    were one 40 times (an escort of the host side who also hosts the guest holds posts
    elsewhere than the guest's)."""
    place_of = {r.subject: r.object for r in kept if r.kind == "locatedIn"}
    homes: dict[int, set[int]] = {}
    for pos in article.positions:
        if pos.org is not None:
            homes.setdefault(pos.person, set()).add(pos.org)
            if pos.org in place_of:
                homes[pos.person].add(place_of[pos.org])
    return _drop_escorts_meetings(article, kept, record, "accompanying, and of one side (posts in the same body or place)",
                                  lambda r: bool(homes.get(r.subject, set()) & homes.get(r.object, set())))


def _drop_escorts_meetings(article: Article, kept: list[Relation], record: bool, reason: str, drop) -> list[Relation]:
    """``kept`` without the metWith between two people also kept as accompanying one
    another for which ``drop(relation)`` holds; with ``record``, each dropped is a
    rejected decision with ``reason``."""
    escorts = {frozenset((r.subject, r.object)) for r in kept if r.kind == "accompanied"}
    out = []
    for r in kept:
        if r.kind == "metWith" and frozenset((r.subject, r.object)) in escorts and drop(r):
            if record:
                ents = article.entities
                article.decisions.append(Decision("metWith", ents[r.subject].name, ents[r.object].name, 0, 0, (),
                                                  "rejected", reason))
            continue
        out.append(r)
    return out


#: the kinds of taking part in a visit or a meeting
EVENT_KINDS = ("visited", "metWith", "accompanied")


def _no_events_for_reporters(article: Article, kept: list[Relation], record: bool) -> list[Relation]:
    """The reporters of a byline, dateline or credit line ((记者 李青), (中央社记者许秩维台北电),
    通讯员：张明: each of their posts a byline role of data/title_byline_roles.tsv) write the
    report; they take part in none of its visits and meetings, nor accompany anyone: the
    visited, metWith and accompanied kept for them are dropped. On corpus train and dev those
    were wrong 62 times and right 5 times. So do the photographers of a caption's credit
    (均为王芳 摄: kg.relations.credits). A reporter the text itself names as met (会见了
    新华社记者李青) loses the meeting too: a dateline's name is often the model's mention, not
    a byline's, so the place of the name does not tell them apart.
    """
    from kg.lexicons.load import words
    from kg.relations.credits import photographers

    roles = set(words("title_byline_roles", "byline"))
    titles: dict[int, set[str]] = {}
    for p in article.positions:
        titles.setdefault(p.person, set()).add(p.title)
    reporters = {person for person, held in titles.items() if held <= roles} | photographers(article)
    if not reporters:
        return kept
    out = []
    for r in kept:
        if r.kind in EVENT_KINDS and (r.subject in reporters or r.object in reporters):
            if record:
                ents = article.entities
                article.decisions.append(Decision(r.kind, ents[r.subject].name, ents[r.object].name, 0, 0, (),
                                                  "rejected", "a reporter of the byline: the report's writer takes "
                                                  "part in none of its events"))
            continue
        out.append(r)
    return out
