from kg.recognize.short_companies import find_short_companies


def _names(found):
    """Names of the maximal matches (nested ones left out)."""
    return [o.text for o in found if not any(p is not o and p.start <= o.start and o.end <= p.end for p in found)]


def test_short_companies_need_clear_boundaries():
    text = "先后到英莱科技、四维科技等地,发展现代医药等产业"
    assert _names(find_short_companies(text)) == ["英莱科技", "四维科技"]


def test_industry_words_are_no_short_companies():
    text = "重点发展稀土催化材料、精细化工、工程机械等产业,建设光纤通信。"
    assert find_short_companies(text) == []


def test_industry_suffix_names_need_corroboration():
    text = "会上,青松材料与远山能源就储能项目签约,白鹭化工董事长出席。"
    assert [o.text for o in find_short_companies(text)] == ["青松材料", "远山能源", "白鹭化工"]
    listed = "引进青松材料、白鹭化工等企业。青松材料科技有限公司成立于2010年。"
    assert [o.text for o in find_short_companies(listed, full_names=["青松材料科技有限公司"])] == ["青松材料"]


def test_amounts_are_no_short_companies():
    assert find_short_companies("打造百亿级新能源、建成万吨材料。") == []
