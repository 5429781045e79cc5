from hypothesis import given, settings, strategies as st

from kg.lexicons.gazetteer import by_code, find_places, lookup


def test_city_full_and_short_forms_share_a_code():
    full = lookup("平顶山市")[0]
    short = lookup("平顶山")[0]
    assert full == short
    assert full.code == "410400" and full.level == "City" and full.parent == "410000"


def test_find_places_spans_and_hierarchy():
    text = "平顶山市委书记赴上海,卫东区政府"
    hits = [(s, e, p.name) for s, e, p in find_places(text)]
    assert hits == [(0, 4, "平顶山市"), (8, 10, "上海市"), (11, 14, "卫东区")]
    wd = find_places(text)[2][2]
    assert by_code(wd.parent).name == "平顶山市"


def test_foreign_country_and_city():
    hits = {text: p.level for _, _, p in find_places("美国纽约") for text in [p.name]}
    assert hits == {"美国": "Country", "纽约": "City"}


def test_district_short_forms_are_not_matched():
    assert [p.name for _, _, p in find_places("卫东的发展")] == []


@settings(max_examples=30, deadline=None)
@given(st.text(alphabet="上海平顶山市区县的了与和中国美", max_size=30))
def test_matches_are_ordered_non_overlapping_and_exact(text):
    last = 0
    for s, e, p in find_places(text):
        assert last <= s < e <= len(text)
        assert text[s:e] in (p.name, p.short)
        last = e


def test_hong_kong_and_taiwan_districts_have_their_own_codes():
    hk = lookup("香港特别行政区")[0]
    district = lookup("湾仔")[0]  # Hong Kong districts go by their short forms
    assert district.name == "湾仔区" and district.parent == hk.code and district.code != hk.code
    tw = lookup("板桥区")
    assert tw and by_code(tw[0].parent).name == "新北市"
    county_city = lookup("竹北")[0]
    assert county_city.name == "竹北市" and by_code(county_city.parent).name == "新竹县"


def test_places_found_in_a_hong_kong_address():
    names = [p.name for _, _, p in find_places("位于香港湾仔区的会展中心")]
    assert names == ["香港特别行政区", "湾仔区"]


def test_foreign_states_and_cities_have_their_country_as_parent():
    text = "代表团访问德国巴登-符腾堡州、巴伐利亚州和杜塞尔多夫。"
    found = {text[s:e]: p for s, e, p in find_places(text)}
    for name in ("巴登-符腾堡州", "巴伐利亚州", "杜塞尔多夫"):
        assert by_code(found[name].parent).name == "德国"
    assert found["巴伐利亚州"].level == "Province"


def test_curated_foreign_names_never_shadow_chinese_divisions():
    assert all(p.code.isdigit() for p in lookup("北京市"))
    assert not any(p.code.startswith("W:") for p in lookup("平顶山市"))


def test_curated_lists_read_as_four_field_rows_without_comments():
    from kg.lexicons.gazetteer import LEVELS, _curated_rows

    for filename in ("places_hk_mo_tw.tsv", "places_foreign.tsv"):
        rows = _curated_rows(filename)
        assert rows
        assert all(len(r) == 4 and not r[0].startswith("#") and r[0] for r in rows)
        assert all(level in LEVELS for _, _, level, _ in rows)


def test_gazetteer_is_own_data_and_needs_no_jionlp_files():
    """A cold first run lost its first article when the gazetteer read JioNLP's
    dictionary by path before JioNLP had unpacked it: the place lists are now
    the package's own data, so they load with JioNLP unimportable."""
    import subprocess
    import sys

    code = (
        "import sys; sys.modules['jionlp'] = None\n"
        "from kg.lexicons.gazetteer import lookup\n"
        "assert [p.level for p in lookup('平顶山市')] == ['City']\n"
        "assert lookup('美国') and lookup('葡萄牙')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_aliases_and_taiwan_county_short_forms():
    """data/place_aliases.tsv: 印尼 and 帛琉 are the countries of 印度尼西亚 and
    帕劳 (same code, their own name); Taiwan's counties go by short forms (花莲)."""
    from kg.lexicons.gazetteer import by_code, lookup

    (indo,) = lookup("印尼")
    assert indo.code == lookup("印度尼西亚")[0].code and by_code(indo.code).name == "印度尼西亚"
    assert lookup("帛琉")[0].code == lookup("帕劳")[0].code
    assert [p.name for p in lookup("花莲")] == ["花莲县"]


def test_a_foreign_city_written_with_the_city_word_is_that_city():
    """名古屋市 and 里斯本市 are 名古屋 and 里斯本; a Chinese city keeps its own reading."""
    from kg.lexicons.gazetteer import lookup

    assert [p.code for p in lookup("名古屋市")] == [p.code for p in lookup("名古屋")]
    assert [p.code for p in lookup("里斯本市")] == [p.code for p in lookup("里斯本")]
    assert lookup("上海市")[0].code == "310000"
