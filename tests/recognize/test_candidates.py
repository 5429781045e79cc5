from kg.doc import Mention
from kg.recognize.candidates import RULE_RANK, Candidate, resolve_overlaps


def _cand(s, e, source):
    return Candidate(Mention(s, e, "x" * (e - s), "Organization", None, source), RULE_RANK[source])


def test_rule_span_beats_a_longer_model_span_and_longest_rule_wins():
    model = _cand(0, 10, "model")
    short_rule = _cand(0, 4, "org-rule")
    long_rule = _cand(0, 6, "org-rule")
    chosen = resolve_overlaps([model, short_rule, long_rule])
    assert chosen == [long_rule]
