"""Checksums of the packaged data files against datapackage.json: all at once (verify) or one table's file
before it is read (data_file). The files are in the package, or in the unpacked data archive (_fetch.py)."""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from ._data import ENV_DATA_DIR, DatasetError, datapackage, resource
from ._fetch import files_dir, repair_hint


class CorruptDataError(DatasetError):
    """One or more data files do not match the checksums in datapackage.json."""


class DataFileError(CorruptDataError):
    """The data file of the table being read is missing or damaged (its sha256 differs from datapackage.json)."""

    def __init__(self, table: str, path: str, problem: str):
        self.table, self.path, self.problem = table, path, problem
        # with the data directory overridden there is no package to reinstall: name the directory instead
        override = os.environ.get(ENV_DATA_DIR)
        fix = repair_hint() or (f"restore the release directory {override}" if override else "reinstall the package")
        super().__init__(f"{path} {problem}; {fix}")


@dataclass(frozen=True)
class FileCheck:
    """The result for one data file: status is "ok", "missing" or "sha256 mismatch"."""

    path: str
    status: str
    expected_sha256: str
    actual_sha256: str | None = None

    @property
    def ok(self) -> bool:
        return self.status == "ok"


@dataclass(frozen=True)
class VerifyReport:
    """Every data file's check. ``bool(report)`` is true when all files are intact."""

    files: list[FileCheck] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(f.ok for f in self.files)

    @property
    def bad(self) -> list[FileCheck]:
        return [f for f in self.files if not f.ok]

    def __bool__(self) -> bool:
        return self.ok

    def __str__(self) -> str:
        if self.ok:
            return f"all {len(self.files)} data files match their sha256 in datapackage.json"
        return "corrupted data: " + "; ".join(f"{f.path} ({f.status})" for f in self.bad)


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def verify(raise_on_error: bool = False) -> VerifyReport:
    """Check every data file (each resource in datapackage.json) against its recorded SHA-256.

    Returns a VerifyReport naming each file and its status; with ``raise_on_error=True`` a damaged or
    missing file raises CorruptDataError naming it instead."""
    base = files_dir()
    checks = []
    for res in datapackage()["resources"]:
        expected = res["hash"].removeprefix("sha256:")
        path = base / res["path"]
        if not path.is_file():
            checks.append(FileCheck(res["path"], "missing", expected))
            continue
        actual = _sha256(path)
        checks.append(FileCheck(res["path"], "ok" if actual == expected else "sha256 mismatch", expected, actual))
    report = VerifyReport(checks)
    if raise_on_error and not report.ok:
        raise CorruptDataError(str(report))
    return report


# (path, size, mtime_ns, expected sha256) → actual sha256. A file is hashed once per process; the stat in the key
# notices a file replaced or rewritten since then.
_checked: dict[tuple, str] = {}


def data_file(table: str) -> Path:
    """The path of `table`'s Parquet file, after checking it against its SHA-256 in datapackage.json.

    Raises UnknownTableError for a name not in the dataset and DataFileError (naming the file) when the file is
    missing or its bytes differ, so damaged data is never read as if it were the published data."""
    res = resource(table)
    path = files_dir() / res["path"]
    expected = res["hash"].removeprefix("sha256:")
    try:
        st = path.stat()
    except FileNotFoundError:
        raise DataFileError(table, res["path"], "is missing") from None
    key = (str(path), st.st_size, st.st_mtime_ns, expected)
    if key not in _checked:
        _checked[key] = _sha256(path)
    actual = _checked[key]
    if actual != expected:
        raise DataFileError(table, res["path"], f"is damaged: sha256 {actual} expected {expected}")
    return path
