"""pandera model of the published `observations` table: one row per indicator × place × year × measure × target."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series


class ObservationsSchema(pa.DataFrameModel):
    """One row per indicator_code, region_code, year, measure, is_target and unit (single-year values; facts over a period stay in facts): the value the sources agree on (the median of each document's value), how many documents report it, the range they report and the facts behind it. Money is compared in CNY (value_cny). conflict marks a spread beyond the tolerance; the view conflicts lists each source."""

    indicator_code: Series[str] = pa.Field(description="The concept (table indicators)")
    region_code: Series[str] = pa.Field(description="The place (table regions)")
    year: Series[np.int64] = pa.Field(ge=1800, le=2200, description="The year the value refers to")
    measure: Series[str] = pa.Field(isin=["level", "growth", "share", "change"], description="level, growth, share or change")
    is_target: Series[bool] = pa.Field(description="True for a plan, goal or forecast")
    unit: Series[str] = pa.Field(description="Unit of value: CNY for all money (converted), else the facts' unit")
    value: Series[np.float64] = pa.Field(description="The agreed value: median over documents of each document's median")
    n_sources: Series[np.int64] = pa.Field(ge=1, description="Number of documents reporting it")
    n_facts: Series[np.int64] = pa.Field(ge=1, description="Number of facts behind it")
    min_value: Series[np.float64] = pa.Field(description="Smallest value reported")
    max_value: Series[np.float64] = pa.Field(description="Largest value reported")
    tolerance: Series[np.float64] = pa.Field(ge=0, description="Spread allowed before the sources count as disagreeing: 1% of |value|, and at least 0.05 for percent units")
    conflict: Series[bool] = pa.Field(description="max_value - min_value exceeds tolerance")
    fact_ids: Series[str] = pa.Field(description="The facts behind it (facts.fact_id), comma-separated, sorted")

    class Config:
        strict = True
        coerce = True
        unique = ["indicator_code", "region_code", "year", "measure", "is_target", "unit"]

    @pa.dataframe_check(description="min_value <= value <= max_value")
    def value_in_range(cls, df: pd.DataFrame) -> Series[bool]:
        return (df["min_value"] <= df["value"] + 1e-9 * df["value"].abs()) & (df["value"] <= df["max_value"] + 1e-9 * df["value"].abs())
