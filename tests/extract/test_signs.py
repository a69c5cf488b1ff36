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
