"""Train/dev/test by story, stratified by script and damage.

Articles about one story (the same event from two outlets, or near-identical
texts) share a ``story`` and always go to one split. Within each stratum
(script x damaged) stories are ordered by a hash of their id and a seed, and
taken for test, then dev, until each stratum holds its share. Deterministic:
the same rows and seed give the same splits. Run once; the test split is then
frozen (``kg corpus add`` puts new articles into train unless told).
"""

from __future__ import annotations

import hashlib
from collections import defaultdict

from kg.corpus.manifest import Row


def _shingles(text: str, n: int = 8) -> set[str]:
    s = "".join(text.split())
    return {s[i:i + n] for i in range(max(len(s) - n + 1, 1))}


def containment(a: str, b: str) -> float:
    """Share of the shorter text's character 8-grams found in the other (1.0:
    one text is a copy or an excerpt of the other)."""
    sa, sb = _shingles(a), _shingles(b)
    return len(sa & sb) / max(min(len(sa), len(sb)), 1)


def overlapping(text: str, others: dict[str, str], threshold: float = 0.5) -> list[str]:
    """Names of the ``others`` texts that ``text`` copies or excerpts (or is an excerpt of)."""
    return [name for name, other in others.items() if containment(text, other) >= threshold]


def same_story(a: str, b: str, jaccard: float = 0.35, contained: float = 0.5) -> bool:
    """Whether two texts are one story: near-identical (8-gram Jaccard at or above
    ``jaccard``, as :func:`group_stories`) or one copies or excerpts the other
    (:func:`containment` at or above ``contained``, as :func:`overlapping`)."""
    sa, sb = _shingles(a), _shingles(b)
    inter = len(sa & sb)
    if not inter:
        return False
    return inter / len(sa | sb) >= jaccard or inter / max(min(len(sa), len(sb)), 1) >= contained


def group_stories(rows: list[Row], texts: dict[str, str], threshold: float = 0.35) -> None:
    """Give near-duplicate texts one ``story`` (the smallest id among them):
    character 8-gram overlap (Jaccard) at or above ``threshold``."""
    sh = {r.id: _shingles(texts[r.id]) for r in rows}
    parent = {r.id: r.id for r in rows}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    ids = sorted(sh)
    for i, a in enumerate(ids):
        for b in ids[i + 1:]:
            inter = len(sh[a] & sh[b])
            if inter and inter / len(sh[a] | sh[b]) >= threshold:
                ra, rb = find(a), find(b)
                parent[max(ra, rb)] = min(ra, rb)
    for r in rows:
        r.story = find(r.id)


def assign_splits(rows: list[Row], test_share: float = 0.25, dev_share: float = 0.17, seed: str = "zhkg-corpus-v1") -> None:
    stories: dict[str, list[Row]] = defaultdict(list)
    for r in rows:
        stories[r.story or r.id].append(r)
    strata: dict[tuple, list[str]] = defaultdict(list)
    for story, members in stories.items():
        first = members[0]
        strata[(first.script, first.damaged)].append(story)
    for key in sorted(strata):
        ordered = sorted(strata[key], key=lambda s: hashlib.sha1(f"{seed}:{s}".encode()).hexdigest())
        size = sum(len(stories[s]) for s in ordered)
        want_test, want_dev = round(size * test_share), round(size * dev_share)
        n_test = n_dev = 0
        for story in ordered:
            members = stories[story]
            if n_test < want_test:
                split, n_test = "test", n_test + len(members)
            elif n_dev < want_dev:
                split, n_dev = "dev", n_dev + len(members)
            else:
                split = "train"
            for r in members:
                r.split = split
