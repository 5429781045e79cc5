"""Scaling benchmark for entity resolution (kg.resolve.resolver.resolve).

    python3 benchmarks/bench_resolve.py                      # 25k and 100k local entities
    python3 benchmarks/bench_resolve.py --sizes 10000 50000 --per-article 20

Generates synthetic articles (20 local entities each by default: people with
positions, companies in full and short forms, places with codes, generic
bodies scoped by context) and prints the time per 10k local entities for
each size. Near-linear resolution keeps that figure roughly constant as the
size grows; an all-pairs method would grow it in proportion to the size.
"""

from __future__ import annotations

import argparse
import gc
import random
import sys
import time

from kg.doc import Article, LocalEntity, Position, Relation

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华文辉力建国志红玉兰春晓海东宇鹏飞云峰俊斌凯"
TRADE = "恒玄星河华瑞天宇博远中科长城金桥鼎盛东方嘉禾汇通启明蓝海宏图新元瑞丰智云鸿达安泰"
INDUSTRY = ["科技", "电气", "材料", "智能", "能源", "生物", "信息", "装备", "环保", "医药"]
LEGAL = ["股份有限公司", "有限公司", "集团有限公司", "有限责任公司"]
GENERIC = [("市委", "Organization"), ("市政府", "Organization"), ("高新区", "Place"), ("经开区", "Place"), ("管委会", "Organization")]


def _cities(n: int) -> list[tuple[str, str]]:
    rng = random.Random(7)
    chars = "安宁平顶山阳泉长治银川唐白巢湖潍坊淮盘锦宜宾丹江口兰州合肥苏昆杭温台嘉湘衡岳常德益娄邵怀永"
    out, seen = [], set()
    while len(out) < n:
        name = "".join(rng.sample(chars, rng.choice([2, 2, 3])))
        if name in seen:
            continue
        seen.add(name)
        out.append((name, f"{11 + len(out) // 90:02d}{(len(out) % 90) + 1:02d}00"))
    return out


def make_articles(n_entities: int, per_article: int, seed: int = 1) -> list[Article]:
    rng = random.Random(seed)
    cities = _cities(300)
    companies = [
        (rng.choice(cities), "".join(rng.sample(TRADE, 2)) + rng.choice(INDUSTRY), rng.choice(LEGAL))
        for _ in range(max(50, n_entities // 40))
    ]
    people = [rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, rng.choice([1, 2]))) for _ in range(max(50, n_entities // 10))]
    articles: list[Article] = []
    made = 0
    while made < n_entities:
        art = Article(source=f"{len(articles):05d}.txt", raw="")
        (city, code) = rng.choice(cities)
        ents: list[LocalEntity] = [
            LocalEntity(name=city + "市" if rng.random() < 0.5 else city, type="Place", code=code, subtype="City")
        ]
        orgs: list[int] = []
        while len(ents) < per_article and made + len(ents) < n_entities:
            r = rng.random()
            if r < 0.35:
                (ccity, _), trade, legal = rng.choice(companies)
                roll = rng.random()
                name = ccity + trade + legal if roll < 0.4 else trade + legal if roll < 0.7 else trade
                orgs.append(len(ents))
                context = ccity + "市" if rng.random() < 0.3 else None
                ents.append(LocalEntity(name=name, type="Organization", subtype="Company", context=context))
            elif r < 0.5:
                generic, typ = rng.choice(GENERIC)
                orgs.append(len(ents)) if typ == "Organization" else None
                ents.append(LocalEntity(name=generic, type=typ, context=city + "市"))
            elif r < 0.6:
                ents.append(LocalEntity(name=city + "市委", type="Organization", subtype="GovernmentBody"))
                orgs.append(len(ents) - 1)
            else:
                ents.append(LocalEntity(name=rng.choice(people), type="Person"))
        art.entities = ents
        persons = [i for i, e in enumerate(ents) if e.type == "Person"]
        for p in persons:
            if orgs and rng.random() < 0.6:
                o = rng.choice(orgs)
                art.positions.append(Position(person=p, title=rng.choice(["董事长", "总经理", "书记", "主任"]), org=o, sentence=0))
                art.relations.append(Relation(kind="affiliatedWith", subject=p, object=o, sentence=0))
        made += len(ents)
        articles.append(art)
    return articles


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[25000, 100000])
    parser.add_argument("--per-article", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=1, help="best of N runs")
    args = parser.parse_args(argv)
    if any(s <= 0 for s in args.sizes) or args.per_article < 2:
        parser.error("sizes must be positive and --per-article at least 2")

    from kg.resolve.resolver import resolve

    print(f"{'local entities':>15} {'articles':>9} {'entities out':>13} {'seconds':>8} {'s per 10k':>10}")
    for size in args.sizes:
        articles = make_articles(size, args.per_article)
        gc.collect()
        gc.freeze()  # the generated input is long-lived: keep the GC from rescanning it
        best = float("inf")
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            corpus = resolve(articles)
            best = min(best, time.perf_counter() - t0)
        gc.unfreeze()
        print(f"{size:>15} {len(articles):>9} {len(corpus.entities):>13} {best:>8.2f} {best / size * 10000:>10.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
