"""Model spans that contain rule mentions or name places the gazetteer lacks
(made-up sentences; they illustrate the rules, they do not measure quality)."""

from kg.doc import Mention, ModelSpan
from kg.lexicons import gazetteer as G
from kg.recognize import model_combination as MC
from kg.recognize import model_spans as MS


def _span(text, sub, typ):
    s = text.index(sub)
    return ModelSpan(s, s + len(sub), sub, typ, typ[:3].upper())


def _at(text, sub, typ):
    s = text.index(sub)
    return (s, s + len(sub), typ)


def _judge(text, sub, typ, rule_spans=()):
    view = MS.RuleView(text, list(rule_spans), [])
    return MS.judge(_span(text, sub, typ), view, None)


def test_office_over_a_place_is_an_organization():
    text = "临海市外事办主任王强出席。"
    m = _judge(text, "临海市外事办", "Organization", [_at(text, "临海市", "Place")])
    assert m is not None and (m.type, m.text) == ("Organization", "临海市外事办")


def test_consulate_over_two_places_is_an_organization():
    text = "甲国驻临海总领事馆总领事王强出席。"
    m = _judge(text, "甲国驻临海总领事馆", "Organization", [_at(text, "临海", "Place")])
    assert m is not None and m.type == "Organization"


def test_span_after_a_joiner_is_cut_from_a_longer_name():
    text = "甲乙政府驻临海经济贸易办事处主任王强出席。"
    assert _judge(text, "临海经济贸易办事处", "Organization", [_at(text, "临海", "Place")]) is None


def test_level_character_before_the_name_rejected():
    text = "会上，市临海协会常务副会长王强发言。"
    assert _judge(text, "市临海协会", "Organization", [_at(text, "临海", "Place")]) is None


def test_one_character_ending_needs_a_boundary():
    ok = "李青参观临海电瓷厂。"
    m = _judge(ok, "临海电瓷厂", "Organization", [_at(ok, "临海", "Place")])
    assert m is not None and m.text == "临海电瓷厂"
    running = "李青考察临海船厂活化区。"
    assert _judge(running, "临海船厂", "Organization", [_at(running, "临海", "Place")]) is None


def test_branch_of_a_rule_organization():
    text = "甲乙银行临海市分行行长王强出席。"
    rules = [_at(text, "甲乙银行", "Organization"), _at(text, "临海市", "Place")]
    m = _judge(text, "甲乙银行临海市分行", "Organization", rules)
    assert m is not None and m.text == "甲乙银行临海市分行"
    # a part of the bank that is no branch stays out
    text2 = "甲乙银行临海市党委书记王强出席。"
    rules2 = [_at(text2, "甲乙银行", "Organization"), _at(text2, "临海市", "Place")]
    assert _judge(text2, "甲乙银行临海市党委", "Organization", rules2) is None


def test_place_or_level_word_before_a_rule_body():
    text = "临海市国资委主任王强出席。"
    rules = [_at(text, "临海市", "Place"), _at(text, "国资委", "Organization")]
    assert _judge(text, "临海市国资委", "Organization", rules) is not None
    text2 = "国家甲乙部部长王强出席。"
    m = _judge(text2, "国家甲乙部", "Organization", [_at(text2, "甲乙部", "Organization")])
    assert m is not None and m.text == "国家甲乙部"
    # anything else before the rule organization still blocks
    text3 = "丙丁甲乙部部长王强出席。"
    assert _judge(text3, "丙丁甲乙部", "Organization", [_at(text3, "甲乙部", "Organization")]) is None


def test_named_unit_the_gazetteer_lacks():
    text = "李青访问了甲国的长冈市。"
    m = _judge(text, "长冈市", "Place")
    assert m is not None and m.type == "Place"
    assert _judge("李青考察了长冈市场。", "长冈市", "Place") is None  # 市场: a market
    assert _judge("李青考察了长冈省级示范点。", "长冈省", "Place") is None
    assert _judge("李青到甲乙镇市调研。", "甲乙镇市", "Place") is None  # a town and a stray 市


def test_place_with_its_ending_replaces_the_bare_place():
    text = "李青前往延边州考察。"
    hits = [h for h in G.find_places(text)]
    assert hits, "the gazetteer knows 延边"
    rules = [(s, e, "Place") for s, e, _ in hits]
    m = _judge(text, "延边州", "Place", rules)
    assert m is not None and m.text == "延边州"
    # the span names the gazetteer place itself (its own name ends in 州)
    same = MC.same_place(Mention(m.start, m.end, m.text, "Place", None, "model"), hits)
    assert same and same[0].name.endswith("州")
    # a town named after a city is a place of its own
    text2 = "李青前往临海镇考察。"
    hits2 = G.find_places(text2)
    t = _judge(text2, "临海镇", "Place", [(s, e, "Place") for s, e, _ in hits2])
    assert t is not None and t.subtype == "Town"
    assert MC.same_place(Mention(t.start, t.end, t.text, "Place", None, "model"), hits2) == []


def test_visit_verb_inside_a_span_rejected():
    assert MS.has_stop("临海市外办拜访甲国总领事馆")


def test_place_before_a_name_with_its_own_place_is_an_address():
    text = "李青走访了临海杭州市甲乙科技有限公司。"
    rules = [_at(text, "临海", "Place"), _at(text, "杭州市", "Place"),
             _at(text, "杭州市甲乙科技有限公司", "Organization")]
    assert _judge(text, "临海杭州市甲乙科技有限公司", "Organization", rules) is None


def test_stop_word_naming_a_field_before_an_ending():
    assert not MS.has_stop("临海人才交流中心")  # 交流 + 中心: the field of the body
    assert MS.has_stop("华锐交流临海")  # the span ran into the sentence
    text = "临海人才交流中心主任王强出席。"
    m = _judge(text, "临海人才交流中心", "Organization", [_at(text, "临海", "Place")])
    assert m is not None and m.text == "临海人才交流中心"


def test_branch_and_federation_endings():
    text = "甲乙商会临海分会会长王强出席。"
    rules = [_at(text, "甲乙商会", "Organization"), _at(text, "临海", "Place")]
    assert _judge(text, "甲乙商会临海分会", "Organization", rules) is not None
    text2 = "临海市侨联主席王强出席。"
    assert _judge(text2, "临海市侨联", "Organization", [_at(text2, "临海市", "Place")]) is not None
