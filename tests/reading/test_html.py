from kg.reading.html import extract_html_text, looks_like_html

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>平顶山市委书记陈向平带队赴上海开展专题对接活动</title></head>
<body><div class="nav"><a href="/">首页</a> &gt; <a href="/x">热点</a></div>
<article><h1>平顶山市委书记陈向平带队赴上海开展专题对接活动</h1>
<p>3月7日至8日，平顶山市委书记陈向平带队赴上海开展专题对接活动，聚焦科技创新与产业升级。</p>
<p>陈向平一行认真了解硅酸盐研究所的发展历程、学科方向、科研成果等，与研究所所长苏良碧进行深入交流。</p>
<p>责任编辑：安艳鸽 郭栩汝</p></article></body></html>"""


def test_main_text_paragraphs_become_lines():
    text = extract_html_text(PAGE)
    lines = text.split("\n")
    assert lines[0] == "平顶山市委书记陈向平带队赴上海开展专题对接活动"
    assert "3月7日至8日，平顶山市委书记陈向平带队赴上海开展专题对接活动，聚焦科技创新与产业升级。" in lines
    assert "责任编辑：安艳鸽 郭栩汝" in lines
    assert "<p>" not in text and "&gt;" not in text


def test_html_sniffing():
    assert looks_like_html(PAGE)
    assert not looks_like_html("3月7日至8日，平顶山市委书记陈向平带队赴上海。")
