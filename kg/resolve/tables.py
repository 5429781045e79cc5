"""Small, general word lists used by entity resolution (no article-specific names).

Everything here is domain knowledge about Chinese organization and place
names: standard abbreviations, legal-form suffixes, administrative suffixes,
and the generic heads that make a name like 市委 or 高新区 meaningless
without the place it belongs to. The words live in ``kg/lexicons/data``
(``resolve_*.tsv``, ``org_legal_forms.tsv``, ``org_level_chars.tsv``); the
names below are the data as read at import.
"""

from __future__ import annotations

from kg.lexicons.load import words

#: (standard abbreviation, full form) pairs (data/resolve_abbreviations.tsv, SHORT=FULL; one
#: abbreviation may have several full forms: 发改委 = 发展和改革委员会, 发展改革委员会, 发展改革委).
#: Matching keys rewrite every full form to its abbreviation (longest first), so all spellings
#: give one key; labels are never rewritten.
ABBREVIATIONS: tuple[tuple[str, str], ...] = tuple(tuple(w.split("=", 1)) for w in words("resolve_abbreviations"))  # type: ignore[misc]

#: legal-form suffixes of company names, longest first (stripped for the core key).
LEGAL_SUFFIXES: tuple[str, ...] = words("org_legal_forms", "resolve")

#: administrative suffixes of place names, longest first.
ADMIN_SUFFIXES: tuple[str, ...] = words("resolve_admin_suffixes")

#: single characters that may lead a generic name as an administrative level (市委, 区政府)
ADMIN_LEVEL_CHARS = frozenset(words("org_level_chars", "resolve"))

#: leading words that only point at a body (本市, 该公司, 中共市委)
GENERIC_MODIFIERS: tuple[str, ...] = words("resolve_generic_modifiers")

#: words that name a kind of body or zone, not a particular one (in the
#: abbreviated spelling that matching keys use). A name made only of these,
#: after optional modifiers and an administrative level, is generic.
GENERIC_HEADS: frozenset[str] = frozenset(words("resolve_generic_heads"))

#: titles that name one national office: the same name and one of these titles
#: is enough evidence that two articles speak of the same person.
NATIONAL_TITLES: frozenset[str] = frozenset(words("resolve_national_titles"))

#: place names never used as a strippable prefix of an organization name
#: (中国电气装备集团 is a name of its own, not 电气装备集团 in China).
NON_PREFIX_PLACES = frozenset(words("resolve_non_prefix_places"))

#: well-known parent bodies whose name often prefixes a unit's full name
#: (中国科学院上海硅酸盐研究所 -> 硅酸盐研究所).
PARENT_ORG_PREFIXES: tuple[str, ...] = words("resolve_parent_orgs")

#: provinces and province-level units (short names), so that a place prefix is
#: recognised even when the corpus never mentions the province on its own.
PROVINCES: tuple[str, ...] = words("resolve_provinces")
