"""Entity recognition on real-article patterns (issue 11, second round):
made-up sentences that illustrate each rule; quality is measured on the
corpus (benchmarks/score_extraction.py), not here."""

from kg.doc import Article, ModelSpan
from kg.lexicons import gazetteer as G
from kg.recognize.bare_bodies import _written_name
from kg.recognize.media import find_outlets
from kg.recognize.mentions import _prefecture_forms, recognize
from kg.recognize.model_spans import county_short_form
from kg.recognize.orgs import find_structural_orgs
from kg.recognize.persons import credit_name, find_bylines, find_persons, model_name_after_title, plausible_name
from kg.recognize.place_mentions import find_towns, nested_towns
from kg.doc import Mention


def _places(text):
    return [(s, e) for s, e, _ in G.find_places(text)]


def _org_names(text):
    found = find_structural_orgs(text, places=_places(text))
    return [o.text for o in found if not any(p is not o and p.start <= o.start and o.end <= p.end for p in found)]


# --- persons -----------------------------------------------------------------

def test_long_model_name_after_a_title_may_end_with_a_numeral_and_a_weak_follower():
    # a Japanese name the model marks: 一 ends the given name, 率 (weak) follows it
    text = "东川市市长山田健一率代表团来访。"
    s = text.index("山田")
    assert model_name_after_title(text, s, {s: s + 4}) == "山田健一"
    # a short name keeps the strict check: a numeral does not end a two-character given name
    text = "局长李万，出席。"
    s = text.index("李万")
    assert model_name_after_title(text, s, {s: s + 2}) is None


def test_long_model_person_may_end_like_an_organization():
    # 司 ends departments (亚洲司), but the model typed the long span a person
    text = "副秘书长田中恭司。会议开始。"
    s = text.index("田中")
    assert model_name_after_title(text, s, {s: s + 4}) is None
    assert model_name_after_title(text, s, {s: s + 4}, {s}) == "田中恭司"


def test_model_name_continues_a_list_after_a_title():
    text = "东川市副市长山田健一、中村雅人，副议长王力出席。"
    ends = {text.index("山田"): text.index("山田") + 4, text.index("中村"): text.index("中村") + 4}
    names = {m.text for m in find_persons(text, set(), ends, set(ends))}
    assert {"山田健一", "中村雅人"} <= names


def test_body_endings_are_no_given_names():
    # 党委书记, 华东院总会计师, 宣传部部长: a body before a title, no person
    for word in ("党委", "华锐院", "宣传部", "国台办"):
        assert not plausible_name(word)
    text = "所长李青、党委书记、副所长王力出席。"
    assert "党委" not in {m.text for m in find_persons(text)}


def test_verbs_after_an_organization_are_no_names():
    for word in ("应邀", "安排", "回应道"):
        assert not plausible_name(word)


def test_caption_positions_and_places_are_no_credit_names():
    assert not credit_name("左一")
    assert not credit_name("温州")
    assert credit_name("郭赟")
    assert [m.text for m in find_bylines("东川市长张明(左一)赠送纪念品。(温州)")] == []


def test_model_person_writing_a_county_short_form_is_that_place():
    hit = county_short_form("余干")
    assert hit is not None and hit.name == "余干县"
    assert county_short_form("王强") is None
    text = "企业家们表示对投资余干兴趣浓厚。"
    a = Article(source="t.txt", raw=text, text=text)
    s = text.index("余干")
    a.sentences = []
    from kg.recognize.model_spans import RuleView, judge

    m = judge(ModelSpan(s, s + 2, "余干", "Person", "PER"), RuleView(text, [], []))
    assert m is not None and (m.type, m.canonical) == ("Place", "余干县")


# --- organizations -----------------------------------------------------------

def test_measure_words_and_verbs_end_an_organization_on_its_left():
    assert _org_names("会上提出了需要华锐集团解决的问题。") == ["华锐集团"]
    assert "访华锐学院" not in _org_names("张明参观东川 访华锐学院考察。")


def test_campus_city_in_brackets_is_part_of_a_school_name():
    assert _org_names("华锐公司与香港科技大学(广州)签署合作协议。") == ["华锐公司", "香港科技大学(广州)"]
    # a bracket that holds no place stays out
    assert "东川大学" in _org_names("华锐公司与东川大学(筹)签署合作协议。")
    # a region in brackets is no campus
    assert "东川大学" in _org_names("华锐公司与东川大学(台湾)签署合作协议。")


def test_a_date_in_a_dateline_is_no_correspondent_unit():
    assert sorted(m.text for m in find_outlets("中新社上海十月十三日电 (记者张明)华锐公司召开年会。")) == ["中新社"]


# --- places ------------------------------------------------------------------

def test_town_at_the_start_of_its_party_committee_is_a_place():
    text = "青山镇党委书记李力出席会议。"
    org = Mention(0, 5, "青山镇党委", "Organization", None, "org-rule")
    assert [m.text for m in nested_towns([org])] == ["青山镇"]
    assert nested_towns([Mention(0, 4, "乡镇党委", "Organization", None, "org-rule")]) == []


def test_a_level_character_after_a_county_short_form_opens_no_town():
    text = "潜山县黄铺镇与华锐公司签约。"
    hits = [h for h in G.find_places(text) if h[2].name.startswith("潜山")]
    assert all(not m.text.startswith("县") for m in find_towns(text, hits))


def test_prefecture_written_with_its_last_level_character():
    text = "张明在甘孜州考察。"
    hits = _prefecture_forms(text, G.find_places(text))
    assert text[hits[0][0]:hits[0][1]] == "甘孜州"
    place = hits[0][2]
    assert _written_name(text + "州委书记王力出席。", place, "州") == "甘孜州"
    assert _written_name("上海举行会议。", G.lookup("上海市")[0], "市") == "上海市"
    a = Article(source="t.txt", raw=text, text=text)
    recognize(a)
    assert "甘孜州" in {m.text for m in a.mentions if m.type == "Place"}
    # before another place the level character opens the county's body: 乡城县委
    text = "甘孜州乡城县委书记张明出席。"
    hits = _prefecture_forms(text, G.find_places(text))
    assert text[hits[0][0]:hits[0][1]] == "甘孜"


def test_a_campus_in_brackets_is_not_the_school_itself():
    from kg.recognize.coref import _is_short_of

    assert not _is_short_of("香港科技大学", "香港科技大学(广州)")
    assert _is_short_of("华锐科技", "华锐科技(上海)股份有限公司")


def test_park_at_the_start_of_an_organization_is_a_place():
    text = "华锐公司与临海梅山保税港区管委会签约。"
    a = Article(source="t.txt", raw=text, text=text)
    recognize(a)
    assert "临海梅山保税港区" in {m.text for m in a.mentions if m.type == "Place"}
    # a company named after a park is not in the park
    text = "张明考察了临海华锐产业园发展有限公司。"
    a = Article(source="t.txt", raw=text, text=text)
    recognize(a)
    assert "临海华锐产业园" not in {m.text for m in a.mentions if m.type == "Place"}


def test_special_region_abbreviation_joins_the_full_body():
    from kg.recognize.coref import name_key

    assert name_key("香港特区政府") == name_key("香港特别行政区政府")


def test_a_fourth_character_after_a_single_family_name_is_a_follower():
    from kg.recognize.persons import name_at

    # 均 is a (weak) follower: 刘文华 is the name, not 刘文华均
    assert name_at("会长王力及刘文华均提出建议。", 5) == "刘文华"
    # the three characters stand alone elsewhere in the text
    text = "秘书长高文华今率团赴临海。高文华指出，合作很好。"
    assert name_at(text, 3) == "高文华"
    # a compound family name keeps four characters
    assert name_at("欧阳文华表示，合作很好。", 0) == "欧阳文华"


def test_a_day_in_chinese_numerals_ends_a_name():
    text = "临海市副市长令狐文华十八日率团赴华锐公司参访。"
    assert "令狐文华" in {m.text for m in find_persons(text)}


def test_a_body_before_a_joiner_is_no_field_word_of_the_next_name():
    # 司法部与华锐公司: two names, not one department joined by 与
    assert _org_names("张明代表司法部与华锐公司签署合作协议。")[-1] == "华锐公司"
    # two field words joined inside one body stay one name
    assert "临海创新科技及工业局" in _org_names("临海创新科技及工业局副局长张明出席。")
