"""The raw_documents sensor: compares raw/ (by SHA-256) with what each shard was last built from, and runs the
shards that differ. New, changed and removed files all change their shard's fingerprint; touching a file without
changing its bytes changes nothing. It compares with the warehouse, not with its own memory, so after `make run`
the first tick of `make ui` finds nothing to do."""

import json

import dagster as dg

from .. import shards
from .resources import Warehouse
from .shards import document_shards

RANGE_START, RANGE_END = "dagster/asset_partition_range_start", "dagster/asset_partition_range_end"


def shard_run_request(plan: shards.Plan, run_key: str | None = None) -> dg.RunRequest | None:
    """One run over the range of changed shards (unchanged shards inside it cost a manifest read)."""
    span = shards.contiguous_range(shards.shard_keys(), plan.changed)
    if span is None:
        return None
    return dg.RunRequest(run_key=run_key, asset_selection=[document_shards.key],
                         tags={RANGE_START: span[0], RANGE_END: span[1]})


@dg.sensor(target=document_shards, minimum_interval_seconds=15, default_status=dg.DefaultSensorStatus.RUNNING,
           description="Watches raw/: a new, changed (by SHA-256) or removed file re-runs its shard, and automation "
                       "then re-combines the tables and publishes. Touching a file without changing its bytes does "
                       "nothing.")
def raw_documents(context: dg.SensorEvaluationContext, warehouse: Warehouse):
    plan = shards.plan(warehouse.raw, warehouse.root)
    if plan.nothing_to_do:
        return dg.SkipReason(f"{len(plan.files)} documents in {len(plan.by_shard)} shards, all up to date")
    wanted = shards.state({k: plan.fingerprints[k] for k in plan.changed})
    last = json.loads(context.cursor) if context.cursor else {}
    if last.get("state") == wanted:  # asked already (the run may still be going)
        return dg.SkipReason(f"{len(plan.changed)} changed shards already requested")
    # the sequence number keeps run keys unique when files go back to earlier bytes (A → B → A)
    seq = int(last.get("seq", 0)) + 1
    context.log.info(f"{len(plan.changed)} shards changed: {', '.join(plan.changed[:10])}"
                     f"{' …' if len(plan.changed) > 10 else ''}")
    return dg.SensorResult(run_requests=[shard_run_request(plan, f"{wanted}:{seq}")],
                           cursor=json.dumps({"state": wanted, "seq": seq}))
