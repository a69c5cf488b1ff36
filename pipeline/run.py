"""`make run`: bring the release up to date with raw/ in this process (a local DAGSTER_HOME, no server): find the
shards whose files or code changed, run them (one run; per-document work on every core), then combine, check and
publish, and print a summary. Nothing changed: no run, no new release. `--prepare-only` just sets up
DAGSTER_HOME (used by `make ui`)."""
from __future__ import annotations

import argparse
import logging
import os
import sys
import time
import warnings
from pathlib import Path

import dagster as dg

from . import shards
from .assets.checks import ALL_CHECKS
from .assets.combine import combine_version
from .assets.resources import PROJECT_ROOT, Compute, Warehouse
from .assets.sensors import RANGE_END, RANGE_START
from .assets.shards import document_shards, progress
from .combine import TABLE_NAMES
from .definitions import ASSETS
from .versions import source_version

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


# Dagster's per-step lines would drown the one-line-per-document progress.
QUIET = {"loggers": {"console": {"config": {"log_level": "ERROR"}}}}


class _DocumentLines(logging.Handler):
    """Prints the shard step's one line per document as `[n/N] line (seconds since the previous line)`."""

    def __init__(self, total: int, out):
        super().__init__(logging.INFO)
        self.total, self.out, self.n, self.last = total, out, 0, time.perf_counter()

    def emit(self, record: logging.LogRecord) -> None:
        self.n += 1
        now = time.perf_counter()
        took = "cached" if getattr(record, "cached", False) else f"{now - self.last:.1f}s"
        print(f"[{self.n}/{self.total}] {record.getMessage()} ({took})", file=self.out, flush=True)
        self.last = now


def expected_state(plan: shards.Plan) -> str:
    """What the release records after a successful build from this plan (see assets/publish.py)."""
    return f"{shards.state(plan.fingerprints, combine_version())}+{source_version('publish')}"


def _run_shards(plan: shards.Plan, everything, resources, instance, out) -> bool:
    first, last = shards.contiguous_range(shards.shard_keys(), plan.changed)
    n_docs = sum(len(plan.by_shard[k]) for k in plan.changed)
    lines = _DocumentLines(n_docs, out)
    progress.addHandler(lines)
    progress.setLevel(logging.INFO)
    progress.propagate = False
    try:
        # one run over the changed shards' range (a run per shard would cost ~0.5 s of bookkeeping each)
        res = dg.materialize(everything, selection=[document_shards.key], instance=instance, resources=resources,
                             raise_on_error=False, run_config=QUIET, tags={RANGE_START: first, RANGE_END: last})
    finally:
        progress.removeHandler(lines)
    if not res.success:
        print("extracting the documents failed; see the run's log in the Dagster UI", file=out)
    return res.success


def build(warehouse: Warehouse, instance: dg.DagsterInstance, out=sys.stdout, compute: Compute | None = None) -> bool:
    resources = {"warehouse": warehouse, "compute": compute or Compute()}
    everything = [*ASSETS, *ALL_CHECKS]
    started = time.perf_counter()
    plan = shards.plan(warehouse.raw, warehouse.root)
    if plan.nothing_to_do and shards.published_state(warehouse.root) == expected_state(plan):
        print(f"nothing changed: {len(plan.files)} documents, {len(plan.by_shard)} shards up to date; "
              f"the release is as it was ({time.perf_counter() - started:.1f}s)", file=out)
        return True
    if plan.changed:
        n = sum(len(plan.by_shard[k]) for k in plan.changed)
        print(f"{len(plan.changed)} of {len(plan.by_shard)} shards changed ({n} documents in them)", file=out)
        if not _run_shards(plan, everything, resources, instance, out):
            return False
    res = dg.materialize(everything, selection=[*TABLE_NAMES, "release"],
                         instance=instance, resources=resources, raise_on_error=False, run_config=QUIET)
    failed = [e for e in res.get_asset_check_evaluations() if not e.passed and e.severity == dg.AssetCheckSeverity.ERROR]
    for e in failed:
        print(f"check failed: {e.asset_key.to_user_string()}.{e.check_name}: {e.description}", file=out)
    print(f"built in {time.perf_counter() - started:.1f}s", file=out)
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
    ap.add_argument("--prepare-only", action="store_true", help="set up DAGSTER_HOME, then stop")
    args = ap.parse_args(argv)
    prepare_home()
    warehouse = Warehouse()
    instance = dg.DagsterInstance.get()
    if args.prepare_only:
        print(f"DAGSTER_HOME={os.environ['DAGSTER_HOME']}")
        return 0
    ok = build(warehouse, instance)
    if not ok:
        print("release NOT published; the previous release is unchanged", file=sys.stderr)
        return 1
    summary(warehouse.root)
    return 0


if __name__ == "__main__":
    sys.exit(main())
