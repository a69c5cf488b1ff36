"""DataFrame → Parquet with an explicit Arrow schema, so equal data gives byte-identical files."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

import schemas

_ARROW = {"str": pa.string(), "int64": pa.int64(), "Int64": pa.int64(), "float64": pa.float64(), "bool": pa.bool_()}


def arrow_schema(table: str) -> pa.Schema:
    fields = []
    nullable_cols = {c for c, col in schemas.TABLES[table].to_schema().columns.items() if col.nullable}
    descriptions = schemas.column_descriptions(table)
    for col, dtype in schemas.column_dtypes(table).items():
        fields.append(pa.field(col, _ARROW[dtype], nullable=col in nullable_cols,
                               metadata={"description": descriptions[col]}))
    return pa.schema(fields, metadata={"table": table, "description": schemas.table_description(table)})


def to_arrow(table: str, df: pd.DataFrame) -> pa.Table:
    return pa.Table.from_pandas(df, schema=arrow_schema(table), preserve_index=False)


def write_parquet(table: str, df: pd.DataFrame, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(to_arrow(table, df), path, compression="zstd", row_group_size=64 * 1024)
    return path


def read_parquet(path: Path) -> pd.DataFrame:
    return pq.read_table(path).to_pandas()
