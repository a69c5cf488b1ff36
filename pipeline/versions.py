"""Code versions from source: a change to a library package's code or reference data changes its version,
so Dagster marks the assets built from it stale and the release records what made it."""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

_ROOT = Path(__file__).resolve().parent
_SUFFIXES = {".py", ".json", ".csv", ".tsv", ".txt", ".yaml", ".yml"}

# What the per-document extraction (process.facts_for_limited) runs, outside the reading of the file: the text
# extractor and its vocabularies, table facts, process.py itself (page assignment, the dedupe of text against
# table facts, fact ids, order), and the parts of documents/ it calls (the Document model with page_of, script
# detection and Traditional→Simplified, the time and memory limits it runs under). The file's reading is
# reader_version's. tests/tables/test_versions.py checks this list against the imports.
EXTRACTION_SOURCES = ("extract", "reference", "tables", "process", "curate", "documents/model", "documents/script",
                      "documents/limits", "documents/titles", "documents/metadata", "documents/dates")


@lru_cache(maxsize=None)
def source_version(*packages: str) -> str:
    """12 hex digits over the files of the named sub-packages or modules of pipeline/ (e.g. "extract",
    "documents/model")."""
    h = hashlib.sha256()
    for name in packages:
        base = _ROOT / name
        if not base.is_dir() and not base.with_suffix(".py").is_file():
            raise FileNotFoundError(f"pipeline/{name}: no such package or module to version")
        files = sorted(p for p in (base.rglob("*") if base.is_dir() else [base.with_suffix(".py")])
                       if p.is_file() and p.suffix in _SUFFIXES and "__pycache__" not in p.parts)
        for p in files:
            h.update(p.relative_to(_ROOT).as_posix().encode() + b"\0" + p.read_bytes() + b"\0")
    return h.hexdigest()[:12]


def reader_version() -> str:
    # the PDF reader builds table header paths with pipeline/tables/grid.py
    return source_version("documents", "tables")


def extractor_version() -> str:
    return source_version(*EXTRACTION_SOURCES)
