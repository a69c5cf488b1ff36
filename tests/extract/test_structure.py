"""Sentence structure: respective lists, from-to pairs, growth and decline, shares and levels."""
import pytest


@pytest.mark.parametrize("conv", ["hans", "hant"])
def test_respective_list(ex, conv):
    text = "2020年，上海市、江苏省、浙江省人均消费支出分别为4.2万元、2.6万元、3.1万元。"
    fs = ex.facts(ex.hant(text) if conv == "hant" else text)
    assert [(f.value, f.region, f.year) for f in fs] == [
        (4.2e4, "Shanghai", 2020), (2.6e4, "Jiangsu", 2020), (3.1e4, "Zhejiang", 2020)]
    assert [f.region_zh for f in fs] == ["上海市", "江苏省", "浙江省"]


def test_respectively_en(ex):
    fs = ex.facts("In 2021, Fujian, Hunan and Anhui recorded growth of 8.0%, 7.7% and 8.3% respectively.")
    assert [(f.value, f.region) for f in fs] == [(8.0, "Fujian"), (7.7, "Hunan"), (8.3, "Anhui")]


def test_from_x_to_y_en(ex):
    fs = ex.facts("Online retail rose from 1.3 trillion yuan in 2013 to 13.1 trillion yuan in 2022.")
    assert [(f.value, f.year, f.qualifier) for f in fs] == [(1.3e12, 2013, "="), (1.31e13, 2022, "=")]


@pytest.mark.parametrize("conv", ["hans", "hant"])
def test_cong_dao_with_period(ex, conv):
    text = "2010~2020年，全省旅游收入从850亿元增长到3200亿元，占GDP的比重从2010年的4.1%提高到7.5%。"
    fs = ex.facts(ex.hant(text) if conv == "hant" else text)
    assert [(f.value, f.year) for f in fs] == [(8.5e10, 2010), (3.2e11, 2020), (4.1, 2010), (7.5, 2020)]
    assert [f.measure for f in fs] == ["level", "level", "share", "share"]


@pytest.mark.parametrize("text,value,measure", [
    ("全年工业增加值同比增长6.1%。", 6.1, "growth"),
    ("全年工業增加值同比增長6.1%。", 6.1, "growth"),
    ("全年进口额同比下降3.4%。", -3.4, "growth"),
    ("全年進口額同比下降3.4%。", -3.4, "growth"),
    ("Exports fell 3.4% from a year earlier.", -3.4, "growth"),
    ("Exports grew by 6.1% over the year.", 6.1, "growth"),
    ("第三产业增加值占地区生产总值比重达到58%。", 58, "share"),
    ("Services accounted for 58% of output.", 58, "share"),
    ("赤字率下降到2.8%。", 2.8, "level"),
    ("全市地区生产总值为1.5万亿元。", 1.5e12, "level"),
])
def test_measures(ex, text, value, measure):
    f = ex.one(text)
    assert (f.value, f.measure) == (value, measure)


def test_absolute_decline_is_a_change(ex):
    f = ex.one("全市财政赤字比上年减少150亿元。")
    assert (f.value, f.measure, f.unit) == (-1.5e10, "change", "CNY")


@pytest.mark.parametrize("text,indicator", [
    ("到2026年，全区服务业增加值突破975亿元。", "服务业增加值"),
    ("到2026年，全區服務業增加值突破975億元。", "服务业增加值"),
    ("The number of internet users in the country reached 1.1 billion.", "number of internet users in the country"),
])
def test_indicator_is_a_noun_phrase_from_the_sentence(ex, text, indicator):
    assert ex.one(text).indicator == indicator


def test_indicator_borrows_the_previous_clause_subject(ex):
    f = ex.one("中央财政教育支出4200亿元，比上年增长8%。", quote="8%")
    assert f.indicator.startswith("中央财政教育支出")


def test_published_sentence_and_quote_are_verbatim(ex):
    text = "嶗山區外貿總額為３２０億元。另有說明。"
    f = ex.one(text)
    assert f.sentence == "嶗山區外貿總額為３２０億元。"
    assert f.quote == "３２０億元" and text[f.char_start:f.char_end] == f.quote
    assert f.lang == "zh-Hant"


@pytest.mark.parametrize("text", ["二氧化硫、氮氧化物排放量分别下降3.5%、2.9%。", "二氧化硫、氮氧化物排放量分別下降3.5%、2.9%。"])
def test_listed_values_share_their_verb(ex, text):
    assert [(f.value, f.measure) for f in ex.facts(text)] == [(-3.5, "growth"), (-2.9, "growth")]


def test_comparison_clause_borrows_the_subject(ex):
    f = ex.one("今年安排专项债券1.35万亿元，比去年增加5500亿元。", quote="5500亿元")
    assert f.indicator.endswith("专项债券") and f.measure == "change"


def test_percent_then_level_is_not_a_range(ex):
    fs = ex.facts("Output in Tianjin rose 4 percent to 1.6 trillion yuan.")
    assert [(f.value, f.unit, f.measure) for f in fs] == [(4, "percent", "growth"), (1.6e12, "CNY", "level")]


def test_growth_named_after_the_number_en(ex):
    fs = ex.facts("Sales posted a 3.4% increase, while imports saw a 2.1% decline.")
    assert [(f.value, f.measure) for f in fs] == [(3.4, "growth"), (-2.1, "growth")]


def test_scaled_count_of_people_en(ex):
    f = ex.one("The province has about 74 million residents.")
    assert (f.quote, f.value, f.unit, f.qualifier) == ("74 million residents", 7.4e7, "person", "~")


def test_first_half_of_a_year_is_a_period_not_a_share(ex):
    assert ex.quotes("Investment slowed in the first half of 2024.") == []
    assert ex.one("More than half of the firms export.").value == 50


def test_cuts_in_basis_points_and_index_points(ex):
    f = ex.one("The central bank cut rates by 25 basis points.")
    assert (f.value, f.unit, f.measure) == (-25, "basis_point", "growth")
    f = ex.one("The composite index rose 3 points in the session.")
    assert (f.value, f.unit, f.measure) == (3, "point", "change")


@pytest.mark.parametrize("text", ["个体手工业者的产值比重将下降为27.5%。", "個體手工業者的產值比重將下降為27.5%。"])
def test_falling_to_a_level_is_a_level(ex, text):
    f = ex.one(text)
    assert (f.value, f.measure) == (27.5, "share")


@pytest.mark.parametrize("conv", ["hans", "hant"])
def test_a_table_cell_takes_its_year_column(ex, conv):
    text = "表2 主要指标\n\n| 指标 | 2021年 | 2022年 |\n|---|---|---|\n| 粮食产量增速 | 2.1% | 3.4% |"
    fs = ex.facts(ex.hant(text) if conv == "hant" else text)
    assert [(f.value, f.year) for f in fs] == [(2.1, 2021), (3.4, 2022)]


def test_a_table_cell_takes_its_year_column_en(ex):
    text = "| Indicator | 2021 | 2022 |\n|---|---|---|\n| Grain output growth | 2.1% | 3.4% |"
    assert [(f.value, f.year) for f in ex.facts(text)] == [(2.1, 2021), (3.4, 2022)]


def test_tab_separated_rows_under_a_dated_title_keep_the_title_year(ex):
    text = "2023年全县经济运行情况\n\n指标名称\t绝对值\t增长%\n地区生产总值\t380亿元\t6.0%"
    assert [(f.value, f.year) for f in ex.facts(text)] == [(3.8e10, 2023), (6.0, 2023)]
