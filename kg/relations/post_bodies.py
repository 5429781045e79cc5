"""A trained choice of the body of a post the title rules left without one.

``党委常委、副校长赵长林一行到开发区调研`` on a university's own site, ``集团公司党委
书记、董事长展宝卫``, ``受到会长马有礼，常务理事马志达`` after ``到访澳门中华总商会``,
``(中央社记者吴睿骐桃园31日电)``: the title chain names no body the rules of
:mod:`kg.relations.positions` can resolve, yet the article says whose post it
is. On the corpus dev split 175 of 2,371 gold posts were extracted with the
right title and no body while the gold names one (the body is an entity of the
article in about two thirds of them).

This component learns, from the corpus train split's gold posts, which of the
article's organizations and places holds such a post: a logistic regression
(the same learner as :mod:`kg.recognize.span_acceptor`) over features of the
pair (the title's role and the candidate's name ending, both and their
conjunction; whether the ending is the role's kind of body, data
``relation_role_org_endings.tsv``; how far before or after the name the
candidate is written, sentences and characters; whether it is the nearest
organization before the name; how often and where the article names it: its
headline, its first organization, its most named one; whether the article refers
to it by a generic or self reference (该集团, 我校); whether another post of the
sentence or of the same person is in it; whether it is a trip's destination; the
unresolved body word of the title). The candidate with the highest probability
becomes the post's body when it reaches the threshold chosen on the corpus dev
split; otherwise the post stays without one. Each choice is a recorded decision
with its probability.

The weights ship as ``post_bodies.json`` beside this module (``kg train-posts``
writes it); ``ZHKG_POST_BODIES=0`` turns the component off. Posts of place
roles (市长, whose place :func:`kg.context.focus.focus_place` finds) and roles
held in no body (``title_roles.tsv``, scope no_org) are never given one.
"""

from __future__ import annotations

from pathlib import Path

from kg.context.clauses import TextView
from kg.decisions import record
from kg.doc import Article
from kg.lexicons.load import words
from kg.recognize.span_acceptor import SpanAcceptor, weights_loaded, weights_version
from kg.relations.positions import bare_role, place_role, role_org_endings

#: the shipped weights
SHIPPED = Path(__file__).with_name("post_bodies.json")
_FLAG = "ZHKG_POST_BODIES"
_LOADED: dict[str, SpanAcceptor | None] = {}

#: while training: (article, position index, [(candidate entity, features)]) are recorded here
#: instead of judged
_RECORD: list | None = None


def version() -> str:
    """Part of the model version build records are keyed by: the weights' digest when on."""
    return weights_version(SHIPPED, _FLAG, "+posts:")


def shipped() -> SpanAcceptor | None:
    """The shipped weights, loaded once; None when turned off or absent."""
    return weights_loaded(SHIPPED, _FLAG, _LOADED)


def _bucket(n: int) -> int:
    return n if n < 3 else 3 if n < 6 else 6 if n < 12 else 12


class _ArticleFacts:
    """What the features need about the article's bodies, computed once."""

    def __init__(self, article: Article, view: TextView):
        self.article = article
        self.mentions: dict[int, list[int]] = {}  # entity -> starts of its mentions, in order
        self.generic: set[int] = set()
        for r in view.refs:
            if r.type in ("Organization", "Place"):
                self.mentions.setdefault(r.entity, []).append(r.start)
                if r.generic:
                    self.generic.add(r.entity)
        self.order = sorted(self.mentions, key=lambda e: self.mentions[e][0])
        orgs = [e for e in self.order if article.entities[e].type == "Organization"]
        self.first_org = orgs[0] if orgs else None
        counts = {e: len(self.mentions[e]) for e in orgs}
        top = max(counts.values(), default=0)
        leaders = [e for e, n in counts.items() if n == top]
        self.most_named = leaders[0] if len(leaders) == 1 else None
        first_end = article.sentences[0].end if article.sentences else 0
        self.headline = {e for e, starts in self.mentions.items() if starts[0] < first_end}
        context = article.context
        self.destinations = set(getattr(context, "destinations", ()) or ())
        self.post_orgs: dict[int, set[int]] = {}  # sentence -> bodies of its posts
        self.person_orgs: dict[int, set[int]] = {}  # person -> bodies of their posts
        for p in article.positions:
            if p.org is not None:
                self.post_orgs.setdefault(p.sentence, set()).add(p.org)
                self.person_orgs.setdefault(p.person, set()).add(p.org)

    def nearest_before(self, offset: int, kind: tuple[str, ...] = ()) -> int | None:
        best, at = None, -1
        for e, starts in self.mentions.items():
            if self.article.entities[e].type != "Organization":
                continue
            if kind and not self.article.entities[e].name.endswith(kind):
                continue
            before = [s for s in starts if s < offset]
            if before and before[-1] > at:
                best, at = e, before[-1]
        return best


class _Post:
    """What the features need about one post without a body, computed once for all its candidates."""

    def __init__(self, facts: _ArticleFacts, person: int, title: str, sentence: int, offset: int, written: str):
        self.person, self.title, self.sentence, self.offset, self.written = person, title, sentence, offset, written
        self.kind = role_org_endings().get(bare_role(title), ())
        self.nearest = facts.nearest_before(offset)
        self.nearest_kind = facts.nearest_before(offset, self.kind) if self.kind else None


def features(facts: _ArticleFacts, post: _Post, cand: int) -> list[str]:
    """The features of ``cand`` as the body of ``post``."""
    article = facts.article
    person, title, sentence, offset, written, kind = (post.person, post.title, post.sentence, post.offset,
                                                      post.written, post.kind)
    e = article.entities[cand]
    name, t2 = e.name, title[-2:]
    starts = facts.mentions[cand]
    before = [s for s in starts if s < offset]
    after = [s for s in starts if s >= offset]
    out = ["bias", f"ty:{e.type}", f"t:{t2}", f"e:{name[-1:]}", f"e2:{name[-2:]}", f"t|e:{t2}|{name[-1:]}",
           f"t|e2:{t2}|{name[-2:]}", f"t|ty:{t2}|{e.type}", f"st:{e.subtype}"]
    fits = bool(kind) and name.endswith(kind)
    out.append("kind:fits" if fits else "kind:none" if not kind else "kind:other")
    if before:
        d = sentence - article.sentence_of(before[-1])
        out += [f"bef:{min(d, 3)}", f"gap:{_bucket(offset - before[-1])}"]
        if fits:
            out.append(f"kind|bef:{min(d, 3)}")
    else:
        out.append("bef:none")
    if after:
        d = article.sentence_of(after[0]) - sentence
        out.append(f"aft:{min(d, 3)}" if before else f"only_aft:{min(d, 3)}")
        if fits and not before:
            out.append(f"kind|only_aft:{min(d, 3)}")
    if post.nearest == cand:
        out.append("nearest")
    if kind and post.nearest_kind == cand:
        out.append("nearest_kind")
    out.append(f"n:{min(len(starts), 4)}")
    if cand == facts.most_named:
        out.append("most_named")
    if cand == facts.first_org:
        out.append("first_org")
    if cand in facts.headline:
        out.append("headline")
    if cand in facts.generic:
        out.append("generic_ref")
    if cand in facts.post_orgs.get(sentence, ()):
        out.append("sentence_post")
    if cand in facts.person_orgs.get(person, ()):
        out.append("person_post")
    if cand in facts.destinations:
        out.append("destination")
    if written:
        out.append(f"w:{written[-1:]}")
        if name.endswith(written[-1:]):
            out.append("w:ends")
        if written in name:
            out.append("w:in")
    return out


def _open(title: str) -> bool:
    """Whether the post may be given a body by this component: not a place role (市长),
    not a role held in no body (data/title_roles.tsv, scope no_org)."""
    return place_role(bare_role(title)) is None and not title.endswith(words("title_roles", "no_org"))


def choose_bodies(article: Article, view: TextView, bare: dict) -> None:
    """Give each post of ``bare`` (index -> :class:`kg.relations.positions.BarePost`)
    the body the weights choose, when one reaches the threshold."""
    training = _RECORD is not None
    model = None if training else shipped()
    if not bare or (model is None and not training):
        return
    facts = None
    for i, bp in sorted(bare.items()):
        p = article.positions[i]
        if p.org is not None or not _open(p.title):
            continue
        facts = facts or _ArticleFacts(article, view)
        post = _Post(facts, p.person, p.title, p.sentence, bp.offset, bp.written)
        cands = [(c, features(facts, post, c)) for c in facts.order if c != p.person]
        if not cands:
            continue
        if training:
            _RECORD.append((i, cands))
            continue
        prob, best = max((model.probability(f), c) for c, f in cands)
        if prob >= model.threshold and not any(
                (q.person, q.title, q.org) == (p.person, p.title, best) for q in article.positions):
            p.org = best
            record(article, "positions", p.person, best, p.sentence, (p.title, f"p={prob:.2f}"), "kept",
                   "the trained choice of a body for a post the title names none of (kg.relations.post_bodies)")
