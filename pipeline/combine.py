"""All documents' staged results → the three published tables (plain Python)."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from . import stage
from .documents.model import Document, make_doc_id
from .publish import parquet
from .publish.frames import combine

TABLE_NAMES = ("documents", "facts", "table_cells")


def combined_dir(warehouse: Path) -> Path:
    return Path(warehouse) / "combined"


def combine_staged(warehouse: Path, keys: list[str]) -> dict[str, pd.DataFrame]:
    """Tables from the staged results of the given partition keys (paths under raw/). A key whose parse or
    extraction is missing still gets a documents row, with status `error` saying what is missing."""
    results = []
    for key in sorted(keys):
        doc_id = make_doc_id(key)
        doc = stage.load_document(warehouse, doc_id)
        # facts staged from another version of the document (changed bytes, another reader) do not count
        extraction = stage.load_extraction(warehouse, doc) if doc is not None else None
        if doc is None or extraction is None:
            missing = "parsed_document" if doc is None else "document_facts"
            doc = doc or Document(doc_id=doc_id, doc=Path(key).name, path=key, sha256="0" * 64, bytes=0,
                                  format=Path(key).suffix.lstrip(".").lower() or "unknown")
            doc.status, doc.error, facts = "error", f"{missing} is not materialized for this partition", []
        else:
            facts, error = extraction
            if error and doc.status == "ok":
                doc.status, doc.error, facts = "error", error, []
        results.append((doc, facts))
    stage.prune(warehouse, {make_doc_id(k) for k in keys})
    return combine(results)


def write_combined(warehouse: Path, tables: dict[str, pd.DataFrame]) -> dict[str, Path]:
    out = combined_dir(warehouse)
    return {name: parquet.write_parquet(name, df, out / f"{name}.parquet") for name, df in tables.items()}


def read_combined(warehouse: Path) -> dict[str, pd.DataFrame]:
    out = combined_dir(warehouse)
    return {name: parquet.read_parquet(out / f"{name}.parquet") for name in TABLE_NAMES}
