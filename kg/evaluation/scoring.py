"""The annotation guide's measure: compare one predicted extraction with gold.

Both sides use the gold file shape (see ``../shared/spec/annotation-guide.md``)::

    {"file": ..., "entities": [{"name", "type", "aliases"?, "optional"?}],
     "visited": [[a, b]], "metWith": ..., "accompanied": ..., "affiliatedWith": ...,
     "positions": [{"person", "title", "in"?}],
     "agreements": [{"name", "parties", "witnesses"}],
     "partOf": ..., "locatedIn": ...}

Entities match one-to-one: a predicted entity matches a gold entity of the same
type when one of its names (name or aliases) equals one of the gold entity's
names. A second predicted node for an already matched gold entity is a false
positive (a duplicate); its relations are compared as the gold entity's (the
split node is paid for once, as an entity). Predicted entities that match an
*optional* gold entry count neither way, and relations touching them are
ignored as well (the guide: relations through garbage are not scored). A
predicted entity that matches no gold entry at all is a false positive, and so
is every relation touching it: such a relation is a wrong statement in the
graph. (Before the eighteenth round such relations were ignored too, which
hid about a third of the false positives on the corpus dev split.)

Relations are compared after mapping predicted names onto gold names. ``metWith``
is unordered. Positions are (person, title, in), the title compared without
generic body words (:func:`title_key`). Agreements are matched one to
one by their parties (and name as a tie-break); then each party and each
witness is a relation instance (``party``, ``witnessed``) scored like the rest.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from kg.lexicons.load import derived, entries, words
from kg.rdf.vocab import ENTITY_RELATIONS, SYMMETRIC

#: gold-file keys of the pair relations: the ontology's entity relations
PAIR_RELATIONS = ENTITY_RELATIONS
RELATION_TYPES = PAIR_RELATIONS + ("positions", "party", "witnessed")
#: stands for a predicted name that matched an optional gold entry (ignored)
_OPTIONAL = "\0optional"


def _norm(name: str) -> str:
    return (
        name.replace("（", "(").replace("）", ")").replace(" ", "").replace("\u3000", "").strip()
    )


@derived
def _generic_bodies() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(generic body words longest first, level words longest first: 自治区, 市 …) for :func:`title_key`."""
    bodies = {e.word for e in entries("title_bodies")
              if "generic" in e.scope or "title" in e.scope and not {"department", "internal"} & set(e.scope)}
    levels = {*words("place_m_admin_suffixes", "body"), *words("place_m_admin_suffixes", "body_long")}
    return tuple(sorted(bodies, key=len, reverse=True)), tuple(sorted(levels, key=len, reverse=True))


def title_key(title: str) -> str:
    """A title as the scorer compares it: without generic body words (the
    guide's v2 convention: 主任 and 区人大常委会主任 are one title, as are
    副主席 and 市政协副主席). Leading level characters and the generic body
    words of a place (data/title_bodies.tsv: scope generic, and scope title
    except departments and a body inside any organization, so 组织部部长 and
    宣传部部长, 党委书记 and 纪委书记 stay apart; data/place_m_admin_suffixes.tsv,
    scopes body and body_long: 自治区人大常委会主任 and 主任 are one title too) are
    removed while a role is left."""
    bodies, levels = _generic_bodies()
    t = _norm(title)
    while True:
        lv = next((v for v in levels if t.startswith(v)), "")
        if lv and len(t) > len(lv) + 1 and any(t.startswith(b, len(lv)) and len(t) > len(b) + len(lv) for b in bodies):
            t = t[len(lv):]
            continue
        b = next((b for b in bodies if t.startswith(b) and len(t) > len(b)), None)
        if b is None:
            return t
        t = t[len(b):]


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0 if not self.fn else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0 if not self.fp else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: "PRF") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def as_dict(self) -> dict:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class ArticleScore:
    file: str
    entities: PRF = field(default_factory=PRF)
    relations: dict[str, PRF] = field(default_factory=lambda: {k: PRF() for k in RELATION_TYPES})
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)

    @property
    def relations_micro(self) -> PRF:
        total = PRF()
        for prf in self.relations.values():
            total.add(prf)
        return total


@dataclass
class Scores:
    articles: list[ArticleScore] = field(default_factory=list)

    @property
    def entities(self) -> PRF:
        total = PRF()
        for a in self.articles:
            total.add(a.entities)
        return total

    def relation(self, kind: str) -> PRF:
        total = PRF()
        for a in self.articles:
            total.add(a.relations[kind])
        return total

    @property
    def relations_micro(self) -> PRF:
        total = PRF()
        for kind in RELATION_TYPES:
            total.add(self.relation(kind))
        return total

    def as_dict(self) -> dict:
        return {
            "entities": self.entities.as_dict(),
            "relations": {k: self.relation(k).as_dict() for k in RELATION_TYPES},
            "relations_micro": self.relations_micro.as_dict(),
            "articles": [
                {
                    "file": a.file,
                    "entities": a.entities.as_dict(),
                    "relations_micro": a.relations_micro.as_dict(),
                    "missed": a.missed,
                    "spurious": a.spurious,
                }
                for a in self.articles
            ],
        }


def _names(entry: dict) -> set[str]:
    return {_norm(entry["name"])} | {_norm(a) for a in entry.get("aliases", []) or []}


def match_entities(pred: list[dict], gold: list[dict]) -> tuple[dict[str, str | None], PRF, list, list]:
    """One-to-one entity matching.

    Returns (mapping from every predicted name/alias to the gold name it
    matched or duplicates, None when it matched an optional entry, ``?name``
    when it matched nothing), the entity PRF, missed gold names and spurious
    predicted names.
    """
    prf = PRF()
    gold_by_name: dict[tuple[str, str], int] = {}
    for gi, g in enumerate(gold):
        for n in _names(g):
            gold_by_name.setdefault((g["type"], n), gi)
    matched_gold: set[int] = set()
    mapping: dict[str, str | None] = {}
    spurious: list[str] = []
    # Prefer exact canonical-name matches first so a short-form duplicate
    # does not steal the match from the full-form node.
    order = sorted(range(len(pred)), key=lambda i: (pred[i]["type"], _norm(pred[i]["name"])) not in gold_by_name)
    for pi in order:
        p = pred[pi]
        candidates = []
        for n in [_norm(p["name"])] + sorted(_names(p) - {_norm(p["name"])}):
            gi = gold_by_name.get((p["type"], n))
            if gi is not None and gi not in candidates:
                candidates.append(gi)
        target = None
        for gi in candidates:
            if gi not in matched_gold or gold[gi].get("optional"):
                target = gi
                break
        if target is None:
            if candidates and all(gold[gi].get("optional") for gi in candidates):
                target = candidates[0]
        if target is None:
            prf.fp += 1
            spurious.append(f"entity {p['type']} {p['name']}" + (" (duplicate)" if candidates else ""))
            # a duplicate's relations are the gold entity's; a name that matches
            # nothing stays itself, marked, so each relation through it is a false positive
            same = _norm(gold[candidates[0]]["name"]) if candidates else None
            for n in _names(p):
                mapping.setdefault(n, same if same is not None else "?" + n)
            continue
        g = gold[target]
        if not g.get("optional"):
            matched_gold.add(target)
            prf.tp += 1
            for n in _names(p):
                mapping[n] = _norm(g["name"])
        else:
            for n in _names(p):
                mapping.setdefault(n, None)
    missed = []
    for gi, g in enumerate(gold):
        if not g.get("optional") and gi not in matched_gold:
            prf.fn += 1
            missed.append(f"entity {g['type']} {g['name']}")
    return mapping, prf, missed, spurious


def _relation_set(doc: dict, kind: str, mapping: dict[str, str | None] | None) -> set[tuple]:
    """Relation instances of ``kind`` as tuples of (gold) names."""

    def m(name: str | None):
        if name is None:
            return None
        n = _norm(name)
        if mapping is None:
            return n
        if n in mapping and mapping[n] is None:
            return _OPTIONAL
        return mapping.get(n, "?" + n)  # unmatched predicted names stay distinct

    out: set[tuple] = set()
    if kind in PAIR_RELATIONS:
        for a, b in doc.get(kind, []) or []:
            a, b = m(a), m(b)
            if kind in SYMMETRIC:
                a, b = sorted((str(a), str(b)))
            out.add((a, b))
    elif kind == "positions":
        for p in doc.get("positions", []) or []:
            out.add((m(p["person"]), title_key(p["title"]), m(p.get("in"))))
    return out


def _optional_names(gold: dict) -> set[str]:
    return {n for e in gold["entities"] if e.get("optional") for n in _names(e)}


def _score_agreements(pred: dict, gold: dict, mapping, score: ArticleScore, optional: set[str]) -> None:
    def key(names):
        out = set()
        for n in names:
            n = _norm(n)
            out.add(mapping.get(n, "?" + n) if mapping is not None else n)
        return out

    g_agrs = [
        {"name": _norm(a.get("name", "")), "parties": {_norm(p) for p in a.get("parties", [])} - optional,
         "witnesses": {_norm(w) for w in a.get("witnesses", [])} - optional}
        for a in gold.get("agreements", []) or []
    ]
    p_agrs = [
        {"name": _norm(a.get("name", "")), "parties": key(a.get("parties", [])) - {None},
         "witnesses": key(a.get("witnesses", [])) - {None}}
        for a in pred.get("agreements", []) or []
    ]
    # greedy one-to-one matching by party overlap, then name equality
    pairs = []
    for pi, p in enumerate(p_agrs):
        for gi, g in enumerate(g_agrs):
            overlap = len(p["parties"] & g["parties"])
            same_name = p["name"] == g["name"] or (p["name"] and g["name"] and (p["name"] in g["name"] or g["name"] in p["name"]))
            if overlap or same_name:
                pairs.append((overlap, bool(same_name), pi, gi))
    pairs.sort(reverse=True)
    used_p, used_g, matched = set(), set(), {}
    for _, _, pi, gi in pairs:
        if pi not in used_p and gi not in used_g:
            used_p.add(pi)
            used_g.add(gi)
            matched[pi] = gi
    for kind, fld in (("party", "parties"), ("witnessed", "witnesses")):
        prf = score.relations[kind]
        gold_seen = set()
        for pi, p in enumerate(p_agrs):
            g = g_agrs[matched[pi]] if pi in matched else None
            for x in p[fld]:
                if g is not None and x in g[fld]:
                    prf.tp += 1
                    gold_seen.add((matched[pi], x))
                else:
                    prf.fp += 1
                    score.spurious.append(f"{kind} {p['name']} {x}")
        for gi, g in enumerate(g_agrs):
            for x in g[fld]:
                if (gi, x) not in gold_seen:
                    prf.fn += 1
                    score.missed.append(f"{kind} {g['name']} {x}")


def score_article(pred: dict, gold: dict) -> ArticleScore:
    score = ArticleScore(file=gold.get("file", pred.get("file", "?")))
    mapping, ent_prf, missed, spurious = match_entities(pred.get("entities", []), gold["entities"])
    score.entities = ent_prf
    score.missed.extend(missed)
    score.spurious.extend(spurious)
    optional = _optional_names(gold)
    for kind in PAIR_RELATIONS + ("positions",):
        g = {t for t in _relation_set(gold, kind, None) if not (set(t) & optional)}
        p = {t for t in _relation_set(pred, kind, mapping) if _OPTIONAL not in t}
        prf = score.relations[kind]
        prf.tp += len(p & g)
        prf.fp += len(p - g)
        prf.fn += len(g - p)
        score.missed.extend(f"{kind} {' | '.join(map(str, t))}" for t in sorted(g - p, key=str))
        score.spurious.extend(f"{kind} {' | '.join(map(str, t))}" for t in sorted(p - g, key=str))
    _score_agreements(pred, gold, mapping, score, optional)
    return score


def score_corpus(pred_by_file: dict[str, dict], gold_by_file: dict[str, dict]) -> Scores:
    """Score every gold article; a gold file with no prediction scores all misses."""
    scores = Scores()
    for file in sorted(gold_by_file):
        pred = pred_by_file.get(file, {"file": file, "entities": []})
        scores.articles.append(score_article(pred, gold_by_file[file]))
    return scores


def count_relations(doc: dict) -> Counter:
    return Counter({k: len(doc.get(k, []) or []) for k in PAIR_RELATIONS + ("positions", "agreements")})
