

def test_titles_are_compared_without_generic_body_words():
    """The guide's v2 convention: 主任 and 区人大常委会主任 are one title."""
    from kg.evaluation.scoring import score_article, title_key

    assert title_key("区人大常委会主任") == title_key("主任") == "主任"
    assert title_key("市政协副主席") == "副主席" and title_key("市政府秘书长") == "秘书长"
    assert title_key("董事长") == "董事长" and title_key("副市长") == "副市长"
    assert title_key("组织部部长") != title_key("宣传部部长")  # departments are no generic body words
    assert title_key("党委书记") != title_key("纪委书记")
    # a level word of several characters is a level too (data/place_m_admin_suffixes.tsv, body_long)
    assert title_key("自治区人大常委会主任") == "主任" and title_key("自治区主席") == "自治区主席"
    gold = {"file": "a.txt", "entities": [{"name": "张明", "type": "Person"}, {"name": "临海区人大常委会", "type": "Organization"}],
            "positions": [{"person": "张明", "title": "区人大常委会主任", "in": "临海区人大常委会"}]}
    pred = {"file": "a.txt", "entities": gold["entities"],
            "positions": [{"person": "张明", "title": "主任", "in": "临海区人大常委会"}]}
    assert score_article(pred, gold).relations["positions"].tp == 1
