"""Generic references: which entity a generic word or a titled surname means.

News text names an organization once and then calls it 集团, 公司, 研究所,
我所; it says 我市 for the article's own city and 吴市长 for a person named
with that title. This module resolves such words to the entity they mean and
records them as ``Mention(generic=True)``:

- :func:`resolve_generic_references`: 集团 / 公司 / 实验室 … -> the organization
  that is the topic of the paragraph (``甲集团有限公司由乙集团、丙集团重组而成。
  张三与集团董事长李四会谈`` -> 集团 is 甲集团有限公司); 我所 / 我市 -> the
  publishing body or the place in focus; then 市委 / 市政府 / 省发改委 via
  :func:`kg.context.focus.resolve_bodies`;
- :func:`resolve_titled_surnames`: 王市长 -> the only 王… who is a 市长.

A generic word alone never creates an entity, and it is never an alias.
"""

from __future__ import annotations

import re

from kg.doc import Article
from kg.context.focus import add_generic_mention, focus_place, resolve_bodies
from kg.context.places import PlaceInfo, covered, place_infos

COMPANY_NEEDLES = ("公司", "集团", "科技")
#: organizations a company word never means when they frame its sentence (在甲市政府，…)
_NOT_COMPANY_RE = re.compile(r"(?:政府|委员会|委|局|厅|办|部|院|所|大学|学院|学校|协会|商会|联合会|党校|管委会)$")
#: generic word -> (what the antecedent's name must contain, entity type)
GENERIC_ORGS: dict[str, tuple[tuple[str, ...], str]] = {
    "该集团": (("集团",), "Organization"),
    "集团": (("集团",), "Organization"),
    "该公司": (COMPANY_NEEDLES, "Organization"),
    "公司": (COMPANY_NEEDLES, "Organization"),
    "企业": (("公司", "集团", "科技", "能源", "电气", "电子"), "Organization"),
    "研究所": (("研究所", "所"), "Organization"),
    "该所": (("研究所", "所"), "Organization"),
    "研究院": (("研究院", "院"), "Organization"),
    "该院": (("研究院", "院"), "Organization"),
    "园区": (("园区", "园", "高新区", "开发区"), "Place"),
    "科技园": (("科技园", "园"), "Place"),
    "基地": (("基地",), "Place"),
    "高新区": (("高新区", "高新技术产业开发区"), "Place"),
    "开发区": (("开发区",), "Place"),
    "实验室": (("实验室",), "Organization"),
    "学院": (("学院",), "Organization"),
    "大学": (("大学",), "Organization"),
}
#: self references of the publishing body or place (我所 = the institute publishing the article)
SELF_REFS: dict[str, tuple[tuple[str, ...], str]] = {
    "我所": (("研究所", "所"), "Organization"),
    "本所": (("研究所", "所"), "Organization"),
    "我院": (("研究院", "院", "学院"), "Organization"),
    "我校": (("大学", "学院"), "Organization"),
    "我市": (("市",), "Place"),
    "本市": (("市",), "Place"),
    "我区": (("区",), "Place"),
    "本区": (("区",), "Place"),
    "我县": (("县",), "Place"),
    "我省": (("省",), "Place"),
}
#: characters that make a generic word part of a compound (子公司, 上市公司, 公司家)
_COMPOUND_BEFORE = set("子分总母各等类家上该本")
_COMPOUND_AFTER = set("家们化群")
#: function words that may stand right before a generic word (与研究所所长…)
_FUNCTION_CHARS = set("与和及同在向对由是的了将把被为到赴从给帮")


def _mention_counts(article: Article) -> dict[int, int]:
    counts: dict[int, int] = {}
    for m in article.mentions:
        if m.entity is not None:
            counts[m.entity] = counts.get(m.entity, 0) + 1
    return counts


def _topic_org(article: Article, needles: tuple[str, ...], type: str, offset: int) -> int | None:
    """The entity a generic word at ``offset`` refers to.

    Candidates are entities of ``type`` whose name contains one of
    ``needles`` and that are mentioned (not generically) earlier in the same
    paragraph; the paragraph's topic (a candidate that opens one of its
    sentences, or the place of a frame opening it: 在甲实验室，…与实验室副主任
    王一座谈 -> 甲实验室) wins, then the most recent; None without a
    candidate in the paragraph.
    """
    sent = article.sentence_of(offset)
    para = article.sentences[sent].paragraph
    cand_pos: dict[int, list[int]] = {}
    for m in article.mentions:
        if m.entity is None or m.generic or m.start >= offset:
            continue
        e = article.entities[m.entity]
        if e.type != type or not any(n in e.name or any(n in a for a in e.aliases) for n in needles):
            continue
        cand_pos.setdefault(m.entity, []).append(m.start)
    in_para = {
        i: ps for i, ps in cand_pos.items()
        if any(article.sentences[article.sentence_of(p)].paragraph == para for p in ps)
    }
    framed = _framing(article, offset, _framed_companies(article, offset) if needles == COMPANY_NEEDLES else in_para)
    if framed is not None:
        return framed
    if in_para:
        opens = [s.start for s in article.sentences if s.paragraph == para]
        topics = [i for i, ps in in_para.items() if any(_opens_sentence(article.text, opens, p) for p in ps)]
        if len(topics) == 1:
            return topics[0]
        return max(in_para, key=lambda i: max(in_para[i]))
    return None


#: a locative frame opening a sentence: (7月16日)(上午)在 A，…
_FRAME_LEAD_RE = re.compile(r"[\d一二三四五六七八九十月日年上下午晚间，,]*在")


#: what may close a frame after its name: 在甲公司(的)(生产基地|总部|展厅)，
_FRAME_TAIL_RE = re.compile(r"(?:的)?(?:[^\W，,。；;的与和]{0,2}(?:总部|基地|车间|工厂|展厅|园区|厂区|现场|产线|生产线|中心))?[，,]")


def _opens_sentence(text: str, starts: list[int], pos: int) -> bool:
    """Whether a mention at ``pos`` opens a sentence, alone or after a frame
    word: 甲公司…; 在甲公司，…; 16日上午在甲公司，… (the clause's topic)."""
    for s in starts:
        if s == pos or (s < pos and _FRAME_LEAD_RE.fullmatch(text, s, pos)):
            return True
    return False


def _framed_companies(article: Article, offset: int) -> dict[int, list[int]]:
    """Organizations named in the sentence before ``offset`` that may be a
    company: the candidates of a frame for 公司 (在甲新能源，…与公司总经理王一…
    -> 甲新能源, whatever its name says)."""
    s = article.sentences[article.sentence_of(offset)]
    out: dict[int, list[int]] = {}
    for m in article.mentions:
        if m.entity is None or m.generic or not s.start <= m.start < offset:
            continue
        e = article.entities[m.entity]
        if e.type == "Organization" and not _NOT_COMPANY_RE.search(e.name):
            out.setdefault(m.entity, []).append(m.start)
    return out


def _framing(article: Article, offset: int, cands: dict[int, list[int]]) -> int | None:
    """The candidate named by the latest locative frame of the sentence before
    ``offset``: 在甲公司，公司董事长王一…；在乙公司，王二与公司副总经理李三交流
    -> 公司 is 乙公司 in the second clause. A frame opens the sentence or a
    clause (after ，；) and is 在 + the name + a clause break."""
    s = article.sentences[article.sentence_of(offset)]
    text = article.text
    best, best_pos = None, -1
    for i, ps in cands.items():
        for p in ps:
            if not s.start <= p < offset or p <= best_pos or text[p - 1 : p] != "在":
                continue
            k = p - 1
            while k > s.start and text[k - 1] in "0123456789一二三四五六七八九十月日年上下午晚间":
                k -= 1
            if k != s.start and text[k - 1] not in "，,；;":
                continue
            end = next((m.end for m in article.mentions if m.start == p and m.entity == i), p)
            # the frame ends at the clause break, perhaps after a place word (在甲公司总部，)
            if end < len(text) and _FRAME_TAIL_RE.match(text, end):
                best, best_pos = i, p
    return best


def _self_ref(article: Article, infos: dict[int, PlaceInfo], needles: tuple[str, ...], type: str, offset: int):
    if type == "Place":
        return focus_place(article, infos, needles[0], offset)
    counts = _mention_counts(article)
    cands = [
        i for i, e in enumerate(article.entities)
        if e.type == type and any(e.name.endswith(n) or any(a.endswith(n) for a in e.aliases) for n in needles)
    ]
    return max(cands, key=lambda i: counts.get(i, 0)) if cands else None


def resolve_generic_references(article: Article) -> None:
    """Add generic mentions (集团, 我所, 我市, 市委, 省发改委 …) for the entities they mean."""
    text = article.text
    infos = place_infos(article)
    cov = covered(article)
    words = sorted(list(GENERIC_ORGS) + list(SELF_REFS), key=len, reverse=True)
    word_re = re.compile("|".join(words))
    for m in word_re.finditer(text):
        s, e = m.start(), m.end()
        if any(cov[s:e]):
            continue
        w = m.group()
        prev = text[s - 1] if s else ""
        nxt = text[e] if e < len(text) else ""
        if w in SELF_REFS:
            target = _self_ref(article, infos, *SELF_REFS[w], s)
        else:
            if prev in _COMPOUND_BEFORE or nxt in _COMPOUND_AFTER:
                continue
            if (
                "\u4e00" <= prev <= "\u9fff" and not cov[s - 1] and prev not in _FUNCTION_CHARS
                and w in ("大学", "学院")
            ):
                continue  # part of an unrecognized longer name
            target = _topic_org(article, *GENERIC_ORGS[w], s)
        if target is None:
            continue
        add_generic_mention(article, s, e, target)
        for i in range(s, e):
            cov[i] = True
    resolve_bodies(article, infos, cov)


def resolve_titled_surnames(article: Article) -> None:
    """吴市长, 李院长, 刘所长: a surname and a title for a person named with that title.

    Needs ``article.positions``: the person must be the only one whose name
    starts with that surname and who holds a post ending with that role
    (吴市长 -> 吴海英, 副市长; 包书记 -> 包翠艳, 党委书记).
    """
    from kg.lexicons.titles import title_at

    cov = covered(article)
    held: dict[int, list[str]] = {}
    for p in article.positions:
        held.setdefault(p.person, []).append(p.title)
    text = article.text
    for s in range(len(text) - 2):
        if cov[s] or cov[s + 1] or not "\u4e00" <= text[s] <= "\u9fff":
            continue
        if s and "\u4e00" <= text[s - 1] <= "\u9fff" and not cov[s - 1]:
            continue  # inside a word
        t = title_at(text, s + 1)
        if t is None:
            continue
        end, body, role = t
        if body:
            continue
        bare = role.removeprefix("常务").removeprefix("副")
        cands = [
            i for i, titles in held.items()
            if article.entities[i].name.startswith(text[s]) and len(article.entities[i].name) >= 2
            and any(tt.endswith(bare) for tt in titles)
        ]
        if len(cands) == 1:
            add_generic_mention(article, s, end, cands[0])
            for i in range(s, end):
                cov[i] = True
