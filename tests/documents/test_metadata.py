"""The document's own date, title, author, publisher and source URL, from the wrappers real documents come in.
Small documents of our own in English, simplified and traditional Chinese; each names the rule that must fire."""
from __future__ import annotations

import pytest

from pipeline.documents.dates import Date, parse_date
from pipeline.documents.reader import read_document


def _read(tmp_path, name: str, text: str):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return read_document(p, tmp_path)


@pytest.mark.parametrize("text,expected", [
    ("2008-12-17", Date(2008, 12, 17)),
    ("2016-08-31 00:00:00 +0800", Date(2016, 8, 31)),
    ("2019年9月26日 15:10", Date(2019, 9, 26)),
    ("２０２４年３月５日", Date(2024, 3, 5)),
    ("二〇二四年三月十五日", Date(2024, 3, 15)),
    ("民國112年3月5日", Date(2023, 3, 5)),
    ("DECEMBER 17, 2008", Date(2008, 12, 17)),
    ("17 Dec. 2008", Date(2008, 12, 17)),
    ("Oct 12th, 2023", Date(2023, 10, 12)),
    ("December 2008", Date(2008, 12)),
    ("2023年", Date(2023)),
    ("400-6533-789", None),
    ("未知", None),
])
def test_dates_as_written(text, expected):
    assert parse_date(text) == expected


def test_iso_keeps_the_precision_written():
    assert [Date(2008).iso, Date(2008, 12).iso, Date(2008, 2, 3).iso] == ["2008", "2008-12", "2008-02-03"]


def test_front_matter(tmp_path):
    d = _read(tmp_path, "a.md", "---\ntitle: 'Exports &#8217;slow&#8217;'\nauthor: Li Wei\ndate: 2024-03-05 10:00:00 +0800\n"
                                "---\nExports rose 5% in February.\n")
    assert (d.date, d.date_source, d.title, d.author) == ("2024-03-05", "front_matter", "Exports ’slow’", "Li Wei")


def test_a_reposts_original_date_beats_the_blogs(tmp_path):
    body = "".join(f"Paragraph {i} of the story: prices fell again.\n\n" for i in range(20))
    d = _read(tmp_path, "b.md", "---\ntitle: Repost\ndate: 2013-04-09\n---\n" + body +
                                "Author: JANE DOE\nOriginal Source: Daily Paper\nDate Published: DECEMBER 17, 2008\n"
                                "Web Source: http://example.org/a.html\n")
    assert (d.date, d.date_source) == ("2008-12-17", "footer")
    assert (d.publisher, d.source_url) == ("Daily Paper", "http://example.org/a.html")


def test_html_meta_and_time(tmp_path):
    page = ('<html><head><title>Site | News</title><meta property="og:title" content="出口增长5%">'
            '<meta property="article:published_time" content="2023-05-09T08:00:00+08:00">'
            '<meta property="og:site_name" content="某某网"><meta property="og:url" content="https://example.cn/a"></head>'
            '<body><p>出口增长5%。</p></body></html>')
    d = _read(tmp_path, "c.html", page)
    assert (d.date, d.date_source, d.title, d.publisher, d.source_url) == (
        "2023-05-09", "html_meta", "出口增长5%", "某某网", "https://example.cn/a")
    d = _read(tmp_path, "d.html", '<html><body><h1>新聞</h1><time datetime="2022-11-01">十一月一日</time><p>出口增長5%。</p></body></html>')
    assert (d.date, d.date_source) == ("2022-11-01", "html_meta")


@pytest.mark.parametrize("text,date,source", [
    ("标题：某市政府工作报告\n发文单位：某市人民政府\n发文时间：未知\n\n正文：\n——2025年1月21日在某市人民代表大会上\n各位代表：\n", "2025-01-21", "cover"),
    ("某市2023年国民经济和社会发展统计公报\n\n某市统计局\n\n2024年4月30日\n\n全年地区生产总值增长5%。\n", "2024-04-30", "header"),
    ("某縣新聞稿\n發布日期：民國113年2月29日\n\n全年出口增加5%。\n", "2024-02-29", "header"),
    ("來源: 2024-02-02 11:02:00\n某区三年行动方案\n", "2024-02-02", "header"),
    ("SHANGHAI, March 18, 2024 (Newswire) - Home prices fell 0.1% in February.\n", "2024-03-18", "dateline"),
    ("China Economic Update (2015)\n\nGrowth slowed to 7%.\n", "2015", "title"),
    ("Working paper\n\nSince the plan was issued on 8 May 2015, investment rose 10% a year in the provinces surveyed.\n", None, None),
    ("各位代表：\n我代表政府作报告。\n", None, None),
])
def test_date_rules(tmp_path, text, date, source):
    d = _read(tmp_path, "e.txt", text)
    assert (d.date, d.date_source) == (date, source)


def test_a_salutation_or_a_label_is_not_a_title(tmp_path):
    assert _read(tmp_path, "f.txt", "各位代表：\n现在，我代表政府向大会报告工作。\n").title != "各位代表："
    assert _read(tmp_path, "g.txt", "标题：2025年某市政府工作报告\n发文单位：某市人民政府\n").title == "2025年某市政府工作报告"


@pytest.mark.parametrize("body,line", [
    ("<p>Exports rose 5% in March.</p><p>Imports fell.</p><div><p>Trade grew.</p></div><br><p>End.</p>",
     "Exports rose 5% in March."),
    ("<p>全市出口增长5%。</p><p>进口下降。</p><div><p>贸易增长。</p></div><br><p>完。</p>", "全市出口增长5%。"),
    ("<p>全市出口增長5%。</p><p>進口下降。</p><div><p>貿易增長。</p></div><br><p>完。</p>", "全市出口增長5%。"),
])
def test_a_blog_export_with_wordpress_keys_and_an_html_body(tmp_path, body, line):
    # WordPress exports (Jekyll importers) write post_title and post_date, and the post itself as HTML
    text = f"---\nID: 254\npost_title: 'Trade in March'\npost_date: 2016-04-19 06:32:43\n---\n{body}\n"
    d = _read(tmp_path, "post.md", text)
    assert (d.title, d.date, d.date_source) == ("Trade in March", "2016-04-19", "front_matter")
    assert line in d.text.splitlines() and "<p>" not in d.text


def test_markdown_that_mentions_a_tag_stays_markdown(tmp_path):
    text = "# Notes\n\nThe page uses a <div> for the chart.\n\n**Exports** rose 5%.\n"
    assert _read(tmp_path, "n.md", text).text == text


@pytest.mark.parametrize("text,title", [
    ('{\n  "id": 7,\n  "date": "2023-08-21",\n  "title": "Budget briefing",\n  "content": "Revenue rose 3%."\n}\n',
     "Budget briefing"),
    ('{\n  "id": 7,\n  "date": "2023-08-21",\n  "title": "预算简报",\n  "content": "收入增长3%。"\n}\n', "预算简报"),
    ('{\n  "id": 7,\n  "date": "2023-08-21",\n  "title": "預算簡報",\n  "content": "收入增長3%。"\n}\n', "預算簡報"),
    ("export const post = {\n  title: 'Budget briefing',\n  publishDate: '2023-08-21',\n};\n", "Budget briefing"),
])
def test_a_records_fields_are_labelled_lines(tmp_path, text, title):
    # a crawler's JSON record or a site's data file saved as text: '"date": "…",' labels its date
    d = _read(tmp_path, "record.txt", text)
    assert (d.date, d.date_source, d.title) == ("2023-08-21", "header", title)


@pytest.mark.parametrize("name,text,date,source", [
    # a digest's front matter dates it; a date heading inside dates one of its items
    ("d.md", "---\ntitle: Weekly digest\ndate: 2024-01-08\n---\n\n## 2023-12-29\n\nExports rose 5% in November.\n",
     "2024-01-08", "front_matter"),
    ("d.md", "---\ntitle: 财经周报\ndate: 2024-01-08\n---\n\n## 2023年12月29日\n\n11月出口增长5%。\n", "2024-01-08", "front_matter"),
    ("d.md", "---\ntitle: 財經週報\ndate: 2024-01-08\n---\n\n## 2023年12月29日\n\n11月出口增長5%。\n", "2024-01-08", "front_matter"),
    # a signature line: its date, then a time and a place
    ("p.md", "# Notes\n\n" + "Exports rose 5%.\n\n" * 20 + "## 后记\n\n2024年8月11日20点17分于上海。\n", "2024-08-11", "footer"),
    ("p.md", "# Notes\n\n" + "出口增長5%。\n\n" * 20 + "2024年8月11日寫於臺北\n", "2024-08-11", "footer"),
    # the Hong Kong government's releases close with 'Ends/Tuesday, April 30, 2019'
    ("r.txt", "Provisional results\n\n" + "Revenue was HK$10 billion.\n\n" * 20
     + "Ends/Tuesday, April 30, 2019\nIssued at HKT 16:30\n", "2019-04-30", "footer"),
])
def test_the_wrappers_own_date_before_a_date_line(tmp_path, name, text, date, source):
    d = _read(tmp_path, name, text)
    assert (d.date, d.date_source) == (date, source)


_MENU = "".join(f"栏目{i}\n\n" for i in range(18))
_PARA = "5月CPI同比上涨2.4%，预期2.7%，前值3.3%；PPI同比回落3.7%，食品与非食品价格连续3个月齐跌，需求仍然偏弱。\n"


@pytest.mark.parametrize("text,date", [
    (_MENU + "智德博客2020-06\n\n" + _PARA, "2020-06"),
    (_MENU + "宏觀月報 2020年6月\n\n" + _PARA, "2020-06"),
    (_MENU + "Macro Notes — June 2020\n\nCPI rose 2.4% in May from a year earlier, below the 2.7% forecast, while PPI fell 3.7%.\n", "2020-06"),
])
def test_a_heading_that_ends_with_its_issues_date(tmp_path, text, date):
    d = _read(tmp_path, "blog.txt", text)
    assert (d.date, d.date_source) == (date, "header")


def test_a_heading_that_names_a_year_only_or_runs_on_is_no_date(tmp_path):
    d = _read(tmp_path, "a.txt", _MENU + "2019年工作回顾\n\n" + _PARA)
    assert d.date is None
    d = _read(tmp_path, "b.txt", _MENU + "关于2020年6月数据，我们认为\n\n" + _PARA)
    assert d.date is None


def test_a_date_line_under_the_headline_after_a_pages_menus(tmp_path):
    menus = "".join(f"Menu item {i}\n\n" for i in range(40))
    text = (menus + "There was good news from the company this evening about a special dividend to its shareholders.\n\n"
            "The special dividend\n\n23 October 2008\n\nThe board will pay HK$0.84 per share.\n")
    d = _read(tmp_path, "page.txt", text)
    assert (d.date, d.date_source) == ("2008-10-23", "header")


@pytest.mark.parametrize("text,expected", [
    ("23 October 2008", [Date(2008, 10, 23)]),
    ("2024年3月5日", [Date(2024, 3, 5)]),
])
def test_a_shorter_reading_inside_a_date_is_not_a_second_date(text, expected):
    from pipeline.documents.dates import dates_in
    assert [d for _, d in dates_in(text)] == expected


def test_front_matter_after_blank_lines_and_an_rfc_2822_date(tmp_path):
    d = _read(tmp_path, "h.md", "\n---\ntitle: '苏州一季度GDP同比增4.4%'\ndate: Tue, 26 Apr 2022 05:13:25 GMT\n---\n\n一季度苏州经济增长4.4%。\n")
    assert (d.date, d.date_source, d.title) == ("2022-04-26", "front_matter", "苏州一季度GDP同比增4.4%")


def test_a_page_kept_in_a_programs_string_has_its_meta_read(tmp_path):
    page = ("export const page = `\n<meta charset=\"utf-8\">\n<title>手機銷量 - 工商時報</title>\n"
            "<meta property=\"article:published_time\" content=\"2024-08-05 11:51:26\">\n"
            "<div><p>今年上半年銷量逾129萬支。</p><p>較去年同期成長6%。</p><p>一</p><p>二</p></div>`;\n")
    d = _read(tmp_path, "page.txt", page)
    assert (d.date, d.date_source) == ("2024-08-05", "html_meta")


@pytest.mark.parametrize("text,date", [
    ("某基金网\n\n大盘指数\n\nA股三大指数缩量收跌\n\n2020年10月22日 15:00 | 来源：东方财富研究中心\n\n沪指下跌0.38%。\n", "2020-10-22"),
    ("某基金網\n\n大盤指數\n\n台股收跌\n\n2020年10月22日 15:00 來源：中央社\n\n指數下跌0.38%。\n", "2020-10-22"),
    ("Minutes of the Monetary Policy Meeting\n\nMarch22,2018\n\nThe Board met and kept rates at 1.375%.\n", "2018-03-22"),
])
def test_a_date_line_that_goes_on_with_its_source_or_lost_its_spaces(tmp_path, text, date):
    assert _read(tmp_path, "a.txt", text).date == date
