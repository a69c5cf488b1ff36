"""pandera models of every published table, one per file. TABLES maps table name → model, in publish order."""
from __future__ import annotations

import sys
import types

import pandas as pd


def _pandas_only() -> None:
    """pandera's typing asks `import dask.dataframe` whether a model's annotations might be dask types (0.3–0.9 s,
    most of what a build spends on its schemas) whenever dask is installed, as it is here for the engine. These
    models annotate pandas only, so pandera is told dask is not there; an import of it elsewhere comes first."""
    if "pandera.typing.dask" not in sys.modules:
        stub = types.ModuleType("pandera.typing.dask", "pandas-only models: see schemas/__init__.py")
        stub.DASK_INSTALLED = False
        sys.modules["pandera.typing.dask"] = stub


_pandas_only()

from .documents import DocumentsSchema  # noqa: E402
from .facts import FactsSchema  # noqa: E402
from .pages import PagesSchema  # noqa: E402
from .indicators import IndicatorsSchema  # noqa: E402
from .observations import ObservationsSchema  # noqa: E402
from .regions import RegionsSchema  # noqa: E402
from .table_cells import TableCellsSchema  # noqa: E402

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
