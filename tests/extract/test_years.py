"""The year a value refers to, periods, targets, relative years, the ROC calendar and five-year plans."""
import pytest


def test_in_year_en(ex):
    f = ex.one("Retail sales in the province rose to 2.1 trillion yuan in 2022.")
    assert (f.year, f.is_target) == (2022, False)


def test_as_of_month_en(ex):
    f = ex.one("As of June 2023, the city had 4,100 charging stations.")
    assert f.year == 2023


@pytest.mark.parametrize("conv", ["hans", "hant"])
def test_year_in_chinese_sentence(ex, conv):
    text = "2013年，全市进出口总额为820亿美元。"
    f = ex.one(ex.hant(text) if conv == "hant" else text)
    assert (f.year, f.is_target) == (2013, False)


@pytest.mark.parametrize("conv", ["hans", "hant"])
def test_target_year_chinese(ex, conv):
    text = "到2026年，全区数字经济规模突破900亿元。"
    f = ex.one(ex.hant(text) if conv == "hant" else text)
    assert (f.year, f.is_target, f.qualifier) == (2026, True, ">=")


def test_target_year_en(ex):
    f = ex.one("The plan raises the share of clean power to 40% by 2030.")
    assert (f.year, f.is_target) == (2030, True)


def test_future_tense_is_a_target_en(ex):
    f = ex.one("The ministry will invest 3 billion euros in grid upgrades.")
    assert f.is_target is True


def test_plan_title_period_governs(ex):
    text = ("港城区推进现代物流发展行动方案(2025—2027年)\n"
            "一、主要目标\n"
            "全区物流业增加值突破300亿元，培育龙头企业5家。\n")
    fs = ex.facts(text)
    assert [(f.value, f.year, f.is_target) for f in fs] == [(3e10, 2027, True), (5, 2027, True)]
    fs = ex.facts(ex.hant(text))
    assert [(f.year, f.is_target) for f in fs] == [(2027, True), (2027, True)]


@pytest.mark.parametrize("conv", ["hans", "hant"])
def test_average_growth_over_period(ex, conv):
    text = "2010~2020年，全省高技术产业增加值年均增长12.5%。"
    f = ex.one(ex.hant(text) if conv == "hant" else text)
    assert (f.year, f.year_start, f.measure, f.value) == (2020, 2010, "growth", 12.5)


def test_average_growth_en(ex):
    f = ex.one("Between 2015-2020 software revenue posted average annual growth of 14%.")
    assert (f.year, f.year_start, f.measure) == (2020, 2015, "growth")


@pytest.mark.parametrize("conv", ["hans", "hant"])
def test_each_year_has_no_single_year(ex, conv):
    text = "今后每年新增高新技术企业20家。"
    f = ex.one(ex.hant(text) if conv == "hant" else text)
    assert f.year is None


@pytest.mark.parametrize("conv", ["hans", "hant"])
def test_a_deadline_dates_a_yearly_target(ex, conv):
    # GOLD_SPEC: a plan target takes its target year, also when the plan counts it per year
    text = "到2026年，每年新增高新技术企业20家。"
    f = ex.one(ex.hant(text) if conv == "hant" else text)
    assert (f.year, f.is_target) == (2026, True)


def test_a_deadline_dates_a_yearly_target_en(ex):
    f = ex.one("The carmaker aimed to sell 1m EVs a year by 2027.")
    assert (f.year, f.is_target) == (2027, True)


@pytest.mark.parametrize("conv", ["hans", "hant"])
def test_a_year_after_each_year_dates_its_own_clause(ex, conv):
    text = "该厂原计划每年生产20万辆汽车；去年仅生产了1389辆。"
    facts = ex.facts(ex.hant(text) if conv == "hant" else text, date="2024-08-11")
    assert [f.year for f in facts if f.raw_value == 1389] == [2023]


def test_each_year_after_the_value_en(ex):
    facts = ex.facts("The city adds 10,000 jobs each year, officials said.", date="2024-08-11")
    assert [f.year for f in facts] == [None]


def test_half_year_and_month(ex):
    assert ex.one("2023年上半年，全市地区生产总值增长5.5%。").year == 2023
    assert ex.one("2024年7月，社会消费品零售总额为3800亿元。").year == 2024


def test_fiscal_year_en(ex):
    f = ex.one("In FY2020/21 the council spent 85 million pounds on housing.")
    assert f.year == 2020


@pytest.mark.parametrize("text", [
    "2021年，全市新增就业8.2万人。该市城镇登记失业率为3.1%。",
    "2021年，全市新增就業8.2萬人。該市城鎮登記失業率為3.1%。",
])
def test_year_of_previous_sentence_governs(ex, text):
    assert [f.year for f in ex.facts(text)] == [2021, 2021]


def test_year_carries_through_continuation_sentences(ex):
    text = "2019年，甲市工业增加值为500亿元。而乙市服务业占比为48%。其中，金融业占比为9%。"
    assert [f.year for f in ex.facts(text)] == [2019, 2019, 2019]


def test_year_does_not_carry_into_a_new_topic(ex):
    text = "In 2016 the ministry released a new strategy. It was widely discussed. Experts praised it. There are 300 colleges in the region."
    assert ex.one(text).year is None


def test_republic_of_china_calendar(ex):
    f = ex.one("民國112年，全市觀光收入為450億元。")
    assert (f.year, f.unit, f.value) == (2023, "TWD", 4.5e10)  # an ROC-dated text prices in NT$


@pytest.mark.parametrize("text", ["“十四五”时期，全省新建5G基站12万个。", "“十四五”時期，全省新建5G基站12萬個。"])
def test_five_year_plan(ex, text):
    f = ex.one(text)
    assert (f.year, f.year_start, f.value) == (2025, 2021, 1.2e5)


def test_relative_years_need_the_document_date(ex):
    text = "发布日期：2024年3月5日\n去年全市完成固定资产投资1200亿元。今年计划新增贷款800亿元。"
    fs = ex.facts(text)
    assert [(f.year, f.is_target) for f in fs] == [(2023, False), (2024, True)]
    text = "Released on March 5, 2024.\nLast year the city completed investment of 120 billion yuan."
    assert ex.one(text).year == 2023


def test_base_year_of_a_comparison_is_not_the_year(ex):
    f = ex.one("2020年底外汇储备达1656亿美元，比2015年底增加920亿美元。", quote="920亿美元")
    assert f.year == 2020


def test_from_to_years(ex):
    fs = ex.facts("Output rose from 1.2 billion yuan in 2015 to 3.4 billion yuan in 2020.")
    assert [(f.value, f.year) for f in fs] == [(1.2e9, 2015), (3.4e9, 2020)]


@pytest.mark.parametrize("text", ["截至2023年底，全市共有高新技术企业1500家。", "截至2023年底，全市共有高新技術企業1500家。"])
def test_as_of_is_not_a_target(ex, text):
    f = ex.one(text)
    assert (f.year, f.is_target) == (2023, False)


def test_end_of_a_change_is_not_a_target(ex):
    fs = ex.facts("社会消费品零售总额从2015年的3万亿元增加到2020年的3.9万亿元。")
    assert [(f.value, f.year, f.is_target) for f in fs] == [(3e12, 2015, False), (3.9e12, 2020, False)]


def test_period_without_a_year_takes_the_last_stated_year(ex):
    text = "2023年，全省外贸进出口总值为5000亿元。\n\n其中，一季度出口800亿元，全年进口1200亿元。"
    assert [f.year for f in ex.facts(text)] == [2023, 2023, 2023]
    assert [f.year for f in ex.facts(ex.hant(text))] == [2023, 2023, 2023]


def test_month_in_a_dated_wire_story(ex):
    text = "SHANGHAI, June 3, 2023 (Wire) -- Exports from the city rose 4.1 percent in May.\n\nImports rose 2.0 percent."
    assert [(f.value, f.year) for f in ex.facts(text)] == [(4.1, 2023), (2.0, 2023)]


def test_title_reporting_year_governs(ex):
    text = "某市2022年国民经济和社会发展统计公报\n\n一、综合\n\n地区生产总值为900亿元。\n"
    assert ex.one(text).year == 2022
    assert ex.one(ex.hant(text)).year == 2022


def test_edition_label_in_parentheses_does_not_govern(ex):
    text = "# 长江经济带物流发展报告 (2019)\n\n目前全区已有物流园区120个。\n"
    assert ex.one(text).year is None


def test_past_tense_takes_the_paragraphs_opening_year_present_does_not(ex):
    text = ("Vietnam's trade reached 680 billion US dollars in 2023. Exports were 355 billion US dollars. "
            "Electronics accounted for 36% of exports.\n\nThere are 400 industrial parks in the country.")
    assert [f.year for f in ex.facts(text)] == [2023, 2023, 2023, None]


def test_budget_figures_are_plans(ex):
    text = "本年度政府开支预计为7800亿元，收入为6500亿元。"
    assert [f.is_target for f in ex.facts(text)] == [True, True]
    assert [f.is_target for f in ex.facts(ex.hant(text))] == [True, True]


def test_by_year_in_past_tense_is_observed(ex):
    f = ex.one("By the end of 2021, the country had built 1.4 million base stations.")
    assert (f.year, f.is_target) == (2021, False)


def test_relative_year_without_a_document_date_is_unknown(ex):
    text = "2011年，全国财政收入为10万亿元。今年拟安排财政赤字8000亿元。"
    assert [f.year for f in ex.facts(text)] == [2011, None]
    assert [f.year for f in ex.facts(ex.hant(text))] == [2011, None]


def test_comparison_with_last_year_does_not_hide_the_year(ex):
    assert ex.facts("2023年，粮食产量2200万吨，比上年增长2.1%。")[1].year == 2023


def test_yardstick_year_with_its_own_value_en(ex):
    fs = ex.facts("In 2023 the deficit was US$171 billion, less than half its 2018 peak of US$292 billion.")
    assert [(f.value, f.year) for f in fs] == [(1.71e11, 2023), (2.92e11, 2018)]


@pytest.mark.parametrize("conv", ["hans", "hant"])
def test_a_month_after_a_future_year_is_of_the_documents_year(ex, conv):
    text = "政策效果或在2021年集中体现。5月工业增加值同比增长4.4%。"
    facts = ex.facts(ex.hant(text) if conv == "hant" else text, date="2020-06-15")
    assert [(f.raw_value, f.year) for f in facts] == [(4.4, 2020)]


def test_a_month_after_a_future_year_is_of_the_documents_year_en(ex):
    text = "The stimulus will peak in 2021. Industrial output rose 4.4% in May from a year earlier."
    facts = ex.facts(text, date="2020-06-15")
    assert [(f.raw_value, f.year) for f in facts] == [(4.4, 2020)]


def test_a_month_in_an_undated_story_is_not_dated_by_an_earlier_sentence_en(ex):
    text = ("Exports for the first 10 months of 2020 rose 0.5% over a year earlier.\n\n"
            "Exports to the European Union fell 21% in October.")
    facts = ex.facts(text)
    assert [(f.raw_value, f.year) for f in facts] == [(0.5, 2020), (21.0, None)]


def test_the_end_of_the_year_in_an_undated_report_is_the_year_it_reports_on_en(ex):
    text = "In 2023 the fund returned 6.2%.\n\nTotal assets reached HK$4,016.5 billion at the end of the year."
    facts = ex.facts(text)
    assert [(f.raw_value, f.year) for f in facts] == [(6.2, 2023), (4016.5, 2023)]


def test_an_images_address_is_no_date_of_the_text(ex):
    text = ("![cover](https://img.example.com/images/canvas/2022/09/06/cover.jpg)\n\n"
            "Gaming revenue was just US$271 million, about 9 per cent of pre-pandemic levels.")
    assert [f.year for f in ex.facts(text)] == [None, None]


def test_a_period_followed_by_its_year_en(ex):
    text = ("Exports rose 13 percent in 2010.\n\n"
            "Inbound FDI climbed nearly 16 percent in the first three quarters of 2011.")
    assert [(f.raw_value, f.year) for f in ex.facts(text)] == [(13.0, 2010), (16.0, 2011)]


def test_the_year_a_value_rose_from_does_not_date_the_next_sentence_en(ex):
    text = ("Exports to China increased to $100 billion in 2011, up from $91 billion in 2010. "
            "The trade deficit widened to $295 billion.")
    facts = ex.facts(text)
    assert [(f.quote, f.year) for f in facts][-1] == ("$295 billion", 2011)


def test_a_hard_wrapped_english_sentence_is_read_whole(ex):
    text = "The group aimed to sell 1m EVs a year by\n2027; it sold just 1,389 cars last\nyear.\n"
    facts = ex.facts(text, date="2024-08-11")
    assert [(f.quote, f.year) for f in facts] == [("1m EVs", 2027), ("1,389 cars", 2023)]
    assert facts[0].char_start == text.index("1m EVs")


def test_table_rows_keep_their_line_breaks(ex):
    text = "Item | 2022 | 2023\nexports | 5% | 6%\n"
    assert [(f.raw_value, f.year) for f in ex.facts(text)] == [(5.0, 2022), (6.0, 2023)]


def test_a_double_spaced_wrapped_sentence_is_read_whole(ex):
    text = "The group aimed to sell 1m EVs a year by\r\n\r\n2027; it sold just 1,389 cars.\r\n\r\nRevenue rose 5%.\r\n"
    facts = ex.facts(text, date="2024-08-11")
    assert [(f.quote, f.year) for f in facts][:1] == [("1m EVs", 2027)]
