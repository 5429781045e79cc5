from kg.lexicons.titles import TITLES, parse_title_chain, title_after


def test_lexicon_composes_titles():
    for t in ("市委书记", "副市长", "常务副市长", "党工委副书记", "管委会主任", "董事长", "院士", "责任编辑", "党组成员"):
        assert t in TITLES


def test_chain_with_place_prefixed_bodies():
    text = "唐山市委副书记、高新区党工委书记张旭,"
    chain = parse_title_chain(text, text.index("张旭"))
    assert [(t.org_text, t.title, t.role) for t in chain] == [
        ("唐山市委", "市委副书记", "副书记"),
        ("高新区党工委", "党工委书记", "书记"),
    ]
    assert text[chain[0].org_start:chain[0].org_end] == "唐山市委"


def test_chain_with_bare_second_title():
    text = "陈向平与集团党委书记、董事长李洪凤举行工作会谈"
    chain = parse_title_chain(text, text.index("李洪凤"))
    assert [(t.org_text, t.title) for t in chain] == [("集团党委", "党委书记"), (None, "董事长")]


def test_no_title_before_a_name():
    text = "陈向平说"
    assert parse_title_chain(text, 0) == []


def test_title_after_a_name():
    text = "徐进市长就宜宾的区位优势作了介绍"
    t = title_after(text, 2)
    assert (t.start, t.end, t.title) == (2, 4, "市长")


def test_jian_joins_two_titles_of_one_person():
    text = "集团董事长兼总经理王小明"
    chain = parse_title_chain(text, text.index("王"))
    assert [(c.title, c.org_text) for c in chain] == [("董事长", "集团"), ("总经理", None)]


def test_qualified_titles_kept_whole():
    for text, title in (("联邦经济部国务秘书王小明", "国务秘书"), ("报社全媒体记者王小明", "全媒体记者")):
        chain = parse_title_chain(text, text.index("王"))
        assert chain[-1].title == title


def test_single_space_between_title_and_name():
    text = "副市长 孔令辉"
    assert [c.title for c in parse_title_chain(text, text.index("孔"))] == ["副市长"]


def test_hong_kong_macau_titles_honorific_excluded():
    for t in ("行政长官", "特首", "司长", "局长", "议员"):
        assert t in TITLES
    assert "太平绅士" not in TITLES
