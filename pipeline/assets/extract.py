"""extract: a parsed document → its facts (text and table), staged per document."""

from collections import Counter

import dagster as dg

from .. import stage
from ..documents import make_doc_id
from ..process import facts_for
from ..versions import extractor_version
from .ingest import _md_table
from .parse import parsed_document
from .resources import Warehouse, documents_partitions


@dg.asset(
    partitions_def=documents_partitions,
    deps=[parsed_document],
    group_name="extract",
    kinds={"python"},
    code_version=extractor_version(),
    backfill_policy=dg.BackfillPolicy.single_run(),
    description="Every economic number of one document: value in base units, unit, year, target or observed, "
                "qualifier, region, indicator, and its span in the document's text (and page, for PDFs).",
)
def document_facts(context: dg.AssetExecutionContext, warehouse: Warehouse) -> dg.MaterializeResult:
    rows, kinds = [], Counter()
    for key in context.partition_keys:
        doc = stage.load_document(warehouse.root, make_doc_id(key))
        if doc is None:
            raise dg.Failure(f"{key}: parsed_document has not been materialized for this partition")
        facts = facts_for(doc)
        stage.save_facts(warehouse.root, doc.doc_id, facts)
        kinds.update(f.kind for f in facts)
        rows.append({"file": key, "status": doc.status, "facts": len(facts)})
        context.log.info(f"{key}: {doc.status}, {len(facts)} facts")
    return dg.MaterializeResult(metadata={
        "facts": sum(r["facts"] for r in rows), "documents": len(rows),
        **{f"kind_{k}": n for k, n in sorted(kinds.items())},
        "preview": dg.MetadataValue.md(_md_table(rows[:50])),
    })
