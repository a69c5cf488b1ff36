"""pandera model of the published `facts` table: one row per extracted number (CONTRACT.md)."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from pipeline.extract.fact import KINDS, LANGS, MEASURES, QUALIFIERS, UNITS, YEAR_BASES


class FactsSchema(pa.DataFrameModel):
    """One row per economic number found in a document, normalized to base units, with its provenance."""

    fact_id: Series[str] = pa.Field(unique=True, str_length={"min_value": 8},
                                    description="Stable id: the same sentence of the same document gives the same id on every build")
    doc_id: Series[str] = pa.Field(description="Id of the document the fact comes from (documents.doc_id)")
    doc: Series[str] = pa.Field(description="The document's name (documents.doc): its path under raw/")
    page: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=1, description="1-based PDF page the number is printed on; null for non-PDF documents")
    char_start: Series[np.int64] = pa.Field(ge=0, description="Start of `quote` in documents.text (0-based, Python string index)")
    char_end: Series[np.int64] = pa.Field(ge=1, description="End of `quote` in documents.text (exclusive): text[char_start:char_end] == quote")
    quote: Series[str] = pa.Field(str_length={"min_value": 1}, description="The number and its unit exactly as written, e.g. 975億元 or 3.832 trillion RMB")
    sentence: Series[str] = pa.Field(description="The sentence (or table row and column headers) that holds the number")
    value: Series[np.float64] = pa.Field(description="Value in base units: money in whole currency units, percent in percentage points, counts as counts, multiples as the factor")
    value_high: Series[np.float64] = pa.Field(nullable=True, description="Upper end of a range (8% to 10%, 2—3家); `value` is then the lower end")
    unit: Series[str] = pa.Field(isin=sorted(UNITS), description="Unit of `value`: ISO 4217 code for money (CNY, USD, ...), else a lower-case unit name (percent, count, person, km, tonne, times, ...)")
    kind: Series[str] = pa.Field(isin=sorted(KINDS), description="money, percent, count, measure or ratio")
    measure: Series[str] = pa.Field(isin=sorted(MEASURES), description="level (stock or flow), growth (rate of change, negative for a decline), share (part of a whole) or change (absolute difference)")
    raw_value: Series[np.float64] = pa.Field(description="The number as written, before scaling (975 for 975億元)")
    raw_unit: Series[str] = pa.Field(description="The unit as written (億元, trillion RMB, %)")
    scale: Series[np.float64] = pa.Field(gt=0, description="Factor from raw_value to value (1e8 for 億)")
    year: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=1800, le=2200, description="Year the value refers to; the target year for a plan target; the end year for an average over a period")
    year_start: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=1800, le=2200, description="Start year of the period for averages, ranges and plans (2024—2026 → 2024)")
    year_basis: Series[str] = pa.Field(nullable=True, isin=sorted(YEAR_BASES), description="How year was decided: stated (in the value's clause or sentence), relative (今年, last year… resolved against the document's date), period (a range, average or plan period), section (a heading's, title's or table header's year), context (the paragraph's or a list lead-in's year), document_date (a current value in a dated document); null when year is null")
    is_target: Series[bool] = pa.Field(description="True for a plan, goal or forecast; false for an observed or decided value")
    qualifier: Series[str] = pa.Field(isin=sorted(QUALIFIERS), description="= exact, >= lower bound (more than, 突破), <= upper bound (under, 不到), ~ approximate (about, 约)")
    region: Series[str] = pa.Field(nullable=True, description="English name of the place the value is about (China, Qingdao, Laoshan District, United States)")
    region_zh: Series[str] = pa.Field(nullable=True, description="Simplified Chinese name of the region where it has one (崂山区)")
    indicator: Series[str] = pa.Field(description="What is measured, as the text names it (simplified Chinese for Chinese text, English for English text)")
    lang: Series[str] = pa.Field(isin=sorted(LANGS), description="Script of the source text: en, zh-Hans or zh-Hant")
    source: Series[str] = pa.Field(isin=["text", "table"], description="text (running text) or table (a PDF table cell; see table_cells)")
    indicator_code: Series[str] = pa.Field(nullable=True, description="The concept measured, from the indicator catalog (table indicators); null when no catalog concept fits")
    indicator_en: Series[str] = pa.Field(nullable=True, description="The catalog's English name for indicator_code")
    region_code: Series[str] = pa.Field(nullable=True, description="Code of the place (table regions): GB/T 2260 for mainland divisions, ISO 3166-1 alpha-3 for countries and for Hong Kong, Macao, Taiwan, cef:<name> for regions the packages lack; null only when region is null")
    value_cny: Series[np.float64] = pa.Field(nullable=True, description="Money in CNY at the year's average ECB reference rate (nominal); a CNY amount is itself; null when the rate table lacks the currency or year (conversion_note)")
    value_usd: Series[np.float64] = pa.Field(nullable=True, description="Money in USD at the year's average ECB reference rate (nominal); null when the rate table lacks the currency or year (conversion_note)")
    conversion_note: Series[str] = pa.Field(nullable=True, isin=["no_year", "year_not_in_rate_table", "currency_not_in_rate_table"], description="Why value_cny or value_usd is null for a money fact: no_year, year_not_in_rate_table (CNY rates start in 2005, all rates in 1999), currency_not_in_rate_table")

    class Config:
        strict = True
        coerce = True

    @pa.dataframe_check(description="char_end > char_start and the span length equals the quote's length")
    def span_matches_quote(cls, df: pd.DataFrame) -> Series[bool]:
        return (df["char_end"] > df["char_start"]) & ((df["char_end"] - df["char_start"]) == df["quote"].str.len())

    @pa.dataframe_check(description="value and value_high are finite numbers, and value_high >= value when present")
    def values_finite(cls, df: pd.DataFrame) -> Series[bool]:
        high_ok = df["value_high"].isna() | (np.isfinite(df["value_high"]) & (df["value_high"] >= df["value"]))
        return np.isfinite(df["value"]) & high_ok

    @pa.dataframe_check(description="a fact with a region has a region_code")
    def region_coded(cls, df: pd.DataFrame) -> Series[bool]:
        return df["region"].isna() | df["region_code"].notna()

    @pa.dataframe_check(description="year_start, when present, is not after year")
    def period_ordered(cls, df: pd.DataFrame) -> Series[bool]:
        return df["year_start"].isna() | df["year"].isna() | (df["year_start"] <= df["year"])
