"""``kg corpus check``: every gold file valid against the annotation guide's
format, the manifest consistent with the files, and names to review.

*Errors* make the check fail: a malformed file, an unknown key, type or
relation kind, a relation whose end is not an entity of the file or has the
wrong type, a duplicate entity, a manifest row without its files (or files
without a row), a bad split/script/damage value, a wrong character count.

*Review items* do not fail it: entity names that occur nowhere in the
article's normalized text (none of the name and its aliases; an inferred body
such as ⟨home city⟩市委 is allowed by the guide, but a reader should look), and
names that are not in Simplified script.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from kg.corpus.manifest import DAMAGE_KINDS, SCRIPTS, SPLITS, ManifestError, Row, read_manifest
from kg.evaluation.scoring import PAIR_RELATIONS

ENTITY_TYPES = ("Person", "Organization", "Place")
ENTITY_KEYS = {"name", "type", "aliases", "optional"}
RELATION_KEYS = PAIR_RELATIONS + ("positions", "agreements")
TOP_KEYS = {"file", "entities", *RELATION_KEYS}
#: (allowed types of the first end, of the second end) per pair relation
PAIR_TYPES = {
    "visited": ({"Person"}, {"Organization", "Place"}),
    "metWith": ({"Person"}, {"Person"}),
    "accompanied": ({"Person"}, {"Person"}),
    "affiliatedWith": ({"Person"}, {"Organization"}),
    "partOf": ({"Organization"}, {"Organization"}),
    "locatedIn": ({"Organization", "Place"}, {"Place"}),
}
POSITION_IN_TYPES = {"Organization", "Place"}
PARTY_TYPES = {"Organization", "Place", "Person"}  # the guide: organizations; a place or a person only when the text says so


@dataclass
class GoldReport:
    errors: list[str] = field(default_factory=list)
    review: list[str] = field(default_factory=list)


def _is_str(x) -> bool:
    return isinstance(x, str) and x.strip() != ""


def check_gold(doc, expected_file: str | None = None, text: str | None = None) -> GoldReport:
    """Check one gold document (already parsed JSON). ``text``: the article's
    normalized text, for the names-to-review list."""
    rep = GoldReport()
    err = rep.errors.append
    if not isinstance(doc, dict):
        err("not a JSON object")
        return rep
    unknown = set(doc) - TOP_KEYS
    if unknown:
        err(f"unknown key(s): {', '.join(sorted(unknown))}")
    if expected_file is not None and doc.get("file") != expected_file:
        err(f"'file' is {doc.get('file')!r}, expected {expected_file!r}")
    entities = doc.get("entities")
    if not isinstance(entities, list):
        err("'entities' must be a list")
        return rep
    types: dict[str, str] = {}
    surface: dict[str, str] = {}
    for i, e in enumerate(entities):
        if not isinstance(e, dict) or not _is_str(e.get("name")):
            err(f"entity #{i + 1}: needs a non-empty 'name'")
            continue
        name = e["name"]
        if set(e) - ENTITY_KEYS:
            err(f"entity {name}: unknown key(s) {', '.join(sorted(set(e) - ENTITY_KEYS))}")
        if e.get("type") not in ENTITY_TYPES:
            err(f"entity {name}: type {e.get('type')!r} is not one of {', '.join(ENTITY_TYPES)}")
        if name in types:
            err(f"entity {name}: listed twice")
        types[name] = e.get("type")
        aliases = e.get("aliases", [])
        if not isinstance(aliases, list) or not all(_is_str(a) for a in aliases):
            err(f"entity {name}: 'aliases' must be a list of names")
            aliases = []
        if "optional" in e and not isinstance(e["optional"], bool):
            err(f"entity {name}: 'optional' must be true or false")
        for form in [name, *aliases]:
            if form in surface and surface[form] != name:
                err(f"entity {name}: the form {form} also names {surface[form]}")
            surface.setdefault(form, name)
        if text is not None:
            compact = text.replace(" ", "")
            if not any(f.replace(" ", "") in compact for f in [name, *aliases]):
                rep.review.append(f"{name} ({e.get('type')}): not in the normalized text")
        if not _simplified(name):
            rep.review.append(f"{name}: not in Simplified script")

    def ref(name, allowed: set[str], where: str) -> None:
        if not _is_str(name):
            err(f"{where}: {name!r} is not a name")
        elif name not in types:
            err(f"{where}: {name} is not an entity of the file")
        elif types[name] not in allowed:
            err(f"{where}: {name} is a {types[name]}, expected {' or '.join(sorted(allowed))}")

    for kind in RELATION_KEYS:
        value = doc.get(kind, [])
        if not isinstance(value, list):
            err(f"'{kind}' must be a list")
            continue
        for item in value:
            if kind in PAIR_TYPES:
                if not (isinstance(item, list) and len(item) == 2):
                    err(f"{kind}: {item!r} is not a pair")
                    continue
                first, second = PAIR_TYPES[kind]
                ref(item[0], first, f"{kind} {item}")
                ref(item[1], second, f"{kind} {item}")
                if item[0] == item[1]:
                    err(f"{kind} {item}: an entity related to itself")
            elif kind == "positions":
                if not isinstance(item, dict) or not _is_str(item.get("title")) or set(item) - {"person", "title", "in"}:
                    err(f"positions: {item!r} needs 'person', 'title' and optionally 'in'")
                    continue
                ref(item.get("person"), {"Person"}, f"position {item['title']}")
                if item.get("in") is not None:
                    ref(item["in"], POSITION_IN_TYPES, f"position {item['title']}")
            else:
                if not isinstance(item, dict) or not _is_str(item.get("name")) or set(item) - {"name", "parties", "witnesses"}:
                    err(f"agreements: {item!r} needs 'name', 'parties' and optionally 'witnesses'")
                    continue
                parties, witnesses = item.get("parties", []), item.get("witnesses", [])
                if not isinstance(parties, list) or not isinstance(witnesses, list):
                    err(f"agreement {item['name']}: 'parties' and 'witnesses' must be lists")
                    continue
                for p in parties:
                    ref(p, PARTY_TYPES, f"agreement {item['name']} party")
                for w in witnesses:
                    ref(w, {"Person"}, f"agreement {item['name']} witness")
    return rep


def _simplified(name: str) -> bool:
    """Whether ``name`` is in Simplified script: t2s leaves it alone, but for the
    characters Simplified keeps (data/normalize_simplified_keeps.tsv: 谢乾程)."""
    from kg.normalize.script import converter, keeps_for

    keep, out = keeps_for("simplified"), converter("t2s").convert(name)
    return len(out) == len(name) and all(x == y or x in keep for x, y in zip(name, out))


@dataclass
class CorpusReport:
    rows: list[Row] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    review: list[str] = field(default_factory=list)
    golds: dict[str, dict] = field(default_factory=dict)  # id -> gold

    @property
    def ok(self) -> bool:
        return not self.errors


def normalized_text(raw: str) -> str:
    from kg.normalize.pipeline import normalize_text

    doc, _script, _config = normalize_text(raw, [])
    return doc.text


def check_corpus(root: str | Path, with_text: bool = True, not_in: list[str | Path] = ()) -> CorpusReport:
    """Check the manifest, every article and every gold file under ``root``;
    no article may copy or excerpt a text in the ``not_in`` folders (the seeds
    and the shared dev articles: the corpus is measured on other text)."""
    from kg.corpus.splits import overlapping

    root = Path(root)
    rep = CorpusReport()
    excluded = {f"{Path(d).name}/{p.name}": p.read_text(encoding="utf-8")
                for d in not_in for p in sorted(Path(d).glob("*.txt"))}
    try:
        rep.rows = read_manifest(root / "manifest.tsv")
    except ManifestError as exc:
        rep.errors.append(str(exc))
        return rep
    if not rep.rows:
        rep.errors.append(f"{root / 'manifest.tsv'}: no articles")
    seen_ids: set[str] = set()
    seen_urls: dict[str, str] = {}
    for row in rep.rows:
        where = f"{row.id}"
        if row.id in seen_ids:
            rep.errors.append(f"{where}: id listed twice in the manifest")
        seen_ids.add(row.id)
        if row.url in seen_urls:
            rep.errors.append(f"{where}: same url as {seen_urls[row.url]}")
        seen_urls.setdefault(row.url, row.id)
        if row.split not in SPLITS:
            rep.errors.append(f"{where}: split {row.split!r} is not one of {', '.join(SPLITS)}")
        if row.script not in SCRIPTS:
            rep.errors.append(f"{where}: script {row.script!r} is not one of {', '.join(SCRIPTS)}")
        bad = [d for d in row.damage_kinds if d not in DAMAGE_KINDS]
        if bad or not row.damage_kinds:
            rep.errors.append(f"{where}: damage {row.damage!r}: use {', '.join(DAMAGE_KINDS)}")
        article, gold_path = root / "articles" / f"{row.id}.txt", root / "gold" / f"{row.id}.json"
        try:
            raw = article.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            rep.errors.append(f"{where}: article unreadable: {exc}")
            continue
        if len(raw) != row.chars:
            rep.errors.append(f"{where}: chars is {row.chars}, the article has {len(raw)}")
        for name in overlapping(raw, excluded):
            rep.errors.append(f"{where}: the same text as {name}, which must stay out of the corpus")
        try:
            doc = json.loads(gold_path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            rep.errors.append(f"{where}: gold unreadable: {exc}")
            continue
        g = check_gold(doc, f"{row.id}.txt", normalized_text(raw) if with_text else None)
        rep.errors += [f"{where}: {e}" for e in g.errors]
        rep.review += [f"{where}: {r}" for r in g.review]
        rep.golds[row.id] = doc
    for folder, suffix in (("articles", ".txt"), ("gold", ".json")):
        for path in sorted((root / folder).glob(f"*{suffix}")) if (root / folder).is_dir() else []:
            if path.stem not in seen_ids:
                rep.errors.append(f"{folder}/{path.name}: no manifest row")
    return rep


def counts(rep: CorpusReport) -> dict:
    """Articles by split/script/damage, entities by type and relations by kind, per split."""
    out: dict = {"articles": Counter(), "script": Counter(), "damaged": Counter(), "entities": {}, "relations": {}}
    for row in rep.rows:
        out["articles"][row.split] += 1
        out["script"][(row.split, row.script)] += 1
        out["damaged"][row.split] += row.damaged
        doc = rep.golds.get(row.id)
        if not doc:
            continue
        ents = out["entities"].setdefault(row.split, Counter())
        for e in doc.get("entities", []):
            if isinstance(e, dict) and not e.get("optional"):
                ents[e.get("type")] += 1
        rels = out["relations"].setdefault(row.split, Counter())
        for kind in RELATION_KEYS:
            rels[kind] += len(doc.get(kind) or [])
    return out


def format_counts(rep: CorpusReport) -> str:
    c = counts(rep)
    lines = []
    splits = [s for s in SPLITS if c["articles"][s]]
    total = sum(c["articles"].values())
    lines.append("articles: " + ", ".join(f"{s} {c['articles'][s]}" for s in splits) + f"; total {total}")
    trad = sum(v for (s, sc), v in c["script"].items() if sc == "traditional")
    dmg = sum(c["damaged"].values())
    lines.append(f"traditional: {trad} ({trad / max(total, 1):.0%}); damaged: {dmg} ({dmg / max(total, 1):.0%})")
    header = "split".ljust(7) + "".join(t.rjust(14) for t in ENTITY_TYPES)
    lines.append("entities (non-optional):")
    lines.append("  " + header)
    for s in splits:
        e = c["entities"].get(s, Counter())
        lines.append("  " + s.ljust(7) + "".join(str(e[t]).rjust(14) for t in ENTITY_TYPES))
    lines.append("relations:")
    lines.append("  " + "split".ljust(7) + "".join(k.rjust(15) for k in RELATION_KEYS))
    for s in splits:
        r = c["relations"].get(s, Counter())
        lines.append("  " + s.ljust(7) + "".join(str(r[k]).rjust(15) for k in RELATION_KEYS))
    return "\n".join(lines)
