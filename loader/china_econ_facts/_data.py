"""Where the packaged data lives and what datapackage.json says about it."""
from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path

# Lets a checkout use a release directory (e.g. warehouse/current) without installing the wheel.
ENV_DATA_DIR = "CHINA_ECON_FACTS_DATA"


class DatasetError(Exception):
    """Base class for the errors this package raises on bad use or damaged data."""


class UnknownTableError(DatasetError, LookupError):
    """A table name that is not in the dataset."""

    def __init__(self, name: str, known: list[str]):
        self.name, self.known = name, known
        super().__init__(f"unknown table {name!r}; the dataset has: {', '.join(known)}")


class UnknownColumnError(DatasetError, LookupError):
    """A column name that is not in the table."""

    def __init__(self, table: str, names: list[str], known: list[str]):
        self.table, self.names, self.known = table, names, known
        super().__init__(f"unknown column(s) {', '.join(map(repr, names))} in table {table!r}; "
                         f"its columns are: {', '.join(known)}")


class DataMissingError(DatasetError, FileNotFoundError):
    """The package was installed without its data (or the data directory was removed)."""


def data_dir() -> Path:
    override = os.environ.get(ENV_DATA_DIR)
    path = Path(override) if override else Path(__file__).resolve().parent / "data"
    if not (path / "datapackage.json").is_file():
        raise DataMissingError(f"no datapackage.json in {path}: this copy of china_econ_facts carries no data "
                               f"(install the published wheel, or set {ENV_DATA_DIR} to a release directory)")
    return path


@lru_cache(maxsize=4)
def _read_json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def datapackage() -> dict:
    """The parsed datapackage.json (a Frictionless Data Package descriptor)."""
    return _read_json(data_dir() / "datapackage.json")


def manifest() -> dict:
    path = data_dir() / "manifest.json"
    return _read_json(path) if path.is_file() else {}


def table_names() -> list[str]:
    return [r["name"] for r in datapackage()["resources"]]


def resource(table: str) -> dict:
    for r in datapackage()["resources"]:
        if r["name"] == table:
            return r
    raise UnknownTableError(table, table_names())


def check_columns(table: str, columns) -> list[str] | None:
    if columns is None:
        return None
    if isinstance(columns, str):
        columns = [columns]
    known = [f["name"] for f in resource(table)["schema"]["fields"]]
    unknown = [c for c in columns if c not in known]
    if unknown:
        raise UnknownColumnError(table, unknown, known)
    return list(columns)
