"""Code versions from source: a change to a library package's code or reference data changes its version,
so Dagster marks the assets built from it stale and the release records what made it."""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

_ROOT = Path(__file__).resolve().parent
_SUFFIXES = {".py", ".json", ".csv", ".tsv", ".txt", ".yaml", ".yml"}


@lru_cache(maxsize=None)
def source_version(*packages: str) -> str:
    """12 hex digits over the files of the named sub-packages of pipeline/ (e.g. "extract", "reference")."""
    h = hashlib.sha256()
    for name in packages:
        base = _ROOT / name
        files = sorted(p for p in (base.rglob("*") if base.is_dir() else [base.with_suffix(".py")])
                       if p.is_file() and p.suffix in _SUFFIXES and "__pycache__" not in p.parts)
        for p in files:
            h.update(p.relative_to(_ROOT).as_posix().encode() + b"\0" + p.read_bytes() + b"\0")
    return h.hexdigest()[:12]


def reader_version() -> str:
    # the PDF reader builds table header paths with pipeline/tables/grid.py
    return source_version("documents", "tables")


def extractor_version() -> str:
    return source_version("extract", "reference", "tables")
