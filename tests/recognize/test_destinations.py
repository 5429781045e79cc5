"""The trained reading of the place or organization after a visit verb
(kg.recognize.destinations) and its training (kg.recognize.train_destinations)."""

from __future__ import annotations

import pytest

from kg.doc import Article
from kg.recognize import destinations as DS
from kg.recognize import train_destinations as TD
from kg.recognize.span_acceptor import SpanAcceptor


def _texts(text: str) -> list[tuple[str, str, int]]:
    return [(text[s:e], verb, item) for s, e, verb, item in DS.candidates(text)]


def test_candidates_end_at_boundaries_and_follow_a_list():
    text = "临海市市长张明先后考察了华锐科技有限公司、东川产业园和明泰基地，并来到怀柔科学城起步区进行调研。"
    assert _texts(text) == [("华锐科技有限公司", "考察", 0), ("东川产业园", "考察", 1), ("明泰基地", "考察", 2),
                            ("怀柔科学城起步区", "来到", 0)]


def test_a_one_character_verb_starts_no_list():
    # 感受到A、B: 到 inside a word; the first item is still read (and judged by the weights)
    assert [t for t, _v, item in _texts("深切感受到恒玄科技、战略谋划的力量。") if item > 0] == []


def test_a_stop_word_of_the_data_file_ends_a_destination():
    assert ("华锐科技有限公司", "来到", 0) in _texts("张明来到华锐科技有限公司看望员工。")


def test_a_candidate_that_crosses_or_repeats_a_proposed_mention_or_is_generic_is_not_read():
    text = "张明参观了华锐科技有限公司。"
    s, e = text.index("华锐"), text.index("。")
    assert DS.features(text, s, e, "参观", 0, [(s, e, "Organization")]) is None  # the same span
    assert DS.features(text, s, e, "参观", 0, [(s + 2, e + 1, "Organization")]) is None  # crosses
    inside = DS.features(text, s, e, "参观", 0, [(s, s + 2, "Organization")])
    assert inside is not None and "inside:1" in inside and "Organization|last:司" in inside
    generic = "张明到工业园区调研。"
    g = generic.index("工业园区")
    assert DS.features(generic, g, g + 4, "到", 0, []) is None  # a generic head, never a name


def test_features_read_the_span_and_the_verb():
    text = "张明考察了东成电动工具。"
    s = text.index("东成")
    f = DS.features(text, s, s + 6, "考察", 0, [])
    assert {"verb:考察", "item:0", "le:1", "last:具", "last2:工具", "first2:东成", "after:。", "inside:0"} <= set(f)


@pytest.fixture(scope="module")
def backend():
    from kg.nlp.loader import load_backend

    return load_backend(None)


TEXT = "临海市市长张明一行考察了东成电动工具，并与企业负责人座谈。"


def _names(backend, text: str = TEXT) -> dict[str, tuple[str, str]]:
    from kg.pipeline import analyze_article

    art = analyze_article(Article(source="x.txt", raw=text), backend, until="context")
    return {m.text: (m.type, m.source) for m in art.mentions}


def test_an_accepted_destination_becomes_a_mention_of_the_chosen_type(backend, monkeypatch):
    monkeypatch.setattr(DS, "shipped", lambda: None)
    assert "东成电动工具" not in _names(backend)  # the rules and the model miss it
    org = DS.Destinations(SpanAcceptor({"bias": -3.0, "last2:工具": 6.0}, 0.5), SpanAcceptor({"bias": -2.0}, 0.5))
    monkeypatch.setattr(DS, "shipped", lambda: org)
    assert _names(backend)["东成电动工具"] == ("Organization", DS.SOURCE)
    place = DS.Destinations(org.accept, SpanAcceptor({"bias": 2.0}, 0.5))
    monkeypatch.setattr(DS, "shipped", lambda: place)
    assert _names(backend)["东成电动工具"][0] == "Place"
    refuse = DS.Destinations(SpanAcceptor({"bias": -3.0}, 0.5), org.place)
    monkeypatch.setattr(DS, "shipped", lambda: refuse)
    assert "东成电动工具" not in _names(backend)


def test_while_training_candidates_are_recorded_not_judged(backend, monkeypatch):
    monkeypatch.setattr(DS, "_RECORD", [])
    names = _names(backend)
    assert "东成电动工具" not in names
    assert any(TEXT[s:e] == "东成电动工具" for s, e, _f in DS._RECORD)


def _labels(backend, tmp_path, entity: dict) -> list[tuple[int, int]]:
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    gold = {"a.txt": {"entities": [{"name": "张明", "type": "Person"}, entity]}}
    return [(y, p) for f, y, p in TD.destination_spans([path], gold, backend) if "last2:工具" in f]


def test_training_labels_names_their_type_and_leaves_out_optional_entries(backend, tmp_path):
    assert _labels(backend, tmp_path, {"name": "东成电动工具", "type": "Organization"}) == [(1, 0)]
    assert _labels(backend, tmp_path, {"name": "东成电动工具", "type": "Place"}) == [(1, 1)]
    assert _labels(backend, tmp_path, {"name": "东成电动工具", "type": "Organization", "optional": True}) == [(-1, 0)]
    assert _labels(backend, tmp_path, {"name": "华锐公司", "type": "Organization"}) == [(0, 0)]


def test_weights_survive_saving(tmp_path):
    d = DS.Destinations(SpanAcceptor({"bias": -1.0, "last:司": 2.0}, 0.4), SpanAcceptor({"last:区": 3.0}, 0.5), {"seed": 1})
    d.save(tmp_path / "w.json")
    again = DS.Destinations.load(tmp_path / "w.json")
    assert again.accept.weights == d.accept.weights and again.accept.threshold == 0.4
    assert again.place.weights == d.place.weights and again.meta == {"seed": 1}


def test_kg_train_destinations_refuses_a_folder_without_a_corpus(tmp_path, capsys):
    assert TD.run_train_destinations(str(tmp_path)) == 2
    assert "not an annotated corpus" in capsys.readouterr().err
