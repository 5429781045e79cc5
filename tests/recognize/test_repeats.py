

def test_a_place_at_the_start_of_a_person_found_elsewhere_gives_way():
    """韩国 in 韩国瑜: the person found by a title elsewhere takes the name back."""
    from kg.doc import Article
    from kg.nlp.loader import load_backend
    from kg.pipeline import analyze_article

    text = "高雄市长韩国瑜今天会见了临海市市长张明。韩国瑜表示，欢迎大家来高雄投资。"
    art = analyze_article(Article(source="t.txt", raw=text), load_backend(None), until="scoring")
    names = {(e.type, e.name) for e in art.entities}
    assert ("Person", "韩国瑜") in names and ("Place", "韩国") not in names
