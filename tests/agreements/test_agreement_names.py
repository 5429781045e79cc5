from kg.agreements.agreement_names import (
    doc_names,
    is_generic,
    name_after,
    name_before,
    project_list,
    projects_after,
    quoted_names,
    shared_tail_names,
)


def test_the_name_after_the_verb_is_quoted_or_ends_with_the_last_agreement_noun():
    text = "签署《联合实验室共建协议》"
    assert name_after(text, 2, len(text)) == "联合实验室共建协议"
    text = "签订了战略合作协议和投资合同，"
    assert name_after(text, 2, len(text)) == "战略合作协议和投资合同"
    assert name_after("签约。", 2, 3) == ""


def test_the_name_before_the_verb_starts_after_the_last_lead_word():
    text = "甲乙开展了三方战略框架合作协议签署活动"
    assert name_before(text, 0, text.index("签署")) == "三方战略框架合作协议"
    assert name_before("甲与乙签约", 0, 3) == ""


def test_listed_document_names_are_split_only_when_each_is_a_document():
    text = "签订B项目协议和C项目合同"
    assert doc_names(text, 2, len(text)) == ["B项目协议", "C项目合同"]
    text = "签订文旅和商贸业发展合作协议"
    assert doc_names(text, 2, len(text)) == ["文旅和商贸业发展合作协议"]


def test_project_lists_before_and_after_the_verb():
    text = "就A平台、B合作等项目进行签约"
    assert project_list(text, 1, text.index("进行")) == ["A平台", "B合作"]
    text = "现场签约A、B等4个项目"
    assert projects_after(text, text.index("签约") + 2, len(text)) == ["A项目", "B项目"]
    text = "签约A合作协议等项目"
    assert projects_after(text, 2, len(text)) == []


def test_generic_names_only_refer_to_an_agreement():
    assert is_generic("本次备忘录") and is_generic("协议书") and is_generic("签约项目")
    assert not is_generic("战略合作协议")


def test_a_document_list_shares_the_tail_of_its_last_name():
    assert shared_tail_names("文旅和商贸业发展合作协议", 2) == ["文旅发展合作协议", "商贸业发展合作协议"]
    assert shared_tail_names("文旅和商贸业发展合作协议", 3) == ["文旅和商贸业发展合作协议"]
    assert shared_tail_names("合作协议", 2) == ["合作协议"]


def test_a_list_of_projects_each_written_with_xiangmu_runs_to_the_last():
    text = "就A平台项目、B合作项目进行"
    assert project_list(text, 1, len(text)) == ["A平台项目", "B合作项目"]
    text = "A平台项目和B合作项目"
    assert projects_after(text, 0, len(text)) == ["A平台项目", "B合作项目"]
    text = "就A平台项目进行"
    assert project_list(text, 1, len(text)) == ["A平台"]


def test_a_run_of_quoted_titles_names_one_document_each():
    text = "签署了《甲合作备忘录》《乙意向书》、《丙协议书》和《丁协议》。"
    assert quoted_names(text, 2, len(text)) == ["甲合作备忘录", "乙意向书", "丙协议书", "丁协议"]
    assert doc_names(text, 2, len(text)) == ["甲合作备忘录", "乙意向书", "丙协议书", "丁协议"]
    one = "签署了《甲合作备忘录》。"
    assert quoted_names(one, 2, len(one)) == []  # one title: name_after has it


def test_a_name_that_counts_agreements_is_generic():
    assert is_generic("多份合作协议") and is_generic("多项合作协议") and not is_generic("甲合作协议")
