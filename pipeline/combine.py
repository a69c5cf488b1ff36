"""All documents' staged results → the three published tables (plain Python)."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from . import stage
from .documents.model import Document, make_doc_id
from .publish import parquet
from .publish.frames import combine

TABLE_NAMES = ("documents", "pages", "facts", "table_cells")


def combined_dir(warehouse: Path) -> Path:
    return Path(warehouse) / "combined"


def combine_staged(warehouse: Path, keys: list[str]) -> dict[str, pd.DataFrame]:
    """Tables from the staged results of the given partition keys (paths under raw/). A key whose parse or
    extraction is missing still gets a documents row, with status `error` saying what is missing."""
    results = []
    for key in sorted(keys):
        doc_id = make_doc_id(key)
        doc = stage.load_document(warehouse, doc_id, any_version=True)
        # facts staged from another version of the document (changed bytes, another reader) do not count
        extraction = stage.load_extraction(warehouse, doc) if doc is not None else None
        if doc is None or extraction is None:
            missing = "parsed_document" if doc is None else "document_facts (for this version of the document)"
            doc = doc or Document(doc_id=doc_id, doc=Path(key).name, path=key, sha256="0" * 64, bytes=0,
                                  format=Path(key).suffix.lstrip(".").lower() or "unknown")
            doc.status, doc.error, facts = "error", f"{missing} is not materialized for this partition", []
        else:
            facts, error = extraction
            if error and doc.status == "ok":
                doc.status, doc.error, facts = "error", error, []
        results.append((doc, facts))
    stage.prune(warehouse, {make_doc_id(k) for k in keys})
    return quarantine(combine(results))


# At most this share of the readable documents (and at least one) may be held back for bad facts; beyond it the
# fault is systematic (an extractor regression), and the blocking checks must stop the release instead of a
# release with most documents missing replacing a good one.
QUARANTINE_SHARE = 0.1


def quarantine(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """A document whose extracted facts or table cells fail a row-level release check (pandera schema, span
    round-trip) loses them and gets status `error` naming the check and the quote, so one odd document cannot
    block the release of all the others. Failures that belong to no single document, or to more than
    QUARANTINE_SHARE of the documents, are left for the blocking checks (nothing is published)."""
    from . import validate

    docs, facts, cells = tables["documents"], tables["facts"], tables["table_cells"]
    reasons: dict[str, list[str]] = {}
    unattributed = False
    for name, df in (("facts", facts), ("table_cells", cells)):
        for _, case in validate.schema_failures(name, df).iterrows():
            idx = case.get("index")
            if idx is None or pd.isna(idx) or int(idx) not in df.index:
                unattributed = True
                continue
            row = df.loc[int(idx)]
            what = f"{str(case['check']).split('(')[0]} on {case['column']}"
            label = f"{row['quote']!r}" if name == "facts" else f"table cell p{row['page']} r{row['row']} c{row['col']}"
            reasons.setdefault(row["doc_id"], []).append(f"{label}: {what}")
    spans = validate.span_failures(docs, facts)
    for idx in spans.index:
        row = facts.loc[idx]
        reasons.setdefault(row["doc_id"], []).append(f"{row['quote']!r}: span {row['char_start']}:{row['char_end']} "
                                                     f"does not give the quote")
    n_ok = int((docs["status"] == "ok").sum())
    if not reasons or unattributed or len(reasons) > max(1, int(QUARANTINE_SHARE * n_ok)):
        return tables
    docs = docs.copy()
    for doc_id, found in reasons.items():
        found = sorted(set(found))
        at = docs.index[docs["doc_id"] == doc_id]
        docs.loc[at, "status"] = "error"
        docs.loc[at, "error"] = (f"extracted facts fail the release checks, so none of this document's facts are "
                                 f"published ({len(found)} failures: {'; '.join(found[:3])}"
                                 f"{'; ...' if len(found) > 3 else ''})")
        docs.loc[at, "n_facts"] = 0
    held = set(reasons)
    return {**tables, "documents": docs,
            "facts": facts[~facts["doc_id"].isin(held)].reset_index(drop=True),
            "table_cells": cells[~cells["doc_id"].isin(held)].reset_index(drop=True)}


def write_combined(warehouse: Path, tables: dict[str, pd.DataFrame]) -> dict[str, Path]:
    out = combined_dir(warehouse)
    return {name: parquet.write_parquet(name, df, out / f"{name}.parquet") for name, df in tables.items()}


def read_combined(warehouse: Path) -> dict[str, pd.DataFrame]:
    out = combined_dir(warehouse)
    return {name: parquet.read_parquet(out / f"{name}.parquet") for name in TABLE_NAMES}
