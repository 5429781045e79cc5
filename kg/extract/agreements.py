"""Agreements (signings): parties, witnesses, name; one Signing event each.

Patterns, read per clause of a sentence (after kg.extract.focus has turned
我市/市政府/双方-style words into mentions):

- ``A与B签订(了)X协议`` -> one agreement, parties A and B, name X协议;
- ``A与B、C签订X`` / ``A分别与B、C签订X`` -> one agreement per partner;
- ``A与B、C、D就X、Y、Z等项目进行签约`` -> one per partner and project when
  the two lists are as long; ``A与B就X、C与D就Y…签约`` -> one per pair;
- ``A、B、C开展了三方X协议签署活动`` -> one agreement with every party;
- ``A现场签约X、Y、Z等4个项目`` -> one agreement per project, party A;
- a person who signs ``代表`` an organization signs for it: the
  organization is the party;
- ``(共同)见证`` -> witnesses: the people before it, else the delegation
  leader (the subject of the visit in focus).

The same agreement told twice (headline, lead, body) is kept once: an
agreement from a later sentence that shares a party and the name (or has a
generic name such as 协议书) replaces the earlier one.
"""

from __future__ import annotations

import re

from kg.doc import Agreement, Article, Event
from kg.extract.clauses import Clause, Ref, TextView
from kg.extract.triggers import AGREEMENT_RE, SIGN_RE

WITH_RE = re.compile(r"与|同|和")
PROJECT_END_RE = re.compile(r"等?(?:[\d一二三四五六七八九十]+个)?(?:[重特大]*)项目|等")
_NAME_START_RE = re.compile(r"(?:了|共同|正式|分别|现场|进行)+")
IRREALIS_RE = re.compile(r"希望|期待|将|拟|计划|推动|争取|力争|尽早|愿")
GENERIC_NAMES = ("协议书", "协议", "合同", "合作协议")


def _parties(refs: list[Ref]) -> list[int]:
    """Organizations and places of a stretch; a name that only modifies the
    next one (大洼区|盘锦天润置业有限公司) is not a party of its own."""
    out: list[int] = []
    for k, r in enumerate(refs):
        if k + 1 < len(refs) and refs[k + 1].start == r.end:
            continue
        if r.type in ("Organization", "Place") and r.entity not in out:
            out.append(r.entity)
    return out


class _Signings:
    def __init__(self, article: Article, view: TextView):
        self.article, self.view = article, view
        self.found: list[Agreement] = []
        self.leaders: list[int] = []

    def _leaders_at(self, sentence: int) -> list[int]:
        """The visiting leader(s) of the latest visit event up to this sentence."""
        for e in reversed(self.article.events):
            if e.kind == "Visit" and e.sentence <= sentence:
                return list(e.agents)
        return []

    def add(self, name: str, parties: list[int], witnesses: list[int], sentence: int) -> None:
        if not parties or not name:
            return
        self.found.append(
            Agreement(name, parties, witnesses, [], sentence, self.article.sentences[sentence].text)
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
        for ci, cl in enumerate(clauses):
            for m in view.find(SIGN_RE, cl.start, cl.end):
                if IRREALIS_RE.search(view.text, cl.start, m.start()):
                    continue
                if view.text.startswith("仪式", m.end()) and not AGREEMENT_RE.search(view.text, m.end(), cl.end):
                    continue  # 签约仪式 in a headline: the body says what was signed
                subject = self._signing(si, clauses, ci, cl, m, subject) or subject
                break

    def _witnesses(self, cl: Clause, pos: int, si: int) -> list[int]:
        text = self.view.text
        w = text.find("见证", cl.start, pos)
        if w < 0:
            return []
        persons = [r.entity for r in self.view.refs_in(cl.start, w, "Person")]
        return persons or self._leaders_at(si)

    def _name_after(self, start: int, end: int) -> str:
        text = self.view.text
        lead = _NAME_START_RE.match(text, start)
        s = lead.end() if lead else start
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

    def _signing(self, si, clauses, ci, cl, m, subject):
        view, text = self.view, self.view.text
        witnesses = self._witnesses(cl, m.start(), si)
        region_start = cl.start
        wit = text.find("见证", cl.start, m.start())
        if wit >= 0:
            region_start = wit + 2
        rep = text.find("代表", region_start, m.start())
        pairs = [w for w in view.find(WITH_RE, region_start, m.start()) if self._party_follows(w.end(), m.start())]
        name = self._name_after(m.end(), cl.end) or self._name_before(cl.start, m.start())
        if rep >= 0 and "分别代表" in text[region_start : m.start()]:
            self.add(name, _parties(view.refs_in(rep, m.start())), witnesses, si)
            return None
        if not pairs:
            parties = _parties(view.refs_in(region_start, m.start()))
            projects = self._projects_after(m.end(), cl.end)
            if projects and not parties:
                parties = subject
            if projects and parties:
                for p in projects:
                    self.add(p, parties, witnesses, si)
            elif len(parties) >= 2 or (parties and subject):
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
            left = _parties(view.refs_in(lo, wm.start())) or last_left or subject
            jiu = text.find("就", wm.end(), right_hi)
            right = _parties(view.refs_in(wm.end(), jiu if jiu >= 0 else right_hi))
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
            elif len(right) > 1 and "三方" not in name and "多方" not in name:
                for b in right:
                    self.add(name, left + [b], witnesses, si)
            else:
                self.add(name or (projects[0] if projects else ""), left + right, witnesses, si)
        return last_left or None

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

    def finish(self) -> None:
        """Drop an agreement told again later (same party and name, or a generic name)."""
        kept: list[Agreement] = []
        for a in self.found:
            for k, b in enumerate(kept):
                if b.sentence == a.sentence or not set(a.parties) & set(b.parties):
                    continue
                same = a.name == b.name or a.name in GENERIC_NAMES or b.name in GENERIC_NAMES
                if same:
                    name = b.name if a.name in GENERIC_NAMES else a.name
                    parties = a.parties if len(a.parties) >= len(b.parties) or a.name not in GENERIC_NAMES else b.parties
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
