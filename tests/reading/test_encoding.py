import codecs

import pytest

from kg.reading.encoding import DecodeFailure, decode_bytes

TRAD = "台元科技園區總經理顧大年表示,交流會所在的國際宴會廳為歡迎濰坊市代表,趕工在上週五完竣。"
SIMP = "平顶山市委书记陈向平带队赴上海开展专题对接活动,恒玄科技(上海)股份有限公司。"


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (SIMP.encode("utf-8"), SIMP),
        (codecs.BOM_UTF8 + SIMP.encode("utf-8"), SIMP),
        (SIMP.encode("gb18030"), SIMP),
        (SIMP.encode("gbk"), SIMP),
        (TRAD.encode("big5"), TRAD),
        (codecs.BOM_UTF16_LE + SIMP.encode("utf-16-le"), SIMP),
        (codecs.BOM_UTF16_BE + TRAD.encode("utf-16-be"), TRAD),
        (SIMP.encode("utf-16-le"), SIMP),  # no BOM: the ASCII characters leave NUL bytes
        (SIMP.encode("utf-16-be"), SIMP),
    ],
)
def test_detects_chinese_encodings(data, text):
    assert decode_bytes(data).text == text


def test_short_gbk_text_is_not_mistaken_for_utf16():
    assert decode_bytes("恒玄科技(上海)股份有限公司".encode("gbk")).text == "恒玄科技(上海)股份有限公司"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "binary"),
        (bytes(range(256)) * 4, "binary"),
        (b"\x80\xff\xfe\x81\xff" * 20, "undecodable"),
        (b"\x01\x02\x03\x04\x05\x06abc\x07\x08" * 20, "binary"),
    ],
)
def test_bad_bytes_say_why(data, reason):
    with pytest.raises(DecodeFailure, match=reason):
        decode_bytes(data)


@pytest.mark.parametrize("damage", ["stray", "cut"])
def test_utf8_with_a_few_bad_bytes_is_read_with_them_replaced(damage):
    data = (SIMP * 10).encode("utf-8")
    at = SIMP.encode("utf-8").index("。".encode()) + 3
    data = data[:at] + b"\xff" + data[at:] if damage == "stray" else data[:-2]  # 。 cut after its first byte
    decoded = decode_bytes(data)
    assert decoded.encoding == "utf-8" and decoded.replaced == 1
    assert decoded.text.count("\ufffd") == 1 and "陈向平" in decoded.text


def test_a_u_fffd_the_file_holds_is_not_counted_as_damage():
    """Every U+FFFD of the decoded text was counted as a bad byte, those the file holds
    too (found by a reviewer): only the characters that could not be decoded count."""
    data = (SIMP * 10 + "\ufffd\ufffd").encode("utf-8") + b"\xff"
    decoded = decode_bytes(data)
    assert decoded.replaced == 1 and decoded.text.count("\ufffd") == 3


def test_text_in_another_encoding_is_not_read_as_damaged_utf8():
    # GBK read as UTF-8 has a bad byte in nearly every character: far over MAX_BAD_UTF8
    decoded = decode_bytes((SIMP * 10).encode("gbk"))
    assert decoded.text == SIMP * 10 and decoded.replaced == 0


@pytest.mark.parametrize("data, encoding", [
    (codecs.BOM_UTF8 + (SIMP * 10).encode("utf-8")[:60] + b"\xfe" + (SIMP * 10).encode("utf-8")[60:], "utf-8 (BOM)"),
    ((SIMP * 10).encode("utf-16")[:-1], "utf-16-le (BOM)"),  # cut inside its last character
])
def test_a_few_bad_bytes_after_a_byte_order_mark_are_replaced_too(data, encoding):
    """With a byte-order mark, one stray byte or a last character cut short rejected
    the whole file (found by a tester), as it did without one."""
    decoded = decode_bytes(data)
    assert decoded.encoding == encoding and decoded.replaced == 1 and "陈向平" in decoded.text
