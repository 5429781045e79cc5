"""The expectation language of lexicon examples, checked against the
pipeline's output for the example (in the gold-file shape).

One or more clauses separated by ``;``:

- ``entity TYPE NAME`` / ``no-entity NAME``
- ``visited A B``, ``metWith A B`` (either order), ``accompanied A B``,
  ``affiliatedWith A B``, ``partOf A B``, ``locatedIn A B``; each also as
  ``no-visited A B`` …
- ``no-visited`` (and the like) with no names: no such relation at all
- ``position PERSON TITLE [IN]`` / ``no-position PERSON``
- ``agreement [PARTY …]`` (an agreement whose parties include them) /
  ``no-agreement``; ``agreement-name NAME`` / ``no-agreement-name NAME``;
  ``witness PERSON``
- ``text S`` / ``no-text S``: the normalized text contains / lacks S
- ``ui``: the entry is a label shown to people (a figure title), not a domain
  word: nothing to check in the pipeline

Clauses are split at spaces; a name written with spaces (Latin script) is
written with ``_`` for each space: ``entity Person Maria_Silva``.
"""

from __future__ import annotations

from kg.rdf.vocab import ENTITY_RELATIONS, SYMMETRIC


class ExpectError(ValueError):
    pass


def _names(doc: dict) -> dict[str, str]:
    """Every name and alias -> the entity's name."""
    out = {}
    for e in doc["entities"]:
        out[e["name"]] = e["name"]
        for a in e.get("aliases", []) or []:
            out.setdefault(a, e["name"])
    return out


def check(expect: str, doc: dict, text: str = "") -> list[str]:
    """The clauses of ``expect`` that ``doc`` fails (empty: all hold)."""
    failures = []
    names = _names(doc)
    types = {e["name"]: e["type"] for e in doc["entities"]}
    for clause in [c.strip() for c in expect.split(";") if c.strip()]:
        op, *args = clause.split()
        args = [a.replace("_", " ") for a in args]
        if op == "ui":
            continue
        neg = op.startswith("no-")
        kind = op[3:] if neg else op
        ok: bool
        if kind == "entity":
            if neg:
                ok = args[0] not in names
            else:
                if len(args) != 2:
                    raise ExpectError(f"entity needs TYPE NAME: {clause!r}")
                ok = names.get(args[1]) is not None and types.get(names[args[1]]) == args[0]
            failures += [] if ok else [clause]
            continue
        if kind in ENTITY_RELATIONS:
            pairs = {(a, b) for a, b in doc.get(kind, [])}
            if kind in SYMMETRIC:
                pairs |= {(b, a) for a, b in pairs}
            if not args:
                ok = not pairs if neg else bool(pairs)
            else:
                if len(args) != 2:
                    raise ExpectError(f"{kind} needs two names: {clause!r}")
                a, b = (names.get(x, x) for x in args)
                ok = ((a, b) in pairs) != neg
        elif kind == "position":
            person = names.get(args[0], args[0]) if args else None
            held = [p for p in doc.get("positions", []) if p["person"] == person]
            if neg:
                ok = not held if len(args) == 1 else not any(p["title"] == args[1] for p in held)
            else:
                ok = any(p["title"] == args[1] and (len(args) < 3 or p.get("in") == names.get(args[2], args[2]))
                         for p in held)
        elif kind == "agreement":
            parties = {names.get(x, x) for x in args}
            found = [a for a in doc.get("agreements", []) if parties <= set(a.get("parties", []))]
            ok = (not found) if neg else bool(found)
        elif kind == "agreement-name":
            ok = any(a.get("name") == " ".join(args) for a in doc.get("agreements", [])) != neg
        elif kind == "witness":
            who = names.get(args[0], args[0])
            ok = any(who in a.get("witnesses", []) for a in doc.get("agreements", [])) != neg
        elif kind == "text":
            ok = (" ".join(args) in text) != neg
        else:
            raise ExpectError(f"unknown expectation {op!r} in {clause!r}")
        if not ok:
            failures.append(clause)
    return failures
