"""Agreements (signings): parties, witnesses, name; one Signing event each.

Patterns, read per clause of a sentence (after kg.extract.focus has turned
我市/市政府/双方-style words into mentions):

- ``A与B签订(了)X协议`` -> one agreement, parties A and B, name X协议;
- ``A(分别)与B、C签订X`` -> one agreement per partner, unless the
  sentence calls it joint (三方/多方: ``…签署备忘录，三方将…``);
- ``A与B、C、D就X、Y、Z等项目进行签约`` -> one per partner and project when
  the two lists are as long; ``A与B就X、C与D就Y…签约`` -> one per pair;
- ``A、B、C开展了三方X协议签署活动`` -> one agreement with every party;
- ``A现场签约X、Y、Z等4个项目`` -> one agreement per project, party A;
- a person who signs ``代表`` an organization signs for it: the
  organization is the party;
- ``A、B分别与C、D签约`` / ``A与C及D分别签订X和Y`` -> element-wise
  pairs when the lists are as long (else each with each), and one
  document name per pair when the names are as many;
- a signing without a document word (``A与B签约``) is named
  :data:`DEFAULT_NAME`;
- ``两地甲局、乙局分别签订了X和Y协议`` (two bodies per body word, see
  kg.extract.paired_bodies) -> one agreement per body word, the bodies of
  both places as parties, names with the shared tail (X协议, Y协议);
- ``D所属E`` / ``D旗下E`` on a side: E signs, D only qualifies it;
- witnesses (:meth:`_Signings._witnesses`): ``X见证A与B签署``; a frame
  ``在X、Y的共同见证下，A与B签署…`` (for every signing of the sentence);
  the sentence's subject when 见证 opens a later clause
  (``X出席签约仪式，见证A与B…``, ``X与Y座谈，共同见证…`` -> both);
  a sentence of its own after the signings (``X、Y等共同见证签约。``)
  witnesses the signings just told; else the delegation leader.

The same agreement told twice (headline, lead, body) is kept once: an
agreement from a later sentence that shares a party and the name (or has a
generic name such as 协议书) replaces the earlier one.
"""

from __future__ import annotations

import re

from kg.doc import Agreement, Article, Event
from kg.extract.clauses import Clause, Ref, TextView
from kg.extract.triggers import AGREEMENT_NOUNS, AGREEMENT_RE, OWNERSHIP, SIGN_RE, WITNESS_RE
from kg.extract.witnesses import PendingWitnesses, closing_witness, trailing_witnesses

WITH_RE = re.compile(r"与|同|和")
PROJECT_END_RE = re.compile(r"等?(?:[\d一二三四五六七八九十]+个)?(?:[重特大]*)项目|等")
_NAME_START_RE = re.compile(r"(?:了|共同|正式|分别|现场|进行)+")
IRREALIS_RE = re.compile(r"希望|期待|将|拟|计划|推动|争取|力争|尽早|愿")
GENERIC_NAMES = ("协议书", "协议", "合同", "合作协议")
#: the name of an agreement whose text names no document (A与B签约)
DEFAULT_NAME = "签约项目"
#: document-name quotes, stripped from names (「X协议」, 《X》)
QUOTES = "「」『』“”《》\"'〈〉"
#: 在X、Y的(共同)见证下: a witness frame opening a clause
WITNESS_FRAME_RE = re.compile(r"^(?:[\d一二三四五六七八九十月日上下午晚间]*)在.*见证下")
#: a count of signed projects (已签约亿元以上项目11个, 累计签约…个): a statistic, no agreement
STATISTIC_RE = re.compile(r"累计|共计|总计|合计|项目[\d一二三四五六七八九十百千]+(?:个|项)|亿元以上项目")
#: a list of document names: X协议和Y合同
_NAME_SEP_RE = re.compile(r"以及|和|及|、")
_NAME_END_RE = re.compile("(?:" + AGREEMENT_RE.pattern + r"|项目|合同)$")
#: where the shared tail of a document-name list starts (文旅和商贸业|发展合作协议)
_TAIL_START_RE = re.compile(r"发展|战略|全面|框架|合作|友好|投资|" + AGREEMENT_RE.pattern)
#: D所属E / D旗下的E: D only qualifies E
_OWNER_LINK_RE = re.compile("(?:" + "|".join(OWNERSHIP) + ")的?$")


def _parties(refs: list[Ref], text: str = "") -> list[int]:
    """Organizations and places of a stretch; a name that only modifies the
    next one (大洼区|盘锦天润置业有限公司, 甲集团所属|乙公司) is not a party of its own."""
    out: list[int] = []
    for k, r in enumerate(refs):
        if k + 1 < len(refs) and refs[k + 1].start == r.end:
            continue
        if text and k + 1 < len(refs) and _OWNER_LINK_RE.search(text, r.end, refs[k + 1].start) \
                and refs[k + 1].start - r.end <= 3:
            continue
        if r.type in ("Organization", "Place") and r.entity not in out:
            out.append(r.entity)
    return out


def _generic(name: str) -> bool:
    """A name that only refers to an agreement (协议, 签约项目, 本次备忘录, 该协议)."""
    bare = re.sub(r"^(?:本次|此次|该|此|上述|这份|这一|双方)", "", name)
    return bare in (*GENERIC_NAMES, *AGREEMENT_NOUNS, DEFAULT_NAME)


def shared_tail_names(name: str, n: int) -> list[str]:
    """``文旅和商贸业发展合作协议`` as ``n`` = 2 names that share the tail of the
    last one: 文旅发展合作协议, 商贸业发展合作协议. The tail starts at the
    first :data:`_TAIL_START_RE` word after the last item's own first
    characters; ``[name]`` when the list is not ``n`` long or has no such tail."""
    parts = [x for x in _NAME_SEP_RE.split(name) if x]
    if len(parts) != n or n < 2 or any(_NAME_END_RE.search(x) for x in parts[:-1]):
        return [name]
    tail = _TAIL_START_RE.search(parts[-1], 1)
    if tail is None:
        return [name]
    return [x + parts[-1][tail.start():] for x in parts[:-1]] + [parts[-1]]


class _Signings:
    def __init__(self, article: Article, view: TextView):
        self.article, self.view = article, view
        self.found: list[Agreement] = []
        self.leaders: list[int] = []
        self.pending = PendingWitnesses()

    def _leaders_at(self, sentence: int) -> list[int]:
        """The visiting leader(s) of the latest visit event up to this sentence."""
        for e in reversed(self.article.events):
            if e.kind == "Visit" and e.sentence <= sentence:
                return list(e.agents)
        return []

    def _p(self, start: int, end: int) -> list[int]:
        """The parties named in [start, end)."""
        return _parties(self.view.refs_in(start, end), self.view.text)

    def add(self, name: str, parties: list[int], witnesses: list[int], sentence: int) -> None:
        if not parties:
            return
        name = name.strip(QUOTES).strip() or DEFAULT_NAME
        self.found.append(
            Agreement(name, list(parties), list(witnesses), [], sentence, self.article.sentences[sentence].text)
        )

    def sentence(self, si: int) -> None:
        view = self.view
        clauses = view.clauses(si)
        subject: list[int] = []
        for cl in clauses:  # the sentence's subject: a place or organization opening a clause
            refs = view.refs_in(cl.start, cl.end)
            if refs and refs[0].start - cl.start <= 1 and refs[0].type != "Person":
                subject = [refs[0].entity]
                break
        frame = self._frame_witnesses(clauses)
        before, last = len(self.found), -1
        for ci, cl in enumerate(clauses):
            if WITNESS_FRAME_RE.match(cl.text):
                continue
            for m in view.find(SIGN_RE, cl.start, cl.end):
                if IRREALIS_RE.search(view.text, cl.start, m.start()) or STATISTIC_RE.search(cl.text):
                    continue
                if view.text.startswith("仪式", m.end()) and not AGREEMENT_RE.search(view.text, m.end(), cl.end):
                    continue  # 签约仪式 in a headline: the body says what was signed
                subject = self._signing(si, clauses, ci, m, subject, frame) or subject
                last = m.end()
                break
        para = self.article.sentences[si].paragraph
        new = self.found[before:]
        if new:
            trailing = trailing_witnesses(view, clauses, last)
            for a in new:
                if not a.witnesses:
                    a.witnesses.extend(trailing)
            self.pending.give(new, para)
        elif frame:
            self.pending.open(frame, para)  # 在X的见证下，举行了签约仪式。 + signings after
        else:
            self._later_witnesses(si, clauses)

    def _frame_witnesses(self, clauses: list[Clause]) -> list[int]:
        """People of a 在X、Y的共同见证下 frame: they witness every signing of the sentence."""
        for cl in clauses:
            if WITNESS_FRAME_RE.match(cl.text):
                return [r.entity for r in self.view.refs_in(cl.start, cl.end, "Person")]
        return []

    def _witnesses(self, clauses: list[Clause], ci: int, pos: int) -> list[int]:
        """Who 见证 the signing at ``pos`` (None of them when no 见证 precedes it)."""
        cl = clauses[ci]
        w = next(iter(self.view.find(WITNESS_RE, cl.start, pos)), None)
        if w is None:
            return []
        return self._witness_subject(clauses, ci, w.start())

    def _witness_subject(self, clauses: list[Clause], ci: int, pos: int) -> list[int]:
        """The people who 见证 at ``pos``: those before it in its clause, else the
        subject of the sentence (the people of its first clause that names any:
        X出席签约仪式，见证…; X与Y座谈，共同见证… -> X and Y), else the
        delegation leader."""
        cl = clauses[ci]
        persons = [r.entity for r in self.view.refs_in(cl.start, pos, "Person")]
        if persons:
            return persons
        for prev in clauses[:ci]:
            if "陪同" in prev.text or WITNESS_FRAME_RE.match(prev.text):
                continue
            persons = [r.entity for r in self.view.refs_in(prev.start, prev.end, "Person")]
            if persons:
                return persons
        return self._leaders_at(cl.sentence)

    def _later_witnesses(self, si: int, clauses: list[Clause]) -> None:
        """``X、Y等共同见证签约。`` told after the signings: X and Y witness the
        signings of the sentences just before (same paragraph, else the
        previous one) that have no witness yet."""
        view = self.view
        found = closing_witness(view, clauses)
        if found is not None:
            ci, w = found
            cl = clauses[ci]
            if IRREALIS_RE.search(view.text, cl.start, w):
                return
            people = self._witness_subject(clauses, ci, w)
            para = self.article.sentences[si].paragraph
            for p in (para, para - 1):
                told = [a for a in self.found
                        if a.sentence < si and self.article.sentences[a.sentence].paragraph == p]
                if told:
                    for a in told:
                        if not a.witnesses:
                            a.witnesses.extend(people)
                    return

    def _doc_names(self, start: int, end: int) -> list[str]:
        """Document names after a trigger, split when listed (X协议和Y合同)."""
        name = self._name_after(start, end)
        parts = [x for x in _NAME_SEP_RE.split(name) if x]
        if len(parts) > 1 and all(_NAME_END_RE.search(x) for x in parts):
            return parts
        return [name] if name else []

    def _respectively(self, si, region_start, resp, m, cl, subject, witnesses) -> list[int] | None:
        """``A、B分别与C、D签约`` / ``A与C及D分别签订X和Y``: pairs and names element-wise.

        The 分别 side's list is paired with the other side's list element by
        element when they are as long; a single party on one side pairs with
        each on the other; otherwise each with each. Names are given per pair
        when there are as many names as pairs, else the one name to all.
        """
        view, text = self.view, self.view.text
        if text[resp + 2 : resp + 3] in ("与", "同", "和"):
            wpos = resp + 2
        else:
            cands = [w for w in view.find(re.compile(r"与|同"), region_start, resp) if self._party_follows(w.end(), resp)]
            if not cands:
                return self._paired_sides(si, region_start, resp, m, cl, witnesses)
            wpos = cands[0].start()
        if wpos > resp:  # A、B分别与C、D
            left, right = self._p(region_start, resp), self._p(wpos + 1, m.start())
        else:  # A与C、D分别
            left, right = self._p(region_start, wpos), self._p(wpos + 1, resp)
        left = left or subject
        if not left or not right:
            return None
        if len(left) == len(right):
            pairs = list(zip(left, right))
        else:
            pairs = [(a, b) for a in left for b in right]
        names = self._doc_names(m.end(), cl.end) or [self._name_before(cl.start, m.start())]
        for k, (a, b) in enumerate(pairs):
            name = names[k] if len(names) == len(pairs) else "和".join(names)
            self.add(name, [a, b], witnesses, si)
        return left

    def _paired_sides(self, si, region_start, resp, m, cl, witnesses) -> list[int] | None:
        """``两地文旅局、商务局分别签订了文旅和商贸业发展合作协议``: each body
        word stands for a pair of bodies (two refs of one span, see
        kg.extract.paired_bodies); each pair signs its own document, the
        names paired with the body words in order (a shared tail is
        distributed: 文旅发展合作协议, 商贸业发展合作协议)."""
        groups: dict[tuple[int, int], list[int]] = {}
        for r in self.view.refs_in(region_start, resp):
            if r.type != "Person":
                groups.setdefault((r.start, r.end), []).append(r.entity)
        sides = [g for g in groups.values() if len(g) >= 2]
        if len(sides) < 2 or len(sides) != len(groups):
            return None
        names = self._doc_names(m.end(), cl.end)
        if len(names) == 1:
            names = shared_tail_names(names[0], len(sides))
        if len(names) != len(sides):
            return None
        for name, parties in zip(names, sides):
            self.add(name, parties, witnesses, si)
        return sides[0]

    def _name_after(self, start: int, end: int) -> str:
        """The document name after a trigger: a quoted name (签署《X》, 「X」),
        else the text up to the last agreement noun (签订了X协议)."""
        text = self.view.text
        lead = _NAME_START_RE.match(text, start)
        s = lead.end() if lead else start
        if s < end and text[s] in QUOTES:
            close = next((k for k in range(s + 1, end) if text[k] in QUOTES), -1)
            if close > s + 1:
                return text[s + 1 : close]
        last = None
        for m in AGREEMENT_RE.finditer(text, s, end):
            last = m
        return text[s : last.end()] if last else ""

    def _name_before(self, start: int, end: int) -> str:
        text = self.view.text
        last = None
        for m in AGREEMENT_RE.finditer(text, start, end):
            last = m
        if last is None:
            return ""
        lead = max(text.rfind(w, start, last.start()) + len(w) if text.rfind(w, start, last.start()) >= 0 else start
                   for w in ("了", "开展", "举行", "进行", "的"))
        return text[lead : last.end()]

    def _signing(self, si, clauses, ci, m, subject, frame):
        view, text = self.view, self.view.text
        cl = clauses[ci]
        witnesses = self._witnesses(clauses, ci, m.start()) or frame
        region_start = cl.start
        wit = text.find("见证", cl.start, m.start())
        if wit >= 0:
            region_start = wit + 2
        rep = text.find("代表", region_start, m.start())
        resp = text.find("分别", region_start, m.start())
        if resp >= 0 and rep < 0:
            done = self._respectively(si, region_start, resp, m, cl, subject, witnesses)
            if done is not None:
                return done
        pairs = [w for w in view.find(WITH_RE, region_start, m.start()) if self._party_follows(w.end(), m.start())]
        name = self._name_after(m.end(), cl.end) or self._name_before(cl.start, m.start())
        if rep >= 0 and "分别代表" in text[region_start : m.start()]:
            self.add(name, self._p(rep, m.start()), witnesses, si)
            return None
        if not pairs:
            parties = self._p(region_start, m.start())
            projects = self._projects_after(m.end(), cl.end)
            if projects and not parties:
                parties = subject
            if projects and parties:
                for p in projects:
                    self.add(p, parties, witnesses, si)
            elif name and (len(parties) >= 2 or (parties and subject)):
                self.add(name, (subject if len(parties) < 2 else []) + parties, witnesses, si)
            return parties or None
        # one or more "A与B(就X)" units before the trigger
        units = []
        bounds = [region_start] + [p.end() for p in pairs]
        for k, wm in enumerate(pairs):
            left_lo = bounds[k] if k == 0 else self._unit_start(pairs[k - 1].end(), wm.start())
            right_hi = pairs[k + 1].start() if k + 1 < len(pairs) else m.start()
            if k + 1 < len(pairs):
                right_hi = self._unit_start(wm.end(), pairs[k + 1].start())
            units.append((left_lo, wm, right_hi))
        last_left: list[int] = []
        for left_lo, wm, right_hi in units:
            lo = rep if rep >= 0 and left_lo <= rep < wm.start() else left_lo
            left = self._p(lo, wm.start()) or last_left or subject
            jiu = text.find("就", wm.end(), right_hi)
            right = self._p(wm.end(), jiu if jiu >= 0 else right_hi)
            if not left or not right:
                continue
            last_left = left
            projects = self._project_list(jiu + 1, right_hi if right_hi < m.start() else m.start()) if jiu >= 0 else []
            if projects and len(projects) == len(right):
                for b, proj in zip(right, projects):
                    self.add(proj, left + [b], witnesses, si)
            elif projects and len(right) == 1:
                for proj in projects:
                    self.add(proj, left + right, witnesses, si)
            elif len(right) > 1 and not self._joint(si, name):
                for b in right:  # A(分别)与B、C签订X: one per partner
                    self.add(name, left + [b], witnesses, si)
            else:
                self.add(name or (projects[0] if projects else ""), left + right, witnesses, si)
        return last_left or None

    def _joint(self, si: int, name: str) -> bool:
        """A signing of several parties together: 三方/多方 in its name or sentence."""
        return any(w in name or w in self.article.sentences[si].text for w in ("三方", "多方", "四方"))

    def _party_follows(self, pos: int, end: int) -> bool:
        """与/和 joins parties only when an organization or place follows it."""
        refs = self.view.refs_in(pos, end)
        return bool(refs) and refs[0].type != "Person" and refs[0].start - pos <= 2

    def _unit_start(self, lo: int, hi: int) -> int:
        """Where the next "A与B" unit starts: after the last 、 before its A."""
        text = self.view.text
        k = text.rfind("、", lo, hi)
        while k >= 0 and not self.view.outside_refs(k, k + 1):
            k = text.rfind("、", lo, k)
        return k + 1 if k >= 0 else hi

    def _project_list(self, start: int, end: int) -> list[str]:
        text = self.view.text[start:end]
        m = PROJECT_END_RE.search(text)
        if m:
            text = text[: m.start()]
        return [p.strip() for p in re.split(r"、", text) if p.strip()]

    def _projects_after(self, start: int, end: int) -> list[str]:
        text = self.view.text[start:end]
        lead = _NAME_START_RE.match(text)
        text = text[lead.end() :] if lead else text
        m = PROJECT_END_RE.search(text)
        if not m or AGREEMENT_RE.search(text):
            return []
        return [p.strip() + "项目" for p in text[: m.start()].split("、") if p.strip()]

    def _headline(self, sentence: int) -> bool:
        """Whether a sentence is the article's headline (alone in the first paragraph)."""
        sents = self.article.sentences
        return sentence == 0 and (len(sents) == 1 or sents[1].paragraph != sents[0].paragraph)

    def _same(self, a: Agreement, b: Agreement) -> bool:
        """Whether two agreements sharing a party are one told twice: same name,
        one told in the headline, or, when one's parties include the other's,
        one name generic (协议书, 本次备忘录) or inside the other."""
        pa, pb = set(a.parties), set(b.parties)
        nested = pa <= pb or pb <= pa
        return (a.name == b.name or self._headline(a.sentence) or self._headline(b.sentence)
                or (nested and (_generic(a.name) or _generic(b.name) or a.name in b.name or b.name in a.name)))

    def finish(self) -> None:
        """Drop an agreement told again later (see :meth:`_same`); the later,
        more specific telling keeps its name and parties, witnesses add up."""
        kept: list[Agreement] = []
        for a in self.found:
            for k, b in enumerate(kept):
                if b.sentence == a.sentence or not set(a.parties) & set(b.parties) or not self._same(a, b):
                    continue
                name = b.name if _generic(a.name) else a.name
                parties = a.parties if len(a.parties) >= len(b.parties) or not _generic(a.name) else b.parties
                if self._headline(a.sentence):
                    name, parties = (a.name if _generic(b.name) else b.name), b.parties
                kept[k] = Agreement(name, parties, sorted(set(a.witnesses) | set(b.witnesses)), [],
                                    a.sentence, a.evidence)
                break
            else:
                kept.append(a)
        for a in kept:
            self.article.agreements.append(a)
            self.article.events.append(
                Event("Signing", list(a.witnesses), list(a.parties), a.sentence, a.evidence,
                      agreement=len(self.article.agreements) - 1)
            )


def extract_agreements(article: Article, view: TextView) -> None:
    """Fill article.agreements, with one Signing event per agreement."""
    s = _Signings(article, view)
    for si in range(len(article.sentences)):
        s.sentence(si)
    s.finish()
