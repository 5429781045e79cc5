"""A trained last reading of the organization names recognition chose.

Recognition keeps spans that read as names by their form: a suffix (大学,
商会, 化工), a list they stand in, the NER model's tag. On the corpus train
split about one organization name in five that it keeps names no gold organization
(践行大学 of 践行大学精神, 几所华文学校, 政府赋予商会, 世界一流大学, 销售加工):
a phrase that ends like a name. This component learns, from the train split's
gold names, which kept names are such phrases: a logistic regression
(:func:`kg.recognize.span_acceptor.fit`) over the name's features (its first
and last characters, its length, the sources that found it, how often it is
written, the characters around its first writing, which checks of
:mod:`kg.recognize.model_spans` it fails). A name whose probability is under
the threshold (chosen on the corpus dev split) is dropped with every mention
of it, and the drop is recorded as a decision of the recognition.

Only names written in the text are read (not a bare 市委 resolved to its
city's committee: kg.recognize.bare_bodies). The weights ship as
``org_verifier.json`` beside this module (``kg train-orgs`` writes it);
``ZHKG_ORG_VERIFIER=0`` turns the component off.
"""

from __future__ import annotations

from pathlib import Path

from kg.doc import Article, Mention
from kg.recognize import model_spans as MS
from kg.recognize.name_verifier import verify_names
from kg.recognize.span_acceptor import SpanAcceptor, failed_checks, weights_loaded, weights_on, weights_version

#: the shipped weights
SHIPPED = Path(__file__).with_name("org_verifier.json")

_LOADED: dict[str, SpanAcceptor | None] = {}
#: while training: (name, its written forms, features) of every name read, instead of judging them
_RECORD: list | None = None


def enabled() -> bool:
    """Whether the verifier reads the chosen organization names (``ZHKG_ORG_VERIFIER=0``: off)."""
    return weights_on(SHIPPED, "ZHKG_ORG_VERIFIER")


def version() -> str:
    """Part of the model version build records are keyed by: the weights' digest when on."""
    return weights_version(SHIPPED, "ZHKG_ORG_VERIFIER", "+orgs:")


def shipped() -> SpanAcceptor | None:
    """The shipped weights, loaded once; None when turned off or absent."""
    return weights_loaded(SHIPPED, "ZHKG_ORG_VERIFIER", _LOADED)


def org_features(text: str, name: str, mentions: list[Mention]) -> list[str]:
    """The features of the organization name ``name`` found as ``mentions``."""
    first = min(mentions, key=lambda m: m.start)
    s, e = first.start, first.end
    left, right = text[max(0, s - 2):s], text[e:e + 2]
    checks = failed_checks(text, s, e, name) + (["place_lead"] if MS._leading_place_end(name) > 0 else [])
    sources = sorted({m.source for m in mentions})
    return ["bias", *(f"check:{c}" for c in checks), *(f"source:{x}" for x in sources),
            f"sources:{'+'.join(sources)}", f"len:{min(len(name), 12)}",
            f"first:{name[:1]}", f"first2:{name[:2]}", f"last:{name[-1:]}", f"last2:{name[-2:]}",
            f"last3:{name[-3:]}", f"left:{left[-1:]}", f"left2:{left}", f"right:{right[:1]}", f"right2:{right}",
            f"count:{min(text.count(name), 4)}", f"mentions:{min(len(mentions), 4)}"]


def _read(m: Mention) -> bool:
    """Whether the verifier reads ``m``: an organization mention that is no bare body
    resolved to its place (``generic``)."""
    return m.type == "Organization" and not m.generic


def verify(article: Article, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` without the organization names the verifier rejects (each
    rejection recorded as a decision); while training, every name's features
    are recorded instead and nothing is dropped."""
    return verify_names(article, mentions, model=shipped() if _RECORD is None else None, record=_RECORD,
                        read=_read, features=lambda name, ms: org_features(article.text, name, ms),
                        what="Organization", component="kg.recognize.org_verifier",
                        reading="read as a phrase, not a name")
