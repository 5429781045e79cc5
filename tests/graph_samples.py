"""Graphs in the contract's vocabulary for the analytics, HTML and browser tests.

``sample_graph()``: a small hand-made graph with every class and relation, the
class hierarchy, provenance, and entities whose names are script-injection
attempts. ``generated_graph(n)``: a random graph of ``n`` entities with hubs,
for size and speed checks. Both are plain rdflib; they do not depend on the
project's RDF mapping.
"""

from __future__ import annotations

import random

from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, SKOS

KG = Namespace("https://w3id.org/zhkg/ontology#")
ENT = Namespace("https://w3id.org/zhkg/test/")

INJECT_IMG = "<img src=x onerror=\"window.__kg_pwned=1;alert(1)\">"
INJECT_SCRIPT = "</script><script>window.__kg_pwned=2;alert(2)</script>"
INJECT_EVIDENCE = "他说<b onmouseover=\"window.__kg_pwned=3\">粗体</b> & \"引号\" \u2028 <!-- 注释 --> </script>"


def ontology_subclasses() -> list[tuple[URIRef, URIRef]]:
    """The kg -> kg ``rdfs:subClassOf`` pairs of the shipped ontology (the contract's class tree)."""
    from kg.rdf.ontology import load_ontology

    onto = load_ontology()
    return sorted((s, o) for s, o in onto.subject_objects(RDFS.subClassOf)
                  if str(s).startswith(str(KG)) and str(o).startswith(str(KG)))


def _base() -> Graph:
    g = Graph()
    g.bind("kg", KG)
    g.bind("skos", SKOS)
    g.bind("dcterms", DCTERMS)
    for sub, sup in ontology_subclasses():
        g.add((sub, RDFS.subClassOf, sup))
    return g


def _entity(g: Graph, key: str, cls: str, label: str, *aliases: str) -> URIRef:
    node = ENT[key]
    g.add((node, RDF.type, KG[cls]))
    g.add((node, RDFS.label, Literal(label, lang="zh")))
    for a in aliases:
        g.add((node, SKOS.altLabel, Literal(a, lang="zh")))
    return node


def _article(g: Graph, key: str, source_file: str, date: str) -> URIRef:
    node = ENT[key]
    g.add((node, RDF.type, KG.Article))
    g.add((node, KG.sourceFile, Literal(source_file)))
    g.add((node, DCTERMS.date, Literal(date, datatype=XSD.date)))
    return node


def _prov(g: Graph, key: str, cls: str, article: URIRef, sentence: str, **links: URIRef) -> URIRef:
    node = ENT[key]
    g.add((node, RDF.type, KG[cls]))
    g.add((node, KG.source, article))
    g.add((node, KG.evidence, Literal(sentence, lang="zh")))
    for prop, obj in links.items():
        g.add((node, KG[prop], obj))
    return node


def sample_graph() -> Graph:
    """12 entities + 2 injection entities, every relation of the contract, provenance for each."""
    g = _base()
    a1 = _article(g, "article/1", "000_sample.txt", "2024-03-05")
    a2 = _article(g, "article/2", "001_sample.txt", "2024-04-10")

    chen = _entity(g, "p/chen", "Person", "陈向平", "陳向平")
    li = _entity(g, "p/li", "Person", "李洪凤")
    wang = _entity(g, "p/wang", "Person", "王明")
    img = _entity(g, "p/img", "Person", INJECT_IMG, INJECT_SCRIPT)
    party = _entity(g, "o/pds", "GovernmentBody", "平顶山市委")
    wd_gov = _entity(g, "o/wdgov", "GovernmentBody", "卫东区政府", "卫东区人民政府")
    bes = _entity(g, "o/bes", "Company", "恒玄科技(上海)股份有限公司", "恒玄科技")
    sic = _entity(g, "o/sic", "ResearchInstitution", "中国科学院上海硅酸盐研究所", "硅酸盐研究所")
    cas = _entity(g, "o/cas", "Organization", "中国科学院")
    nxu = _entity(g, "o/nxu", "University", "宁夏大学")
    assoc = _entity(g, "o/ccia", "Association", "中国计算机行业协会")
    henan = _entity(g, "pl/henan", "Province", "河南省")
    pds = _entity(g, "pl/pds", "City", "平顶山市")
    wd = _entity(g, "pl/wd", "District", "卫东区")
    park = _entity(g, "pl/ts", "Park", "唐山高新区")
    china = _entity(g, "pl/cn", "Country", "中国")
    agr = _entity(g, "ag/1", "Agreement", "意向合作协议")

    # shortcut triples
    g.add((chen, KG.visited, bes))
    g.add((chen, KG.visited, park))
    g.add((chen, KG.metWith, li))
    g.add((li, KG.metWith, chen))  # symmetric: both directions present
    g.add((wang, KG.accompanied, chen))
    g.add((chen, KG.affiliatedWith, party))
    g.add((li, KG.affiliatedWith, bes))
    g.add((wd_gov, KG.signed, agr))
    g.add((bes, KG.signed, agr))
    g.add((agr, KG.party, wd_gov))
    g.add((agr, KG.party, bes))
    g.add((chen, KG.witnessed, agr))
    g.add((sic, KG.partOf, cas))
    g.add((wd, KG.locatedIn, pds))
    g.add((pds, KG.locatedIn, henan))
    g.add((henan, KG.locatedIn, china))
    g.add((party, KG.locatedIn, pds))
    g.add((img, KG.metWith, li))
    g.add((img, KG.affiliatedWith, assoc))
    g.add((nxu, KG.locatedIn, china))
    for e in (chen, li, wang, party, wd_gov, bes, agr, wd, pds, henan):
        g.add((e, KG.mentionedIn, a1))
    for e in (img, sic, cas, nxu, assoc, park, china):
        g.add((e, KG.mentionedIn, a2))

    # positions
    pos = _prov(g, "pos/chen", "Position", a1, "平顶山市委书记陈向平一行来到恒玄科技考察。", positionIn=party)
    g.add((chen, KG.holdsPosition, pos))
    g.add((pos, KG.title, Literal("市委书记", lang="zh")))
    pos2 = _prov(g, "pos/li", "Position", a1, "恒玄科技董事长李洪凤陪同。", positionIn=bes)
    g.add((li, KG.holdsPosition, pos2))
    g.add((pos2, KG.title, Literal("董事长", lang="zh")))

    # events, linked to entities by the project's own properties (any property is fine)
    _prov(g, "ev/visit", "Visit", a1, "平顶山市委书记陈向平一行来到恒玄科技考察。", agent=chen, place=bes)
    _prov(g, "ev/park", "Visit", a2, "陈向平走进唐山高新区调研。", agent=chen, place=park)
    _prov(g, "ev/meet", "Meeting", a1, "陈向平与李洪凤座谈交流。", participant=chen)
    g.add((ENT["ev/meet"], KG.participant, li))
    _prov(g, "ev/acc", "Visit", a1, "王明陪同考察。", participant=wang)
    sign = _prov(g, "ev/sign", "Signing", a1, "卫东区政府与恒玄科技签订意向合作协议，陈向平见证签约。", agreement=agr)
    g.add((sign, KG.witness, chen))
    g.add((agr, KG.source, a1))
    g.add((agr, KG.evidence, Literal("卫东区政府与恒玄科技签订意向合作协议，陈向平见证签约。", lang="zh")))
    _prov(g, "ev/inject", "Meeting", a2, INJECT_EVIDENCE, participant=img)
    g.add((ENT["ev/inject"], KG.participant, li))
    _prov(g, "as/partof", "Assertion", a2, "中国科学院上海硅酸盐研究所是中国科学院所属研究所。", subject=sic, object=cas)
    return g


SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红玉兰晓东海峰宇新春雪梅林斌辉"
PLACE_CHARS = "东南西北中新安平兴华阳山江河湖海云宁广福泰长盛丰康源德永嘉"
ORG_SUFFIX = {
    "GovernmentBody": ["市人民政府", "区委", "发展和改革委员会", "商务局"],
    "Company": ["科技股份有限公司", "集团有限公司", "电子有限公司", "新能源有限公司"],
    "ResearchInstitution": ["研究所", "研究院"],
    "University": ["大学", "理工学院"],
    "Association": ["行业协会", "商会"],
}
PLACE_SUFFIX = {"Country": "国", "Province": "省", "City": "市", "District": "区", "Park": "高新区"}


def generated_graph(n_entities: int = 2000, seed: int = 0) -> Graph:
    """A random graph of exactly ``n_entities`` entities, about 2 relations each, with hubs.

    Mix: 40% people, 35% organizations, 20% places, 5% agreements; every relation
    has an event or position node with an evidence sentence and an article.
    """
    rnd = random.Random(seed)
    g = _base()
    articles = [_article(g, f"gen/article/{i}", f"{i:03d}_generated.txt", f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}") for i in range(50)]
    kinds = (["Person"] * 40) + (["Org"] * 35) + (["Place"] * 20) + (["Agreement"] * 5)
    by_kind: dict[str, list[URIRef]] = {"Person": [], "Org": [], "Place": [], "Agreement": []}
    labels: dict[URIRef, str] = {}
    for i in range(n_entities):
        kind = kinds[i % len(kinds)]
        if kind == "Person":
            cls, label = "Person", rnd.choice(SURNAMES) + rnd.choice(GIVEN) + rnd.choice(GIVEN)
        elif kind == "Org":
            cls = rnd.choice(list(ORG_SUFFIX))
            label = "".join(rnd.sample(PLACE_CHARS, 2)) + rnd.choice(ORG_SUFFIX[cls])
        elif kind == "Place":
            cls = rnd.choice(list(PLACE_SUFFIX))
            label = "".join(rnd.sample(PLACE_CHARS, 2)) + PLACE_SUFFIX[cls]
        else:
            cls, label = "Agreement", "".join(rnd.sample(PLACE_CHARS, 2)) + "战略合作协议"
        node = _entity(g, f"gen/{i}", cls, f"{label}{i}")
        labels[node] = f"{label}{i}"
        by_kind[kind].append(node)

    weights: dict[URIRef, int] = {}

    def pick(kind: str) -> URIRef | None:
        pool = by_kind[kind]
        if not pool:
            return None
        # preferential attachment over a random sample: a few hubs, a long tail
        sample = rnd.sample(pool, min(8, len(pool)))
        return max(sample, key=lambda x: (weights.get(x, 0) + rnd.random() * 2))

    def link(s: URIRef | None, prop: str, o: URIRef | None, event: str, verb: str) -> None:
        if s is None or o is None or s == o:
            return
        g.add((s, KG[prop], o))
        weights[s] = weights.get(s, 0) + 1
        weights[o] = weights.get(o, 0) + 1
        article = rnd.choice(articles)
        ev = _prov(g, f"gen/ev/{len(g)}", event, article, f"{labels[s]}{verb}{labels[o]}。", participant=s)
        g.add((ev, KG.participant, o))
        g.add((s, KG.mentionedIn, article))

    people, orgs, places, agreements = (by_kind[k] for k in ("Person", "Org", "Place", "Agreement"))
    for p in people:
        link(p, "affiliatedWith", pick("Org"), "Meeting", "任职于")
        if rnd.random() < 0.6:
            link(p, "visited", pick(rnd.choice(["Org", "Place"])), "Visit", "考察")
        if rnd.random() < 0.4:
            link(p, "metWith", pick("Person"), "Meeting", "会见")
        if rnd.random() < 0.1:
            link(p, "accompanied", pick("Person"), "Visit", "陪同")
    for o in orgs:
        link(o, "locatedIn", pick("Place"), "Visit", "位于")
        if rnd.random() < 0.2:
            link(o, "partOf", pick("Org"), "Meeting", "隶属")
    for pl in places:
        if rnd.random() < 0.7:
            link(pl, "locatedIn", pick("Place"), "Visit", "位于")
    for a in agreements:
        for signer in {pick("Org"), pick("Org")} - {None}:
            link(signer, "signed", a, "Signing", "签署")
            g.add((a, KG.party, signer))
        if people and rnd.random() < 0.5:
            link(rnd.choice(people), "witnessed", a, "Signing", "见证")
    return g
