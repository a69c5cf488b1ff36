"""HTML tables take the PDF's table path: data tables are written into the text as the PDF reader writes them
(one row per line, cells joined by ' | '), their cells are recorded, and table facts come from them with the
unit and year of the headers. Layout tables and tables without numbers stay text. Pages made here, in English,
simplified and traditional Chinese."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.documents import read_document
from pipeline.documents.html import html_to_text, read_html
from pipeline.process import facts_for
from pipeline.tables import extract_table_facts
from pipeline.tables.markup import HtmlCell, data_rows, expand

EN_PAGE = """<html><head><title>Provisional accounts</title></head><body>
<p>The Treasury published its provisional accounts today. Revenue was HK$612.5 billion for the year ended March 31, 2021.</p>
<p>TABLE 1. CONSOLIDATED ACCOUNT</p>
<table border="1"><tbody>
<tr><td>&nbsp;</td><td colspan="2">Quarter ended<br/>June 30, 2021<br/>HK$ million</td>
    <td colspan="2">Year ended<br />March 31, 2021<br />HK$ million</td></tr>
<tr><td>Revenue</td><td colspan="2">45,120.3</td><td colspan="2">612,500.0</td></tr>
<tr><td>&nbsp;</td><td colspan="2">&nbsp;</td><td colspan="2">&nbsp;</td></tr>
<tr><td>&nbsp;&nbsp;&nbsp; Expenditure<br/>(Note 2)</td><td colspan="2">(50,001.7)</td><td colspan="2">(580,210.9)</td></tr>
<tr><td>Reserves at<br>end of period</td><td colspan="2">1,001.5</td><td colspan="2">1,002.5</td></tr>
</tbody></table>
<p>Notes: figures are provisional.</p></body></html>"""


def _read(tmp_path: Path, name: str, markup: str):
    path = tmp_path / name
    path.write_text(markup, encoding="utf-8")
    return read_document(path, tmp_path)


def _by_quote(facts, quote):
    got = [f for f in facts if f.quote == quote and f.source == "table"]
    assert len(got) == 1, (quote, facts)
    return got[0]


def test_english_table_is_rendered_as_the_pdf_path_writes_it(tmp_path):
    doc = _read(tmp_path, "hk.html", EN_PAGE)
    # the columns every row spans over (colspan=2) and the spacer row carry nothing: they are dropped
    assert (" | Quarter ended June 30, 2021 HK$ million | Year ended March 31, 2021 HK$ million\n"
            "Revenue | 45,120.3 | 612,500.0\n"
            "Expenditure (Note 2) | (50,001.7) | (580,210.9)\n"
            "Reserves at end of period | 1,001.5 | 1,002.5\n\nNotes: figures are provisional.") in doc.text
    assert doc.text.startswith("The Treasury published")
    cells = {(c.table_index, c.row, c.col): c for c in doc.tables}
    assert len(cells) == 12 and {c.page for c in doc.tables} == {1}
    assert cells[(0, 1, 2)].text == "612,500.0"
    assert cells[(0, 1, 2)].header == "Revenue | Year ended March 31, 2021 HK$ million"
    assert cells[(0, 0, 1)].header == ""


def test_english_table_facts_take_unit_and_fiscal_year_from_the_header(tmp_path):
    doc = _read(tmp_path, "hk.html", EN_PAGE)
    facts = extract_table_facts(doc)
    assert len(facts) == 6
    for f in facts:
        assert doc.text[f.char_start:f.char_end] == f.quote and f.page is None
        assert (f.unit, f.scale, f.source) == ("HKD", 1e6, "table")
    quarter = _by_quote(facts, "45,120.3")
    # a quarter is told from the year by what is measured, as in the PDF path
    assert (quarter.value, quarter.year, quarter.indicator) == (45120300000.0, 2021, "Revenue Quarter ended June 30, 2021")
    # the year ended March 31, 2021 is the fiscal year that began in 2020 (GOLD_SPEC)
    year = _by_quote(facts, "612,500.0")
    assert (year.value, year.year) == (612500000000.0, 2020)
    spent = _by_quote(facts, "(580,210.9)")
    # an outflow's brackets mark what is subtracted: the amount spent is positive; the note pointer is dropped
    assert (spent.value, spent.indicator) == (580210900000.0, "Expenditure")
    # a balance at the end of the fiscal year is one on its last day
    assert _by_quote(facts, "1,002.5").year == 2021 and _by_quote(facts, "1,001.5").year == 2021


def test_a_text_fact_of_a_table_number_is_dropped_on_a_page_without_pages(tmp_path):
    doc = _read(tmp_path, "hk.html", EN_PAGE)
    facts = facts_for(doc)
    same = [f for f in facts if f.unit == "HKD" and f.value == 612500000000.0]
    assert [f.source for f in same] == ["table"]  # 'HK$612.5 billion' in the text is the table's number
    assert all(f.page is None for f in facts)
    assert all(doc.text[f.char_start:f.char_end] == f.quote for f in facts)


HANS_PAGE = """<html><body><p>按可比口径回溯后，2024年各月末M1可比余额和增速分别为：</p>
<table border="1"><tbody>
<tr><td nowrap></td><td><p>2024年1月</p></td><td><p>2024年2月</p></td><td><p>2024年3月</p></td></tr>
<tr><td><p>余额（亿元）</p></td><td><p>1120120</p></td><td><p>1093158</p></td><td><p>1117433</p></td></tr>
<tr><td><p>同比增速</p></td><td><p>3.3%</p></td><td><p>2.6%</p></td><td><p>-0.8%</p></td></tr>
</tbody></table><p>打印本页</p></body></html>"""


def test_simplified_chinese_table_unit_from_the_row_label_year_from_the_column(tmp_path):
    doc = _read(tmp_path, "pboc.html", HANS_PAGE)
    assert " | 2024年1月 | 2024年2月 | 2024年3月\n余额（亿元） | 1120120 | 1093158 | 1117433\n" in doc.text
    facts = extract_table_facts(doc)
    assert len(facts) == 6 and {f.year for f in facts} == {2024}
    bal = _by_quote(facts, "1120120")
    assert (bal.value, bal.unit, bal.raw_unit, bal.indicator) == (1.1201200e14, "CNY", "亿元", "余额")
    growth = _by_quote(facts, "-0.8%")
    assert (growth.value, growth.unit, growth.measure, growth.indicator) == (-0.8, "percent", "growth", "同比增速")
    assert all(doc.text[f.char_start:f.char_end] == f.quote for f in facts)


HANT_PAGE = """<html><body><p>表二　財政收支（單位：億元）</p>
<table>
<tr><th rowspan="2">項目</th><th colspan="2">2023年</th></tr>
<tr><th>第一季度</th><th>第二季度</th></tr>
<tr><td>稅收收入</td><td>1,250.5</td><td>1,302.0</td></tr>
<tr><td>非稅收入</td><td>210.4</td><td>—</td></tr>
</table></body></html>"""


def test_traditional_chinese_table_merged_parent_header_and_caption_unit(tmp_path):
    doc = _read(tmp_path, "tw.html", HANT_PAGE)
    assert "項目 | 2023年 | \n | 第一季度 | 第二季度\n稅收收入 | 1,250.5 | 1,302.0\n非稅收入 | 210.4 | —" in doc.text
    cells = {(c.row, c.col): c for c in doc.tables}
    assert cells[(0, 2)].merged and cells[(1, 0)].merged and not cells[(0, 1)].merged
    assert cells[(2, 2)].header == "稅收收入 | 2023年 / 第二季度"
    facts = extract_table_facts(doc)
    assert len(facts) == 3  # — is an empty cell
    q2 = _by_quote(facts, "1,302.0")
    assert (q2.value, q2.unit, q2.year, q2.indicator) == (130200000000.0, "CNY", 2023, "稅收收入 第二季度")
    assert doc.lang == "zh-Hant"


LAYOUT_PAGE = """<html><body><table width="950"><tr><td><a href="/">首页</a></td><td><a href="/n">新闻</a></td></tr>
<tr><td colspan="2"><p>2023年全市地区生产总值1200亿元。</p>
<table border="1"><tr><td>指标</td><td>2022年</td><td>2023年</td></tr>
<tr><td>地区生产总值（亿元）</td><td>1,100</td><td>1,200</td></tr></table>
<p>以上为初步数。</p></td></tr></table></body></html>"""


def test_a_layout_table_flows_as_text_around_its_data_table(tmp_path):
    doc = _read(tmp_path, "layout.html", LAYOUT_PAGE)
    assert doc.text == ("首页\n\n新闻\n\n2023年全市地区生产总值1200亿元。\n\n"
                        "指标 | 2022年 | 2023年\n地区生产总值（亿元） | 1,100 | 1,200\n\n以上为初步数。")
    assert {c.table_index for c in doc.tables} == {0} and len(doc.tables) == 6
    facts = facts_for(doc)
    table = [f for f in facts if f.source == "table"]
    assert [(f.value, f.year) for f in table] == [(1.1e11, 2022), (1.2e11, 2023)]
    # the sentence states the table's 2023 number: it is published once, as the table fact
    assert not [f for f in facts if f.source == "text" and f.value == 1.2e11]


NO_DATA_PAGE = """<html><head><title>通知</title></head><body>
<table><tr><td>关于</td><td>公告</td></tr><tr><td>第一条</td><td>内容</td></tr></table>
<table><tr><td>Page</td><td>1</td><td>2</td><td>3</td></tr></table>
<table><tr><td>2023年</td><td>2024年</td></tr><tr><td>规划</td><td>目标</td></tr></table>
<div>收入增长5%，达到&nbsp;300 亿元。</div>
<table><tr><td>12</td></tr><tr><td>34</td></tr></table></body></html>"""
# what the reader wrote for this page before it knew tables: a page without a data table must keep it exactly
NO_DATA_TEXT = ("关于\n\n公告\n\n第一条\n\n内容\n\nPage\n\n1\n\n2\n\n3\n\n2023年\n\n2024年\n\n规划\n\n目标\n\n"
                "收入增长5%，达到 300 亿元。\n\n12\n\n34")


def test_a_page_without_data_tables_keeps_its_text(tmp_path):
    # words only, one row of numbers, years and words, one column: no data table among them
    text, title, cells = read_html(NO_DATA_PAGE)
    assert (text, title, cells) == (NO_DATA_TEXT, "通知", [])
    assert html_to_text(NO_DATA_PAGE) == (NO_DATA_TEXT, "通知")
    doc = _read(tmp_path, "notice.html", NO_DATA_PAGE)
    assert doc.tables == [] and doc.text == NO_DATA_TEXT


@pytest.mark.parametrize("rows,expected", [
    ([[HtmlCell("a", colspan=2)], [HtmlCell("1"), HtmlCell("2")]], [["a", None], ["1", "2"]]),
    ([[HtmlCell("a", rowspan=2), HtmlCell("b")], [HtmlCell("c")]], [["a", "b"], [None, "c"]]),
    ([[HtmlCell("x")], [HtmlCell("1"), HtmlCell("2"), HtmlCell("3")]], [["x", "", ""], ["1", "2", "3"]]),
])
def test_spans_become_merged_cells_as_pdfplumber_gives_them(rows, expected):
    assert expand(rows) == expected


def test_a_table_needs_two_rows_two_columns_and_a_number():
    two = [[HtmlCell("GDP"), HtmlCell("5.2%")], [HtmlCell("CPI"), HtmlCell("0.2%")]]
    assert data_rows(two) == [["GDP", "5.2%"], ["CPI", "0.2%"]]
    assert data_rows(two[:1]) is None
    assert data_rows([[HtmlCell("GDP")], [HtmlCell("5.2%")]]) is None
    assert data_rows([[HtmlCell("GDP"), HtmlCell("2023年")], [HtmlCell("CPI"), HtmlCell("n/a")]]) is None


def test_a_caption_stays_in_the_text_above_its_table_and_spans_are_bounded():
    page = ("<table><caption>Table 3. Output (unit: RMB million)</caption>"
            "<tr><th>Item</th><th>2022</th><th colspan='99999'>2023</th></tr>"
            "<tr><td>Output</td><td>1.5</td><td rowspan='500'>2.5</td></tr></table>")
    text, _, cells = read_html(page)
    assert text == "Table 3. Output (unit: RMB million)\nItem | 2022 | 2023\nOutput | 1.5 | 2.5"
    assert max(c.col for c in cells) == 2 and max(c.row for c in cells) == 1


def test_the_caption_gives_the_unit_of_a_table_whose_headers_name_none(tmp_path):
    doc = _read(tmp_path, "cap.html", "<p>Output of the province.</p><table><caption>Table 3. Output (unit: RMB "
                                      "million)</caption><tr><th>Item</th><th>2022</th><th>2023</th></tr>"
                                      "<tr><td>Output</td><td>1.5</td><td>2.5</td></tr></table>")
    facts = extract_table_facts(doc)
    assert [(f.value, f.unit, f.year, f.raw_unit) for f in facts] == [(1.5e6, "CNY", 2022, "RMB million"),
                                                                      (2.5e6, "CNY", 2023, "RMB million")]


def test_on_a_page_without_pages_a_text_fact_is_a_duplicate_only_for_the_same_year():
    from pipeline.extract.fact import Fact
    from pipeline.tables import drop_text_duplicates

    def fact(start, year, source):
        return Fact(doc="d", char_start=start, char_end=start + 4, quote="2.3%", sentence="s", value=2.3,
                    unit="percent", kind="percent", raw_value=2.3, raw_unit="%", year=year, source=source)
    table = [fact(500, 2024, "table")]
    this_year, same_year = fact(10, 2026, "text"), fact(20, 2024, "text")
    assert drop_text_duplicates([this_year, same_year], table, page_of=lambda offset: None) == [this_year]


def test_html_table_cells_and_facts_pass_the_release_checks(tmp_path):
    from pipeline.process import process_file
    from pipeline.publish.frames import combine
    from pipeline.validate import release_blockers

    for name, page in (("hk.html", EN_PAGE), ("pboc.html", HANS_PAGE), ("tw.html", HANT_PAGE)):
        (tmp_path / name).write_text(page, encoding="utf-8")
    tables = combine([process_file(p, tmp_path) for p in sorted(tmp_path.glob("*.html"))])
    assert release_blockers(tables) == {}
    cells = tables["table_cells"]
    assert len(cells) == 12 + 12 + 12 and set(cells["page"]) == {1}
    facts = tables["facts"]
    assert (facts["source"] == "table").sum() == 6 + 6 + 3 and facts["page"].isna().all()


ACCOUNT_PAGE = """<table><tr><td></td><td>2022<br>RMB million</td><td>2023<br>RMB million</td></tr>
<tr><td>(Deficit)/<br>Surplus</td><td>(12.5)</td><td>40.0</td></tr>
<tr><td>Net borrowing</td><td>(3.0)</td><td>7.5</td></tr>
<tr><td>Operating expenses</td><td>(8.25)</td><td>(9.0)</td></tr></table>"""


def test_brackets_in_an_account_a_deficit_an_outflow_and_a_negative(tmp_path):
    doc = _read(tmp_path, "account.html", ACCOUNT_PAGE)
    got = {(f.indicator, f.year): f.value for f in extract_table_facts(doc)}
    assert got == {("Deficit", 2022): 12.5e6, ("Surplus", 2023): 40e6,  # a deficit keeps its positive amount
                   ("Net borrowing", 2022): -3e6, ("Net borrowing", 2023): 7.5e6,
                   ("Operating expenses", 2022): 8.25e6, ("Operating expenses", 2023): 9e6}


UNIT_ROWS_FRAGMENT = """<table><tr><td colspan="3"><strong>金 融</strong></td></tr>
<tr><td><br/></td><td><br/></td><td>单位：亿元</td></tr>
<tr><td>指 标</td><td>3月末</td><td>比年初增减额</td></tr>
<tr><td>住户存款</td><td>1490.8</td><td>44.9</td></tr>
<tr><td colspan="3">外 贸</td></tr>
<tr><td></td><td></td><td>单位：万美元</td></tr>
<tr><td>指 标</td><td>1-3月</td><td>增长（%）</td></tr>
<tr><td>出口</td><td>6939.2</td><td>-39.5</td></tr></table>"""


def test_a_txt_file_of_table_markup_is_read_as_html_and_unit_rows_apply_below(tmp_path):
    doc = _read(tmp_path, "fragment.txt", UNIT_ROWS_FRAGMENT)
    assert doc.format == "txt" and "<td>" not in doc.text and "住户存款 | 1490.8 | 44.9" in doc.text
    got = {(f.indicator, f.quote): (f.value, f.unit) for f in extract_table_facts(doc)}
    assert got[("住户存款3月末", "1490.8")] == (1.4908e11, "CNY")
    assert got[("住户存款比年初增减额", "44.9")] == (4.49e9, "CNY")
    # the second block states its own unit: ten thousand dollars, and its growth column is in percent
    assert got[("出口 1-3月", "6939.2")] == (6.9392e7, "USD") and got[("出口增长", "-39.5")] == (-39.5, "percent")


RATES_PAGE = """<html><head><title>CNH spreads</title><meta property="article:published_time" content="2011-06-13"></head>
<body><p>We asked four banks for their rates. Here are the rates, in terms of HKD
per CNY, with the best figures in bold:</p>
<table border="1"><tr><th>Bank</th><th>Bid</th><th>Ask</th><th>Spread %</th></tr>
<tr><td>Bank A</td><td>1.1964</td><td>1.2041</td><td>0.64%</td></tr>
<tr><td>Bank B</td><td>1.1990</td><td>1.2080</td><td>0.75%</td></tr></table>
<p>The best spread was small.</p></body></html>"""


def test_a_caption_that_quotes_the_cells_as_a_rate_and_the_documents_date(tmp_path):
    doc = _read(tmp_path, "rates.html", RATES_PAGE)
    facts = {f.quote: f for f in extract_table_facts(doc)}
    assert (facts["1.1964"].unit, facts["1.1964"].year, facts["1.1964"].year_rule) == ("HKD/CNY", 2011, "document_date")
    assert (facts["0.64%"].unit, facts["0.64%"].year) == ("percent", 2011)


GROUPED_PAGE = """<html><head><title>Inflation outlook</title></head><body><p>Forecasts of institutions. Unit: %</p>
<table border="1"><tr><th></th><th>Institution</th><th>Inflation outlook 2018(f)</th></tr>
<tr><td>Domestic</td><td>TIER</td><td>1.03</td></tr><tr><td></td><td>DGBAS</td><td>1.21</td></tr>
<tr><td></td><td>Academia Sinica</td><td>1.18</td></tr>
<tr><td>Foreign</td><td>HSBC</td><td>1.20</td></tr><tr><td></td><td>Nomura</td><td>1.50</td></tr></table>
<p>Median: 1.20%.</p></body></html>"""


def test_a_table_whose_first_column_only_groups_its_rows_is_labelled_by_the_second(tmp_path):
    facts = {f.quote: f for f in extract_table_facts(_read(tmp_path, "grouped.html", GROUPED_PAGE))}
    assert sorted(facts) == ["1.03", "1.18", "1.20", "1.21", "1.50"]
    assert (facts["1.50"].unit, facts["1.50"].year, facts["1.50"].indicator.split()[0]) == ("percent", 2018, "Nomura")
