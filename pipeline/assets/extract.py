"""extract: a parsed document → its facts (text and table), staged per document."""

import logging
from collections import Counter

import dagster as dg

from .. import stage
from ..documents import limits, make_doc_id
from ..process import facts_for_limited
from ..versions import extractor_version
from .ingest import _md_table
from .parse import parsed_document
from .resources import Warehouse, documents_partitions

# one line per document for `make run` (pipeline/run.py prints this logger); the UI shows context.log
progress = logging.getLogger("pipeline.progress")


@dg.asset(
    partitions_def=documents_partitions,
    deps=[parsed_document],
    group_name="extract",
    kinds={"python", "json"},
    code_version=extractor_version(),
    backfill_policy=dg.BackfillPolicy.single_run(),
    description="Every economic number of one document: value in base units, unit, year, target or observed, "
                "qualifier, region, indicator, and its span in the document's text (and page, for PDFs).",
)
def document_facts(context: dg.AssetExecutionContext, warehouse: Warehouse) -> dg.MaterializeResult:
    rows, kinds, reused = [], Counter(), 0
    for key in context.partition_keys:
        doc = stage.load_document(warehouse.root, make_doc_id(key))
        if doc is None:
            raise dg.Failure(f"{key}: parsed_document has not been materialized for this partition")
        version = f"{extractor_version()}+{limits.signature()}"  # other limits: extract again
        staged = stage.load_extraction(warehouse.root, doc, version)
        if staged is not None:  # same document text, same extractor: nothing to redo
            (facts, error), reused = staged, reused + 1
        else:
            # one document's extractor failure or time-out is its own `error` row, not a failed run
            try:
                facts, error = facts_for_limited(doc), None
            except limits.LimitExceeded as exc:
                facts, error = [], str(exc)
            except limits.WorkerError as exc:  # the extractor raised in its worker process
                facts, error = [], f"extracting facts failed ({exc})"
            except Exception as exc:  # noqa: BLE001
                facts, error = [], f"extracting facts failed ({type(exc).__name__}: {exc})"
            stage.save_facts(warehouse.root, doc, facts, version, error)
        kinds.update(f.kind for f in facts)
        rows.append({"file": key, "status": "error" if error else doc.status, "facts": len(facts)})
        line = f"{key}: {'error' if error else doc.status}, {len(facts)} facts"
        line += f" ({error or doc.error})" if (error or doc.error) else ""
        context.log.info(line)
        progress.info(line, extra={"cached": staged is not None})  # make run prints `cached` for these
    return dg.MaterializeResult(metadata={
        "facts": sum(r["facts"] for r in rows), "documents": len(rows), "reused_from_cache": reused,
        **{f"kind_{k}": n for k, n in sorted(kinds.items())},
        "preview": dg.MetadataValue.md(_md_table(rows[:50])),
    })
