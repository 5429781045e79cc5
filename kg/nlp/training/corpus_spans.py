"""Training sentences from the annotated corpus: gold names projected onto the normalized text.

The gold files (``corpus/gold/<id>.json``) list each article's entities by name
and aliases, not by offset. For NER training they are projected back onto the
text the model sees at prediction time: the article is read and normalized by
the pipeline's own stages (Traditional -> Simplified, garbage removed ...),
then every gold name and alias is searched in that text, longest first, and
each occurrence not overlapping a longer one already taken is tagged
PER/ORG/LOC (IOBES). The text is then cut the way
:class:`kg.nlp.offline.OfflineHanLP` cuts it (sentences, then chunks of at
most 150 characters after punctuation).

The guide asks for every named person, organization and place, so a
character no gold name covers is taken as ``O`` -- but only in a piece where
that is safe. A piece is dropped when

* an occurrence of a gold name crosses a taken occurrence (neither contains
  the other: the boundary is in doubt);
* a name of two gold types occurs in it (the type is in doubt);
* an ``optional`` entry occurs in it outside a longer name (whether it is an
  entity is in doubt);
* a one-character alias (沈 for 沈阳, 德 for 德国) occurs in it outside a longer
  name (the same character is often no name at all);
* a chunk cut falls inside a tagged name.

Only the ``train`` and ``dev`` splits are ever read here (the ``test`` split is
frozen and refused).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from kg.nlp.training.msra import TaggedSentence

#: gold entity types -> the model's labels
TYPE_LABELS = {"Person": "PER", "Organization": "ORG", "Place": "LOC"}
#: corpus splits this module reads (the test split is frozen)
READABLE_SPLITS = ("train", "dev")


@dataclass
class Projection:
    """One article's text with its gold names placed on it."""

    text: str
    #: ``(start, end, label)`` half-open, non-overlapping, sorted
    spans: list[tuple[int, int, str]] = field(default_factory=list)
    #: ``(start, end)`` regions whose labels are in doubt (crossing names, optional names, ambiguous types)
    doubtful: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class CorpusStats:
    articles: int = 0
    pieces: int = 0
    kept: int = 0
    entities: int = 0
    dropped_doubtful: int = 0
    dropped_cut: int = 0

    def summary(self) -> str:
        return (f"{self.articles} articles, {self.pieces} pieces, {self.kept} kept with {self.entities} entities; "
                f"dropped: {self.dropped_doubtful} doubtful, {self.dropped_cut} cut inside a name")


def gold_names(gold: dict) -> tuple[dict[str, str], set[str], set[str]]:
    """``(surface -> label, ambiguous surfaces, optional surfaces)`` from a gold file's entities."""
    labels: dict[str, str] = {}
    ambiguous: set[str] = set()
    optional: set[str] = set()
    for entity in gold.get("entities", []):
        label = TYPE_LABELS.get(entity.get("type", ""))
        surfaces = {entity.get("name", ""), *(entity.get("aliases") or [])} - {""}
        for surface in surfaces:
            if label is None or entity.get("optional"):
                optional.add(surface)
                continue
            if labels.get(surface, label) != label:
                ambiguous.add(surface)
            labels[surface] = label
    return labels, ambiguous, optional - set(labels)


def _occurrences(text: str, surface: str):
    start = text.find(surface)
    while start >= 0:
        yield start, start + len(surface)
        start = text.find(surface, start + 1)


def project(text: str, gold: dict) -> Projection:
    """Place the gold names on ``text``: longest first, no overlaps; doubtful regions recorded."""
    labels, ambiguous, optional = gold_names(gold)
    owner = [-1] * len(text)  # index of the taken span covering each character
    taken: list[tuple[int, int, str]] = []
    doubtful: list[tuple[int, int]] = []
    surfaces = sorted({*labels, *optional}, key=lambda s: (-len(s), s))
    for surface in surfaces:
        for start, end in _occurrences(text, surface):
            covering = {owner[i] for i in range(start, end)}
            if covering == {-1}:
                if surface in labels and surface not in ambiguous and len(surface) > 1:
                    for i in range(start, end):
                        owner[i] = len(taken)
                    taken.append((start, end, labels[surface]))
                else:
                    doubtful.append((start, end))
            elif len(covering) == 1 and -1 not in covering:
                continue  # inside one longer name: that name stands
            else:
                doubtful.append((start, end))  # crosses a name: the boundary is in doubt
    return Projection(text, sorted(taken), sorted(doubtful))


def iobes(length: int, spans: list[tuple[int, int, str]], offset: int = 0) -> list[str]:
    """IOBES tags of ``length`` characters from half-open spans (shifted by ``-offset``)."""
    tags = ["O"] * length
    for start, end, label in spans:
        start, end = start - offset, end - offset
        if end - start == 1:
            tags[start] = f"S-{label}"
            continue
        tags[start] = f"B-{label}"
        for i in range(start + 1, end - 1):
            tags[i] = f"I-{label}"
        tags[end - 1] = f"E-{label}"
    return tags


def tagged_pieces(projection: Projection, sentences, max_length: int, stats: CorpusStats) -> list[TaggedSentence]:
    """The safe pieces of the article, cut like the offline backend cuts them (see module doc)."""
    from kg.nlp.offline import chunk_text

    out: list[TaggedSentence] = []
    for sentence in sentences:
        for offset, piece in chunk_text(sentence.text, max_length):
            start = sentence.start + offset
            end = start + len(piece)
            stats.pieces += 1
            if any(s < end and start < e for s, e in projection.doubtful):
                stats.dropped_doubtful += 1
                continue
            inside = [(s, e, label) for s, e, label in projection.spans if s < end and start < e]
            if any(s < start or e > end for s, e, _ in inside):
                stats.dropped_cut += 1
                continue
            out.append(TaggedSentence(list(piece), iobes(len(piece), inside, offset=start)))
            stats.kept += 1
            stats.entities += len(inside)
    return out


def corpus_sentences(root: Path, split: str, max_length: int | None = None) -> tuple[list[TaggedSentence], CorpusStats]:
    """Tagged pieces of every article of a corpus split (``train`` or ``dev``), in article order."""
    from kg.corpus.manifest import split_articles
    from kg.normalize.pipeline import normalize
    from kg.nlp.offline import DEFAULT_MAX_LENGTH
    from kg.reading.reader import read_file

    if split not in READABLE_SPLITS:
        raise ValueError(f"corpus split {split!r}: only {' and '.join(READABLE_SPLITS)} are read for training")
    root = Path(root)
    articles = split_articles(root, split)
    if not articles:
        raise FileNotFoundError(f"no {split} articles in {root / 'manifest.tsv'}")
    stats = CorpusStats()
    out: list[TaggedSentence] = []
    for path in articles:
        gold_path = root / "gold" / f"{path.stem}.json"
        if not gold_path.is_file():
            continue
        article = read_file(path, 5_000_000, path.name)
        if not hasattr(article, "raw"):
            continue
        normalize(article)
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        out.extend(tagged_pieces(project(article.text, gold), article.sentences, max_length or DEFAULT_MAX_LENGTH, stats))
        stats.articles += 1
    return out, stats
