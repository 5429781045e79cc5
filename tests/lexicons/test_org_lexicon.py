from kg.lexicons.org_lexicon import is_amount, is_generic_core, org_subtype


def test_generic_cores():
    assert is_generic_core("国家重点")
    assert not is_generic_core("恒玄")


def test_amounts():
    assert is_amount("千亿级新能源")
    assert not is_amount("青松材料")


def test_subtype_from_the_name_ending():
    assert org_subtype("甲乙科技有限公司") == "Company"
    assert org_subtype("甲乙研究所") == "ResearchInstitution"
    assert org_subtype("科技部") == "GovernmentBody"
    assert org_subtype("青松材料") == "Company"
    assert org_subtype("甲乙") is None
