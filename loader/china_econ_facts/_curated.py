"""The curated view of the facts: the indicator catalog, a series for one concept and place, the conflicts."""
from __future__ import annotations

import pandas as pd

from ._data import DatasetError

# the view the release's DuckDB file has, rebuilt over the loader's views (the loader cannot import the pipeline)
CONFLICTS_SQL = """
CREATE TEMP VIEW conflicts AS
WITH sources AS (
    SELECT o.*, unnest(string_split(o.fact_ids, ',')) AS fact_id FROM observations o WHERE o.conflict)
SELECT s.indicator_code, s.region_code, s.year, s.measure, s.is_target, s.unit, s.value AS agreed_value,
       s.min_value, s.max_value, s.tolerance, s.n_sources,
       f.doc, f.fact_id, f.quote, coalesce(f.value_cny, f.value) AS reported_value, f.sentence
FROM sources s JOIN facts f ON f.fact_id = s.fact_id
ORDER BY s.indicator_code, s.region_code, s.year, s.measure, s.is_target, f.doc, f.fact_id
"""
SERIES_COLUMNS = ["year", "value", "unit", "measure", "is_target", "n_sources", "min_value", "max_value", "conflict",
                  "indicator_code", "region_code"]
_SEARCHED = ["indicator_code", "name_en", "name_zh", "aliases_zh_hans", "aliases_zh_hant", "aliases_en"]
_LEVEL_ORDER = ["country", "province", "prefecture", "county", "district", "town", "economic_zone", "group"]


class AmbiguousNameError(DatasetError, LookupError):
    """A name that matches no catalog entry or place, or several."""


def indicators(search: str | None = None) -> pd.DataFrame:
    """The indicator catalog; with `search`, the entries whose code, names or aliases (simplified, traditional,
    English; case-insensitive) contain it: ``indicators("gdp")``, ``indicators("服務業")``."""
    from . import load
    df = load("indicators")
    if not search:
        return df
    s = search.strip().lower()
    hit = pd.Series(False, index=df.index)
    for col in _SEARCHED:
        hit |= df[col].fillna("").str.lower().str.contains(s, regex=False)
    return df[hit].reset_index(drop=True)


def _indicator_code(name: str) -> str:
    from . import load
    codes = set(load("indicators", columns=["indicator_code"])["indicator_code"])
    if name in codes:
        return name
    found = indicators(name)
    exact = found[(found["name_en"].str.lower() == name.lower()) | (found["name_zh"] == name)]
    found = exact if len(exact) else found
    if len(found) != 1:
        raise AmbiguousNameError(f"indicator {name!r} matches {len(found)} catalog entries"
                                 + (f": {', '.join(found['indicator_code'][:10])}" if len(found) else ""))
    return found["indicator_code"].iloc[0]


def region_code(name: str) -> str:
    """A place's code from its code, English name (Qingdao, Qingdao City) or Chinese name (青岛市, 青岛)."""
    from . import load
    df = load("regions")
    if name in set(df["region_code"]):
        return name
    low = name.strip().lower()
    for suffix in (" city", " province", " municipality", " district", " county"):
        low = low[: -len(suffix)] if low.endswith(suffix) else low
    en = df["name_en"].fillna("").str.lower().str.replace(r" (city|province|municipality|district|county)$", "",
                                                         regex=True)
    zh = df["name_zh"].fillna("")
    hit = df[(en == low) | (zh == name) | (zh.str.rstrip("市省区县") == name.rstrip("市省区县"))]
    if len(hit) > 1:  # Beijing the municipality before a namesake lower down
        rank = hit["level"].map({lv: i for i, lv in enumerate(_LEVEL_ORDER)})
        hit = hit[rank == rank.min()]
    if len(hit) != 1:
        raise AmbiguousNameError(f"region {name!r} matches {len(hit)} places"
                                 + (f": {', '.join(hit['region_code'])}" if len(hit) else ""))
    return hit["region_code"].iloc[0]


def series(indicator: str, region: str | None = None, *, measure: str | None = None,
           is_target: bool | None = None) -> pd.DataFrame:
    """One concept's observations as a tidy frame (year, value, unit, measure, is_target, n_sources, …), by year.

    indicator: a catalog code (``"gdp"``) or a name or alias that picks one entry (``"地区生产总值"``).
    region: a code (``"370200"``, ``"CHN"``) or a name (``"Qingdao"``, ``"青岛市"``); default: every place.
    measure / is_target: keep only level, growth, share or change; only targets (True) or outcomes (False)."""
    from . import load
    filters = [("indicator_code", "=", _indicator_code(indicator))]
    if region is not None:
        filters.append(("region_code", "=", region_code(region)))
    if measure is not None:
        filters.append(("measure", "=", measure))
    if is_target is not None:
        filters.append(("is_target", "=", bool(is_target)))
    df = load("observations", filters=filters)
    return df.sort_values(["region_code", "measure", "is_target", "year"], kind="mergesort")[SERIES_COLUMNS] \
        .reset_index(drop=True)


def conflicts(indicator: str | None = None, region: str | None = None) -> pd.DataFrame:
    """The observations whose sources disagree beyond the tolerance, one row per source fact (doc, quote,
    reported value, sentence) beside the agreed value; optionally for one indicator and/or place."""
    from . import query
    where = []
    if indicator is not None:
        where.append(f"indicator_code = '{_indicator_code(indicator)}'")
    if region is not None:
        where.append(f"region_code = '{region_code(region)}'")
    return query("SELECT * FROM conflicts" + (" WHERE " + " AND ".join(where) if where else ""))
