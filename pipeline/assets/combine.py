"""validate: the per-document results combined into the published tables, each guarded by blocking checks."""

import dagster as dg
import pandas as pd

import schemas
from .. import combine as lib
from .extract import document_facts
from .resources import Warehouse, documents_partitions

DESCRIPTIONS = {
    "documents": "One row per file under raw/: how it was read (format, encoding, script, pages), its published "
                 "text, its status (ok, empty, unreadable, no_text_layer, encrypted, duplicate, error) and error.",
    "facts": "One row per economic number, normalized to base units, with year, target flag, qualifier, region, "
             "indicator and provenance (document, page, character span, sentence).",
    "table_cells": "One row per cell of every table found in a PDF, with the row and column headers that apply.",
}


def table_schema(table: str) -> dg.TableSchema:
    """The Dagster view of a pandera model: names, types and descriptions."""
    descriptions = schemas.column_descriptions(table)
    return dg.TableSchema(columns=[dg.TableColumn(name=c, type=t, description=descriptions[c])
                                   for c, t in schemas.column_dtypes(table).items()])


@dg.multi_asset(
    specs=[dg.AssetSpec(name, group_name="validate", kinds={"pandas", "parquet"}, deps=[document_facts],
                        description=DESCRIPTIONS[name],
                        metadata={"dagster/column_schema": table_schema(name)},
                        automation_condition=dg.AutomationCondition.eager())
           for name in lib.TABLE_NAMES],
    can_subset=False,
)
def combined_tables(context: dg.AssetExecutionContext, warehouse: Warehouse):
    keys = context.instance.get_dynamic_partitions(documents_partitions.name)
    tables = lib.combine_staged(warehouse.root, keys)
    paths = lib.write_combined(warehouse.root, tables)
    for name, df in tables.items():
        yield dg.MaterializeResult(asset_key=name, metadata=_metadata(name, df, paths[name]))


def _metadata(name: str, df: pd.DataFrame, path) -> dict:
    meta = {"dagster/row_count": len(df), "path": dg.MetadataValue.path(str(path))}
    if name == "documents":
        meta.update({f"status_{k}": int(v) for k, v in df["status"].value_counts().sort_index().items()})
        preview = df.drop(columns=["text"]).head(20)
    elif name == "facts":
        for col in ("kind", "unit", "lang"):
            counts = df[col].value_counts().sort_index()
            meta[f"by_{col}"] = dg.MetadataValue.md(counts.rename_axis(col).reset_index(name="facts").to_markdown(index=False))
        preview = df[["doc", "quote", "value", "unit", "year", "is_target", "qualifier", "region", "indicator"]].head(20)
    else:
        preview = df.head(20)
    meta["preview"] = dg.MetadataValue.md(preview.to_markdown(index=False) if len(preview) else "(no rows)")
    return meta
