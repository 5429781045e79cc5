"""The candidates' features are what the per-pair definition gives.

:func:`kg.scoring.candidates.candidates` shares work between pairs (an entity's
own features, the text between two mentions, a pair's features for each of its
kinds). This module keeps the per-pair definition it replaced (one pair, one
kind, everything computed afresh: the code of 76c9862) and checks that both
give the same feature lists, in the same order, on synthetic articles and on
corpus articles analysed without the NLP model (the relation model's input, so
its probabilities, cannot have changed)."""

from pathlib import Path

import pytest

from kg.doc import Article, Event, Relation
from kg.scoring.candidates import (BETWEEN_CHARS, _bucket, _Index, _pairs, _separators, candidates)
from tests.builders import make_article

ROOT = Path(__file__).resolve().parents[2]
SEPARATORS = None


def reference(article: Article) -> list[tuple]:
    """(kind, subject, object, span, sentence, features, by_rule) of each candidate, pair by pair."""
    global SEPARATORS
    SEPARATORS = _separators()
    if not article.entities:
        return []
    index = _Index(article)
    out = []
    for (kind, s, o), why in sorted(_pairs(article, index).items()):
        feats, span, sentence = pair_features(index, kind, s, o)
        feats.append(f"why:{why}")
        feats = sorted(set(feats))
        feats = feats + [f"{kind}|{x}" for x in feats]
        flat = None if span is None else (span[0][0], span[0][1], span[1][0], span[1][1])
        out.append((kind, s, o, flat, sentence, feats, kind in index.rule.get((s, o), set())))
    return out


def _rows(article: Article) -> list[tuple]:
    return [(c.kind, c.subject, c.object, c.span, c.sentence, c.features, c.by_rule) for c in candidates(article)]


def role_features(index: _Index, s: int, o: int) -> list[str]:
    out = []
    rs = {x: (k, r) for x, k, r in index.roles.get(s, [])}
    ro = {x: (k, r) for x, k, r in index.roles.get(o, [])}
    for x in rs.keys() & ro.keys():
        out.append(f"ev:{rs[x][0]}:{rs[x][1]}-{ro[x][1]}")
    for k, r in set(rs.values()):
        out.append(f"evs:{k}:{r}")
    for k, r in set(ro.values()):
        out.append(f"evo:{k}:{r}")
    return out


def text_features(index: _Index, span, s_first: bool) -> list[str]:
    text = index.text
    (ss, se, si), (os_, oe, oi) = span
    out = []
    lo, hi = (se, os_) if s_first else (oe, ss)
    if si == oi:
        between = text[lo:hi] if lo <= hi else ""
        out.append(f"gap:{_bucket(len(between))}")
        if between and all(c in SEPARATORS for c in between):
            out.append("listsep")
        elif not between:
            out.append("adjacent")
        for name, rx in index.triggers.items():
            if between and rx.search(between):
                out.append(f"tb:{name}")
        if len(between) <= BETWEEN_CHARS:
            out.extend(f"bg:{between[i:i + 2]}" for i in range(len(between) - 1))
            out.extend(f"bc:{c}" for c in set(between))
    for si_ in {si, oi}:
        out.extend(index.sentence_triggers(si_))
    out.append(f"sl:{text[max(0, ss - 2):ss]}")
    out.append(f"sr:{text[se:se + 2]}")
    out.append(f"ol:{text[max(0, os_ - 2):os_]}")
    out.append(f"or:{text[oe:oe + 2]}")
    return out


def pair_features(index: _Index, kind: str, s: int, o: int) -> tuple[list[str], tuple | None, int]:
    article = index.article
    es, eo = article.entities[s], article.entities[o]
    f = [f"st:{es.type}/{es.subtype}", f"ot:{eo.type}/{eo.subtype}", "bias"]
    # what the rules said
    said = index.rule.get((s, o), set())
    if kind in said:
        f.append("rule")
    f.extend(f"rule_fwd:{k}" for k in said if k != kind)
    f.extend(f"rule_rev:{k}" for k in index.rule.get((o, s), set()))
    for head in index.rejected.get((kind, es.name, eo.name), ()):
        f.append(f"rej:{head}")
    f.extend(role_features(index, s, o))
    # positions and titles
    for p in index.positions.get(s, []):
        f.append("pos_in" if p.org == o else "titled")
        f.append(f"stitle:{p.title[-2:]}")
    if index.positions.get(o):
        f.append("o_titled")
        f.extend(f"otitle:{p.title[-2:]}" for p in index.positions[o][:2])
    # names
    names_s = {es.name, *es.aliases}
    names_o = {eo.name, *eo.aliases}
    if any(n and n in m for n in names_o for m in names_s if n != m):
        f.append("o_in_s_name")
    if any(m.startswith(n) for n in names_o for m in names_s if n != m):
        f.append("s_starts_o")
    if any(n and m in n for n in names_o for m in names_s if n != m):
        f.append("s_in_o_name")
    # places and sides
    if eo.type == "Place":
        info = index.places.get(o)
        f.append(f"olevel:{getattr(info, 'level', None)}")
        if o in index.destinations:
            f.append("o_dest")
        if o in index.homes:
            f.append("o_home")
        si = index.places.get(s)
        if si is not None and info is not None and si.parent and info.code and si.parent == info.code:
            f.append("gaz_parent")
    ps, po = index.place_of(s), index.place_of(o)
    if ps is None or po is None:
        f.append("place:none")
    elif ps == po:
        f.append("place:same")
    elif index.nested(ps, po):
        f.append("place:nested")
    else:
        f.append("place:diff")
    if es.type == eo.type == "Person" and index.shared_org(s, o):
        f.append("org:shared")
    if ps is not None and ps in index.homes:
        f.append("s_home_side")
    if ps is not None and ps in index.destinations:
        f.append("s_host_side")
    if es.type == "Person" and index.quoted(s):
        f.append("s_quoted")
    if eo.type == "Person" and index.quoted(o):
        f.append("o_quoted")
    if es.type == "Person":
        f.append(f"srank:{min(index.person_rank.get(s, 9), 3)}")
    if eo.type == "Person":
        f.append(f"orank:{min(index.person_rank.get(o, 9), 3)}")
    f.append(f"sm:{min(len(index.mentions.get(s, [])), 4)}")
    f.append(f"om:{min(len(index.mentions.get(o, [])), 4)}")
    # the closest mentions
    span = index.closest(s, o)
    sentence = 0
    if span is None:
        f.append("dist:none")
    else:
        (ss, se, si), (os_, oe, oi) = span
        sentence = min(si, oi)
        f.append(f"dist:{min(abs(si - oi), 3)}")
        s_first = ss < os_
        f.append("order:so" if s_first else "order:os")
        f.extend(text_features(index, span, s_first))
    return f, span, sentence



TEXT = ("临海市委书记张明率队来到深圳。考察团一行先后走访了华锐公司。华锐公司董事长李青陪同考察。"
        "当天下午，双方举行座谈。张明会见了李青、王立。王立出席了活动。")
ENTS = {"张明": "Person", "李青": "Person", "王立": "Person", "华锐公司": "Organization",
        "临海市委": "Organization", "深圳": "Place", "临海": "Place"}


def test_shared_work_gives_the_per_pair_features_on_a_synthetic_article():
    art = make_article(TEXT, ENTS)
    ids = {e.name: i for i, e in enumerate(art.entities)}
    art.relations.append(Relation("accompanied", ids["李青"], ids["张明"], 2))
    art.relations.append(Relation("metWith", ids["李青"], ids["张明"], 4))
    art.events.append(Event("Visit", agents=[ids["张明"]], targets=[ids["华锐公司"]], companions=[ids["李青"]]))
    art.events.append(Event("Meeting", agents=[ids["张明"], ids["李青"]], companions=[ids["王立"]]))
    rows = _rows(art)
    assert rows and rows == reference(art)


@pytest.fixture(scope="module")
def corpus_articles():
    from kg.pipeline import analyze_article
    from kg.reading.reader import read_inputs

    paths = sorted(str(p) for p in (ROOT / "corpus" / "articles").glob("*.txt"))[:12]
    if not paths:
        pytest.skip("no corpus articles")
    arts = [a for a in read_inputs(paths, max_bytes=1 << 20) if isinstance(a, Article)]
    for a in arts:
        analyze_article(a, None, until="scoring")  # the rules' output, without the NLP model
    return arts


def test_shared_work_gives_the_per_pair_features_on_corpus_articles(corpus_articles):
    total = 0
    for art in corpus_articles:
        rows = _rows(art)
        assert rows == reference(art), art.source
        total += len(rows)
    assert total > 1000
