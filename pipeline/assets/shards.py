"""extract: the documents of one shard (a stable hash of their path) → their rows, as Parquet per shard."""

import logging
from collections import Counter

import dagster as dg

from .. import shard_work, shards
from .resources import Compute, Warehouse, shard_partitions
from .summaries import md_table

# one line per document worked on, for `make run` (pipeline/run.py prints this logger); not the event log
progress = logging.getLogger("pipeline.progress")


def _line(result: dict) -> None:
    line = f"{result['path']}: {result['status']}, {result['facts']} facts"
    line += f" ({result['error']})" if result.get("error") else ""
    progress.info(line, extra={"cached": result.get("cached", False)})


@dg.asset(
    partitions_def=shard_partitions,
    group_name="extract",
    kinds={"python", "pdf", "parquet"},
    code_version=shards.code_version(),
    backfill_policy=dg.BackfillPolicy.single_run(),
    output_required=False,
    description="The documents of one shard of raw/ (a stable hash of each file's path picks its shard): each read "
                "(encoding, HTML, PDF pages through pdfplumber, script, tables) and its economic numbers extracted, "
                "written as Parquet under warehouse/shards/<shard>/. A shard whose files (by SHA-256) and code are "
                "unchanged is skipped; in a changed shard only its new or changed documents are read and "
                "extracted again. Each partition's metadata lists its own documents with status and facts.",
)
def document_shards(context: dg.AssetExecutionContext, warehouse: Warehouse, compute: Compute):
    keys = list(context.partition_keys)
    plan = shards.plan_for(context.run.tags.get(shards.PLAN_TAG), warehouse.raw, warehouse.root)
    changed = documents = 0
    # each shard is recorded as soon as it is written: Dagster's bookkeeping (~30 ms a partition) overlaps the
    # workers' extraction of the others instead of following it
    for key, result in shard_work.iter_shards(warehouse.raw_dir, warehouse.root, keys, compute.engine(),
                                              on_document=_line, plan=plan):
        changed += result["changed"]
        documents += len(result["summary"]) if result["changed"] else 0
        yield dg.AssetMaterialization(asset_key=context.asset_key, partition=key, metadata=shard_metadata(result))
    context.log.info(f"{changed} of {len(keys)} shards changed; {documents} documents in them")


def shard_metadata(result: dict) -> dict:
    """What a shard's partition shows: its documents only, with their status and number of facts."""
    summary = result["summary"]
    statuses = Counter(s["status"] for s in summary)
    rows = [{"path": s["path"], "status": s["status"], "facts": s["facts"],
             "cached": not result["changed"] or bool(s.get("cached")),
             "error": s.get("error") or ""} for s in summary]
    return {"documents": len(summary), "facts": sum(s["facts"] for s in summary),
            "worked_on": 0 if not result["changed"] else sum(not s.get("cached") for s in summary),
            "changed": result["changed"],
            **{f"status_{k}": n for k, n in sorted(statuses.items())},
            "document_list": dg.MetadataValue.md(md_table(rows))}
