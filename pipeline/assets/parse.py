"""parse: a raw file → its published text, script, pages and tables (or a status saying why not)."""

from collections import Counter

import dagster as dg

from .. import stage
from ..documents import limits, make_doc_id, read_document
from ..documents.scan import file_sha256
from ..versions import reader_version
from .ingest import _md_table, raw_file
from .resources import Warehouse, documents_partitions


@dg.asset(
    partitions_def=documents_partitions,
    deps=[raw_file],
    group_name="parse",
    kinds={"python", "pdf", "json"},
    code_version=reader_version(),
    backfill_policy=dg.BackfillPolicy.single_run(),
    description="The document as read: encoding detected (UTF-8, GB18030, Big5, UTF-16), HTML stripped, PDF pages "
                "in reading order through pdfplumber, script (en, zh-Hans, zh-Hant), title and table cells. "
                "Unreadable input gets a status and a specific error instead of failing the run. "
                "Staged as JSON under warehouse/stage/<doc_id>/; reused while the bytes and reader are unchanged.",
)
def parsed_document(context: dg.AssetExecutionContext, warehouse: Warehouse) -> dg.MaterializeResult:
    rows, reused = [], 0
    for key in context.partition_keys:
        path = warehouse.raw / key
        doc_id = make_doc_id(key)
        try:
            sha = file_sha256(path) if path.is_file() and not path.is_symlink() else None
        except OSError:  # unreadable: read_document below names the cause
            sha = None
        version = f"{reader_version()}+{limits.signature()}"  # other limits: read again
        doc = stage.load_document(warehouse.root, doc_id, sha256=sha, reader_version=version) if sha else None
        if doc is None:
            doc = read_document(path, warehouse.raw) if path.exists() or path.is_symlink() else None
            if doc is None:
                context.log.warning(f"{key}: no longer under raw/")
                continue
            stage.save_document(warehouse.root, doc, version)
        else:
            reused += 1
        if doc.status != "ok":
            context.log.warning(f"{key}: {doc.status}: {doc.error}")
        rows.append({"file": key, "status": doc.status, "lang": doc.lang, "chars": doc.chars, "pages": doc.pages,
                     "error": doc.error or ""})
    statuses = Counter(r["status"] for r in rows)
    return dg.MaterializeResult(metadata={
        "documents": len(rows), "reused_from_cache": reused, "chars": sum(r["chars"] for r in rows),
        **{f"status_{s}": n for s, n in sorted(statuses.items())},
        "preview": dg.MetadataValue.md(_md_table(rows[:50])),
    })
