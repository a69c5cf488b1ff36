"""Error classes found by the held-out evaluation (tests/heldout: eight documents the extractor never saw, micro
F1 0.35 against 1.0 on raw/). Each test states one general rule in sentences of our own. When one fails, fix the
rule, not the sentence."""
import pytest


# -- years that govern a whole document -------------------------------------------------------------------------

@pytest.mark.parametrize("conv", ["hans", "hant"])
def test_report_year_in_title_governs_later_paragraphs(ex, conv):
    title = "某省2023年国民经济和社会发展统计公报"
    text = title + "\n\n一、综合\n\n全年全省粮食总产量2150.3万吨，比上年增长1.2%。\n\n二、工业\n\n年末全省发电装机容量达到6100万千瓦。"
    if conv == "hant":
        title, text = ex.hant(title), ex.hant(text)
    fs = ex.facts(text, title=title)
    assert fs and {f.year for f in fs} == {2023}, [(f.quote, f.year) for f in fs]


def test_dateline_year_governs_bare_months_en(ex):
    text = ("BEIJING, May 17, 2024 — Industrial output grew 6.7 percent in April from a year earlier.\n\n"
            "Retail sales rose 2.3 percent in April.")
    fs = ex.facts(text)
    assert [(f.value, f.year) for f in fs] == [(6.7, 2024), (2.3, 2024)]


@pytest.mark.parametrize("conv", ["hans", "hant"])
def test_quarter_and_half_year_take_the_documents_year(ex, conv):
    text = "2024年上半年，我国货物贸易进出口总值21.17万亿元。\n\n其中，一季度进出口10.17万亿元。"
    fs = ex.facts(ex.hant(text) if conv == "hant" else text)
    assert {f.year for f in fs} == {2024}, [(f.quote, f.year) for f in fs]


def test_bare_roc_year_in_a_document_that_uses_the_roc_calendar(ex):
    text = "民國113年製造業產值概況\n\n113年出口總值4,100億美元，較112年減少2.1%。"
    fs = ex.facts(text, title="民國113年製造業產值概況")
    assert [(f.quote, f.year) for f in fs] == [("4,100億美元", 2024), ("2.1%", 2024)]


@pytest.mark.parametrize("conv", ["hans", "hant"])
def test_a_comparison_base_year_does_not_become_the_values_year(ex, conv):
    text = "2023年，全市工业总产值达到5000亿元，为2018年的1.6倍。"
    fs = ex.facts(ex.hant(text) if conv == "hant" else text)
    assert {(f.raw_value, f.year) for f in fs} == {(5000.0, 2023), (1.6, 2023)}


def test_from_a_in_year_to_b_in_year_gives_each_its_own_year_en(ex):
    fs = ex.facts("The urbanization rate rose from 56.1% in 2015 to 66.2% in 2023.")
    assert [(f.value, f.year) for f in fs] == [(56.1, 2015), (66.2, 2023)]


# -- currencies and scales of Hong Kong and Taiwan --------------------------------------------------------------

def test_yuan_in_a_hong_kong_budget_is_hkd(ex):
    title = "香港特別行政區政府2024-25年度財政預算案"
    text = title + "\n\n政府開支預計為7,500億元。每名合資格人士可獲HK$2,000電子消費券。"
    fs = ex.facts(text, title=title)
    assert [(f.value, f.unit) for f in fs] == [(7.5e11, "HKD"), (2000.0, "HKD")]


def test_new_taiwan_dollars_and_the_zhao_scale(ex):
    fs = ex.facts("112年全年出口總值達新臺幣23兆9,576億元，平均每人薪資5萬5,823元。",
                  title="民國112年經濟統計")
    assert [(f.value, f.unit) for f in fs] == [(2.39576e13, "TWD"), (55823.0, "TWD")]


# -- numbers ----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,value,unit", [
    ("全国粮食产量计划达到三亿六千万吨。", 3.6e8, "tonne"),
    ("五年内毕业研究生四万五千人。", 45000.0, "person"),
    ("钢产量由二亿一千七百万吨增加到。", 2.17e8, "tonne"),
])
def test_compound_chinese_numerals(ex, text, value, unit):
    f = ex.one(text)
    assert (f.value, f.unit) == (value, unit)


@pytest.mark.parametrize("text,value", [("去年经济增长8 ．8 ％。", 8.8), ("工业增加值平均每年增长1 5 ．3 ％。", 15.3)])
def test_ocr_spaced_digits(ex, text, value):
    assert ex.one(text).value == value


# -- structure --------------------------------------------------------------------------------------------------

def test_percent_to_level_is_two_facts_not_a_range_en(ex):
    fs = ex.facts("Crude steel output fell 7.2 percent to 92.8 million tonnes.")
    got = sorted((f.unit, f.value, f.value_high) for f in fs)
    assert got == [("percent", -7.2, None), ("tonne", 9.28e7, None)]


@pytest.mark.parametrize("text", ["出口年減12.1%。", "出口較上年衰退3.5%。"])
def test_taiwan_decline_words(ex, text):
    f = ex.one(text)
    assert f.value < 0 and f.measure == "growth"


@pytest.mark.parametrize("text", ["重点发展汽车及零部件产业。", "擴大零件與模組出口。"])
def test_ling_in_words_is_not_zero(ex, text):
    assert ex.facts(text) == []


def test_target_cue_applies_to_its_own_clause_en(ex):
    fs = ex.facts("Output grew 6.7 percent in 2023, and the government aims to raise it by 5 percent in 2024.")
    assert [(f.value, f.is_target) for f in fs] == [(6.7, False), (5.0, True)]


# -- round 2: a second blind evaluation (documents kept outside the repository; micro F1 0.68, 0.92 ignoring years) --

@pytest.mark.parametrize("header", ["December 2024", "SHANGHAI, Dec 3, 2024 (Newswire) —", "Oct 30, 2024"])
def test_document_date_forms_en(ex, header):
    text = (f"{header}\n\nChina Outlook\n\nThe surplus is projected to narrow to around 1.6 percent of GDP this year, "
            "from 2.1 percent a year ago.")
    fs = ex.facts(text)
    assert [(f.value, f.year) for f in fs] == [(1.6, 2024), (2.1, 2023)]


def test_a_years_own_sentence_beats_the_previous_sentence_en(ex):
    text = ("Beijing, March 2, 2025 — For 2025, the company expects slower growth. "
            "Revenue grew 5.8% to 3.68 trillion yuan in 2024.")
    fs = ex.facts(text)
    assert [(f.quote, f.year) for f in fs] == [("5.8%", 2024), ("3.68 trillion yuan", 2024)]


@pytest.mark.parametrize("conv", ["hans", "hant"])
def test_numbered_list_lines_inherit_the_lead_in_year(ex, conv):
    text = "2020年，各区域数字经济规模如下：\n（1）东部地区：规模达到20.1万亿元；\n（2）中部地区：规模达到6.5万亿元。"
    fs = ex.facts(ex.hant(text) if conv == "hant" else text)
    assert [(f.value, f.year) for f in fs] == [(2.01e13, 2020), (6.5e12, 2020)]


def test_quarter_takes_the_dateline_year_zh_hant(ex):
    text = "本報訊 2024年11月29日\n\n統計局公布，第三季服務出口年增9.1%，貨物出口年減2.3%。"
    fs = ex.facts(text)
    assert [(f.value, f.year) for f in fs] == [(9.1, 2024), (-2.3, 2024)]


@pytest.mark.parametrize("text,value", [
    ("2024年前三季度，入境旅客人次相当于2019年同期的77.5%。", 77.5),
    ("In 2024 the participation rate was two percentage points higher than in 2019.", 2.0),
])
def test_the_comparison_base_year_is_not_the_values_year(ex, text, value):
    f = ex.one(text)
    assert (f.value, f.year) == (value, 2024)


def test_next_year_is_resolved_against_the_document_date_en(ex):
    f = ex.one("November 5, 2024\n\nThe carmaker expects to deliver 900,000 units next year.")
    assert (f.value, f.year, f.is_target) == (900000.0, 2025, True)


@pytest.mark.parametrize("conv", ["hans", "hant"])
def test_work_plan_heading_year_makes_targets(ex, conv):
    text = "二、2025年工作安排\n\n力争新增规上工业企业50家，完成固定资产投资150亿元以上。"
    fs = ex.facts(ex.hant(text) if conv == "hant" else text)
    assert [(f.value, f.year, f.is_target) for f in fs] == [(50.0, 2025, True), (1.5e10, 2025, True)]


@pytest.mark.parametrize("text,value", [("本地生產總值為2,914.6億澳門元。", 2.9146e11), ("財政收入約MOP 1,148億。", 1.148e11)])
def test_macau_pataca(ex, text, value):
    f = ex.one(text)
    assert (f.value, f.unit) == (value, "MOP")


@pytest.mark.parametrize("text,value,unit", [
    ("Outstanding loans reached US$3.3tn.", 3.3e12, "USD"),
    ("The fund will mobilise CNY 10tn.", 1e13, "CNY"),
    ("A record 11.79m college graduates entered the job market.", 1.179e7, "person"),
])
def test_abbreviated_scales_glued_to_the_number_en(ex, text, value, unit):
    f = ex.one(text)
    assert (f.value, f.unit) == (value, unit)


def test_cuts_in_basis_points_and_declines_in_ranges_are_negative_en(ex):
    f = ex.one("The central bank cut the loan prime rate by 20 basis points.")
    assert (f.value, f.unit) == (-20.0, "basis_point")
    g = ex.one("Analysts expect sales to decline by 20-25 percent.")
    assert sorted([g.value, g.value_high]) == [-25.0, -20.0]


@pytest.mark.parametrize("text,value,unit", [
    ("Core inflation eased by half a percentage point.", 0.5, "percentage_point"),
    ("城镇化率高于全省平均两个百分点。", 2.0, "percentage_point"),
])
def test_numbers_in_words(ex, text, value, unit):
    f = ex.one(text)
    assert (abs(f.value), f.unit) == (value, unit)


@pytest.mark.parametrize("conv", ["hans", "hant"])
def test_bare_scale_word_as_the_number(ex, conv):
    text = "全县旅游收入首次突破百亿元。"
    f = ex.one(ex.hant(text) if conv == "hant" else text)
    assert (f.value, f.unit, f.qualifier) == (1e10, "CNY", ">=")


def test_between_a_and_b_is_one_range_en(ex):
    f = ex.one("The government set a growth target of between 5% and 6% for 2025.")
    assert (f.value, f.value_high, f.year, f.is_target) == (5.0, 6.0, 2025, True)


@pytest.mark.parametrize("text", ["Deliveries of the Aurora 7 sedan began in June.",
                                  "Delegates gathered for the two sessions in Beijing.",
                                  "The ministry published its 2025 targets on Monday."])
def test_names_and_set_phrases_are_not_counts_en(ex, text):
    assert ex.facts(text) == []


def test_exchange_rate_per_dollar_en(ex):
    f = ex.one("The yuan weakened to 7.27 yuan per US dollar.")
    assert (f.value, f.unit) == (7.27, "CNY/USD")


@pytest.mark.parametrize("text,region", [
    ("China's current account surplus narrowed to 1.4 percent of GDP in 2023.", "China"),
    ("国家统计局今天发布，1—10月份，全国规模以上工业增加值同比增长5.8%。", "China"),
])
def test_national_figures_are_about_china(ex, text, region):
    assert ex.one(text).region == region


@pytest.mark.parametrize("text,qualifier", [("Shipments topped 21.4 million units.", ">="),
                                            ("出口额约为进口额的2.4倍。", "~")])
def test_more_qualifier_cues(ex, text, qualifier):
    assert ex.one(text).qualifier == qualifier


# -- round 3: a third blind evaluation (micro F1 0.80, 0.977 ignoring years): English dates and time frames,
# -- Chinese lists under a dated lead-in, forecast cues, spelled fractions --------------------------------------

@pytest.mark.parametrize("header", [
    "PORT ECONOMY MONTHLY\nNovember 2024",
    "Chipmaker lifts its dividend\nBy a staff reporter\nSINGAPORE, Nov 18, 2024",
    "Chipmaker lifts its dividend\n\nPublished 18 November 2024",
    "Chipmaker lifts its dividend\nUpdated: November 18, 2024",
    "Chipmaker lifts its dividend\nA short standfirst line about the results.\nPosted Nov. 18, 2024",
])
def test_document_date_below_the_headline_en(ex, header):
    text = (f"{header}\n\nThe jobless rate stood at 4.9 percent in October. Shipments rose 8.2% last year. "
            "The board expects sales to grow 6% next year.")
    fs = ex.facts(text)
    assert [(f.value, f.year, f.is_target) for f in fs] == [(4.9, 2024, False), (8.2, 2023, False), (6.0, 2025, True)]


def test_a_side_clause_year_does_not_date_the_main_clause_en(ex):
    text = ("March 3, 2025\n\nThe port city grew quickly last year. "
            "Its new district, which opened in 2018, saw output expand 6.1% to 410 billion yuan.")
    fs = ex.facts(text)
    assert [(f.value, f.year) for f in fs] == [(6.1, 2024), (4.1e11, 2024)]


def test_a_forecast_sentence_does_not_date_the_reported_results_en(ex):
    text = "Shenzhen, Feb 20, 2025 — For 2025, brokers expect weaker demand. Profit rose 7.4% to 9.1 billion yuan."
    fs = ex.facts(text)
    assert [(f.value, f.year, f.is_target) for f in fs] == [(7.4, 2024, False), (9.1e9, 2024, False)]


def test_later_periods_in_a_dated_story_take_the_story_year_en(ex):
    text = ("TIANJIN, Nov 12, 2024\n\nIn 2022, the province drew 18 billion dollars of investment. "
            "In the quarter, shipments rose 3.9%. In September, imports fell 2.2% year-on-year.")
    fs = ex.facts(text)
    assert [(f.value, f.year) for f in fs] == [(1.8e10, 2022), (3.9, 2024), (-2.2, 2024)]


def test_a_period_in_the_same_sentence_as_its_year_keeps_that_year_en(ex):
    text = "TIANJIN, Nov 12, 2024\n\nIn 2022, shipments rose 3.9% in the third quarter."
    assert ex.one(text).year == 2022


@pytest.mark.parametrize("conv", ["hans", "hant"])
@pytest.mark.parametrize("text", [
    "2021年全县主要指标完成情况（见表3）：\n\n（1）农业增加值增长4.4%；（2）一般公共预算收入增长8.8%。",
    "2021年，全县重点工作进展顺利：\n一是农业增加值增长4.4%；\n二是一般公共预算收入增长8.8%。",
    "全县2021年发展情况如下：\n\n1. 农业增加值增长4.4%。\n\n2. 一般公共预算收入增长8.8%。",
])
def test_list_items_take_the_lead_in_year(ex, conv, text):
    fs = ex.facts(ex.hant(text) if conv == "hant" else text)
    assert [(f.value, f.year) for f in fs] == [(4.4, 2021), (8.8, 2021)]


@pytest.mark.parametrize("text", [
    "Oct 8, 2024\n\nThe miner guided for full-year output of at least 3.2 million tonnes.",
    "Oct 8, 2024\n\nThe consensus estimate puts retail sales growth at 3.6 percent.",
    "Oct 8, 2024\n\nAnalysts see more orders, implying roughly 9 percent growth.",
])
def test_forecast_cues_make_targets_en(ex, text):
    f = ex.one(text)
    assert f.is_target and f.year == 2024


def test_a_past_cut_is_not_a_target_en(ex):
    f = ex.one("Oct 8, 2024\n\nThe central bank cut the reserve ratio to 6.6 percent in September.")
    assert (f.is_target, f.year) == (False, 2024)


@pytest.mark.parametrize("text,value,qualifier", [
    ("Exports make up a fifth of output.", 20.0, "="),
    ("Car sales dropped roughly a tenth.", -10.0, "~"),
    ("Land revenue fell by half.", -50.0, "="),
])
def test_spelled_fractions_en(ex, text, value, qualifier):
    f = ex.one(text)
    assert (f.value, f.unit, f.qualifier) == (value, "percent", qualifier)


@pytest.mark.parametrize("text,value,unit", [
    ("Bond yields dropped by 12 basis points.", -12.0, "basis_point"),
    ("The jobless rate fell by 0.2 percentage points.", -0.2, "percentage_point"),
    ("Shares closed at HK$312.60 on Friday.", 312.6, "HKD"),
    ("Profit rose 9% to HK$4.1 billion.", 4.1e9, "HKD"),
])
def test_declines_in_points_and_hong_kong_prices_en(ex, text, value, unit):
    f = [f for f in ex.facts(text) if f.unit == unit][0]
    assert f.value == value


@pytest.mark.parametrize("text", ["The ministry set out its 2030 targets.", "The Falcon 9 rocket launched on time.",
                                  "Deliveries of the Orion 5 crossover started."])
def test_years_and_model_names_are_not_counts_en(ex, text):
    assert ex.facts(text) == []


@pytest.mark.parametrize("conv", ["hans", "hant"])
@pytest.mark.parametrize("text", ["全区构建“一核、两带、三中心”的发展格局。", "打造“一主两副”空间布局。", "形成“一核两翼多点”格局。"])
def test_numbered_slogans_are_not_counts(ex, conv, text):
    assert ex.facts(ex.hant(text) if conv == "hant" else text) == []


@pytest.mark.parametrize("conv", ["hans", "hant"])
def test_kuai_is_a_measure_word_not_yuan(ex, conv):
    text = "展厅新装3块屏幕，投资200万元。"
    fs = ex.facts(ex.hant(text) if conv == "hant" else text)
    assert [(f.value, f.unit) for f in fs] == [(2e6, "CNY")]


@pytest.mark.parametrize("conv", ["hans", "hant"])
def test_higher_than_an_average_is_an_exact_difference(ex, conv):
    text = "居民收入增速高于全省平均1.3个百分点。"
    f = ex.one(ex.hant(text) if conv == "hant" else text)
    assert (f.value, f.unit, f.qualifier) == (1.3, "percentage_point", "=")


@pytest.mark.parametrize("text,indicator", [
    ("The provincial government has invested about 3 billion yuan.", "provincial government"),
    ("Local lenders approved 1.2 billion yuan in loans.", "Local lenders"),
    ("Value added rose 4.1 percent.", "Value added"),
])
def test_the_clause_verb_is_not_part_of_the_indicator_en(ex, text, indicator):
    assert ex.one(text).indicator == indicator


@pytest.mark.parametrize("text", ["The two forces of supply and demand meet.", "Three drivers of growth stand out."])
def test_abstract_nouns_are_not_counts_en(ex, text):
    assert ex.facts(text) == []


def test_a_since_year_dates_neither_its_sentence_nor_the_next_en(ex):
    text = "WUHAN, May 6, 2024\n\nSince 2020, the city has built 41 new depots. Freight volume narrowed to 62 million tonnes."
    fs = ex.facts(text)
    assert [(f.value, f.year) for f in fs] == [(41.0, None), (6.2e7, 2024)]


def test_a_month_after_the_story_month_is_last_year_en(ex):
    f = ex.one("WUHAN, Jan 16, 2025\n\nIn December, shipments rose 8.3 percent.")
    assert f.year == 2024


def test_a_far_target_does_not_date_the_next_reported_value_en(ex):
    text = "WUHAN, May 6, 2024\n\nBy 2028, the city aims to run 400 charging hubs. Sales of electric buses rose 22 percent."
    fs = ex.facts(text)
    assert [(f.value, f.year, f.is_target) for f in fs] == [(400.0, 2028, True), (22.0, 2024, False)]


_BODY = ("全县上下坚持稳中求进工作总基调，统筹推进经济发展和民生改善，各项事业全面进步，人民生活持续改善，"
         "社会大局和谐稳定，为今后发展打下了坚实基础。\n\n")


@pytest.mark.parametrize("conv", ["hans", "hant"])
@pytest.mark.parametrize("items", [
    "2021年全县主要指标完成情况（见表3）：\n\n（1）农业增加值增长4.4%；\n\n（2）工业增加值增长8.8%；\n\n（3）新增企业120家。",
    "2021年，全县重点工作进展顺利。\n一是农业增加值增长4.4%。\n二是工业增加值增长8.8%。\n三是新增企业120家。",
    "2021年全县主要指标如下：\n1.农业增加值增长4.4%。\n2.工业增加值增长8.8%。\n3.新增企业120家。",
])
def test_list_items_deep_in_a_document_take_the_lead_in_year(ex, conv, items):
    text = "某县情况通报\n\n" + _BODY + items
    fs = ex.facts(ex.hant(text) if conv == "hant" else text)
    assert [(f.value, f.year) for f in fs] == [(4.4, 2021), (8.8, 2021), (120.0, 2021)]


def test_bullets_take_the_lead_in_year_en(ex):
    text = ("Provincial review\n\nThe province kept its economy on an even keel while it reformed state firms, cut "
            "red tape and opened new trade corridors to inland markets.\n\n"
            "Key results in 2022 were as follows:\n- Exports rose 7.2%.\n- Freight volume climbed 4.5%.")
    fs = ex.facts(text)
    assert [(f.value, f.year) for f in fs] == [(7.2, 2022), (4.5, 2022)]


@pytest.mark.parametrize("header", ["October 30 2024", "Oct 30th, 2024", "OCT 30, 2024", "Published: 2024/10/30",
                                    "DECEMBER 2024"])
def test_more_document_date_forms_en(ex, header):
    f = ex.one(f"Port traffic review\nBy a staff writer\n{header}\n\nContainer throughput rose 6.4% last year.")
    assert f.year == 2023


_LONG_BODY = ("全县上下坚持稳中求进工作总基调，统筹推进经济发展和民生改善，各项事业全面进步，人民生活持续改善，"
              "社会大局和谐稳定，营商环境持续优化，城乡面貌焕然一新，为今后发展打下了坚实基础。\n\n")


@pytest.mark.parametrize("conv", ["hans", "hant"])
def test_a_section_heading_year_dates_its_section(ex, conv):
    text = ("某县政府工作报告\n\n" + _LONG_BODY + _LONG_BODY + "一、2022年工作回顾\n\n全县地区生产总值达到350亿元。\n\n"
            "二、2023年工作安排\n\n力争新增规上工业企业50家。")
    fs = ex.facts(ex.hant(text) if conv == "hant" else text)
    assert [(f.value, f.year, f.is_target) for f in fs] == [(3.5e10, 2022, False), (50.0, 2023, True)]


@pytest.mark.parametrize("conv", ["hans", "hant"])
def test_data_rows_under_a_dated_heading(ex, conv):
    text = "某县统计资料\n\n" + _LONG_BODY + _LONG_BODY + "2022年主要经济指标\n地区生产总值 350亿元\n一般公共预算收入 21亿元"
    fs = ex.facts(ex.hant(text) if conv == "hant" else text)
    assert [(f.value, f.year) for f in fs] == [(3.5e10, 2022), (2.1e9, 2022)]


def test_a_numbered_heading_without_a_year_does_not_reach_past_itself_en(ex):
    text = ("Services brief\nPublished 14 March 2024\n\n1. Overview\n\nThe shift to services continued in 2023 and "
            "in the years before it, with wide gaps between provinces and sectors.\n\n2. Trade\n\n"
            "Services exports account for about 30% of the total.")
    assert ex.one(text, "30%").year is None


@pytest.mark.parametrize("sentence", [
    "In the first 10 months, fixed-asset investment grew 3.4 percent.",
    "Fixed-asset investment grew 3.4 percent in the January-October period.",
    "Fixed-asset investment grew 3.4 percent last month.",
    "Year to date, fixed-asset investment is up 3.4 percent.",
])
def test_story_periods_in_words_take_the_story_year_en(ex, sentence):
    text = "CHENGDU, Nov 15, 2024\n\nIn 2021, the plan was first drafted. " + sentence
    assert ex.one(text, "3.4 percent").year == 2024


def test_last_month_in_a_january_story_is_last_year_en(ex):
    assert ex.one("CHENGDU, Jan 9, 2025\n\nCar sales fell 2.2 percent last month.").year == 2024


def test_quarters_are_a_duration_not_a_count_en(ex):
    assert ex.quotes("Over the first three quarters, output expanded 4.8 percent.") == ["4.8 percent"]


def test_under_the_guidance_of_is_not_a_forecast_en(ex):
    f = ex.one("Under the guidance of the ministry, the county invested 2.4 billion yuan in 2022.")
    assert (f.is_target, f.year) == (False, 2022)


def test_a_past_plan_sentence_still_dates_the_next_report_en(ex):
    text = "XIAMEN, May 6, 2024\n\nIn 2022, the port said it would add new berths. Container throughput rose 3.2%."
    assert ex.one(text).year == 2022


# ---- round 5 ----------------------------------------------------------------------------------------------

_DATED_2024 = "NANNING, April 2, 2024\n\n"


@pytest.mark.parametrize("sentence,quote", [
    ("The region set a target of export growth of between 5% and 6% this year.", "5% and 6%"),
    ("The county aims for retail sales growth of 5-6% this year.", "5-6%"),
    ("The prefecture targets investment growth of between 5 and 6 percent this year.", "5 and 6 percent"),
    ("The port targets throughput growth of 5 to 6 per cent this year.", "5 to 6 per cent"),
])
def test_target_ranges_this_year_en(ex, sentence, quote):
    f = ex.one(_DATED_2024 + sentence, quote)
    assert (f.value, f.value_high, f.year, f.is_target) == (5, 6, 2024, True)


def test_observed_range_is_not_a_target_en(ex):
    f = ex.one(_DATED_2024 + "Farm incomes rose 5 to 6 per cent last year.", "5 to 6 per cent")
    assert (f.value, f.value_high, f.year, f.is_target) == (5, 6, 2023, False)


@pytest.mark.parametrize("sentence,quote,value", [
    ("The lender lowered its loan rate by 20 basis points.", "20 basis points", -20),
    ("The regulator trimmed the reserve ratio by 0.25 percentage point.", "0.25 percentage point", -0.25),
    ("The city slashed the fee by 15 per cent.", "15 per cent", -15),
    ("The bank reduced the rate by 10 basis points.", "10 basis points", -10),
    ("The trade gap narrowed by half a percentage point.", "half a percentage point", -0.5),
    ("Factory margins posted a drop of 2.5 percentage points.", "2.5 percentage points", -2.5),
    ("Farm prices saw a decline of 1.2 per cent.", "1.2 per cent", -1.2),
    ("Hotel occupancy recorded a fall of 4 percentage points.", "4 percentage points", -4),
    ("The jobless rate was down 0.3 percentage point.", "0.3 percentage point", -0.3),
    ("The bank raised its deposit rate by 25 basis points.", "25 basis points", 25),
    ("The lender lifted the rate by 10 basis points.", "10 basis points", 10),
    ("Tourist arrivals saw a rise of 7.5 per cent.", "7.5 per cent", 7.5),
])
def test_signed_changes_with_other_verbs_en(ex, sentence, quote, value):
    f = ex.one(_DATED_2024 + sentence, quote)
    assert (f.value, f.year, f.is_target) == (value, 2024, False)


@pytest.mark.parametrize("sentence,quote,year", [
    ("Outstanding loans stood at 3 trillion yuan at end-2022.", "3 trillion yuan", 2022),
    ("Deposits reached 5 trillion yuan at the end of 2022.", "5 trillion yuan", 2022),
    ("Bond holdings were 2 trillion yuan as of end-2022.", "2 trillion yuan", 2022),
    ("Reserves were 3.2 trillion dollars at end-June 2023.", "3.2 trillion dollars", 2023),
    ("At end-2022, the fund held 4 billion yuan.", "4 billion yuan", 2022),
])
def test_end_of_year_anchors_en(ex, sentence, quote, year):
    assert ex.one(_DATED_2024 + sentence, quote).year == year


def test_a_forecast_next_year_dates_both_numbers_en(ex):
    fs = ex.facts(_DATED_2024 + "Park revenue is expected to rise by 8% to 39.5 billion yuan next year.")
    assert [(f.quote, f.year, f.is_target) for f in fs] == [("8%", 2025, True), ("39.5 billion yuan", 2025, True)]


def test_a_sentence_setting_this_years_targets_marks_all_its_values_en(ex):
    f = ex.one(_DATED_2024 + "The province targets GDP growth of 5% this year and at least 1.1 million urban jobs.",
               "1.1 million urban jobs")
    assert (f.value, f.year, f.is_target, f.qualifier) == (1100000, 2024, True, ">=")


def test_by_a_number_of_points_is_no_deadline_en(ex):
    f = ex.one(_DATED_2024 + "The central bank cut the rate by 20 basis points.")
    assert (f.is_target, f.year) == (False, 2024)


@pytest.mark.parametrize("text,quotes", [
    ("2023年，全省41个大类行业中有33个行业增加值增长。", ["41个", "33个"]),
    ("2023年，全市统计的587种产品中有301种产品产量同比增长。", ["587种", "301种"]),
    ("2023年，全区共有12个大类企业纳入监测。", ["12个"]),
])
def test_counts_of_categories_zh(ex, text, quotes):
    assert ex.quotes(text) == quotes
    assert ex.quotes(ex.hant(text)) == [ex.hant(q) for q in quotes]


@pytest.mark.parametrize("text", [
    "本文总结了3种模式和4种途径。",
    "企业可以通过5种方式参与。",
    "这些行业可分为3个大类：一是制造业。",
    "第2类企业享受减免。",
    "样本被划分为4种类型。",
])
def test_abstract_enumerations_are_not_counts_zh(ex, text):
    assert ex.quotes(text) == []
    assert ex.quotes(ex.hant(text)) == []


@pytest.mark.parametrize("middle", [
    "",
    "中部省份增速较快，差距逐步缩小。",
    "预计到2027年，中部省份占比将明显提高。",
    "与2016年相比，中部省份增速较快。",
])
def test_a_paragraphs_opening_year_carries_to_later_reports_zh(ex, middle):
    text = ("从城乡结构看，2021年城镇居民消费支出占全部消费的比重超过70%。" + middle
            + "浙江省居民消费规模达到3.6万亿元，约为中部某省的1.8倍。")
    for t in (text, ex.hant(text)):
        f = ex.one(t, "3.6万亿元" if t == text else ex.hant("3.6万亿元"))
        assert (f.year, f.is_target) == (2021, False)
        assert ex.one(t, ex.hant("1.8倍") if t != text else "1.8倍").year == 2021


def test_a_later_sentence_with_its_own_period_keeps_it_zh(ex):
    text = "从城乡结构看，2021年城镇居民消费支出占比超过70%。2019年，浙江省居民消费规模为3.1万亿元。"
    assert ex.one(text, "3.1万亿元").year == 2019


def test_a_later_plan_sentence_keeps_its_target_year_zh(ex):
    text = "从城乡结构看，2021年城镇居民消费支出占比超过70%。预计到2027年，浙江省居民消费规模将达到4.5万亿元。"
    f = ex.one(text, "4.5万亿元")
    assert (f.year, f.is_target) == (2027, True)


# -- lead's review ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,target", [
    ("Beijing targets growth of around 5% in 2025.", True),
    ("The city exceeded its 2023 targets as output rose 6.1%.", False),
    ("All targets were met: exports rose 4.3% in 2023.", False),
])
def test_targets_is_a_cue_as_a_verb_not_as_a_noun_en(ex, text, target):
    assert ex.one(text).is_target is target


@pytest.mark.parametrize("conv", ["hans", "hant"])
def test_a_data_notes_consensus_is_a_target_and_its_previous_value_is_not(ex, conv):
    # 'actual, consensus (预期), previous (前值)': the forecast word does not reach the previous value
    text = "5月工业增加值同比增长4.4%，预期增长4.9%，前值增长3.9%。"
    facts = ex.facts(ex.hant(text) if conv == "hant" else text)
    assert [(f.raw_value, f.is_target) for f in facts] == [(4.4, False), (4.9, True), (3.9, False)]
