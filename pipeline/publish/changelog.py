"""What changed since the previous release: facts added, removed and changed (by fact_id), documents added,
removed and changed (by path and sha256). Written as changelog.json (this release, complete) and CHANGELOG.md
(every release, newest first, long lists cut short with a pointer to the JSON)."""
from __future__ import annotations

import json
import math
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

MD_LIST_LIMIT = 50
_HEADER = "# Changelog\n\nOne entry per data release, newest first. Facts are matched by `fact_id`.\n"


def _plain(v):
    """A JSON-safe scalar: numpy → Python, NaN/NA → None."""
    if v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v)):
        return None
    return v.item() if hasattr(v, "item") else v


def _read(path: Path | None) -> pd.DataFrame | None:
    return pq.read_table(path).to_pandas() if path is not None and path.is_file() else None


def _differs(a: pd.Series, b: pd.Series) -> pd.Series:
    """Element-wise "not equal", where two missing values (None, NaN, NA) are equal."""
    return pd.Series([_plain(x) != _plain(y) for x, y in zip(a, b)], index=a.index, dtype=bool)


def diff_facts(old: pd.DataFrame | None, new: pd.DataFrame) -> dict:
    if old is None:
        return {"added": sorted(new["fact_id"]), "removed": [], "changed": []}
    old_i, new_i = old.set_index("fact_id"), new.set_index("fact_id")
    common = old_i.index.intersection(new_i.index).sort_values()
    cols = [c for c in new_i.columns if c in old_i.columns]
    o, n = old_i.loc[common, cols], new_i.loc[common, cols]
    changed_cols = {c: _differs(o[c], n[c]) for c in cols}
    changed = []
    for fid in common:
        diff = {c: [_plain(o.at[fid, c]), _plain(n.at[fid, c])] for c in cols if changed_cols[c].at[fid]}
        if diff:
            changed.append({"fact_id": fid, "columns": diff})
    return {"added": sorted(set(new_i.index) - set(old_i.index)),
            "removed": sorted(set(old_i.index) - set(new_i.index)),
            "changed": changed,
            "columns_added": [c for c in new_i.columns if c not in old_i.columns],
            "columns_removed": [c for c in old_i.columns if c not in new_i.columns]}


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
        "facts": diff_facts(_read(prev / "parquet" / "facts.parquet" if prev else None),
                            _read(new_release / "parquet" / "facts.parquet")),
        "documents": diff_documents(_read(prev / "parquet" / "documents.parquet" if prev else None),
                                    _read(new_release / "parquet" / "documents.parquet")),
    }


def _bullets(items: list[str], what: str) -> list[str]:
    lines = [f"- {x}" for x in items[:MD_LIST_LIMIT]]
    if len(items) > MD_LIST_LIMIT:
        lines.append(f"- … and {len(items) - MD_LIST_LIMIT} more {what} (all listed in changelog.json)")
    return lines


def entry_markdown(log: dict, rows: dict[str, int]) -> str:
    f, d = log["facts"], log["documents"]
    since = f"since {log['previous_version']}" if log["previous_version"] else "first release"
    out = [f"## {log['version']}", "",
           f"Data sha256 `{log['data_sha256'][:16]}…` ({since}). {rows.get('facts', 0)} facts from "
           f"{rows.get('documents', 0)} documents.", "",
           f"Facts: {len(f['added'])} added, {len(f['removed'])} removed, {len(f['changed'])} changed.", ""]
    for key, title in (("added", "Documents added"), ("removed", "Documents removed"),
                       ("changed", "Documents changed (new bytes)")):
        if d[key]:
            out += [f"### {title}", "", *_bullets([f"raw/{p}" for p in d[key]], "documents"), ""]
    if log["previous_version"]:
        for key, title in (("added", "Facts added"), ("removed", "Facts removed")):
            if f[key]:
                out += [f"### {title}", "", *_bullets([f"`{x}`" for x in f[key]], "facts"), ""]
        if f["changed"]:
            items = [f"`{c['fact_id']}`: " + ", ".join(f"{col} {old!r} → {new!r}"
                                                       for col, (old, new) in c["columns"].items())
                     for c in f["changed"]]
            out += ["### Facts changed", "", *_bullets(items, "facts"), ""]
        for key, title in (("columns_added", "Columns added to facts"), ("columns_removed", "Columns removed from facts")):
            if f.get(key):
                out += [f"### {title}", "", *_bullets(f[key], "columns"), ""]
    return "\n".join(out)


def write(release_dir: Path, log: dict, rows: dict[str, int], previous_release: Path | None) -> None:
    """changelog.json for this release; CHANGELOG.md = this entry on top of the previous release's entries."""
    (release_dir / "changelog.json").write_text(json.dumps(log, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    older = ""
    prev_md = previous_release / "CHANGELOG.md" if previous_release else None
    if prev_md is not None and prev_md.is_file():
        older = prev_md.read_text(encoding="utf-8").removeprefix(_HEADER).lstrip("\n")
    text = _HEADER + "\n" + entry_markdown(log, rows).rstrip("\n") + "\n"
    if older:
        text += "\n" + older
    (release_dir / "CHANGELOG.md").write_text(text, encoding="utf-8")
