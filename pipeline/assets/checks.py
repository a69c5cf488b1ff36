"""Asset checks on the combined tables. The blocking ones stop the release: a failed check publishes nothing."""

import dagster as dg
import pandas as pd

from .. import combine as lib
from .. import validate
from .resources import Warehouse


def _result(failures: pd.DataFrame, what: str, severity=dg.AssetCheckSeverity.ERROR) -> dg.AssetCheckResult:
    meta = {"failures": len(failures)}
    if len(failures):
        meta["sample"] = dg.MetadataValue.md(failures.head(20).astype(str).to_markdown(index=False))
    return dg.AssetCheckResult(passed=not len(failures), severity=severity,
                               description=f"{len(failures)} {what}" if len(failures) else f"no {what}",
                               metadata=meta)


def _schema_check(table: str):
    @dg.asset_check(asset=table, name=f"{table}_schema", blocking=True,
                    description=f"pandera {table} schema: column types, allowed values, ranges, uniqueness and "
                                f"row-level rules (schemas/{table}.py)")
    def check(warehouse: Warehouse) -> dg.AssetCheckResult:
        df = lib.read_combined(warehouse.root)[table]
        return _result(validate.schema_failures(table, df), "schema failure cases")

    return check


schema_checks = [_schema_check(t) for t in lib.TABLE_NAMES]


@dg.asset_check(asset="facts", blocking=True,
                description="Provenance round-trip: every fact's quote is exactly documents.text[char_start:char_end]")
def fact_spans(warehouse: Warehouse) -> dg.AssetCheckResult:
    t = lib.read_combined(warehouse.root)
    return _result(validate.span_failures(t["documents"], t["facts"]), "facts whose span does not give the quote")


def _orphan_check(table: str, name: str, what: str):
    """Every row's doc_id is a document (a foreign key the Parquet files cannot enforce themselves)."""
    @dg.asset_check(asset=table, name=name, blocking=True, additional_deps=["documents"],
                    description=f"Every {what[:-1]}'s doc_id is a row of documents")
    def check(warehouse: Warehouse) -> dg.AssetCheckResult:
        t = lib.read_combined(warehouse.root)
        return _result(validate.orphan_failures(t["documents"], t[table]), f"{what} of unknown documents")

    return check


fact_documents = _orphan_check("facts", "fact_documents", "facts")
cell_documents = _orphan_check("table_cells", "cell_documents", "cells")
page_documents = _orphan_check("pages", "page_documents", "pages")


@dg.asset_check(asset="facts", blocking=True,
                description="No number is published twice (same document, span, value, unit and source)")
def no_duplicate_facts(warehouse: Warehouse) -> dg.AssetCheckResult:
    return _result(validate.duplicate_facts(lib.read_combined(warehouse.root)["facts"]), "duplicated facts")


@dg.asset_check(asset="documents", blocking=False,
                description="Documents that could not be read, with their errors (a warning: the rest is published)")
def unreadable_documents(warehouse: Warehouse) -> dg.AssetCheckResult:
    docs = lib.read_combined(warehouse.root)["documents"]
    return _result(validate.problem_documents(docs), "documents not read", severity=dg.AssetCheckSeverity.WARN)


ALL_CHECKS = [*schema_checks, fact_spans, fact_documents, cell_documents, page_documents, no_duplicate_facts,
              unreadable_documents]
