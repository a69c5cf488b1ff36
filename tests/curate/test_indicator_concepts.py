"""Concepts of Chinese economic statistics beyond the core, on small sentences of our own in simplified and
traditional Chinese and English, and the reading of a sentence's topic clause."""
import pytest

from pipeline.curate import catalog
from pipeline.curate.indicators import assign_codes, code_en, code_zh


def _code(ind):
    return ind.code if ind else None


def _fact(quote, sentence, indicator, unit, measure="level", lang="zh-Hans"):
    start = sentence.find(quote)
    return dict(quote=quote, sentence=sentence, indicator=indicator, unit=unit, measure=measure, lang=lang,
                char_start=start, char_end=start + len(quote), region=None, region_zh=None)


@pytest.mark.parametrize("indicator, unit, code", [
    ("全年货物周转量", "tonne_km", "freight_turnover"),
    ("旅客周转量", "passenger_km", "passenger_turnover"),
    ("手工业总产值", "CNY", "gross_output_handicraft"),
    ("国家预算收入", "CNY", "fiscal_revenue"),
    ("经济建设费支出", "CNY", "econ_construction_spending"),
    ("职工工资总额比上年增长", "percent", "wage_bill"),
    ("城乡储蓄余额", "CNY", "savings_deposits"),
    ("退出钢铁产能", "tonne", "steel_capacity"),
    ("企业退休人员基本养老金", "percent", "pension_benefit"),
    ("城乡低保标准分别提高", "percent", "dibao_standard"),
    ("消费对经济增长的贡献率", "percent", "consumption_contribution"),
    ("今年要完成铁路投资", "CNY", "rail_investment"),
    ("新增减税降费", "CNY", "tax_fee_cuts"),
    ("综合治理水土流失面积", "km2", "soil_erosion_control"),
    ("农村新建住房", "m2", "rural_housing_built"),
    ("全年零售物价上涨幅度", "percent", "retail_price_index"),
    ("社會商品零售額", "CNY", "retail_sales"),          # traditional script
    ("單位國內生產總值用水量", "percent", "water_intensity"),
    ("城鎮保障性安居工程住房基本建成", "count", "affordable_housing"),
])
def test_zh_concepts(indicator, unit, code):
    assert _code(code_zh(indicator, unit)) == code


@pytest.mark.parametrize("indicator, unit", [
    ("公路货物周转量", "tonne_km"),       # one mode of transport is a part of freight turnover
    ("高技术制造业增加值", "CNY"),         # one branch is a part of industrial value added
    ("粮食播种面积", "hectare"),           # a part of the sown area
    ("货物周转量", "tonne"),               # a tonne is not a tonne-kilometre
    ("退出钢铁产能", "CNY"),
])
def test_parts_and_other_units_stay_null(indicator, unit):
    assert code_zh(indicator, unit) is None


@pytest.mark.parametrize("indicator, unit, code", [
    ("freight turnover", "tonne_km", "freight_turnover"),
    ("tax and fee cuts", "CNY", "tax_fee_cuts"),
    ("PM2.5 concentration", "percent", "pm25_concentration"),
    ("the share of days with good air quality", "percent", "air_quality_good_days"),
    ("railway investment", "CNY", "rail_investment"),
])
def test_en_concepts(indicator, unit, code):
    assert _code(code_en(indicator, unit)) == code


def test_a_clause_that_names_nothing_continues_the_topic_clause_before_it():
    s = "社会商品零售总额，一九八一年比一九八○年增长百分之九点八，两年平均每年递增百分之九点四。"
    f = assign_codes([_fact("百分之九点四", s, "两年平均每年递增", "percent", "growth")])[0]
    assert f["indicator_code"] == "retail_sales"
    s2 = "農民人均純收入，扣除物價上漲因素，平均每年增長8.6%。"
    assert assign_codes([_fact("8.6%", s2, "平均每年增長", "percent", "growth", "zh-Hant")])[0]["indicator_code"] \
        == "net_income_pc_rural"


def test_the_topic_does_not_carry_past_a_clause_about_something_else():
    s = "社会商品零售总额，中央财政安排专项资金，增长百分之十。"
    assert assign_codes([_fact("百分之十", s, "增长", "percent", "growth")])[0]["indicator_code"] is None


def test_every_nbs_code_names_its_database_and_has_a_source():
    import json
    head = json.loads(catalog.CATALOG_PATH.read_text(encoding="utf-8"))
    codes = [ind.nbs for ind in catalog.load_catalog() if ind.nbs]
    assert codes and all(c.split(":")[0] in ("hgnd", "hgjd", "hgyd", "fsnd", "fsjd", "fsyd", "csnd") for c in codes)
    assert set(codes) <= set(head["_nbs_sources"])


def test_a_comparison_that_opens_the_indicator_is_a_measure_word_not_a_denominator():
    s = "轻工业总产值，一九八一年比一九八○年增长百分之十四点一。"
    f = assign_codes([_fact("百分之十四点一", s, "比一九八○年增长", "percent", "growth")])[0]
    assert f["indicator_code"] == "gross_output_light_industry"
    s2 = "服务业增加值占全市GDP的比重为52%。"
    assert assign_codes([_fact("52%", s2, "占全市GDP的", "percent", "share")])[0]["indicator_code"] is None
