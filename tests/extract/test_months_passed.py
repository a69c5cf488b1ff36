"""今年… in a Chinese report dated in spring is a plan for the whole year — except where 今年 is followed by
months already past (今年首两月, 今年1-2月, 今年一季度 in a report of April): those figures are reported.
(English has no spring-plan rule; 'this year' there is read by its verb's tense.)"""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("conv", ["hans", "hant"])
@pytest.mark.parametrize("text,quote,target", [
    ("今年首两月社会消费品零售总额52,130亿元。", "52,130亿元", False),
    ("今年1-2月出口增长3%。", "3%", False),
    ("今年一季度投资增长5%。", "5%", False),
    ("今年前两个月旅客人数达1,001.7万人次。", "1,001.7万人次", False),
    ("今年粮食产量6.5亿吨。", "6.5亿吨", True),            # the whole year, barely begun: a plan
    ("今年上半年投资增长6%。", "6%", True),               # months still to come in April
])
def test_months_already_past_are_reported_not_planned(ex, conv, text, quote, target):
    text, quote = (ex.hant(text), ex.hant(quote)) if conv == "hant" else (text, quote)
    assert ex.one(text, quote=quote, date="2020-04-16").is_target is target


@pytest.mark.parametrize("conv", ["hans", "hant"])
@pytest.mark.parametrize("text,quote,year", [
    ("四季度国内生产总值同比增长6.5%。", "6.5%", 2020),      # not begun in January: last year's
    ("12月份出口增长18.1%。", "18.1%", 2020),
    ("1月份用电量增长5%。", "5%", 2021),                    # under way: this year's
    ("力争12月底前完成投资30亿元。", "30亿元", 2021),         # a deadline ahead
    ("论坛将于10月举行，届时将有1500多名嘉宾参加。", "1500多名", 2021),
])
def test_a_period_not_yet_begun_is_last_years_zh(ex, conv, text, quote, year):
    text, quote = (ex.hant(text), ex.hant(quote)) if conv == "hant" else (text, quote)
    assert ex.one(text, quote=quote, date="2021-01-18").year == year


def test_a_period_not_yet_begun_is_last_years_en(ex):
    text = ("BEIJING, Jan 18 (Reuters) - China's economy grew 6.5% in the fourth quarter from a year earlier, "
            "official data showed on Monday.")
    assert ex.one(text, quote="6.5%", date="2021-01-18").year == 2020
