"""Organization and place resolution rules (through resolve(), the public entry)."""

from __future__ import annotations

from kg.resolve.resolver import resolve
from tests.resolve.factory import article, org, place


def _same(corpus, a: tuple[int, int], b: tuple[int, int]) -> bool:
    return corpus.index[a] == corpus.index[b]


# --- short and full forms ---------------------------------------------------


def test_company_short_form_joins_full_form_and_full_form_is_label():
    c = resolve([article("a", org("恒玄科技(上海)股份有限公司")), article("b", org("恒玄科技"))])
    assert _same(c, (0, 0), (1, 0))
    ent = c.entity_of(1, 0)
    assert ent.name == "恒玄科技(上海)股份有限公司"
    assert "恒玄科技" in ent.aliases
    assert ent.key == "org/恒玄科技(上海)股份有限公司"


def test_institute_short_form_without_parent_and_place_prefix():
    c = resolve([article("a", org("硅酸盐研究所")), article("b", org("中国科学院上海硅酸盐研究所"), place("上海"))])
    assert _same(c, (0, 0), (1, 0))
    assert c.entity_of(0, 0).name == "中国科学院上海硅酸盐研究所"
    assert c.entity_of(0, 0).aliases == {"硅酸盐研究所"}


def test_standard_abbreviations():
    c = resolve(
        [
            article("a", org("中科院"), org("工信部"), org("工信部火炬中心")),
            article("b", org("中国科学院"), org("工业和信息化部"), org("工业和信息化部火炬中心")),
        ]
    )
    for i in range(3):
        assert _same(c, (0, i), (1, i))
    assert c.entity_of(0, 0).name == "中国科学院"
    assert c.entity_of(0, 1).name == "工业和信息化部"
    assert c.entity_of(0, 2).aliases == {"工信部火炬中心"}


def test_legal_suffix_and_place_prefix_variants():
    c = resolve(
        [
            article("a", org("宁夏力成电气集团有限公司")),
            article("b", org("力成电气")),
            article("c", org("平高集团")),
            article("d", org("平高集团有限公司")),
        ]
    )
    assert _same(c, (0, 0), (1, 0))
    assert _same(c, (2, 0), (3, 0))
    assert not _same(c, (0, 0), (2, 0))
    assert c.entity_of(2, 0).name == "平高集团有限公司"


def test_bracket_variants_are_one_entity_with_ascii_label():
    c = resolve([article("a", org("恒玄科技（上海）股份有限公司")), article("b", org("恒玄科技(上海)股份有限公司"))])
    assert _same(c, (0, 0), (1, 0))
    ent = c.entity_of(0, 0)
    assert ent.name == "恒玄科技(上海)股份有限公司"
    assert "恒玄科技（上海）股份有限公司" in ent.aliases


def test_traditional_alias_matches_and_is_kept_as_alias_only():
    c = resolve([article("a", org("恒玄科技股份有限公司", "恆玄科技股份有限公司")), article("b", org("恒玄科技"))])
    assert _same(c, (0, 0), (1, 0))
    ent = c.entity_of(0, 0)
    assert ent.name == "恒玄科技股份有限公司"
    assert "恆玄科技股份有限公司" in ent.aliases


def test_short_form_shared_by_two_full_names_is_ambiguous():
    c = resolve(
        [
            article("a", org("恒玄科技(上海)股份有限公司")),
            article("b", org("恒玄科技(深圳)有限公司")),
            article("c", org("恒玄科技")),
        ]
    )
    assert len({c.index[(0, 0)], c.index[(1, 0)], c.index[(2, 0)]}) == 3


def test_alias_alone_does_not_chain_two_full_names():
    c = resolve(
        [
            article("a", org("恒玄科技(上海)股份有限公司", "恒玄科技")),
            article("b", org("恒玄科技(深圳)有限公司", "恒玄科技")),
        ]
    )
    assert not _same(c, (0, 0), (1, 0))


def test_short_form_with_incompatible_context_places_stays_apart():
    c = resolve(
        [
            article("a", org("星河科技有限公司", context="深圳市")),
            article("b", org("星河科技", context="兰州市")),
        ]
    )
    assert not _same(c, (0, 0), (1, 0))


# --- places ----------------------------------------------------------------


def test_places_by_administrative_code():
    c = resolve([article("a", place("平顶山市", code="410400")), article("b", place("平顶山", code="410400"))])
    ent = c.entity_of(0, 0)
    assert _same(c, (0, 0), (1, 0))
    assert (ent.key, ent.name, ent.code, ent.aliases) == ("place/410400", "平顶山市", "410400", {"平顶山"})


def test_places_with_different_codes_never_merge_even_with_one_name():
    c = resolve(
        [
            article("a", place("朝阳区", code="110105")),
            article("b", place("朝阳区", code="220104")),
            article("c", place("朝阳区")),
        ]
    )
    assert len({c.index[(0, 0)], c.index[(1, 0)], c.index[(2, 0)]}) == 3
    assert len({e.key for e in c.entities}) == 3


def test_a_body_led_by_a_foreign_country_is_not_the_home_body_its_rest_names():
    """老挝党中央 is the Lao party's central committee; 党中央 written bare, in other
    articles, is the home country's (so is 外交部). A home place before the rest still
    gives a short form (临海华锐科技 and 华锐科技), and so does a foreign company's name."""
    c = resolve([article("a", org("老挝党中央")), article("b", org("党中央")), article("c", org("党中央"))])
    assert _same(c, (1, 0), (2, 0)) and not _same(c, (0, 0), (1, 0))
    assert c.entity_of(1, 0).name == "党中央"
    c = resolve([article("a", org("韩国新华网"), place("韩国")), article("b", org("新华网"))])
    assert not _same(c, (0, 0), (1, 0))
    c = resolve([article("a", org("贝里斯外交部"), place("贝里斯")), article("b", org("外交部"))])
    assert not _same(c, (0, 0), (1, 0)) and c.entity_of(1, 0).name == "外交部"
    c = resolve([article("a", org("临海华锐科技"), place("临海")), article("b", org("华锐科技"))])
    assert _same(c, (0, 0), (1, 0))
    c = resolve([article("a", org("法国苏伊士集团", subtype="Company"), place("法国")),
                 article("b", org("苏伊士集团", subtype="Company"))])
    assert _same(c, (0, 0), (1, 0))  # a company keeps its name across countries
    # a foreign body's short form still makes the short form ambiguous: the bare 中国商会 of a
    # third article joins neither chamber
    c = resolve([article("a", org("韩国中国商会"), place("韩国")), article("b", org("香港中国商会"), place("香港")),
                 article("c", org("中国商会"))])
    assert len({c.index[(0, 0)], c.index[(1, 0)], c.index[(2, 0)]}) == 3


def test_an_autonomous_region_written_short_or_full_is_one_region():
    """广西自治区党委 and 广西壮族自治区党委 (data/resolve_abbreviations.tsv: 广西自治区 =
    广西壮族自治区), as 宁夏 and 新疆: one body."""
    for short, full in (("广西自治区党委", "广西壮族自治区党委"), ("宁夏自治区政协", "宁夏回族自治区政协"),
                        ("新疆自治区人大常委会", "新疆维吾尔自治区人大常委会")):
        c = resolve([article("a", org(short)), article("b", org(full))])
        assert _same(c, (0, 0), (1, 0)), short


def test_one_abbreviation_with_several_full_forms():
    """国家发改委, 国家发展改革委, 国家发展改革委员会 and 国家发展和改革委员会: one body
    (data/resolve_abbreviations.tsv lists 发改委 with each full form)."""
    names = ("国家发改委", "国家发展改革委", "国家发展改革委员会", "国家发展和改革委员会")
    c = resolve([article(str(i), org(n)) for i, n in enumerate(names)])
    assert len({c.index[(i, 0)] for i in range(len(names))}) == 1


def test_a_town_named_after_a_city_stays_apart_from_it():
    """大同镇 (a town of 建德市) is not 大同市: a town is written with its ending, so its
    core keeps it (data/resolve_admin_suffixes.tsv has no 镇 or 乡)."""
    c = resolve([article("a", place("大同市", code="140200")), article("b", place("大同镇", subtype="Town")),
                 article("c", place("大同", code="140200"))])
    assert not _same(c, (0, 0), (1, 0)) and _same(c, (0, 0), (2, 0))
    assert c.entity_of(1, 0).name == "大同镇" and c.entity_of(0, 0).code == "140200"
    c = resolve([article("a", place("青松镇", subtype="Town")), article("b", place("青松镇", subtype="Town"))])
    assert _same(c, (0, 0), (1, 0))


def test_bare_place_joins_suffixed_form_without_codes_when_unambiguous():
    c = resolve([article("a", place("银川市")), article("b", place("银川"))])
    assert _same(c, (0, 0), (1, 0))
    assert c.entity_of(1, 0).name == "银川市"


def test_bare_place_between_city_and_county_is_ambiguous():
    c = resolve([article("a", place("宜宾市")), article("b", place("宜宾县")), article("c", place("宜宾"))])
    assert len({c.index[(0, 0)], c.index[(1, 0)], c.index[(2, 0)]}) == 3


# --- generic names ---------------------------------------------------------


def test_generic_zone_is_scoped_by_its_context_place():
    c = resolve(
        [
            article("a", place("高新区", context="唐山市")),
            article("b", place("高新区", context="白银市")),
            article("c", place("唐山高新区")),
            article("d", place("高新区", context="唐山")),
        ]
    )
    assert not _same(c, (0, 0), (1, 0))
    assert _same(c, (0, 0), (2, 0))
    assert _same(c, (0, 0), (3, 0))
    assert c.entity_of(0, 0).name == "唐山高新区"
    assert "高新区" not in c.entity_of(0, 0).aliases  # generic words are never aliases


def test_generic_name_without_context_stays_in_its_article():
    c = resolve([article("a", org("开发区管委会")), article("b", org("开发区管委会"))])
    assert not _same(c, (0, 0), (1, 0))
    keys = [e.key for e in c.entities]
    assert len(set(keys)) == 2
    assert keys[0] == "org/开发区管委会" and keys[1].startswith("org/开发区管委会~")


def test_party_committee_by_context_and_full_name():
    c = resolve(
        [
            article("a", org("平顶山市委"), place("平顶山市")),
            article("b", org("市委", context="平顶山市")),
            article("c", org("中共平顶山市委")),
            article("d", org("市委", context="长治市")),
            article("e", org("区委", context="平顶山市")),
            article("f", org("平顶山市市委")),
        ]
    )
    assert _same(c, (0, 0), (5, 0))
    assert _same(c, (0, 0), (1, 0))
    assert _same(c, (0, 0), (2, 0))
    assert not _same(c, (0, 0), (3, 0))
    assert not _same(c, (0, 0), (4, 0))
    assert c.entity_of(1, 0).name == "中共平顶山市委"


def test_government_spelling_variants():
    c = resolve([article("a", org("巢湖市人民政府")), article("b", org("巢湖市政府")), article("c", org("市政府", context="巢湖市"))])
    assert _same(c, (0, 0), (1, 0)) and _same(c, (0, 0), (2, 0))
    assert c.entity_of(0, 0).name == "巢湖市人民政府"


def test_organization_and_place_with_one_name_stay_distinct():
    c = resolve([article("a", org("唐山高新区")), article("b", place("唐山高新区"))])
    assert not _same(c, (0, 0), (1, 0))


def test_generic_name_with_a_specific_alias_uses_the_alias():
    c = resolve([article("a", org("市委", "平顶山市委")), article("b", org("平顶山市委"))])
    assert _same(c, (0, 0), (1, 0))
    assert c.entity_of(0, 0).name == "平顶山市委"
