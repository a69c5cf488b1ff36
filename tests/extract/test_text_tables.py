"""Tables laid out as lines of text (text_tables.py): a header naming each value column with its unit, rows of a
label and numbers. Tables of our own, in both Chinese scripts."""
from __future__ import annotations

import pytest

TABLE = ("表 1 2023 年末某市常住人口数及其构成\n\n指 标 年末数（万人） 比重（%）\n\n全市常住人口 866.60\n\n"
         "其中：城镇 392.66 45.31\n\n乡村 473.94 54.69\n\n全年全市实现新增城镇就业 7.52 万人。\n\n"
         "产品名称 产量（万吨） 比上年增长（%）\n粮食 902.61 -3.2\n其中：夏粮 508.58 -8.6\n")


@pytest.mark.parametrize("conv", ["hans", "hant"])
def test_each_number_takes_its_columns_unit_and_measure(ex, conv):
    text = ex.hant(TABLE) if conv == "hant" else TABLE
    got = [(f.quote, f.value, f.unit, f.measure) for f in ex.facts(text)]
    assert got == [("866.60", 8666000.0, "person", "level"), ("392.66", 3926600.0, "person", "level"),
                   ("45.31", 45.31, "percent", "share"), ("473.94", 4739400.0, "person", "level"),
                   ("54.69", 54.69, "percent", "share"), (ex.hant("7.52 万人") if conv == "hant" else "7.52 万人", 75200.0, "person", "level"),
                   ("902.61", 9026100.0, "tonne", "level"), ("-3.2", -3.2, "percent", "growth"),
                   ("508.58", 5085800.0, "tonne", "level"), ("-8.6", -8.6, "percent", "growth")]


def test_a_row_with_more_numbers_than_columns_ends_the_table(ex):
    text = "指标 比上年增长（%）\n工业 5.0\n一季度 1 2 3\n服务业 4.0\n"
    assert [f.quote for f in ex.facts(text)] == ["5.0"]


def test_running_text_is_not_a_row(ex):
    text = "指标 比上年增长（%）\n全年新增就业 7.52 万人，增长 3%。\n"
    assert [(f.quote, f.unit) for f in ex.facts(text)] == [("7.52 万人", "person"), ("3%", "percent")]


UNIT_TABLE = ("表 3 2022 年某市交通运输主要指标\n指标 单位 绝对数 增长%\n货物运输总量 亿吨 3.15 4.2\n"
              "#公路 万吨 8820 -1.5\n工业锅炉 蒸发量吨 10250 2.0\n")


@pytest.mark.parametrize("conv", ["hans", "hant"])
def test_a_unit_column_gives_each_row_its_own_unit(ex, conv):
    text = ex.hant(UNIT_TABLE) if conv == "hant" else UNIT_TABLE
    got = [(f.quote, f.value, f.unit, f.measure, f.year) for f in ex.facts(text)]
    # (蒸发量吨: a unit with a word before it is read by the unit it ends with)
    assert got == [("3.15", 315000000.0, "tonne", "level", 2022), ("4.2", 4.2, "percent", "growth", 2022),
                   ("8820", 88200000.0, "tonne", "level", 2022), ("-1.5", -1.5, "percent", "growth", 2022),
                   ("10250", 10250.0, "tonne", "level", 2022), ("2.0", 2.0, "percent", "growth", 2022)]


def test_a_row_without_a_unit_word_gives_no_value_in_the_unit_column(ex):
    text = "指标 单位 产量 增长%\n钢材 1500 4.8\n"
    assert [(f.quote, f.unit) for f in ex.facts(text)] == [("4.8", "percent")]


@pytest.mark.parametrize("conv", ["hans", "hant"])
def test_a_header_cell_that_opens_with_a_year_dates_its_column(ex, conv):
    text = "国家 | 2025人均GDP | 亚洲排名\n新加坡 | 88,447美元 | 1\n日本 | 35,611美元 | 5\n"
    facts = ex.facts(ex.hant(text) if conv == "hant" else text)
    assert [(f.raw_value, f.year) for f in facts] == [(88447.0, 2025), (35611.0, 2025)]


def test_a_header_cell_that_opens_with_a_year_dates_its_column_en(ex):
    text = "Country | 2025 GDP per capita | Rank\nSingapore | $88,447 | 1\nJapan | $35,611 | 5\n"
    facts = ex.facts(text)
    assert [(f.raw_value, f.year) for f in facts] == [(88447.0, 2025), (35611.0, 2025)]
