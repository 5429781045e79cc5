"""A trained last reading of the person names recognition chose.

Recognition takes a person's name from its context: the words after a title
(副校长杨宗凯), before one (项目负责人), after an organization (集团高管层), a
byline, the NER model's tag. On the corpus train and dev splits about one
person name in twenty it keeps names no gold person, and such a name brings
its own meetings and positions: 项目 of 与项目负责人交谈 (a meeting with 项目),
班子 of 率班子成员, 相谈甚欢 of 李向农副校长相谈甚欢, 祝贺 of 向马总统祝贺. This
component learns, from the train split's gold names, which chosen names are
such words: a logistic regression (:func:`kg.recognize.span_acceptor.fit`) over
the name's features (whether it starts with a family name of
``data/surnames.txt`` or a Japanese one, and the characters of the given name
after a Chinese one; its script, length, first and last characters; how many
of its characters are never in given names; the sources that found it; the
NER model's tags on its writings; the characters around its first writing;
how clearly each writing ends, :func:`kg.recognize.persons.right_boundary`; how
often it is written; whether it is a common word that begins with a family name,
and its part of speech: 项目 n, 秘书处 n, 应约 v, 相谈甚欢 l, from jieba's
dictionary, data/common_words.txt, :func:`common_words`). A name whose probability is under the threshold is
dropped with every mention of it, and the drop is recorded as a decision of
the recognition. The threshold is chosen on the corpus dev split by the
organization verifier's cost rule, and kept under the probability of every
gold name of the seeds and the shared dev articles (``kg train-persons``:
:func:`kg.recognize.train_spans.train_verifier`), so the component drops
项目, 班子 and 高管层 above but keeps 相谈甚欢 and 祝贺.

The weights ship as ``person_verifier.json`` beside this module (``kg
train-persons`` writes it); ``ZHKG_PERSON_VERIFIER=0`` turns the component off.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

from kg.doc import Article, Mention
from kg.recognize import persons as P
from kg.recognize.name_verifier import verify_names
from kg.recognize.span_acceptor import weights_loaded, weights_version

#: the shipped weights
SHIPPED = Path(__file__).with_name("person_verifier.json")
FLAG = "ZHKG_PERSON_VERIFIER"

_LOADED: dict = {}
#: while training: (name, its written forms, features) of every name read, instead of judging them
_RECORD: list | None = None


def version() -> str:
    """Part of the model version build records are keyed by: the weights' digest when on."""
    return weights_version(SHIPPED, FLAG, "+persons:")


def shipped():
    """The shipped weights, loaded once; None when turned off or absent."""
    return weights_loaded(SHIPPED, FLAG, _LOADED)


@lru_cache(maxsize=1)
def common_words() -> dict[str, str]:
    """Common words that begin with a family name -> their part of speech
    (data/common_words.txt, from jieba's dictionary: scripts/vendor_common_words.py)."""
    text = resources.files("kg.lexicons").joinpath("data/common_words.txt").read_text(encoding="utf-8")
    out: dict[str, str] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            word, _, tag = line.partition("\t")
            out[word] = tag
    return out


def _script(name: str) -> str:
    if any(c.isascii() and c.isalpha() for c in name):
        return "latin"
    return "dot" if any(c in "·•." for c in name) else "cjk"


def _family(name: str) -> str:
    """The kind of family name ``name`` starts with: a Japanese one of
    data/person_japanese_surnames.tsv (佐佐木正一), a compound or single Chinese
    one of data/surnames.txt, or none."""
    one, two = P.surnames()
    if any(name.startswith(f) and len(name) > len(f) for f in P.japanese_surnames()):
        return "japanese"
    return "two" if name[:2] in two else "one" if name[:1] in one else "none"


def person_features(text: str, name: str, mentions: list[Mention], tags: dict[tuple[int, int], str]) -> list[str]:
    """The features of the person name ``name`` found as ``mentions``; ``tags``: the
    NER model's type of each of its spans, by (start, end)."""
    first = min(mentions, key=lambda m: m.start)
    s, e = first.start, first.end
    left, right = text[max(0, s - 2):s], text[e:e + 2]
    family = _family(name)
    odd = sum(1 for c in name[1:] if c in P.NON_NAME_CHARS)
    sources = sorted({m.source for m in mentions})
    ner = sorted({tags.get((m.start, m.end), "none") for m in mentions})
    size = min(len(name), 8)
    given = name[2:] if family == "two" else name[1:]
    return ["bias", *(f"source:{x}" for x in sources), f"sources:{'+'.join(sources)}",
            *(f"ner:{t}" for t in ner), f"script:{_script(name)}", f"family:{family}",
            f"family_len:{family}|{size}", f"len:{size}", f"odd:{min(odd, 2)}",
            f"first:{name[:1]}", f"first2:{name[:2]}", f"last:{name[-1:]}", f"last2:{name[-2:]}",
            f"left:{left[-1:]}", f"left2:{left}", f"right:{right[:1]}", f"right2:{right}",
            f"count:{min(text.count(name), 4)}", f"mentions:{min(len(mentions), 4)}",
            *(f"ends:{b}" for b in sorted({P.right_boundary(text, m.end) for m in mentions})),
            *(f"given:{c}" for c in sorted(set(given[:3])) if family in ("one", "two")),
            *_word_features(name)]


def _word_features(name: str) -> list[str]:
    """Whether ``name`` is a common word (项目, 班子, 相谈甚欢: :func:`common_words`), and its part of speech."""
    tag = common_words().get(name)
    return ["word:none"] if tag is None else ["word:any", f"word:{tag}"]


def _read(m: Mention) -> bool:
    return m.type == "Person"


def verify(article: Article, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` without the person names the verifier rejects (each rejection
    recorded as a decision); while training, every name's features are recorded
    instead and nothing is dropped."""
    model = shipped() if _RECORD is None else None
    if model is None and _RECORD is None:
        return mentions
    from kg.recognize.model_combination import model_spans_of

    tags = {(sp.start, sp.end): sp.type for sp in model_spans_of(article)}
    return verify_names(article, mentions, model=model, record=_RECORD, read=_read,
                        features=lambda name, ms: person_features(article.text, name, ms, tags),
                        what="Person", component="kg.recognize.person_verifier",
                        reading="read as a word, not a person's name")
