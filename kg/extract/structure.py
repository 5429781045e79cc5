"""partOf and locatedIn: structure stated in the text, in names, or in the gazetteer.

locatedIn (organization or place -> place), each direct step once:

- the administrative parent of a place when the article names both
  (平顶山市 -> 河南省, 卫东区 -> 平顶山市; gazetteer codes);
- the most specific place named inside a name (恒玄科技(上海)股份有限公司
  -> 上海, 大洼区盘锦天润置业有限公司 -> 大洼区, 平顶山市委 -> 平顶山市);
- 位于X的Y -> Y in X; a place written right before a smaller one
  (竹北台元科技园区 -> 台元科技园区 in 竹北) when the gazetteer is silent.

partOf (organization -> organization):

- a name that extends another organization's name (中科院兰州分院 ->
  中国科学院 via its alias 中科院, 船营区委统战部 -> 船营区委);
- 所属企业/旗下公司 Y (owner: the organization named before it), and
  X是…Y旗下公司.
"""

from __future__ import annotations

import re

from kg.doc import Article, Relation
from kg.extract.clauses import TextView
from kg.extract.focus import PlaceInfo

LOCATED_RE = re.compile(r"位于")
OWNED_RE = re.compile(r"(?:所属|旗下)(?:的)?(?:企业|公司|子公司|单位)")


def _names(article: Article, i: int) -> list[str]:
    e = article.entities[i]
    return sorted({e.name, *e.aliases}, key=len, reverse=True)


def _descends(infos: dict[int, PlaceInfo], a: int, b: int, article: Article) -> bool:
    """Whether place a lies inside place b (codes, else names: 唐山高新区 in 唐山市)."""
    ia, ib = infos.get(a), infos.get(b)
    if ia and ib and ia.code and ib.code:
        from kg.extract import gazetteer

        p = gazetteer.by_code(ia.code)
        return p is not None and any(x.code == ib.code for x in gazetteer.ancestors(p))
    na, nb = article.entities[a].name, article.entities[b].name
    return na != nb and (nb in na or (ib is not None and len(ib.stem) >= 2 and na.startswith(ib.stem)))


def structure_relations(article: Article, view: TextView, infos: dict[int, PlaceInfo]) -> list[Relation]:
    out: list[Relation] = []
    out += _admin_steps(article, infos)
    out += _places_in_names(article, view, infos)
    out += _stated_location(article, view)
    out += _names_extending(article)
    out += _stated_ownership(article, view)
    return out


def _admin_steps(article: Article, infos: dict[int, PlaceInfo]) -> list[Relation]:
    by_code = {inf.code: i for i, inf in infos.items() if inf.code}
    out = []
    for i, inf in infos.items():
        if inf.parent and inf.parent in by_code and by_code[inf.parent] != i:
            out.append(Relation("locatedIn", i, by_code[inf.parent], 0, "gazetteer"))
    return out


def _places_in_names(article: Article, view: TextView, infos: dict[int, PlaceInfo]) -> list[Relation]:
    forms = []
    for i, inf in infos.items():
        if inf.level == "Country":
            continue
        for n in {*_names(article, i), inf.stem}:
            if len(n) >= 2:
                forms.append((n, i))
    before: dict[int, set[int]] = {}
    for a in view.refs:
        b = view.ref_starting(a.end)
        if b is not None and a.type == "Place" and not b.generic and b.type != "Person":
            known = infos.get(a.entity) and infos[a.entity].code and infos.get(b.entity) and infos[b.entity].code
            if not known:
                before.setdefault(b.entity, set()).add(a.entity)
    out = []
    for j, e in enumerate(article.entities):
        if e.type == "Person":
            continue
        name = e.name
        found: dict[int, tuple[int, int]] = {}
        for i in before.get(j, ()):  # 大洼区盘锦天润置业: the place written right before it
            found[i] = (-1, 0)
        for n, i in forms:
            if i == j:
                continue
            k = name.find(n)
            if k >= 0 and (i not in found or (k, -len(n)) < found[i]):
                found[i] = (k, -len(n))
        if not found:
            continue
        # the most specific: drop places that contain another found one
        cands = [i for i in found if not any(o != i and _descends(infos, o, i, article) for o in found)]
        if j in infos:
            cands = [i for i in cands if not _descends(infos, i, j, article)]
        if cands:
            best = min(cands, key=lambda i: found[i])
            out.append(Relation("locatedIn", j, best, 0, e.name))
    return out


def _stated_location(article: Article, view: TextView) -> list[Relation]:
    out = []
    for m in view.find(LOCATED_RE, 0, len(view.text)):
        si = article.sentence_of(m.start())
        end = article.sentences[si].end
        place = view.ref_starting(m.end())
        if place is None or place.type != "Place":
            continue
        place = view.chain_end(place, end)
        rest = view.text.find("的", place.end, min(end, place.end + 2))
        if rest < 0:
            continue
        thing = view.ref_starting(rest + 1)
        if thing is not None and thing.type != "Person":
            out.append(Relation("locatedIn", thing.entity, place.entity, si, article.sentences[si].text))
    return out


def _names_extending(article: Article) -> list[Relation]:
    orgs = [i for i, e in enumerate(article.entities) if e.type == "Organization"]
    out = []
    for a in orgs:
        na = article.entities[a].name
        best = None
        for b in orgs:
            if b == a:
                continue
            for n in _names(article, b):
                if len(n) >= 3 and na.startswith(n) and len(na) - len(n) >= 2:
                    if best is None or len(n) > best[1]:
                        best = (b, len(n))
        if best is not None:
            out.append(Relation("partOf", a, best[0], 0, na))
    return out


def _stated_ownership(article: Article, view: TextView) -> list[Relation]:
    out = []
    for m in OWNED_RE.finditer(view.text):
        if not view.outside_refs(m.start(), m.start() + 2):
            continue
        si = article.sentence_of(m.start())
        s = article.sentences[si]
        before = [r for r in view.refs_in(s.start, m.start()) if r.type == "Organization"]
        if not before:
            continue
        owner = before[-1]
        generic = view.ref_at(m.end() - 1)
        start = generic.end if generic is not None else m.end()
        after = view.list_items(start, _clause_end(view, start, s.end))
        if after:
            for r in after:
                if r.type == "Organization":
                    out.append(Relation("partOf", r.entity, owner.entity, si, s.text))
        elif before[0].entity != owner.entity and "是" in view.text[before[0].end : owner.start]:
            # X是…Y旗下公司
            out.append(Relation("partOf", before[0].entity, owner.entity, si, s.text))
    return out


def _clause_end(view: TextView, start: int, end: int) -> int:
    m = re.compile(r"[，,；;。]").search(view.text, start, end)
    return m.start() if m else end
