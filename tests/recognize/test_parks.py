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


def test_a_zone_ending_in_yuanqu_or_pianqu_needs_a_place_at_its_start():
    # 园区, 片区 (data/org_park_suffixes.tsv, scope needs_anchor)
    text = "考察了白云区现代农业示范园区和钦州港片区。该园区发展迅速，示范园区建设加快。"
    places = [(text.index(n), text.index(n) + len(n)) for n in ("白云区", "钦州")]
    assert _names(find_parks(text, places=places)) == ["白云区现代农业示范园区", "钦州港片区"]
