"""The NLP model's spans combined with the rule candidates.

Each model span is checked on its own text (no digits, no generic word such
as 公司 or 双方) and then judged against the rule spans
(kg.recognize.model_spans); a model organization that contains rule mentions
(台湾甲乙集团 over the place 台湾) replaces them.
"""

from __future__ import annotations

from kg.doc import Article, Mention
from kg.lexicons import gazetteer as G
from kg.recognize import model_spans as MS
from kg.lexicons import org_lexicon as LX
from kg.recognize import persons as P
from kg.recognize import span_acceptor as SA
from kg.recognize.candidates import RULE_RANK, Candidate
from kg.recognize.place_mentions import place_subtype


def model_spans_of(article: Article):
    for s in article.sentences:
        a = s.analysis
        if a is None:
            continue
        for sp in a.entities:
            yield sp


def valid_model_span(text: str, typ: str) -> bool:
    """Checks on a model span's own text (no context): see kg.recognize.model_spans."""
    if not text or text in LX.GENERIC_ORGS or any(c.isdigit() for c in text):
        return False
    if any(c in P.PUNCT and c != "·" for c in text):
        return False
    if typ == "Person":  # a personal name, or an entity of uncertain type judged as a brand
        return MS.person_form(text) or not (MS.has_stop(text) or MS.is_group(text))
    if typ in ("Organization", "Place"):
        return 2 <= len(text) and not (MS.has_stop(text) or MS.is_group(text) or MS.is_generic_name(text)
                                       or MS.is_generic_body(text))
    return False


def same_place(m, place_hits) -> list:
    """The gazetteer place a model place span only writes out (甲乙 + 州 for
    甲乙自治州: the place's own name ends the same way), as a lookup result."""
    inner = [p for s, e, p in place_hits if m.start <= s and e <= m.end and (s, e) != (m.start, m.end)]
    if len(inner) == 1 and inner[0].name.endswith(m.text[-1]) and inner[0].name != m.text:
        return inner
    return []


def add_model_spans(text: str, model, cands: list[Candidate], place_hits) -> None:
    """Judge each model span against the rule candidates (kg.recognize.model_spans);
    a model organization that contains rule mentions (台湾X集团 over two places)
    replaces them, so it is ranked with the rules."""
    from kg.recognize.coref import abbreviation_target

    spans = [(c.m.start, c.m.end, c.m.type) for c in cands]
    spans += [(s, e, "Place") for s, e, _ in place_hits]
    org_names = sorted({c.m.canonical or c.m.text for c in cands if c.m.type == "Organization" and not c.m.generic
                        and len(c.m.text) >= 4})
    view = MS.RuleView(text, spans, org_names)
    acceptor = SA.shipped()
    seen: set[tuple[int, int]] = set()
    for sp in model:
        if (sp.start, sp.end) in seen:
            continue
        seen.add((sp.start, sp.end))
        trimmed = MS.trim(sp, text)
        valid = valid_model_span(trimmed.text, sp.type)
        m = MS.judge(sp, view, lambda short: abbreviation_target(short, org_names) is not None) if valid else None
        if m is None:
            m = _second_reading(text, trimmed, sp, valid, view, acceptor)
        if m is None:
            continue
        if m.type == "Organization" and m.subtype is None:
            m.subtype = LX.org_subtype(m.text)
        if m.type == "Place":
            hits = G.lookup(m.text) or same_place(m, place_hits)
            if hits:
                m.subtype, m.canonical, m.code = place_subtype(hits[0]), hits[0].name, hits[0].code
        inner = view.inside(m.start, m.end)
        cands.append(Candidate(m, 5 if inner else RULE_RANK["model"]))


def _second_reading(text: str, trimmed, sp, valid: bool, view, acceptor):
    """A span the checks refused, read again by the trained acceptor
    (kg.recognize.span_acceptor): a mention when it accepts, else None.
    While the acceptor is trained, the span is recorded instead."""
    if trimmed.end - trimmed.start < 2 or trimmed.type not in ("Person", "Organization", "Place"):
        return None
    if view.equal(trimmed.start, trimmed.end) or view.covered(trimmed.start, trimmed.end):
        return None  # the rules have this name, or a longer one around it
    if SA.vetoed(text, trimmed.start, trimmed.end, trimmed.type, view.org_names) is not None:
        return None  # a form no name has (李院长, X有限公司集团)
    if any(t == trimmed.type for _s, _e, t in view.inside(trimmed.start, trimmed.end)):
        return None  # a name of its type the rules found, with more around it (X局科技合作处, 李青作): theirs stands
    features = SA.span_features(text, trimmed.start, trimmed.end, trimmed.type, sp.label, valid, view, sp.confidence)
    if SA.record((trimmed.text, trimmed.type, features)) or acceptor is None or not acceptor.accepts(features):
        return None
    return Mention(trimmed.start, trimmed.end, trimmed.text, trimmed.type, source=SA.SOURCE)
