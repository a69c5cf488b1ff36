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

from . import shards

# Dagster, pandas and the pipeline's assets are imported only when there is something to build: a no-op build
# costs the scan of raw/, not ~5 s of imports.
PROJECT_ROOT = Path(__file__).resolve().parents[1]
progress = logging.getLogger("pipeline.progress")


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
    """Prints the shard step's one line per document as `[n/N] line (seconds since the previous line)`, or
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


def expected_state(plan: shards.Plan) -> str:
    """What the release records after a successful build from this plan (see assets/publish.py)."""
    return shards.state(plan.fingerprints, shards.release_code_version())


def up_to_date(raw: Path, warehouse: Path) -> tuple[shards.Plan, bool]:
    plan = shards.plan(raw, warehouse)
    return plan, plan.nothing_to_do and shards.published_state(warehouse) == expected_state(plan)


def _run_shards(plan: shards.Plan, keys: list[str], everything, resources, instance, out,
                tags: dict) -> tuple[bool, str]:
    """Run the shards from the first to the last of `keys`; (success, '; k of n documents cached' for the summary
    line)."""
    import dagster as dg

    from .assets.sensors import RANGE_END, RANGE_START
    from .assets.shards import document_shards

    first, last = shards.contiguous_range(shards.shard_keys(), keys)
    n_docs = sum(len(plan.by_shard[k]) for k in plan.changed)  # only changed shards' documents are worked on
    lines = _DocumentLines(n_docs, out)
    progress.addHandler(lines)
    progress.setLevel(logging.INFO)
    progress.propagate = False
    try:
        # one run over the range of keys (a run per shard would cost ~0.5 s of bookkeeping each)
        res = dg.materialize(everything, selection=[document_shards.key], instance=instance, resources=resources,
                             raise_on_error=False, run_config=QUIET,
                             tags={**tags, RANGE_START: first, RANGE_END: last,
                                   shards.PLAN_TAG: shards.hand_over(plan)})
    finally:
        progress.removeHandler(lines)
    if not res.success:
        print("extracting the documents failed; see the run's log in the Dagster UI", file=out)
    return res.success, (f"; {lines.cached} of {lines.n} documents cached" if lines.n else "")


def _nothing_changed(plan: shards.Plan, started: float, out) -> bool:
    print(f"nothing changed: {len(plan.files)} documents, {len(plan.by_shard)} shards up to date; "
          f"the release is as it was ({time.perf_counter() - started:.1f}s)", file=out)
    return True


def warm_up(plan: shards.Plan, compute=None) -> None:
    """Many new documents: their worker processes start now, while Dagster is imported and sets up its runs
    (once per build; the shard step's map takes the cluster)."""
    from .engine import Engine

    (compute.engine() if compute is not None else Engine()).warm_up(plan.unseen)


def build(warehouse, instance, out=sys.stdout, compute=None, every_shard: bool = False,
          tags: dict | None = None, planned: tuple[shards.Plan, bool] | None = None) -> bool:
    """Bring the release up to date (warehouse: a Warehouse resource; instance: a DagsterInstance).

    every_shard: run every shard (every partition of document_shards), not only the changed ones, and publish even
    when nothing changed: the UI's build_all job. A shard whose files and code are unchanged is recognized by its
    fingerprint (a manifest read) and records a fresh materialization. tags: put on the runs this starts.
    planned: up_to_date's answer for these directories when the caller has it (one scan of raw/ per build; the
    shard step gets the same plan)."""
    started = time.perf_counter()
    plan, current = planned or up_to_date(warehouse.raw, warehouse.root)
    if current and not every_shard:
        return _nothing_changed(plan, started, out)
    from .engine import discard_warm_cluster

    warm_up(plan, compute)
    try:
        return _build(warehouse, instance, out, compute, every_shard, tags, plan, started)
    finally:
        discard_warm_cluster()


def _build(warehouse, instance, out, compute, every_shard: bool, tags: dict | None, plan: shards.Plan,
           started: float) -> bool:
    import dagster as dg

    from .engine import discard_warm_cluster

    from .assets.checks import ALL_CHECKS
    from .assets.resources import Compute
    from .combine import TABLE_NAMES
    from .definitions import ASSETS

    warnings.filterwarnings("ignore", category=dg.BetaWarning)
    warnings.filterwarnings("ignore", category=dg.PreviewWarning)
    resources = {"warehouse": warehouse, "compute": compute or Compute()}
    everything, cached, tags = [*ASSETS, *ALL_CHECKS], "", tags or {}
    keys = shards.shard_keys() if every_shard else plan.changed
    if keys:
        n = sum(len(plan.by_shard[k]) for k in plan.changed)
        print(f"{len(plan.changed)} of {len(plan.by_shard)} shards changed ({n} documents in them)"
              + (f"; all {len(keys)} run, the unchanged ones only record a materialization" if every_shard else ""),
              file=out)
        ok, cached = _run_shards(plan, keys, everything, resources, instance, out, tags)
        discard_warm_cluster()  # not taken: the documents were staged already
        if not ok:
            return False
    res = dg.materialize(everything, selection=[*TABLE_NAMES, "release"], instance=instance, resources=resources,
                         raise_on_error=False, run_config=QUIET, tags=tags)
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
    ap.add_argument("--prepare-only", action="store_true", help="set up DAGSTER_HOME, then stop")
    args = ap.parse_args(argv)
    prepare_home()
    if args.prepare_only:
        print(f"DAGSTER_HOME={os.environ['DAGSTER_HOME']}")
        return 0
    started = time.perf_counter()
    raw = Path(os.environ.get("CEF_RAW_DIR") or PROJECT_ROOT / "raw")
    root = Path(os.environ.get("CEF_WAREHOUSE_DIR") or PROJECT_ROOT / "warehouse")
    plan, current = up_to_date(raw, root)
    if current:  # before importing Dagster
        _nothing_changed(plan, started, sys.stdout)
        summary(root)
        return 0
    warm_up(plan)  # before importing Dagster, too
    import dagster as dg

    from .assets.resources import Warehouse

    warehouse = Warehouse()
    same = (warehouse.raw.resolve(), warehouse.root.resolve()) == (raw.resolve(), root.resolve())
    ok = build(warehouse, dg.DagsterInstance.get(), planned=(plan, current) if same else None)
    if not ok:
        print("release NOT published; the previous release is unchanged", file=sys.stderr)
        return 1
    summary(warehouse.root)
    return 0


if __name__ == "__main__":
    sys.exit(main())
