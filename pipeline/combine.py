"""The shards' rows → the four published tables, assembled by DuckDB from the per-shard Parquet files (plain
Python). Marking the same bytes under two paths as `duplicate` needs the whole corpus, so it happens here."""
from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd

import schemas
from . import shards
from .publish import parquet
from .publish.frames import _PANDAS_DTYPES

TABLE_NAMES = ("documents", "pages", "facts", "table_cells")


# Changes when the code that builds or publishes the tables or the pandera schemas change.
code_version = shards.release_code_version


def combined_dir(warehouse: Path) -> Path:
    return Path(warehouse) / "combined"


# The first path (in sort order) of each readable content keeps its facts; the others are `duplicate`, naming it
# (what publish/frames.combine does for one list of documents).
_DOCUMENTS = """
with d as (select * from read_parquet({files})),
     firsts as (select sha256, min(path) as first from d where status = 'ok' group by sha256),
     marked as (select d.*, d.status = 'ok' and d.path <> f.first as dup, f.first from d left join firsts f using (sha256))
select * exclude (dup, first) replace (
    case when dup then 'duplicate' else status end as status,
    case when dup then 'same bytes as raw/' || first || '; facts published once, there' else error end as error,
    case when dup then 0 else n_facts end as n_facts)
from marked order by path"""


def combine_staged(warehouse: Path, keys: list[str]) -> dict[str, pd.DataFrame]:
    """The published tables from the given shards' Parquet files (a shard missing its files is an error)."""
    files = {t: [str(shards.shard_dir(warehouse, k) / f"{t}.parquet") for k in sorted(keys)] for t in TABLE_NAMES}
    if not keys:
        return quarantine({t: _typed(t, pd.DataFrame(columns=list(schemas.column_dtypes(t)))) for t in TABLE_NAMES})
    con = duckdb.connect(":memory:")  # reads the shards' files, writes nothing
    try:
        con.execute(f"create temp table documents as {_DOCUMENTS.format(files=files['documents'])}")
        tables = {"documents": con.sql("select * from documents order by path")}
        tables = {"documents": _typed("documents", tables["documents"].to_arrow_table().to_pandas())}
        for t in ("pages", "facts", "table_cells"):
            order = ", ".join(schemas.SORT_KEYS[t])
            # facts and cells of a document now marked duplicate leave; pages stay (as in frames.combine)
            keep = "" if t == "pages" else "where doc_id in (select doc_id from documents where status = 'ok')"
            rel = con.sql(f"select * from read_parquet({files[t]}) {keep} order by {order}")
            tables[t] = _typed(t, rel.to_arrow_table().to_pandas())
    finally:
        con.close()
    return quarantine(tables)


def _typed(table: str, df: pd.DataFrame) -> pd.DataFrame:
    """The dtypes frames.frame gives (so equal data writes byte-identical Parquet)."""
    dtypes = schemas.column_dtypes(table)
    df = df[list(dtypes)].copy()
    for col, dtype in dtypes.items():
        df[col] = df[col].astype(_PANDAS_DTYPES[dtype])
        if dtype == "str":
            df[col] = df[col].where(df[col].notna(), None)
    return df.reset_index(drop=True)


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
    """The tables' Parquet files; the frames are kept as what reading these files gives (the checks and the
    release read them next, in this process: 10,000 documents, ~0.5 s). The tables are typed as frames.frame
    types them, which a Parquet round trip keeps (tests/test_combine.py checks it)."""
    out = combined_dir(warehouse)
    paths = {name: parquet.write_parquet(name, df, out / f"{name}.parquet") for name, df in tables.items()}
    if set(tables) == set(TABLE_NAMES):
        _read_cache.clear()
        _read_cache[(str(out), _stamp(out))] = {name: tables[name].copy() for name in TABLE_NAMES}
    return paths


def read_combined(warehouse: Path) -> dict[str, pd.DataFrame]:
    """The combined tables (copies: a caller may change its frames). Read once per version of the files: the ten
    checks and the release each ask for them."""
    out = combined_dir(warehouse)
    key = (str(out), _stamp(out))
    if key not in _read_cache:
        _read_cache.clear()
        _read_cache[key] = {name: parquet.read_parquet(out / f"{name}.parquet") for name in TABLE_NAMES}
    return {name: df.copy() for name, df in _read_cache[key].items()}


# (directory, the files' inode, size and mtime) → the frames: one version of the combined tables at a time
_read_cache: dict[tuple, dict[str, pd.DataFrame]] = {}


def _stamp(out: Path) -> tuple:
    stats = [(out / f"{n}.parquet").stat() for n in TABLE_NAMES]
    return tuple((st.st_ino, st.st_size, st.st_mtime_ns) for st in stats)
