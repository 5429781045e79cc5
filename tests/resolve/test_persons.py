"""Person resolution: same name plus linking evidence (kg.resolve.persons rules 1-6)."""

from __future__ import annotations

from kg.resolve.resolver import resolve
from tests.resolve.factory import article, org, person, place


def _same(corpus, a, b) -> bool:
    return corpus.index[a] == corpus.index[b]


def test_same_name_in_unrelated_articles_stays_apart():
    c = resolve(
        [
            article("a", person("王刚"), org("正威集团")),
            article("b", person("王刚"), org("宁夏大学")),
        ]
    )
    assert not _same(c, (0, 0), (1, 0))
    keys = sorted(e.key for e in c.entities if e.type == "Person")
    assert keys == ["person/王刚", "person/王刚~b"]


def test_rule1_same_article_is_one_person():
    c = resolve([article("a", person("李静"), person("李静"))])
    assert _same(c, (0, 0), (0, 1))


def test_rule2_shared_affiliation_merges_even_with_other_orgs_around():
    c = resolve(
        [
            article("a", person("李洪凤"), org("中国电气装备集团有限公司"), positions=[(0, "董事长", 1)]),
            article("b", person("李洪凤"), org("中国电气装备集团"), affiliations=[(0, 1)]),
        ]
    )
    assert _same(c, (0, 0), (1, 0))


def test_rule2_different_affiliations_stay_apart():
    c = resolve(
        [
            article("a", person("张旭"), org("唐山市委"), positions=[(0, "书记", 1)]),
            article("b", person("张旭"), org("浙江大学"), positions=[(0, "教授", 1)]),
        ]
    )
    assert not _same(c, (0, 0), (1, 0))


def test_rule3_same_title_in_same_province():
    c = resolve(
        [
            article("a", person("王凯"), place("河南省", code="410000", subtype="Province"), positions=[(0, "省长", 1)]),
            article("b", person("王凯"), place("河南", code="410000", subtype="Province"), positions=[(0, "省长", 1)]),
        ]
    )
    assert _same(c, (0, 0), (1, 0))


def test_rule3_different_titles_in_a_province_stay_apart():
    c = resolve(
        [
            article("a", person("王凯"), place("河南省", code="410000", subtype="Province"), positions=[(0, "省长", 1)]),
            article("b", person("王凯"), place("河南省", code="410000", subtype="Province"), positions=[(0, "厅长", 1)]),
        ]
    )
    assert not _same(c, (0, 0), (1, 0))


def test_rule4_same_city_through_different_bodies():
    c = resolve(
        [
            article("a", person("陈向平"), org("平顶山市委"), place("平顶山市", code="410400"), positions=[(0, "市委书记", 1)]),
            article(
                "b",
                person("陈向平"),
                org("市政府", context="平顶山市"),
                place("平顶山", code="410400"),
                positions=[(0, "市长", 1)],
            ),
        ]
    )
    assert _same(c, (0, 0), (1, 0))


def test_rule4_broad_place_alone_is_not_evidence():
    c = resolve(
        [
            article("a", person("刘伟"), org("星河科技", context="河南省"), place("河南省", code="410000"), affiliations=[(0, 1)]),
            article("b", person("刘伟"), org("宇宙科技", context="河南省"), place("河南省", code="410000"), affiliations=[(0, 1)]),
        ]
    )
    assert not _same(c, (0, 0), (1, 0))


def test_rule5_national_office():
    c = resolve([article("a", person("习近平"), positions=[(0, "总书记", None)]), article("b", person("习近平"), positions=[(0, "总书记", None)])])
    assert _same(c, (0, 0), (1, 0))


def test_rule6_shared_article_context_without_own_evidence():
    c = resolve(
        [
            article("a", person("郭栩汝"), org("尧山实验室")),
            article("b", person("郭栩汝"), org("尧山实验室")),
            article("c", person("郭栩汝"), org("清华大学")),
        ]
    )
    assert _same(c, (0, 0), (1, 0))
    assert not _same(c, (0, 0), (2, 0))


def test_rule6_broad_place_is_not_shared_context():
    c = resolve([article("a", person("高莺"), place("中国")), article("b", person("高莺"), place("中国"))])
    assert not _same(c, (0, 0), (1, 0))


def test_rule6_never_joins_two_differently_affiliated_people():
    c = resolve(
        [
            article("a", person("孙洋"), org("尧山实验室"), org("甲公司"), affiliations=[(0, 2)]),
            article("b", person("孙洋"), org("尧山实验室"), org("乙研究院"), affiliations=[(0, 2)]),
            article("c", person("孙洋"), org("尧山实验室")),
        ]
    )
    assert not _same(c, (0, 0), (1, 0))
    # the unaffiliated one is ambiguous between them and joins neither
    assert not _same(c, (2, 0), (0, 0)) and not _same(c, (2, 0), (1, 0))
