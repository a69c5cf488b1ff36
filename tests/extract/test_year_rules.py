"""The year of a value and the rule that decided it (year_rules.py): each rule in small sentences of our own, in
the scripts it applies to. A document's own date comes from its wrapper (documents/metadata.py), so these tests
read whole small files."""
from __future__ import annotations

import pytest

from pipeline.process import process_file


def _facts(tmp_path, text: str, name: str = "d.txt"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    _, facts = process_file(p, tmp_path)
    return facts


def _one(facts, quote):
    found = [f for f in facts if f.quote == quote]
    assert len(found) == 1, [(f.quote, f.year) for f in facts]
    return found[0]


@pytest.mark.parametrize("text,quote", [
    ("Date: 2024-03-05\n\nThe city now has 120 data centres, officials say.\n", "120 data centres"),
    ("日期：2024年3月5日\n\n目前全市共有数据中心120个。\n", "120个"),
    ("日期：2024年3月5日\n\n目前全市共有資料中心120個。\n", "120個"),
])
def test_a_current_value_takes_the_documents_date(tmp_path, text, quote):
    f = _one(_facts(tmp_path, text), quote)
    assert (f.year, f.year_basis, f.year_rule) == (2024, "document_date", "current_value")


@pytest.mark.parametrize("text,quote", [
    ("Date: 2024-03-05\n\nOutput rose 3% in 2023. The city now has 120 data centres.\n", "120 data centres"),
    ("日期：2024年3月5日\n\n2023年全市粮食产量增长3%。目前全市共有数据中心120个。\n", "120个"),
    ("日期：2024年3月5日\n\n2023年全市糧食產量增長3%。目前全市共有資料中心120個。\n", "120個"),
])
def test_a_value_as_of_now_is_not_dated_by_the_previous_sentence(tmp_path, text, quote):
    f = _one(_facts(tmp_path, text), quote)
    assert (f.year, f.year_rule) == (2024, "current_value")


def test_a_value_with_no_year_and_no_cue_takes_the_documents_date(tmp_path):
    f = _one(_facts(tmp_path, "Date: 2024-03-05\n\nThe fund manages about 71% of the assets.\n"), "71%")
    assert (f.year, f.year_basis, f.year_rule) == (2024, "document_date", "document_date")


@pytest.mark.parametrize("text,quote", [
    ("The city now has 120 data centres, officials say.\n", "120 data centres"),
    ("目前全市共有数据中心120个。\n", "120个"),
])
def test_without_a_date_a_current_value_has_no_year(tmp_path, text, quote):
    f = _one(_facts(tmp_path, text), quote)
    assert (f.year, f.year_basis) == (None, None)


@pytest.mark.parametrize("text,quote,year", [
    ("---\ndate: 2023-10-10\n---\nHousehold consumption accounted for only 37% of China's GDP in 2022, officials said.\n", "37%", 2022),
    ("---\ndate: 2023-10-10\n---\nHousehold spending was 38% of output in 2021.\n", "38%", 2021),
    ("---\ndate: 2023-10-10\n---\nTransfers amounted to 5.1trn yuan ($0.8trn, or about 4% of national income) in 2019.\n", "5.1trn yuan", 2019),
])
def test_a_year_after_the_value_applies_to_it(tmp_path, text, quote, year):
    f = _one(_facts(tmp_path, text, "d.md"), quote)
    assert (f.year, f.year_basis) == (year, "stated")


def test_a_coordinate_clause_keeps_its_own_year(tmp_path):
    facts = _facts(tmp_path, "---\ndate: 2025-06-01\n---\nWe raise our 2025 export forecast to 5.0% (from 3.5%) and keep 2026 at 2%.\n", "d.md")
    assert _one(facts, "5.0%").year == 2025


@pytest.mark.parametrize("conv", ["hans", "hant"])
def test_a_dash_subtitle_does_not_end_the_heading_section(tmp_path, ex, conv):
    text = ("某市政府工作报告\n——2025年1月21日在某市人民代表大会上\n各位代表：\n一、2024年工作回顾\n——经济稳中有进、质效向好\n"
            "过去一年，我们攻坚克难。\n三是城市品质加速提升。完成棚户区改造1200套。\n二、2025年主要任务\n确保粮食总产80亿斤以上。\n")
    text = ex.hant(text) if conv == "hant" else text
    facts = _facts(tmp_path, text)
    f = _one(facts, ex.hant("1200套") if conv == "hant" else "1200套")
    assert (f.year, f.year_basis, f.is_target) == (2024, "section", False)


@pytest.mark.parametrize("text", ["The 2025 economic growth targets were set in March.", "Its 2023 market returns were strong."])
def test_a_year_before_a_noun_is_not_a_count(tmp_path, text):
    assert not [f for f in _facts(tmp_path, text + "\n") if f.unit == "count"]


@pytest.mark.parametrize("text,quote,value", [
    ("The package is equivalent to an Rmb150bn cash handout.", "Rmb150bn", 1.5e11),
    ("Prices in the city rose to S$1,200 per square foot.", "S$1,200", 1200.0),
])
def test_currency_prefixes(tmp_path, text, quote, value):
    f = _one(_facts(tmp_path, text + "\n"), quote)
    assert f.value == value and f.kind == "money"


@pytest.mark.parametrize("conv", ["hans", "hant"])
@pytest.mark.parametrize("headings,year", [
    ("一、2015年工作回顾\n过去一年，经济运行平稳。\n二、2016年重点工作\n", 2016),
    ("一、过去一年工作回顾\n过去一年，经济运行平稳。\n二、2005年工作总体部署\n", 2005),
    ("一、过去五年工作回顾\n2013年是全面推进改革的开局之年。\n二、今年经济社会发展的主要预期目标\n", 2013),
])
def test_an_undated_reports_annual_targets_take_its_year_from_its_sections(tmp_path, ex, conv, headings, year):
    text = ("各位代表：\n现在，我代表国务院向大会报告政府工作。\n" + headings +
            "今年发展的主要预期目标是：国内生产总值增长7%左右，居民消费价格涨幅3%左右，城镇新增就业900万人以上。\n")
    text = ex.hant(text) if conv == "hant" else text
    facts = _facts(tmp_path, text)
    for quote in ("7%", "3%"):
        f = _one(facts, quote)
        assert (f.year, f.is_target, f.year_basis) == (year, True, "relative")
    p = tmp_path / "d.txt"
    from pipeline.documents.reader import read_document
    assert read_document(p, tmp_path).date is None  # inferred for 今年, never published as the document's date


# -- not the year, but found on the same real pages: a decline named by a noun -------------------------------------

@pytest.mark.parametrize("conv", ["hans", "hant"])
@pytest.mark.parametrize("text,quote,value", [
    ("深成指跌幅达到2.13%，创业板指收涨。", "2.13%", -2.13),
    ("出口降幅为3.5%。", "3.5%", -3.5),
    ("今年以来股价涨幅为12%。", "12%", 12.0),
])
def test_a_decline_noun_with_its_link_verb_is_a_decline(ex, conv, text, quote, value):
    text = ex.hant(text) if conv == "hant" else text
    f = ex.one(text, quote=quote)
    assert (f.value, f.measure) == (value, "growth")


@pytest.mark.parametrize("text,quote,year", [
    # a December story: 'the past year' is the twelve months to now
    ("Date Published: December 17, 2008\n\nBrokers say prices have fallen some 30% in the past year.\n", "30%", 2008),
    # a January report: 过去一年 is the last calendar year
    ("日期：2025年1月21日\n\n过去一年，全市粮食产量增长3%。\n", "3%", 2024),
    ("日期：2025年9月21日\n\n過去一年，全市糧食產量增長3%。\n", "3%", 2025),
])
def test_the_past_year_ends_with_the_documents_date(tmp_path, text, quote, year):
    assert _one(_facts(tmp_path, text), quote).year == year


def test_the_same_period_of_last_year_is_a_yardstick(tmp_path):
    text = ("---\ndate: 2016-08-31\n---\nRevenue increased by approximately 43% to approximately RMB222.9 million "
            "compared to the same period of last year.\n")
    facts = _facts(tmp_path, text, "d.md")
    assert _one(facts, "RMB222.9 million").year == 2016


def test_in_a_dated_text_an_earlier_yardstick_does_not_leave_a_value_undated(tmp_path):
    text = ("---\ndate: 2016-08-31\n---\nSales rose 117% as compared with the same period of last year, whereas the "
            "floor area sold was approximately 64,930 sq.m.\n")
    assert _one(_facts(tmp_path, text, "d.md"), "64,930 sq.m").year == 2016


def test_explain_names_the_rule_and_the_basis(tmp_path, capsys):
    from pipeline.extract.__main__ import main
    p = tmp_path / "d.txt"
    p.write_text("日期：2024年3月5日\n\n2023年全市粮食产量增长3%。目前全市共有数据中心120个。\n", encoding="utf-8")
    assert main(["--explain", str(p)]) == 0
    out = capsys.readouterr().out
    assert "date 2024-03-05 (header)" in out
    assert "[same_sentence → stated]" in out and "[current_value → document_date]" in out


def test_json_output_carries_year_basis_on_every_fact(tmp_path, capsys):
    import json

    from pipeline.extract.__main__ import main
    p = tmp_path / "d.txt"
    p.write_text("日期：2024年3月5日\n\n2023年全市粮食产量增长3%。每年新增就业1万人。\n", encoding="utf-8")
    assert main([str(p)]) == 0
    rows = [json.loads(ln) for ln in capsys.readouterr().out.splitlines()]
    assert [(r["year"], r["year_basis"]) for r in rows] == [(2023, "stated"), (None, None)]


def test_values_in_a_bracketed_aside_take_the_year_after_the_bracket(tmp_path):
    text = "---\ndate: 2023-10-10\n---\nThey amounted to 6.8trn yuan ($1trn, or almost 7% of national income) in 2020.\n"
    facts = _facts(tmp_path, text, "d.md")
    assert [(f.quote, f.year) for f in facts] == [("6.8trn yuan", 2020), ("$1trn", 2020), ("7%", 2020)]


@pytest.mark.parametrize("text,quote", [
    ("2022年全市耕地面积 2050.35 万亩，粮食产量890.2万吨。\n", "890.2万吨"),
    ("2022年全市耕地面積 2050.35 萬畝，糧食產量890.2萬噸。\n", "890.2萬噸"),
    ("In 2022 the sown area was 2031.5 thousand hectares and output 890.2 million tonnes.\n", "890.2 million tonnes"),
])
def test_a_number_with_decimals_is_not_a_year(tmp_path, text, quote):
    # 2050.35 and 2031.5 read like years up to their decimal point: the year stated before them still applies
    f = _one(_facts(tmp_path, text), quote)
    assert (f.year, f.year_rule) == (2022, "same_sentence")


@pytest.mark.parametrize("text,quote,year", [
    # a quarter that begins after the story's month is last year's; one under way is this year's
    ("BEIJING, Jan. 19, 2016 -- Output rose 6.8 percent in the fourth quarter from a year earlier.\n",
     "6.8 percent", 2015),
    ("BEIJING, Jan. 19, 2016 -- Fourth-quarter output rose 6.8 percent from a year earlier.\n", "6.8 percent", 2015),
    ("BEIJING, May 17, 2024 -- She expects second-quarter growth of about 5 percent.\n", "5 percent", 2024),
    ("HONG KONG, Aug. 15, 2025 -- Some 210 events will be held in the second half of the year.\n", "210 events", 2025),
])
def test_an_english_quarter_against_the_storys_month(tmp_path, text, quote, year):
    assert _one(_facts(tmp_path, text), quote).year == year


@pytest.mark.parametrize("text,quote", [
    ("Growth slows to weakest since 2009\n\nDate: 2016-01-19\n\nRetail sales rose 11.1 percent.\n", "11.1 percent"),
    ("Date: 2016-01-19\n\nThe slowest quarter since the 2009 recession. Sales rose 11.1 percent.\n", "11.1 percent"),
])
def test_a_year_after_since_is_a_starting_point_not_the_time_reported(tmp_path, text, quote):
    f = _one(_facts(tmp_path, text), quote)
    assert f.year == 2016 and f.year_rule not in ("title_year", "previous_sentences")


@pytest.mark.parametrize("text,quote,year", [
    ("Revenue for the year ended March 31, 2022 was HK$500 billion.\n", "HK$500 billion", 2021),
    ("Revenue for the financial year ended 30 June 2022 was $80 million.\n", "$80 million", 2021),
    ("Revenue for the year ended December 31, 2022 was $80 million.\n", "$80 million", 2022),
    ("Revenue for the six months ended June 30, 2022 was $80 million.\n", "$80 million", 2022),
    ("截至2022年3月31日止年度，政府收入为5000亿元。\n", "5000亿元", 2021),
    ("截至2022年3月31日止年度，政府收入為5000億元。\n", "5000億元", 2021),
    ("截至2022年12月31日止年度，公司收入为50亿元。\n", "50亿元", 2022),
])
def test_a_year_that_ends_before_december_is_known_by_the_year_it_began(tmp_path, text, quote, year):
    assert _one(_facts(tmp_path, text), quote).year == year


@pytest.mark.parametrize("text,quote,year", [
    ("# China news digest\n\n## Land holdings down in 2022\n - date published: 2023-12-15\n\nHoldings are near 1 per cent.\n\n"
     "## Trade beats target\n\nTrade rose.\n\n## Retail sales\n\nRetail sales rose 10.1 per cent in November.\n",
     "10.1 per cent", 2023),
    ("# 财经早报\n\n## 2022年土地持有下降\n - 发布时间: 2023-12-15\n\n持有比例约1%。\n\n## 贸易超过目标\n\n贸易增长。\n\n"
     "## 零售\n\n社会消费品零售总额增长10.1%。\n", "10.1%", 2023),
    ("# 財經早報\n\n## 2022年土地持有下降\n - 發布時間: 2023-12-15\n\n持有比例約1%。\n\n## 貿易超過目標\n\n貿易增長。\n\n"
     "## 零售\n\n社會消費品零售總額增長10.1%。\n", "10.1%", 2023),
])
def test_a_digests_item_headings_are_not_its_title(tmp_path, text, quote, year):
    # the year an item's heading names (in 2022) is not the year the digest reports on; its date is 2023-12-15
    assert _one(_facts(tmp_path, text, "digest.md"), quote).year == year


@pytest.mark.parametrize("text,quote,year", [
    ("# Morning briefing, March 4, 2024\n\n## Stocks\n\nBrokers cut their 2025 forecasts.\n\n## Funds\n\n"
     "Fund assets rose 8% in the first half.\n", "8%", 2024),
    ("# 财经早餐2024年3月4日\n\n## 股市\n\n券商下调了2025年的盈利预测。\n\n## 基金\n\n截至6月底，基金规模增长8%。\n", "8%", 2024),
    ("# 財經早餐2024年3月4日\n\n## 股市\n\n券商下調了2025年的盈利預測。\n\n## 基金\n\n截至6月底，基金規模增長8%。\n", "8%", 2024),
])
def test_a_period_does_not_take_a_year_from_the_section_before(tmp_path, text, quote, year):
    # 6月 / 'the first half' under a new heading: not the year the previous item named
    assert _one(_facts(tmp_path, text, "brief.md"), quote).year == year


@pytest.mark.parametrize("text,quotes,years", [
    ("日期：2024年8月5日\n\n分析师预测批发价格在2024年、2025年分别下跌40%和15%。\n", ("40%", "15%"), (2024, 2025)),
    ("日期：2024年8月5日\n\n分析師預測批發價格在2024年、2025年分別下跌40%和15%。\n", ("40%", "15%"), (2024, 2025)),
    ("Date: 2024-08-05\n\nExports rose 3% and 5% in 2022 and 2023 respectively.\n", ("3%", "5%"), (2022, 2023)),
])
def test_respective_values_take_the_respective_years(tmp_path, text, quotes, years):
    facts = _facts(tmp_path, text)
    got = tuple(_one(facts, q) for q in quotes)
    assert tuple(f.year for f in got) == years and {f.year_rule for f in got} == {"respective_year"}


@pytest.mark.parametrize("text,quote,year", [
    ("Date: 2023-06-28\n\nThe workforce is expected to shrink by 25% in the next 20 years.\n", "25%", 2043),
    ("Date: 2023-12-15\n\nThe industry will produce US$4.2 trillion over the coming 12 years.\n", "US$4.2 trillion", 2035),
    ("Date: 2023-12-15\n\nOutput rose 5% in the past two years.\n", "5%", 2023),
])
def test_a_horizon_counted_from_the_documents_year_en(tmp_path, text, quote, year):
    # (English only: 未来五年 in a plan year's report ends with the plan, which the plan period rules read)
    f = _one(_facts(tmp_path, text), quote)
    assert f.year == year


@pytest.mark.parametrize("conv", ["hans", "hant"])
def test_a_change_to_a_years_level_is_of_that_year(ex, conv):
    # 降为2024年的8%: 为 ends a change here; in 为2018年的1.6倍 the year is the base of the multiple
    text = "对外投资占比由2010年的83.8%降为2024年的8%。"
    facts = ex.facts(ex.hant(text) if conv == "hant" else text)
    assert [(f.raw_value, f.year) for f in facts] == [(83.8, 2010), (8.0, 2024)]


@pytest.mark.parametrize("conv", ["hans", "hant"])
def test_the_base_year_of_a_comparison_with_xiangjiaoyu(ex, conv):
    text = "2024年存款余额为61万亿元，相较于2023年增加3万亿元。"
    facts = ex.facts(ex.hant(text) if conv == "hant" else text)
    assert [(f.raw_value, f.year) for f in facts] == [(61.0, 2024), (3.0, 2024)]


@pytest.mark.parametrize("conv", ["hans", "hant"])
def test_a_span_up_to_now_dates_its_from_and_to_values(ex, conv):
    text = "从2016年至今，全市企业已由3157家增加到9600家。"
    facts = ex.facts(ex.hant(text) if conv == "hant" else text, date="2025-04-01")
    assert [(f.raw_value, f.year, f.year_rule) for f in facts] == [
        (3157.0, 2016, "span_to_now"), (9600.0, 2025, "span_to_now")]


def test_a_span_since_a_year_en(ex):
    text = "Since 2016 the number of registered firms has grown from 3,157 firms to 9,600 firms."
    facts = ex.facts(text, date="2025-04-01")
    assert [(f.raw_value, f.year) for f in facts] == [(3157.0, 2016), (9600.0, 2025)]


def test_the_present_perfect_is_as_of_the_documents_date(ex):
    text = "The carmaker sold 1,389 cars last year. It has left 4bn yuan in unpaid bills."
    facts = ex.facts(text, date="2024-08-11")
    assert [(f.quote, f.year, f.year_rule) for f in facts] == [
        ("1,389 cars", 2023, "year_after_value"), ("4bn yuan", 2024, "current_value")]


def test_the_year_after_a_fiscal_year_is_that_fiscal_year_en(ex):
    text = ("The Government announced its provisional results for the year ended March 31, 2019.\n\n"
            "Expenditure for the year recorded a variance of 6.6 per cent. Revenue was HK$3.4 billion higher than expected.")
    facts = ex.facts(text, date="2019-04-30")
    assert [(f.quote, f.year, f.is_target) for f in facts] == [
        ("6.6 per cent", 2018, False), ("HK$3.4 billion", 2018, False)]


def test_the_year_after_a_calendar_year_is_left_to_the_other_rules_en(ex):
    text = "GDP grew 5.2% in 2023.\n\nThe government's target for the year is about 5%."
    facts = ex.facts(text, date="2024-03-05")
    assert [(f.raw_value, f.year) for f in facts] == [(5.2, 2023), (5.0, 2024)]


def test_now_is_as_of_the_documents_date_en(ex):
    text = "Revenue rose 3% in the quarter ended December 2014. The PC group now accounts for 65 percent of revenue."
    facts = ex.facts(text, date="2015-02-06")
    assert [(f.quote, f.year) for f in facts][-1] == ("65 percent", 2015)


def test_a_digest_items_long_heading_dates_its_summary_en(ex):
    text = ("# Digest\n\n## Chinese land ownership in the US down 2 per cent in 2022 amid security concerns\n"
            " - date published: 2023-12-15\n\nHoldings fell to nearly 350,000 acres, officials said.\n")
    facts = ex.facts(text, date="2023-12-15")
    assert [(f.quote, f.year, f.year_rule) for f in facts][-1] == ("350,000 acres", 2022, "heading")


@pytest.mark.parametrize("conv", ["hans", "hant"])
def test_a_digest_items_long_heading_dates_its_summary(ex, conv):
    text = ("# 摘要\n\n## 中国企业在美国持有的农地面积在2022年下降2%，原因是国家安全方面的担忧日益加剧\n\n"
            "美国农业部数据显示，持有面积降至约35万英亩。\n")
    text = ex.hant(text) if conv == "hant" else text
    facts = ex.facts(text, date="2023-12-15")
    assert [f.year for f in facts][-1] == 2022


@pytest.mark.parametrize("conv", ["hans", "hant"])
def test_now_after_a_year_in_the_sentence_dates_the_value_now(ex, conv):
    text = "2015年在西部地区率先实现县县通高速公路，目前全省公路总里程突破8000公里。"
    text = ex.hant(text) if conv == "hant" else text
    assert [(f.year, f.year_rule) for f in ex.facts(text, date="2021-04-21")] == [(2021, "current_after_year")]
    assert [f.year for f in ex.facts(text)] == [None]  # a document that states no date: no year


def test_now_after_a_year_in_the_sentence_en(ex):
    text = "Growth slowed in 2015, but the network now spans 8,000 km of roads."
    assert [(f.quote, f.year) for f in ex.facts(text, date="2021-04-21")][-1] == ("8,000 km", 2021)


def test_a_forecasts_year_does_not_date_the_facts_after_it_en(ex):
    text = ("# Export Outlook 2026\n\nHong Kong's exports are expected to grow by 8% in 2026, the council said. "
            "Electronics account for more than 70% of Hong Kong's exports.\n")
    facts = ex.facts(text, date="2025-12-11")
    assert [(f.quote, f.year, f.is_target) for f in facts] == [("8%", 2026, True), ("70%", 2025, False)]


@pytest.mark.parametrize("conv", ["hans", "hant"])
def test_a_plans_year_still_dates_the_sentence_after_it(ex, conv):
    text = "到2026年，全市地区生产总值达到5000亿元。全市常住人口达到900万人。"
    facts = ex.facts(ex.hant(text) if conv == "hant" else text, date="2024-02-02")
    assert [f.year for f in facts] == [2026, 2026]
