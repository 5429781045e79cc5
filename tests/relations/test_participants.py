"""Participants, co-hosts and members at meetings (kg.relations.participants)."""

from kg.relations.relations import extract_relations

from tests.builders import make_article, triples


def test_host_side_participants_accompany_the_host_and_meet_the_visitor():
    art = make_article("临海市市长张明会见了李青一行，临海市副市长王芳参加会见。",
                       {"临海市": "Place", "张明": "Person", "李青": "Person", "王芳": "Person"})
    extract_relations(art)
    assert ("王芳", "张明") in triples(art, "accompanied")
    met = {frozenset(p) for p in triples(art, "metWith")}
    assert {frozenset(("李青", "张明")), frozenset(("李青", "王芳"))} <= met


def test_visiting_side_participants_accompany_the_visiting_leader_and_meet_the_host():
    # D10: participants whose posts are where the visitors' are accompany the first leader
    art = make_article("临海市市长张明会见了来访的华阳市市长李青一行。临海市副市长王芳，华阳市副市长赵阳等参加会见。",
                       {"临海市": "Place", "华阳市": "Place", "张明": "Person", "李青": "Person",
                        "王芳": "Person", "赵阳": "Person"})
    extract_relations(art)
    acc = triples(art, "accompanied")
    assert ("王芳", "张明") in acc and ("赵阳", "李青") in acc
    assert ("赵阳", "张明") not in acc
    assert frozenset(("张明", "赵阳")) in {frozenset(p) for p in triples(art, "metWith")}


def test_city_leaders_are_on_the_side_of_the_city_in_focus():
    art = make_article("临海市市长张明会见了李青一行，市领导王芳、赵阳参加会见。",
                       {"临海市": "Place", "张明": "Person", "李青": "Person", "王芳": "Person", "赵阳": "Person"})
    extract_relations(art)
    assert {("王芳", "张明"), ("赵阳", "张明")} <= triples(art, "accompanied")


def test_a_participant_of_unknown_side_is_linked_to_nobody():
    art = make_article("张明会见了李青一行，王芳参加会见。", {"张明": "Person", "李青": "Person", "王芳": "Person"})
    extract_relations(art)
    assert not {p for p in triples(art, "accompanied") if "王芳" in p}
    assert not {p for p in triples(art, "metWith") if "王芳" in p}


def test_hosts_listed_clause_by_clause_accompany_the_first():
    art = make_article("王一一行来到乙县考察。乙县县委书记沙明，县委常委魏红等接待考察。",
                       {"乙县": "Place", "王一": "Person", "沙明": "Person", "魏红": "Person"})
    extract_relations(art)
    assert {("王一", "沙明"), ("王一", "魏红")} <= triples(art, "metWith")
    assert triples(art, "accompanied") == {("魏红", "沙明")}


def test_people_met_one_by_one_or_joined_by_a_comma_of_names_are_co_hosts():
    art = make_article("王一一行来到甲公司。甲公司董事长李青，甲公司总经理王芳分别会见了王一一行。",
                       {"王一": "Person", "甲公司": "Organization", "李青": "Person", "王芳": "Person"})
    extract_relations(art)
    assert {frozenset(p) for p in triples(art, "metWith")} == {frozenset(("王一", "李青")), frozenset(("王一", "王芳"))}
    assert not triples(art, "accompanied")
    art = make_article("王一一行来到甲所。甲所所长李青、副所长王芳会见了王一一行。",
                       {"王一": "Person", "甲所": "Organization", "李青": "Person", "王芳": "Person"})
    extract_relations(art)
    assert not triples(art, "accompanied")
    assert {frozenset(p) for p in triples(art, "metWith")} == {frozenset(("王一", "李青")), frozenset(("王一", "王芳"))}


def test_a_member_brought_along_meets_the_host_leader():
    art = make_article("乙市市长王一率乙市副市长王二来到丙公司考察，与丙公司董事长李三座谈。",
                       {"乙市": "Place", "王一": "Person", "王二": "Person", "丙公司": "Organization", "李三": "Person"})
    extract_relations(art)
    assert triples(art, "accompanied") == {("王二", "王一")}
    met = {frozenset(p) for p in triples(art, "metWith")}
    assert met == {frozenset(("王一", "李三")), frozenset(("王二", "李三"))}


def test_a_meeting_with_the_subject_left_out_is_the_leaders():
    art = make_article("王一一行来到甲公司，会见了甲公司董事长李青。",
                       {"王一": "Person", "甲公司": "Organization", "李青": "Person"})
    extract_relations(art)
    assert {frozenset(p) for p in triples(art, "metWith")} == {frozenset(("王一", "李青"))}


def test_city_leaders_of_an_unnamed_own_city_are_the_hosts_side():
    art = make_article("东川市市长王一率队来我市考察。市委书记张明会见了王一一行，市领导李青、赵阳等参加座谈。",
                       {"东川市": "Place", "王一": "Person", "张明": "Person", "李青": "Person", "赵阳": "Person"})
    extract_relations(art)
    assert {("李青", "张明"), ("赵阳", "张明")} <= triples(art, "accompanied")
    met = {frozenset(p) for p in triples(art, "metWith")}
    assert frozenset(("王一", "李青")) in met


def test_people_taking_part_in_the_visitors_meeting_are_its_hosts_and_guests():
    # the leader met nobody named yet; the run before 参加交流会 names both sides:
    # the first host is the top host, the other hosts accompany them; a
    # visiting-side person accompanies the leader and meets the top host
    from kg.relations.relations import extract_relations
    from tests.builders import make_article, triples

    ents = {"王一": "Person", "王二": "Person", "王三": "Person", "王四": "Person", "甲市": "Place", "乙市": "Place"}
    art = make_article("乙市市长王一率团赴甲市考察。甲市市长王二，甲市副市长王三；乙市副市长王四参加交流会。", ents)
    extract_relations(art)
    assert {frozenset(t) for t in triples(art, "metWith")} == {frozenset(t) for t in [("王一", "王二"), ("王一", "王三"), ("王四", "王二")]}
    assert triples(art, "accompanied") == {("王三", "王二"), ("王四", "王一")}


def test_participants_of_a_received_guest_take_the_side_their_posts_are_in_or_under():
    # no delegation in focus (a host receives a guest): 杭州市 lies in 浙江省 (the
    # gazetteer's parent codes), so the mayor is on the governor's side; so is the
    # secretary-general of the provincial government
    from kg.doc import Article
    from kg.evaluation.from_article import article_to_gold_shape
    from kg.nlp.loader import load_backend
    from kg.pipeline import analyze_article

    text = "浙江省省长张明在杭州会见了英国驻华大使李青。\n张明欢迎李青来浙访问。\n杭州市市长王芳、省政府秘书长赵阳等参加会见。"
    art = analyze_article(Article(source="t.txt", raw=text), load_backend(None), until="scoring")
    gold = article_to_gold_shape(art)
    assert {tuple(p) for p in gold["accompanied"]} == {("王芳", "张明"), ("赵阳", "张明")}
    assert {frozenset(p) for p in gold["metWith"]} == {frozenset(p) for p in (("张明", "李青"), ("李青", "王芳"), ("李青", "赵阳"))}


def test_zai_zuo_is_taking_part_in_the_meeting():
    # 在座 (trigger_attend.tsv): 会见时…在座 names a participant like 参加会见
    art = make_article("临海市市长张明会见了李青一行。会见时，临海市副市长王芳在座。",
                       {"临海市": "Place", "张明": "Person", "李青": "Person", "王芳": "Person"})
    extract_relations(art)
    assert ("王芳", "张明") in triples(art, "accompanied")
    assert frozenset(("李青", "王芳")) in {frozenset(p) for p in triples(art, "metWith")}


def test_a_group_word_shows_the_side_of_participants_at_a_reception():
    # no delegation in focus (a host receives a guest): 市领导 are the host city's people
    art = make_article("临海市市长张明会见了来临海市参加活动的韩国驻华大使金成。市领导李青、王芳，韩国驻沪总领事朴南参加会见。",
                       {"临海市": "Place", "韩国": "Place", "张明": "Person", "李青": "Person", "王芳": "Person",
                        "金成": "Person", "朴南": "Person"})
    extract_relations(art)
    assert {("李青", "张明"), ("王芳", "张明"), ("朴南", "金成")} <= triples(art, "accompanied")
    assert frozenset(("金成", "李青")) in {frozenset(p) for p in triples(art, "metWith")}


def test_a_bare_attend_right_after_a_reception_takes_part_in_it():
    # 省长王一会见了甲国大使李二。…副省长王三参加。: 参加 alone, the sentence after the meeting
    art = make_article("临海省省长张明会见了韩国驻华大使金成。临海省副省长李青，临海省政府秘书长王芳参加。",
                       {"临海省": "Place", "韩国": "Place", "张明": "Person", "李青": "Person", "王芳": "Person",
                        "金成": "Person"})
    extract_relations(art)
    assert {("李青", "张明"), ("王芳", "张明")} <= triples(art, "accompanied")
    # a bare 参加 two sentences later is about something else
    art = make_article("临海省省长张明会见了韩国驻华大使金成。双方交流了意见。会后举行了论坛。临海省副省长李青参加。",
                       {"临海省": "Place", "韩国": "Place", "张明": "Person", "李青": "Person", "金成": "Person"})
    extract_relations(art)
    assert ("李青", "张明") not in triples(art, "accompanied")


def test_the_people_of_the_organization_visited_are_hosts_though_the_visitor_lives_in_its_city():
    # 湖州大学 is in 湖州, as the visitor's 湖州市委 is: its people still host the visit
    from kg.doc import Article
    from kg.evaluation.from_article import article_to_gold_shape
    from kg.nlp.loader import load_backend
    from kg.pipeline import analyze_article

    text = "3月2日，湖州市委副书记张明到湖州大学走访。湖州大学党委书记李青、校长王芳、副校长赵阳参加座谈会。"
    gold = article_to_gold_shape(analyze_article(Article(source="t.txt", raw=text), load_backend(None), until="scoring"))
    assert {tuple(p) for p in gold["accompanied"]} == {("王芳", "李青"), ("赵阳", "李青")}
    assert {frozenset(p) for p in gold["metWith"]} == {frozenset(("张明", x)) for x in ("李青", "王芳", "赵阳")}


def test_region_leaders_listed_before_other_participants_are_the_hosts_side():
    # 自治区领导 is a group word of a region (data/context_side_groups.tsv), and its clause
    # of names belongs to the run of participants that the next clause ends
    art = make_article("自治区主席马飚在南宁会见了李青一行。马飚欢迎李青到广西考察。"
                       "自治区领导陈武、林念修，自治区政府秘书长王跃飞参加会见。",
                       {"马飚": "Person", "李青": "Person", "陈武": "Person", "林念修": "Person",
                        "王跃飞": "Person", "南宁": "Place", "广西": "Place"})
    extract_relations(art)
    assert {("陈武", "马飚"), ("林念修", "马飚")} <= triples(art, "accompanied")
    assert frozenset(("陈武", "李青")) in {frozenset(p) for p in triples(art, "metWith")}


def test_leaders_of_a_named_city_are_that_citys_side():
    # 武汉市领导龙良文: the group word starts inside the city's name
    art = make_article("集团董事长吕军拜会武汉市委书记王忠林。武汉市领导龙良文、张文彤参加座谈。",
                       {"吕军": "Person", "王忠林": "Person", "龙良文": "Person", "张文彤": "Person",
                        "武汉市": "Place", "武汉市委": "Organization"})
    extract_relations(art)
    assert {("龙良文", "王忠林"), ("张文彤", "王忠林")} <= triples(art, "accompanied")


def test_the_leader_of_a_delegation_received_by_a_host_is_named_after_the_meeting_verb():
    # 甲会见了由乙率领的代表团: 乙 leads, the host 甲 does not; the guests' city's leaders are their side
    art = make_article("深圳市市长许宗衡会见了由扬州市委书记季建业率领的代表团一行。扬州市领导王荣平、卢桂平参加会见。",
                       {"深圳市": "Place", "扬州市": "Place", "扬州市委": "Organization", "许宗衡": "Person",
                        "季建业": "Person", "王荣平": "Person", "卢桂平": "Person"})
    extract_relations(art)
    assert {("王荣平", "季建业"), ("卢桂平", "季建业")} <= triples(art, "accompanied")
    assert not {p for p in triples(art, "accompanied") if "许宗衡" in p}
    met = {frozenset(p) for p in triples(art, "metWith")}
    assert {frozenset(("许宗衡", "季建业")), frozenset(("许宗衡", "王荣平"))} <= met
