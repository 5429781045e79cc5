"""Event date expressions -> dates and date ranges.

Candidates are found with one regular expression (3月7日至8日, 12月8日上午,
6日上午, 2020年08月11日, 12月30日至1月2日); the parsing itself is JioNLP's
time parser (``jionlp.parse_time``), given a time base that supplies what the
expression leaves out:

- the month of a bare day (6日上午) is the last month named before it in the
  text, else the publication date's month;
- the year is the expression's own, else the last year named before it,
  else the publication date's; a date more than :data:`FUTURE_DAYS` after
  publication is taken to be from the year before (an article published in
  January about 12月8日);
- with no year anywhere the result is ``DateRange(start=None,
  year_unknown=True, month=.., day=..)``.

JioNLP costs about half a second to import, so it is imported on the first
call only (never by ``kg normalize``), and parses are cached.
"""

from __future__ import annotations

import datetime as _dt
import re
from functools import lru_cache

from kg.doc import DateRange

FUTURE_DAYS = 183
#: any leap year: lets 2月29日 parse when the real year is unknown
_PLACEHOLDER_YEAR = 2000

_PART_OF_DAY = r"(?:上午|下午|中午|晚上|晚间|傍晚|凌晨|早上|早晨|夜间|晚)"
_CANDIDATE = re.compile(
    r"(?<!\d)(?:(?P<y>\d{4})\s*年\s*)?(?:(?P<m>\d{1,2})\s*月\s*)?(?P<d>\d{1,2})\s*[日号]"
    r"(?:\s*(?:至|到|－|-|—|–|~|～)\s*(?:(?P<y2>\d{4})\s*年\s*)?(?:(?P<m2>\d{1,2})\s*月\s*)?(?P<d2>\d{1,2})\s*[日号])?"
    rf"(?:{_PART_OF_DAY})?"
)


@lru_cache(maxsize=4096)
def _parse(expr: str, year: int, month: int, day: int) -> tuple[_dt.date, _dt.date] | None:
    from kg.normalize.jio import jionlp

    try:
        result = jionlp().parse_time(expr, time_base={"year": year, "month": month, "day": day})
    except Exception:  # JioNLP raises on expressions it cannot read
        return None
    times = result.get("time") if isinstance(result, dict) else None
    if not times or len(times) < 2:
        return None
    try:
        start = _dt.date.fromisoformat(str(times[0])[:10])
        end = _dt.date.fromisoformat(str(times[1])[:10])
    except ValueError:
        return None
    return start, end


def _shift_year(d: _dt.date, years: int) -> _dt.date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 2月29日
        return d.replace(year=d.year + years, day=28)


def parse_dates(text: str, pub_date: _dt.date | None) -> list[tuple[int, int, DateRange]]:
    found: list[tuple[int, int, DateRange]] = []
    last_year: int | None = None
    last_month: int | None = None
    for m in _CANDIDATE.finditer(text):
        own_year = int(m["y"]) if m["y"] else None
        month = int(m["m"]) if m["m"] else last_month or (pub_date.month if pub_date else None)
        if month is None or not 1 <= month <= 12:
            continue
        year = own_year or last_year or (pub_date.year if pub_date else None)
        expr = m.group()
        parsed = _parse(expr, year or _PLACEHOLDER_YEAR, month, 1)
        if parsed is None:
            continue
        start, end = parsed
        if start.day != int(m["d"]) or (m["d2"] and end.day != int(m["d2"])):
            continue  # the parser read something else than the expression says (32日)
        if end < start:  # 12月30日至1月2日
            end = _shift_year(end, 1)
        if own_year is None and last_year is None and pub_date is not None:
            if (start - pub_date).days > FUTURE_DAYS:
                start, end = _shift_year(start, -1), _shift_year(end, -1)
        last_month = int(m["m2"] or m["m"] or month)
        if own_year:
            last_year = int(m["y2"] or own_year)
        is_range = m["d2"] is not None and end != start
        if year is None:
            dr = DateRange(
                start=None,
                end=None,
                text=expr,
                year_unknown=True,
                month=start.month,
                day=start.day,
                end_month=end.month if is_range else None,
                end_day=end.day if is_range else None,
            )
        else:
            dr = DateRange(start=start, end=end if is_range else None, text=expr, month=start.month, day=start.day)
        found.append((m.start(), m.end(), dr))
    return found
