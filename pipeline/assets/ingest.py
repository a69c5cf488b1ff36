"""ingest: one partition per file under raw/, fingerprinted by its bytes."""

import dagster as dg

from ..documents.model import FORMATS
from ..documents.scan import file_sha256, outside_root
from ..versions import source_version
from .resources import Warehouse, documents_partitions


@dg.asset(
    partitions_def=documents_partitions,
    group_name="ingest",
    kinds={"file"},
    code_version=source_version("documents/scan", "documents/model"),
    backfill_policy=dg.BackfillPolicy.single_run(),
    description="A file under raw/ (one partition per file, registered by the raw_documents sensor): its size, "
                "format and SHA-256. For a single file the SHA-256 is the data version, so a file whose bytes did "
                "not change leaves nothing downstream stale.",
)
def raw_file(context: dg.AssetExecutionContext, warehouse: Warehouse) -> dg.MaterializeResult:
    rows = []
    for key in context.partition_keys:
        path = warehouse.raw / key
        if path.is_symlink() and outside_root(path, warehouse.raw):
            sha, size = "symlink-outside-raw", 0
        elif path.is_file():
            sha, size = file_sha256(path), path.stat().st_size
        else:
            sha, size = "missing", 0
        rows.append({"file": key, "sha256": sha, "bytes": size, "format": FORMATS.get(path.suffix.lower(), "unsupported")})
    single = rows[0] if len(rows) == 1 else None
    return dg.MaterializeResult(
        data_version=dg.DataVersion(single["sha256"]) if single else None,
        metadata={"files": len(rows), "bytes": sum(r["bytes"] for r in rows),
                  **({"sha256": single["sha256"], "format": single["format"]} if single else {}),
                  "preview": dg.MetadataValue.md(_md_table(rows[:50]))},
    )


def _md_table(rows: list[dict]) -> str:
    if not rows:
        return "(none)"
    cols = list(rows[0])
    lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    lines += ["| " + " | ".join(str(r[c]).replace("|", "\\|") for c in cols) + " |" for r in rows]
    return "\n".join(lines)
