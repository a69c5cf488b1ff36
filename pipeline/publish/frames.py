"""Rows → the published tables as DataFrames with the schema's columns, dtypes and a deterministic order."""
from __future__ import annotations

import pandas as pd

import schemas
from pipeline.documents.model import Document, TableCell
from pipeline.extract.fact import Fact

_PANDAS_DTYPES = {"str": "object", "int64": "int64", "Int64": "Int64", "float64": "float64", "bool": "bool"}


def document_row(doc: Document, n_facts: int = 0) -> dict:
    return {"doc_id": doc.doc_id, "doc": doc.doc, "path": doc.path, "sha256": doc.sha256, "bytes": doc.bytes,
            "format": doc.format, "encoding": doc.encoding, "lang": doc.lang, "title": doc.title,
            "date": doc.date, "date_source": doc.date_source, "author": doc.author, "publisher": doc.publisher,
            "source_url": doc.source_url, "pages": doc.pages,
            "chars": doc.chars, "text": doc.text, "status": doc.status, "error": doc.error, "n_facts": n_facts}


def cell_row(doc_id: str, cell: TableCell) -> dict:
    return {"doc_id": doc_id, **cell.to_dict()}


def page_rows(doc: Document) -> list[dict]:
    """Each PDF page's span of the published text: from its start to the next page's start (or the end)."""
    ends = doc.page_starts[1:] + [len(doc.text)]
    return [{"doc_id": doc.doc_id, "page": n, "char_start": start, "char_end": end}
            for n, (start, end) in enumerate(zip(doc.page_starts, ends), 1)]


def frame(table: str, rows: list[dict]) -> pd.DataFrame:
    """A DataFrame with exactly the schema's columns in schema order, typed, sorted by the table's key."""
    dtypes = schemas.column_dtypes(table)
    df = pd.DataFrame(rows, columns=list(dtypes))
    for col, dtype in dtypes.items():
        df[col] = df[col].astype(_PANDAS_DTYPES[dtype])
        if dtype == "str":
            df[col] = df[col].where(df[col].notna(), None)
    return df.sort_values(schemas.SORT_KEYS[table], kind="mergesort").reset_index(drop=True)


def combine(results: list[tuple[Document, list[Fact]]]) -> dict[str, pd.DataFrame]:
    """All documents' results → {documents, pages, facts, table_cells}. The same bytes under two paths are read once:
    the first path (in sort order) keeps its facts and the others get status `duplicate` naming it."""
    first_by_hash: dict[str, str] = {}
    docs, pages, facts, cells = [], [], [], []
    for doc, doc_facts in sorted(results, key=lambda r: r[0].path):
        if doc.status == "ok" and doc.sha256 in first_by_hash:
            doc.status, doc.error = "duplicate", f"same bytes as raw/{first_by_hash[doc.sha256]}; facts published once, there"
            doc_facts = []
        elif doc.status == "ok":
            first_by_hash[doc.sha256] = doc.path
        if doc.status != "ok":
            doc_facts = []
        docs.append(document_row(doc, len(doc_facts)))
        facts.extend(f.to_dict() for f in doc_facts)
        if doc.status == "ok":
            cells.extend(cell_row(doc.doc_id, c) for c in doc.tables)
        if doc.text:
            pages.extend(page_rows(doc))
    return {"documents": frame("documents", docs), "pages": frame("pages", pages), "facts": frame("facts", facts),
            "table_cells": frame("table_cells", cells)}
