"""What changed since the previous release: facts added, removed, changed, re-worded and moved (paired by
fact_diff.py), documents added, removed and changed (by path and sha256). Written as changelog.json (this release,
complete) and CHANGELOG.md (every release, newest first; each fact listed with its document, quote and value,
long lists cut short with a count and a pointer to the JSON)."""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from .fact_diff import DERIVED, LOCATION, diff_facts, differing_documents_in_files

MD_LIST_LIMIT = 200
_HEADER = ("# Changelog\n\nOne entry per data release, newest first. Facts are matched by `fact_id`, then, since an "
           "edited sentence gives its facts new ids, by document, indicator, unit, year, region, target flag, measure "
           "and position: a new number for the same thing is *changed*, the same number in a new sentence is "
           "*re-worded*.\n")
# the header before re-worded facts were paired: kept so older CHANGELOG.md files are continued, not nested
_OLD_HEADERS = ("# Changelog\n\nOne entry per data release, newest first. Facts are matched by `fact_id`.\n",)


def _read(path: Path | None, columns: list[str] | None = None) -> pd.DataFrame | None:
    return pq.read_table(path, columns=columns).to_pandas() if path is not None and path.is_file() else None


# diff_documents needs these two: not every document's text (most of documents.parquet), read twice per release
_DOCUMENT_COLUMNS = ["path", "sha256"]


def diff_documents(old: pd.DataFrame | None, new: pd.DataFrame) -> dict:
    old_sha = {} if old is None else dict(zip(old["path"], old["sha256"]))
    new_sha = dict(zip(new["path"], new["sha256"]))
    return {"added": sorted(set(new_sha) - set(old_sha)), "removed": sorted(set(old_sha) - set(new_sha)),
            "changed": sorted(p for p in new_sha if p in old_sha and old_sha[p] != new_sha[p])}


def build(new_release: Path, previous_release: Path | None, manifest: dict, previous_manifest: dict) -> dict:
    """Diff this release's Parquet against the previous release's."""
    prev = previous_release
    return {
        "version": manifest["version"],
        "data_sha256": manifest["data_sha256"],
        "previous_version": previous_manifest.get("version"),
        "previous_data_sha256": previous_manifest.get("data_sha256"),
        "facts": _facts_diff(prev / "parquet" / "facts.parquet" if prev else None,
                             new_release / "parquet" / "facts.parquet"),
        "documents": diff_documents(_read(prev / "parquet" / "documents.parquet" if prev else None, _DOCUMENT_COLUMNS),
                                    _read(new_release / "parquet" / "documents.parquet", _DOCUMENT_COLUMNS)),
    }


def _facts_diff(old: Path | None, new: Path) -> dict:
    """diff_facts of two releases' facts, reading only the facts of the documents whose facts differ (DuckDB finds
    them in the files): a release that changed one document reads one document's facts, not the corpus's twice."""
    if old is None or not old.is_file():
        return diff_facts(None, _read(new))
    docs = differing_documents_in_files(old, new)
    if docs is None:
        return diff_facts(_read(old), _read(new))
    return diff_facts(_read_documents(old, docs), _read_documents(new, docs))


def _read_documents(path: Path, doc_ids: set) -> pd.DataFrame:
    """The rows of these documents, in file order, with the dtypes a whole read gives."""
    table = pq.read_table(path)
    return table.filter(pc.is_in(table["doc_id"], value_set=pa.array(sorted(doc_ids), type=table["doc_id"].type))
                        ).to_pandas()


def _bullets(items: list[str], what: str) -> list[str]:
    lines = [f"- {x}" for x in items[:MD_LIST_LIMIT]]
    if len(items) > MD_LIST_LIMIT:
        lines.append(f"- … and {len(items) - MD_LIST_LIMIT} more {what} (all listed in changelog.json)")
    return lines


def _code(text, width: int = 60) -> str:
    """Text as a one-line Markdown code span, cut to `width` characters."""
    text = " ".join(str(text).split()).replace("`", "'")
    return f"`{text if len(text) <= width else text[: width - 1] + '…'}`"


def _num(v) -> str:
    # 15 significant digits hide float noise (675.523 * 1e8) and stay deterministic
    return f"{v:,.15g}" if isinstance(v, (int, float)) and not isinstance(v, bool) else repr(v)


def _value(fact: dict) -> str:
    high = f" to {_num(fact['value_high'])}" if fact.get("value_high") is not None else ""
    return f"{_num(fact['value'])}{high} {fact['unit']}"


def _fact_line(fact: dict, fid: str) -> str:
    return f"{_code(fact['doc'])} {_code(fact['quote'])}: {_value(fact)} — `{fid}`"


def _changed_line(c: dict) -> str:
    cols = c["columns"]
    quote = _code(c["quote"]) if "quote" not in cols else f"{_code(cols['quote'][0])} → {_code(cols['quote'][1])}"
    value = (f"value {_num(cols['value'][0])} → {_num(cols['value'][1])} {c['unit']}" if "value" in cols
             else f"value {_value(c)}")
    others = [f"{col} {_num(old)} → {_num(new)}" for col, (old, new) in cols.items()
              if col not in LOCATION and col not in DERIVED and col not in ("quote", "value")]
    ids = f"`{c['old_fact_id']}` → `{c['fact_id']}`" if "old_fact_id" in c else f"`{c['fact_id']}`"
    return f"{_code(c['doc'])} {quote}: {'; '.join([value, *others])} — {ids}"


def _facts_section(f: dict) -> list[str]:
    out = []
    details = f["details"]
    for key, title in (("added", "Facts added"), ("removed", "Facts removed")):
        ids = sorted(f[key], key=lambda i: (details[i]["doc"], details[i]["char_start"], i))  # document order
        if ids:
            out += [f"### {title}", "", *_bullets([_fact_line(details[i], i) for i in ids], "facts"), ""]
    if f["changed"]:
        out += ["### Facts changed", "", *_bullets([_changed_line(c) for c in f["changed"]], "facts"), ""]
    if f.get("reworded"):
        items = [f"{_code(r['doc'])} {_code(r['quote'])}: {_value(r)} — `{r['old_fact_id']}` → `{r['fact_id']}`"
                 for r in f["reworded"]]
        out += ["### Facts re-worded (same value, new sentence and fact_id)", "", *_bullets(items, "facts"), ""]
    for key, title in (("columns_added", "Columns added to facts"), ("columns_removed", "Columns removed from facts")):
        if f.get(key):
            out += [f"### {title}", "", *_bullets(f[key], "columns"), ""]
    return out


def counts_line(f: dict) -> str:
    """"1 added, 0 removed, 1 changed, 2 re-worded" (re-worded and moved only when there are any)."""
    text = f"{len(f['added'])} added, {len(f['removed'])} removed, {len(f['changed'])} changed"
    if f.get("reworded"):
        text += f", {len(f['reworded'])} re-worded (same value, new sentence)"
    if f.get("moved"):
        text += f", {len(f['moved'])} moved (same fact_id, new position; listed in changelog.json)"
    return text


def entry_markdown(log: dict, rows: dict[str, int]) -> str:
    f, d = log["facts"], log["documents"]
    since = f"since {log['previous_version']}" if log["previous_version"] else "first release"
    out = [f"## {log['version']}", "",
           f"Data sha256 `{log['data_sha256'][:16]}…` ({since}). {rows.get('facts', 0)} facts from "
           f"{rows.get('documents', 0)} documents.", "",
           f"Facts: {counts_line(f)}.", ""]
    for key, title in (("added", "Documents added"), ("removed", "Documents removed"),
                       ("changed", "Documents changed (new bytes)")):
        if d[key]:
            out += [f"### {title}", "", *_bullets([f"raw/{p}" for p in d[key]], "documents"), ""]
    if log["previous_version"]:
        out += _facts_section(f)
    return "\n".join(out)


def write(release_dir: Path, log: dict, rows: dict[str, int], previous_release: Path | None) -> None:
    """changelog.json for this release; CHANGELOG.md = this entry on top of the previous release's entries."""
    (release_dir / "changelog.json").write_text(json.dumps(log, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    older = ""
    prev_md = previous_release / "CHANGELOG.md" if previous_release else None
    if prev_md is not None and prev_md.is_file():
        older = prev_md.read_text(encoding="utf-8")
        for header in (_HEADER, *_OLD_HEADERS):
            older = older.removeprefix(header)
        older = older.lstrip("\n")
    text = _HEADER + "\n" + entry_markdown(log, rows).rstrip("\n") + "\n"
    if older:
        text += "\n" + older
    (release_dir / "CHANGELOG.md").write_text(text, encoding="utf-8")
