from __future__ import annotations

import pytest

from kg.resolve.names import (
    display_form,
    generic_parts,
    is_generic,
    is_traditional,
    match_form,
    place_core,
    strip_brackets,
    strip_legal,
)


@pytest.mark.parametrize(
    ("form", "key"),
    [
        ("恒玄科技（上海）股份有限公司", "恒玄科技(上海)股份有限公司"),
        ("中国科学院上海硅酸盐研究所", "中科院上海硅酸盐研究所"),
        ("工业和信息化部火炬中心", "工信部火炬中心"),
        ("巢湖市人民政府", "巢湖市政府"),
        ("白银高新技术产业开发区", "白银高新区"),
        ("唐山·中关村创新中心", "唐山中关村创新中心"),
        ("恆玄科技", "恒玄科技"),
        ("银川市 科学技术协会", "银川市科协"),
    ],
)
def test_match_form(form, key):
    assert match_form(form) == key


def test_display_form_keeps_the_name_but_normalizes_script_and_brackets():
    assert display_form("恒玄科技（上海）股份有限公司") == "恒玄科技(上海)股份有限公司"
    assert display_form("中國科學院") == "中国科学院"
    assert display_form("中国科学院") == "中国科学院"  # no abbreviation rewrite in labels


def test_traditional_detection():
    assert is_traditional("恆玄科技") and not is_traditional("恒玄科技")


@pytest.mark.parametrize(
    ("form", "parts"),
    [
        ("市委", ("市", "委")),
        ("区政府", ("区", "政府")),
        ("高新区", ("", "高新区")),
        ("高新区管委会", ("", "高新区管委会")),
        ("该公司", ("", "公司")),
        ("市委统战部", ("市", "委统战部")),
        ("中共市委", ("市", "委")),
        ("市市委", ("市", "委")),
    ],
)
def test_generic_names(form, parts):
    assert generic_parts(form) == parts


@pytest.mark.parametrize("form", ["平顶山市委", "船营区商务局", "卫东区", "尧山实验室", "中科院", "清华大学", "国家电网"])
def test_specific_names_are_not_generic(form):
    assert not is_generic(form)


def test_suffix_helpers():
    assert strip_brackets("合肥兴泰金融控股(集团)有限公司") == "合肥兴泰金融控股有限公司"
    assert strip_legal("恒玄科技股份有限公司") == "恒玄科技"
    assert strip_legal("平高集团") == "平高"
    assert strip_legal("集团") == "集团"  # never strips to nothing
    assert place_core("平顶山市") == "平顶山"
    assert place_core("宁夏回族自治区") == "宁夏"
    assert place_core("沙市") == "沙市"  # a one-character core is kept whole
