"""The trained last reading of chosen person names (kg.recognize.person_verifier):
features, dropping with a recorded decision, the switch, recording while training (on by default and part of
the cache key: tests/recognize/test_span_acceptor.py), and
the shipped weights on sentences written like the corpus's failures (made-up
illustrations; the measure is docs/extraction.md's, on real articles)."""

from __future__ import annotations

import pytest

from kg.doc import Article, Mention, Sentence
from kg.recognize import person_verifier as PV
from kg.recognize.span_acceptor import SpanAcceptor


def _article(text: str) -> Article:
    art = Article(source="t.txt", raw=text, text=text)
    art.sentences = [Sentence(0, len(text), text)]
    return art


def _person(text: str, name: str, source: str = "title-context", at: int = 0) -> Mention:
    s = text.index(name, at)
    return Mention(s, s + len(name), name, "Person", None, source, name)


def test_features_read_the_family_name_the_tags_and_the_surroundings():
    text = "县长魏传永与项目负责人交谈。"
    f = PV.person_features(text, "项目", [_person(text, "项目")], {})
    assert {"bias", "source:title-context", "ner:none", "first:项", "last:目", "left:与", "right:负",
            "len:2", "count:1", "script:cjk", "ends:2"} <= set(f)  # 负责人: a title ends it clearly
    g = PV.person_features(text, "魏传永", [_person(text, "魏传永")], {(2, 5): "Person"})
    assert "ner:Person" in g and "family:one" in g and "family_len:one|3" in g
    assert "script:latin" in PV.person_features("Maria Silva", "Maria Silva", [_person("Maria Silva", "Maria Silva")], {})


def test_a_common_word_and_its_part_of_speech_are_features():
    text = "县长魏传永与项目负责人交谈。"
    assert {"word:any", "word:n"} <= set(PV.person_features(text, "项目", [_person(text, "项目")], {}))
    assert "word:none" in PV.person_features(text, "魏传永", [_person(text, "魏传永")], {})


def test_the_common_words_are_words_of_two_to_four_characters_opening_with_a_family_name_and_no_names():
    import importlib.util
    from pathlib import Path

    from kg.recognize.persons import surnames

    spec = importlib.util.spec_from_file_location(
        "vendor_common_words", Path(__file__).resolve().parents[2] / "scripts" / "vendor_common_words.py")
    vendor = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(vendor)
    one, two = surnames()
    words = PV.common_words()
    assert len(words) > 20000 and {"项目": "n", "班子": "n", "秘书处": "n", "相谈甚欢": "l"}.items() <= words.items()
    # the shipped file is what the vendoring script's selection keeps of its own lines
    assert vendor.select((f"{w} 1 {t}" for w, t in words.items()), one, two) == sorted(words.items())
    assert not set(words.values()) & vendor.NAME_TAGS


def test_a_rejected_name_is_dropped_with_every_mention_and_the_drop_is_a_decision(monkeypatch):
    text = "魏传永与项目负责人交谈，了解项目情况。"
    art = _article(text)
    word = [_person(text, "项目"), _person(text, "项目", "repeat", at=8)]
    name = _person(text, "魏传永", "model")
    org = Mention(0, 2, "魏传", "Organization", None, "org-rule", "魏传")
    model = SpanAcceptor({"bias": 2.0, "first:项": -6.0}, threshold=0.5)
    monkeypatch.setattr(PV, "shipped", lambda: model)
    assert PV.verify(art, [*word, name, org]) == [name, org]  # other types are not read
    assert [d.decision for d in art.decisions] == ["rejected"] and "person_verifier" in art.decisions[0].reason


def test_off_it_drops_nothing_and_while_training_it_records_every_name(monkeypatch):
    text = "与项目负责人交谈。"
    ms = [_person(text, "项目")]
    monkeypatch.setattr(PV, "shipped", lambda: None)
    art = _article(text)
    assert PV.verify(art, ms) == ms and not art.decisions
    monkeypatch.setattr(PV, "_RECORD", [])
    assert PV.verify(_article(text), ms) == ms
    assert PV._RECORD[0][0] == "项目" and "first2:项目" in PV._RECORD[0][2]


@pytest.mark.parametrize("sentence,word,person", [
    ("11月22日，县委副书记、县长魏传永对屋顶光伏项目建设情况进行调研，并与项目负责人、企业负责人深入交谈。", "项目", "魏传永"),
    ("12月10日，市委政研室主任赵颖君率班子成员及科室负责人等17人来我区调研。", "班子", "赵颖君"),
    ("刘思江一行还与白鹭化纤集团高管层共同参加了博览会。", "高管层", "刘思江"),
    # common words (data/common_words.txt): dropped since the verifier reads them
    ("3月17日，温振顺总领事应约赴杜伊斯堡市政府拜会市长林克。", "应约", "温振顺"),
    ("县长张昌财、观光旅游局长杨胜评及秘书处处长张至渊陪同参访。", "秘书处", "张至渊"),
])
def test_the_shipped_weights_drop_words_read_as_names_and_keep_the_names(sentence, word, person, monkeypatch):
    from kg.nlp.loader import load_backend
    from kg.pipeline import analyze_article

    def persons():
        art = Article(source="t.txt", raw=sentence)
        analyze_article(art, load_backend())
        return {e.name for e in art.entities if e.type == "Person"}

    assert person in persons() and word not in persons()
    monkeypatch.setenv("ZHKG_PERSON_VERIFIER", "0")
    assert word in persons()  # the rules alone take the word for a name


def test_training_labels_a_name_by_the_gold_entities_of_its_type(monkeypatch):
    """1: a gold person's name or alias; 0: no gold entity's, or another type's; -1: an optional entry's."""
    from kg.recognize import train_spans as TS

    gold = {"t.txt": {"entities": [{"name": "魏传永", "type": "Person", "aliases": ["魏县长"]},
                                   {"name": "华锐公司", "type": "Organization"},
                                   {"name": "张三丰", "type": "Person", "optional": True}]}}
    seen = [("魏传永", ["魏传永"], ["a"]), ("魏县长", ["魏县长"], ["b"]), ("项目", ["项目"], ["c"]),
            ("华锐公司", ["华锐公司"], ["d"]), ("张三丰", ["张三丰"], ["e"])]
    monkeypatch.setattr(TS, "recorded", lambda paths, g, backend, component, until: [(Article(source="t.txt", raw=""), seen)])
    assert TS.chosen_names(PV, "Person")([], gold, None) == [(["a"], 1), (["b"], 1), (["c"], 0), (["d"], 0), (["e"], -1)]


def test_the_threshold_stays_under_every_gold_name_of_the_gated_articles(monkeypatch):
    """kg train-persons: the cost rule on corpus dev, capped under the lowest gold name of the seeds
    and the shared dev articles (a name their gates count must not be dropped)."""
    from kg.recognize import train_spans as TS

    names = [(["bias", "family:one"], 1)] * 40  # p 0.95
    words = [(["bias", "family:none"], 0)] * 20  # p 0.05
    phrases = [(["bias", "family:none", "right:层"], 0)] * 5  # p 0.31
    gated = (["bias", "family:none", "left:学"], 1)  # p 0.18: a name of the seeds that looks like a word
    weights = {"bias": 3.0, "family:one": 0.0, "family:none": -6.0, "right:层": 2.2, "left:学": 1.5}
    monkeypatch.setattr(TS, "fit", lambda samples, seed=1: dict(weights))
    monkeypatch.setattr(TS, "corpus_samples", lambda corpus, model, collect: {"train": [], "dev": names + words + phrases})
    free = TS.train_verifier("t", None, "person", log=lambda m: None)
    monkeypatch.setattr(TS, "gated_samples", lambda corpus, model, collect: [gated, (["bias"], 0)])
    capped = TS.train_verifier("t", None, "person", log=lambda m: None, keep_gated=True)
    p_gated = capped.probability(gated[0])
    assert free.threshold > p_gated  # on corpus dev alone the rule would drop the gated name
    assert capped.threshold <= p_gated and capped.meta["gated_names"] == 1
    assert capped.probability(words[0][0]) < capped.threshold  # and still drops the words
    assert capped.meta["dev_phrases_dropped"] == 20 and capped.meta["dev_names_dropped"] == 0
