"""The one Dagster code location: assets by stage, their checks, the raw/ sensor and the resources.

    extract    document_shards: one static partition per shard of raw/ (a stable hash of each path)
    validate   documents, pages, facts, table_cells combined by DuckDB from the shards; blocking checks
    publish    release: Parquet, DuckDB, wheel; atomic

    build_all  the UI's one-click build: every shard, then the tables, their checks and the release (assets/jobs.py)
"""
from __future__ import annotations

import dagster as dg

from .assets.checks import ALL_CHECKS
from .assets.combine import combined_tables
from .assets.jobs import build_all
from .assets.publish import release
from .assets.resources import Compute, Warehouse
from .assets.sensors import raw_documents
from .assets.shards import document_shards

ASSETS = [document_shards, combined_tables, release]

# Evaluates the eager conditions of documents/facts/table_cells and release: after the raw_documents sensor's
# shard run, the combined tables and the release follow by themselves. Dagster creates this sensor
# stopped; declaring it here makes it run as soon as `dagster dev` (make ui) starts.
automation = dg.AutomationConditionSensorDefinition(
    "default_automation_condition_sensor", target=dg.AssetSelection.all(),
    default_status=dg.DefaultSensorStatus.RUNNING, minimum_interval_seconds=30,
    description="Materializes the combined tables and the release when their upstream assets change (eager).")

defs = dg.Definitions(
    assets=ASSETS,
    asset_checks=ALL_CHECKS,
    jobs=[build_all],
    sensors=[raw_documents, automation],
    resources={"warehouse": Warehouse(), "compute": Compute()},
    # steps run in the run's process (a process per step costs seconds, STACK_NOTES P3); the per-document work
    # inside the shard step goes to the Compute resource's worker processes
    executor=dg.in_process_executor,
)
