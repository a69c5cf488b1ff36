"""Counts of days and hours, and shares written as a ratio (time_counts.py)."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("conv", ["hans", "hant"])
@pytest.mark.parametrize("text,quote,value,unit", [
    ("全年空气质量优良天数为246天。", "246天", 246, "day"),
    ("市级电视台周播出时间501.5小时。", "501.5小时", 501.5, "hour"),
])
def test_a_count_of_time_is_a_fact(ex, conv, text, quote, value, unit):
    text, quote = (ex.hant(text), ex.hant(quote)) if conv == "hant" else (text, quote)
    f = ex.one(text, quote=quote)
    assert (f.value, f.unit) == (value, unit)


@pytest.mark.parametrize("text", ["国庆假期共放假7天。", "两地车程缩短至3小时。"])
def test_a_duration_is_not(ex, text):
    assert ex.facts(text) == []


@pytest.mark.parametrize("conv", ["hans", "hant"])
def test_the_three_industries_as_a_ratio(ex, conv):
    text = "全市三次产业结构为4.7:40.3:55.1。"
    facts = ex.facts(ex.hant(text) if conv == "hant" else text)
    # (indicators are written in the working copy's simplified script, as every indicator is)
    assert [(f.value, f.unit, f.indicator) for f in facts] == [
        (4.7, "percent", "第一产业"), (40.3, "percent", "第二产业"), (55.1, "percent", "第三产业")]


def test_a_ratio_of_shares_en(ex):
    facts = ex.facts("The ratio between the IP and the LTGP was about 35:65 in 2023.")
    assert [(f.value, f.unit) for f in facts] == [(35, "percent"), (65, "percent")]


def test_a_ratio_that_does_not_add_up_to_100_is_not_read(ex):
    assert ex.facts("男女比例为1:3。") == []
