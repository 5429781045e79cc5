"""The trained second reading of refused NER spans (kg.recognize.span_acceptor):
features, training, the threshold, on by default, part of the cache key (with
the other trained readings, which share its weights switch)."""

from __future__ import annotations

import pytest

from kg.doc import ModelSpan
from kg.recognize import destinations as DS
from kg.recognize import org_verifier as OV
from kg.recognize import person_verifier as PV
from kg.recognize import span_acceptor as SA
from kg.relations import post_bodies as PB
from kg.recognize.model_combination import add_model_spans
from kg.recognize.model_spans import RuleView


def _features(text: str, name: str, typ: str = "Organization", spans=()):
    s = text.index(name)
    return SA.span_features(text, s, s + len(name), typ, "ORG", True, RuleView(text, list(spans), []))


def test_features_read_the_span_its_edges_and_the_rule_mentions():
    text = "代表团了解华锐研究所的情况。"
    f = _features(text, "解华锐研究所")
    assert {"type:Organization", "tag:ORG", "first:解", "last2:究所", "left:了", "right:的"} <= set(f)
    assert "check:cut_left" in f and "Organization|check:cut_left" in f  # 了|解: cut inside a word
    assert "check:suffix" in f
    inside = _features(text, "华锐研究所", spans=[(text.index("华锐"), text.index("华锐") + 2, "Organization")])
    assert "meets:contains" in inside and "meets:free" in f


def test_the_models_probability_of_the_span_is_read_at_steps():
    text = "代表团了解华锐研究所的情况。"
    s = text.index("华锐研究所")
    view = RuleView(text, [], [])
    steps = {c: SA.span_features(text, s, s + 5, "Organization", "ORG", True, view, c) for c in (0.999, 0.93, 0.31, 0.1)}
    assert [next(f for f in fs if f.startswith("confidence:")) for fs in steps.values()] == [
        "confidence:0.99", "confidence:0.9", "confidence:0.3", "confidence:low"]
    assert "Organization|confidence:0.9" in steps[0.93]
    assert not any(f.startswith("confidence:") for f in SA.span_features(text, s, s + 5, "Organization", "ORG", True, view))


def test_the_shipped_weights_trust_spans_the_model_is_sure_of():
    """Retrained with the model's probability of each span (docs/extraction.md, twenty-eighth
    round): the same refused span weighs more when the model was sure of it."""
    acceptor = SA.shipped()
    text = "代表团先后走访了华锐研究所。"
    s = text.index("华锐研究所")
    view = RuleView(text, [], [])
    p = [acceptor.probability(SA.span_features(text, s, s + 5, "Organization", "ORG", True, view, c))
         for c in (0.999, 0.85, 0.4)]
    assert p[0] > p[1] > p[2]
    assert p[0] >= acceptor.threshold > p[2]


def test_add_model_spans_gives_the_acceptor_the_models_probability(monkeypatch):
    seen = []
    monkeypatch.setattr(SA, "shipped", lambda: SA.SpanAcceptor({"bias": -5.0}, 0.5))
    original = SA.span_features
    monkeypatch.setattr(SA, "span_features", lambda *a: seen.append(a[-1]) or original(*a))
    text = "市长与华锐研究所签约。"
    span = ModelSpan(text.index("与华锐"), text.index("签约"), "与华锐研究所", "Organization", "ORG", 0.42)
    add_model_spans(text, [span], [], [])
    assert seen == [0.42]


def test_fit_learns_and_the_threshold_keeps_only_what_pays():
    good = [(["bias", "type:Organization", "check:suffix"], 1)] * 30
    bad = [(["bias", "type:Organization", "check:cut_left"], 0)] * 30
    neutral = [(["bias", "check:cut_left"], -1)] * 50  # names found anyway: not trained on
    acceptor = SA.SpanAcceptor(SA.fit(good + bad + neutral, epochs=20))
    assert acceptor.probability(good[0][0]) > 0.8 > 0.2 > acceptor.probability(bad[0][0])
    threshold, right, wrong = SA.choose_threshold(acceptor, good + bad)
    assert (right, wrong) == (30, 0) and acceptor.probability(bad[0][0]) < threshold


def test_weights_survive_saving(tmp_path):
    acceptor = SA.SpanAcceptor({"bias": -0.5, "check:suffix": 2.0}, 0.6, {"seed": 1})
    acceptor.save(tmp_path / "w.json")
    again = SA.SpanAcceptor.load(tmp_path / "w.json")
    assert again.weights == acceptor.weights and again.threshold == 0.6 and again.meta == {"seed": 1}


@pytest.mark.parametrize("module, flag, tag, threshold_ok", [
    (SA, "ZHKG_SPAN_ACCEPTOR", "+spans:", lambda w: isinstance(w, SA.SpanAcceptor) and 0 < w.threshold < 1),
    (OV, "ZHKG_ORG_VERIFIER", "+orgs:",  # the verifier's cap
     lambda w: isinstance(w, SA.SpanAcceptor) and 0 < w.threshold <= 0.5),
    (PV, "ZHKG_PERSON_VERIFIER", "+persons:", lambda w: isinstance(w, SA.SpanAcceptor) and 0 < w.threshold <= 0.5),
    (DS, "ZHKG_DESTINATIONS", "+dest:", lambda w: isinstance(w, DS.Destinations) and 0.3 <= w.accept.threshold < 1),
    (PB, "ZHKG_POST_BODIES", "+posts:", lambda w: isinstance(w, SA.SpanAcceptor) and 0.3 <= w.threshold < 1),
])
def test_on_by_default_off_with_zero_and_part_of_the_record_key(monkeypatch, module, flag, tag, threshold_ok):
    """Every trained reading ships its weights, is turned off by its flag (=0) and keys the build records
    (span_acceptor.weights_on / weights_version / weights_loaded): the span acceptor, the organization
    verifier, the person verifier, visit destinations (kg.recognize.destinations), bare posts' bodies (kg.relations.post_bodies)."""
    from kg.build.cache import model_id

    monkeypatch.setenv(flag, "0")
    module._LOADED.clear()
    assert module.shipped() is None and module.version() == ""
    off = model_id(None)
    monkeypatch.delenv(flag, raising=False)
    module._LOADED.clear()
    assert module.SHIPPED.is_file(), "the trained weights ship with the package"
    assert threshold_ok(module.shipped())
    assert model_id(None) != off and tag in model_id(None)
    module._LOADED.clear()


def _judge_all(monkeypatch, acceptor):
    text = "市长与华锐研究所签约。"
    span = ModelSpan(text.index("与华锐"), text.index("签约"), "与华锐研究所", "Organization", "ORG")
    monkeypatch.setattr(SA, "shipped", lambda: acceptor)
    cands: list = []
    add_model_spans(text, [span], cands, [])
    return [c.m for c in cands]


def test_a_refused_span_becomes_a_mention_only_when_the_acceptor_takes_it(monkeypatch):
    assert _judge_all(monkeypatch, None) == []  # the checks refuse it (与 inside)
    taken = _judge_all(monkeypatch, SA.SpanAcceptor({"bias": 5.0}, 0.5))
    assert [(m.text, m.type, m.source) for m in taken] == [("与华锐研究所", "Organization", SA.SOURCE)]
    assert _judge_all(monkeypatch, SA.SpanAcceptor({"bias": -5.0}, 0.5)) == []


def test_while_training_refused_spans_are_recorded_not_judged(monkeypatch):
    monkeypatch.setattr(SA, "_RECORD", [])
    assert _judge_all(monkeypatch, SA.SpanAcceptor({"bias": 5.0}, 0.5)) == []
    assert [(name, typ) for name, typ, _f in SA._RECORD] == [("与华锐研究所", "Organization")]


def test_kg_train_spans_refuses_a_folder_without_a_corpus(tmp_path, capsys):
    from kg.recognize.train_spans import run_train_spans

    assert run_train_spans(str(tmp_path)) == 2
    assert "not an annotated corpus" in capsys.readouterr().err


def test_forms_no_name_has_are_vetoed():
    # made-up sentences; the words come from the lexicons (title roles, stop words, suffixes, legal forms)
    text = "王院长说，代表团莅临华锐集团，由临海市科学技术主办。"
    s = text.index("王院长")
    assert SA.vetoed(text, s, s + 3, "Person") == "one or two characters before a title role"
    s = text.index("临华锐集团")
    assert SA.vetoed(text, s, s + 5, "Organization") == "begins inside a word"
    s = text.index("临海市科学技术")
    assert SA.vetoed(text, s, s + 7, "Organization", ["临海市科学技术协会"]) == "the start of a name the rules found"
    text = "他来到华锐电气集团有限公司集团总部。"
    s = text.index("华锐")
    assert SA.vetoed(text, s, text.index("总部"), "Organization") == "a suffix after a legal form"
    text = "临海市科学技术协会副主席"
    assert SA.vetoed(text, 0, 7, "Organization") == "cut before a suffix"
    text = "科创中国论坛开幕。"
    assert SA.vetoed(text, 2, 4, "Place") == "never a place on its own"
    text = "编辑：王立 责编：李青】"
    s = text.index("李青")
    assert SA.vetoed(text, s, s + 3, "Person") == "a mark no name holds"
    for text, word, typ in (("张明参观了综保区。", "综保区", "Place"), ("张明到常委会调研。", "常委会", "Organization")):
        s = text.index(word)  # a kind of zone or body written alone (org_generic_zones, resolve_generic_heads)
        assert SA.vetoed(text, s, s + 3, typ) == "a generic name"


def test_names_are_not_vetoed():
    text = "华锐电气集团有限公司董事长王立出席。"
    assert SA.vetoed(text, 0, text.index("董事长"), "Organization") is None
    s = text.index("王立")
    assert SA.vetoed(text, s, s + 2, "Person") is None
    for name in ("古多·沃尔夫", "Maria Silva", "Jean-Luc Martin"):
        assert SA.vetoed(name + "出席。", 0, len(name), "Person") is None


def test_an_organization_around_one_the_rules_found_is_not_read_again(monkeypatch):
    from kg.doc import ModelSpan
    from kg.recognize.model_combination import add_model_spans

    text = "临海市商务局合作处处长王立出席。"
    span = ModelSpan(0, text.index("处长"), text[:text.index("处长")], "Organization", "ORG")
    monkeypatch.setattr(SA, "shipped", lambda: SA.SpanAcceptor({"bias": 5.0}, 0.5))
    from kg.recognize.candidates import Candidate
    from kg.doc import Mention
    rule = Mention(0, 6, "临海市商务局", "Organization", source="org-rule")
    cands = [Candidate(rule, 1)]
    add_model_spans(text, [span], cands, [])
    assert [c.m.text for c in cands if c.m.source == SA.SOURCE] == []


def test_what_the_vetoes_leave_alone():
    # made-up: a place after a role character (省长|沙), a title after a suffix's first
    # characters (总会|计师), an institute after a legal form, a person named like a generic word
    text = "湖南省长沙市华锐科技有限公司研究院院长王立、甲乙总会计师张明出席。"
    s = text.index("长沙市")
    assert SA.vetoed(text, s, s + 3, "Organization") is None
    s = text.index("华锐")
    assert SA.vetoed(text, s, text.index("院长"), "Organization") is None
    s = text.index("甲乙")
    assert SA.vetoed(text, s, s + 2, "Organization") is None
    assert SA.vetoed("高新说", 0, 2, "Person") is None
    assert SA.vetoed("张明参观了科技研究院。", 5, 10, "Organization") == "a generic name"
    # an organization with a suffix of its own is no cut-off start of a longer one
    assert SA.vetoed("他在华锐大学工作。", 2, 6, "Organization", ["华锐大学出版社"]) is None


def test_the_second_reading_never_takes_a_vetoed_span(monkeypatch):
    from kg.doc import ModelSpan
    from kg.recognize.model_combination import add_model_spans

    text = "王院长出席会议。"
    span = ModelSpan(0, 3, "王院长", "Person", "PER")
    monkeypatch.setattr(SA, "shipped", lambda: SA.SpanAcceptor({"bias": 5.0}, 0.5))
    cands: list = []
    add_model_spans(text, [span], cands, [])
    assert [c.m.text for c in cands if c.m.source == SA.SOURCE] == []
