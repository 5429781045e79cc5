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
