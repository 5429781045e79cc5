from kg.context.clauses import TextView
from kg.context.discourse import name_run_before, names_right_before, realis

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
