"""An amount of change and the level it reaches: 微跌1.5亿元至1391亿元 is two values (a signed change, then the
level), not a range; 增长5%至8% and 多了十五亿元到二十亿元 stay ranges. In English, an amount right after a verb
of change is the change, signed by the verb ('fell 150 million yuan'); after 'to' it is the level."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("conv", ["hans", "hant"])
@pytest.mark.parametrize("text,expected", [
    ("利得税收入今年微跌1.5亿元至1391亿元。", [(-1.5e8, None, "CNY"), (1.391e11, None, "CNY")]),
    ("全市上市企业增加3家至12家。", [(3.0, None, "count"), (12.0, None, "count")]),
    # the ends of a range are close: one value with its upper end
    ("预计全年收入增长10亿元至15亿元。", [(1e9, 1.5e9, "CNY")]),
    ("基本建设投资多了十五亿元到二十亿元。", [(1.5e9, 2e9, "CNY")]),
    ("出口预计增长5%至8%。", [(5.0, 8.0, "percent")]),
])
def test_a_change_then_the_level_it_reaches_zh(ex, conv, text, expected):
    text = ex.hant(text) if conv == "hant" else text
    got = [(f.value, f.value_high, f.unit) for f in ex.facts(text)]
    assert got == [(pytest.approx(v), pytest.approx(h) if h else None, u) for v, h, u in expected]


@pytest.mark.parametrize("text,quote,value,measure", [
    ("Profits tax revenue fell 150 million yuan in the year.", "150 million yuan", -1.5e8, "change"),
    ("The population recorded a decrease of 1.39 million over the year.", "1.39 million", -1.39e6, "change"),
    ("Imports rose $2 billion to $30 billion.", "$2 billion", 2e9, "change"),
    ("Imports rose $2 billion to $30 billion.", "$30 billion", 3e10, "level"),
    ("Sales fell to $30 billion last month.", "$30 billion", 3e10, "level"),
    ("The government cut spending by $3 billion.", "$3 billion", -3e9, "change"),
])
def test_an_amount_right_after_a_verb_of_change_is_the_change_en(ex, text, quote, value, measure):
    f = ex.one(text, quote=quote)
    assert (f.value, f.measure) == (pytest.approx(value), measure)


def test_the_year_compared_with_does_not_date_the_next_sentence_en(ex):
    text = ("The trade surplus with the U.S. contracted by 15.5 percent from a year earlier to $17.5 billion. "
            "The surplus with Europe shrank 20.3 per cent to $10.2 billion.")
    f = ex.one(text, quote="20.3 per cent", date="2013-07-10")
    assert (f.value, f.year) == (-20.3, 2013)

