import pytest
from kg.recognize.persons import find_bylines, find_persons, name_at, plausible_name


def _spans(ms):
    return sorted((m.start, m.end, m.text) for m in ms)


def test_name_after_title_and_list():
    text = "与研究所所长苏良碧,副所长闫继娜、杨金山,中国工程院院士董绍明等进行深入交流"
    names = {m.text for m in find_persons(text)}
    assert {"苏良碧", "闫继娜", "杨金山", "董绍明"} <= names


def test_name_length_decided_by_what_follows():
    assert name_at("徐进出席恳谈会", 0) == "徐进"
    assert name_at("陈向平带队赴上海", 0) == "陈向平"
    assert name_at("李雪及科技局", 0) == "李雪"


def test_name_before_title():
    text = "会见了吴海英副市长一行"
    assert (3, 6, "吴海英") in _spans(find_persons(text))


def test_bylines():
    text = "全文完。(郭赟)\n(文/孙洋 图/赵艳荣)\n责任编辑:安艳鸽 郭栩汝"
    assert [m.text for m in find_bylines(text)] == ["郭赟", "孙洋", "赵艳荣", "安艳鸽", "郭栩汝"]


def test_titles_and_words_are_not_names():
    assert not plausible_name("市长")
    assert not plausible_name("公司")
    assert not plausible_name("吴市长")
    assert plausible_name("欧阳明")


def test_bracketed_credit_with_media_name_and_spaces():
    text = "（江城晚报记者 邱雨桐 通讯员 柏青）会议召开。"
    assert {m.text for m in find_bylines(text)} == {"邱雨桐", "柏青"}


def test_compound_surname_before_an_org_word_is_no_name():
    assert not plausible_name("东方集团")
    assert not plausible_name("欧阳科技")
    assert plausible_name("欧阳明")


def test_no_person_before_a_title_that_a_name_follows():
    from kg.recognize.persons import find_persons

    names = {m.text for m in find_persons("备忘录由经发局长陈小明签署。")}
    assert "陈小明" in names and "经发" not in names


def _texts(ms):
    return {m.text for m in ms}


def test_name_of_unlisted_family_name_after_a_title():
    ms = _texts(find_persons("县委书记才让多杰出席会议。"))
    assert "才让多杰" in ms


def test_unlisted_words_after_a_title_are_no_names():
    ms = _texts(find_persons("董事长王文银主席共话合作。总书记来宁讲话。负责人探讨交流。"))
    assert "共话合作" not in ms and "来宁" not in ms and "探讨" not in ms


def test_rarer_family_name_after_a_title():
    assert "禤明华" in _texts(find_persons("副市长禤明华表示感谢。"))


def test_middle_dot_name_kept_whole_and_ended_by_a_follower():
    assert "马库斯·海因茨" in _texts(find_persons("公司总裁马库斯·海因茨一行来访。"))


@pytest.mark.parametrize("dot", ["·", "•", "・", "‧"])
def test_every_middle_dot_pages_write_joins_a_name(dot):
    """Taiwan and Macau pages join the parts of a transliterated name with U+2027
    (曼努埃爾‧皮尼奧); that name was not read at all."""
    name = f"曼努埃尔{dot}皮尼奥"
    assert name in _texts(find_persons(f"经济和创新部长{name}表示欢迎。"))


def test_time_word_glued_to_a_name_ends_it():
    ms = _texts(find_persons("市长王小明今（21）日会见客人。书记张大伟昨日出席。"))
    assert "王小明" in ms and "张大伟" in ms and "王小明今" not in ms


def test_space_after_title_and_inside_a_two_character_name():
    ms = find_persons("副市长 孔令辉出席。市长肖 红表示。")
    names = {m.canonical or m.text for m in ms}
    assert {"孔令辉", "肖红"} <= names


def test_both_titles_of_a_jian_compound_and_no_name_from_it():
    ms = _texts(find_persons("董事长兼总经理王小明出席。"))
    assert "王小明" in ms and "兼总" not in ms


def test_mongolian_names_after_titles():
    from kg.recognize.persons import find_persons

    text = "旗委书记乌日娜、旗长那日苏出席。"
    assert {m.text for m in find_persons(text)} >= {"乌日娜", "那日苏"}


def test_korean_name_after_a_title_only():
    from kg.recognize.persons import find_persons, korean_name_at

    assert "朴志勋" in {m.text for m in find_persons("会长朴志勋出席。")}
    assert korean_name_at("朴志勋在", 0) is None  # no clear end
    assert all(m.text != "朴志勋" for m in find_persons("朴志勋出席。"))


def test_hong_kong_macau_titles_precede_names():
    text = "特区行政长官林家超会见代表团,特首林家超表示欢迎,财政司司长陈茂波、立法会议员黄国健出席。"
    names = {m.text for m in find_persons(text)}
    assert {"林家超", "陈茂波", "黄国健"} <= names


def test_post_nominal_honorific_is_no_title_but_marks_a_name():
    text = "会上,何君尧太平绅士致辞。"
    found = [m for m in find_persons(text) if m.text == "何君尧"]
    assert found and found[0].end == text.index("太平绅士")


def test_space_separated_credit_line_gives_every_name():
    for text in ("记者 陈家豪 黄志伟报道\n正文", "本报记者 陈家豪 黄志伟\n正文", "(记者 陈家豪 黄志伟)"):
        names = {m.text for m in find_persons(text)}
        assert {"陈家豪", "黄志伟"} <= names, text
    assert find_bylines("记者 了解到 情况") == []


def test_model_name_right_after_a_title_is_a_person():
    from kg.recognize.persons import find_persons

    text = "临海县委书记沙万强，县委常委王明出席。"
    s = text.index("沙万强")
    found = {m.text for m in find_persons(text, set(), {s: s + 3})}
    assert "沙万强" in found
    text2 = "临海县委书记华锐集团，出席。"
    s2 = text2.index("华锐集团")
    assert "华锐集团" not in {m.text for m in find_persons(text2, set(), {s2: s2 + 4})}


def test_credit_names_may_have_numerals():
    from kg.recognize.persons import find_bylines

    assert [m.text for m in find_bylines("临海日报记者 叶志卫 何一航\n2023-01-17")] == ["叶志卫", "何一航"]
    assert [m.text for m in find_bylines("[责任编辑：马一娜]")] == ["马一娜"]


def test_words_that_start_with_a_family_name_are_no_names():
    from kg.recognize.persons import find_persons

    found = {m.text for m in find_persons("华锐公司相关负责人陪同调研。张明理事长强调，要加快发展。")}
    assert "相关" not in found and "强调" not in found


def test_latin_script_name_after_a_title_is_one_person():
    ms = _texts(find_persons("西班牙贸易促进局局长Carlos Ruiz一行访问了临海市。"))
    assert "Carlos Ruiz" in ms
    assert _texts(find_persons("局长Carlos率团。")) == set()  # one word: no name form


@pytest.mark.parametrize("text, name", [
    ("里斯本大学校长António Cruz SERRA出席。", "António Cruz SERRA"),   # letters with accents, a family name in capitals
    ("加拿大驻香港副领事Janet MacPhee出席。", "Janet MacPhee"),          # a capital inside the family name
    ("马久罗市长Ladie N. Jack偕夫人来访。", "Ladie N. Jack"),            # an initial
    ("文学院António Feijó教授出席。", "António Feijó"),                  # before a title
])
def test_latin_script_names_as_real_pages_write_them(text, name):
    assert name in _texts(find_persons(text))


def test_latin_name_found_by_its_title_replaces_model_pieces_elsewhere():
    from kg.doc import Mention
    from kg.recognize.repeats import repeats_and_variants

    text = "局长Carlos Ruiz来访。张明会见了Carlos Ruiz一行。"
    first = Mention(2, 13, "Carlos Ruiz", "Person", None, "title-context")
    assert text[21:32] == "Carlos Ruiz"
    pieces = [Mention(21, 27, "Carlos", "Organization", None, "model"),
              Mention(28, 32, "Ruiz", "Organization", None, "model")]
    out = repeats_and_variants(text, [first] + pieces)
    assert [(m.text, m.type) for m in out if m.start >= 21] == [("Carlos Ruiz", "Person")]


def test_no_name_before_a_title_inside_an_organization_word():
    # 委员 of 经济委员会 is no title: 经济 is not a name
    text = "全国政协常委、经济委员会副主任、临海市工业联合会会长张明出席"
    names = {m.text for m in find_persons(text)}
    assert "经济" not in names and "张明" in names
    # a title that stands alone still has the name before it
    assert "徐进" in {m.text for m in find_persons("徐进委员出席会议")}


def test_a_photo_credit_in_brackets_leaves_its_closing_word_out_of_the_name():
    text = "会议现场(集团总部  伍晖摄)\n周龙讲话(集团总部  伍晖摄)"
    assert {m.text for m in find_bylines(text)} == {"伍晖"}


def test_japanese_names_after_and_before_a_title():
    from kg.recognize.persons import japanese_name_at, name_before

    text = "日本全国市长会会长森民夫表示，宫崎县副知事佐藤弘之出席。"
    assert japanese_name_at(text, text.index("森")) == "森民夫"
    assert japanese_name_at(text, text.index("佐藤")) == "佐藤弘之"
    assert japanese_name_at(text, text.index("表示")) is None  # no Japanese family name there
    text = "千叶县馆山市长、太田浩议长今日出席。"
    assert name_before(text, text.index("议长")) == "太田浩"
    # a name must end clearly: 森民夫企业 runs on
    assert japanese_name_at("会长森民夫企业家", 2) is None


def test_no_name_where_a_title_starts_right_after_a_title():
    # made-up: 市委常委 then 常务副市长 with no comma; 常 is a surname, but a title starts there
    names = {m.text for m in find_persons("临海市委常委常务副市长张明出席会议。")}
    assert "常务副" not in names and "张明" in names


def test_a_name_of_two_characters_does_not_run_into_a_glued_time_word():
    # 邱勇今(5)日: the three characters before the bracket would end clearly at it
    ms = _texts(find_persons("清华大学党委书记邱勇今(5)日率团访问澳门大学。"))
    assert "邱勇" in ms and "邱勇今" not in ms


def test_a_middle_dot_name_ends_before_a_one_character_follower():
    ms = _texts(find_persons("美国伊利诺伊州长布鲁斯·劳纳率代表团访问了北京。"))
    assert "布鲁斯·劳纳" in ms and "布鲁斯·劳纳率" not in ms
