"""The sign of a change: a comparison that comes out lower or smaller (同比低, 比上年同期少, 同比少增) is a decline,
in both Chinese scripts; 至少 ('at least') is not."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("conv", ["hans", "hant"])
@pytest.mark.parametrize("text,quote,value", [
    ("不良贷款率为1.5%，同比低0.3个百分点。", "0.3个百分点", -0.3),
    ("全年新增贷款2.1万亿元，比上年同期少1200亿元。", "1200亿元", -1.2e11),
    ("企业债券融资增加800亿元，同比少增150亿元。", "150亿元", -1.5e10),
    ("住户存款减少300亿元，同比多减90亿元。", "90亿元", -9e9),
    ("货币发行比年初计划少了近200亿元。", "200亿元", -2e10),
])
def test_lower_or_less_than_the_yardstick_is_a_decline(ex, conv, text, quote, value):
    text, quote = (ex.hant(text), ex.hant(quote)) if conv == "hant" else (text, quote)
    assert ex.one(text, quote=quote).value == pytest.approx(value)


@pytest.mark.parametrize("conv", ["hans", "hant"])
def test_at_least_is_not_less(ex, conv):
    text = "力争全年粮食产量比上年至少增加50万吨。"
    text = ex.hant(text) if conv == "hant" else text
    assert ex.one(text, quote=ex.hant("50万吨") if conv == "hant" else "50万吨").value == pytest.approx(5e5)


@pytest.mark.parametrize("conv", ["hans", "hant"])
def test_an_elided_percentage_point(ex, conv):
    # 分别低0.02个和0.47个百分点: the first 个 is short for 个百分点; 5个和3个项目 stays a count
    text = "不良率分别比上月和上年同期低0.05个和0.3个百分点。三项指标分别提高0.2个、0.4个和1.1个百分点。有5个和3个项目。"
    text = ex.hant(text) if conv == "hant" else text
    got = [(f.value, f.unit) for f in ex.facts(text)]
    assert got == [(-0.05, "percentage_point"), (-0.3, "percentage_point"), (0.2, "percentage_point"),
                   (0.4, "percentage_point"), (1.1, "percentage_point"), (5.0, "count"), (3.0, "count")]


@pytest.mark.parametrize("conv", ["hans", "hant"])
def test_a_bare_number_shares_the_unit_of_the_last_in_its_list(ex, conv):
    text = "贷款增速比平均增速分别高3.1和0.6个百分点，出口和进口分别增长4.5、2.2和1.8%。"
    text = ex.hant(text) if conv == "hant" else text
    got = [(f.value, f.unit) for f in ex.facts(text)]
    assert got == [(3.1, "percentage_point"), (0.6, "percentage_point"), (4.5, "percent"), (2.2, "percent"),
                   (1.8, "percent")]


@pytest.mark.parametrize("text", [
    "Chinese stocks underperformed by 18 percentage points this year.",
    "The index underperformed the benchmark CSI 300 Index by 18 percentage points.",
    "Shenzhen lagged the national average by 18 percentage points.",
])
def test_underperforming_by_is_a_shortfall_en(ex, text):
    assert ex.one(text).value == -18


@pytest.mark.parametrize("conv", ["hans", "hant"])
@pytest.mark.parametrize("text,value", [("停产可能导致其净利润下降高达60%。", -60), ("用棉量比计划降低将近7斤。", -7)])
def test_a_modifier_between_a_decline_verb_and_its_number(ex, conv, text, value):
    f = ex.one(ex.hant(text) if conv == "hant" else text)
    assert f.raw_value * (1 if f.value >= 0 else -1) == value


@pytest.mark.parametrize("text", ["The closure could send its net profit tumbling by up to 60%.",
                                  "Profit fell by as much as 60% in May."])
def test_a_modifier_between_a_decline_verb_and_its_number_en(ex, text):
    assert ex.one(text).value == -60


@pytest.mark.parametrize("conv", ["hans", "hant"])
def test_hong_kongs_period_on_period_words_sign_a_shortfall(ex, conv):
    text = "私人消费开支按季少76亿，出口按年低3%。"
    facts = ex.facts(ex.hant(text) if conv == "hant" else text)
    assert [f.value for f in facts] == [-7.6e9, -3]


@pytest.mark.parametrize("conv", ["hans", "hant"])
@pytest.mark.parametrize("text,value", [("股价跌幅却超过了50%。", -50), ("全年零售总额跌幅应为4.8%。", -4.8)])
def test_a_decline_noun_with_words_before_its_number(ex, conv, text, value):
    assert ex.one(ex.hant(text) if conv == "hant" else text).value == value


def test_basis_points_counted_with_ge(ex):
    f = ex.one("两只债券的最大涨幅超过900个基点。")
    assert (f.value, f.unit) == (900, "basis_point")
