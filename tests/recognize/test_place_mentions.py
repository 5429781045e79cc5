from kg.doc import Mention
from kg.recognize.place_mentions import place_canonicals


def test_canonical_is_the_fullest_written_form():
    ms = [Mention(0, 2, "上海", "Place", "City", "gazetteer", "上海市", "310000"),
          Mention(5, 8, "上海市", "Place", "City", "gazetteer", "上海市", "310000"),
          Mention(9, 11, "苏州", "Place", "City", "gazetteer", "苏州市", "320500")]
    place_canonicals(ms)
    assert [m.canonical for m in ms] == ["上海市", "上海市", "苏州"]
