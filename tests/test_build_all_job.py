"""The UI's one-click build, in process: the build_all job runs every shard (all partitions of document_shards) and
then the tables, their checks and the release, in two runs tagged with its run id; each shard's materialization
names its own documents; a second click rebuilds nothing but still covers every partition."""
import shutil

import dagster as dg
import pytest

from pipeline.assets.jobs import BUILD_RUN_TAG
from pipeline.assets.resources import PROJECT_ROOT, Compute, Warehouse
from pipeline.assets.sensors import RANGE_END, RANGE_START
from pipeline.definitions import defs
from pipeline.shards import shard_keys, shard_of

pytestmark = pytest.mark.slow
SHARDS = dg.AssetKey("document_shards")


def _click(job, instance, wh) -> tuple[dg.ExecuteInProcessResult, list[dg.DagsterRun]]:
    res = job.execute_in_process(instance=instance, raise_on_error=False,
                                 resources={"warehouse": wh, "compute": Compute(workers=1)})
    started = [r for r in instance.get_runs() if r.tags.get(BUILD_RUN_TAG) == res.run_id]
    return res, sorted(started, key=lambda r: RANGE_START not in r.tags)  # the shard run first


def _shard_meta(instance, shard: str) -> tuple[str, dict]:
    (rec,) = instance.fetch_materializations(
        dg.AssetRecordsFilter(asset_key=SHARDS, asset_partitions=[shard]), limit=1).records
    meta = rec.asset_materialization.metadata
    return rec.run_id, {k: v.value for k, v in meta.items()}


def test_build_all_covers_every_partition_in_two_runs(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    names = sorted(p.name for p in (PROJECT_ROOT / "raw").iterdir())[:2]
    for name in names:
        shutil.copy2(PROJECT_ROOT / "raw" / name, raw / name)
    wh = Warehouse(raw_dir=str(raw), warehouse_dir=str(tmp_path / "wh"))
    instance, job = dg.DagsterInstance.ephemeral(), defs.resolve_job_def("build_all")
    assert job.partitions_def is None  # so the UI launches it without asking for partitions

    res, (shard_run, table_run) = _click(job, instance, wh)
    assert res.success
    assert (shard_run.tags[RANGE_START], shard_run.tags[RANGE_END]) == (shard_keys()[0], shard_keys()[-1])
    assert shard_run.status == table_run.status == dg.DagsterRunStatus.SUCCESS
    for asset in ("documents", "facts", "release"):
        (rec,) = instance.fetch_materializations(dg.AssetKey(asset), limit=1).records
        assert rec.run_id == table_run.run_id, asset
    assert instance.get_materialized_partitions(SHARDS) == set(shard_keys())
    assert (wh.root / "current").is_symlink()
    log = "\n".join(e.user_message for e in instance.all_logs(res.run_id))
    assert all(f"{name}: ok" in log for name in names) and "built in" in log
    for name in names:
        run_id, meta = _shard_meta(instance, shard_of(name))
        assert run_id == shard_run.run_id and meta["worked_on"] == 1
        assert name in meta["document_list"]
        assert not [o for o in names if o in meta["document_list"] and shard_of(o) != shard_of(name)]

    release = (wh.root / "current").resolve()
    again, (shard_run2, _) = _click(job, instance, wh)
    assert again.success
    assert (wh.root / "current").resolve() == release  # same data: same release
    for name in names:
        run_id, meta = _shard_meta(instance, shard_of(name))
        assert run_id == shard_run2.run_id and meta["worked_on"] == 0  # covered again, nothing read again
