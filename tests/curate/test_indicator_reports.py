"""Concepts that government work reports name often (budget items of the planned economy, farm output, social
programmes), each in simplified and traditional Chinese and English, and the reading rules they need: the
particle 的, the whole after 占, a list joined by 和 … 分别, modal words and a restated value before a change.
All sentences are our own."""
import pytest

from pipeline.curate import catalog
from pipeline.curate.indicators import assign_codes, code_en, code_zh


def _code(ind):
    return ind.code if ind else None


def _fact(quote, sentence, indicator, unit, measure="level", lang="zh-Hans"):
    start = sentence.find(quote)
    return dict(quote=quote, sentence=sentence, indicator=indicator, unit=unit, measure=measure, lang=lang,
                char_start=start, char_end=start + len(quote), region=None, region_zh=None)


# (code, unit, simplified, traditional, English)
CONCEPTS = [
    ("rail_freight_turnover", "tonne_km", "全年铁路货物周转量", "鐵路貨運週轉量增長", "railway freight turnover"),
    ("hospital_beds", "count", "医院病床数", "醫院床位增加", "hospital beds"),
    ("state_enterprise_revenue", "CNY", "国营企业收入", "國營企業的收入", "revenue from state enterprises"),
    ("agricultural_tax", "CNY", "农业税收入", "農業稅", "agricultural tax"),
    ("industrial_commercial_tax", "CNY", "工商税收", "工商稅", "industrial and commercial taxes"),
    ("customs_duties", "CNY", "关税收入", "關稅", "customs duties"),
    ("farm_procurement", "CNY", "农副产品收购总额", "農副產品收購額", "purchases of farm products"),
    ("population_natural_growth_rate", "per_mille", "人口自然增长率", "人口的自然增長率",
     "natural population growth rate"),
    ("extrabudgetary_funds", "CNY", "预算外资金", "預算外收入", "extra-budgetary funds"),
    ("meat_output", "tonne", "肉类总产量", "肉類產量", "meat output"),
    ("aquatic_output", "tonne", "水产品产量", "水產品總產量", "aquatic products output"),
    ("sugar_crops_output", "tonne", "糖料产量", "糖料", "sugar crops output"),
    ("debt_revenue", "CNY", "债务收入", "債款收入", "debt revenue"),
    ("sewage_treatment_capacity", "tonne", "新增城镇污水日处理能力", "污水處理能力", "sewage treatment capacity"),
    ("major_pollutant_emissions", "percent", "主要污染物排放总量减少", "主要污染物排放量",
     "major pollutant emissions"),
    ("poverty_relocation", "person", "易地扶贫搬迁人口", "易地扶貧搬遷", "poverty alleviation relocation"),
    ("grain_for_green", "hectare", "退耕还林还草", "退耕還林", "returning farmland to forest"),
    ("income_tax_threshold", "CNY", "个人所得税起征点", "個稅起徵點", "personal income tax threshold"),
    ("tve_output", "CNY", "乡镇企业总产值", "鄉鎮企業產值", "township and village enterprise output"),
    ("external_debt", "USD", "外债余额", "外債", "external debt"),
    ("currency_issued", "CNY", "货币发行", "貨幣淨投放", "currency issued"),
    ("education_spending_gdp_ratio", "percent", "财政性教育经费支出占国内生产总值比例",
     "財政性教育經費占國內生產總值的比例", "public education spending as a share of GDP"),
    ("renovation_investment", "CNY", "技术改造投资", "更新改造投資", "investment in technical upgrading"),
    ("current_account_balance", "USD", "经常项目顺差", "經常賬戶差額", "current account surplus"),
    ("commodity_purchases", "CNY", "商品收购总额", "收購商品總額", "total purchases of commodities"),
]


@pytest.mark.parametrize("code, unit, hans, hant, en", CONCEPTS)
def test_report_concepts_in_three_scripts(code, unit, hans, hant, en):
    assert _code(code_zh(hans, unit)) == code
    assert _code(code_zh(hant, unit)) == code
    assert _code(code_en(en, unit)) == code


@pytest.mark.parametrize("indicator, unit, code", [
    ("全国职工总数", "person", "employees"),
    ("工人職員的平均工資", "CNY", "average_wage"),
    ("新增发电能力", "kw", "power_capacity"),
    ("採煤能力", "tonne", "coal_capacity"),
    ("基本建设总投资额", "CNY", "capital_construction_investment"),
    ("農業和副業總產值", "CNY", "gross_output_agriculture"),
    ("社会零售总额", "CNY", "retail_sales"),
    ("農作物播種總面積", "hectare", "sown_area"),
    ("国防费支出", "CNY", "defense_spending"),
    ("能源消耗強度", "percent", "energy_intensity"),
    ("全社会研发支出占国内生产总值比重", "percent", "rnd_intensity"),
    ("居民基本醫保人均財政補助標準", "CNY", "medical_insurance_subsidy_pc"),
    ("基本公共卫生服务经费人均财政补助标准", "CNY", "public_health_funding_pc"),
    ("城镇新增就业人口", "person", "urban_new_jobs"),
    ("高速公路總里程", "km", "expressway_length"),
    ("平均失業率", "percent", "unemployment_rate"),
    ("全年平均汇率", "CNY/USD", "exchange_rate"),
    ("平均就業人數", "person", "employment"),
])
def test_names_the_reports_use_for_concepts_already_in_the_catalog(indicator, unit, code):
    assert _code(code_zh(indicator, unit)) == code


@pytest.mark.parametrize("indicator, unit", [
    ("猪牛羊肉产量", "tonne"),          # three meats are a part of meat output
    ("医院病床数", "person"),           # beds are counted, not people
    ("中央财政教育支出", "CNY"),         # the centre's share of education spending is a part of it
    ("这些工厂的钢产量", "tonne"),       # a possessive that names a part
])
def test_parts_other_units_and_parts_named_by_a_possessive_stay_null(indicator, unit):
    assert code_zh(indicator, unit) is None


def test_the_tariff_level_is_a_rate_and_customs_duties_are_revenue():
    assert _code(code_zh("关税总水平降低", "percent")) == "tariff_level"
    assert _code(code_zh("關稅總水平", "percent")) == "tariff_level"
    assert _code(code_zh("关税收入增长", "percent")) == "customs_duties"
    assert _code(code_en("overall tariff level", "percent")) == "tariff_level"


def test_tax_revenue_is_the_whole_and_industrial_and_commercial_tax_a_part():
    assert _code(code_zh("各项税收", "CNY")) == "tax_revenue"
    assert _code(code_zh("各項稅收", "CNY")) == "tax_revenue"
    assert _code(code_zh("工商税收", "CNY")) == "industrial_commercial_tax"
    assert _code(code_en("tax revenue", "CNY")) == "tax_revenue"


@pytest.mark.parametrize("indicator, unit, code", [
    ("钢的产量比上年增长", "percent", "steel_output"),
    ("鐵路的貨物週轉量增長", "percent", "rail_freight_turnover"),
    ("粮食产量稳定", "tonne", "grain_output"),
    ("原煤產量擬定", "tonne", "coal_output"),
    ("煤产量可以", "tonne", "coal_output"),
    ("水泥產量仍然", "tonne", "cement_output"),
    ("发电量五千亿度增长", "percent", "electricity_generation"),
    ("發電量五千億度增長", "percent", "electricity_generation"),
    ("工业总产值第三季度增长", "percent", "gross_output_industry"),
    ("中央和地方财政对参合农民的补助标准", "CNY", "medical_insurance_subsidy_pc"),
    ("财政赤字少于", "CNY", "fiscal_deficit"),
    ("城鎮登記失業率低於", "percent", "unemployment_rate"),
    ("新建铁路投产里程", "km", "railway_length"),
    ("五年平均人口自然增长率", "per_mille", "population_natural_growth_rate"),
    ("外商直接投資實際金額", "USD", "fdi_actual"),
])
def test_particles_modal_words_and_a_restated_value_are_measure_words(indicator, unit, code):
    assert _code(code_zh(indicator, unit)) == code


@pytest.mark.parametrize("indicator", ["生铁八十万吨", "生鐵八十萬噸"])
def test_a_value_before_the_number_is_no_measure_word_without_a_change(indicator):
    # 生铁八十万吨，钢九十万吨: the words before the steel figure are the previous item's
    assert code_zh(indicator, "tonne") is None


@pytest.mark.parametrize("sentence, quote, indicator, lang", [
    ("养老金和低保标准分别提高5%和8%。", "5%", "和低保标准分别提高", "zh-Hans"),
    ("養老金和低保標準分別提高5%和8%。", "5%", "和低保標準分別提高", "zh-Hant"),
])
def test_a_list_joined_by_and_with_respectively_takes_no_code_from_its_second_item(sentence, quote, indicator,
                                                                                    lang):
    f = assign_codes([_fact(quote, sentence, indicator, "percent", "growth", lang)])[0]
    assert f["indicator_code"] is None


@pytest.mark.parametrize("sentence, quote, indicator, lang", [
    ("制造业增加值占地区生产总值比重稳定在30%。", "30%", "制造业增加值占地区生产总值比重稳定", "zh-Hans"),
    ("製造業增加值佔地區生產總值比重穩定在30%。", "30%", "製造業增加值佔地區生產總值比重穩定", "zh-Hant"),
])
def test_what_follows_zhan_is_the_whole_of_a_share_not_its_subject(sentence, quote, indicator, lang):
    f = assign_codes([_fact(quote, sentence, indicator, "percent", "share", lang)])[0]
    assert f["indicator_code"] is None


def test_the_english_share_of_gdp_is_not_gdp_either():
    assert code_en("manufacturing value added as a share of GDP", "percent") is None


def test_a_planned_figure_and_its_growth_share_the_topic():
    s = "明年的粮食总产量，拟定为七亿吨，比今年增长百分之二。"
    facts = assign_codes([_fact("七亿吨", s, "拟定", "tonne"),
                          _fact("百分之二", s, "比今年增长", "percent", "growth")])
    assert [f["indicator_code"] for f in facts] == ["grain_output", "grain_output"]


def test_gross_national_income_carries_its_nbs_code():
    assert catalog.by_code()["gnp"].nbs == "hgnd:A020101"


@pytest.mark.parametrize("sentence, lang", [
    ("明年发电量拟定为九千亿度，将比今年增长百分之六。", "zh-Hans"),
    ("明年發電量擬定為九千億度，將比今年增長百分之六。", "zh-Hant"),
])
def test_the_topic_clause_may_state_its_own_value_before_the_growth(sentence, lang):
    quote = "百分之六"
    f = assign_codes([_fact(quote, sentence, "将比今年增长", "percent", "growth", lang)])[0]
    assert f["indicator_code"] == "electricity_generation"


@pytest.mark.parametrize("sentence, lang", [
    ("这批工厂投产后新增加的生产能力有：生铁九十万吨，钢八十万吨。", "zh-Hans"),
    ("這批工廠投產後新增加的生產能力有：生鐵九十萬噸，鋼八十萬噸。", "zh-Hant"),
])
def test_the_items_of_a_list_of_new_capacity_are_no_output(sentence, lang):
    iron, steel = ("九十万吨", "八十万吨") if lang == "zh-Hans" else ("九十萬噸", "八十萬噸")
    facts = assign_codes([_fact(iron, sentence, "生铁", "tonne", lang=lang),
                          _fact(steel, sentence, "钢", "tonne", lang=lang)])
    assert [f["indicator_code"] for f in facts] == [None, None]


def test_a_capacity_named_in_such_a_list_is_still_a_capacity_and_outside_it_output_is_output():
    s = "新增加的生产能力有：发电设备能力六十万千瓦。"
    assert assign_codes([_fact("六十万千瓦", s, "发电设备能力", "kw")])[0]["indicator_code"] == "power_capacity"
    s2 = "今年生铁九十万吨，钢八十万吨。"
    assert assign_codes([_fact("八十万吨", s2, "钢", "tonne")])[0]["indicator_code"] == "steel_output"


def test_the_capacity_concepts_of_the_rules_are_in_the_catalog():
    from pipeline.curate.catalog import load_rules
    assert set(load_rules()["capacity_concepts"]) <= set(catalog.by_code())


@pytest.mark.parametrize("indicator, unit, code", [
    ("新增加的采煤能力", "tonne", "coal_capacity"),
    ("新增加的發電設備能力", "kw", "power_capacity"),
    ("棉纱产量", "count", "cotton_yarn_output"),       # yarn is counted in bales (件)
    ("棉紗產量", "count", "cotton_yarn_output"),
])
def test_newly_added_capacity_and_yarn_in_bales(indicator, unit, code):
    assert _code(code_zh(indicator, unit)) == code


@pytest.mark.parametrize("sentence, lang", [
    ("工业增加值增长8%，高于全省平均水平1个百分点。", "zh-Hans"),
    ("工業增加值增長8%，高於全省平均水平1個百分點。", "zh-Hant"),
])
def test_a_gap_to_the_average_is_not_read_as_the_concept_before_it(sentence, lang):
    pp = "1个百分点" if lang == "zh-Hans" else "1個百分點"
    ind = "高于全省平均水平" if lang == "zh-Hans" else "高於全省平均水平"
    facts = assign_codes([_fact("8%", sentence, "工业增加值增长", "percent", "growth", lang),
                          _fact(pp, sentence, ind, "percentage_point", "change", lang)])
    assert [f["indicator_code"] for f in facts] == ["va_industry", None]


@pytest.mark.parametrize("sentence, first, second, ind1, ind2, units, code, lang", [
    ("今年拟安排财政赤字8000亿元，比上年预算减少500亿元。", "8000亿元", "500亿元", "拟安排财政赤字",
     "比上年预算减少", ("CNY", "CNY"), "fiscal_deficit", "zh-Hans"),
    ("今年擬安排財政赤字8000億元，比上年預算減少500億元。", "8000億元", "500億元", "擬安排財政赤字",
     "比上年預算減少", ("CNY", "CNY"), "fiscal_deficit", "zh-Hant"),
    ("赤字率拟按3%安排，比去年预算低0.2个百分点。", "3%", "0.2个百分点", "赤字率拟按", "比去年预算低",
     ("percent", "percentage_point"), "deficit_ratio", "zh-Hans"),
    ("教育支出为50亿元，同1990年比较增长12%。", "50亿元", "12%", "教育支出", "同1990年比较增长",
     ("CNY", "percent"), "education_spending", "zh-Hans"),
    ("固定资产投资增长20%，增幅比一季度回落3个百分点。", "20%", "3个百分点", "固定资产投资增长",
     "增幅比一季度回落", ("percent", "percentage_point"), "fixed_asset_investment", "zh-Hans"),
    ("農作物播種總面積為20億畝，比上一年增加1000萬畝。", "20億畝", "1000萬畝", "農作物播種總面積",
     "比上一年增加", ("hectare", "hectare"), "sown_area", "zh-Hant"),
])
def test_comparisons_with_a_budget_a_year_or_a_quarter_continue_the_value_before(sentence, first, second, ind1,
                                                                                  ind2, units, code, lang):
    facts = assign_codes([_fact(first, sentence, ind1, units[0], lang=lang),
                          _fact(second, sentence, ind2, units[1], "change", lang)])
    assert [f["indicator_code"] for f in facts] == [code, code]


def test_the_best_of_several_provinces_is_not_the_concept_of_the_clause_before():
    s = "有三分之一的省，粮食产量平均每年的增长速度都在百分之四以上，高的达到百分之五。"
    f = assign_codes([_fact("百分之五", s, "高的", "percent", "growth")])[0]
    assert f["indicator_code"] is None


@pytest.mark.parametrize("indicator, unit, code", [
    ("全国财政用于教育支出", "CNY", "education_spending"),
    ("國家財政用於社會保障支出", "CNY", "social_security_spending"),
])
def test_spending_of_all_public_finance_on_a_purpose_is_that_purpose_s_spending(indicator, unit, code):
    assert _code(code_zh(indicator, unit)) == code


@pytest.mark.parametrize("indicator", ["中央财政用于教育的支出", "中央財政用於教育的支出"])
def test_the_central_government_s_part_is_not_the_whole(indicator):
    assert code_zh(indicator, "CNY") is None


@pytest.mark.parametrize("sentence, quote, indicator, unit, code, lang", [
    ("农民人均纯收入，考虑价格下降因素比上年实际增长6%。", "6%", "考虑价格下降因素比上年实际增长", "percent",
     "net_income_pc_rural", "zh-Hans"),
    ("農民人均純收入，考慮價格下降因素比上年實際增長6%。", "6%", "考慮價格下降因素比上年實際增長", "percent",
     "net_income_pc_rural", "zh-Hant"),
    ("全国财政收入达到9000亿元，按可比口径增加800亿元。", "800亿元", "按可比口径增加", "CNY", "fiscal_revenue",
     "zh-Hans"),
    ("棉花总产量在上年增产的基础上，又增产5%。", "5%", "又增产", "percent", "cotton_output", "zh-Hans"),
    ("棉花總產量在上年增產的基礎上，又增產5%。", "5%", "又增產", "percent", "cotton_output", "zh-Hant"),
])
def test_price_factors_comparable_scope_and_a_basis_are_measure_words(sentence, quote, indicator, unit, code, lang):
    f = assign_codes([_fact(quote, sentence, indicator, unit, "growth", lang)])[0]
    assert f["indicator_code"] == code


@pytest.mark.parametrize("indicator, unit, code", [
    ("本外币贷款余额", "CNY", "loans"),
    ("本外幣存款餘額", "CNY", "deposits"),
    ("月末人民币存款余额增长", "percent", "deposits"),
    ("季末人民幣貸款餘額", "CNY", "loans"),
    ("初步统计社会融资规模存量", "CNY", "social_financing"),
    ("金融机构本外币贷款余额3月末", "CNY", "loans"),
    ("金融機構本外幣存款餘額比年初增減額", "CNY", "deposits"),
])
def test_the_words_of_monetary_statistics(indicator, unit, code):
    assert _code(code_zh(indicator, unit)) == code


@pytest.mark.parametrize("sentence, first, second, lang", [
    ("上半年人民币贷款增加9万亿元，同比多增5000亿元。", "9万亿元", "5000亿元", "zh-Hans"),
    ("上半年人民幣貸款增加9萬億元，同比多增5000億元。", "9萬億元", "5000億元", "zh-Hant"),
])
def test_more_than_a_year_earlier_continues_the_new_loans_before(sentence, first, second, lang):
    ind = "上半年人民币贷款增加" if lang == "zh-Hans" else "上半年人民幣貸款增加"
    facts = assign_codes([_fact(first, sentence, ind, "CNY", "change", lang),
                          _fact(second, sentence, "同比多增", "CNY", "change", lang)])
    assert [f["indicator_code"] for f in facts] == ["loans", "loans"]


@pytest.mark.parametrize("indicator", ["China's economy shrank", "the economy will slow", "the world economy would grow",
                                       "the economy expanded"])
def test_the_economy_with_a_verb_of_growth_is_gdp(indicator):
    assert _code(code_en(indicator, "percent")) == "gdp"
    assert _code(code_en("deposits outstanding", "CNY")) == "deposits"



@pytest.mark.parametrize("indicator, unit, code", [
    ("进出口贸易总值 1-3月", "USD", "trade_total"),
    ("進出口貿易總值 1-4月", "USD", "trade_total"),
    ("出口 1-3月", "USD", "exports"),
])
def test_a_span_of_months_after_the_name_is_a_measure_word(indicator, unit, code):
    assert _code(code_zh(indicator, unit)) == code


@pytest.mark.parametrize("sentence, growth, gap, lang", [
    ("广义货币(M2)同比增长8%，比上年同期高1个百分点。", "8%", "1个百分点", "zh-Hans"),
    ("廣義貨幣(M2)同比增長8%，比上年同期高1個百分點。", "8%", "1個百分點", "zh-Hant"),
])
def test_a_gap_to_a_year_earlier_continues_the_growth_before(sentence, growth, gap, lang):
    ind = "广义货币(M2)同比增长" if lang == "zh-Hans" else "廣義貨幣(M2)同比增長"
    ind2 = "比上年同期高"
    facts = assign_codes([_fact(growth, sentence, ind, "percent", "growth", lang),
                          _fact(gap, sentence, ind2, "percentage_point", "change", lang)])
    assert [f["indicator_code"] for f in facts] == ["m2", "m2"]
