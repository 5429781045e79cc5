import pytest

from kg.normalize.builder import OffsetText
from kg.normalize.chrome import is_chrome_line, remove_chrome


@pytest.mark.parametrize(
    "line",
    [
        "首页 > 热点 > > 正文",
        "当前位置: 首页首页头条下",
        "您的位置：网站首页 > 新闻中心",
        "新闻 > 本地 > 经济",
        "x 广告",
        "广告",
        "标签：平顶山 科技",
        "【资料图】",
        "图片新闻",
        "图为项目洽谈会现场",
        "返回列表",
        "关闭×",
        "分享到： 微信 微博 QQ空间",
        "【打印】 【关闭】",
        "跳到主要内容区块",
        "短暂雨",
        "气温",
        "降雨：",
        "AQI",
        "乡镇(街道)分站: 苏湾镇 栏杆集镇 柘皋镇 庙岗镇 夏阁镇 中垾镇",
        "首页 新闻 政务 公开 服务 互动",
        "|",
        "• ",
    ],
)
def test_chrome_lines(line):
    assert is_chrome_line(line.strip())


@pytest.mark.parametrize(
    "line",
    [
        "环球观速讯丨【新时代 新征程 新伟业】创新如潮逐浪高",
        "2023-06-25 09:17:50 山西日报",
        "责任编辑:安艳鸽 郭栩汝",
        "(记者李家鸣)",
        "政策引领优化创新生态",
        "胡昌升省长、李海涛常务副省长率团莅临正威集团调研 王伟中书记、孙志洋副省长陪同 与王文银主席共话合作 助推粤龙共赢发展",
        "3月7日至8日,平顶山市委书记陈向平带队赴上海开展专题对接活动。",
        "市领导罗福迎、段志广、许红兵分别参加对接活动。",
        "原标题:我区举行重特大项目集中签约仪式",
        "徐景颜惠新安出席活动",
        "大雨中,救援队伍连夜赶到现场,转移群众三百余人。",
        "出席领导: 张三 李四 王五 赵六 孙七",
    ],
)
def test_article_lines_kept(line):
    assert not is_chrome_line(line)


def _clean(text):
    return remove_chrome(OffsetText.from_raw(text)).text


def test_inline_pieces():
    assert _clean("巢湖学院达成产学研用战略合作框架协议[图]\n") == "巢湖学院达成产学研用战略合作框架协议\n"
    assert _clean("发布时间:2017-10-26 13:44:56 来源:本站 阅读次数:2775\n") == "发布时间:2017-10-26 13:44:56 来源:本站 \n"
    assert _clean("领导出席。 x 广告") == "领导出席。"


def test_copyright_line_keeps_owner():
    text = "正文。\n版权所有 © 中国科学院大连化学物理研究所 本站内容如涉及知识产权问题请联系我们 备案号:辽ICP备05000861号-1\n"
    assert _clean(text) == "正文。\n中国科学院大连化学物理研究所\n"
    assert _clean("正文。\nCopyright © 2020 某某市人民政府 All rights reserved\n") == "正文。\n某某市人民政府\n"
    assert _clean("正文。\n备案号:辽ICP备05000861号-1 技术支持:某公司\n") == "正文。\n"


def test_gambling_spam_removed_but_honest_words_kept():
    text = "两地文旅局签订了协议。申慱亚洲官方网:市瀚星房地产开发有限公司等9户企业达成意向;太阳城娱乐:市天宇科技有限责任公司表达意向。"
    assert _clean(text) == "两地文旅局签订了协议。市瀚星房地产开发有限公司等9户企业达成意向;市天宇科技有限责任公司表达意向。"
    honest = "省体育彩票管理中心与金沙县政府签约,皇冠假日酒店承办。"
    assert _clean(honest) == honest


@pytest.mark.parametrize(
    "line",
    ["扫一扫在手机打开当前页", "上一篇：某某市召开会议", "【字体：大 中 小】", "【打印本页】 【关闭窗口】", "相关新闻", "视频加载中..."],
)
def test_more_furniture(line):
    assert is_chrome_line(line)


def test_sentences_mentioning_footer_words_are_kept():
    text = "如有合作意向请联系我们。\n附件(a)(b)(c)三份材料已备齐。\n"
    assert _clean(text) == text
    assert _clean("会场如图。(图片来源：网络)\n") == "会场如图。\n"


def test_headline_block_after_a_related_news_heading_is_cut():
    text = ("张明到华锐公司调研。\n相关阅读\n甲市市长会见乙集团董事长\n\n丙市委书记到甲市考察\n"
            "上一篇：甲市召开经济工作会议\n")
    assert _clean(text) == "张明到华锐公司调研。\n"
    # a sentence after the heading ends the block and is kept
    assert _clean("推荐阅读：\n甲市举行招商会\n李强出席了会议并讲话。\n") == "李强出席了会议并讲话。\n"
