import re

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.context.clauses import TextView

from tests.builders import make_article


def test_clauses_split_at_breaks_outside_names_only():
    art = make_article("在甲公司，王一参观；李二：好。", {"甲公司": "Organization", "王一": "Person", "李二": "Person"})
    assert [c.text for c in TextView(art).clauses(0)] == ["在甲公司", "王一参观", "李二", "好。"]


def test_a_comma_inside_a_short_quotation_breaks_no_clause():
    art = make_article("王一就“发挥优势，助推发展”课题，率队前往甲公司。", {"甲公司": "Organization", "王一": "Person"})
    assert [c.text for c in TextView(art).clauses(0)] == ["王一就“发挥优势，助推发展”课题", "率队前往甲公司。"]


def test_nested_refs_are_dropped_and_refs_are_found_by_offset():
    art = make_article("甲市高新区很大。", {"甲市高新区": "Place", "甲市": "Place"})
    view = TextView(art)
    assert [art.entities[r.entity].name for r in view.refs] == ["甲市高新区"]
    assert view.ref_at(2).start == 0 and view.ref_starting(1) is None
    assert not view.outside_refs(0, 1) and view.outside_refs(5, 6)


def test_list_items_take_the_last_name_of_a_chain_and_skip_unnamed_items():
    text = "先后到乙省甲市丙区、展厅和丁公司。"
    art = make_article(text, {"乙省": "Place", "甲市": "Place", "丙区": "Place", "丁公司": "Organization"})
    items = TextView(art).list_items(text.index("乙"), text.index("。"))
    assert [art.entities[r.entity].name for r in items] == ["丙区", "丁公司"]


def test_find_skips_matches_inside_names():
    art = make_article("到达甲到乙公司，到丙。", {"甲到乙公司": "Organization"})
    hits = [m.start() for m in TextView(art).find(re.compile("到"), 0, len(art.text))]
    assert hits == [0, 8]


@settings(max_examples=30, deadline=None)
@given(st.text(alphabet="甲公司王一，；：、和到。", max_size=40))
def test_clauses_lie_inside_their_sentence_and_do_not_overlap(text):
    art = make_article(text, {"甲公司": "Organization", "王一": "Person"})
    view = TextView(art)
    for si, s in enumerate(art.sentences):
        prev = s.start
        for c in view.clauses(si):
            assert prev <= c.start < c.end <= s.end and c.text == art.text[c.start : c.end]
            prev = c.end


def test_generic_refs_of_one_span_are_kept_as_a_pair():
    from kg.doc import Mention
    from kg.context.clauses import TextView

    art = make_article("甲区乙区发展。文旅局签约。", {"甲区": "Place", "乙区": "Place"})
    s = art.text.index("文旅局")
    for ent in (0, 1):
        art.mentions.append(Mention(s, s + 3, "文旅局", "Organization", generic=True, entity=ent))
    assert [r.entity for r in TextView(art).refs_in(s, s + 3)] == [0, 1]
