from __future__ import annotations

from kg.doc import Article, Entity
from kg.resolve.labels import assign_keys, choose_label, collect_aliases, majority
from tests.resolve.factory import org


def test_label_is_fullest_simplified_form_with_deterministic_ties():
    assert choose_label(["硅酸盐研究所", "中国科学院上海硅酸盐研究所"]) == "中国科学院上海硅酸盐研究所"
    assert choose_label(["乙甲公司", "甲乙公司"]) == choose_label(["甲乙公司", "乙甲公司"]) == "乙甲公司"
    assert choose_label(["甲乙公司", "乙甲公司", "甲乙公司"]) == "甲乙公司"  # more frequent wins a length tie
    assert choose_label(["恆玄科技股份", "恒玄科技股份"]) == "恒玄科技股份"  # never the Traditional original
    assert choose_label(["市委", "平顶山市委"]) == "平顶山市委"
    assert choose_label(["唐山市市委", "唐山市委"]) == "唐山市委"
    assert choose_label(["恒玄科技（上海）"]) == "恒玄科技(上海)"
    assert choose_label(["市委"], ["平顶山市委", "公司"]) == "平顶山市委"  # aliases only when every name is generic
    assert choose_label(["平高"], ["平高集团有限公司"]) == "平高"


def test_aliases_have_every_other_form_but_no_generic_word():
    aliases = collect_aliases("恒玄科技(上海)股份有限公司", [org("恒玄科技（上海）股份有限公司", "恒玄科技", "公司")])
    assert aliases == {"恒玄科技（上海）股份有限公司", "恒玄科技"}


def test_majority_is_deterministic():
    assert majority(["City", None, "District", "City"]) == "City"
    assert majority(["District", "City"]) == "District"
    assert majority([None]) is None


def test_keys_are_unique_and_disambiguated_by_article():
    arts = [Article(source="000_x.txt", raw=""), Article(source="001_y.txt", raw="")]
    ents = [
        Entity(key="", name="王刚", type="Person", members=[(0, 0)]),
        Entity(key="", name="王刚", type="Person", members=[(1, 0)]),
        Entity(key="", name="平顶山市", type="Place", code="410400", members=[(0, 1)]),
        Entity(key="", name="王刚", type="Person", members=[(1, 3)]),
    ]
    assign_keys(ents, arts)
    assert [e.key for e in ents] == ["person/王刚", "person/王刚~001_y", "place/410400", "person/王刚~001_y~2"]


def test_generic_label_key_carries_its_place():
    arts = [Article(source="a.txt", raw=""), Article(source="b.txt", raw="")]
    ents = [
        Entity(key="", name="市委", type="Organization", members=[(0, 0)]),
        Entity(key="", name="市委", type="Organization", members=[(1, 0)]),
        Entity(key="", name="尧山实验室", type="Organization", members=[(1, 1)]),
    ]
    assign_keys(ents, arts, ["平顶山市", "长治市", "平顶山市"])
    assert [e.key for e in ents] == ["org/市委@平顶山市", "org/市委@长治市", "org/尧山实验室"]
