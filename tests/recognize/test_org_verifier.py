"""The trained last reading of chosen organization names (kg.recognize.org_verifier):
features, dropping with a recorded decision, the threshold, training labels (on
by default and part of the cache key: tests/recognize/test_span_acceptor.py,
which tests the weights switch both share)."""

from __future__ import annotations

from kg.doc import Article, Mention, Sentence
from kg.recognize import org_verifier as OV
from kg.recognize.span_acceptor import SpanAcceptor, fit
from kg.recognize.train_spans import choose_reject_threshold


def _article(text: str) -> Article:
    art = Article(source="t.txt", raw=text, text=text)
    art.sentences = [Sentence(0, len(text), text)]
    return art


def _org(text: str, name: str, source: str = "org-rule", generic: bool = False, canonical: str = "") -> Mention:
    s = text.index(name)
    return Mention(s, s + len(name), name, "Organization", "Company", source, canonical or name, generic=generic)


def test_features_read_the_name_its_sources_and_its_surroundings():
    text = "我们要践行大学精神，华锐研究所。"
    f = OV.org_features(text, "践行大学", [_org(text, "践行大学", "model")])
    assert {"bias", "source:model", "first2:践行", "last2:大学", "left:要", "right:精", "count:1"} <= set(f)
    assert "check:cut_right" in f  # 大学|精神: the name runs into a word
    g = OV.org_features(text, "华锐研究所", [_org(text, "华锐研究所")])
    assert "check:suffix" in g and "check:cut_right" not in g


def test_a_rejected_name_is_dropped_with_every_mention_and_the_drop_is_a_decision(monkeypatch):
    text = "我们要践行大学精神。践行大学很好。华锐研究所来了。"
    art = _article(text)
    phrase = [_org(text, "践行大学", "model"), Mention(10, 14, "践行大学", "Organization", "University", "repeat", "践行大学")]
    name = _org(text, "华锐研究所")
    body = Mention(0, 2, "我们", "Organization", "GovernmentBody", "generic-body", "临海市委", generic=True)
    model = SpanAcceptor({"bias": 2.0, "source:model": -6.0}, threshold=0.5)
    monkeypatch.setattr(OV, "shipped", lambda: model)
    kept = OV.verify(art, [*phrase, name, body])
    assert kept == [name, body]  # a bare body resolved to its place is not read
    assert [d.decision for d in art.decisions] == ["rejected"] and "org_verifier" in art.decisions[0].reason


def test_off_it_drops_nothing_and_records_nothing(monkeypatch):
    text = "我们要践行大学精神。"
    art = _article(text)
    ms = [_org(text, "践行大学", "model")]
    monkeypatch.setattr(OV, "shipped", lambda: None)
    assert OV.verify(art, ms) == ms and not art.decisions


def test_while_training_every_name_is_recorded_and_kept(monkeypatch):
    text = "我们要践行大学精神。"
    ms = [_org(text, "践行大学", "model")]
    monkeypatch.setattr(OV, "_RECORD", [])
    assert OV.verify(_article(text), ms) == ms
    assert OV._RECORD[0][0] == "践行大学" and "source:model" in OV._RECORD[0][2]


def test_the_threshold_drops_what_pays_and_stays_under_the_cap():
    names = [(["bias", "check:suffix"], 1)] * 30
    phrases = [(["bias", "check:cut_right"], 0)] * 20
    model = SpanAcceptor(fit(names + phrases + [(["bias"], -1)] * 40, epochs=20))
    threshold, right, wrong = choose_reject_threshold(model, names + phrases)
    assert (right, wrong) == (0, 20) and model.probability(phrases[0][0]) < threshold <= 0.5
    assert model.probability(names[0][0]) >= threshold


