from kg.doc import Mention
from kg.recognize.body_chains import coordination, org_prefix_of


def test_prefix_of_a_body_name():
    assert org_prefix_of("甲市委") == "甲市"
    assert org_prefix_of("甲区人民政府") == "甲区"
    assert org_prefix_of("甲乙科技有限公司") == "甲乙科技有限公司"


def test_coordinated_body_inherits_the_place():
    text = "甲市委、市政府领导出席"
    found = coordination(text, [Mention(0, 3, "甲市委", "Organization", "GovernmentBody", "org-rule")])
    assert [(m.text, m.canonical, m.source) for m in found] == [("市政府", "甲市政府", "coordination")]


def test_a_level_character_written_twice_is_written_once_in_the_coordinated_body():
    text = "通化市市委、市政府领导出席"
    found = coordination(text, [Mention(0, 5, "通化市市委", "Organization", "GovernmentBody", "org-rule")])
    assert [m.canonical for m in found] == ["通化市政府"]
    # a county with a one-character stem writes its level twice (莒县县委, 莒县县政府)
    text = "日照市莒县县委、县政府领导出席"
    found = coordination(text, [Mention(0, 7, "日照市莒县县委", "Organization", "GovernmentBody", "org-rule")])
    assert [m.canonical for m in found] == ["日照市莒县县政府"]


def test_a_chain_body_after_a_region_body_is_the_regions():
    """自治区党委书记、人大常委会主任梁言顺 in a text about 宁夏: the bare 人大常委会
    takes the region, not the generic 自治区人大常委会."""
    from kg.doc import Article
    from kg.nlp.loader import load_backend
    from kg.pipeline import analyze_article

    text = "宁夏日报讯 8月22日，福建省代表团来宁夏考察。自治区党委书记、人大常委会主任梁言顺陪同考察。"
    art = analyze_article(Article(source="t.txt", raw=text), load_backend(None), until="scoring")
    names = {e.name for e in art.entities if e.type == "Organization"}
    assert "宁夏自治区人大常委会" in names and "自治区人大常委会" not in names
