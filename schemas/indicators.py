"""pandera model of the published `indicators` table: the catalog of concepts facts are coded with."""
from __future__ import annotations

import pandera.pandas as pa
from pandera.typing import Series


class IndicatorsSchema(pa.DataFrameModel):
    """One row per catalog concept (pipeline/reference/indicators.json): names, aliases in simplified and traditional Chinese and English, unit family, per capita, and the World Bank WDI or NBS code where one exists."""

    indicator_code: Series[str] = pa.Field(unique=True, description="The code facts.indicator_code uses (gdp, retail_sales)")
    name_en: Series[str] = pa.Field(description="English name")
    name_zh: Series[str] = pa.Field(description="Chinese name (simplified)")
    unit_family: Series[str] = pa.Field(description="Kind of unit a level is measured in: money, percent, person, tonne, ... ('/' between alternatives)")
    per_capita: Series[bool] = pa.Field(description="True when the concept is per person")
    wdi_code: Series[str] = pa.Field(nullable=True, description="World Bank WDI series code for the same concept, if any")
    nbs_code: Series[str] = pa.Field(nullable=True, description="National Bureau of Statistics series as database:code on data.stats.gov.cn (hgnd = national annual), where a public source names it")
    aliases_zh_hans: Series[str] = pa.Field(description="Simplified Chinese names the coder recognises, ' | ' between")
    aliases_zh_hant: Series[str] = pa.Field(description="Traditional Chinese names, ' | ' between")
    aliases_en: Series[str] = pa.Field(description="English names, ' | ' between")

    class Config:
        strict = True
        coerce = True
