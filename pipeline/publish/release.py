"""An atomic release: every artefact is written aside, then one symlink swap makes it current.

    warehouse/releases/<version>-<id>/{parquet/*.parquet, china_econ_facts.duckdb, dist/*.whl, manifest.json,
                                       datapackage.json, README.md (dataset card), CHANGELOG.md, changelog.json,
                                       CITATION.cff}
    warehouse/releases/HISTORY.jsonl                (every version released, append-only; see version.py)
    warehouse/current -> releases/<version>-<id>    (swapped atomically with os.replace)
    warehouse/parquet, china_econ_facts.duckdb, dist, CHANGELOG.md, datapackage.json -> current/...   (fixed links)

A crash or a failed check before the swap leaves the previous release exactly as it was. Data equal to the
current release's leaves the current release untouched (same version, same bytes)."""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pandas as pd

import schemas

from . import card, changelog, citation, datapackage, duckdb_db, frames, parquet, version

DB_NAME = "china_econ_facts.duckdb"
LINKS = ("parquet", DB_NAME, "dist", "CHANGELOG.md", "datapackage.json")
# How many releases stay under warehouse/releases/, the current one included; older ones are deleted (their
# versions stay in HISTORY.jsonl). A setting: $CEF_KEEP_RELEASES.
KEEP_RELEASES_ENV, DEFAULT_KEEP_RELEASES = "CEF_KEEP_RELEASES", 3


def keep_releases() -> int:
    """$CEF_KEEP_RELEASES (default 3): a whole number, at least 1, since the current release is always kept."""
    raw = os.environ.get(KEEP_RELEASES_ENV, "").strip()
    if not raw:
        return DEFAULT_KEEP_RELEASES
    if not raw.isdigit() or int(raw) < 1:
        raise ValueError(f"{KEEP_RELEASES_ENV}={raw!r}: expected how many releases to keep, "
                         "a whole number of at least 1")
    return int(raw)


@dataclass
class Release:
    release_id: str
    path: Path
    parquet: dict[str, Path]
    database: Path
    wheel: Path | None
    manifest: dict = field(default_factory=dict)
    version: str = ""
    pruned: list[str] = field(default_factory=list)  # old releases deleted by this publish (keep_releases())
    archive: Path | None = None  # the data archive in dist/, when the release ships one (see archive.py)


def data_hash(parquet_files: dict[str, Path]) -> str:
    h = hashlib.sha256()
    for table in sorted(parquet_files):
        h.update(table.encode() + b"\0" + parquet_files[table].read_bytes())
    return h.hexdigest()


def current_release(warehouse: Path) -> Path | None:
    link = warehouse / "current"
    return link.resolve() if link.is_symlink() and link.resolve().exists() else None


def publish(tables: dict[str, pd.DataFrame], warehouse: Path,
            wheel_builder: Callable[[Path, dict[str, Path], dict], Path] | None = None,
            manifest_extra: dict | None = None,
            distribution: Callable[[dict[str, Path], str], dict] | None = None) -> Release:
    """Write a new release from validated tables and make it current. Same data → same release id and version;
    data equal to the current release's keeps that release as it is. manifest_extra adds keys to manifest.json
    (e.g. extractor_version, reader_version, license); it cannot override the release's identity.
    distribution (archive.Distribution.plan) says whether the wheel carries the data or a data archive does; it
    goes into the manifest as "distribution" before the card and the wheel are written. None: in the wheel. The
    same data in another mode (or with another archive URL) is released again under the next version."""
    keep = keep_releases()  # a bad setting stops before anything is written
    from .build import with_curated
    tables = with_curated(tables)  # indicators, regions and observations follow from the facts
    releases = warehouse / "releases"
    releases.mkdir(parents=True, exist_ok=True)
    previous = current_release(warehouse)  # before the swap: the changelog diffs against it
    prev_manifest = version.read_manifest(previous)
    tmp = releases / f".tmp-{uuid.uuid4().hex[:8]}"
    try:
        files = {name: parquet.write_parquet(name, df, tmp / "parquet" / f"{name}.parquet") for name, df in tables.items()}
        digest = data_hash(files)
        ver = version.next_version(digest, prev_manifest, releases)
        plan = distribution(files, ver) if distribution else None
        if previous is not None and ver == prev_manifest.get("version"):
            if _packaging(plan) == _packaging(prev_manifest.get("distribution")):
                shutil.rmtree(tmp)
                _point_current(warehouse, previous)
                return _release_at(previous, tables, prev_manifest)
            # the same data packaged otherwise (wheel ↔ archive, another URL) makes another wheel, and an index
            # takes no second file under a version it has: this is the next version
            ver = version.next_version(digest, {}, releases)
            plan = distribution(files, ver) if distribution else None
        rows = {name: int(len(df)) for name, df in tables.items()}
        manifest = {"extractor_version": version.extractor_version(), **(manifest_extra or {}),
                    "release_id": digest[:16], "data_sha256": digest, "version": ver,
                    "released": citation.release_date(),
                    "previous_version": prev_manifest.get("version"), "rows": rows,
                    "files": {f"parquet/{p.name}": datapackage.sha256_file(p) for p in files.values()}}
        if plan is not None:
            manifest["distribution"] = plan
        # DuckDB releases the GIL while it loads the Parquet, and neither the documents nor the wheel read the
        # database: it is written on another core meanwhile (10,000 documents: ~2.5 s). Leaving the block waits
        # for it, also when a step fails, so nothing writes into tmp after it is removed.
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="cef-duckdb") as pool:
            database = pool.submit(duckdb_db.write_database, tmp / DB_NAME, files)
            _write_docs(tmp, tables, files, rows, manifest, previous, prev_manifest)
            # written before the wheel so the builder can ship it
            (tmp / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n")
            if wheel_builder:
                wheel_builder(tmp, files, manifest)
            database.result()
        final = releases / f"{ver}-{manifest['release_id']}"
        if final.exists():  # left by a crash after the rename but before the swap: same version, same data
            shutil.rmtree(tmp)
        else:
            os.replace(tmp, final)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    _point_current(warehouse, final)
    version.record(releases, manifest)
    rel = _release_at(final, tables, manifest)
    rel.pruned = _prune(releases, current=final, keep=keep)
    return rel


def _packaging(plan: dict | None) -> tuple:
    """What of a distribution plan shapes the wheel: the mode and the archive's URL (not the size measured)."""
    plan = plan or {}
    return plan.get("mode", "wheel"), plan.get("url")


def _write_docs(tmp: Path, tables: dict[str, pd.DataFrame], files: dict[str, Path], rows: dict[str, int],
                manifest: dict, previous: Path | None, prev_manifest: dict) -> None:
    """changelog.json + CHANGELOG.md, datapackage.json, the dataset card README.md and CITATION.cff, into the
    release dir."""
    full = {t: tables[t] if t in tables else frames.frame(t, []) for t in schemas.TABLES}
    log = changelog.build(tmp, previous, manifest, prev_manifest)
    changelog.write(tmp, log, rows, previous)
    descriptor = datapackage.build(files, rows, full["documents"], manifest)
    datapackage.write(tmp / "datapackage.json", descriptor)
    card.write(tmp / "README.md", descriptor, full, log, released=manifest["released"],
               distribution=manifest.get("distribution"))
    citation.write(tmp / "CITATION.cff", descriptor, manifest)


def _release_at(path: Path, tables: dict[str, pd.DataFrame], manifest: dict) -> Release:
    rel_files = {name: path / "parquet" / f"{name}.parquet" for name in tables}
    wheels = sorted((path / "dist").glob("*.whl")) if (path / "dist").exists() else []
    archive = path / "dist" / manifest.get("distribution", {}).get("archive", "-")
    return Release(manifest.get("release_id", path.name), path, rel_files, path / DB_NAME,
                   wheels[0] if wheels else None, manifest, manifest.get("version", ""),
                   archive=archive if archive.is_file() else None)


def _atomic_symlink(target: str, link: Path) -> None:
    tmp = link.with_name(f".{link.name}.{uuid.uuid4().hex[:8]}")
    os.symlink(target, tmp)
    os.replace(tmp, link)


def _point_current(warehouse: Path, release_dir: Path) -> None:
    _atomic_symlink(os.path.relpath(release_dir, warehouse), warehouse / "current")
    for name in LINKS:
        link = warehouse / name
        if link.is_symlink() and os.readlink(link) == f"current/{name}":
            continue
        if link.exists() and not link.is_symlink():  # an old real file/dir from before releases existed
            shutil.rmtree(link) if link.is_dir() else link.unlink()
        _atomic_symlink(f"current/{name}", link)


def _prune(releases: Path, current: Path, keep: int) -> list[str]:
    """Delete all but the `keep` newest releases (current among them); say which on stderr, return their names."""
    old = sorted((p for p in releases.iterdir() if p.is_dir() and not p.name.startswith(".") and p != current),
                 key=lambda p: p.stat().st_mtime, reverse=True)
    pruned = []
    for p in old[keep - 1:]:
        shutil.rmtree(p, ignore_errors=True)
        pruned.append(p.name)
        print(f"pruned old release {p.name} (keeping the {keep} newest; set {KEEP_RELEASES_ENV} to keep more)",
              file=sys.stderr)
    return pruned
