"""kg.recognize.org_places: where a government body's name starts."""

from kg.recognize.org_places import place_anchor


def _anchor(text: str, place: str, suffix: str) -> int | None:
    s = text.index(suffix, text.index(place) + len(place) - 1)
    start = text.index(place)
    return place_anchor(text, s, suffix, {start + len(place): start})


def test_a_party_written_before_the_place_chain_starts_the_name():
    """中共钦州市委 and 民盟钦州市委 start at their party (data/org_party_heads.tsv): the
    second is another party's committee, not 钦州市委."""
    assert _anchor("会见中共钦州市委书记张明。", "钦州市", "市委") == 2
    assert _anchor("会见民盟钦州市委主委张明。", "钦州市", "市委") == 2
    assert _anchor("会见致公党四川省委主委张明。", "四川省", "省委") == 2
    assert _anchor("会见钦州市委书记张明。", "钦州市", "市委") == 2
