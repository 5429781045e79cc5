

def test_a_place_at_the_start_of_a_person_found_elsewhere_gives_way():
    """韩国 in 韩国瑜: the person found by a title elsewhere takes the name back."""
    from kg.doc import Article
    from kg.nlp.loader import load_backend
    from kg.pipeline import analyze_article

    text = "高雄市长韩国瑜今天会见了临海市市长张明。韩国瑜表示，欢迎大家来高雄投资。"
    art = analyze_article(Article(source="t.txt", raw=text), load_backend(None), until="scoring")
    names = {(e.type, e.name) for e in art.entities}
    assert ("Person", "韩国瑜") in names and ("Place", "韩国") not in names


def test_a_place_the_gazetteer_does_not_know_is_found_wherever_it_is_written():
    """若樱町 found once (a model span, no code): its other occurrences are mentions too,
    where a place the gazetteer knows (code set) is left to the gazetteer's own scan."""
    from kg.doc import Mention
    from kg.recognize.repeats import repeats_and_variants

    text = "若樱町町长到访横山乡。如今若樱町与横山乡签署协定，临海市代表出席，临海市也签约。"
    first = Mention(0, 3, "若樱町", "Place", source="model")
    known = Mention(text.index("临海市"), text.index("临海市") + 3, "临海市", "Place", "City", "gazetteer", "临海市", "331082")
    found = repeats_and_variants(text, [first, known])
    again = [(m.start, m.text, m.source) for m in found if m.text == "若樱町" and m.start > 0]
    assert again == [(text.index("若樱町", 1), "若樱町", "repeat")]
    assert [m.start for m in found if m.text == "临海市"] == [known.start]  # not repeated here
    short = Mention(text.index("横山乡"), text.index("横山乡") + 2, "横山", "Place", source="model")
    assert not [m for m in repeats_and_variants(text, [short]) if m.source == "repeat"]  # two characters: no
