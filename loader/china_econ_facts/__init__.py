"""china_econ_facts: numbers about the Chinese economy, with provenance, as pandas, Arrow or DuckDB.

    >>> import china_econ_facts as cef
    >>> cef.tables()
    ['documents', 'pages', 'facts', 'table_cells']
    >>> facts = cef.load("facts", columns=["fact_id", "value", "unit"], filters=[("unit", "=", "CNY")])
    >>> cef.connect().sql("SELECT kind, count(*) FROM facts GROUP BY kind").df()
    >>> cef.verify().ok
    True
    >>> print(cef.citation())        # how to cite this release (also "bibtex" and "cff")
    >>> cef.indicators("gdp")                    # the indicator catalog, searchable in Chinese and English
    >>> cef.series("gdp", region="Qingdao")      # year, value, unit, measure, is_target, n_sources
    >>> cef.conflicts("gdp")                     # sources that disagree, each with its doc and quote

The data ships inside the package (``china_econ_facts/data/``): Parquet files, a Frictionless
``datapackage.json`` with every column's type, description, constraints and the files' SHA-256,
the dataset card ``README.md`` and ``CHANGELOG.md``. A large release carries only those: its Parquet files come
in a data archive that the first read fetches once into a local cache (see ``fetch``). A table's file is checked against its
SHA-256 before it is read (once per process): a damaged or missing file raises DataFileError naming it, and the
other tables stay readable."""
from __future__ import annotations

from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from ._curated import AmbiguousNameError, conflicts, indicators, region_code, series
from ._data import (DataMissingError, DatasetError, UnknownColumnError, UnknownTableError, check_columns,
                    data_dir, datapackage, manifest, resource, table_names)
from ._fetch import ArchiveDamagedError, ArchiveDownloadError, ArchiveError, fetch
from ._db import DataFileWarning, QueryError, ReadOnlyError, connect, query
from ._verify import CorruptDataError, DataFileError, FileCheck, VerifyReport, data_file, verify
from ._citation import citation
from ._version import __version__

__all__ = ["__version__", "load", "connect", "query", "tables", "describe", "info", "verify", "citation", "data_dir",
           "data_file", "DatasetError", "UnknownTableError", "UnknownColumnError", "DataMissingError",
           "ReadOnlyError", "QueryError", "CorruptDataError", "DataFileError", "DataFileWarning", "VerifyReport",
           "FileCheck", "indicators", "series", "conflicts", "region_code", "AmbiguousNameError"]


def __dir__() -> list[str]:
    """dir(china_econ_facts) and tab completion list the API only, not the modules it is built on (PEP 562)."""
    return sorted(__all__)
# a large release's data archive (_fetch.py)
__all__ += ["fetch", "ArchiveError", "ArchiveDownloadError", "ArchiveDamagedError"]


def tables() -> list[str]:
    """Names of the dataset's tables, in publish order."""
    return table_names()


def _filters(table: str, filters: Any) -> list | None:
    """Accept pyarrow's filter lists as they are, and {column: value or list of values} as a shorthand."""
    if filters is None or isinstance(filters, pc.Expression):
        return filters
    if len(filters) == 0:
        return None
    if isinstance(filters, dict):
        filters = [(col, "in", list(v)) if isinstance(v, (list, tuple, set)) else (col, "=", v)
                   for col, v in filters.items()]
    def is_term(x) -> bool:
        return isinstance(x, (tuple, list)) and len(x) == 3 and isinstance(x[0], str)

    groups = [filters] if all(is_term(t) for t in filters) else filters
    check_columns(table, [t[0] for group in groups for t in group])
    return [[tuple(t) for t in group] for group in groups]


def _to_pandas(tbl: pa.Table) -> pd.DataFrame:
    # Nullable integer columns (page, year, ...) stay integers (pandas Int64) instead of turning into floats.
    df = tbl.to_pandas(types_mapper=lambda t: pd.Int64Dtype() if pa.types.is_integer(t) else None)
    for fld in tbl.schema:
        if pa.types.is_integer(fld.type) and not fld.nullable:
            df[fld.name] = df[fld.name].astype("int64")
    return df


def load(table: str, columns: list[str] | None = None, filters: Any = None, *, as_arrow: bool = False):
    """Read one table.

    table: a name from ``tables()``; an unknown name raises UnknownTableError listing the known ones.
    columns: the columns to read (default: all), in that order.
    filters: rows to keep, as pyarrow filters (``[("lang", "=", "en"), ("value", ">", 1e9)]``, or a list of
        such lists for OR) or a dict shorthand (``{"lang": "en", "unit": ["CNY", "USD"]}``).
    as_arrow: return a ``pyarrow.Table`` instead of a pandas DataFrame.

    Returns a pandas DataFrame with the published dtypes (nullable integer columns as ``Int64``). A data file
    that is missing or differs from its SHA-256 in datapackage.json raises DataFileError naming it."""
    cols = check_columns(table, columns)
    filters = _filters(table, filters)
    tbl = pq.read_table(data_file(table), columns=cols, filters=filters)
    return tbl if as_arrow else _to_pandas(tbl)


def describe(table: str) -> pd.DataFrame:
    """One row per column of `table`: name, type (Table Schema), arrow_type, required, description, constraints."""
    res = resource(table)
    arrow = pq.read_schema(data_file(table))
    rows = []
    for fld in res["schema"]["fields"]:
        constraints = dict(fld.get("constraints", {}))
        required = bool(constraints.pop("required", False))
        rows.append({"column": fld["name"], "type": fld["type"],
                     "arrow_type": str(arrow.field(fld["name"]).type) if fld["name"] in arrow.names else "",
                     "required": required, "description": fld.get("description", ""),
                     "constraints": ", ".join(f"{k}={v}" for k, v in constraints.items())})
    return pd.DataFrame(rows)


def info() -> dict:
    """The release's identity: version, data SHA-256, extractor version, licence, row counts, sources."""
    dp, man = datapackage(), manifest()
    return {"name": dp["name"], "version": dp.get("version", __version__), "release_id": dp.get("release_id"),
            "data_sha256": dp.get("data_sha256"), "extractor_version": dp.get("extractor_version"),
            "license": (dp.get("licenses") or [{}])[0].get("name"),
            "rows": {r["name"]: r.get("rows") for r in dp["resources"]},
            "sources": dp.get("source_count", len(dp.get("sources", []))), "previous_version": man.get("previous_version"),
            "data_dir": str(data_dir())}
