"""Canonical labels, aliases and stable keys of resolved entities."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import PurePath

from kg.doc import Article, Entity, LocalEntity
from kg.lexicons.load import derived
from kg.lexicons.org_lexicon import level_chars
from kg.resolve.names import display_form, is_generic, is_traditional, match_form
_KEY_PREFIX = {"Person": "person", "Organization": "org", "Place": "place"}


@derived
def _doubled_level() -> re.Pattern:
    """A level character written twice (唐山市市委)."""
    return re.compile(f"([{level_chars('labels')}])\\1")


def choose_label(names: list[str], fallbacks: list[str] = ()) -> str:
    """The fullest Simplified form: longest (a doubled level 市市 counts once), then
    most frequent, then smallest.

    ``names`` are the members' LocalEntity names; ``fallbacks`` (their aliases)
    are only considered when every name is generic. Generic forms (市委) and
    forms that change under Traditional->Simplified conversion are only used
    when nothing else is available.
    """
    if fallbacks and all(is_generic(match_form(n)) for n in names):
        specific = [f for f in fallbacks if not is_generic(match_form(f)) and not is_traditional(f)]
        names = list(names) + specific
    counts = Counter(display_form(n) for n in names if n)
    if not counts:
        return ""

    def rank(form: str) -> tuple:
        raw_traditional = any(is_traditional(n) for n in names if display_form(n) == form)
        content = len(_doubled_level().sub(r"\1", form))
        return (
            is_generic(match_form(form)),
            raw_traditional,
            -content,
            len(form) - content,  # 唐山市委 before 唐山市市委: the level written twice adds nothing
            -counts[form],
            form,
        )

    return min(counts, key=rank)


def collect_aliases(label: str, locals_: list[LocalEntity]) -> set[str]:
    """Every other surface form (raw and bracket-normalized), never a generic word."""
    out: set[str] = set()
    for ent in locals_:
        for form in (ent.name, *ent.aliases):
            if not form:
                continue
            for variant in (form.strip(), display_form(form)):
                if variant and variant != label and not is_generic(match_form(variant)):
                    out.add(variant)
    return out


def majority(values: list[str | None]) -> str | None:
    counts = Counter(v for v in values if v)
    if not counts:
        return None
    first = {v: i for i, v in reversed(list(enumerate(values))) if v}
    return min(counts, key=lambda v: (-counts[v], first[v]))


def base_key(entity: Entity, scope: str | None = None) -> str:
    """person/陈向平, org/平顶山市委, place/410400; a generic label gets its place: org/市委@平顶山市."""
    prefix = _KEY_PREFIX.get(entity.type, "entity")
    if entity.type == "Place" and entity.code:
        return f"{prefix}/{entity.code}"
    name = entity.name or "_"
    if scope and is_generic(match_form(name)):
        return f"{prefix}/{name}@{scope}"
    return f"{prefix}/{name}"


def assign_keys(entities: list[Entity], articles: list[Article], scopes: list[str | None] | None = None) -> None:
    """Set unique keys: the base key, and for later namesakes base~<first article stem>[~n].

    ``scopes[i]``: the context place of entity i (used only for generic labels).
    """
    seen: set[str] = set()
    for i, ent in enumerate(entities):
        key = base_key(ent, scopes[i] if scopes else None)
        if key in seen:
            a = ent.members[0][0]
            stem = PurePath(articles[a].source or f"a{a}").stem or f"a{a}"
            key = f"{key}~{stem}"
            n = 2
            candidate = key
            while candidate in seen:
                candidate = f"{key}~{n}"
                n += 1
            key = candidate
        seen.add(key)
        ent.key = key
