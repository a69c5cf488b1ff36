"""Exchange rates in market reports (fx.py): a rate of the currency a sentence is about, quoted other/subject."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text,quote,unit", [
    ("The euro was last down 0.6 percent at $1.1194, traders said.", "$1.1194", "USD/EUR"),
    ("Against a basket, the dollar was up a shade. Likewise, it edged up to 113.75 yen.", "113.75 yen", "JPY/USD"),
    ("In China, spot yuan jumped more than 1 percent to 6.4934 per dollar.", "6.4934 per dollar", "CNY/USD"),
    ("The euro was at $1.1194 EUR= in late trade.", "$1.1194", "USD/EUR"),  # an instrument code is no unit
])
def test_a_rate_of_the_sentences_currency(ex, text, quote, unit):
    f = ex.one(text, quote=quote)
    assert (f.value, f.unit) == (pytest.approx(float(quote.split()[0].lstrip("$"))), unit)


@pytest.mark.parametrize("text,quote,unit", [
    ("The dollar bond raised $3 billion for the city.", "$3 billion", "USD"),  # no rate: scaled, no decimals
    ("The euro zone's bank paid $12 per share.", "$12 per share", "USD/share"),
])
def test_amounts_that_are_not_rates_keep_their_currency(ex, text, quote, unit):
    assert ex.one(text, quote=quote).unit == unit


@pytest.mark.parametrize("conv", ["hans", "hant"])
def test_one_unit_of_a_currency_against_another(ex, conv):
    text = "6月末人民币汇率为1美元兑7.0795元人民币。"
    facts = ex.facts(ex.hant(text) if conv == "hant" else text)
    assert [(f.value, f.unit, f.kind) for f in facts] == [(7.0795, "CNY/USD", "ratio")]


def test_a_taiwan_dollar_rate(ex):
    f = ex.one("以全年平均匯率1美元兌新臺幣32.27元換算，約合新臺幣697億元。", quote="32.27元")
    assert (f.unit, f.kind) == ("TWD/USD", "ratio")
