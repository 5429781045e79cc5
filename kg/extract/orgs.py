"""Organization (and park) names by structure.

An organization name is ``[place prefix(es)] core suffix``: the suffix says
what it is (有限公司 -> Company, 研究所 -> ResearchInstitution, 大学 ->
University, 协会 -> Association, 市委/政府/局 -> GovernmentBody) and the left
boundary is found by walking left from the suffix over name characters until
punctuation, a function word or verb (与/在/到/签订/参观 ...), or a generic
noun (企业/旗下 ...). Company brackets are kept (恒玄科技(上海)股份有限公司).

Also here:

- short company names used as entities, ``X科技 / X电气 / X集团``, when both
  ends are clear (after 、/与/到 ..., before 、/等/就/与 ...);
- development zones and parks (唐山高新区, 临港开发区, 台元科技园区), typed
  Place/Park;
- legal-form variants of a full company name (恒玄科技(上海)股份有限公司 ->
  恒玄科技), used to find its short mentions;
- the generic-body pattern (省/市/区/县 + 委/政府/发改委 ...), which the
  recognizer resolves to the place the text is about.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from kg.doc import Mention

#: (suffix, subtype); subtype None for media bodies (newspapers)
ORG_SUFFIXES: tuple[tuple[str, str | None], ...] = (
    ("股份有限公司", "Company"), ("有限责任公司", "Company"), ("集团有限公司", "Company"),
    ("有限公司", "Company"), ("集团公司", "Company"), ("(集团)有限公司", "Company"), ("控股集团", "Company"),
    ("集团", "Company"), ("公司", "Company"), ("银行", "Company"), ("事务所", "Company"),
    ("日报", None), ("晚报", None), ("区报", None), ("报社", None), ("电视台", None), ("广播电视台", None),
    ("研究院", "ResearchInstitution"), ("研究所", "ResearchInstitution"), ("研究中心", "ResearchInstitution"),
    ("实验室", "ResearchInstitution"), ("科学院", "ResearchInstitution"), ("工程院", "ResearchInstitution"),
    ("分院", "ResearchInstitution"), ("设计院", "ResearchInstitution"), ("总院", "ResearchInstitution"),
    ("信息研究所", "ResearchInstitution"), ("研究会", "Association"),
    ("大学", "University"), ("学院", "University"), ("学校", "University"), ("党校", "University"),
    ("协会", "Association"), ("商会", "Association"), ("联谊会", "Association"), ("学会", "Association"),
    ("联合会", "Association"), ("工商联", "Association"), ("科协", "Association"), ("促进会", "Association"),
    ("基金会", "Association"), ("协进会", "Association"), ("研发中心", "ResearchInstitution"),
    ("署", "GovernmentBody"), ("司", "GovernmentBody"),
    ("人民政府", "GovernmentBody"), ("政府", "GovernmentBody"), ("党工委", "GovernmentBody"),
    ("管委会", "GovernmentBody"), ("委员会", "GovernmentBody"), ("人大常委会", "GovernmentBody"),
    ("政协", "GovernmentBody"), ("市委", "GovernmentBody"), ("省委", "GovernmentBody"),
    ("区委", "GovernmentBody"), ("县委", "GovernmentBody"), ("州委", "GovernmentBody"),
    ("纪委", "GovernmentBody"), ("发改委", "GovernmentBody"),
    ("经信委", "GovernmentBody"), ("工信委", "GovernmentBody"), ("统战部", "GovernmentBody"),
    ("组织部", "GovernmentBody"), ("宣传部", "GovernmentBody"), ("办公厅", "GovernmentBody"),
    ("办公室", "GovernmentBody"), ("研究室", "GovernmentBody"), ("局", "GovernmentBody"),
    ("厅", "GovernmentBody"), ("火炬中心", "GovernmentBody"), ("服务中心", "GovernmentBody"),
    ("创新中心", "ResearchInstitution"), ("政府办", "GovernmentBody"),
)
#: national ministries and bodies named without a place (a generic lexicon)
MINISTRIES = (
    "教育部", "科技部", "科学技术部", "工业和信息化部", "工信部", "商务部", "财政部", "外交部", "国防部",
    "公安部", "民政部", "司法部", "自然资源部", "生态环境部", "住房和城乡建设部", "交通运输部", "水利部",
    "农业农村部", "文化和旅游部", "人力资源和社会保障部", "应急管理部", "国家发改委", "国家发展改革委",
    "国务院", "全国人大", "全国政协", "中共中央", "国资委", "国务院国资委", "海关总署", "国家税务总局",
    "中国科学院", "中科院", "中国工程院", "中国社会科学院", "中国科协", "中国科学技术协会", "国家电网",
)
#: short-company suffixes (X科技, X电气 ...): only with clear boundaries on both sides
SHORT_COMPANY_SUFFIXES = (
    "智能科技", "科技", "电气", "股份", "控股", "药业", "制药", "置业", "实业", "建工", "重工", "集团", "光电",
    "传媒", "电器",
)
#: industry words that also end short company names (X能源, X材料): far more
#: often an industry (锂电池正极材料, 石油化工), so a name ending in one needs
#: corroboration: the same name starts a full company name of the article
INDUSTRY_SUFFIXES = (
    "电子", "环保", "能源", "医药", "投资", "设备", "食品", "新材料", "材料", "机械", "装备", "汽车配件", "汽车",
    "软件", "网络", "通信", "物流", "地产", "钢铁", "化工", "生物", "动力", "半导体", "电力", "矿业", "航空",
    "航天", "纺织", "服饰", "家居", "光伏",
)
#: park / development-zone suffixes -> Place/Park
PARK_SUFFIXES = (
    "高新技术产业开发区", "经济技术开发区", "经济开发区", "高新技术产业园区", "高新区", "经开区", "开发区",
    "科技园区", "产业园区", "工业园区", "科技园", "产业园", "工业园", "创新园", "科创大走廊", "科学城",
    "科技城", "科学园", "投资区", "新区", "自贸区", "保税区", "综合保税区", "环科园", "基地",
)
#: generic park words: a zone named only by them is a reference, not a name
GENERIC_PARKS = {"高新区", "开发区", "经开区", "新区", "园区", "科技园", "产业园", "工业园", "基地", "示范区", "试验区"}
#: level-generic bodies (市委, 区政府, 省发改委): resolved to the place the text is about
LEVEL_CHARS = "省市区县州旗"  # 旗: a banner, district level like 县

#: words that make up generic descriptions, not names (国家重点实验室, 现代医药)
GENERIC_CORE_WORDS = (
    "国家级", "省级", "市级", "区级", "县级", "国家", "全国", "全省", "全市", "国内", "国际", "重点", "重要",
    "区域", "技术", "创新", "科技", "研发", "孵化", "新型", "现代", "高端", "先进", "传统", "优势", "新兴",
    "战略性", "智能", "数字", "绿色", "生态", "环保", "节能", "高效", "新能源", "新材料", "新", "硬核",
    "半导体", "光电", "煤化工", "医药", "汽车", "产业", "产业链", "上下游", "企业", "中小", "民营", "龙头",
    "骨干", "成果", "转化", "服务", "发展", "建设", "示范", "特色", "综合", "中试", "试点", "标杆", "相关",
    "有关", "各类", "多家", "余家", "家", "两地", "两家", "综合性", "高", "一流", "首家", "该", "本", "这", "其", "各", "两大", "大", "小", "中", "高校",
    "科研", "院所", "工程", "应用", "场景", "平台", "专业", "城市", "卫星", "能源", "动力", "装备", "制造",
    "促进", "潜力", "活力", "煤", "与", "和", "及", "省", "市", "区", "县", "智慧", "未来",
)
_GOV_NEEDS_PLACE = ("市委", "省委", "区委", "县委", "州委", "政府", "人民政府", "政协", "人大常委会", "政府办",
                    "工商联", "科协")
#: heads that may stand before a place inside one name (中科院北京分院, 民建重庆市...联谊会)
PARTY_HEADS = ("民建", "民盟", "民进", "民革", "农工党", "致公党", "九三学社", "台盟", "中共", "共青团")
#: one-character stop words that may also begin a name after punctuation (、等离子体物理研究所)
_NAME_INITIAL_STOPS = ("等", "同", "和")
#: noun stops that a place prefix may carry into a name (银川市企业科技创新服务协会)
_NOUN_STOPS = ("企业", "单位", "部门", "机构", "平台")
_BAD_JU = ("布局", "格局", "结局", "大局", "全局", "时局", "当局", "开局", "僵局", "骗局", "饭局", "赌局", "棋局",
           "定局", "终局", "残局", "战局", "变局", "新局", "败局", "政局", "邮局", "董事局", "书局", "药局", "大厅", "展厅",
           "餐厅", "客厅", "门厅", "舞厅", "宴会厅", "华厅", "中华厅", "会议厅")


def is_generic_core(core: str) -> bool:
    """True when ``core`` is made only of generic description words, or is a
    short descriptive word (开放式, 研究型, 综合性: X式/X型/X性)."""
    if not core:
        return False
    if len(core) <= 3 and core[-1] in "式型性":
        return True
    rest = core
    words = sorted(GENERIC_CORE_WORDS, key=len, reverse=True)
    changed = True
    while rest and changed:
        changed = False
        for w in words:
            if rest.startswith(w):
                rest = rest[len(w):]
                changed = True
                break
    return not rest


#: walking left stops after these (the org starts right after them)
LEFT_STOPS = (
    "与", "和", "及", "同", "跟", "由", "在", "到", "赴", "向", "对", "是", "的", "了", "将", "把", "被",
    "为", "从", "于", "以", "让", "给", "受", "即", "并", "或", "等", "约", "至", "往",
    "签订", "签署", "签约", "参观", "考察", "调研", "走进", "来到", "拜访", "走访", "会见", "支持", "主办",
    "承办", "协办", "邀请", "了解", "介绍", "成立", "举办", "举行", "召开", "代表", "出席", "参加",
    "前往", "莅临", "入驻", "落户", "位于", "依托", "携手", "共建", "达成", "推动",
    "引进", "打造", "感谢", "欢迎", "加快", "利用", "借鉴", "参考", "希望", "继续", "加强", "深化",
    "围绕", "受到", "带领", "率领", "陪同", "看望", "听取", "视察", "访问", "来访", "回访", "宣传",
    "推介", "发布", "获得", "肯定", "谋划", "做好", "深入", "赞扬", "称赞", "点赞", "荣获", "授予", "认定", "入选", "成为", "作为", "属于", "所属", "旗下", "下属",
    "企业", "单位", "部门", "机构", "平台", "项目", "龙头", "骨干", "客商", "嘉宾", "团队", "这家", "一家",
    "该", "本", "其", "各", "我", "全", "此", "每", "多家", "相关", "有关", "国有", "民营", "知名", "领先",
    "指导", "见证", "包括", "如", "例如", "比如", "其中", "分别", "共同", "先后", "还", "又", "也", "都",
    "就", "则", "而", "但", "且", "率先", "已", "曾", "上午", "离不开", "锚定", "来自", "坚持",
    "聚焦", "依靠", "借助", "通过", "面向", "针对", "瞄准", "对接", "走出", "扎根", "服务于", "致力", "助力",
    "双方", "三方", "各方", "我们", "他们", "发挥", "推进", "组建", "带动", "吸引", "布局",
    "拥有", "培育", "壮大", "形成", "来", "去", "下午", "晚上", "日", "月", "年",
    "市长", "书记", "主任", "董事长", "总经理", "所长", "院长", "局长", "厅长", "会长", "院士", "教授",
    "专家", "负责人", "领导", "记者", "编辑", "同志", "一行", "汇报", "介绍了", "请", "带队",
)
_PUNCT = set(" \t\n\r,，。；;:：!！?？、“”\"'‘’「」『』《》<>[]【】|/•—-_…　")
#: the character after a suffix that turns it into a title (局长, 所长 ...)
_BAD_SHU = ("部署", "签署", "公署", "上司", "官司", "总司", "有司", "公司")
_TITLE_NEXT = {"局": "长", "厅": "长", "所": "长", "院": "长", "会": "长", "部": "长", "室": "主任"}
_LEGAL_FORMS = ("股份有限公司", "有限责任公司", "有限公司", "集团公司", "公司")
_MAX_ORG = 32


@dataclass
class OrgMatch:
    start: int
    end: int
    text: str
    subtype: str | None
    core_start: int  # where the name proper starts (after place prefixes)


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=1)
def _suffix_re() -> re.Pattern:
    return re.compile(f"(?=({_alt(s for s, _ in ORG_SUFFIXES)}))")


@lru_cache(maxsize=1)
def _suffix_type() -> dict[str, str | None]:
    return dict(ORG_SUFFIXES)


def _is_name_char(ch: str) -> bool:
    return ("\u4e00" <= ch <= "\u9fff") or ch.isalnum() or ch in "·&"


@lru_cache(maxsize=32)
def _ending_index(words: tuple[str, ...]) -> tuple[tuple[int, ...], dict[str, int]]:
    """The lengths of ``words`` and each word's first position in it."""
    first: dict[str, int] = {}
    for k, w in enumerate(words):
        first.setdefault(w, k)
    return tuple(sorted({len(w) for w in words if w})), first


def word_ending_at(text: str, i: int, words: tuple[str, ...]) -> str | None:
    """The first of ``words`` (in their order) that ends at offset ``i`` of ``text``
    (one dictionary look-up per word length, not one ``endswith`` per word)."""
    lengths, first = _ending_index(words)
    best, best_k = None, len(words)
    for n in lengths:
        if n > i:
            break
        k = first.get(text[i - n:i])
        if k is not None and k < best_k:
            best, best_k = words[k], k
    return best


def _stop_before(text: str, i: int, stops: tuple[str, ...]) -> bool:
    return word_ending_at(text, i, stops) is not None


_SOFT_STOPS = ("与", "和", "及")
#: suffixes of department-like names that may join two field words with 和/与/及
#: (工业和信息化厅, 材料科学与工程学院, 成果转化与区域创新司, 创新科技及工业局)
JOINABLE_SUFFIXES = (
    "局", "厅", "部", "司", "署", "委员会", "委", "学院", "办公室", "研究室", "研究所", "研究院", "系", "处",
)
#: a field word never ends with these (校史馆和..., 合作协议和...): two things listed
_THING_ENDS = ("馆", "协议", "项目", "中心", "基地", "园", "站", "厂", "室", "场", "会", "团", "院", "所")
_MAX_FIELD = 6


def walk_left(
    text: str,
    end: int,
    limit: int = _MAX_ORG,
    blocked: set[int] | None = None,
    place_ends: set[int] | None = None,
    protected: list[tuple[int, int]] | None = None,
    joinable: bool = False,
    lab: bool = False,
) -> int:
    """Start of a name ending at ``end``: walk left over name characters and
    short bracket groups until punctuation, a stop word or a blocked offset.

    - a one-character stop word right after punctuation is part of the name
      (、等离子体物理研究所);
    - a stop word right after a place name is part of the name (银川市企业...);
    - with ``joinable`` (a department-like suffix follows), 与/和/及 join two
      short field words inside one name (北方民族大学材料科学与工程学院,
      X省工业和信息化厅), never two names or a person and a name (张三与X集团);
    - with ``lab`` (a lab or centre suffix follows), 与/和/及 join two
      technical field words after a university or institute name
      (X大学轧制技术及连轧自动化国家重点实验室), see :func:`_joins_lab`;
    - ``protected`` spans (known names such as 工业和信息化部) are never cut.
    """
    i = end
    lo = max(0, end - limit)
    while i > lo:
        if blocked and i in blocked:
            break
        if protected:
            k = bisect.bisect_right(protected, (i - 1, float("inf"))) - 1
            if k >= 0 and protected[k][0] < i - 1 < protected[k][1]:
                i = protected[k][0]
                continue
        ch = text[i - 1]
        if ch in ")）":
            j = max(text.rfind("(", lo, i - 1), text.rfind("（", lo, i - 1))
            if j < 0 or i - 1 - j > 8 or any(c in _PUNCT for c in text[j + 1:i - 1]) or j == 0:
                break
            i = j
            continue
        if not _is_name_char(ch) or ch.isdigit():
            break
        stop = word_ending_at(text, i, LEFT_STOPS)
        if stop is not None:
            before = i - len(stop)
            if stop in _NAME_INITIAL_STOPS and (before <= 0 or text[before - 1] in "、,，;；"):
                i -= 1
                continue
            if place_ends and before in place_ends and stop in _NOUN_STOPS:
                i = before
                continue
            if stop in _SOFT_STOPS and joinable and _joins_inside(text, before, end, blocked, place_ends):
                i = before
                continue
            if stop in _SOFT_STOPS and lab and _joins_lab(text, before, end, blocked, place_ends):
                i = before
                continue
            if stop in _ADVERB_STOPS and before > lo and _is_name_char(text[before - 1]) \
                    and text.startswith(_noun_heads(), i, end):
                i = before  # X钼都新材料科技有限公司: an adverb never stands before a noun
                continue
            break
        i -= 1
    return i


#: one-character adverbs among the stop words: before a verb, never before a noun
_ADVERB_STOPS = ("都", "也", "还", "又", "就", "已", "曾", "则")


@lru_cache(maxsize=1)
def _noun_heads() -> tuple[str, ...]:
    return tuple(w for w in INDUSTRY_SUFFIXES + SHORT_COMPANY_SUFFIXES + GENERIC_CORE_WORDS if len(w) >= 2)


def _joins_inside(text: str, pos: int, end: int, blocked, place_ends) -> bool:
    """Is 与/和/及 at ``pos`` inside one department-like name ending at ``end``?

    Both sides must be short field words: 工业[和]信息化(厅), 材料科学[与]工程(学院);
    not 校史馆[和]...重点实验室 (two things), 张三[与]X集团 (a person), X[与]公司.
    """
    if blocked and pos in blocked or place_ends and pos in place_ends:
        return False
    right = text[pos + 1:end]
    if not right or len(right) > _MAX_FIELD:
        return False
    j = walk_left(text, pos, limit=12, blocked=blocked)
    chunk = text[j:pos]
    if len(chunk) < 2 or chunk[0] in "我本该其此双各" or chunk.endswith("港"):
        return False
    from kg.extract.persons import plausible_name

    if plausible_name(chunk) or plausible_name(chunk[-3:]) and len(chunk) > 3 and chunk[-4] in "、，,":
        return False
    field = _field_before(text, j, pos, place_ends)
    if not field or len(field) > _MAX_FIELD or field.endswith(_THING_ENDS):
        return False
    ends = [suf for suf, _ in ORG_SUFFIXES] + list(PARK_SUFFIXES) + list(MINISTRIES)
    return not any(field.endswith(e) for e in ends)


#: suffixes of lab and centre names whose field may be two words joined by 及/与/和
LAB_SUFFIXES = ("实验室", "研究中心", "研发中心", "创新中心")
#: qualifiers between a lab's field and its suffix (连轧自动化[国家重点]实验室)
_LAB_QUALIFIERS = (
    "省部共建国家重点", "国家重点", "国家工程", "国家工程技术", "工程技术", "教育部重点", "省级重点", "省重点",
    "重点", "联合", "国家", "省级", "工程",
)
#: names a lab's field words follow: a university or research institute
_LAB_OWNER_ENDS = ("大学", "学院", "研究院", "研究所", "科学院", "工程院", "分院")


def _is_field(word: str) -> bool:
    return 2 <= len(word) <= _MAX_FIELD and all("\u4e00" <= c <= "\u9fff" for c in word) \
        and not word.endswith(_THING_ENDS) and not word.endswith(_name_ends()) and not word.endswith(PARK_SUFFIXES)


def _joins_lab(text: str, pos: int, end: int, blocked, place_ends) -> bool:
    """Is 与/和/及 at ``pos`` inside one lab or centre name ending at ``end``?

    The lab's owner (a university or institute) stands right before the
    first field word and both sides are field words:
    甲大学[轧制技术]及[连轧自动化]国家重点实验室; not 参观了校史馆和X实验室
    (no owner), 甲大学校史馆和X实验室 (馆: a thing), 甲大学与X实验室 (no field).
    """
    if blocked and pos in blocked or place_ends and pos in place_ends:
        return False
    right = text[pos + 1:end]
    for q in sorted(_LAB_QUALIFIERS, key=len, reverse=True):
        if right.endswith(q) and len(right) > len(q):
            right = right[: -len(q)]
            break
    if not _is_field(right):
        return False
    for n in range(2, _MAX_FIELD + 1):
        k = pos - n
        if k < 0:
            break
        owner = word_ending_at(text, k, _LAB_OWNER_ENDS)
        if owner is not None:
            return _is_field(text[k:pos]) and not any(text.startswith(w, k) for w in LEFT_STOPS if len(w) >= 2)
    return False


@lru_cache(maxsize=1)
def _name_ends() -> tuple[str, ...]:
    return tuple(suf for suf, _ in ORG_SUFFIXES) + tuple(MINISTRIES)


def _field_before(text: str, start: int, pos: int, place_ends) -> str:
    """The words right before ``pos`` after the last place or org name in
    ``text[start:pos]`` (甘肃省工业 -> 工业, 科技部成果转化 -> 成果转化)."""
    names = _name_ends()
    for k in range(pos - 1, start, -1):
        if place_ends and k in place_ends or word_ending_at(text, k, names) is not None:
            return text[k:pos]
    return text[start:pos]


def find_structural_orgs(
    text: str,
    blocked_ends: set[int] | None = None,
    places: list[tuple[int, int]] | None = None,
) -> list[OrgMatch]:
    """Organizations ending with an org suffix.

    ``blocked_ends``: offsets a name must not extend left past (ends of
    person mentions). ``places``: place spans (start, end) of the text, used
    to anchor names on their place prefix.
    """
    stype = _suffix_type()
    places = places or []
    place_ends = {e for _, e in places}
    place_starts = {ps for ps, _ in places}
    place_by_end: dict[int, int] = {}
    for ps, pe in places:
        place_by_end[pe] = min(ps, place_by_end.get(pe, ps))
    protected = sorted((m.start(), m.end()) for m in re.finditer(_alt(MINISTRIES), text))
    places = sorted(places)
    best_by_end: dict[int, tuple[int, str]] = {}
    for m in _suffix_re().finditer(text):
        suf = m.group(1)
        s, e = m.start(), m.start() + len(suf)
        if e in best_by_end and best_by_end[e][0] <= s:
            continue
        best_by_end[e] = (s, suf)
    out: list[OrgMatch] = []
    for e, (s, suf) in sorted(best_by_end.items()):
        nxt = text[e:e + 2]
        last = suf[-1]
        if last in _TITLE_NEXT and nxt.startswith(_TITLE_NEXT[last]) and len(suf) == 1:
            continue  # 局长, 厅长: a title
        if suf.endswith("校") and nxt[:1] == "长":
            continue  # X大学校长: 大学 + 校长, not 学校
        if suf == "学校" and text[s - 1:s] == "大" and nxt[:1] not in _PUNCT:
            continue  # X大学校史馆 / X大学校区: 大学 + 校X, not 学校
        if suf in ("局", "厅") and (nxt[:1] in "长面势部限" or any(text.endswith(w, 0, e) for w in _BAD_JU)):
            continue
        if suf in ("署", "司") and (nxt[:1] in "长理名" or text.endswith(_BAD_SHU, 0, e)):
            continue  # 署长 / 部署 / 签署 / 上司: no body
        if suf in _GOV_NEEDS_PLACE:
            start = _place_anchor(text, s, suf, place_by_end)
            if start is None:
                continue  # 市委 / 来自政府: generic or not a name
        else:
            start = walk_left(text, s, blocked=blocked_ends, place_ends=place_ends, protected=protected,
                              joinable=suf.endswith(JOINABLE_SUFFIXES), lab=suf.endswith(LAB_SUFFIXES))
            start = _cut_to_place(text, start, s, places, company=stype.get(suf) == "Company")
        if suf == "厅" and start not in place_starts:
            continue  # a department (厅) is named after its province: X省工业和信息化厅
        if suf == "司" and not any(ps == start for ps, _ in protected):
            continue  # a ministry's department: 科技部X司
        if start >= s and suf not in ("工商联", "科协", "政协"):
            continue  # bare suffix (集团, 公司): a generic reference, not a name
        core = text[start:s]
        bare = _strip_places(core, start, places)
        if bare == core and is_generic_core(core) and suf not in ("局", "有限公司", "股份有限公司", "有限责任公司", "(集团)有限公司", "集团有限公司"):
            continue
        if suf in ("局", "署") and bare == core and len(core) < 4:
            continue  # 商务局 alone: a department named only by its field
        if start > 0 and text[start - 1].isdigit() and e - start > 4:
            start += 1  # 500强中信集团
        if suf.endswith("公司"):
            start = _drop_outer_place(text, start, s, places)
        out.append(OrgMatch(start, e, text[start:e], stype.get(suf), start))
    return _cleanup(text, out)


def _place_anchor(text: str, s: int, suf: str, place_by_end: dict[int, int]) -> int | None:
    """Start of a government body name: the place chain right before its
    suffix (平顶山市委, 卫东区政府, 中共白银市委), or None."""
    anchor = None
    for end in (s, s + 1) if suf[0] in LEVEL_CHARS else (s,):
        if end in place_by_end and (end == s or text[s] == text[end - 1]):
            anchor = place_by_end[end]
    if anchor is None and suf == "厅" and s > 0 and text[s - 1] not in LEVEL_CHARS:
        return None
    if anchor is None and text.endswith("特区", 0, s) and s - 2 in place_by_end:
        anchor = place_by_end[s - 2]  # 香港特区政府: the special administrative region's government
    if anchor is None:
        return None
    while anchor in place_by_end:  # 盘锦市大洼区...: a chain of places
        anchor = place_by_end[anchor]
    if text.endswith("中共", 0, anchor):
        anchor -= 2
    return anchor


def _cut_to_place(text: str, start: int, s: int, places: list[tuple[int, int]], company: bool = False) -> int:
    """来唐山高新区 -> 唐山高新区: a place inside the span, after 1-3 stray
    characters, starts the name. In a company name (``company``) a head of
    two or more characters after a clear boundary is the brand that leads
    the name (甲乙 in 甲乙唐山车辆有限公司), not stray words."""
    k = bisect.bisect_right(places, (start, float("inf")))
    for ps, pe in places[k:k + 8]:
        if ps >= s:
            break
        if start < ps < s:
            head = text[start:ps]
            j = bisect.bisect_left(places, (start, -1))
            if head.endswith(("(", "（")) or (j < len(places) and places[j][0] == start):
                return start
            if any(head.endswith(suf) for suf, _ in ORG_SUFFIXES) or head.endswith(MINISTRIES) or head in PARTY_HEADS:
                return start
            if company and _brand_head(text, start, head):
                return start
            return ps
    return start


def _brand_head(text: str, start: int, head: str) -> bool:
    """A company name's head before its place (中车 in 中车唐山X有限公司): two or
    more name characters after a clear boundary, no stop word inside."""
    from kg.extract.persons import NON_NAME_CHARS, PUNCT

    if len(head) < 2 or not all(_is_name_char(c) for c in head) or any(c in NON_NAME_CHARS for c in head):
        return False
    if any(w in head for w in LEFT_STOPS if len(w) >= 2) or any(c in head for c in "与和及同在到赴向对是的了将把被由"):
        return False
    return start == 0 or text[start - 1] in PUNCT or _stop_before(text, start, LEFT_STOPS)


def _strip_places(core: str, start: int, places: list[tuple[int, int]]) -> str:
    """The core without its leading place names."""
    pos = start
    end = start + len(core)
    moved = True
    while moved:
        moved = False
        j = bisect.bisect_left(places, (pos, -1))
        while j < len(places) and places[j][0] == pos:
            if places[j][1] <= end:
                pos = places[j][1]
                moved = True
                break
            j += 1
    return core[pos - start:]


def _drop_outer_place(text: str, start: int, s: int, places: list[tuple[int, int]]) -> int:
    """苏州昆山市X有限公司 -> 昆山市X有限公司: a short-form place followed by a
    full-form place names the company from the second one."""
    j = bisect.bisect_left(places, (start, -1))
    if j >= len(places) or places[j][0] != start:
        return start
    first = places[j]
    k = bisect.bisect_left(places, (first[1], -1))
    if k >= len(places) or places[k][0] != first[1] or places[k][1] >= s:
        return start
    second = places[k]
    return second[0]


def _cleanup(text: str, found: list[OrgMatch]) -> list[OrgMatch]:
    out = []
    for o in found:
        name = o.text
        # X有限公司集团公司: the name ends at the first legal form
        for lf in ("有限公司", "有限责任公司"):
            k = name.find(lf)
            if 0 < k and k + len(lf) < len(name):
                name = name[: k + len(lf)]
                o = OrgMatch(o.start, o.start + len(name), name, "Company", o.core_start)
                break
        if len(name) < 3 and name not in MINISTRIES:
            continue
        out.append(o)
    return out


def find_ministries(text: str) -> list[OrgMatch]:
    out = []
    for m in re.finditer(_alt(MINISTRIES), text):
        out.append(OrgMatch(m.start(), m.end(), m.group(), "GovernmentBody" if m.group()[-1] in "部院委署会" else None, m.start()))
    return out


_SHORT_RIGHT = set("、,，。;；:：)）”\"") | {"\n"}
_SHORT_RIGHT_WORDS = ("等", "就", "与", "和", "及", "作为", "是", "的", "在", "签", "合作", "研发", "生产", "自主", "主营", "公司", "集团",
                      "董事长", "总经理", "负责人", "董事局")


def find_short_companies(
    text: str, places: list[tuple[int, int]] | None = None, full_names: list[str] | None = None
) -> list[OrgMatch]:
    """``X科技``-style short company names with clear boundaries on both sides.

    Names ending in an industry word (``X材料``, ``X化工``) are kept only when a
    full name of the text starts with them (``Y材料`` for ``Y材料科技有限公司``):
    ``稀土永磁材料``, ``石油化工`` in a list of industries are no companies.
    """
    out = []
    places = sorted(places or [])
    full_names = full_names or []
    rx = re.compile(f"(?:{_alt(SHORT_COMPANY_SUFFIXES + INDUSTRY_SUFFIXES)})")
    industry = set(INDUSTRY_SUFFIXES)
    for m in rx.finditer(text):
        e = m.end()
        if not (e >= len(text) or text[e] in _SHORT_RIGHT or any(text.startswith(w, e) for w in _SHORT_RIGHT_WORDS)):
            continue
        start = walk_left(text, m.start(), limit=12)
        core = text[start:m.start()]
        if not 2 <= len(core) <= 10 or not all("\u4e00" <= c <= "\u9fff" for c in core):
            continue
        bare = _strip_places(core, start, places)
        if is_generic_core(bare) or any(core.endswith(x) for x, _ in ORG_SUFFIXES):
            continue
        if is_amount(bare) or is_amount(core):
            continue  # 千亿级新能源, 万吨材料: an amount, not a name
        # left context must be a clear boundary: punctuation, list mark or a stop word
        if start > 0 and text[start - 1] not in _PUNCT and not _stop_before(text, start, LEFT_STOPS):
            continue
        if _inside_quotes(text, start):
            continue
        name = text[start:e]
        if m.group() in industry and not (_party_context(text, e) or _corroborated(name, bare, full_names)):
            continue
        out.append(OrgMatch(start, e, name, "Company", start))
    return out


_AMOUNT_RE = re.compile(r"[一二三四五六七八九两几数多]*[十百千万亿]+[级余亩吨台套]?")


def is_amount(core: str) -> bool:
    """Does ``core`` start with an amount (千亿级, 万亩, 数十), never a name?"""
    m = _AMOUNT_RE.match(core)
    return m is not None and len(m.group()) >= 2


#: what follows a company named as a party or by its officers (X材料就..., X能源董事长)
_PARTY_RIGHT = ("就", "签", "董事长", "总经理", "负责人", "董事局", "党委书记")


def _party_context(text: str, end: int) -> bool:
    """X材料就... / X能源董事长 / X食品与Y就...: the name is a party or has officers."""
    if text.startswith(_PARTY_RIGHT, end):
        return True
    if text.startswith("与", end):
        m = re.match(r"[^，,。；;、]{2,30}?就", text[end + 1:end + 32])
        return m is not None
    return False


def _corroborated(name: str, bare: str, full_names: list[str]) -> bool:
    """Does a full organization name of the text start with ``name`` (or its
    place-less core), so that ``name`` is that company's short form?"""
    for f in full_names:
        if len(f) > len(name) and (f.startswith(name) or (len(bare) >= 4 and bare in f[: len(bare) + 4])):
            return True
    return False


def _inside_quotes(text: str, pos: int) -> bool:
    lo = max(0, pos - 40)
    left = text.rfind("“", lo, pos)
    if left < 0:
        return False
    close = text.rfind("”", lo, pos)
    nxt = text.find("”", pos, pos + 40)
    return close < left and nxt > 0


def find_parks(text: str, places: list[tuple[int, int]] | None = None) -> list[OrgMatch]:
    """Development zones and parks: ``[place] core (高新区|开发区|科技园区 ...)``."""
    out = []
    places = sorted(places or [])
    place_starts = {ps for ps, _ in places}
    place_ends = {pe for _, pe in places}
    rx = re.compile(f"(?:{_alt(PARK_SUFFIXES)})")
    for m in rx.finditer(text):
        e = m.end()
        if e < len(text) and text[e] in "区园":
            continue  # part of a longer suffix
        start = walk_left(text, m.start(), limit=16, place_ends=place_ends)
        start = _cut_to_place(text, start, m.start(), places)
        name = text[start:e]
        if name in GENERIC_PARKS or start == m.start():
            continue
        core = _strip_places(text[start:m.start()], start, places)
        if is_amount(core):
            continue  # 万亩X产业园: a size, not a name
        if (core == text[start:m.start()] and is_generic_core(core)) or (core and core[0] in LEVEL_CHARS and start == m.start() - len(core)):
            continue
        anchored = start in place_starts or name.startswith("中国")
        if m.group() == "基地" and not anchored:
            continue
        out.append(OrgMatch(start, e, name, "Park", start))
    return out


def legal_variants(name: str) -> list[str]:
    """Shorter forms a text may use for a full company name.

    恒玄科技(上海)股份有限公司 -> [恒玄科技(上海), 恒玄科技]; 中国电气装备集团有限公司 ->
    [中国电气装备集团]; 北京知识产权运营管理有限公司 -> [北京知识产权运营管理].
    """
    out: list[str] = []
    base = name
    for lf in ("集团有限公司", "(集团)有限公司") + _LEGAL_FORMS:
        if base.endswith(lf) and len(base) > len(lf) + 1:
            stem = base[: -len(lf)]
            if lf.startswith("集团") or lf.startswith("(集团)"):
                out.append(stem + "集团")
            out.append(stem)
            base = stem
            break
    nob = re.sub(r"\([^()]{1,8}\)", "", base)
    if nob != base:
        out.append(nob)
    return [v for v in dict.fromkeys(out) if len(v) >= 3 and v != name]


def generic_body(text: str, start: int) -> tuple[int, str] | None:
    """A level-generic body at ``start`` (市委, 市政府, 省发改委, 区文旅局):
    returns (end, body) where body is the text after the level character."""
    if start >= len(text) or text[start] not in LEVEL_CHARS:
        return None
    if text.startswith("旗下", start):
        return None  # 旗下: "under", no banner body
    m = re.match(
        r"[省市区县州旗](委|人民政府|政府办|政府研究室|政府|人大常委会|政协|纪委|发改委|经信委|工信委|工商联|科协|"
        r"[\u4e00-\u9fff]{1,4}?(?:局|厅)|委统战部|委组织部|委宣传部)",
        text[start:start + 9],
    )
    if not m:
        return None
    body = m.group(0)
    e = start + len(body)
    if body[-1] in "局厅" and text[e:e + 1] == "长" and len(body) == 2:
        return None
    return e, body


def title_like(text: str, pos: int) -> bool:
    """Does a title (or a body word of one) start at ``pos``?"""
    from kg.extract.titles import starts_with_title

    return starts_with_title(text, pos) or text.startswith(("党委", "党组", "董事", "领导"), pos)
