"""Publishing: per-document results → combined tables → Parquet, DuckDB, wheel, in an atomic release.
Plain Python, no Dagster."""
