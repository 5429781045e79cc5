"""Union-find with cannot-link tags.

Each set may carry tags (slot -> value), e.g. ``{"code": "410400"}``. Two sets
whose tags disagree on a slot are never united: a place with code 410400 and
one with 410300 stay apart whatever their names say.
"""

from __future__ import annotations


class TaggedUnionFind:
    def __init__(self, size: int) -> None:
        self._parent = list(range(size))
        self._tags: list[dict[str, str] | None] = [None] * size

    def find(self, x: int) -> int:
        parent = self._parent
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    def tag(self, x: int, slot: str, value: str) -> bool:
        """Attach a tag to x's set; False (and no change) when it conflicts."""
        r = self.find(x)
        tags = self._tags[r]
        if tags is None:
            tags = self._tags[r] = {}
        if tags.get(slot, value) != value:
            return False
        tags[slot] = value
        return True

    def tags(self, x: int) -> dict[str, str]:
        return dict(self._tags[self.find(x)] or {})

    def compatible(self, a: int, b: int) -> bool:
        ta, tb = self._tags[self.find(a)], self._tags[self.find(b)]
        if not ta or not tb:
            return True
        return all(tb.get(slot, value) == value for slot, value in ta.items())

    def union(self, a: int, b: int) -> bool:
        """Unite the sets of a and b unless their tags conflict; True when they are one set after."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if not self.compatible(ra, rb):
            return False
        if rb < ra:  # smaller index stays root: deterministic
            ra, rb = rb, ra
        self._parent[rb] = ra
        tb = self._tags[rb]
        if tb:
            ta = self._tags[ra]
            if ta is None:
                self._tags[ra] = dict(tb)
            else:
                ta.update(tb)
            self._tags[rb] = None
        return True
