"""The cell-number parser, the unit words and the header structure of a table."""
from __future__ import annotations

import pytest

from pipeline.tables.cells import normalize, parse_cell
from pipeline.tables.grid import analyse, analyse_all
from pipeline.tables.units import caption_unit, label_unit, parse_unit


@pytest.mark.parametrize("text,value,percent", [
    ("1,234.56", 1234.56, False),
    ("(123.4)", -123.4, False),
    ("（1,000）", -1000.0, False),
    ("-12.3%", -12.3, True),
    ("−4,648,986.52", -4648986.52, False),
    ("+5.2%", 5.2, True),
    ("0.0053", 0.0053, False),
    ("12 345", 12345.0, False),
])
def test_numbers(text, value, percent):
    got = parse_cell(text)
    assert got is not None and got.value == pytest.approx(value) and got.percent is percent


@pytest.mark.parametrize("text", ["—", "-", "--", "", "不适用", "营业收入", "2015-09-07", "(12", "A1", "1.2.3"])
def test_not_numbers(text):
    assert parse_cell(text) is None


def test_percentage_points():
    assert parse_cell("上升5.72个百分点").value == pytest.approx(5.72)
    down = parse_cell("减少1.51个百分点")
    assert down.value == pytest.approx(-1.51) and down.percentage_point


def test_normalize_joins_wrapped_cell_text():
    assert normalize("归属于上市公司股\n东的净利润") == "归属于上市公司股东的净利润"
    assert normalize("Net\nprofit") == "Net profit"
    assert normalize(None) == ""


def test_units():
    assert parse_unit("万元").scale == 1e4 and parse_unit("万元").unit == "CNY"
    assert parse_unit("人民币亿元").scale == 1e8
    assert parse_unit("美元").unit == "USD"
    assert parse_unit("元/股") is None
    assert parse_unit("千瓦时").unit == "kwh" and parse_unit("千瓦时").scale == 1.0
    cap = caption_unit("九、非经常性损益项目和金额\n单位：万元 币种：美元")
    assert (cap.unit, cap.scale, cap.raw) == ("USD", 1e4, "万元")
    assert caption_unit("单位:元 币种:人民币").scale == 1.0
    assert caption_unit("In RMB million").scale == 1e6
    assert caption_unit("没有单位的说明") is None
    assert label_unit("营业收入（元）")[:2] == ("营业收入", parse_unit("元"))
    label, unit, named = label_unit("基本每股收益（元／股）")
    assert (label, unit, named) == ("基本每股收益", None, True)
    assert label_unit("腾讯（北京）") == ("腾讯（北京）", None, False)


def test_header_rows_and_paths():
    g = analyse([["项目", "2021年", None, "增减(%)"],
                 ["", "金额", "占比", ""],
                 ["营业收入", "1,000", "50.0", "12.5"],
                 ["", "2021年末", "2020年末", "增减"],
                 ["总资产", "9,000", "8,000", "12.5"]])
    assert g.header_rows == {0, 1, 3}
    assert g.col_headers[2] == ["项目", "2021年 / 金额", "2021年 / 占比", "增减(%)"]
    assert g.header_of(2, 2) == "营业收入 | 2021年 / 占比"
    assert g.header_of(4, 1) == "总资产 | 2021年末"


def test_table_continued_on_next_page_inherits_header():
    first = [["项目", "本期", "上期"], ["营业收入", "1.0", "2.0"]]
    cont = [["营业成本", "3.0", "4.0"], ["税金", "5.0", "6.0"]]
    g1, g2 = analyse_all([(4, first), (5, cont)])
    assert not g2.header_rows
    assert g2.header_of(0, 1) == "营业成本 | 本期"
    # a table further away does not continue anything
    _, g3 = analyse_all([(4, first), (7, cont)])
    assert g3.header_of(0, 1) == "营业成本"


def test_header_cut_by_the_page_break_is_joined():
    head = [["渠道类型", "本期销售收入", "上期销售收入", "本期销售量", "上期销售量"]]
    body = [["", "", "", "（吨）", "（吨）"], ["直销", "2,402,936.23", "1,324,035.65", "5,735.70", "3,932.08"]]
    g1, g2 = analyse_all([(14, head), (15, body)])
    assert g1.header_only and g2.continues
    assert g2.col_headers[1][2] == "上期销售收入"
    assert g2.col_headers[1][4] == "上期销售量 / （吨）"


def test_merged_parent_header_spans_its_columns_and_a_header_printed_over_two_rows_goes_down():
    # pdfplumber gives None where a merged cell covers the grid: 期末余额 spans three columns to its right, 项目 and
    # 期初数 span the two header rows downwards (the None under them is not the cell to their left)
    g = analyse([["项目", "期末余额", None, None, "期初数"],
                 [None, "账面余额", "减值准备", "账面价值", None],
                 ["在产品", "14.0", "1.0", "13.0", "11.0"]])
    assert g.col_headers[2] == ["项目", "期末余额 / 账面余额", "期末余额 / 减值准备", "期末余额 / 账面价值", "期初数"]


def test_note_reference_column():
    g = analyse([["项目", "附注", "2021年12月31日"], ["货币资金", "1", "51,810,243,607.11"]])
    assert g.note_column(1, 1) and not g.note_column(1, 2)
    for header in ("注释", "注", "Notes", "Note", "附 注"):
        assert analyse([["Item", header, "2021"], ["Cash", "5", "1.0"]]).note_column(1, 1), header
    assert not analyse([["项目", "注册资本", "2021"], ["A", "5", "1.0"]]).note_column(1, 1)


def test_a_year_in_a_row_label_dates_the_row_only_when_the_label_is_a_date():
    from pipeline.tables.periods import label_year, relative_row_year

    assert label_year("2021年12月31日余额", 2021) == 2021
    assert label_year("2020年末", 2021) == 2020
    assert label_year("1.期初余额", 2021) == 2020
    assert label_year("Balance at 31 December 2020", 2021) == 2020
    # names: a year in brackets, a year that starts a project's name, a tonnage that looks like a year
    assert label_year("“十二五”万吨茅台酒工程第二期（2012年）新增2500吨茅台酒技术改造项目", 2021) is None
    assert label_year("2011年2000吨茅台王子酒制酒技改工程及配套设施项目", 2021) is None
    assert label_year("2000吨茅台王子酒技改工程", 2021) is None
    # a balance before its column's period: the 2021年度 block of an equity statement opens with 2020's balances
    assert relative_row_year("一、上年年末余额", 2021) == 2020
    assert relative_row_year("二、本年期初余额", 2020) == 2019
    assert relative_row_year("四、本期期末余额", 2021) == 2021
    assert relative_row_year("（一）综合收益总额", 2021) == 2021


def test_a_bracket_that_says_more_than_a_unit_is_part_of_the_label():
    assert label_unit("实收资本（或股本）") == ("实收资本（或股本）", None, False)
    assert label_unit("资本溢价（股本溢价）")[1] is None
    assert label_unit("酱香型系列酒制酒技改工程及配套设施项目（6400吨）")[1] is None
    assert label_unit("收入（人民币万元）")[1].scale == 1e4
    assert label_unit("Revenue (in RMB thousands)")[1].scale == 1e3
