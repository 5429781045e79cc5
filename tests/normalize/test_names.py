import pytest

from kg.normalize.names import looks_like_name


@pytest.mark.parametrize("name", ["郭赟", "李家鸣", "安艳鸽", "欧阳修文", "贺德良"])
def test_names(name):
    assert looks_like_name(name)


@pytest.mark.parametrize("word", ["采访", "试行", "完", "筹", "从市政府", "张三李四王五", "Li Ming", "报道"])
def test_not_names(word):
    assert not looks_like_name(word)
