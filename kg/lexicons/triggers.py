"""Trigger lexicons for event and relation extraction, in one place.

Each lexicon is a tuple of surface words, longest first where a regular
expression is built from it (so 来到 wins over 来). The rule modules
(events, agreements, positions, structure, focus) import them from here;
nothing else in the package defines trigger words.
"""

from __future__ import annotations

import re

from kg.lexicons.load import alternation, derived


def _alt(words) -> str:
    return "|".join(sorted(set(words), key=len, reverse=True))


#: verbs that take the visited place or organization as object (到A、B、C …)
VISIT_MOTION = ("赴", "到", "来到", "走进", "莅临", "来访", "访问", "前往", "来", "走访", "拜访", "出访", "深入", "抵达", "到访")
#: 到/来 inside ordinary words (受到, 以来) are no motion: characters that may not stand before them
MOTION_FALSE_BEFORE = {"到": set("受得达看感想提遇做办见拿听找接收报签迟周直"),
                       "来": set("以未起近本原后从带出回过引看归迎越进将向年")}
#: verbs of a trip from a home place to another (甲市代表团赴乙市, 甲区到乙区开展…)
TRIP = ("赴", "前往", "抵达", "来到", "到访", "出访", "到")
#: verbs of inspecting a place the subject is at (…参观了A、B; 在A, X参观…; A考察)
VISIT_INSPECT = ("参观", "参访", "考察", "调研", "察看", "视察", "观摩", "实地察看", "实地参观", "实地考察", "调研考察")
#: weak visit verbs: count only with the trip leader as explicit subject (刘文华深入了解基地…)
VISIT_WEAK = ("了解", "听取")
#: meeting verbs; 会见/接见 take the other side as object, the rest take 与/同/和 + partner
MEET_OBJECT = ("会见", "接见", "会晤", "拜会")
MEET_WITH = ("会谈", "座谈", "交流", "见面", "探讨", "洽谈", "恳谈", "商谈", "共话", "会晤", "交谈", "对接", "会面",
             "晤谈", "面谈")
#: people who join a leader's visit (X陪同调研, X一同调研, 副市长石峥参加)
ACCOMPANY = ("陪同", "一同调研", "一同参加", "一同考察", "一同参观", "随同", "随团", "一同")
#: signing
SIGN = ("签订", "签署", "签约", "达成", "签下", "缔结")
WITNESS = ("见证",)
#: an owner written before what it owns (甲集团旗下乙公司, 甲集团所属的乙公司, 甲大学下设的乙学院,
#: 乙公司是甲集团的全资子公司)
OWNERSHIP = ("旗下", "所属", "下属", "下设", "全资子公司", "控股子公司", "二级单位", "成员单位", "直属单位")
#: an agreement document ends with one of these
AGREEMENT_NOUNS = ("框架协议", "合作协议", "协议书", "协议", "合同", "备忘录", "意向书", "协定")
#: reported speech: what follows is what someone said
SPEECH = ("表示", "指出", "强调", "说", "介绍", "认为", "要求", "提出")
#: references to the visiting party as a group (来宾 = the delegation)
#: a clause-opening date or time of day (12月8日上午, 6日下午) before its first word
CLAUSE_DATE = r"[\d一二三四五六七八九十月日上下午晚间]*"

GUEST_WORDS = ("来宾", "客人", "考察团", "代表团", "一行")

#: one-character abbreviations of places after an arrival verb (抵港, 访京, 赴沪): the
#: place's names, the first of them the article must know as a place entity
PLACE_ABBREVIATIONS = {"港": ("香港", "香港特别行政区"), "澳": ("澳门", "澳门特别行政区"), "京": ("北京", "北京市"),
                       "沪": ("上海", "上海市"), "津": ("天津", "天津市"), "渝": ("重庆", "重庆市"),
                       "穗": ("广州", "广州市"), "蓉": ("成都", "成都市")}
#: 抵港, 访港, 赴京, 来沪 (not 港口, 京津冀, 沪深股市 …)
ABBREVIATED_ARRIVAL_RE = re.compile(
    r"(?:抵达|抵|访|赴|来|到)([" + "".join(PLACE_ABBREVIATIONS) + r"])(?![口区城市股资商企务湾澳津冀沪台人籍剧深港京穗])")
TRIP_RE = re.compile(_alt(TRIP))
VISIT_MOTION_RE = re.compile(_alt(VISIT_MOTION))
VISIT_INSPECT_RE = re.compile(_alt(VISIT_INSPECT))
MEET_OBJECT_RE = re.compile(_alt(MEET_OBJECT))
MEET_WITH_RE = re.compile(_alt(MEET_WITH))
ACCOMPANY_RE = re.compile(_alt(ACCOMPANY))
SIGN_RE = re.compile(_alt(SIGN))
WITNESS_RE = re.compile(_alt(WITNESS))
AGREEMENT_RE = re.compile(_alt(AGREEMENT_NOUNS))


@derived
def irrealis_re(use: str) -> re.Pattern:
    """A wish, plan or invitation before a trigger (data/irrealis.tsv): the
    clause states no fact. ``use``: events, clauses or agreements."""
    return re.compile(alternation("irrealis", use, regex=True))

