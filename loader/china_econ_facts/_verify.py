"""Checksums of the packaged data files against datapackage.json."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from ._data import DatasetError, data_dir, datapackage


class CorruptDataError(DatasetError):
    """One or more data files do not match the checksums in datapackage.json."""


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
    base = data_dir()
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
