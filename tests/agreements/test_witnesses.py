from kg.relations.relations import extract_relations

from tests.builders import make_article

P, O, L = "Person", "Organization", "Place"
ENTS = {"王一": P, "王二": P, "王三": P, "甲市": L, **{c + "公司": O for c in "甲乙丙丁戊己"}}


def _agreements(text):
    art = make_article(text, ENTS)
    extract_relations(art)
    e = art.entities
    return {(tuple(sorted(e[p].name for p in a.parties)), tuple(sorted(e[w].name for w in a.witnesses)))
            for a in art.agreements}


def test_a_frame_before_the_signings_covers_the_following_paragraphs():
    text = ("王三一行到甲市考察。\n在王一、王二的见证下，举行了集中签约仪式。\n"
            "甲公司与乙公司签订了合作协议。丙公司与丁公司签订了投资协议。\n戊公司与己公司签约。")
    assert _agreements(text) == {(pair, ("王一", "王二")) for pair in
                                 [("乙公司", "甲公司"), ("丁公司", "丙公司"), ("己公司", "戊公司")]}


def test_the_frame_lapses_after_a_paragraph_without_signing():
    text = ("在王一的见证下，举行了签约仪式。\n甲公司与乙公司签订了合作协议。\n王三到甲市考察。\n"
            "会议介绍了情况。\n丙公司与丁公司签订了投资协议。")
    assert _agreements(text) == {(("乙公司", "甲公司"), ("王一",)), (("丁公司", "丙公司"), ())}


def test_witnesses_closing_the_sentence_of_the_signings():
    text = "王三到甲市考察。甲公司与乙公司签订了合作协议，丙公司与丁公司签订了投资协议，王一、王二共同见证。"
    assert _agreements(text) == {(("乙公司", "甲公司"), ("王一", "王二")), (("丁公司", "丙公司"), ("王一", "王二"))}


def test_witnesses_in_a_sentence_of_their_own_and_attend_and_witness():
    assert _agreements("王三到甲市考察。甲公司与乙公司签订了合作协议。王一、王二共同见证。") == {
        (("乙公司", "甲公司"), ("王一", "王二"))}
    assert _agreements("王三到甲市考察。甲公司与乙公司签订合作协议，王一出席并见证。") == {
        (("乙公司", "甲公司"), ("王一",))}


def test_people_listed_in_clauses_before_the_witness_clause_witness_too():
    text = "王三到甲市考察。甲公司与乙公司签订了合作协议。甲市市长王一，乙公司董事长王二出席签约仪式并共同见证协议签署。"
    assert _agreements(text) == {(("乙公司", "甲公司"), ("王一", "王二"))}


def test_a_witness_sentence_two_paragraphs_after_the_signing():
    text = "王三到甲市考察，甲公司与乙公司签署了合作协议。\n协议约定双方共建实验室。\n王一、王二出席会议并见证签约。"
    assert _agreements(text) == {(("乙公司", "甲公司"), ("王一", "王二"))}


def test_a_witnessed_signing_is_not_a_new_signing():
    from kg.agreements.witnesses import witnessed_signing
    from kg.context.clauses import TextView

    text = "王一出席签约仪式并共同见证协议签署。"
    art = make_article(text, ENTS)
    view = TextView(art)
    clause = view.clauses(0)[0]
    assert witnessed_signing(view, clause, text.index("签署"))
    assert not witnessed_signing(view, clause, text.index("签约"))
    assert _agreements("甲公司与乙公司签订了合作协议。" + text) == {(("乙公司", "甲公司"), ("王一",))}


def test_a_list_of_people_over_clauses_before_an_and_witness_clause():
    """书记王一,区长王二,董事长王三等参加会议,并共同见证…: the whole list witnesses (the
    attendance verb in the list's last clause), not only its first name."""
    text = "甲公司与乙公司签订了合作协议。甲市市委书记王一,甲市市长王二,甲公司董事长王三等参加会议,并共同见证签约仪式。"
    assert _agreements(text) == {(("乙公司", "甲公司"), ("王一", "王三", "王二"))}


def test_a_first_clause_that_is_not_a_list_keeps_its_own_people_only():
    """王一参观了…,与王二座谈交流,共同见证…: the sentence's subject (the first clause that
    names anyone) witnesses; the one met in a later clause does not."""
    text = "王一参观了甲公司展厅,与乙公司总经理王二座谈交流,共同见证甲公司与乙公司签署合作协议。"
    assert _agreements(text) == {(("乙公司", "甲公司"), ("王一",))}


def test_a_witness_frame_whose_names_are_listed_over_commas():
    text = "签约仪式上,在甲市市委书记王一,乙公司董事长王二的见证下,甲公司与乙公司签订了合作协议。"
    assert _agreements(text) == {(("乙公司", "甲公司"), ("王一", "王二"))}


def test_a_witness_frame_of_a_signing_told_in_the_paragraph_before():
    """在X的见证下，A、B代表双方签字: X witnesses the agreement told just before (and the
    frame still covers signings listed after it)."""
    text = ("甲公司与乙公司签署合作协议。\n在甲市市委书记王一,甲公司董事长王二的共同见证下,"
            "甲公司总经理王三代表双方签字。")
    assert _agreements(text) == {(("乙公司", "甲公司"), ("王一", "王二"))}


def test_the_ceremony_of_a_named_agreement_is_a_signing():
    """甲与乙合作框架协议签约仪式举行: the ceremony of the agreement it names (a 签约仪式
    naming no sides is still only the event)."""
    assert _agreements("甲公司与乙公司战略合作框架协议签约仪式举行。王一出席并见证签约。") == {
        (("乙公司", "甲公司"), ("王一",))}
    assert _agreements("甲市举行签约仪式。甲公司副总经理王一主持签约仪式。") == set()


def test_a_ceremony_of_two_named_sides_is_their_signing_when_nothing_else_is_told():
    """甲与乙战略合作签约仪式举行 and no signing told in the body: one agreement of the two
    (witnesses as for any signing); when the body tells what was signed, that stands alone."""
    assert _agreements("甲公司与乙公司战略合作签约仪式在甲市举行。王一出席并见证签约。") == {
        (("乙公司", "甲公司"), ("王一",))}
    assert _agreements("甲公司与乙公司战略合作签约仪式在甲市举行。丙公司与丁公司签订了合作协议。") == {
        (("丁公司", "丙公司"), ())}
    assert _agreements("王一和王二出席签约仪式。") == set()


def test_a_self_reference_on_one_side_leaves_the_named_side_signing():
    """我校与甲公司签订合作协议: the publishing body is no entity here (data/context_self_refs.tsv);
    甲公司 still signs the agreement (before: no agreement at all)."""
    assert _agreements("王一到甲市考察。我校与甲公司签订了合作协议。") == {(("甲公司",), ())}
    assert _agreements("王一到甲市考察。甲公司与乙公司签订了合作协议。") == {(("乙公司", "甲公司"), ())}


def test_a_witness_sentence_far_after_the_headline_signing_witnesses_it():
    """The headline tells the signing; a witness sentence more paragraphs after it than the
    look-back reaches (and no signing between) witnesses the headline's agreement."""
    text = ("甲公司与乙公司签署合作协议\n3月2日,签约仪式在甲市举行。\n协议约定双方共建实验室。\n"
            "双方将加强交流。\n甲市市长王一,乙公司董事长王二分别致辞并见证签约。")
    assert _agreements(text) == {(("乙公司", "甲公司"), ("王一", "王二"))}


def test_witnesses_closing_with_a_completed_signing():
    """…共同见证下完成: the clause closes the signing told before it in the sentence."""
    text = "王三到甲市考察。甲公司与乙公司签订了合作意向书,并由王一与王二共同见证下完成。"
    assert _agreements(text) == {(("乙公司", "甲公司"), ("王一", "王二"))}


def test_the_witnesses_of_a_dropped_ceremony_go_to_the_signing_told():
    """A ceremony of two sides is dropped when a signing is told; the witnesses it was
    given go to the told agreement that shares a party."""
    text = "甲公司与乙公司签署战略合作协议\n甲公司与乙公司战略合作签约仪式在甲市举行。王一出席并见证签约。"
    assert _agreements(text) == {(("乙公司", "甲公司"), ("王一",))}


def test_a_frame_does_not_swallow_the_clauses_before_it():
    """在甲市调研期间,王一与王二座谈,在王三的见证下…: the frame is the nearest 在 clause; a
    signing after 见证下 in the closing clause is read, not skipped."""
    text = "在甲市调研期间,王一与乙公司董事长王二座谈,在王三的见证下,甲公司与乙公司签订了合作协议。"
    assert _agreements(text) == {(("乙公司", "甲公司"), ("王三",))}
    assert _agreements("在甲市,王三见证下甲公司与乙公司签订了合作协议。") == {(("乙公司", "甲公司"), ("王三",))}


def test_completion_of_something_else_is_not_a_closing_witness():
    assert _agreements("王三到甲市考察。甲公司与乙公司签订了合作协议,王一见证了项目完成。") == {
        (("乙公司", "甲公司"), ())}


def test_a_frame_announcing_a_ceremony_does_not_witness_what_was_told_before():
    text = "甲公司与乙公司签订了合作协议。\n在王一的见证下，举行了集中签约仪式。\n丙公司与丁公司签订了投资协议。"
    assert _agreements(text) == {(("乙公司", "甲公司"), ()), (("丁公司", "丙公司"), ("王一",))}


def test_a_pair_that_only_attends_a_ceremony_signs_nothing():
    assert _agreements("甲公司和乙公司的代表参加了签约仪式。") == set()


def test_people_attending_and_witnessing_before_the_signing_of_their_sentence_witness_it():
    # named in the witness clause (and the list before it), not 在与会领导见证下
    assert _agreements("王三到甲市考察。市长王一，董事长王二出席并见证签约仪式，甲公司与乙公司共同签署合作协议。") == {
        (("乙公司", "甲公司"), ("王一", "王二"))}


def test_a_witness_statement_before_the_signing_it_witnesses():
    # the lead tells the witnesses, the body the signing (no signing told before the statement)
    text = ("王一、王二出席活动，并见证合作协议签约仪式。\n王一表示欢迎。\n王三介绍了情况。\n王二表示感谢。\n"
            "甲公司与乙公司签订了合作协议。")
    assert _agreements(text) == {(("乙公司", "甲公司"), ("王一", "王二"))}


def test_the_reporter_of_a_byline_is_no_witness():
    text = "甲公司与乙公司签订了合作协议。\n（记者 王三）1月30日，市长王一赴甲市考察，见证项目签约。"
    assert _agreements(text) == {(("乙公司", "甲公司"), ("王一",))}


def test_witnesses_of_an_important_moment_after_the_signing():
    text = "王三到甲市考察。甲公司与乙公司签订了合作协议。王一、王二出席仪式，共同见证这一重要时刻。"
    assert _agreements(text) == {(("乙公司", "甲公司"), ("王一", "王二"))}


def test_people_named_between_the_signing_and_a_witness_clause_without_names_witness_it():
    text = "王三到甲市考察。甲公司与乙公司签订了合作协议，市长王一、董事长王二出席，共同见证这一重要时刻。"
    assert _agreements(text) == {(("乙公司", "甲公司"), ("王一", "王二"))}


def test_guests_listed_after_the_witness_word_witness_the_signing_told_before():
    text = "王三到甲市考察。甲公司与乙公司签订了合作协议。出席见证的贵宾包括甲市市长王一、副市长王二，以及丙公司董事长王三等人。"
    assert _agreements(text) == {(("乙公司", "甲公司"), tuple(sorted(("王一", "王二", "王三"))))}


def test_a_witness_sentence_far_after_the_one_signing_told_in_headline_and_body_witnesses_it():
    text = ("甲公司与乙公司签署合作协议\n甲公司与乙公司今天在甲市签署了合作协议。\n王三介绍了情况。\n"
            "王三表示欢迎。\n王三表示感谢。\n王一、王二出席签约仪式并见证签约。")
    assert _agreements(text) == {(("乙公司", "甲公司"), ("王一", "王二"))}
