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
