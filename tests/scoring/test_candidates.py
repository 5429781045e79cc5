"""Relation candidates: which pairs are considered, and what their features say.

The sentences are made up; they illustrate the candidate rules, they do not
measure quality (docs/extraction.md has the figures on real articles)."""

from kg.doc import Event, Relation
from kg.scoring.candidates import SIGNATURES, WINDOW, candidates, without_rules
from tests.builders import make_article

TEXT = ("临海市委书记张明率队来到深圳。考察团一行先后走访了华锐公司。华锐公司董事长李青陪同考察。"
        "当天下午，双方举行座谈。第五句没有人。第六句也没有。王立出席了活动。")
ENTS = {"张明": "Person", "李青": "Person", "王立": "Person", "华锐公司": "Organization",
        "临海市委": "Organization", "深圳": "Place"}


def _find(cands, kind, s, o):
    return [c for c in cands if c.kind == kind and c.subject == s and c.object == o]


def _ids(article):
    return {e.name: i for i, e in enumerate(article.entities)}


def test_pairs_across_sentences_within_the_window_are_candidates():
    art = make_article(TEXT, ENTS)
    ids = _ids(art)
    cands = candidates(art)
    # 张明 (sentence 0) and 华锐公司 (sentence 1): a visit the sentence-level rules cannot see
    (c,) = _find(cands, "visited", ids["张明"], ids["华锐公司"])
    assert "dist:1" in c.features and "visited|dist:1" in c.features
    # 王立 is more than WINDOW sentences from everyone: no candidate with 张明
    assert WINDOW == 2
    assert not _find(cands, "metWith", min(ids["张明"], ids["王立"]), max(ids["张明"], ids["王立"]))


def test_types_follow_the_relation_signatures():
    art = make_article(TEXT, ENTS)
    for c in candidates(art):
        subject_types, object_types = SIGNATURES[c.kind]
        assert art.entities[c.subject].type in subject_types
        assert art.entities[c.object].type in object_types
        assert c.subject != c.object
        if c.kind == "metWith":
            assert c.subject < c.object  # symmetric: one candidate per pair


def test_candidates_of_some_kinds_are_those_of_every_kind_filtered():
    art = make_article(TEXT, ENTS)
    art.relations.append(Relation("locatedIn", _ids(art)["华锐公司"], _ids(art)["深圳"], 1))
    every = candidates(art)
    assert {c.kind for c in every} >= {"visited", "locatedIn", "partOf"}
    some = candidates(art, ["visited", "metWith"])
    assert some and some == [c for c in every if c.kind in ("visited", "metWith")]
    assert candidates(art, []) == []


def test_rule_verdicts_and_events_are_features_not_decisions():
    art = make_article(TEXT, ENTS)
    ids = _ids(art)
    art.relations.append(Relation("accompanied", ids["李青"], ids["张明"], 2))
    art.events.append(Event("Visit", agents=[ids["张明"]], targets=[ids["华锐公司"]], companions=[ids["李青"]]))
    cands = candidates(art)
    (acc,) = _find(cands, "accompanied", ids["李青"], ids["张明"])
    assert acc.by_rule and "rule" in acc.features and "ev:Visit:companion-agent" in acc.features
    (visit,) = _find(cands, "visited", ids["张明"], ids["华锐公司"])
    assert not visit.by_rule and "ev:Visit:agent-target" in visit.features
    # the model-only ablation sees no verdict of the rules
    stripped = without_rules(acc.features)
    assert "rule" not in stripped and "accompanied|rule" not in stripped
    assert "ev:Visit:companion-agent" in stripped


def test_trigger_classes_between_mentions():
    art = make_article("张明会见了李青。", {"张明": "Person", "李青": "Person"})
    (c,) = [c for c in candidates(art) if c.kind == "metWith"]
    assert "tb:meet" in c.features


def test_an_article_without_entities_has_no_candidates():
    art = make_article("没有任何名字。", {})
    assert candidates(art) == []


def test_people_of_one_place_or_body_are_marked_as_one_side():
    """place:nested (迎江区 lies in 安庆市) and org:shared (two posts in one
    body): the same side of a meeting, which rarely meet each other."""
    from kg.doc import Article
    from kg.pipeline import analyze_article

    text = "安庆市市长张明会见了华锐公司董事长李青。迎江区区长王立、安庆市副市长王芳参加会见。"
    art = Article(source="t.txt", raw=text, text=text)
    analyze_article(art, None, until="scoring")
    ids = _ids(art)
    cands = candidates(art)

    def feats(a, b):
        s, o = sorted((ids[a], ids[b]))
        (c,) = _find(cands, "metWith", s, o)
        return c.features

    assert "place:nested" in feats("张明", "王立")
    assert "org:shared" in feats("张明", "王芳")
    assert "place:nested" not in feats("张明", "李青") and "org:shared" not in feats("张明", "李青")


def test_a_leader_named_only_in_a_directive_phrase_is_quoted():
    """s_quoted / o_quoted: 王强 appears only in 贯彻…讲话精神 (data/context_directive_words.tsv)."""
    text = "市长张明会见了李青一行。会议要求贯彻王强同志重要讲话精神。"
    art = make_article(text, {"张明": "Person", "李青": "Person", "王强": "Person"})
    ids = _ids(art)
    cands = candidates(art)
    quoted = [c for c in cands if c.kind == "metWith" and ids["王强"] in (c.subject, c.object)]
    assert quoted and all(("s_quoted" if c.subject == ids["王强"] else "o_quoted") in c.features for c in quoted)
    (c,) = _find(cands, "metWith", *sorted((ids["张明"], ids["李青"])))
    assert "s_quoted" not in c.features and "o_quoted" not in c.features


def test_a_person_named_only_in_what_someone_said_is_quoted():
    """王强 named only after 张明说， or 他说， (a person's reported speech: data/trigger_speech.tsv,
    data/context_speaker_pronouns.tsv) is quoted like one named in a directive phrase; after a
    body's 新闻稿表示， he is not."""
    ents = {"张明": "Person", "李青": "Person", "王强": "Person"}

    def quoted_marks(text):  # for each metWith candidate of 王强: whether it is marked quoted
        art = make_article(text, ents)
        ids = _ids(art)
        cands = [c for c in candidates(art) if c.kind == "metWith" and ids["王强"] in (c.subject, c.object)]
        assert cands
        return [("s_quoted" if c.subject == ids["王强"] else "o_quoted") in c.features for c in cands]

    assert all(quoted_marks("市长张明会见了李青一行。张明说，王强同志提出的合作很重要。"))
    assert all(quoted_marks("市长张明会见了李青一行。他说，王强同志提出的合作很重要。"))  # a pronoun speaks
    assert not any(quoted_marks("市长张明会见了李青一行。市政府新闻稿表示，王强陪同会见。"))
    # 听取了介绍，: what 张明 heard (data/trigger_speech_heard.tsv), no speech of his
    assert not any(quoted_marks("市长张明会见了李青一行。张明听取了介绍，王强陪同会见。"))


def test_items_of_one_list_are_coordinated():
    """Mentions of one sentence joined by a coordination word (data/context_list_separators.tsv,
    scope coordination) are items of one list; people are listed with people only."""
    from kg.scoring.candidates import coordinated

    art = make_article("张明考察了华锐公司、海通集团、明泰公司。李青会见王立、赵阳。华锐公司位于临海市，海通集团在东川市。",
                       {"张明": "Person", "华锐公司": "Organization", "海通集团": "Organization",
                        "明泰公司": "Organization", "李青": "Person", "王立": "Person", "赵阳": "Person",
                        "临海市": "Place", "东川市": "Place"})
    ids = {e.name: i for i, e in enumerate(art.entities)}
    listed = coordinated(art)
    assert listed[ids["华锐公司"]] == {ids["海通集团"], ids["明泰公司"]}
    assert listed[ids["王立"]] == {ids["赵阳"]}
    # the meeting's sides, and names in separate clauses, are no list
    assert ids["李青"] not in listed and ids["临海市"] not in listed and ids["张明"] not in listed


def test_a_person_and_an_organization_are_not_one_list():
    from kg.scoring.candidates import coordinated

    art = make_article("会见了张明、华锐公司。", {"张明": "Person", "华锐公司": "Organization"})
    assert coordinated(art) == {}
