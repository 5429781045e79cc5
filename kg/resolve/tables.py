"""Small, general word lists used by entity resolution (no article-specific names).

Everything here is domain knowledge about Chinese organization and place
names: standard abbreviations, legal-form suffixes, administrative suffixes,
and the generic heads that make a name like 市委 or 高新区 meaningless
without the place it belongs to.
"""

from __future__ import annotations

#: standard abbreviation -> full form. Matching keys rewrite every full form to
#: its abbreviation (longest first), so both spellings give one key; labels are
#: never rewritten.
ABBREVIATIONS: dict[str, str] = {
    "中科院": "中国科学院",
    "社科院": "社会科学院",
    "工信部": "工业和信息化部",
    "发改委": "发展和改革委员会",
    "经信委": "经济和信息化委员会",
    "经信局": "经济和信息化局",
    "工信局": "工业和信息化局",
    "工信厅": "工业和信息化厅",
    "科技部": "科学技术部",
    "科技厅": "科学技术厅",
    "科技局": "科学技术局",
    "科协": "科学技术协会",
    "工商联": "工商业联合会",
    "国资委": "国有资产监督管理委员会",
    "人社局": "人力资源和社会保障局",
    "人社厅": "人力资源和社会保障厅",
    "人社部": "人力资源和社会保障部",
    "卫健委": "卫生健康委员会",
    "住建局": "住房和城乡建设局",
    "住建厅": "住房和城乡建设厅",
    "住建部": "住房和城乡建设部",
    "文旅局": "文化和旅游局",
    "文旅厅": "文化和旅游厅",
    "文旅部": "文化和旅游部",
    "统战部": "统一战线工作部",
    "人大常委会": "人民代表大会常务委员会",
    "政府": "人民政府",
    "高新区": "高新技术产业开发区",
    "经开区": "经济技术开发区",
}

#: legal-form suffixes of company names, longest first (stripped for the core key).
LEGAL_SUFFIXES: tuple[str, ...] = (
    "集团股份有限公司",
    "集团有限责任公司",
    "集团有限公司",
    "股份有限公司",
    "有限责任公司",
    "控股有限公司",
    "集团总公司",
    "集团公司",
    "股份公司",
    "有限公司",
    "总公司",
    "公司",
    "集团",
)

#: administrative suffixes of place names, longest first.
ADMIN_SUFFIXES: tuple[str, ...] = (
    "特别行政区",
    "维吾尔自治区",
    "壮族自治区",
    "回族自治区",
    "自治区",
    "自治州",
    "自治县",
    "新区",
    "地区",
    "省",
    "市",
    "区",
    "县",
    "州",
    "盟",
    "旗",
    "镇",
    "乡",
)

#: single characters that may lead a generic name as an administrative level (市委, 区政府)
ADMIN_LEVEL_CHARS = frozenset("省市区县州镇乡村")

#: leading words that only point at a body (本市, 该公司, 中共市委)
GENERIC_MODIFIERS: tuple[str, ...] = ("中共", "本", "该", "我", "全", "两", "双")

#: words that name a kind of body or zone, not a particular one (in the
#: abbreviated spelling that matching keys use). A name made only of these,
#: after optional modifiers and an administrative level, is generic.
GENERIC_HEADS: frozenset[str] = frozenset(
    """
    委 党委 党工委 党组 政府 人大 人大常委会 常委会 政协 纪委 监委 管委会 委员会
    办公室 办公厅 办 组织部 宣传部 统战部 政法委 政法委员会
    发改委 经信委 经信局 工信局 工信厅 科技局 科技厅 商务局 商务厅 财政局 财政厅 教育局 教育厅
    公安局 公安厅 文旅局 文旅厅 住建局 住建厅 自然资源局 生态环境局 环保局 市场监管局
    市场监督管理局 人社局 人社厅 卫健委 农业农村局 交通运输局 应急管理局 统计局 税务局 工商联
    科协 总工会 团委 妇联 招商局 投促局 投资促进局 外事办 国资委 大数据局 行政审批局 研究室
    公司 集团 集团公司 有限公司 总公司 分公司 子公司 企业 工厂 厂
    研究所 研究院 研究中心 实验室 中心 学院 大学 学校 中学 小学 医院 银行 分行 支行
    协会 学会 商会 联合会 基金会 指挥部 工作组 领导小组 代表团 考察团 招商团
    部 局 厅 处 科 所 院 校 会 站 社 团 组
    高新区 开发区 经开区 经济开发区 新区 园区 产业园 产业园区 工业园 工业园区 科技园 科技城
    自贸区 自由贸易试验区 保税区 综保区 综合保税区 示范区 试验区 片区 城区 市区 辖区
    省 市 区 县 州 镇 乡 村 街道 社区
    双方 各方 对方 公司方 企业方
    """.split()
)

#: titles that name one national office: the same name and one of these titles
#: is enough evidence that two articles speak of the same person.
NATIONAL_TITLES: frozenset[str] = frozenset(
    """
    总书记 中共中央总书记 国家主席 国家副主席 国务院总理 总理 国务院副总理 副总理
    全国人大常委会委员长 委员长 全国政协主席 中央军委主席
    """.split()
)

#: place names never used as a strippable prefix of an organization name
#: (中国电气装备集团 is a name of its own, not 电气装备集团 in China).
NON_PREFIX_PLACES = frozenset({"中国", "中华", "中华人民共和国", "全国", "国家", "大陆", "国际", "亚洲", "世界"})

#: well-known parent bodies whose name often prefixes a unit's full name
#: (中国科学院上海硅酸盐研究所 -> 硅酸盐研究所).
PARENT_ORG_PREFIXES: tuple[str, ...] = (
    "中国科学院",
    "中国工程院",
    "中国社会科学院",
    "中国农业科学院",
    "中国医学科学院",
    "中国林业科学研究院",
    "中国水利水电科学研究院",
)

#: provinces and province-level units (short names), so that a place prefix is
#: recognised even when the corpus never mentions the province on its own.
PROVINCES: tuple[str, ...] = tuple(
    """
    北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南
    广东 海南 四川 贵州 云南 陕西 甘肃 青海 台湾 内蒙古 广西 西藏 宁夏 新疆 香港 澳门
    """.split()
)
