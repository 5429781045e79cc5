from kg.doc import Article, Mention
from kg.recognize.coref import cluster_entities


def _cluster(mentions):
    a = Article(source="t.txt", raw="", text="")
    a.mentions = mentions
    cluster_entities(a)
    return {e.name: e.aliases for e in a.entities}, a


def _org(text, start=0, subtype="Company", canonical=None):
    return Mention(start, start + len(text), text, "Organization", subtype, "org-rule", canonical)


def test_short_and_full_forms_merge():
    ents, a = _cluster([
        _org("中国科学院上海硅酸盐研究所", 0, "ResearchInstitution"),
        _org("硅酸盐研究所", 20, "ResearchInstitution"),
        _org("恒玄科技(上海)股份有限公司", 40),
        _org("恒玄科技", 60),
        _org("唐山四维智能科技", 70),
        _org("四维科技", 80),
    ])
    assert ents == {
        "中国科学院上海硅酸盐研究所": {"硅酸盐研究所"},
        "恒玄科技(上海)股份有限公司": {"恒玄科技"},
        "唐山四维智能科技": {"四维科技"},
    }
    assert all(m.entity is not None for m in a.mentions)


def test_different_companies_stay_apart():
    ents, _ = _cluster([_org("平高集团", 0), _org("平高电气", 10)])
    assert set(ents) == {"平高集团", "平高电气"}


def test_abbreviation_and_places_by_code():
    ents, _ = _cluster([
        _org("中国科学院", 0, "ResearchInstitution"),
        _org("中科院", 10, "ResearchInstitution"),
        Mention(20, 23, "平顶山", "Place", "City", "gazetteer", "平顶山市", "410400"),
        Mention(30, 34, "平顶山市", "Place", "City", "gazetteer", "平顶山市", "410400"),
    ])
    assert ents == {"中国科学院": {"中科院"}, "平顶山市": {"平顶山"}}


def test_a_codeless_short_form_joins_the_place_named_in_full():
    # a model's span 临泉 (no code) is the 临泉县 the article names (the gazetteer's short form);
    # 河东 is the short form of two 河东区: it stays apart
    ents, _ = _cluster([
        Mention(0, 3, "临泉县", "Place", "District", "gazetteer", "临泉县", "341221"),
        Mention(10, 12, "临泉", "Place", None, "model-learned", None, None),
        Mention(20, 23, "河东区", "Place", "District", "gazetteer", "河东区", "120102"),
        Mention(30, 33, "河东区", "Place", "District", "gazetteer", "河东区", "371312"),
        Mention(40, 42, "河东", "Place", None, "model-learned", None, None),
    ])
    assert ents["临泉县"] == {"临泉"} and "河东" in ents


def test_generic_mentions_add_no_alias():
    m = _org("市委", 0, "GovernmentBody", canonical="平顶山市委")
    m.generic = True
    ents, _ = _cluster([_org("平顶山市委", 5, "GovernmentBody"), m])
    assert ents == {"平顶山市委": set()}


def test_parent_organization_is_no_alias_of_its_unit():
    ents, _ = _cluster([
        _org("江汉理工大学", 0, "University"),
        _org("江汉理工大学襄阳研究院", 10, "ResearchInstitution"),
    ])
    assert ents == {"江汉理工大学": set(), "江汉理工大学襄阳研究院": set()}


def test_formal_and_short_zone_body_names_merge():
    ents, _ = _cluster([
        _org("襄阳高新区管委会", 0, "GovernmentBody"),
        _org("襄阳高新技术产业开发区管理委员会", 10, "GovernmentBody"),
    ])
    assert ents == {"襄阳高新技术产业开发区管理委员会": {"襄阳高新区管委会"}}


def test_abbreviation_target_rules():
    from kg.recognize.coref import abbreviation_target

    assert abbreviation_target("甲航", ["甲乙航空航天大学", "丙丁创新研究院"]) == "甲乙航空航天大学"
    assert abbreviation_target("工研院", ["财团法人工业技术研究院"]) == "财团法人工业技术研究院"
    assert abbreviation_target("贸发局", ["香港贸易发展局"]) == "香港贸易发展局"  # after the place prefix
    assert abbreviation_target("甲大", ["甲乙大学", "甲丙大学"]) is None  # two names: ambiguous
    assert abbreviation_target("北京", ["北京航空航天大学"]) is None  # a place
    assert abbreviation_target("甲乙大学", ["甲乙大学丙丁研究院"]) is None  # contiguous: the parent


def test_abbreviation_joins_its_full_name():
    ents, _ = _cluster([
        _org("甲乙航空航天大学", 0, "University"),
        _org("甲航", 20, None),
        _org("丙大", 30, None),
    ])
    assert ents["甲乙航空航天大学"] == {"甲航"}
    assert "丙大" in ents


def test_body_with_a_leading_province_merges_with_its_short_form():
    ents, _ = _cluster([
        _org("河南省平顶山市委", 0, "GovernmentBody"),
        _org("平顶山市委", 20, "GovernmentBody"),
    ])
    assert ents == {"平顶山市委": {"河南省平顶山市委"}}


def test_unrelated_place_prefix_is_no_outer_place():
    ents, _ = _cluster([
        _org("河南省平顶山市委", 0, "GovernmentBody"),
        _org("苏州市委", 20, "GovernmentBody"),
    ])
    assert set(ents) == {"平顶山市委", "苏州市委"}
    assert ents["平顶山市委"] == {"河南省平顶山市委"}


def test_province_prefixed_body_and_bare_body_are_one_entity_named_after_the_city():
    bare = _org("市委", 30, "GovernmentBody", canonical="平顶山市委")
    bare.generic = True
    ents, a = _cluster([_org("河南省平顶山市委", 0, "GovernmentBody"), bare])
    assert ents == {"平顶山市委": {"河南省平顶山市委"}}
    assert a.mentions[0].entity == a.mentions[1].entity


def test_province_prefixed_company_keeps_its_registered_name():
    ents, _ = _cluster([_org("河南省平顶山市甲乙科技有限公司", 0)])
    assert set(ents) == {"河南省平顶山市甲乙科技有限公司"}


def test_a_name_after_its_place_and_a_short_form_after_the_same_place_merge():
    ents, _ = _cluster([
        _org("北京市国资委", 0, "GovernmentBody"), _org("国资委", 10, "GovernmentBody"),
        _org("香港立法会", 20, "GovernmentBody"), _org("立法会", 30, "GovernmentBody"),
        _org("四川安益生物科技有限公司", 40), _org("四川安益生物公司", 60),
        _org("宝马集团", 80), _org("宝马", 90),
    ])
    assert ents == {"北京市国资委": {"国资委"}, "香港立法会": {"立法会"},
                    "四川安益生物科技有限公司": {"四川安益生物公司"}, "宝马集团": {"宝马"}}
    # a level character keeps its own reading (市科技局 may be any city's); two long names: ambiguous
    ents, _ = _cluster([_org("北京市科技局", 0, "GovernmentBody"), _org("市科技局", 10, "GovernmentBody")])
    assert set(ents) == {"北京市科技局", "市科技局"}
    ents, _ = _cluster([_org("北京市国资委", 0, "GovernmentBody"), _org("上海市国资委", 10, "GovernmentBody"),
                        _org("国资委", 20, "GovernmentBody")])
    assert set(ents) == {"北京市国资委", "上海市国资委", "国资委"}


def test_a_city_abroad_with_and_without_shi_and_a_foreign_surname_merge():
    ents, _ = _cluster([
        Mention(0, 2, "仁川", "Place", "City", "gazetteer", "仁川", "W:韩国/仁川"),
        Mention(10, 13, "仁川市", "Place", None, "model"),
        Mention(20, 26, "古多·沃尔夫", "Person", None, "title-context"),
        Mention(30, 33, "沃尔夫", "Person", None, "title-context"),
    ])
    assert ents == {"仁川市": {"仁川"}, "古多·沃尔夫": {"沃尔夫"}}
    # two foreign names with the same last part: ambiguous; a Chinese city keeps its own code
    ents, _ = _cluster([
        Mention(0, 6, "古多·沃尔夫", "Person", None, "title-context"),
        Mention(10, 17, "汉斯·沃尔夫", "Person", None, "title-context"),
        Mention(20, 23, "沃尔夫", "Person", None, "title-context"),
        Mention(30, 32, "吉林", "Place", "Province", "gazetteer", "吉林省", "220000"),
        Mention(40, 43, "吉林市", "Place", "City", "gazetteer", "吉林市", "220200"),
    ])
    assert set(ents) == {"古多·沃尔夫", "汉斯·沃尔夫", "沃尔夫", "吉林省", "吉林市"}


def test_a_given_name_used_alone_is_the_foreign_name_it_opens():
    """库来西 after 库来西‧沙吾提 (a Uyghur name; Taiwanese indigenous names too) was a second
    person, met by the first; a last part still wins, and two names that open alike are
    ambiguous."""
    ents, _ = _cluster([
        Mention(0, 7, "库来西‧沙吾提", "Person", None, "title-context"),
        Mention(20, 23, "库来西", "Person", None, "title-context"),
    ])
    assert ents == {"库来西‧沙吾提": {"库来西"}}
    ents, _ = _cluster([
        Mention(0, 6, "古多·沃尔夫", "Person", None, "title-context"),
        Mention(10, 16, "沃尔夫·古多", "Person", None, "title-context"),
        Mention(20, 23, "沃尔夫", "Person", None, "title-context"),
    ])
    assert ents == {"古多·沃尔夫": {"沃尔夫"}, "沃尔夫·古多": set()}
    ents, _ = _cluster([
        Mention(0, 6, "约翰·史密斯", "Person", None, "title-context"),
        Mention(10, 16, "约翰·布朗", "Person", None, "title-context"),
        Mention(20, 22, "约翰", "Person", None, "title-context"),
    ])
    assert set(ents) == {"约翰·史密斯", "约翰·布朗", "约翰"}


def test_abbreviations_of_a_place_letter_and_of_a_name_after_a_legal_prefix():
    from kg.recognize.coref import abbreviation_target

    # 港 abbreviates 香港 (place_abbreviations.tsv); 大 starts the rest
    assert abbreviation_target("港大", ["香港大学"]) == "香港大学"
    assert abbreviation_target("沪大", ["上海交通大学"]) is None  # 大 does not start 交通大学
    assert abbreviation_target("京东", ["北京东方电子集团股份有限公司"]) is None  # a long rest: no school's kind
    assert abbreviation_target("港大", ["香港大学", "香港大学深圳医院"]) == "香港大学"
    # 国立 is a legal prefix (coref_legal_prefixes.tsv): 成大 abbreviates 成功大学
    assert abbreviation_target("成大", ["国立成功大学"]) == "国立成功大学"
    # 中华 after the place is left out by the abbreviation (coref_abbreviation_skips.tsv)
    assert abbreviation_target("华锐会", ["香港中华华锐联合会"]) == "香港中华华锐联合会"


def test_a_middle_form_joins_a_full_name_that_already_has_its_shorter_form():
    # 华锐重工 is already an alias of 华锐重工集团有限公司: 华锐重工集团 joins them (one chain)
    ents, _ = _cluster([
        _org("华锐重工集团有限公司", 0),
        _org("华锐重工", 20, canonical="华锐重工集团有限公司"),
        _org("华锐重工集团", 40),
    ])
    assert ents == {"华锐重工集团有限公司": {"华锐重工", "华锐重工集团"}}


def test_abbreviations_led_by_a_place_or_after_a_skipped_parent():
    from kg.recognize.coref import abbreviation_target

    assert abbreviation_target("西安交大", ["西安交通大学"]) == "西安交通大学"  # the same place starts both
    assert abbreviation_target("香港贸发局", ["香港贸易发展局"]) == "香港贸易发展局"
    assert abbreviation_target("广东省委", ["广东省人大常委会"]) is None  # a place and a suffix: a body of its own
    assert abbreviation_target("连云区委", ["江苏连云经济开发区管委会"]) is None
    # 中国科学院 (data/coref_abbreviation_skips.tsv) is left out of an institute's abbreviation
    assert abbreviation_target("大连化物所", ["中国科学院大连化学物理研究所", "中国科学院"]) == "中国科学院大连化学物理研究所"


def test_two_names_written_apart_in_one_sentence_stay_two():
    text = "中国化工集团董事长宁高宁，中国化学工程集团总经理刘家强出席。中国化工集团将投资。"
    ms = [Mention(text.index("中国化工集团"), text.index("中国化工集团") + 6, "中国化工集团", "Organization", "Company", "org-rule"),
          Mention(13, 21, "中国化学工程集团", "Organization", "Company", "org-rule"),
          Mention(text.rindex("中国化工集团"), text.rindex("中国化工集团") + 6, "中国化工集团", "Organization", "Company", "org-rule")]
    art = Article(source="x.txt", raw=text)
    art.text = text
    art.mentions = ms
    cluster_entities(art)
    assert sorted(e.name for e in art.entities) == ["中国化学工程集团", "中国化工集团"]


def test_a_short_form_given_in_brackets_after_the_full_name_joins_it():
    text = "中国科学院大连化学物理研究所（大连化物所）所长出席。"
    ms = [Mention(0, 14, "中国科学院大连化学物理研究所", "Organization", "ResearchInstitution", "org-rule"),
          Mention(15, 20, "大连化物所", "Organization", None, "org-rule")]
    art = Article(source="x.txt", raw=text)
    art.text = text
    art.mentions = ms
    cluster_entities(art)
    assert [(e.name, e.aliases) for e in art.entities] == [("中国科学院大连化学物理研究所", {"大连化物所"})]


def _place(text, start, code=None):
    return Mention(start, start + len(text), text, "Place", None, "model", None, code)


def test_a_place_written_with_and_without_its_level_character_is_one_place():
    ents, _ = _cluster([_place("俄勒冈州", 0), _place("俄勒冈", 10), _place("烈屿乡", 20), _place("烈屿", 30)])
    assert ents == {"俄勒冈州": {"俄勒冈"}, "烈屿乡": {"烈屿"}}


def test_a_short_place_form_fitting_two_places_or_two_codes_stays_apart():
    ents, _ = _cluster([_place("新竹县", 0), _place("新竹市", 10), _place("新竹", 20)])
    assert ents["新竹县"] == set()  # 新竹 joins 新竹市 by its name key, never both
    ents, _ = _cluster([_place("吉林", 0, "220000"), _place("吉林市", 10, "220200")])
    assert set(ents) == {"吉林", "吉林市"}


def test_a_comma_alone_between_two_names_is_a_list_not_a_short_form():
    text = "中国化学工程集团，中国化工集团出席。"
    ms = [Mention(0, 8, "中国化学工程集团", "Organization", "Company", "org-rule"),
          Mention(9, 15, "中国化工集团", "Organization", "Company", "org-rule")]
    art = Article(source="x.txt", raw=text)
    art.text = text
    art.mentions = ms
    cluster_entities(art)
    assert sorted(e.name for e in art.entities) == ["中国化学工程集团", "中国化工集团"]


def test_a_name_after_its_place_with_the_level_kept_joins_the_full_name():
    # 省土地发展集团 of 山东省土地发展集团: the place dropped, its level character kept; the
    # bare name then has one long form, not two
    ents, _ = _cluster([
        _org("山东省土地发展集团", 0), _org("省土地发展集团", 20), _org("土地发展集团", 40),
    ])
    assert ents == {"山东省土地发展集团": {"省土地发展集团", "土地发展集团"}}


def test_the_level_kept_form_fits_two_provinces_and_stays_apart():
    ents, _ = _cluster([_org("山东省土地发展集团", 0), _org("江苏省土地发展集团", 20), _org("省土地发展集团", 40)])
    assert set(ents) == {"山东省土地发展集团", "江苏省土地发展集团", "省土地发展集团"}


def test_a_level_kept_bare_body_is_left_to_the_bare_bodies():
    # 市发改委 may be another city's (kg.recognize.bare_bodies chooses the place): no company
    ents, _ = _cluster([_org("临海市发改委", 0, "GovernmentBody"), _org("市发改委", 20, "GovernmentBody")])
    assert set(ents) == {"临海市发改委", "市发改委"}


def test_only_a_company_joins_with_the_level_kept():
    # every city has a 市人民医院: the one of the article's only named city is no safe guess
    ents, _ = _cluster([_org("临海市人民医院", 0, "Organization"), _org("市人民医院", 20, "Organization")])
    assert set(ents) == {"临海市人民医院", "市人民医院"}


def test_the_level_kept_must_be_the_places_level():
    # 山东 is a province: 市土地发展集团 is no form of 山东省土地发展集团
    ents, _ = _cluster([_org("山东省土地发展集团", 0), _org("市土地发展集团", 20)])
    assert set(ents) == {"山东省土地发展集团", "市土地发展集团"}


def test_a_county_government_written_xianfu_is_the_county_government():
    # 云林县府 (data/coref_abbreviations.tsv: 县府=县政府)
    ents, _ = _cluster([_org("云林县政府", 0, "GovernmentBody"), _org("云林县府", 20, "GovernmentBody")])
    assert ents == {"云林县政府": {"云林县府"}}


def test_a_city_government_written_shifu_is_the_city_government():
    # 漳州市府 (data/coref_abbreviations.tsv: 市府=市政府, scope early: before 漳州市 is
    # shortened to 漳州 inside the names compared)
    ents, _ = _cluster([_org("漳州市政府", 0, "GovernmentBody"), _org("漳州市府", 20, "GovernmentBody")])
    assert ents == {"漳州市政府": {"漳州市府"}}


def test_taiwan_short_forms_of_cities_and_counties_start_their_full_names():
    # headlines of Taiwan's press: 南市府 (台南市政府), 桃市议会 (桃园市议会), 竹县 (新竹县),
    # data/coref_region_short_forms.tsv
    ents, _ = _cluster([
        _org("台南市政府", 0, "GovernmentBody"), _org("南市府", 20, "GovernmentBody"),
        _org("桃园市议会", 40, "GovernmentBody"), _org("桃市议会", 60, "GovernmentBody"),
        _place("新竹县", 80, "710704"), _place("竹县", 90),
    ])
    assert ents == {"台南市政府": {"南市府"}, "桃园市议会": {"桃市议会"}, "新竹县": {"竹县"}}


def test_a_taiwan_short_form_only_counts_at_the_start_of_a_name():
    # 济南市政府 is no 台南市's body, though 南市 is written inside it
    ents, _ = _cluster([_org("台南市政府", 0, "GovernmentBody"), _org("济南市政府", 20, "GovernmentBody")])
    assert set(ents) == {"台南市政府", "济南市政府"}


def test_two_bare_committees_standing_for_two_cities_stay_apart():
    # 三亚市委书记王祺扬，市委副书记…会见了文昌市委书记龙卫东，市委副书记…: each bare 市委 stands for
    # the committee named before it; the same written form does not make the two committees one
    def bare(start, canonical):
        m = _org("市委", start, "GovernmentBody", canonical)
        m.generic = True
        return m

    ents, _ = _cluster([
        _org("三亚市委", 0, "GovernmentBody"), bare(20, "三亚市委"),
        _org("文昌市委", 33, "GovernmentBody"), bare(43, "文昌市委"),
    ])
    assert ents == {"三亚市委": set(), "文昌市委": set()}


def test_two_bare_committees_standing_for_one_city_are_one():
    def bare(start):
        m = _org("市委", start, "GovernmentBody", "三亚市委")
        m.generic = True
        return m

    ents, a = _cluster([_org("三亚市委", 0, "GovernmentBody"), bare(20), bare(43)])
    assert ents == {"三亚市委": set()} and len({m.entity for m in a.mentions}) == 1


def test_an_organization_guessed_from_a_titled_persons_name_is_that_person():
    ents, a = _cluster([
        Mention(0, 3, "李文波", "Person", None, "title-context"),
        Mention(10, 13, "李文波", "Organization", "Company", "org-list"),  # 李文波、魏朝东… read as firms
        Mention(20, 28, "尼古拉斯·伯恩斯", "Person", None, "title-context"),
        Mention(30, 33, "伯恩斯", "Organization", None, "model"),
    ])
    assert set(ents) == {"李文波", "尼古拉斯·伯恩斯"}
    assert all(e.type == "Person" for e in a.entities)
    # an organization a rule found by its form stays one; so does one named like a person
    # the article knows only from a list or the model
    ents, a = _cluster([
        Mention(0, 3, "国科大", "Person", None, "title-context"),
        Mention(10, 13, "国科大", "Organization", None, "abbreviation"),
        Mention(20, 23, "经民联", "Person", None, "list"),
        Mention(30, 33, "经民联", "Organization", None, "model-learned"),
    ])
    assert sorted((e.name, e.type) for e in a.entities) == [
        ("国科大", "Organization"), ("国科大", "Person"), ("经民联", "Organization"), ("经民联", "Person")]


def test_a_committee_written_with_its_level_twice_is_also_named_with_it_once():
    ents, _ = _cluster([_org("进贤县县委", 0, "GovernmentBody"), _org("华锐公司", 10)])
    assert ents == {"进贤县县委": {"进贤县委"}, "华锐公司": set()}


def test_a_name_the_model_tagged_otherwise_takes_the_learned_reading():
    """One name written twice: the model's ORG tag at one place, the span acceptor's
    person reading at the other (kg.recognize.span_acceptor): one person."""
    text = "日本前外相川口顺子访问。川口顺子表示。"
    art = Article(source="t", raw=text, text=text, mentions=[
        Mention(5, 9, "川口顺子", "Person", source="model-learned"),
        Mention(12, 16, "川口顺子", "Organization", source="model"),
    ])
    cluster_entities(art)
    assert [(e.name, e.type) for e in art.entities] == [("川口顺子", "Person")]
    assert all(m.type == "Person" for m in art.mentions)


def test_a_name_the_model_tagged_otherwise_keeps_it_against_a_rule():
    """Only the learned reading overrides the model's tag: a title-context person and the
    model's place of one name stay two entities (东坑镇 read as a name after a title)."""
    text = "镇长东坑镇出席。东坑镇位于东莞。"
    art = Article(source="t", raw=text, text=text, mentions=[
        Mention(2, 5, "东坑镇", "Person", source="title-context"),
        Mention(8, 11, "东坑镇", "Place", source="model"),
    ])
    cluster_entities(art)
    assert sorted(e.type for e in art.entities) == ["Person", "Place"]


def test_a_person_that_is_a_declared_short_form_is_the_organization():
    """甲公司(简称华锐)…华锐董事长张明: 华锐, read as a person, is the short form the company
    declared (data/coref_short_form_markers.tsv) and joins it; a person no bracket declares stays."""
    text = "华锐科技股份有限公司(简称“华锐”)签约。华锐董事长张明与李青座谈。"
    a = Article(source="t.txt", raw=text, text=text)

    def person(name, at):
        return Mention(at, at + len(name), name, "Person", None, "title-context")

    full = "华锐科技股份有限公司"
    a.mentions = [Mention(0, len(full), full, "Organization", "Company", "org-rule"),
                  person("华锐", text.index("“华锐") + 1), person("华锐", text.index("华锐董")),
                  person("张明", text.index("张明")), person("李青", text.index("李青"))]
    cluster_entities(a)
    ents = {e.name: e for e in a.entities}
    assert ents[full].type == "Organization" and "华锐" in ents[full].aliases
    assert "华锐" not in ents and ents["张明"].type == "Person" and ents["李青"].type == "Person"


def test_an_abbreviation_declared_in_brackets_joins_the_name_before_it():
    """澳大 fits 澳门大学, 澳门科技大学 and 澳门城市大学 alike (ambiguous: left alone), but
    written in brackets right after 澳门大学 it is that university's short form; where no
    bracket says so, the short form still stays alone."""
    def run(text):
        a = Article(source="t.txt", raw=text, text=text)
        names = ["澳门科技大学", "澳门大学", "澳门城市大学"]
        a.mentions = [_org(n, text.index(n), "University") for n in names]
        at = 0
        while (at := text.find("澳大", at)) >= 0:
            a.mentions.append(_org("澳大", at, "University"))
            at += 2
        a.mentions.sort(key=lambda m: m.start)
        cluster_entities(a)
        return {e.name: e.aliases for e in a.entities}

    declared = run("代表团拜访澳门科技大学(澳科)、澳门大学(澳大)以及澳门城市大学。代表团亦到访澳大。")
    assert declared["澳门大学"] == {"澳大"} and "澳大" not in declared
    assert not declared["澳门科技大学"] and not declared["澳门城市大学"]
    plain = run("代表团拜访澳门科技大学、澳门大学以及澳门城市大学。代表团亦到访澳大。")
    assert "澳大" in plain and not plain["澳门大学"]


def test_the_traditional_original_of_a_name_is_an_alias():
    # the graph contract: every other surface form, the Traditional original included, is an altLabel
    from kg.nlp.loader import load_backend
    from kg.pipeline import analyze_article

    art = Article(source="t.txt", raw="苗栗縣長徐耀昌與張旭會面。")
    analyze_article(art, load_backend())
    aliases = {e.name: e.aliases for e in art.entities}
    assert "張旭" in aliases["张旭"] and "苗栗縣" in aliases["苗栗县"]
    assert not aliases["徐耀昌"]  # written alike in both scripts: nothing to add
