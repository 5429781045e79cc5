"""Model-span checks on synthetic spans (placeholder names, no article text)."""

from hypothesis import given, strategies as st

from kg.doc import ModelSpan
from kg.recognize import model_spans as MS


def _span(text, sub, typ, nth=0):
    s = -1
    for _ in range(nth + 1):
        s = text.index(sub, s + 1)
    return ModelSpan(s, s + len(sub), sub, typ, typ[:3].upper())


def _judge(text, sub, typ, rule_spans=(), org_names=(), alias=None, nth=0):
    view = MS.RuleView(text, list(rule_spans), list(org_names))
    return MS.judge(_span(text, sub, typ, nth), view, alias)


def test_generic_bodies_rejected():
    for name in ("区政协", "市人大常委会", "省发改委", "两地文旅局", "经信委", "商务局", "办公室", "科技处"):
        assert MS.is_generic_body(name), name
    assert not MS.is_generic_body("甲乙市商务局")  # a place makes it a name


def test_groups_and_stop_words_rejected():
    for name in ("代表团", "党政代表团", "某某集团党委", "某某总部", "科研团队"):
        assert MS.is_group(name), name
    for name in ("中市府携手工研院", "顺德落户", "甲公司与乙公司", "希望某某研究所"):
        assert MS.has_stop(name), name
    text = "区政协、代表团和党委出席。"
    for sub in ("区政协", "代表团", "党委"):
        assert _judge(text, sub, "Organization") is None


def test_span_cutting_across_a_rule_mention_rejected():
    text = "来到甲乙科技有限公司调研。"
    org = (2, 10, "Organization")
    assert _judge(text, "到甲乙科技", "Organization", [org]) is None
    assert _judge(text, "甲乙科技有限公司", "Organization", [org]) is None  # nothing new


def test_person_needs_name_form_and_a_boundary():
    text = "会上，张小明表示欢迎。李静副院长出席。"
    m = _judge(text, "张小明", "Person")
    assert m is not None and m.type == "Person"
    assert _judge(text, "李静副", "Person") is None  # runs into a title
    assert _judge("赵某某市长出席", "赵某某市长", "Person") is None
    assert MS.person_form("欧阳小明") and not MS.person_form("张景颜惠")
    assert MS.person_form("迈克尔·乔丹")


def test_brand_needs_corroboration():
    lone = "发展需要奎拉尔的帮助。"
    assert _judge(lone, "奎拉尔", "Organization") is None
    listed = "甲乙有限公司以及奎拉尔、泰斯等企业负责人出席。"
    org = (0, 6, "Organization")
    m = _judge(listed, "奎拉尔", "Organization", [org])
    assert m is not None and m.type == "Organization"
    party = "奎拉尔就项目合作签约。"
    assert _judge(party, "奎拉尔", "Organization") is not None
    twice = "奎拉尔出席。会上，奎拉尔表示。"
    assert _judge(twice, "奎拉尔", "Organization") is not None


def test_a_name_written_right_after_a_title_anywhere_is_no_brand():
    # 会长奎拉尔: a person's name; its other mentions are no organization either
    text = "会长奎拉尔出席。会上，奎拉尔表示。"
    assert _judge(text, "奎拉尔", "Organization", nth=1) is None


def test_person_span_in_a_closed_company_list_is_an_organization():
    text = "甲乙有限公司以及戴某、泰斯等企业参加。"
    m = _judge(text, "戴某", "Person", [(0, 6, "Organization")])
    assert m is not None and m.type == "Organization"


def test_place_only_towns_or_foreign_names():
    text = "代表团来到甲乙镇，又到奎拉尔斯，经过太阳。"
    assert _judge(text, "甲乙镇", "Place").subtype == "Town"
    assert _judge(text, "奎拉尔斯", "Place") is not None
    assert _judge(text, "太阳", "Place") is None


def test_government_body_needs_its_place_or_an_alias():
    text = "他与丙丁局负责人会谈。"
    assert _judge(text, "丙丁局", "Organization") is None
    assert _judge(text, "丙丁局", "Organization", alias=lambda s: True) is not None


def test_company_word_types_an_organization():
    text = "项目甲乙电子车间里，工人忙碌。"
    m = _judge(text, "甲乙电子", "Place")
    assert m is not None and m.type == "Organization" and m.subtype == "Company"


def test_span_running_into_a_verb_is_trimmed():
    text = "奎拉尔研发生产的设备。"
    sp = _span(text, "奎拉尔研", "Person")
    assert MS.trim(sp, text).text == "奎拉尔"


def test_marks_at_a_spans_edges_that_belong_to_the_text_around_are_trimmed():
    text = "书记赴“甲三角”招商，考察乙科技(上海)、“丙集团”。"
    assert MS.trim(_span(text, "“甲三角", "Place"), text).text == "甲三角"
    assert MS.trim(_span(text, "甲三角”", "Place"), text).text == "甲三角"
    assert MS.trim(_span(text, "乙科技(上海)", "Organization"), text).text == "乙科技(上海)"
    assert MS.trim(_span(text, "“丙集团”", "Organization"), text).text == "丙集团"


def test_org_containing_places_only():
    text = "甲乙市丙丁集团董事长出席。"
    # a model org over a rule place keeps the name whole
    m = _judge(text, "甲乙市丙丁集团", "Organization", [(0, 3, "Place")])
    assert m is not None and m.text == "甲乙市丙丁集团"


@given(st.text(alphabet="与和及在的了是甲乙丙丁公司局市区代表团", min_size=1, max_size=10))
def test_judge_never_crashes_and_respects_the_span(s):
    text = "，" + s + "。"
    for typ in ("Person", "Organization", "Place"):
        m = MS.judge(ModelSpan(1, 1 + len(s), s, typ, "X"), MS.RuleView(text, [], []))
        assert m is None or (text[m.start:m.end] == m.text and 1 <= m.start < m.end <= 1 + len(s))


def test_a_province_or_country_with_a_lower_unit_ending_is_no_unit():
    """台湾 + 县 in 台湾县市长 (the counties' and cities' heads of the province): a province or
    country of the gazetteer is no unit's own name with another ending; a name the
    gazetteer does not know with an administrative ending still is one."""
    text = "他是会见的第一位台湾县市长。"
    assert _judge(text, "台湾县", "Place", [(8, 10, "Place")]) is None
    assert not MS.unit_place("日本县")
    assert MS.unit_place("长冈市") and MS.unit_place("阿克兰省")


def test_a_news_mediums_place_stays_the_articles_once_its_span_is_trimmed():
    """[稿源:湖南卫视]: the model's span trimmed to 湖南卫视 is a medium (卫视,
    data/relation_media_suffixes.tsv), whose place tells the writer's province;
    it does not hide 湖南 from the bare 省委 after it."""
    from kg.doc import Article
    from kg.evaluation.from_article import article_to_gold_shape
    from kg.nlp.loader import load_backend
    from kg.pipeline import analyze_article

    text = ("2017-08-14 20:29:04 [稿源:湖南卫视] [作者:] [编辑:李青] 考察团一行来湘开展交流考察活动。"
            "在湘期间，省委书记张明与考察团成员座谈。")
    art = analyze_article(Article(source="x.txt", raw=text), load_backend(None))
    assert ["张明", "湖南省委"] in article_to_gold_shape(art)["affiliatedWith"]


def test_a_town_s_government_is_named_by_its_town():
    """data/model_town_suffixes.tsv: the gazetteer lists no towns, so a model span
    杨行镇人民政府 has no place before its body word; the town names it (乡镇政府 and
    全市政府 stay generic: data/place_m_not_towns.tsv, model_level_words.tsv)."""
    assert MS.town_core("杨行镇") and MS.town_core("钟屯乡") and MS.town_core("荆河街道")
    assert not MS.town_core("乡镇") and not MS.town_core("城镇") and not MS.town_core("镇")
    text = "会上，杨行镇人民政府与上海银行签订协议。"
    m = _judge(text, "杨行镇人民政府", "Organization")
    assert m is not None and m.text == "杨行镇人民政府"
    assert _judge("各乡镇政府负责人参加会议。", "乡镇政府", "Organization") is None


def test_a_museum_the_model_tags_as_a_place_is_an_organization():
    """data/model_venue_endings.tsv: the gold names 苏州博物馆 an organization (the
    NER tags it a place); a bare 市博物馆 or 全市博物馆 names none."""
    assert MS.venue_name("苏州博物馆") and MS.venue_name("张家港市图书馆")
    assert not MS.venue_name("市博物馆") and not MS.venue_name("全市博物馆") and not MS.venue_name("黄埔纪念馆")
    m = _judge("张明参观了苏州博物馆。", "苏州博物馆", "Place")
    assert m is not None and (m.type, m.text) == ("Organization", "苏州博物馆")


def test_words_that_end_like_a_town_are_no_town():
    """本乡, 我镇 (a level word), 在吴店镇 (a stop word before it: kg.recognize.mentions
    checks has_stop), 统筹城乡 and 家乡 (data/place_m_not_towns.tsv) name no town."""
    assert not MS.town_core("本乡") and not MS.town_core("我镇")
    assert not MS.town_core("统筹城乡") and not MS.town_core("我的家乡")
    assert MS.has_stop("在吴店镇") and not MS.has_stop("吴店镇")
    assert not MS.venue_name("城市博物馆") and not MS.venue_name("乡村博物馆")
