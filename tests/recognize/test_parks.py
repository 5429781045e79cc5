from kg.recognize.parks import find_parks


def _names(found):
    """Names of the maximal matches (nested ones left out)."""
    return [o.text for o in found if not any(p is not o and p.start <= o.start and o.end <= p.end for p in found)]


def test_parks():
    text = "来唐山高新区调研,国家高新区"
    assert _names(find_parks(text, places=[(1, 3)])) == ["唐山高新区"]


def test_generic_word_park_is_no_park():
    assert find_parks("双方在智慧产业园考察。") == []


def test_amounts_are_no_parks():
    assert find_parks("打造千亩花卉产业园。") == []
