"""The facts of two releases paired up, so an edited number shows as changed rather than as added and removed.

fact_id hashes the document, the sentence, the quote and its occurrence (extract/fact.py), so editing one number
gives every fact of that sentence a new id. Pairing therefore runs in three passes:

1. by fact_id;
2. by position: a removed and an added fact of the same document and the same key (unit, indicator, year, region,
   is_target, measure) that follow the same id-matched fact of that key (or both start the document's facts of
   that key) pair up in order, but only when that stretch lost as many facts as it gained: one edited sentence
   between two unchanged ones. Uneven stretches (a number inserted or dropped) are left to pass 3;
3. by content: remaining facts of the same document that agree on everything but where they are (the sentence,
   span and page) pair up in document order.

A pair whose content differs is *changed* (old and new value); one that differs only in where it is is *re-worded*
(new sentence, new fact_id, same value); a fact with the same id at a new position is *moved*. What pairs with
nothing is added or removed. When a pairing is in doubt the facts stay added and removed: a wrong "changed"
would claim a correction that never happened."""
from __future__ import annotations

import math
from collections import defaultdict, deque
from pathlib import Path

import pandas as pd

KEY = ("unit", "indicator", "year", "region", "is_target", "measure")
# Where a fact is, not what it says. fact_id is here because it follows from the sentence.
LOCATION = ("fact_id", "sentence", "char_start", "char_end", "page")
# Columns that follow from others (pipeline/curate: a converted value, a code's name): a change in them is
# already told by the column they follow from, or by the rate table's version.
DERIVED = ("value_cny", "value_usd", "conversion_note", "indicator_en")
_ORDER = ["doc_id", "char_start", "char_end", "fact_id"]


def plain(v):
    """A JSON-safe scalar: numpy → Python, NaN/NA → None."""
    if v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v)):
        return None
    return v.item() if hasattr(v, "item") else v


def summary(rec: dict) -> dict:
    """What a reader needs to recognise a fact: its document, the number as written and its value."""
    return {"doc": rec["doc"], "quote": rec["quote"], "value": rec["value"], "value_high": rec.get("value_high"),
            "unit": rec["unit"], "char_start": rec["char_start"]}


def _brief(rec: dict) -> dict:
    return {k: v for k, v in summary(rec).items() if k != "char_start"}  # lists keep document order instead


def _records(df: pd.DataFrame) -> dict[str, dict]:
    """fact_id → the row as plain Python values, in document order."""
    df = df.sort_values(_ORDER, kind="mergesort")
    cols = list(df.columns)
    recs = ({c: plain(v) for c, v in zip(cols, row)} for row in df.itertuples(index=False, name=None))
    return {rec["fact_id"]: rec for rec in recs}


def _stretches(df: pd.DataFrame, matched: set[str]) -> dict[str, tuple]:
    """For each fact not matched by id: (doc_id, key, the nearest earlier id-matched fact of that doc and key)."""
    last: dict[tuple, str] = {}
    out: dict[str, tuple] = {}
    rows = df.sort_values(_ORDER, kind="mergesort")[["fact_id", "doc_id", *(k for k in KEY if k in df.columns)]]
    for fid, doc_id, *key in rows.itertuples(index=False, name=None):
        k = (doc_id, tuple(plain(v) for v in key))
        if fid in matched:
            last[k] = fid
        else:
            out[fid] = (*k, last.get(k))
    return out


def _by_position(old: pd.DataFrame, new: pd.DataFrame, matched: set[str]) -> list[tuple[str, str]]:
    olds, news = defaultdict(list), defaultdict(list)
    for fid, stretch in _stretches(old, matched).items():
        olds[stretch].append(fid)
    for fid, stretch in _stretches(new, matched).items():
        news[stretch].append(fid)
    pairs = []
    for stretch, gone in olds.items():
        came = news.get(stretch, [])
        if len(gone) == len(came):
            pairs += zip(gone, came)
    return pairs


def _by_content(removed: dict[str, dict], added: dict[str, dict], content: list[str]) -> list[tuple[str, str]]:
    waiting: dict[tuple, deque] = defaultdict(deque)
    for fid, rec in added.items():
        waiting[(rec["doc_id"], *(rec[c] for c in content))].append(fid)
    pairs = []
    for fid, rec in removed.items():
        queue = waiting.get((rec["doc_id"], *(rec[c] for c in content)))
        if queue:
            pairs.append((fid, queue.popleft()))
    return pairs


def _diff(o: dict, n: dict, cols: list[str]) -> dict:
    return {c: [o[c], n[c]] for c in cols if c != "fact_id" and o[c] != n[c]}


def _differing_documents(old: pd.DataFrame, new: pd.DataFrame, cols: list[str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The facts of the documents whose facts are not the same rows in both releases. Every pass pairs facts of one
    document only (a fact_id hashes its document), so a document with the same facts adds nothing to the diff: a
    release that changed one document compares that document's facts, not the corpus's (one merge on all the
    columns, where nulls match nulls, instead of a Python record per fact)."""
    docs = _docs_with_unmatched_rows(old[cols], new[cols])
    return old[old["doc_id"].isin(docs)], new[new["doc_id"].isin(docs)]


# The rows of either table that are not rows of the other (set difference: NULL matches NULL), by DuckDB on all
# cores: a pandas outer merge on every column cost ~0.9 s at 70,000 facts, most of a one-document changelog.
# DuckDB may find a few more documents than the merge (a NaN is not a NULL there): harmless, since a document
# whose facts are the same rows adds nothing to the diff; it never finds fewer.
_UNMATCHED = "select distinct doc_id from ((select {cols} from {o} except select {cols} from {n}) union all " \
             "(select {cols} from {n} except select {cols} from {o}))"


def _docs_with_unmatched_rows(old: pd.DataFrame, new: pd.DataFrame) -> set:
    import duckdb

    con = duckdb.connect(":memory:")
    try:
        con.register("o", old)
        con.register("n", new)
        return {row[0] for row in con.execute(_UNMATCHED.format(cols="*", o="o", n="n")).fetchall()}
    except duckdb.Error:  # columns DuckDB cannot compare as given (e.g. all nulls on one side): the merge decides
        both = old.merge(new, how="outer", on=list(old.columns), indicator=True)
        return set(both.loc[both["_merge"] != "both", "doc_id"])
    finally:
        con.close()


def differing_documents_in_files(old: Path, new: Path) -> set | None:
    """The doc_ids of _differing_documents for two facts.parquet files, read by DuckDB straight from the files
    (no pandas frames of the whole corpus); None when DuckDB cannot compare them (the caller diffs the frames)."""
    import duckdb
    import pyarrow.parquet as pq

    names = pq.read_schema(new).names
    common = [c for c in names if c in set(pq.read_schema(old).names)]
    cols = ", ".join('"' + c.replace('"', '""') + '"' for c in common)
    con = duckdb.connect(":memory:")
    try:
        query = _UNMATCHED.format(cols=cols, o=_parquet_source(old), n=_parquet_source(new))
        return {row[0] for row in con.execute(query).fetchall()}
    except duckdb.Error:
        return None
    finally:
        con.close()


def _parquet_source(path: Path) -> str:
    return "read_parquet('" + str(path).replace("'", "''") + "')"


def diff_facts(old: pd.DataFrame | None, new: pd.DataFrame) -> dict:
    """added / removed: fact_ids (sorted); details: {fact_id: summary} of each of them; changed: [{fact_id,
    old_fact_id (when paired across ids), doc, quote, value, value_high, unit (the new fact's), columns: {col: [old,
    new]}}]; reworded: [{fact_id, old_fact_id, doc, quote, value, value_high, unit}]; moved: fact_ids. changed and
    reworded are in the new release's document order."""
    if old is None:
        return {"added": sorted(new["fact_id"]), "removed": [], "changed": [], "reworded": [], "moved": []}
    cols = [c for c in new.columns if c in old.columns]
    content = [c for c in cols if c not in LOCATION and c not in DERIVED]
    old, new = _differing_documents(old, new, cols)
    matched = set(old["fact_id"]) & set(new["fact_id"])
    old_all = _records(old[cols])
    new_all = _records(new[cols])

    changed, moved = [], []
    for fid in (f for f in new_all if f in matched):
        diff = _diff(old_all[fid], new_all[fid], cols)
        if any(c in content for c in diff):
            changed.append({"fact_id": fid, **_brief(new_all[fid]), "columns": diff})
        elif diff:
            moved.append(fid)

    pairs = _by_position(old[cols], new[cols], matched)
    taken = {f for pair in pairs for f in pair}  # a paired id is only old or only new: one set serves both
    removed = {f: r for f, r in old_all.items() if f not in matched and f not in taken}
    added = {f: r for f, r in new_all.items() if f not in matched and f not in taken}
    pairs += _by_content(removed, added, content)
    reworded = []
    for o, n in pairs:
        removed.pop(o, None)
        added.pop(n, None)
        diff = _diff(old_all[o], new_all[n], cols)
        rec = new_all[n]
        if any(c in content for c in diff):
            changed.append({"fact_id": n, "old_fact_id": o, **_brief(rec), "columns": diff})
        else:
            reworded.append({"fact_id": n, "old_fact_id": o, **_brief(rec)})
    position = {fid: i for i, fid in enumerate(new_all)}
    changed.sort(key=lambda c: position[c["fact_id"]])
    reworded.sort(key=lambda c: position[c["fact_id"]])
    return {"added": sorted(added), "removed": sorted(removed), "changed": changed, "reworded": reworded,
            "moved": sorted(moved),
            "details": {fid: summary(rec) for fid, rec in sorted({**removed, **added}.items())},
            "columns_added": [c for c in new.columns if c not in old.columns],
            "columns_removed": [c for c in old.columns if c not in new.columns]}
