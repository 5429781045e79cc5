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


def test_a_bare_title_away_from_other_places_is_the_local_outlets_city():
    """梧州日报讯 …: a local outlet writes its own city's officials without the city's
    name, so a bare 市长 (and 市委) not preceded by another city in its sentence is
    梧州市's, even after 广州市 was the last city named."""
    text = ("梧州日报讯(记者 祝琳)8月26日，广州市领导出席博览会开幕式。\n"
            "市委副书记、市长朱学庆向嘉宾推介梧州六堡茶。")
    got = _posts(text)
    assert ("朱学庆", "市长", "梧州") in got
    assert ("朱学庆", "市委副书记", "梧州市委") in got
    # with another city written before it in its own sentence, that city still holds it
    # (王立, not 王一: 王一向 reads as 王 + 一向 "always" too, and the NER model doubts it)
    got = _posts("梧州日报讯(记者 祝琳)8月26日，广州市市长王立向嘉宾推介梧州六堡茶。")
    assert ("王立", "市长", "广州市") in got


def test_a_place_written_as_where_something_happened_names_no_later_bare_title():
    """甲市人民政府与中国科学院在北京签署协议。市长王一出席: 北京 is where it was signed,
    not the city the next sentence's bare 市长 belongs to (in recognition and in
    focus_place alike)."""
    text = "12月15日，重庆市人民政府与中国科学院在北京签署战略合作协议。市委副书记、市长唐良智出席。"
    got = _posts(text)
    assert ("唐良智", "市长", "重庆市") in got
    assert ("唐良智", "市委副书记", "重庆市委") in got
