"""Table facts from a ruled table in a PDF made here: values scaled by the caption's unit, years from the
column headers, negatives in parentheses, empty cells skipped; spans point at the cell in the page text;
text facts of the same number on the same page are dropped."""
from __future__ import annotations

import pytest

from pipeline.extract.fact import Fact
from pipeline.tables import drop_text_duplicates, extract_table_facts
from pipeline.tables.facts import column_year, report_year
from tests.tables import pdfgen
from tests.tables.reading import read_with_own_cache


@pytest.fixture(scope="module")
def doc(tmp_path_factory):
    d = tmp_path_factory.mktemp("t")
    path = d / "table.pdf"
    pdfgen.ruled_table(path)
    doc = read_with_own_cache(path, d / "cache")
    return doc


def _fact(facts, indicator, year, unit):
    got = [f for f in facts if f.indicator == indicator and f.year == year and f.unit == unit]
    assert len(got) == 1, (indicator, year, unit, got)
    return got[0]


def test_table_cells_with_header_paths(doc):
    cells = {(c.row, c.col): c for c in doc.tables}
    assert len(cells) == 16 and {c.page for c in doc.tables} == {1}
    assert cells[(1, 1)].text == "1,234.56" and cells[(1, 1)].header == "营业收入 | 2023年"
    assert cells[(2, 1)].text == "(123.40)"
    assert cells[(3, 1)].text == "—"
    assert cells[(0, 3)].text == "本期比上年同期增减(%)" and cells[(0, 3)].header == ""


def test_values_years_units_from_caption_and_headers(doc):
    facts = extract_table_facts(doc)
    rev = _fact(facts, "营业收入", 2023, "CNY")
    assert rev.value == pytest.approx(12345600.0)          # 1,234.56 万元
    assert (rev.raw_value, rev.raw_unit, rev.scale) == (1234.56, "万元", 1e4)
    assert rev.source == "table" and rev.page == 1 and rev.kind == "money" and rev.measure == "level"
    assert _fact(facts, "营业收入", 2022, "CNY").value == pytest.approx(11000000.0)
    loss = _fact(facts, "净利润", 2023, "CNY")
    assert loss.value == pytest.approx(-1234000.0) and loss.quote == "(123.40)"
    growth = _fact(facts, "净利润", 2023, "percent")
    assert growth.value == pytest.approx(-317.64) and growth.measure == "growth"
    # 研发投入 has only empty cells (—, -)
    assert not [f for f in facts if f.indicator == "研发投入"]
    assert len(facts) == 6


def test_spans_are_the_cells(doc):
    facts = extract_table_facts(doc)
    for f in facts:
        assert doc.text[f.char_start:f.char_end] == f.quote
        assert doc.page_of(f.char_start) == f.page
    rev = _fact(facts, "营业收入", 2023, "CNY")
    assert rev.sentence == "营业收入，2023年：1,234.56（单位：万元）"
    # the same number in the sentence above the table is not the cell
    assert doc.text.index("1,234.56万元") < rev.char_start


def _text_fact(doc, quote, value, unit="CNY"):
    start = doc.text.index(quote)
    return Fact(doc=doc.doc, char_start=start, char_end=start + len(quote), quote=quote, sentence="s",
                value=value, unit=unit, kind="money", raw_value=value, raw_unit="万元", page=doc.page_of(start))


def test_text_fact_of_a_table_number_on_the_same_page_is_dropped(doc):
    table = extract_table_facts(doc)
    same = _text_fact(doc, "1,234.56万元", 12345600.0)
    other = _text_fact(doc, "1,234.56万元", 99.0)
    assert drop_text_duplicates([same, other], table) == [other]
    # a text fact whose span lies on a table cell (the extractor read the table row) is dropped too
    rev = _fact(table, "营业收入", 2022, "CNY")
    on_cell = Fact(doc=doc.doc, char_start=rev.char_start, char_end=rev.char_end, quote=rev.quote, sentence="s",
                   value=1100.0, unit="count", kind="count", raw_value=1100.0, raw_unit="")
    assert drop_text_duplicates([on_cell], table) == []


def test_dedupe_needs_the_same_page():
    t = Fact(doc="d", char_start=500, char_end=505, quote="1.0", sentence="s", value=1e4, unit="CNY", kind="money",
             raw_value=1.0, raw_unit="万元", source="table", page=3)
    f = Fact(doc="d", char_start=10, char_end=14, quote="1万元", sentence="s", value=1e4, unit="CNY", kind="money",
             raw_value=1.0, raw_unit="万元", page=1)
    assert drop_text_duplicates([f], [t]) == [f]
    f.page = 3
    assert drop_text_duplicates([f], [t]) == []


def test_years_against_the_report_period():
    assert report_year("东北电气发展股份有限公司2018年第一季度报告全文") == 2018
    assert report_year("贵州茅台酒股份有限公司2021年年度报告") == 2021
    assert report_year("Annual Report 2019 of a company") == 2019
    assert column_year("本报告期", 2018, None) == 2018
    assert column_year("上年同期", 2018, None) == 2017
    assert column_year("上年度末", 2018, None) == 2017
    assert column_year("年初至报告期期末金额", 2018, None) == 2018
    assert column_year("本报告期比上年同期增减", 2018, None) == 2018
    assert column_year("2020年末", 2021, None) == 2020
    assert column_year("第一季度 / （1-3月份）", 2021, 2021) == 2021


def test_opening_balances_belong_to_the_previous_year():
    assert column_year("本年期初余额", 2021) == 2020
    assert column_year("期初余额 / 账面余额", 2021) == 2020
    assert column_year("本期末", 2021) == 2021


@pytest.fixture(scope="module")
def statement(tmp_path_factory):
    d = tmp_path_factory.mktemp("s")
    path = d / "statement.pdf"
    pdfgen.statement_tables(path)
    doc = read_with_own_cache(path, d / "cache")
    return doc, extract_table_facts(doc)


def test_note_reference_column_is_a_cell_not_a_fact(statement):
    doc, facts = statement
    note = [c for c in doc.tables if c.header == "在产品 | 附注"]
    assert [c.text for c in note] == ["7"]
    assert not [f for f in facts if f.value in (7.0, 8.0)]


def test_merged_parent_header_gives_the_period_of_the_columns_under_it(statement):
    doc, facts = statement
    assert {c.header for c in doc.tables if c.text == "13,026.68"} == {"在产品 | 期末余额 / 账面价值"}
    # 期末余额 is the end of the report's period (2021年年度报告), 期初余额 the end of the previous one
    assert _fact(facts, "在产品账面价值", 2021, "CNY").value == pytest.approx(13026.68)
    assert _fact(facts, "在产品账面余额", 2021, "CNY").value == pytest.approx(14310.51)
    assert _fact(facts, "在产品减值准备", 2021, "CNY").value == pytest.approx(1283.83)
    assert _fact(facts, "在产品", 2020, "CNY").value == pytest.approx(11941.64)


def test_year_inside_a_name_does_not_date_the_row(statement):
    _, facts = statement
    project = _fact(facts, "“十二五”工程第二期（2012年）新增2500吨技术改造项目账面价值", 2021, "CNY")
    assert project.value == pytest.approx(558732546.81)
    assert _fact(facts, "2011年2000吨制酒技改工程及配套设施项目账面价值", 2021, "CNY").value == pytest.approx(346872092.02)
