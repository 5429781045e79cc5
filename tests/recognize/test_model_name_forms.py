"""Model-proposed names: rare given-name characters and the 全国 start."""
from kg.recognize import model_spans as MS
from kg.recognize import persons as P


def test_proposed_name_may_hold_rare_given_char():
    # 为 is rarely a given-name character: a walked name refuses it, a model span keeps it
    assert not P.plausible_name("邵为青")
    assert P.plausible_name("邵为青", proposed=True)
    assert MS.person_form("邵为青")


def test_proposed_name_still_refuses_model_stop_chars():
    assert not MS.person_form("李的青")


def test_national_body_start_is_no_stop():
    assert not MS.has_stop("全国青年企业家联合会")
    assert MS.has_stop("全华锐公司")




def test_rare_char_name_needs_a_clear_end_or_a_title():
    from tests.recognize.test_model_spans import _judge
    m = _judge("临海市副市长邵为青出席会议。", "邵为青", "Person")
    assert m is not None and m.type == "Person"
    assert _judge("华锐集团邵为和食品公司签约。", "邵为", "Person") is None
