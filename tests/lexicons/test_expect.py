"""kg.lexicons.expect: the expectation language of lexicon examples."""

from kg.lexicons.expect import check


def test_a_name_written_with_spaces_is_written_with_underscores():
    doc = {"entities": [{"name": "Maria Silva", "type": "Person"}], "positions": []}
    assert check("entity Person Maria_Silva", doc) == []
    assert check("entity Person Maria_Silvia", doc) == ["entity Person Maria_Silvia"]
    assert check("no-entity Maria_Silva", doc) == ["no-entity Maria_Silva"]
