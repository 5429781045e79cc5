from kg.context.clauses import TextView
from kg.context.discourse import listed_from, name_run_before, names_right_before, realis

from tests.builders import make_article


def test_a_name_run_reaches_back_over_name_list_clauses():
    text = "甲省副省长王一，省委常委李二率团考察。"
    art = make_article(text, {"王一": "Person", "李二": "Person"})
    view = TextView(art)
    clauses = view.clauses(0)
    got = name_run_before(view, clauses, len(clauses) - 1, text.index("率"))
    assert [art.entities[i].name for i in got] == ["王一", "李二"]


def test_names_right_before_skip_titles_and_joiners():
    text = "赵三会见了王一副市长、李二副院长一行。"
    art = make_article(text, {"王一": "Person", "李二": "Person", "赵三": "Person"})
    got = names_right_before(TextView(art), text.index("一行"))
    assert [art.entities[i].name for i in got] == ["王一", "李二"]


def test_a_wish_is_not_realis():
    text = "希望甲公司与乙市深化交流。"
    art = make_article(text, {"甲公司": "Organization", "乙市": "Place"})
    view = TextView(art)
    cl = view.clauses(0)[0]
    assert not realis(view, cl, text.index("交流"))
    assert realis(view, cl, text.index("希望"))


def test_names_right_before_skip_titles_written_before_each_name():
    # D9: the people named together before 一行 are co-leaders, each with the title written before the name
    text = "甲集团副总裁王一、总经理李二一行到乙大学参观。"
    art = make_article(text, {"甲集团": "Organization", "王一": "Person", "李二": "Person", "乙大学": "Organization"})
    got = names_right_before(TextView(art), text.index("一行"))
    assert [art.entities[i].name for i in got] == ["王一", "李二"]


def test_names_right_before_skip_the_list_closer():
    text = "甲市市长王一、乙公司董事长李二等一行9人来丙县考察。"
    art = make_article(text, {"王一": "Person", "乙公司": "Organization", "李二": "Person", "丙县": "Place"})
    got = names_right_before(TextView(art), text.index("一行"))
    assert [art.entities[i].name for i in got] == ["王一", "李二"]


def test_names_right_before_stops_at_a_verb():
    text = "市长赵三会见了总经理李二一行。"
    art = make_article(text, {"赵三": "Person", "李二": "Person"})
    got = names_right_before(TextView(art), text.index("一行"))
    assert [art.entities[i].name for i in got] == ["李二"]


def test_names_right_before_read_a_title_chain_joined_by_a_joining_word():
    """副主委苗飞、副主委兼秘书长乔春玲一行: 兼 joins two titles of 乔春玲, so the run
    goes on to 苗飞."""
    text = "民盟榆林市委会副主委苗飞、副主委兼秘书长乔春玲一行赴鄂尔多斯市调研。"
    art = make_article(text, {"苗飞": "Person", "乔春玲": "Person"})
    got = names_right_before(TextView(art), text.index("一行"))
    assert [art.entities[i].name for i in got] == ["苗飞", "乔春玲"]


def test_listed_from_keeps_the_names_joined_by_titles_and_separators_only():
    art = make_article("对副市长王一、局长李二，处长张三在赵四访华后到访。",
                       {"王一": "Person", "李二": "Person", "张三": "Person", "赵四": "Person"})
    view = TextView(art)
    ids = {e.name: i for i, e in enumerate(art.entities)}
    refs = view.refs_in(0, len(art.text), "Person")
    assert listed_from(view, refs) == [ids["王一"], ids["李二"], ids["张三"]]
