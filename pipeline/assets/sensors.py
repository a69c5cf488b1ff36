"""The raw_documents sensor: keeps one dynamic partition per file under raw/ and re-processes what changed."""

import hashlib
import json
from pathlib import Path

import dagster as dg
import pyarrow.parquet as pq

from ..combine import combined_dir
from ..documents.scan import scan_raw
from .combine import combined_tables
from .extract import document_facts
from .ingest import raw_file
from .parse import parsed_document
from .resources import Warehouse, documents_partitions

PER_DOCUMENT = [raw_file, parsed_document, document_facts]


def plan_changes(previous: dict[str, str], current: dict[str, str], registered: set[str]):
    """(keys to add, keys to delete, keys to run): new and changed files run; removed files are deleted."""
    added = sorted(set(current) - registered)
    deleted = sorted(registered - set(current))
    changed = sorted(k for k in current if k in previous and previous[k] != current[k])
    new_content = sorted(set(added) | set(changed) | {k for k in current if k not in previous})
    return added, deleted, new_content


@dg.sensor(target=PER_DOCUMENT, minimum_interval_seconds=15, default_status=dg.DefaultSensorStatus.RUNNING,
           description="Watches raw/: a new or changed file (by SHA-256) gets its partition and a run; a removed "
                       "file's partition is deleted, so its facts leave the next release. Touching a file without "
                       "changing its bytes does nothing.")
def raw_documents(context: dg.SensorEvaluationContext, warehouse: Warehouse):
    previous, seq = read_cursor(context.cursor)
    current = scan_raw(warehouse.raw)
    registered = set(context.instance.get_dynamic_partitions(documents_partitions.name))
    added, deleted, to_run = plan_changes(previous, current, registered)
    requests = []
    if added:
        requests.append(documents_partitions.build_add_request(added))
    if deleted:
        requests.append(documents_partitions.build_delete_request(deleted))
    if to_run or deleted:
        seq += 1
    # the sequence number keeps run keys unique when a file goes back to earlier bytes (A → B → A): Dagster
    # skips a run request whose run_key it has seen, which would leave B's facts in place of A's
    runs = [dg.RunRequest(partition_key=k, run_key=f"{k}:{current[k]}:{seq}") for k in to_run]
    return dg.SensorResult(run_requests=runs, dynamic_partitions_requests=requests,
                           cursor=json.dumps({"files": current, "seq": seq}, sort_keys=True))


def read_cursor(cursor: str | None) -> tuple[dict[str, str], int]:
    """(file → fingerprint, change sequence number); also reads the older cursor (a bare file map)."""
    data = json.loads(cursor) if cursor else {}
    if isinstance(data.get("files"), dict):
        return data["files"], int(data.get("seq", 0))
    return data, 0


@dg.sensor(target=combined_tables, minimum_interval_seconds=30, default_status=dg.DefaultSensorStatus.RUNNING,
           description="Re-combines the tables when a document was removed from raw/: a removal materializes "
                       "nothing upstream, so the eager automation would leave the removed file's facts published. "
                       "The release follows by automation.")
def removed_documents(context: dg.SensorEvaluationContext, warehouse: Warehouse):
    registered = set(context.instance.get_dynamic_partitions(documents_partitions.name))
    gone = sorted(published_paths(warehouse.root) - registered)
    if not gone:
        return dg.SkipReason("every published document is still under raw/")
    state = hashlib.sha256("\n".join(sorted(registered)).encode("utf-8")).hexdigest()[:16]
    context.log.info(f"{len(gone)} removed document(s) still published, e.g. {gone[0]}")
    return dg.RunRequest(run_key=f"removed:{state}")


def published_paths(warehouse: Path) -> set[str]:
    """Paths (relative to raw/, i.e. partition keys) of the documents in the last combined tables."""
    table = combined_dir(warehouse) / "documents.parquet"
    if not table.exists():
        return set()
    return set(pq.read_table(table, columns=["path"]).column("path").to_pylist())
