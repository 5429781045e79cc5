"""Word lists that organization recognition is built on.

The suffix of a name says what it names (``X有限公司`` -> Company, ``X研究所``
-> ResearchInstitution, ``X市委`` -> GovernmentBody); further lists give the
national bodies named without a place (``科技部``), the short-company and
industry endings (``X科技``, ``X材料``), park endings (``X高新区``), the
generic words a name is never made of alone (``国家重点``), and the stop
words that end a name on its left (``与``, ``签订``, ``企业``).
"""

from __future__ import annotations

import re

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
GOV_NEEDS_PLACE = ("市委", "省委", "区委", "县委", "州委", "政府", "人民政府", "政协", "人大常委会", "政府办",
                    "工商联", "科协")
#: heads that may stand before a place inside one name (中科院北京分院, 民建重庆市...联谊会)
PARTY_HEADS = ("民建", "民盟", "民进", "民革", "农工党", "致公党", "九三学社", "台盟", "中共", "共青团")

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
PUNCT = set(" \t\n\r,，。；;:：!！?？、“”\"'‘’「」『』《》<>[]【】|/•—-_…　")


def alternation(words) -> str:
    """A regex alternation of ``words``, longest first."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


AMOUNT_RE = re.compile(r"[一二三四五六七八九两几数多]*[十百千万亿]+[级余亩吨台套]?")


def is_amount(core: str) -> bool:
    """Does ``core`` start with an amount (千亿级, 万亩, 数十), never a name?"""
    m = AMOUNT_RE.match(core)
    return m is not None and len(m.group()) >= 2



#: words that name no particular organization on their own (公司, 市委, 双方)
GENERIC_ORGS = {
    "集团", "公司", "本公司", "该公司", "研究所", "研究院", "大学", "学院", "政府", "市政府", "省政府", "区政府",
    "县政府", "市委", "省委", "区委", "县委", "管委会", "党工委", "实验室", "协会", "商会", "中心", "双方", "企业",
}


def org_subtype(name: str) -> str | None:
    """The subtype an organization name's ending gives (X有限公司 -> Company), or None."""
    for suf, st in sorted(ORG_SUFFIXES, key=lambda x: -len(x[0])):
        if name.endswith(suf):
            return st
    if name in MINISTRIES:
        return "GovernmentBody" if name[-1] in "部委署" else "ResearchInstitution"
    for suf in SHORT_COMPANY_SUFFIXES + INDUSTRY_SUFFIXES:
        if name.endswith(suf):
            return "Company"
    return None
