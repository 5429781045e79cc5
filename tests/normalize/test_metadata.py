import datetime as dt

import pytest

from kg.doc import Article, ArticleMeta
from kg.normalize.metadata import extract_metadata
from kg.normalize.pipeline import normalize

from .corpus import DEV, SEEDS


def _meta(text):
    return extract_metadata(text, ArticleMeta())


@pytest.fixture(scope="module")
def seeds():
    return {p.name[:3]: normalize(Article(source=p.name, raw=p.read_text(encoding="utf-8"))).meta for p in SEEDS}


def test_seed_000_editors(seeds):
    assert seeds["000"].editors == ["安艳鸽", "郭栩汝"]
    assert seeds["000"].title is None and seeds["000"].date is None


def test_seed_003_trailing_reporter(seeds):
    assert seeds["003"].reporters == ["郭赟"]


def test_seed_004_dateline(seeds):
    meta = seeds["004"]
    assert meta.date == dt.date(2023, 6, 25)
    assert meta.publisher == "山西日报"
    assert meta.reporters == ["李家鸣"]
    assert meta.title == "【新时代 新征程 新伟业】创新如潮逐浪高"


def test_seed_002_repost_publisher(seeds):
    assert seeds["002"].publisher == "银川市企业科技创新服务协会"


@pytest.mark.skipif(not DEV, reason="dev articles not available")
def test_dev_metadata():
    meta = {p.stem: normalize(Article(source=p.name, raw=p.read_text(encoding="utf-8"))).meta for p in DEV}
    assert (meta["h024"].date, meta["h024"].publisher, meta["h024"].reporters) == (
        dt.date(2020, 5, 20),
        "潍坊日报",
        ["贺德良"],
    )
    assert (meta["h041"].date, meta["h041"].publisher) == (dt.date(2020, 8, 11), "淮安区报")
    assert meta["h041"].title == "淮安市淮安区举行重特大项目集中签约仪式"
    assert meta["h019"].date == dt.date(2017, 10, 26) and meta["h019"].publisher is None  # 来源:本站
    assert meta["h019"].reporters == ["王俊苹"]
    assert meta["h037"].reporters == ["孙洋", "赵艳荣"]
    assert meta["h028"].date == dt.date(2010, 5, 17)  # ROC 99-05-17
    assert meta["h010"].title == "甘肃省白银市市长张旭晨一行来访中国科学院"
    assert meta["h013"].title is None


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("标题在此处\n发布时间：2020-05-20 09:29:09\n正文。", dt.date(2020, 5, 20)),
        ("标题在此处\n2020年08月11日10:25 来源：淮安区报\n正文。", dt.date(2020, 8, 11)),
        ("标题在此处\n2023/6/5\n正文。", dt.date(2023, 6, 5)),
        ("正文。\n正文。\n正文。\n正文。\n正文。\n正文。\n正文。\n发布日期：2019-01-02", dt.date(2019, 1, 2)),
        ("3月7日至8日，陈向平带队赴上海。", None),
        ("标题在此处\n2023-02-30\n正文。", None),
    ],
)
def test_dates(text, date):
    assert _meta(text).date == date


@pytest.mark.parametrize(
    ("text", "publisher"),
    [
        ("标题\n来源：潍坊日报 发布时间：2020-05-20\n正文。", "潍坊日报"),
        ("标题\n来源:《人民日报》\n正文。", "人民日报"),
        ("正文。\n转自《银川市企业科技创新服务协会》", "银川市企业科技创新服务协会"),
        ("标题\n2023-06-25 09:17:50 山西日报\n正文。", "山西日报"),
        ("标题\n来源：本站\n正文。", None),
        # an outlet's dateline opening a line, after stray marks, with a place and a date
        ("标题\n??? 梧州日报讯(记者 祝琳)8月26日，市长朱学庆出席。", "梧州日报"),
        ("标题\n浙江日报青海8月17日电(记者 金毅) 8月15日，慰问团抵达。", "浙江日报"),
        ("标题\n庆阳网讯(记者 雷云龙)5月17日，市长带队赴天津。", "庆阳网"),
        ("标题\n(中央社澎湖县23日电)澎湖县政府与6所大学结盟。", "中央社"),
        ("标题\n本报讯 (记者 李松战)昨晚，我市举行欢迎宴会。", None),
    ],
)
def test_publishers(text, publisher):
    assert _meta(text).publisher == publisher


@pytest.mark.parametrize(
    ("text", "editors", "reporters"),
    [
        ("正文。\n责任编辑：安艳鸽 郭栩汝", ["安艳鸽", "郭栩汝"], []),
        ("正文。\n(责编：王五、赵六)", ["王五", "赵六"], []),
        ("本报记者 张三 通讯员 李四\n正文。", [], ["张三", "李四"]),
        ("(记者李家鸣)正文。", [], ["李家鸣"]),
        ("他接受记者采访时说。", [], []),
        ("正文。(文/孙洋 图/赵艳荣)", [], ["孙洋", "赵艳荣"]),
        ("正文。(郭赟)", [], ["郭赟"]),
        ("实施意见。(试行)", [], []),
        ("正文。(完)", [], []),
    ],
)
def test_people_lines(text, editors, reporters):
    meta = _meta(text)
    assert (meta.editors, meta.reporters) == (editors, reporters)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("长治创新如潮逐浪高\n正文第一句。", "长治创新如潮逐浪高"),
        ("环球观速讯丨创新如潮逐浪高\n正文第一句。", "创新如潮逐浪高"),
        ("长治究竟走出了一条怎样的路？\n正文第一句。", "长治究竟走出了一条怎样的路？"),
        ("3月7日至8日，陈向平带队赴上海\n正文。", None),
        ("只有一行的文章", None),
        ("陈向平带队赴上海开展专题对接活动，聚焦科技创新与产业升级。\n正文。", None),
    ],
)
def test_titles(text, title):
    assert _meta(text).title == title
