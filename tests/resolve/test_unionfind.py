from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kg.resolve.unionfind import TaggedUnionFind


def test_conflicting_tags_block_union():
    uf = TaggedUnionFind(4)
    assert uf.tag(0, "code", "410400") and uf.tag(1, "code", "410300")
    assert uf.union(0, 2) and uf.tags(2) == {"code": "410400"}
    assert not uf.union(2, 1)
    assert uf.find(1) != uf.find(0)
    assert not uf.tag(2, "code", "999999")
    assert uf.union(1, 3) and uf.tags(3) == {"code": "410300"}


@given(st.lists(st.tuples(st.integers(0, 19), st.integers(0, 19)), max_size=60))
def test_union_is_an_equivalence_without_tags(pairs):
    uf = TaggedUnionFind(20)
    for a, b in pairs:
        assert uf.union(a, b)
    for a, b in pairs:
        assert uf.find(a) == uf.find(b)
    for x in range(20):
        assert uf.find(uf.find(x)) == uf.find(x) and uf.find(x) <= x  # smallest element is the root
