"""The release step as one call: re-check the tables, then write Parquet, DuckDB and the wheel atomically."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

import schemas

from .. import validate
from ..versions import extractor_version, reader_version
from . import release
from .archive import Distribution
from .wheel import build_wheel


def with_curated(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The tables plus those derived from the facts (indicators, regions, observations) where still missing."""
    from ..curate.tables import curated_tables
    missing = [t for t in schemas.CURATED if t not in tables]
    return {**tables, **{t: df for t, df in curated_tables(tables["facts"]).items() if t in missing}} if missing else tables


class ReleaseBlocked(Exception):
    """The tables failed a blocking check; nothing was written."""

    def __init__(self, blockers: dict[str, pd.DataFrame]):
        self.blockers = blockers
        super().__init__("release blocked by failed checks: " +
                         ", ".join(f"{name} ({len(df)} rows)" for name, df in blockers.items()))


def publish_tables(tables: dict[str, pd.DataFrame], warehouse: Path,
                   distribution: Distribution | None = None) -> release.Release:
    """distribution: wheel or archive, and the archive's URL; default from CEF_RELEASE_MODE,
    CEF_ARCHIVE_THRESHOLD_MB and CEF_ARCHIVE_URL (see archive.py)."""
    distribution = distribution or Distribution.from_env()
    tables = with_curated(tables)
    blockers = validate.release_blockers(tables)
    if blockers:
        raise ReleaseBlocked(blockers)
    docs = tables["documents"]
    sources = [{"path": p, "sha256": s} for p, s in zip(docs["path"], docs["sha256"])]
    return release.publish(tables, Path(warehouse), wheel_builder=build_wheel,
                           manifest_extra={"sources": sources, "extractor_version": extractor_version(),
                                           "reader_version": reader_version()},
                           distribution=distribution.plan)
