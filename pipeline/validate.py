"""The checks that guard a release, as plain functions: each returns the offending rows (empty = passed).
Dagster runs them as blocking asset checks; the publisher runs them again before it writes anything."""
from __future__ import annotations

import pandas as pd
import pandera.errors

import schemas


# table (or "spans") → (copies of the frames last checked, their failure cases). A build checks each table up to
# three times (the quarantine, its check, the release's re-check) and the cost grows with the rows; equal frames
# (same columns, dtypes, index and values: DataFrame.equals) have the same failures.
_last: dict[str, tuple[pd.DataFrame, ...]] = {}


def schema_failures(table: str, df: pd.DataFrame) -> pd.DataFrame:
    """pandera's failure cases for one table (all checks, lazily), or an empty frame."""
    seen = _last.get(table)
    if seen is not None and seen[0].equals(df):
        return seen[1].copy()
    try:
        schemas.TABLES[table].validate(df, lazy=True)
        found = pd.DataFrame()
    except pandera.errors.SchemaErrors as exc:
        found = exc.failure_cases
    _last[table] = (df.copy(), found.copy())
    return found


def span_failures(documents: pd.DataFrame, facts: pd.DataFrame) -> pd.DataFrame:
    """Facts whose quote is not exactly text[char_start:char_end] of their document."""
    seen = _last.get("spans")
    if seen is not None and seen[0].equals(documents) and seen[1].equals(facts):
        return seen[2].copy()
    found = _span_failures(documents, facts)
    _last["spans"] = (documents.copy(), facts.copy(), found.copy())
    return found


def _span_failures(documents: pd.DataFrame, facts: pd.DataFrame) -> pd.DataFrame:
    texts = dict(zip(documents["doc_id"], documents["text"]))
    bad = [i for i, f in enumerate(facts.itertuples(index=False))
           if texts.get(f.doc_id, "")[f.char_start:f.char_end] != f.quote]
    return facts.iloc[bad][["fact_id", "doc", "char_start", "char_end", "quote"]]


def orphan_failures(documents: pd.DataFrame, child: pd.DataFrame) -> pd.DataFrame:
    """Rows of pages, facts or table_cells whose doc_id is not a document."""
    return schemas.foreign_key_violations(documents, child)


def duplicate_facts(facts: pd.DataFrame) -> pd.DataFrame:
    """The same number published twice: same document, same span, same value and unit."""
    key = ["doc_id", "char_start", "char_end", "value", "unit", "source"]
    return facts[facts.duplicated(key, keep=False)]


def problem_documents(documents: pd.DataFrame) -> pd.DataFrame:
    """Documents that were not read (status other than ok) with their errors: a warning, not a failure."""
    return documents.loc[documents["status"] != "ok", ["path", "status", "error"]]


def release_blockers(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Every failed blocking check by name; an empty dict means the tables may be published."""
    docs, facts, cells, pages = tables["documents"], tables["facts"], tables["table_cells"], tables["pages"]
    found = {f"{name}_schema": schema_failures(name, df) for name, df in tables.items()}
    found.update(fact_spans=span_failures(docs, facts), fact_documents=orphan_failures(docs, facts),
                 cell_documents=orphan_failures(docs, cells), page_documents=orphan_failures(docs, pages),
                 duplicate_facts=duplicate_facts(facts))
    return {name: df for name, df in found.items() if len(df)}
