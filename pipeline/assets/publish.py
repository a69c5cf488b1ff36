"""publish: the validated tables → warehouse/parquet/*.parquet, warehouse/china_econ_facts.duckdb and the wheel."""

import dagster as dg

from .. import combine as lib
from .. import shards
from ..publish.build import publish_tables
from ..versions import source_version
from .resources import Warehouse
from .runs import prune_runs


@dg.asset(
    deps=list(lib.TABLE_NAMES),
    group_name="publish",
    kinds={"parquet", "duckdb", "python"},
    code_version=source_version("publish"),
    automation_condition=dg.AutomationCondition.eager(),
    description="The release: Parquet files (warehouse/parquet/), the DuckDB database "
                "(warehouse/china_econ_facts.duckdb, readable by DuckDB 1.x and 2.x) and the china-econ-facts wheel "
                "(warehouse/dist/). Written aside and swapped in atomically; runs only after the blocking checks pass.",
)
def release(context: dg.AssetExecutionContext, warehouse: Warehouse) -> dg.MaterializeResult:
    tables = lib.read_combined(warehouse.root)
    rel = publish_tables(tables, warehouse.root)
    combined = shards.read_manifest(lib.combined_dir(warehouse.root)).get("state")
    if combined:  # a build from the same shards and code has nothing left to do
        shards.record_published(warehouse.root, combined)
    pruned = prune_runs(context.instance)
    meta = {
        "release_id": rel.release_id,
        "version": rel.manifest.get("version", rel.release_id),
        "release_path": dg.MetadataValue.path(str(rel.path)),
        "duckdb": dg.MetadataValue.path(str(warehouse.root / "china_econ_facts.duckdb")),
        "parquet": dg.MetadataValue.path(str(warehouse.root / "parquet")),
        "runs_pruned": len(pruned),
        **{f"rows_{name}": int(n) for name, n in rel.manifest["rows"].items()},
    }
    if rel.wheel is not None:
        meta["wheel"] = dg.MetadataValue.path(str(warehouse.root / "dist" / rel.wheel.name))
    return dg.MaterializeResult(metadata=meta)
