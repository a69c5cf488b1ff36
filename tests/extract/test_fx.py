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
