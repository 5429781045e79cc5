from kg.normalize.builder import OffsetText
from kg.normalize.punctuation import basic_whitespace, tidy_whitespace, unify_punctuation


def _norm(text):
    doc = OffsetText.from_raw(text)
    return tidy_whitespace(unify_punctuation(basic_whitespace(doc))).text


def test_brackets_ascii_and_chinese_separators_full_width():
    assert _norm("恒玄科技（上海）股份有限公司,平顶山;上海:长治?是!") == "恒玄科技(上海)股份有限公司，平顶山；上海：长治？是！"


def test_ascii_kept_between_digits_and_latin():
    assert _norm("投资1,000万元 09:17:50 http://a.b/c") == "投资1,000万元 09:17:50 http://a.b/c"


def test_doubled_separators_collapse():
    assert _norm("平顶山,,上海；，杭州，，长治。。") == "平顶山，上海；杭州，长治。"
    # commas doubled around an enumeration comma: one list separator (damaged pages)
    assert _norm("到藤县、北流市,、博白县，、大新县和扶绥县") == "到藤县、北流市、博白县、大新县和扶绥县"
    assert _norm("市委副书记,,、副市长、代理市长卜凡") == "市委副书记、副市长、代理市长卜凡"


def test_quotes_and_fullwidth_letters():
    assert _norm("「新興高端產業」ＡＢＣ１２３") == "“新興高端產業”ABC123"


def test_whitespace():
    raw = "\ufeff  标题 \r\n\r\n\n  第一段,有 空格 。 \n\t第二段\u3000\u3000结束\u200b。  \n\n"
    assert _norm(raw) == "标题\n第一段，有 空格。\n第二段 结束。"


def test_leading_bullets_and_dashes():
    assert _norm("  • 发布日期:99-05-17\n――临港开发区签约") == "发布日期：99-05-17\n临港开发区签约"
