"""What the UI shows about a combined table, as plain values and markdown (no Dagster here; combine.py wraps them).

Each function takes the published tables as pandas frames and returns numbers or markdown strings a person reads in
the asset's materialization metadata: counts by a column, documents by status, a sample of rows, failures."""
from __future__ import annotations

import pandas as pd

PREVIEW_ROWS = 20
FACT_PREVIEW_COLUMNS = ["doc", "quote", "value", "unit", "kind", "year", "is_target", "qualifier", "region",
                        "indicator", "lang"]
# long text columns: the full text of a document is not a preview
DROP_FROM_PREVIEW = {"documents": ["text"]}


def counts_md(df: pd.DataFrame, column: str, label: str) -> str:
    """A two-column markdown table: value of `column` → number of rows, most frequent first."""
    if not len(df):
        return "(no rows)"
    counts = df[column].astype("string").fillna("(null)").value_counts()
    counts = counts.sort_index(kind="stable").sort_values(ascending=False, kind="stable")
    return counts.rename_axis(column).reset_index(name=label).to_markdown(index=False)


def status_counts(documents: pd.DataFrame) -> dict[str, int]:
    return {str(k): int(v) for k, v in documents["status"].value_counts().sort_index().items()}


def problem_documents_md(documents: pd.DataFrame, limit: int = 50) -> str:
    """Documents whose status is not ok, with their errors."""
    bad = documents.loc[documents["status"] != "ok", ["doc", "status", "error"]]
    if not len(bad):
        return "every document was read (status ok)"
    more = f"\n\n… and {len(bad) - limit} more" if len(bad) > limit else ""
    return _md(bad.head(limit)) + more


def preview_md(table: str, df: pd.DataFrame, rows: int = PREVIEW_ROWS) -> str:
    """The first rows of a table, as markdown; long cells cut to 80 characters."""
    if table == "facts":
        df = df[[c for c in FACT_PREVIEW_COLUMNS if c in df.columns]]
    else:
        df = df.drop(columns=[c for c in DROP_FROM_PREVIEW.get(table, []) if c in df.columns])
    if not len(df):
        return "(no rows)"
    head = df.head(rows)
    note = f"\n\nfirst {rows} of {len(df)} rows" if len(df) > rows else ""
    return _md(head) + note


def _md(df: pd.DataFrame) -> str:
    def cell(v) -> str:
        s = "" if v is None or (isinstance(v, float) and pd.isna(v)) or v is pd.NA else str(v)
        s = " ".join(s.split())
        return s if len(s) <= 80 else s[:79] + "…"

    return df.map(cell).to_markdown(index=False)


def md_table(rows: list[dict], limit: int = 100) -> str:
    """A markdown table of dicts (the first `limit`; the number left out is said)."""
    if not rows:
        return "(none)"
    cols = list(rows[0])
    lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    lines += ["| " + " | ".join(str(r[c]).replace("|", "\\|") for c in cols) + " |" for r in rows[:limit]]
    if len(rows) > limit:
        lines.append(f"\n… and {len(rows) - limit} more (every document is a row of the documents table)")
    return "\n".join(lines)
