"""Build small Articles by hand: text, sentences, mentions and entities."""

from __future__ import annotations

import re

from kg.doc import Article, LocalEntity, Mention, Sentence


def make_article(text: str, entities: dict[str, str], aliases: dict[str, list[str]] | None = None) -> Article:
    """An Article whose mentions are every occurrence of the given names.

    ``entities`` maps a name to its type; longer names win where names overlap.
    Paragraphs are lines; sentences end with 。.
    """
    aliases = aliases or {}
    art = Article(source="t.txt", raw=text, text=text)
    for pi, para in enumerate(re.finditer(r"[^\n]+", text)):
        for sm in re.finditer(r"[^。]+。?", para.group()):
            start = para.start() + sm.start()
            art.sentences.append(Sentence(start, start + len(sm.group()), sm.group(), paragraph=pi))
    forms = [(n, name) for name in entities for n in [name, *aliases.get(name, [])]]
    forms.sort(key=lambda x: -len(x[0]))
    taken = [False] * len(text)
    index: dict[str, int] = {}
    found = []
    for form, name in forms:
        for m in re.finditer(re.escape(form), text):
            if not any(taken[m.start() : m.end()]):
                found.append((m.start(), m.end(), name))
                for i in range(m.start(), m.end()):
                    taken[i] = True
    for start, end, name in sorted(found):
        if name not in index:
            index[name] = len(art.entities)
            art.entities.append(LocalEntity(name=name, type=entities[name]))  # type: ignore[arg-type]
        ei = index[name]
        art.entities[ei].mentions.append(len(art.mentions))
        if text[start:end] != name:
            art.entities[ei].aliases.add(text[start:end])
        art.mentions.append(Mention(start, end, text[start:end], entities[name], entity=ei))  # type: ignore[arg-type]
    return art


def triples(article: Article, kind: str) -> set[tuple[str, str]]:
    e = article.entities
    return {(e[r.subject].name, e[r.object].name) for r in article.relations if r.kind == kind}


def positions(article: Article) -> set[tuple[str, str, str | None]]:
    e = article.entities
    return {(e[p.person].name, p.title, e[p.org].name if p.org is not None else None) for p in article.positions}

