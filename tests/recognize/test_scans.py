"""The indexed scans of recognition (a compiled alternation, suffixes by their first or
last character) find what a scan of every word at every position finds: the same
outputs, in the same order, as the straightforward loops they replace."""

from hypothesis import given, settings, strategies as st

from kg.lexicons import org_lexicon as LX
from kg.recognize import destinations as DS
from kg.recognize import model_spans as MS
from kg.recognize import persons as PS


def _reference_candidates(text: str) -> list[tuple[int, int, str, int]]:
    """destinations.candidates as a scan of every verb at every position."""
    from kg.lexicons.load import words

    verbs, stops, joins = DS._verbs(), DS._stops(), words("recognize_destination_stops", "join")

    def item_end(s: int) -> int:
        e = s
        while e < len(text) and e - s < DS.LONGEST and text[e] not in DS._PUNCT:
            if e > s + 1 and any(text.startswith(w, e) for w in stops):
                break
            e += 1
        return e

    out, i = [], 0
    while i < len(text):
        verb = next((v for v in verbs if text.startswith(v, i)), None)
        if verb is None:
            i += 1
            continue
        s = i + len(verb)
        s += len(next((g for g in DS._gaps() if text.startswith(g, s)), ""))
        item = 0
        while True:
            e = item_end(s)
            if not 2 <= e - s < DS.LONGEST:
                break
            out.append((s, e, verb, item))
            j = next((w for w in joins if text.startswith(w, e)), "")
            nxt = e + 1 if text[e:e + 1] == "、" else e + len(j) if j else None
            if nxt is None or item >= 8 or len(verb) == 1:
                break
            s, item = nxt, item + 1
        i += len(verb)
    return out


def _pieces(words: tuple[str, ...]) -> st.SearchStrategy[str]:
    """Texts made of the given words, a few name characters and punctuation."""
    return st.lists(st.sampled_from([*words, "华锐", "公司", "园区", "、", "，", "了", "和", "张明"]),
                    max_size=14).map("".join)


VISIT_WORDS = DS._verbs()[:40] + DS._stops()[:20] + DS._gaps()


@settings(max_examples=200, deadline=None)
@given(_pieces(VISIT_WORDS))
def test_destination_candidates_are_those_of_a_scan_of_every_verb(text):
    assert DS.candidates(text) == _reference_candidates(text)


def test_destination_candidates_of_a_list_after_a_two_character_verb():
    text = "代表团先后考察了华锐公司、海通园区和明泰基地。"
    assert DS.candidates(text) == _reference_candidates(text) != []


SUFFIXES = tuple(s for s, _ in LX.ORG_SUFFIXES)


@settings(max_examples=200, deadline=None)
@given(_pieces(SUFFIXES))
def test_org_suffix_is_the_longest_suffix_after_a_core(name):
    best = None
    for suf in SUFFIXES:
        if name.endswith(suf) and len(name) > len(suf) and (best is None or len(suf) > len(best)):
            best = suf
    assert MS.org_suffix(name) == best


@settings(max_examples=200, deadline=None)
@given(_pieces(SUFFIXES + ("委员", "主任", "会长")), st.integers(0, 20), st.integers(0, 20))
def test_a_title_inside_an_org_word_is_found_as_by_a_scan_of_every_suffix(text, a, b):
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    expected = any(text.startswith(suf, k) for suf in SUFFIXES
                   for k in range(max(start, end - len(suf) + 1), end) if k + len(suf) > end)
    assert PS._inside_org_word(text, start, end) == expected


@settings(max_examples=200, deadline=None)
@given(_pieces(MS._stop_words()[:30] + SUFFIXES[:20]))
def test_has_stop_is_that_of_a_scan_of_every_stop_word(name):
    stop_char = any(c in MS._stop_chars() and not MS._inside_company(name, i) for i, c in enumerate(name))
    stop_word = any(MS._stop_word_at(name, w, i) for w in MS._stop_words() for i in MS._find_all(name, w))
    start = name.startswith(MS._start_stops()) and not name.startswith(MS._start_keeps())
    assert MS.has_stop(name) == (stop_char or stop_word or start)
