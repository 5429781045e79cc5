from kg.recognize.abbreviations import local_abbreviations
from kg.relations.relations import extract_relations

from tests.builders import make_article, triples


def test_a_local_abbreviation_is_a_visit_to_the_place_it_starts():
    art = make_article("王一一行来宜考察。宜昌市市长王二陪同。", {"王一": "Person", "王二": "Person", "宜昌市": "Place"})
    extract_relations(art)
    assert ("王一", "宜昌市") in triples(art, "visited")


def test_an_ambiguous_or_unknown_character_is_no_abbreviation():
    art = make_article("王一来宜考察。宜昌市和宜宾市。", {"王一": "Person", "宜昌市": "Place", "宜宾市": "Place"})
    assert local_abbreviations(art, 0, len(art.text)) == []
    art = make_article("王一来甲考察。乙市。", {"王一": "Person", "乙市": "Place"})
    assert local_abbreviations(art, 0, len(art.text)) == []
