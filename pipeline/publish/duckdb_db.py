"""The DuckDB database: every published table, with COMMENT ON descriptions, readable by DuckDB 1.x clients."""
from __future__ import annotations

from pathlib import Path

import duckdb

import schemas

# DuckDB 2.0 writes storage version 69 by default, which 1.x clients (and the duckdb CLI on PyPI) cannot read.
STORAGE_COMPATIBILITY = "v1.5.0"


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def write_database(db_path: Path, parquet_files: dict[str, Path]) -> Path:
    """Create db_path from scratch holding a real table (not a view) per Parquet file."""
    db_path.parent.mkdir(parents=True, exist_ok=True)
    db_path.unlink(missing_ok=True)
    con = duckdb.connect(str(db_path), config={"storage_compatibility_version": STORAGE_COMPATIBILITY})
    try:
        for table, pq_path in parquet_files.items():
            con.execute(f"CREATE TABLE {table} AS SELECT * FROM read_parquet({_quote(str(pq_path))})")
            con.execute(f"COMMENT ON TABLE {table} IS {_quote(schemas.table_description(table))}")
            for col, text in schemas.column_descriptions(table).items():
                con.execute(f"COMMENT ON COLUMN {table}.{col} IS {_quote(text)}")
        if {"observations", "facts"} <= set(parquet_files):
            from ..curate.tables import CONFLICTS_COMMENT, CONFLICTS_VIEW
            con.execute(CONFLICTS_VIEW)
            con.execute(f"COMMENT ON VIEW conflicts IS {_quote(CONFLICTS_COMMENT)}")
        con.execute("CHECKPOINT")
    finally:
        con.close()
    return db_path
