"""Bounded bookkeeping: old runs (and their events and captured logs) are deleted, keeping the newest N and every
run that holds an asset's (or a shard's) latest materialization or check result, which the UI and automation
still read."""

import os
import shutil
from pathlib import Path

import dagster as dg

KEEP_RUNS_ENV = "CEF_KEEP_RUNS"
DEFAULT_KEEP_RUNS = 20


def keep_runs() -> int:
    return max(1, int(os.environ.get(KEEP_RUNS_ENV) or DEFAULT_KEEP_RUNS))


def _protected(instance: dg.DagsterInstance) -> set[str]:
    runs = set()
    for key in instance.get_asset_keys():
        partitions = instance.get_materialized_partitions(key)
        filters = ([dg.AssetRecordsFilter(asset_key=key, asset_partitions=[p]) for p in sorted(partitions)]
                   or [dg.AssetRecordsFilter(asset_key=key)])
        for f in filters:
            runs.update(r.run_id for r in instance.fetch_materializations(f, limit=1).records)
    return runs


def prune_runs(instance: dg.DagsterInstance, keep: int | None = None) -> list[str]:
    """Delete finished runs beyond the newest `keep` ($CEF_KEEP_RUNS, default 20) that nothing still needs."""
    keep = keep or keep_runs()
    old = [r for r in instance.get_run_records(limit=None)[keep:] if r.dagster_run.is_finished]
    if not old:
        return []
    protected = _protected(instance)  # (a materialization's checks ran in its run: kept with it)
    deleted = []
    for record in old:
        run_id = record.dagster_run.run_id
        if run_id in protected:
            continue
        instance.delete_run(run_id)
        if not instance.is_ephemeral:
            shutil.rmtree(Path(instance.root_directory) / "storage" / run_id, ignore_errors=True)
        deleted.append(run_id)
    return deleted
