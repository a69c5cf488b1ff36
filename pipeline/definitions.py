"""The one Dagster code location: assets by stage, their checks, the raw/ sensor and the warehouse resource.

    ingest → parse → extract   (one dynamic partition per file under raw/)
    validate                   (documents, facts, table_cells combined; blocking checks)
    publish                    (Parquet, DuckDB, wheel; atomic)
"""
from __future__ import annotations

import dagster as dg

from .assets.checks import ALL_CHECKS
from .assets.combine import combined_tables
from .assets.extract import document_facts
from .assets.ingest import raw_file
from .assets.parse import parsed_document
from .assets.publish import release
from .assets.resources import Warehouse
from .assets.sensors import raw_documents, removed_documents

ASSETS = [raw_file, parsed_document, document_facts, combined_tables, release]

# Evaluates the eager conditions of documents/facts/table_cells and release: after the raw_documents sensor's
# per-document runs, the combined tables and the release follow by themselves. Dagster creates this sensor
# stopped; declaring it here makes it run as soon as `dagster dev` (make ui) starts.
automation = dg.AutomationConditionSensorDefinition(
    "default_automation_condition_sensor", target=dg.AssetSelection.all(),
    default_status=dg.DefaultSensorStatus.RUNNING, minimum_interval_seconds=30,
    description="Materializes the combined tables and the release when their upstream assets change (eager).")

defs = dg.Definitions(
    assets=ASSETS,
    asset_checks=ALL_CHECKS,
    sensors=[raw_documents, removed_documents, automation],
    resources={"warehouse": Warehouse()},
    # 2 cores: a step per process would cost seconds each (STACK_NOTES P3)
    executor=dg.in_process_executor,
)
