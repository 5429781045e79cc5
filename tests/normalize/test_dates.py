import datetime as dt

import pytest

from kg.normalize.dates import parse_dates

PUB = dt.date(2023, 11, 15)


def _one(text, pub=PUB):
    [(start, end, dr)] = parse_dates(text, pub)
    return text[start:end], dr


def test_range_with_year_from_publication():
    expr, dr = _one("3月7日至8日,平顶山市委书记陈向平带队赴上海", dt.date(2024, 3, 10))
    assert expr == "3月7日至8日"
    assert (dr.start, dr.end, dr.year_unknown) == (dt.date(2024, 3, 7), dt.date(2024, 3, 8), False)


def test_part_of_day():
    expr, dr = _one("12月8日上午,吕先志一行来唐山高新区调研", dt.date(2023, 12, 9))
    assert expr == "12月8日上午" and dr.start == dt.date(2023, 12, 8) and dr.end is None


def test_bare_day_takes_the_month_named_before():
    found = parse_dates("11月6日至9日,刘文华带队考察。6日上午,刘文华来到进博会现场。", PUB)
    assert [(dr.start, dr.end) for _, _, dr in found] == [
        (dt.date(2023, 11, 6), dt.date(2023, 11, 9)),
        (dt.date(2023, 11, 6), None),
    ]


def test_explicit_year():
    expr, dr = _one("2020年08月11日10:25 来源:淮安区报", None)
    assert dr.start == dt.date(2020, 8, 11) and not dr.year_unknown


def test_no_publication_date_leaves_year_unknown():
    expr, dr = _one("3月7日至8日,平顶山市委书记陈向平带队赴上海", None)
    assert dr.year_unknown and dr.start is None
    assert (dr.month, dr.day, dr.end_month, dr.end_day) == (3, 7, 3, 8)


def test_date_well_after_publication_is_last_year():
    expr, dr = _one("12月8日上午,调研", dt.date(2024, 1, 5))
    assert dr.start == dt.date(2023, 12, 8)


def test_range_over_new_year():
    expr, dr = _one("12月30日至1月2日举办", dt.date(2023, 12, 1))
    assert (dr.start, dr.end) == (dt.date(2023, 12, 30), dt.date(2024, 1, 2))


@pytest.mark.parametrize("text", ["增长38.6%", "第六届进博会", "共计60余家公司", "32日"])
def test_non_dates(text):
    assert parse_dates(text, PUB) == []


def test_offsets_point_at_the_expression():
    text = "会议于11月5日至10日在上海举行,8日晚闭幕。"
    for start, end, dr in parse_dates(text, PUB):
        assert text[start:end] == dr.text
