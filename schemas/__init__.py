"""pandera models of every published table, one per file. TABLES maps table name → model, in publish order."""
from __future__ import annotations

import pandas as pd

from .documents import DocumentsSchema
from .facts import FactsSchema
from .pages import PagesSchema
from .indicators import IndicatorsSchema
from .observations import ObservationsSchema
from .regions import RegionsSchema
from .table_cells import TableCellsSchema

TABLES = {"documents": DocumentsSchema, "pages": PagesSchema, "facts": FactsSchema, "table_cells": TableCellsSchema,
          "indicators": IndicatorsSchema, "regions": RegionsSchema, "observations": ObservationsSchema}
SORT_KEYS = {"documents": ["path"], "pages": ["doc_id", "page"], "facts": ["doc", "source", "char_start", "char_end", "fact_id"],
             "table_cells": ["doc_id", "page", "table_index", "row", "col"], "indicators": ["indicator_code"],
             "regions": ["region_code"],
             "observations": ["indicator_code", "region_code", "year", "measure", "is_target", "unit"]}
# tables derived from facts at publish time (pipeline/curate/tables.py)
CURATED = ("indicators", "regions", "observations")


def table_description(name: str) -> str:
    return " ".join((TABLES[name].__doc__ or "").split())


def column_descriptions(name: str) -> dict[str, str]:
    return {col: c.description or "" for col, c in TABLES[name].to_schema().columns.items()}


def column_dtypes(name: str) -> dict[str, str]:
    """Column → pandera dtype name (str, int64, Int64, float64, bool), in schema order."""
    return {col: str(c.dtype) for col, c in TABLES[name].to_schema().columns.items()}


def foreign_key_violations(documents: pd.DataFrame, child: pd.DataFrame) -> pd.DataFrame:
    """Rows of `child` (pages, facts or table_cells) whose doc_id is not in documents."""
    return child[~child["doc_id"].isin(documents["doc_id"])]


__all__ = ["TABLES", "SORT_KEYS", "CURATED", "IndicatorsSchema", "RegionsSchema", "ObservationsSchema", "DocumentsSchema", "PagesSchema", "FactsSchema", "TableCellsSchema", "table_description",
           "column_descriptions", "column_dtypes", "foreign_key_violations"]
