"""Issue 13: the per-document work on a real distributed engine. A Dask cluster of two worker processes, started
by the test on this machine, builds a few documents; the release's Parquet is byte-identical to the build that
ran everything in this process, and the documents were really read and extracted in the workers."""
from __future__ import annotations

import hashlib
import io
import os
import shutil

import dagster as dg
import pytest

from pipeline.assets.resources import PROJECT_ROOT, Compute, Warehouse
from pipeline.run import build
from pipeline.shards import read_manifest, shard_dir, shard_keys

pytestmark = pytest.mark.slow


def _build(tmp, compute: Compute) -> tuple[Warehouse, str]:
    raw = tmp / "raw"
    shutil.copytree(PROJECT_ROOT / "raw", raw)
    (raw / "sub").mkdir()
    shutil.copy2(sorted(raw.glob("*.txt"))[0], raw / "sub" / "same_bytes.txt")  # a duplicate across shards
    (raw / "empty.txt").write_bytes(b"")
    wh = Warehouse(raw_dir=str(raw), warehouse_dir=str(tmp / "wh"))
    out = io.StringIO()
    assert build(wh, dg.DagsterInstance.ephemeral(), out=out, compute=compute), out.getvalue()
    return wh, out.getvalue()


def _parquet(wh: Warehouse) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted((wh.root / "parquet").glob("*.parquet"))}


def _worker_pids(wh: Warehouse) -> set[int]:
    return {s["pid"] for k in shard_keys() for s in read_manifest(shard_dir(wh.root, k)).get("summary", [])}


def test_a_dask_cluster_of_two_processes_builds_byte_identical_parquet(tmp_path):
    distributed = pytest.importorskip("distributed")
    here, _ = _build(tmp_path / "here", Compute(workers=1))
    assert _worker_pids(here) == {os.getpid()}
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        workers = {w.pid for w in cluster.workers.values() if hasattr(w, "pid")} or None
        there, log = _build(tmp_path / "there", Compute(scheduler_address=cluster.scheduler_address, min_parallel=1))
    assert _parquet(there) == _parquet(here)
    assert {"documents.parquet", "facts.parquet", "pages.parquet", "table_cells.parquet"} <= set(_parquet(here))
    pids = _worker_pids(there)
    assert os.getpid() not in pids and len(pids) == 2, pids  # both workers took documents, this process none
    if workers:
        assert pids == workers
    assert "[7/7]" in log
