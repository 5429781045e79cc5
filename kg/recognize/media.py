"""News outlets named where an article names its source.

An outlet is an organization (the guide: a byline's ``in``). Its name ends
with an outlet word (新闻网, 在线, 社, 报: data/org_media_outlets.tsv) and
stands where a page names its source: after a source label (来源：临海新闻网),
or opening a line or a bracket as a dateline (临海新闻网讯, 【临海在线】,
(临海报讯), 临海社 3月18日电). Elsewhere such words are too common (物联网,
合作社) to be read as names.
"""

from __future__ import annotations

import re

from kg.doc import Mention
from kg.lexicons.gazetteer import lookup
from kg.lexicons.load import alternation, derived, words

_NAME = r"[\u4e00-\u9fffA-Za-z][\u4e00-\u9fffA-Za-z0-9]{0,12}?"
_OPEN = r"(?:^|(?<=[\n【\[(（]))"


@derived
def _num() -> str:
    return rf"[\d{''.join(words('org_list_marks', 'numeral'))}]"


@derived
def _suffixes() -> str:
    return alternation("org_media_outlets", "suffix")


@derived
def _dateline_re() -> re.Pattern:
    after = alternation("org_media_outlets", "after")
    month = alternation("org_list_marks", "month")
    num = _num()
    right = rf"(?=\s|$|[】\]）)·/／|｜:：]|{num}|(?:{after})|[\u4e00-\u9fff]{{1,4}}{num}+(?:{month})|[\u4e00-\u9fff]{{1,8}}(?:{after}))"
    return re.compile(rf"{_OPEN}\s*({_NAME}(?:{_suffixes()})){right}", re.M)


@derived
def _label_re() -> re.Pattern:
    labels = alternation("org_media_outlets", "label")
    return re.compile(rf"(?:{labels})\s*[:：]\s*[【\[]?({_NAME}(?:{_suffixes()}))(?=\s|$|[】\]）)·/,，。|])", re.M)


@derived
def _date_re() -> re.Pattern:
    """A date written in a dateline (十月十三日, 3月18日): no correspondent's unit."""
    return re.compile(rf"{_num()}+(?:{alternation('org_list_marks', 'month')})")


@derived
def _unit_re() -> re.Pattern:
    """The correspondent's unit between the outlet and the credit role: (X网Y台办通讯员 Z)."""
    after = alternation("org_media_outlets", "after")
    return re.compile(rf"\s*([\u4e00-\u9fff]{{3,8}}?)\s*(?={after})")


def find_outlets(text: str) -> list[Mention]:
    """Outlets named in source lines and datelines (organizations without
    subtype), and a correspondent's unit named right after one (not a place:
    台湾网天门市通讯员 names where the correspondent works)."""
    out: dict[tuple[int, int], Mention] = {}
    nots = words("org_media_outlets", "not")
    inner = words("org_media_outlets", "inner")
    leads = words("org_media_outlets", "lead")
    for rx in (_label_re(), _dateline_re()):
        for m in rx.finditer(text):
            s, e = m.span(1)
            name = m.group(1)
            lead = next((w for w in leads if name.startswith(w)), "")
            s, name = s + len(lead), name[len(lead):]  # 关注新华网: a call to follow the outlet
            if e - s < 3 or name.endswith(nots) or any(c in name for c in inner):
                continue
            out.setdefault((s, e), Mention(s, e, name, "Organization", None, "media"))
            u = _unit_re().match(text, e)
            if (u and not u.group(1).startswith(words("org_media_outlets", "after")) and not _date_re().search(u.group(1))
                    and not lookup(u.group(1))):  # (台湾网天门市通讯员 X): where the correspondent is, no unit
                us, ue = u.span(1)
                out.setdefault((us, ue), Mention(us, ue, u.group(1), "Organization", None, "media"))
    return list(out.values())
