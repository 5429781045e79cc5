"""kg.context.place_context: which place a bare body word (县委, 市政府) is named after."""

from kg.doc import Article
from kg.evaluation.from_article import article_to_gold_shape
from kg.nlp.loader import load_backend
from kg.pipeline import analyze_article


def _posts(text: str) -> set[tuple[str, str, str | None]]:
    art = analyze_article(Article(source="t.txt", raw=text), load_backend(None), until="scoring")
    return {(p["person"], p["title"], p.get("in")) for p in article_to_gold_shape(art)["positions"]}


def test_a_bare_body_is_not_the_guests_who_come_to_the_writers_own_place():
    """乙县党政考察团在…的带领下来我县考察 (a self reference after the coming verb):
    乙县 is the guests' home, so a later bare 县委 is the host county's (甘泉县委),
    named in the article, not the guests'."""
    text = ("7月25日，清涧县党政考察团在清涧县委副书记、县长高明伟的带领下来我县考察。县委副书记李四陪同。\n"
            "李四介绍了甘泉县的发展情况，希望甘泉县与清涧县加强交流。")
    got = _posts(text)
    assert ("李四", "县委副书记", "甘泉县委") in got
    assert ("高明伟", "县委副书记", "清涧县委") in got
