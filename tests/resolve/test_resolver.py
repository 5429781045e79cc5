"""resolve(): the Corpus it builds and its invariants."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.doc import Article, LocalEntity
from kg.resolve.names import display_form, is_generic, match_form
from kg.resolve.resolver import resolve
from tests.resolve.factory import article, org, person, place

GOLD = Path(__file__).resolve().parents[1] / "gold" / "seeds"


def test_corpus_shape_members_index_and_order():
    arts = [
        article("a", person("陈向平"), org("平顶山市委"), place("平顶山市", code="410400"), positions=[(0, "市委书记", 1)]),
        article("b", place("平顶山", code="410400"), person("陈向平"), org("市委", context="平顶山"), positions=[(1, "书记", 2)]),
    ]
    c = resolve(arts)
    assert c.articles is arts
    assert [e.key for e in c.entities] == ["person/陈向平", "org/平顶山市委", "place/410400"]
    assert c.entities[0].members == [(0, 0), (1, 1)]
    assert c.entities[2].members == [(0, 2), (1, 0)]
    assert c.index == {(0, 0): 0, (0, 1): 1, (0, 2): 2, (1, 0): 2, (1, 1): 0, (1, 2): 1}
    assert c.entity_of(1, 2).name == "平顶山市委"


def test_empty_input_and_bad_input():
    c = resolve([])
    assert c.entities == [] and c.index == {}
    with pytest.raises(TypeError):
        resolve("not a list")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        resolve([{"entities": []}])  # type: ignore[list-item]


def test_entity_with_empty_name_does_not_crash():
    c = resolve([article("a", org(""), person(""))])
    assert len(c.index) == 2 and len({e.key for e in c.entities}) == len(c.entities)


def test_seed_gold_entities_each_article_resolves_to_distinct_nodes():
    """Entities of the seed gold files: inside one article nothing distinct is merged,
    and names repeated across seeds (中国科学院, 上海交通大学) become one node."""
    arts = []
    for path in sorted(GOLD.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        ents = [
            LocalEntity(name=e["name"], type=e["type"], aliases=set(e.get("aliases", [])))
            for e in gold["entities"]
        ]
        a = Article(source=gold["file"], raw="")
        a.entities = ents
        arts.append(a)
    c = resolve(arts)
    for ai, a in enumerate(arts):
        nodes = [c.index[(ai, li)] for li in range(len(a.entities))]
        assert len(set(nodes)) == len(nodes), [e.name for e in a.entities]
    by_name: dict[tuple[str, str], set[int]] = {}
    for ai, a in enumerate(arts):
        for li, e in enumerate(a.entities):
            by_name.setdefault((e.type, e.name), set()).add(c.index[(ai, li)])
    assert all(len(nodes) == 1 for (t, n), nodes in by_name.items() if t != "Person"), by_name
    assert len(by_name[("Organization", "中国科学院")]) == 1
    assert len(by_name[("Person", "习近平")]) in (1, 2)  # no linking evidence in gold entities alone


_NAMES = ["恒玄科技", "恒玄科技(上海)股份有限公司", "中国科学院", "中科院", "市委", "高新区", "平顶山市", "平顶山", "王刚", "李静", "硅酸盐研究所"]
_CONTEXTS = [None, "平顶山市", "唐山市"]


@st.composite
def corpora(draw):
    n_articles = draw(st.integers(0, 5))
    arts = []
    for a in range(n_articles):
        ents = []
        for _ in range(draw(st.integers(0, 6))):
            name = draw(st.sampled_from(_NAMES))
            typ = draw(st.sampled_from(["Person", "Organization", "Place"]))
            code = draw(st.sampled_from([None, "410400", "130200"])) if typ == "Place" else None
            ents.append(
                LocalEntity(
                    name=name,
                    type=typ,
                    aliases=set(draw(st.lists(st.sampled_from(_NAMES), max_size=2))),
                    code=code,
                    context=draw(st.sampled_from(_CONTEXTS)),
                )
            )
        art = Article(source=f"{a:03d}.txt", raw="")
        art.entities = ents
        arts.append(art)
    return arts


@settings(max_examples=60, deadline=None)
@given(corpora())
def test_invariants(arts):
    c = resolve(arts)
    refs = {(a, l) for a, art in enumerate(arts) for l in range(len(art.entities))}
    assert set(c.index) == refs
    assert sorted(m for e in c.entities for m in e.members) == sorted(refs)
    keys = [e.key for e in c.entities]
    assert len(set(keys)) == len(keys)
    for i, e in enumerate(c.entities):
        members = [arts[a].entities[l] for a, l in e.members]
        assert all(c.index[m] == i for m in e.members)
        assert {m.type for m in members} == {e.type}
        names = {display_form(m.name) for m in members}
        if any(not is_generic(match_form(n)) for n in names):
            assert e.name in names
        else:  # every name generic (市委): a specific alias may be the label
            assert e.name in names | {display_form(a) for m in members for a in m.aliases}
        assert e.name not in e.aliases
        assert len({m.code for m in members if m.code}) <= 1  # never two codes in one place
    # deterministic: the same input (a deep copy) gives the same keys, order and members
    again = resolve(copy.deepcopy(arts))
    assert [(e.key, e.name, sorted(e.aliases), e.members) for e in again.entities] == [
        (e.key, e.name, sorted(e.aliases), e.members) for e in c.entities
    ]


def test_same_keys_under_any_hash_seed():
    """Determinism must not depend on str hashing (set order): run in two interpreters."""
    import os
    import subprocess
    import sys

    script = (
        "from tests.resolve.factory import article, org, person, place\n"
        "from kg.resolve.resolver import resolve\n"
        "arts = [article('a', person('王刚'), org('恒玄科技(上海)股份有限公司'), place('高新区', context='唐山市'),"
        " org('市委', context='唐山'), positions=[(0, '书记', 3)]),\n"
        "        article('b', person('王刚'), org('恒玄科技'), org('唐山市委'), place('唐山高新区'), affiliations=[(0, 2)]),\n"
        "        article('c', person('王刚'), org('恒玄科技'), place('高新区'))]\n"
        "c = resolve(arts)\n"
        "print([(e.key, sorted(e.aliases), e.members) for e in c.entities])\n"
    )
    root = Path(__file__).resolve().parents[2]
    outs = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run([sys.executable, "-c", script], cwd=root, env=env, capture_output=True, text=True, timeout=60)
        assert run.returncode == 0, run.stderr
        outs.add(run.stdout)
    assert len(outs) == 1
    assert "person/王刚" in outs.pop()


@pytest.mark.parametrize("blank", ["", " ", "\u3000", "\n"])
def test_nameless_local_entities_are_never_merged_with_each_other(blank):
    # they stay resolved (one entity each); kg.rdf.mapping leaves label-less entities out
    c = resolve([article("a", person(blank), person("陈向平")), article("b", person(blank), org(blank))])
    assert len(c.entities) == 4 and len({e.key for e in c.entities}) == 4
    assert sorted(e.name for e in c.entities) == ["", "", "", "陈向平"]


def test_a_blank_name_with_an_alias_takes_the_alias():
    c = resolve([article("a", person(" ", "陈向平"))])
    assert [e.name for e in c.entities] == ["陈向平"]
    assert c.entities[0].key == "person/陈向平"
