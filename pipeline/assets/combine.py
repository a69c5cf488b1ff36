"""validate: the per-document results combined into the published tables, each guarded by blocking checks."""

from functools import lru_cache

import dagster as dg
import pandas as pd

import schemas
from .. import charts, shards
from .. import combine as lib
from . import summaries
from .resources import Warehouse
from .shards import document_shards

DESCRIPTIONS = {
    "documents": "One row per file under raw/: how it was read (format, encoding, script, pages), its published "
                 "text, its status (ok, empty, unreadable, no_text_layer, encrypted, duplicate, error) and error.",
    "facts": "One row per economic number, normalized to base units, with year, target flag, qualifier, region, "
             "indicator and provenance (document, page, character span, sentence). Its metadata has a chart of "
             "facts per document by kind.",
    "pages": "One row per PDF page: the span of the document's published text that the page produced, so any "
             "offset (a fact's char_start) can be placed on its page.",
    "table_cells": "One row per cell of every table found in a PDF or an HTML page, with the row and column headers that apply.",
}


combine_version = lib.code_version


@lru_cache(maxsize=None)  # pandera's to_schema costs ~0.1 s a table; asked at import and for every materialization
def table_schema(table: str) -> dg.TableSchema:
    """The Dagster view of a pandera model: names, types, descriptions and constraints (nullable, unique, checks)."""
    columns = schemas.TABLES[table].to_schema().columns
    return dg.TableSchema(columns=[
        dg.TableColumn(name=name, type=str(col.dtype), description=col.description or "",
                       constraints=dg.TableColumnConstraints(
                           nullable=bool(col.nullable), unique=bool(col.unique),
                           other=[_short(str(check.error or check.name)) for check in col.checks]))
        for name, col in columns.items()])


def _short(text: str, width: int = 160) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


@dg.multi_asset(
    specs=[dg.AssetSpec(name, group_name="validate", kinds={"pandas", "parquet"}, deps=[document_shards],
                        description=DESCRIPTIONS[name], code_version=combine_version(),
                        metadata={"dagster/column_schema": table_schema(name)},
                        automation_condition=dg.AutomationCondition.eager())
           for name in lib.TABLE_NAMES],
    can_subset=False,
)
def combined_tables(context: dg.AssetExecutionContext, warehouse: Warehouse):
    built = shards.built_fingerprints(warehouse.root)  # the shards as their last build left them
    chart_path = lib.combined_dir(warehouse.root) / charts.CHART_NAME
    with charts.Aside() as chart:  # drawn on another core while the tables are combined and written
        tables = lib.combine_staged(warehouse.root, sorted(built))
        chart.draw(tables["documents"], tables["facts"], chart_path)
        paths = lib.write_combined(warehouse.root, tables)
        shards.write_manifest(lib.combined_dir(warehouse.root), {"state": shards.state(built, combine_version())})
        for name, df in tables.items():
            meta = _metadata(name, df, paths[name], tables)
            if name == "facts":
                meta["facts_per_document"] = dg.MetadataValue.md(
                    charts.markdown_image(chart.result(), "facts per document by kind"))
                meta["facts_per_document_png"] = dg.MetadataValue.path(str(chart_path))
            yield dg.MaterializeResult(asset_key=name, metadata=meta)


def _metadata(name: str, df: pd.DataFrame, path, tables: dict[str, pd.DataFrame]) -> dict:
    meta = {"dagster/row_count": len(df), "path": dg.MetadataValue.path(str(path)),
            "dagster/column_schema": table_schema(name)}
    if name == "documents":
        meta.update({f"status_{k}": n for k, n in summaries.status_counts(df).items()})
        meta["by_status"] = dg.MetadataValue.md(summaries.counts_md(df, "status", "documents"))
        meta["by_lang"] = dg.MetadataValue.md(summaries.counts_md(df, "lang", "documents"))
        meta["not_read"] = dg.MetadataValue.md(summaries.problem_documents_md(df))
        rows = df[["path", "status", "n_facts"]].to_dict("records")
        meta["document_list"] = dg.MetadataValue.md(summaries.md_table(rows, limit=200))
    elif name == "facts":
        meta["documents_with_facts"] = int(df["doc_id"].nunique())
        for col in ("kind", "unit", "lang", "year_basis"):  # (how each year was decided, counted)
            meta[f"by_{col}"] = dg.MetadataValue.md(summaries.counts_md(df, col, "facts"))
    elif name == "table_cells":
        meta["documents_with_tables"] = int(df["doc_id"].nunique())
    meta["preview"] = dg.MetadataValue.md(summaries.preview_md(name, df))
    return meta
