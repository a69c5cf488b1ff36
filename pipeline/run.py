"""`make run`: materialize every asset over raw/ in this process (a local DAGSTER_HOME, no server), document by
document, then combine, check and publish, and print a summary. `--prepare-only` just registers the partitions
(used by `make ui`)."""
from __future__ import annotations

import argparse
import logging
import os
import sys
import time
import warnings
from pathlib import Path

import dagster as dg

from .assets.extract import progress
from .assets.resources import PROJECT_ROOT, Warehouse, documents_partitions
from .assets.sensors import PER_DOCUMENT
from .definitions import ASSETS, defs
from .assets.checks import ALL_CHECKS
from .combine import TABLE_NAMES
from .documents.scan import scan_raw

RANGE_START, RANGE_END = "dagster/asset_partition_range_start", "dagster/asset_partition_range_end"

warnings.filterwarnings("ignore", category=dg.BetaWarning)
warnings.filterwarnings("ignore", category=dg.PreviewWarning)


def prepare_home() -> Path:
    home = Path(os.environ.setdefault("DAGSTER_HOME", str(PROJECT_ROOT / "warehouse" / "dagster_home"))).resolve()
    home.mkdir(parents=True, exist_ok=True)
    cfg = home / "dagster.yaml"
    if not cfg.exists():
        # one run at a time: sensor, backfill and automation runs all write the same staged files and release
        cfg.write_text("telemetry:\n  enabled: false\nconcurrency:\n  runs:\n    max_concurrent_runs: 1\n")
    return home


def sync_partitions(instance: dg.DagsterInstance, raw: Path) -> list[str]:
    """Make the dynamic partitions exactly the files under raw/ (what the sensor does, at once)."""
    keys = sorted(scan_raw(raw))
    registered = set(instance.get_dynamic_partitions(documents_partitions.name))
    if new := [k for k in keys if k not in registered]:
        instance.add_dynamic_partitions(documents_partitions.name, new)
    for gone in sorted(registered - set(keys)):
        instance.delete_dynamic_partition(documents_partitions.name, gone)
    return keys


# Dagster's per-step lines (and its warnings about unreadable files, which the document lines report) would
# drown the one-line-per-document progress.
QUIET = {"loggers": {"console": {"config": {"log_level": "ERROR"}}}}


class _DocumentLines(logging.Handler):
    """Prints the extract asset's one line per document as `[n/N] line (seconds since the previous line)`, or
    `[n/N] line (cached)` for a document whose facts came from the stage (the record's `cached` flag)."""

    def __init__(self, total: int, out):
        super().__init__(logging.INFO)
        self.total, self.out, self.n, self.cached, self.last = total, out, 0, 0, time.perf_counter()

    def emit(self, record: logging.LogRecord) -> None:
        self.n += 1
        now = time.perf_counter()
        cached = bool(getattr(record, "cached", False))
        self.cached += cached
        took = "cached" if cached else f"{now - self.last:.1f}s"
        print(f"[{self.n}/{self.total}] {record.getMessage()} ({took})", file=self.out, flush=True)
        self.last = now


def build(warehouse: Warehouse, instance: dg.DagsterInstance, out=sys.stdout) -> bool:
    keys = sync_partitions(instance, warehouse.raw)
    resources = {"warehouse": warehouse}
    everything = [*ASSETS, *ALL_CHECKS]
    per_doc = [a.key for a in PER_DOCUMENT]
    started, cached = time.perf_counter(), ""
    if keys:
        # one run over every document (the per-document assets loop over the run's partition range): a run per
        # document would cost ~0.5 s of run bookkeeping each
        order = documents_partitions.get_partition_keys(dynamic_partitions_store=instance)
        lines = _DocumentLines(len(keys), out)
        progress.addHandler(lines)
        progress.setLevel(logging.INFO)
        progress.propagate = False
        try:
            res = dg.materialize(everything, selection=per_doc, instance=instance, resources=resources,
                                 raise_on_error=False, run_config=QUIET,
                                 tags={RANGE_START: order[0], RANGE_END: order[-1]})
        finally:
            progress.removeHandler(lines)
        cached = f"; {lines.cached} of {lines.n} documents cached" if lines.n else ""
        if not res.success:
            print("extracting the documents failed; see the run's log in the Dagster UI", file=out)
            return False
    res = dg.materialize(everything, selection=[*TABLE_NAMES, "release"],
                         instance=instance, resources=resources, raise_on_error=False, run_config=QUIET)
    failed = [e for e in res.get_asset_check_evaluations() if not e.passed and e.severity == dg.AssetCheckSeverity.ERROR]
    for e in failed:
        print(f"check failed: {e.asset_key.to_user_string()}.{e.check_name}: {e.description}", file=out)
    print(f"built in {time.perf_counter() - started:.1f}s{cached}", file=out)
    return res.success and not failed


def summary(warehouse: Path, out=sys.stdout) -> None:
    import duckdb

    db = warehouse / "china_econ_facts.duckdb"
    con = duckdb.connect(str(db), read_only=True)
    try:
        print(f"\n{db.relative_to(PROJECT_ROOT) if db.is_relative_to(PROJECT_ROOT) else db}", file=out)
        print("documents by status:", file=out)
        for status, n in con.execute("select status, count(*) from documents group by 1 order by 1").fetchall():
            print(f"  {status:<14}{n:>6}", file=out)
        print("facts by kind and unit:", file=out)
        rows = con.execute("select kind, unit, count(*) from facts group by 1, 2 order by 1, 3 desc, 2").fetchall()
        for kind, unit, n in rows:
            print(f"  {kind:<8}{unit:<18}{n:>6}", file=out)
        total = con.execute("select count(*) from facts").fetchall()[0][0]
        print(f"  {'total':<26}{total:>6}", file=out)
        rows = con.execute("select path, status, error from documents where status <> 'ok' order by path").fetchall()
        if rows:
            print("documents without facts, and why:", file=out)
            for path, status, error in rows:
                print(f"  {path}: {status}" + (f" ({error})" if error else ""), file=out)
    finally:
        con.close()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m pipeline.run", description=__doc__)
    ap.add_argument("--prepare-only", action="store_true", help="set up DAGSTER_HOME and partitions, then stop")
    args = ap.parse_args(argv)
    prepare_home()
    warehouse = Warehouse()
    instance = dg.DagsterInstance.get()
    if args.prepare_only:
        keys = sync_partitions(instance, warehouse.raw)
        print(f"DAGSTER_HOME={os.environ['DAGSTER_HOME']}; {len(keys)} document partitions registered")
        return 0
    ok = build(warehouse, instance)
    if not ok:
        print("release NOT published; the previous release is unchanged", file=sys.stderr)
        return 1
    summary(warehouse.root)
    return 0


if __name__ == "__main__":
    sys.exit(main())
