"""The trained choice of a body for a post the title rules left without one
(kg.relations.post_bodies) and its training (kg.relations.train_posts)."""

from __future__ import annotations

import pytest

from kg.doc import Article
from kg.recognize.span_acceptor import SpanAcceptor
from kg.relations import post_bodies as PB
from kg.relations import train_posts as TP

#: the university is named only after the post (no rule reaches it), a company before it
TEXT = "党委常委、副校长赵长林一行到华锐科技有限公司调研。聊城大学将与该公司深化合作。"


@pytest.fixture(scope="module")
def backend():
    from kg.nlp.loader import load_backend

    return load_backend(None)


def _analyze(backend, text: str = TEXT) -> Article:
    from kg.pipeline import analyze_article

    return analyze_article(Article(source="x.txt", raw=text), backend, until="events")


def _posts(article: Article) -> set[tuple[str, str, str | None]]:
    return {(article.entities[p.person].name, p.title, p.org if p.org is None else article.entities[p.org].name)
            for p in article.positions}


@pytest.fixture
def weights(monkeypatch):
    """Put ``SpanAcceptor`` weights in place of the shipped ones."""
    def use(chooser):
        monkeypatch.setattr(PB, "shipped", lambda: chooser)
    return use


def test_the_rules_leave_the_post_without_a_body(backend, weights):
    weights(None)
    assert ("赵长林", "副校长", None) in _posts(_analyze(backend))


def test_the_candidate_of_the_roles_kind_named_after_the_post_is_chosen(backend, weights):
    weights(SpanAcceptor({"bias": -2.0, "kind:fits": 4.0}, 0.6))
    article = _analyze(backend)
    assert ("赵长林", "副校长", "聊城大学") in _posts(article)
    assert ("赵长林", "党委常委", None) in _posts(article)  # 党委常委: a role of no kind, under the threshold
    chosen = [d for d in article.decisions if d.kind == "positions" and d.decision == "kept" and d.object == "聊城大学"]
    assert chosen and any(s.startswith("p=") for s in chosen[0].signals)
    affiliated = {(article.entities[r.subject].name, article.entities[r.object].name)
                  for r in article.relations if r.kind == "affiliatedWith"}
    assert ("赵长林", "聊城大学") in affiliated  # the affiliation follows the post


def test_under_the_threshold_the_post_stays_without_a_body(backend, weights):
    weights(SpanAcceptor({"bias": -2.0, "kind:fits": 4.0}, 0.99))
    assert ("赵长林", "副校长", None) in _posts(_analyze(backend))


def test_a_place_role_is_never_given_a_body_here(backend, weights):
    weights(SpanAcceptor({"bias": 5.0}, 0.5))
    posts = _posts(_analyze(backend, "副市长王立一行到华锐科技有限公司调研。"))
    assert ("王立", "副市长", "华锐科技有限公司") not in posts


def test_features_describe_the_pair(backend, weights, monkeypatch):
    weights(None)
    monkeypatch.setattr(PB, "_RECORD", [])
    article = _analyze(backend)
    assert PB._RECORD, "the bare post was recorded while training"
    cands = {article.entities[c].name: set(f) for i, cs in PB._RECORD for c, f in cs
             if article.positions[i].title == "副校长"}
    assert {"kind:fits", "only_aft:1", "kind|only_aft:1", "e2:大学", "t|e2:校长|大学"} <= cands["聊城大学"]
    assert {"kind:other", "only_aft:0", "first_org", "generic_ref"} <= cands["华锐科技有限公司"]  # 该公司
    assert ("赵长林", "副校长", None) in _posts(article)  # recorded, not judged


def test_training_labels_each_candidate_against_the_gold_post(backend, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    gold = {"a.txt": {"entities": [{"name": "赵长林", "type": "Person"},
                                   {"name": "聊城大学", "type": "Organization"},
                                   {"name": "华锐科技有限公司", "type": "Organization"}],
                      "positions": [{"person": "赵长林", "title": "副校长", "in": "聊城大学"}]}}
    posts = TP.bare_posts([path], gold, backend)
    assert len(posts) == 1  # 党委常委 is not a gold post of his: left out
    labels = sorted(y for y, _f in posts[0])
    assert labels == [0, 1]
    right = next(f for y, f in posts[0] if y == 1)
    assert "e2:大学" in right


def test_the_threshold_counts_each_posts_best_candidate():
    chooser = SpanAcceptor({"good": 3.0, "bad": 1.0, "bias": -1.0}, 1.0)
    posts = [[(1, ["bias", "good"]), (0, ["bias", "bad"])]] * 5 + [[(0, ["bias", "bad"])]] * 3
    threshold, right, wrong = TP.choose_threshold(chooser, posts)
    assert (right, wrong) == (5, 0)
    assert chooser.probability(["bias", "bad"]) < threshold <= chooser.probability(["bias", "good"])


def test_kg_train_posts_refuses_a_folder_without_a_corpus(tmp_path, capsys):
    assert TP.run_train_posts(str(tmp_path)) == 2
    assert "not an annotated corpus" in capsys.readouterr().err
