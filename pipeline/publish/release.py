"""An atomic release: every artefact is written aside, then one symlink swap makes it current.

    warehouse/releases/<id>/{parquet/*.parquet, china_econ_facts.duckdb, dist/*.whl, manifest.json}
    warehouse/current -> releases/<id>            (swapped atomically with os.replace)
    warehouse/parquet, warehouse/china_econ_facts.duckdb, warehouse/dist -> current/...   (fixed links)

A crash or a failed check before the swap leaves the previous release exactly as it was."""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pandas as pd

from . import duckdb_db, parquet

DB_NAME = "china_econ_facts.duckdb"
LINKS = ("parquet", DB_NAME, "dist")
KEEP_RELEASES = 3


@dataclass
class Release:
    release_id: str
    path: Path
    parquet: dict[str, Path]
    database: Path
    wheel: Path | None
    manifest: dict = field(default_factory=dict)


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
            manifest_extra: dict | None = None) -> Release:
    """Write a new release from validated tables and make it current. Same data → same release id."""
    releases = warehouse / "releases"
    releases.mkdir(parents=True, exist_ok=True)
    tmp = releases / f".tmp-{uuid.uuid4().hex[:8]}"
    try:
        files = {name: parquet.write_parquet(name, df, tmp / "parquet" / f"{name}.parquet") for name, df in tables.items()}
        digest = data_hash(files)
        release_id = digest[:16]
        manifest = {"release_id": release_id, "data_sha256": digest,
                    "rows": {name: int(len(df)) for name, df in tables.items()},
                    "files": {f"parquet/{p.name}": hashlib.sha256(p.read_bytes()).hexdigest() for p in files.values()},
                    **(manifest_extra or {})}
        duckdb_db.write_database(tmp / DB_NAME, files)
        wheel = wheel_builder(tmp, files, manifest) if wheel_builder else None
        (tmp / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n")
        final = releases / release_id
        if final.exists():  # identical data already released: keep the old bytes, drop the new copy
            shutil.rmtree(tmp)
        else:
            os.replace(tmp, final)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    _point_current(warehouse, final)
    _prune(releases, keep=final)
    rel_files = {name: final / "parquet" / f"{name}.parquet" for name in tables}
    wheels = sorted((final / "dist").glob("*.whl")) if (final / "dist").exists() else []
    return Release(release_id, final, rel_files, final / DB_NAME, wheels[0] if wheels else None, manifest)


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


def _prune(releases: Path, keep: Path) -> None:
    old = sorted((p for p in releases.iterdir() if p.is_dir() and not p.name.startswith(".") and p != keep),
                 key=lambda p: p.stat().st_mtime, reverse=True)
    for p in old[KEEP_RELEASES - 1:]:
        shutil.rmtree(p, ignore_errors=True)
