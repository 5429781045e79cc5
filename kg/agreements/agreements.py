"""Agreements (signings): parties, witnesses, name; one Signing event each.

Example: ``王一见证甲区政府与乙科技签订合作协议。`` -> Agreement(合作协议,
parties 甲区政府 and 乙科技, witness 王一) and a Signing event backing it.

Read per clause of a sentence (after kg.context.focus has turned
我市/市政府/双方-style words into mentions), for each signing verb
(签订, 签署, 签约 …) that is neither a wish (希望…签订) nor a statistic
(累计签约项目11个):

1. the sides before the verb (kg.agreements.agreement_sides):
   - ``A与B签订(了)X协议`` -> one agreement, parties A and B;
   - ``A与B、C签订X`` -> one agreement per partner, unless the sentence
     calls it joint (三方/多方: ``…签署备忘录，三方将…``);
   - ``A与B、C、D就X、Y、Z等项目进行签约`` -> one per partner and project
     when the two lists are as long; ``A与B就X、C与D就Y…签约`` -> one per pair;
   - ``A、B、C开展了三方X协议签署活动`` -> one agreement with every party;
   - ``A现场签约X、Y、Z等4个项目`` -> one agreement per project, party A;
   - a person who signs ``代表`` an organization signs for it; a person named
     as a side (``甲区政府与乙公司董事长王一签约``, ``…与王一签约``) signs for
     the organization of their post (kg.agreements.agreement_sides.signer_org);
   - the place or building where it is signed (``在成都签署``, ``在丙乡公所举行…签约仪式``) is no party;
   - with no side told before the verb, a title that names its own
     (``会上签订了《甲区政府与乙公司结对帮扶框架协议》``: 甲区政府 and 乙公司);
   - with no side before 与 in the clause, the place or organization opening
     the nearest clause before it (``乙集团作为…，与丙签署``);
   - ``A、B分别与C、D签约``, ``两地甲局、乙局分别签订…``: see
     kg.agreements.agreement_sides;
2. the name (kg.agreements.agreement_names): a quoted or written document name
   after (or before) the verb, else :data:`DEFAULT_NAME` (``A与B签约``);
3. the witnesses (:meth:`_Signings._witnesses`, kg.agreements.witnesses):
   ``X见证A与B签署``; a frame ``在X、Y的共同见证下，A与B签署…`` (for every
   signing of the sentence); the sentence's subject when 见证 opens a later
   clause (``X出席签约仪式，见证A与B…``, ``X与Y座谈，共同见证…`` -> both);
   a sentence of its own after the signings (``X、Y等共同见证签约。``, up to
   two paragraphs later) witnesses the signings just told, with the people
   listed in the clauses before it (``省长X,董事长Y出席签约仪式并共同见证协议签署``:
   the 签署 there is the witnessed signing, no new one), or the guests it lists after 见证
   (``出席见证的贵宾包括X、Y等人``); else the delegation leader
   (never a byline's reporter); a witness sentence told before any signing (the lead's
   ``X会见Y，并见证双方…签约仪式``) witnesses the signings of the next sentence that tells any.

签约仪式 / 签约暨…仪式 (data/agreement_event_tails.tsv) name an event: no
signing unless a document is named after them in the clause.

The same agreement told twice (headline, lead, body) is kept once
(:meth:`_Signings.finish`): an agreement from a later sentence that shares a
party and the name (or has a generic name such as 协议书) replaces the
earlier one; and tellings that end with the same name and parties are one
entry with the witnesses of each (two read from one sentence, one of them
named again by a later ceremony).
"""

from __future__ import annotations

import re

from kg.doc import Agreement, Article, Event
from kg.agreements.agreement_names import (
    DEFAULT_NAME,
    QUOTES,
    is_generic,
    name_after,
    name_before,
    project_list,
    projects_after,
    projects_before,
    quoted_names,
)
from kg.agreements.agreement_sides import count_re, count_values, parties, party_follows, respective_signings, with_units
from kg.context.clauses import Clause, TextView
from kg.context.discourse import latest_visit_leaders
from kg.decisions import record_span
from kg.lexicons.load import alternation, derived, entries, words
from kg.lexicons.triggers import agreement_re, CLAUSE_DATE, sign_re, witness_re, irrealis_re
from kg.relations.positions import byline_re
from kg.agreements.witnesses import (PendingWitnesses, closing_witness, ends_with_name, listed_before,
                                     listed_witnesses, trailing_witnesses, witness_people, witnessed_signing)


@derived
def with_re() -> re.Pattern:
    """与 / 同 / 和 before the other party of a signing: data/model_with.tsv, scope signing."""
    return re.compile(alternation("model_with", "signing"))


#: how many paragraphs back a witness sentence looks for the signings it
#: witnesses (a caption or a paragraph of details may stand between)
_WITNESS_LOOKBACK = 2
#: a wish or plan before a signing verb (希望…签订, 将签署): no agreement
#: 在X、Y的(共同)见证下: a witness frame opening a clause
WITNESS_FRAME_RE = re.compile(rf"^{CLAUSE_DATE}在.*见证下")
#: the most clauses a witness frame's list of names spans (在王一,李二,张三的见证下)
_FRAME_CLAUSES = 4
#: how far before a name a byline's role may stand ((记者 王一)
_BYLINE_ROLE = 8


@derived
def statistic_re() -> re.Pattern:
    """A count of signed projects (已签约亿元以上项目11个, 累计签约…个): a statistic, no
    agreement; data/agreement_statistics.tsv (regexes)."""
    return re.compile(alternation("agreement_statistics", regex=True))


def _projects_at(text: str, start: int, end: int) -> int:
    """Where the word before the projects of a pair's signing is in ``[start, end)``
    (甲与乙就A、B等项目签约: data/agreement_collective_signings.tsv, scope projects), or -1."""
    found = [k for w in words("agreement_collective_signings", "projects") if (k := text.find(w, start, end)) >= 0]
    return min(found, default=-1)


def _respective_at(text: str, start: int, end: int) -> int:
    """Where the first word of ``context_respective_words`` (scope
    ``signing``: 分别) stands in ``text[start:end]``, or -1."""
    hits = [i for i in (text.find(w, start, end) for w in words("context_respective_words", "signing")) if i >= 0]
    return min(hits) if hits else -1


def _sides(agreement: Agreement, body: dict[int, int]) -> set[int]:
    """The agreement's parties, a place read as its government where ``body`` has it."""
    return {body.get(p, p) for p in agreement.parties}


def _government_named(places: list[str], orgs: dict[str, int]) -> int | None:
    """The organization of ``orgs`` (name -> entity) named as the government of one of
    ``places``: the place and an ending of data/relation_body_endings.tsv, gov_name
    (临海市 + 政府, 人民政府)."""
    govs = words("relation_body_endings", "gov_name")
    return next((orgs[p + g] for p in places for g in govs if p + g in orgs), None)


class _Signings:
    """Reads the article sentence by sentence (:meth:`sentence`), collecting
    agreements in ``found``; :meth:`finish` merges retellings and writes them."""

    def __init__(self, article: Article, view: TextView):
        self.article, self.view = article, view
        self.found: list[Agreement] = []
        self.pending = PendingWitnesses()
        #: the people of a witness statement told before any signing it can witness (the lead's
        #: X会见Y，并见证双方…签约仪式。): they witness the signings of the next sentence that tells any
        self.ahead: list[int] = []
        #: agreements read from a ceremony of two named sides alone (甲与乙战略合作签约仪式举行)
        #: or from a collective signing a place holds (甲区举行重大项目集中签约仪式)
        self.ceremonies: set[int] = set()
        #: the holder of the latest collective signing (甲区举行…集中签约仪式): the party
        #: of the projects listed later with no signer named (乙、丙等5个项目签约)
        self.host: list[int] = []

    def _p(self, start: int, end: int) -> list[int]:
        """The parties named in [start, end) (kg.agreements.agreement_sides.parties)."""
        return parties(self.view, start, end)

    def add(self, name: str, signers: list[int], witnesses: list[int], sentence: int) -> None:
        """Record one agreement (quotes stripped; :data:`DEFAULT_NAME` when unnamed)."""
        if not signers:
            return
        name = name.strip(QUOTES).strip() or DEFAULT_NAME
        self.found.append(
            Agreement(name, list(signers), list(witnesses), [], sentence, self.article.sentences[sentence].text)
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
        framed = self._frame_clauses(clauses)
        frame = [r.entity for ci in framed for r in view.refs_in(clauses[ci].start, clauses[ci].end, "Person")]
        before, last, first = len(self.found), -1, None
        for ci, cl in enumerate(clauses):
            if ci in framed:
                continue
            for m in view.find(sign_re(), cl.start, cl.end):
                plan = irrealis_re("agreements").search(view.text, cl.start, m.start())
                if plan or statistic_re().search(cl.text):
                    record_span(self.article, "agreement", cl.start, cl.end, (f"signing word: {m.group()}",), "rejected",
                                f"a wish or plan before the signing: {plan.group()} (lexicon irrealis)" if plan
                                else "a statistic of signings, not a signing")
                    continue
                if self._collective(si, cl, m.start(), m.end()):  # 甲区举行…集中签约仪式: its holder signs
                    self.ceremonies.add(id(self.found[-1]))
                    last = m.end()
                    if first is None:
                        first = ci
                    break
                told = next(iter(view.find(witness_re(), m.end(), cl.end)), None)  # …仪式并见证协议签署
                ceremony = self._event_tail(m.end()) is not None and not agreement_re().search(
                    view.text, m.end(), told.start() if told else cl.end) and not any(
                    a.end() == m.start() for a in agreement_re().finditer(view.text, cl.start, m.start()))
                if ceremony and not self._pair_before(cl.start, m.start()):
                    continue  # 签约仪式 / 签约暨开工仪式: the event; the body says what was signed
                # (甲与乙合作框架协议签约仪式: the ceremony of the agreement it names; 甲与乙战略合作
                # 签约仪式举行: the signing of the two, kept only when the article tells no other: finish)
                if witnessed_signing(view, cl, m.start()):
                    continue  # 王一见证协议签署: the signing witnessed, told before
                made = len(self.found)
                subject = self._signing(si, clauses, ci, m, self._opener(clauses[:ci]) or subject, frame) or subject
                if ceremony:
                    self.ceremonies.update(id(a) for a in self.found[made:])
                last = m.end()
                if first is None and len(self.found) > made:
                    first = ci
                break
        para = self.article.sentences[si].paragraph
        new = self.found[before:]
        if new:
            trailing = trailing_witnesses(view, clauses, last) or self._leading_witnesses(clauses, first)
            for a in new:
                if not a.witnesses:
                    a.witnesses.extend(trailing or self.ahead)
            self.ahead = []
            self.pending.give(new, para)
        elif frame:
            if not self._announces_signings(si):  # 在X的见证下，A、B代表双方签字。: the signing told before
                for a in self._told_before(si):
                    if not a.witnesses:
                        a.witnesses.extend(frame)
            self.pending.open(frame, para)  # 在X的见证下，举行了签约仪式。 + signings after
        else:
            self._later_witnesses(si, clauses)

    def _leading_witnesses(self, clauses: list[Clause], first: int | None) -> list[int]:
        """The people of a clause before the sentence's first signing (clause ``first``)
        that states them witnessing it (甲、乙出席并见证签约仪式，丙与丁共同签署合作协议)."""
        if not first:
            return []
        found = closing_witness(self.view, clauses[:first])
        if found is None:
            return []
        ci, w = found
        if irrealis_re("agreements").search(self.view.text, clauses[ci].start, w):
            return []
        people = witness_people(self.view, clauses[ci], w)  # named there, not 在与会领导见证下
        return listed_before(self.view, clauses[:ci]) + people if people else []

    def _collective(self, si: int, cl: Clause, start: int, end: int) -> bool:
        """A collective signing held by the place or body opening clause ``cl``
        (甲区举行三季度重大项目集中签约仪式, 甲经开区招商项目集中签约活动举行:
        data/agreement_collective_signings.tsv marks it right before the signing word
        at ``start``): its holder is the party (D20: no signer named) of one agreement,
        named by the ceremony (三季度重大项目集中签约), and the party of the projects
        listed later with no signer (:attr:`host`). Only a venue (在X) between the
        holder and the ceremony; False when none is read."""
        view, text = self.view, self.view.text
        if not text[cl.start:start].endswith(words("agreement_collective_signings", "marker")):
            return False
        tail = self._event_tail(end) or next((w for w in words("agreement_collective_signings", "tail")
                                              if text.startswith(w, end)), None)
        if tail is None or agreement_re().search(text, end, cl.end):
            return False  # 集中签约了甲协议: a signing of its own
        refs = view.refs_in(cl.start, start)
        venue = words("agreement_venue_words")
        if (not refs or refs[0].start - cl.start > 1 or not self._holds(refs[0])
                or text[cl.start:refs[0].start].endswith(venue)):
            return False  # 在甲市举行…签约仪式: where it is held, not who holds it
        holder = refs[0]
        if any(r.type == "Person" or (r is not holder and not any(text.find(w, holder.end, r.start) >= 0 for w in venue))
               for r in refs[1:]):
            return False  # 甲市…集中开工暨乙总会重大项目签约仪式: not the holder's alone
        stretch = text[holder.end:end]
        if any(w in stretch for w in words("agreement_event_tails")):
            return False  # 甲市举行台商座谈会暨重点项目签约仪式: a signing inside another event
        cut = max((stretch.rfind(w) + len(w) for w in words("agreement_collective_signings", "holding")
                   if w in stretch), default=0)
        self.host = [holder.entity]
        self.add(stretch[cut:], [holder.entity], [], si)
        return True

    def _holds(self, ref) -> bool:
        """Whether ``ref`` can hold a collective signing: a place or a government body
        written out (not a one-character abbreviation such as 闽, not a company or fair)."""
        ent = self.article.entities[ref.entity]
        return ref.end - ref.start >= 2 and (ent.type == "Place" or ent.subtype == "GovernmentBody")

    def _announces_signings(self, si: int) -> bool:
        """Whether sentence ``si`` names a signing event (举行了签约仪式, 签约暨开工仪式):
        signings told after it, not one told before (签署仪式上, … is the ceremony of
        the signing told before)."""
        sent = self.article.sentences[si]
        for m in self.view.find(sign_re(), sent.start, sent.end):
            tail = self._event_tail(m.end())
            if tail is not None and not self.view.text.startswith(words("agreement_ceremony_marks", "located"),
                                                                  m.end() + len(tail)):
                return True
        return False

    def _event_tail(self, pos: int) -> str | None:
        """The word at ``pos`` that makes the signing word before it an event's name
        (签约|仪式, 签约|暨开工仪式: data/agreement_event_tails.tsv), or None."""
        return next((w for w in words("agreement_event_tails") if self.view.text.startswith(w, pos)), None)

    def _self_before(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` ends with a self reference of the publishing body or
        place (我校, 我市: data/context_self_refs.tsv; asked where no party is named), or
        with a common word for a body that no name stands for here (学校与乙签约, 代表学校和企业:
        data/agreement_unnamed_sides.tsv, when no mention covers it and the article names no
        body of the kind the word stands for, its scope: the publisher, unnamed)."""
        stretch = self.view.text[start:end].rstrip()
        if stretch.endswith(tuple(words("context_self_refs"))):
            return True
        entry = next((e for e in entries("agreement_unnamed_sides") if stretch.endswith(e.word)), None)
        if entry is None or self.view.refs_in(start + len(stretch) - len(entry.word), start + len(stretch)):
            return False
        return not any(e.subtype in entry.scope for e in self.article.entities)  # 学校 beside a named university is it

    def _pair_before(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` names two organizations or places joined by 与/同/和
        (甲与乙…签约仪式; not 王一和王二出席签约仪式)."""
        sides = [r for r in self.view.refs_in(start, end) if r.type != "Person"]
        return (len(sides) >= 2 and not self.view.refs_in(start, end, "Person")
                and with_re().search(self.view.text, sides[0].end, sides[-1].start) is not None
                and not any(w in self.view.text[sides[-1].end:end]  # not 甲与乙共同举办的…, 甲和乙的代表参加…
                            for w in words("agreement_ceremony_marks", "attribute")))

    def _opener(self, clauses: list[Clause]) -> list[int]:
        """The place or organization opening the last of ``clauses`` that opens
        with one (甲市…举行，乙集团作为…，与丙签署: 乙集团 signs), else []."""
        for cl in reversed(clauses):
            refs = self.view.refs_in(cl.start, cl.end)
            if refs and refs[0].start - cl.start <= 1 and refs[0].type != "Person":
                return [refs[0].entity]
        return []

    def _frame_clauses(self, clauses: list[Clause]) -> list[int]:
        """The clauses of a 在X、Y的共同见证下 frame (its people witness every signing
        of the sentence): one clause, or a few when the names of the frame are listed
        over commas (在书记王一,董事长李二的见证下): the nearest clause opening with 在
        before the clause that closes the frame, every clause before that closing one
        ending with a name (no verb of its own), and nothing signed after 见证下."""
        text = self.view.text
        for j, closing in enumerate(clauses):
            if WITNESS_FRAME_RE.match(closing.text):
                return [j]
            for i in range(j - 1, max(-1, j - _FRAME_CLAUSES), -1):
                frame = WITNESS_FRAME_RE.match(text[clauses[i].start:closing.end])
                if frame is None:
                    continue
                names_only = all(ends_with_name(self.view, clauses[k]) for k in range(i, j))
                if names_only and not sign_re().search(text, clauses[i].start + frame.end(), closing.end):
                    return list(range(i, j + 1))
                break
        return []

    def _witnesses(self, clauses: list[Clause], ci: int, pos: int) -> list[int]:
        """Who 见证 the signing at ``pos`` (None of them when no 见证 precedes it)."""
        cl = clauses[ci]
        w = next(iter(self.view.find(witness_re(), cl.start, pos)), None)
        if w is None:
            return []
        return self._witness_subject(clauses, ci, w.start())

    def _witness_subject(self, clauses: list[Clause], ci: int, pos: int) -> list[int]:
        """The people who 见证 at ``pos``: those before it in its clause (with
        the people listed in the clauses right before: 王一,李二见证签约), else the
        subject of the sentence: the people of its first clause that names any
        (X出席签约仪式，见证…; X与Y座谈，共同见证… -> X and Y), or, when that clause
        opens a list of people over several clauses, all of the list (书记王一,区长李二等
        参加会议,并共同见证… -> both), else the delegation leader."""
        cl = clauses[ci]
        view = self.view
        persons = [r.entity for r in view.refs_in(cl.start, pos, "Person")]
        if persons:
            return listed_before(view, clauses[:ci]) + persons

        def people(k: int) -> list[int]:  # not a reporter of a byline ((记者 王一)1月30日，…)
            return [r.entity for r in view.refs_in(clauses[k].start, clauses[k].end, "Person")
                    if not byline_re().search(view.text, max(0, r.start - _BYLINE_ROLE), r.start)]

        naming = [k for k in range(ci) if not ("陪同" in clauses[k].text or WITNESS_FRAME_RE.match(clauses[k].text))
                  and people(k)]
        if not naming:
            return latest_visit_leaders(self.article, cl.sentence)
        first, last = naming[0], naming[-1]

        run = [x for k in range(first, last) for x in people(k)]
        if last > first and listed_before(view, clauses[first:last]) == run:
            return list(dict.fromkeys(run + people(last)))  # one list of people, the verb in its last clause
        return people(first)

    def _later_witnesses(self, si: int, clauses: list[Clause]) -> None:
        """``X、Y等共同见证签约。`` told after the signings: X and Y witness the
        signings of the sentences just before (same paragraph, else the
        nearest of the :data:`_WITNESS_LOOKBACK` before it that tells any)
        that have no witness yet; so do guests listed after 见证 (出席见证的贵宾包括X、Y等人)."""
        view = self.view
        found = closing_witness(view, clauses)
        if found is not None:
            ci, w = found
            cl = clauses[ci]
            if irrealis_re("agreements").search(view.text, cl.start, w):
                return
            people = self._witness_subject(clauses, ci, w)
        else:
            people = listed_witnesses(view, clauses)
        if not people:
            return
        told = self._told_before(si)
        for a in told:
            if not a.witnesses:
                a.witnesses.extend(people)
        if not told:  # no signing told yet: the one the article tells next
            self.ahead = people

    def _told_before(self, si: int) -> list[Agreement]:
        """The agreements of the sentences before ``si`` in its paragraph, else of the
        nearest of the :data:`_WITNESS_LOOKBACK` paragraphs before it that tells any,
        else those of the headline (the signing the whole article reports), or all
        told before when they are one signing told again (headline, then body)."""
        para = self.article.sentences[si].paragraph
        for p in range(para, para - 1 - _WITNESS_LOOKBACK, -1):
            told = [a for a in self.found if a.sentence < si and self.article.sentences[a.sentence].paragraph == p]
            if told:
                return told
        before = [a for a in self.found if a.sentence < si]
        if before and all(set(a.parties) & set(before[0].parties) and self._same(a, before[0]) for a in before[1:]):
            return before  # the one signing the article tells, however far back
        if any(not self._headline(a.sentence) for a in before):
            return []  # a signing told after the headline, beyond the look-back: not the headline's
        return [a for a in self.found if a.sentence < si and self._headline(a.sentence)]

    def _signing(self, si: int, clauses: list[Clause], ci: int, m: re.Match, subject: list[int],
                 frame: list[int]) -> list[int] | None:
        """The agreements of the signing verb ``m`` in clause ``ci``: 分别 lists
        (kg.agreements.agreement_sides), 代表 signers, a bare list of parties
        (or the ``subject``) with projects, else the ``A与B(就X)`` units.
        Returns the left side, the subject for later clauses."""
        view, text = self.view, self.view.text
        cl = clauses[ci]
        witnesses = self._witnesses(clauses, ci, m.start()) or frame
        region_start = cl.start
        wit = text.find("见证", cl.start, m.start())
        if wit >= 0:
            region_start = wit + 2
        rep = text.find("代表", region_start, m.start())
        resp = _respective_at(text, region_start, m.start())
        if resp >= 0 and (rep < 0 or rep + 2 == resp):  # 甲、乙(企业代表)分别与…
            done = respective_signings(view, cl, region_start, resp, m, subject)
            if done is not None:
                found, left = done
                for name, sides in found:
                    self.add(name, sides, witnesses, si)
                return left
        pairs = [w for w in view.find(with_re(), region_start, m.start()) if party_follows(view, w.end(), m.start())]
        # 甲与乙、丙和丁签约: after a first counterpart word, one that also joins list items
        # (和: data/model_with.tsv, scope joins) continues the other side's list
        joiners = words("model_with", "joins")
        pairs = [w for k, w in enumerate(pairs) if k == 0 or w.group() not in joiners]
        name = name_after(text, m.end(), cl.end) or name_before(text, cl.start, m.start())
        quoted = quoted_names(text, m.end(), cl.end)  # 签署了《A》《B》: one agreement per title
        if rep >= 0 and any(w + text[rep : rep + 2] in text[region_start : m.start()]
                            for w in words("context_respective_words", "signing")):
            self.add(name, self._p(rep, m.start()), witnesses, si)
            return None
        listed = projects_before(text, region_start, m.start())
        if listed is not None and (listed[0] or self.host or any(
                w in text[listed[2]:m.start()] for w in words("agreement_collective_signings", "marker"))):
            # 甲、乙等5个项目(集中)签约, 丙区招商引资24个项目在X集中签约: the holder
            # opening the clause (丙区), else that of the collective signing told before;
            # a count alone only at a collective signing (not 今年14个项目签约)
            items, lo, hi = listed
            holder = [r.entity for r in view.refs_in(region_start, lo) if self._holds(r)][:1] or self.host
            # not 市长王一、乙企业代表分别就…等16个项目签约 (signers named), 甲与乙就A、B等项目签约 (pairs)
            if holder and _projects_at(text, lo, hi) < 0 and not any(w.start() < lo for w in pairs):
                for item in items or [text[lo:hi]]:
                    self.add(item, holder, witnesses, si)
                return holder
        if not pairs:
            named = self._p(region_start, m.start())
            projects = projects_after(text, m.end(), cl.end)
            if projects and not named:
                named = subject
            if projects and named:
                for p in projects:
                    self.add(p, named, witnesses, si)
            elif name and (len(named) >= 2 or (named and subject)):
                sides = (subject if len(named) < 2 else []) + named
                for n in quoted or [name]:
                    self.add(n, self._title_sides(n, m.end(), cl.end) or sides, witnesses, si)
            elif name and not named:  # 会上签订了《甲与乙…协议》: no side told, the title names its own
                for n in quoted or [name]:
                    own = self._title_sides(n, m.end(), cl.end)
                    if own:
                        self.add(n, own, witnesses, si)
            return named or None
        # one or more "A与B(就X)" units before the trigger
        last_left: list[int] = []
        for left_lo, wm, right_hi in with_units(view, region_start, pairs, m.start()):
            lo = rep if rep >= 0 and left_lo <= rep < wm.start() else left_lo
            left = self._p(lo, wm.start()) or last_left or subject
            jiu = _projects_at(text, wm.end(), right_hi)
            right = self._counted(si, wm.end(), jiu if jiu >= 0 else right_hi, left) if left else []
            right = right or self._p(wm.end(), jiu if jiu >= 0 else right_hi)  # 与三家银行: the banks named nearby
            if not right or not (left or self._self_before(lo, wm.start())):
                continue  # (我校与乙签约: the publishing body is no entity here; 乙 signs)
            last_left = left
            projects = project_list(text, jiu + 1, right_hi if right_hi < m.start() else m.start()) if jiu >= 0 else []
            if not projects and not name:  # A与B签约丙项目和丁项目
                projects = projects_after(text, m.end(), cl.end)
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
                for n in quoted or [name or (projects[0] if projects else "")]:
                    self.add(n, (self._title_sides(n, m.end(), cl.end) if quoted else []) or left + right,
                             witnesses, si)
        return last_left or None

    def _title_sides(self, name: str, start: int, end: int) -> list[int]:
        """The sides a listed title names itself (《甲研究院与乙大学学术交流合作协议书》:
        甲研究院 and 乙大学, joined by 与): [] when it names fewer than two."""
        lo = self.view.text.find(name, start, end)
        if lo < 0 or not with_re().search(name):
            return []
        own = self._p(lo, lo + len(name))
        return own if len(own) >= 2 else []

    def _counted(self, si: int, start: int, end: int, left: list[int]) -> list[int]:
        """The organizations a count right after 与 stands for (与3家企业, 与三家银行):
        those of the nearest sentence of this paragraph or the next or previous one
        that names exactly that many other than ``left`` (data/agreement_counted_sides.tsv)."""
        m = count_re().match(self.view.text, start, end)
        if m is None:
            return []
        digits = m.group(1)
        n = int(digits) if digits.isdigit() else count_values()[digits]
        sents = self.article.sentences
        para = sents[si].paragraph
        near = sorted((k for k in range(len(sents)) if k != si and abs(sents[k].paragraph - para) <= 1),
                      key=lambda k: abs(k - si))
        for k in near:
            orgs = list(dict.fromkeys(r.entity for r in self.view.refs_in(sents[k].start, sents[k].end, "Organization")
                                      if r.entity not in left))
            if len(orgs) == n:
                return orgs
        return []

    def _joint(self, si: int, name: str) -> bool:
        """A signing of several parties together: 三方/多方 in its name or sentence."""
        return any(w in name or w in self.article.sentences[si].text for w in words("agreement_joint_words"))

    def _headline(self, sentence: int) -> bool:
        """Whether a sentence is the article's headline (alone in the first paragraph)."""
        sents = self.article.sentences
        return sentence == 0 and (len(sents) == 1 or sents[1].paragraph != sents[0].paragraph)

    def _same(self, a: Agreement, b: Agreement, body: dict[int, int] | None = None) -> bool:
        """Whether two agreements sharing a party are one told twice: same name,
        one told in the headline, or, when one's parties include the other's,
        one name generic (协议书, 本次备忘录) or inside the other. ``body`` reads a
        place as the government body another telling names (:meth:`_place_bodies`)."""
        pa, pb = _sides(a, body or {}), _sides(b, body or {})
        nested = pa <= pb or pb <= pa
        return (a.name == b.name or self._headline(a.sentence) or self._headline(b.sentence)
                or (nested and (is_generic(a.name) or is_generic(b.name) or a.name in b.name or b.name in a.name)))

    def _place_bodies(self, agreements: list[Agreement]) -> dict[int, int]:
        """Each place party of ``agreements`` -> its government (the place's name and
        an ending of data/relation_body_endings.tsv, gov_name) named as a party of
        another of them (丽水 in 移动浙江公司与丽水进行合作签约 -> 丽水市政府 of
        市政府与中国移动通信集团浙江有限公司签署…): one side told two ways."""
        ents = self.article.entities
        told = list(dict.fromkeys(p for a in agreements for p in a.parties))
        orgs = {ents[q].name: q for q in reversed(told) if ents[q].type == "Organization"}
        out: dict[int, int] = {}
        for p in told:
            if ents[p].type == "Place":
                body = _government_named([n for n in (ents[p].name, *ents[p].aliases) if len(n) >= 2], orgs)
                if body is not None:
                    out[p] = body
        return out

    def _bodies_for_places(self, sides: list[int], told: list[int]) -> list[int]:
        """``sides`` with a place replaced by its government body where another telling of
        the agreement names that body as the party (福建省政府与招商局集团签署… and later
        来与福建签订…: 福建省政府 signs; the guide: a government that signs is its body)."""
        ents = self.article.entities
        out: list[int] = []
        for p in sides:
            e = ents[p]
            names = tuple(n for n in (e.name, *e.aliases) if len(n) >= 2) if e.type == "Place" else ()
            body = next((q for q in told if q not in sides and ents[q].type == "Organization"
                         and ents[q].subtype == "GovernmentBody" and names and ents[q].name.startswith(names)), None)
            out.append(p if body is None else body)
        return list(dict.fromkeys(out))

    def _committee_signers(self) -> dict[int, int | None]:
        """Who signs for each place's party committee of the article (临海市委: a
        committee ending after a place, data/relation_body_endings.tsv): the place's
        government when the article names it (临海市政府, 临海市人民政府), else no one
        (a committee does not sign; in the corpus gold no committee is a party)."""
        from kg.lexicons.gazetteer import lookup

        ents = self.article.entities
        places = {n for e in ents if e.type == "Place" for n in (e.name, *e.aliases)}
        orgs = {n: i for i, e in enumerate(ents) if e.type == "Organization" for n in (e.name, *e.aliases)}
        committees = words("relation_body_endings", "committee")
        out: dict[int, int | None] = {}
        for i, e in enumerate(ents):
            end = next((c for c in committees if e.name.endswith(c)), None)
            place = e.name[: -len(end)] if end and e.type == "Organization" else ""
            gov = _government_named([place], orgs)
            if gov is not None or len(place) >= 2 and (place in places or lookup(place)):
                out[i] = gov  # not 发改委, 集团党委: no place's committee
        return out

    def finish(self) -> None:
        """Drop an agreement told again later (see :meth:`_same`); the later,
        more specific telling keeps its name and parties, witnesses add up."""
        kept: list[Agreement] = []
        told = [a for a in self.found if id(a) not in self.ceremonies]
        if told:  # a ceremony's own agreement only when nothing else was told; its witnesses stay
            for c in self.found:
                if id(c) in self.ceremonies and c.witnesses:
                    to = ([a for a in told if set(a.parties) & set(c.parties)]
                          or [a for a in told if self._headline(a.sentence)])
                    for a in to:
                        if not a.witnesses:
                            a.witnesses.extend(c.witnesses)
        body = self._place_bodies(told or self.found)
        for a in told or self.found:
            for k, b in enumerate(kept):
                if b.sentence == a.sentence or not _sides(a, body) & _sides(b, body) or not self._same(a, b, body):
                    continue
                name = b.name if is_generic(a.name) else a.name
                sides = a.parties if len(a.parties) >= len(b.parties) or not is_generic(a.name) else b.parties
                if self._headline(a.sentence):
                    name, sides = (a.name if is_generic(b.name) else b.name), b.parties
                sides = self._bodies_for_places(sides, a.parties + b.parties)
                kept[k] = Agreement(name, sides, sorted(set(a.witnesses) | set(b.witnesses)), [],
                                    a.sentence, a.evidence)
                break
            else:
                kept.append(a)
        signers = self._committee_signers() if kept else {}
        written: dict[tuple, Agreement] = {}
        for a in kept:
            a.parties = list(dict.fromkeys(q for p in a.parties if (q := signers.get(p, p)) is not None))
            if not a.parties:
                continue
            same = written.setdefault((a.name, frozenset(a.parties)), a)
            if same is not a:  # one document told twice in ways the merge above keeps apart: one entry
                same.witnesses.extend(w for w in a.witnesses if w not in same.witnesses)
        for a in written.values():
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
