from kg.normalize.builder import OffsetText
from kg.normalize.script import convert, detect_script

TW = "台元科技園區總經理顧大年表示,新竹縣很願意與濰坊市有更多經貿、文化、觀光的交流,說明衛生溫度。"
HK = "香港特區政府衞生署表示,九龍區的溫度計説明書啓用,市民羣眾可到場。"
PLAIN_TRAD = "中國市政工程中南設計研究總院有限公司簽訂戰略框架協議,雙方將在產業園區開展深入合作交流。"
SIMP = "平顶山市委书记陈向平带队赴上海开展专题对接活动,聚焦科技创新与产业升级。"


def test_simplified_needs_nothing():
    info = detect_script(SIMP)
    assert info.script == "simplified" and info.config is None and info.ratio == 0


def test_taiwan_evidence_picks_tw2s():
    info = detect_script(TW)
    assert info.script == "traditional"
    assert info.config == "tw2s" and info.tw_evidence > info.hk_evidence


def test_hong_kong_evidence_picks_hk2s():
    info = detect_script(HK)
    assert info.script == "traditional"
    assert info.config == "hk2s" and info.hk_evidence > info.tw_evidence


def test_no_regional_evidence_picks_t2s():
    info = detect_script(PLAIN_TRAD)
    assert info.script == "traditional" and info.config == "t2s"


def test_hk2s_converts_hong_kong_forms_that_t2s_keeps():
    doc = convert(OffsetText.from_raw("衞生署"), "hk2s")
    assert doc.text == "卫生署"
    assert doc.raw_index == [0, 1, 2]


def test_tw2s_converts_taiwan_phrases():
    assert convert(OffsetText.from_raw("著力培育"), "tw2s").text == "着力培育"


def test_a_few_traditional_characters_in_simplified_text_are_converted_but_script_stays():
    info = detect_script(SIMP * 5 + "發")
    assert info.script == "simplified" and info.config is not None


def test_simplified_text_keeps_the_characters_simplified_writes_as_they_are():
    # 乾 and 昇 are Simplified characters (names: 谢乾程, 卢东昇) that t2s changes on
    # their own; a Simplified article keeps them (data/normalize_simplified_keeps.tsv)
    from kg.normalize.pipeline import normalize_text

    text = SIMP * 3 + "副总经理谢乾程、副市长卢东昇出席。發"
    doc, script, config = normalize_text(text, [])
    assert script == "simplified" and config is not None
    assert "谢乾程" in doc.text and "卢东昇" in doc.text and "发" in doc.text


def test_traditional_text_converts_qian_as_opencc_does_and_keeps_sheng():
    from kg.normalize.pipeline import normalize_text

    doc, script, _config = normalize_text(PLAIN_TRAD + "乾淨的環境。副縣長陳正昇出席。", [])
    assert script == "traditional" and "干净" in doc.text
    assert "陈正昇" in doc.text  # 昇 is kept in Traditional text too: nearly always a name's


def test_convert_leaves_the_kept_characters_alone():
    from kg.normalize.script import keeps_for

    keep = keeps_for("simplified")
    assert {"乾", "昇"} <= keep and "昇" in keeps_for("traditional") and "乾" not in keeps_for("traditional")
    assert convert(OffsetText.from_raw("谢乾程說"), "t2s", keep).text == "谢乾程说"
    assert convert(OffsetText.from_raw("谢乾程說"), "t2s").text == "谢干程说"


def test_the_kept_characters_do_not_make_a_text_traditional():
    # 副总经理谢乾程出席。 has one character t2s changes in ten: still Simplified, nothing converted
    from kg.normalize.pipeline import normalize_text

    doc, script, config = normalize_text("副总经理谢乾程出席。", [])
    assert script == "simplified" and config is None and doc.text == "副总经理谢乾程出席。"
