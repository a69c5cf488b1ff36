"""Issue 5, items 3 to 5: files removed and touched, a bad build that must not publish, a crash in the middle of
publishing, and builds that repeat exactly. The sensor is evaluated directly; builds go through pipeline.run.build
(Dagster in-process, ephemeral instance) in tmp directories."""
from __future__ import annotations

import hashlib
import os
import shutil
import time
from pathlib import Path

import dagster as dg
import pandas as pd
import pytest

from pipeline.assets.sensors import RANGE_END, RANGE_START, raw_documents
from pipeline.documents import make_doc_id
from pipeline.shards import shard_of

from .conftest import ZH_HANS, ZH_HANT, make_warehouse, read_release, release_fingerprint, run_build

pytestmark = pytest.mark.slow

SMALL = {
    "a.txt": "GDP grew 5.2% in 2023.\nExports fell 4.6%.",
    "b 繁體.md": ZH_HANT,
    "c.txt": ZH_HANS,
}


def write_small(raw: Path) -> None:
    for name, text in SMALL.items():
        (raw / name).write_text(text, encoding="utf-8")


def parquet_bytes(root: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted((root / "parquet").glob("*.parquet"))}


def staged_mtimes(root: Path) -> dict[str, int]:
    return {str(p.relative_to(root)): p.stat().st_mtime_ns for p in sorted((root / "stage").rglob("*.json"))}


@pytest.fixture(scope="module")
def small(tmp_path_factory, stub_extractor):
    """One good build of three documents; the guard tests check that it survives them unchanged."""
    wh = make_warehouse(tmp_path_factory.mktemp("small"))
    write_small(wh.raw)
    instance = dg.DagsterInstance.ephemeral()
    ok, log = run_build(wh, instance)
    assert ok, log
    return wh, instance


# ---------------------------------------------------------------- 4. validation guards the release
def _with_bad_fact(kind):
    import pipeline.combine as combine

    original = combine.combine_staged

    def combine_staged(warehouse, keys):
        tables = original(warehouse, keys)
        facts = tables["facts"]
        bad = facts.iloc[[0]].copy()
        bad["fact_id"] = "injected-bad-fact-0001"
        if kind == "unit":
            bad["unit"] = "parsecs"
        else:  # a span that does not give the quote back
            bad["char_start"], bad["char_end"] = bad["char_start"] + 1, bad["char_end"] + 1
        tables["facts"] = pd.concat([facts, bad], ignore_index=True)
        return tables

    return combine_staged


@pytest.mark.parametrize("kind,check", [("unit", "facts_schema"), ("span", "fact_spans")])
def test_a_failing_check_publishes_nothing(small, monkeypatch, kind, check):
    wh, instance = small
    before = release_fingerprint(wh.root)
    monkeypatch.setattr("pipeline.combine.combine_staged", _with_bad_fact(kind))
    extra = wh.raw / "new.txt"
    extra.write_text("Investment rose 3.0% in 2024.")  # a change, so the build combines and checks again
    try:
        ok, log = run_build(wh, instance)
    finally:
        extra.unlink()
    assert not ok
    assert f"check failed: facts.{check}" in log
    assert release_fingerprint(wh.root) == before
    assert not list((wh.root / "releases").glob(".tmp-*"))


@pytest.mark.parametrize("where", ["pipeline.publish.duckdb_db.write_database", "pipeline.publish.build.build_wheel"])
def test_a_crash_while_publishing_leaves_the_previous_release_whole(small, monkeypatch, where):
    wh, instance = small
    before = release_fingerprint(wh.root)
    written = []

    def crash(*args, **kwargs):
        written.extend(p.name for p in (args[0].parent if where.endswith("write_database") else args[0]).rglob("*.parquet"))
        raise RuntimeError("simulated crash between two writes")

    monkeypatch.setattr(where, crash)
    if where.endswith("build_wheel"):
        monkeypatch.setattr("pipeline.publish.wheel.build_wheel", crash)
    extra = wh.raw / "new.txt"
    extra.write_text("Investment rose 3.0% in 2024.")  # new data, so a new release would be written
    try:
        ok, log = run_build(wh, instance)
    finally:
        extra.unlink()
    assert not ok
    assert sorted(written) == ["documents.parquet", "facts.parquet", "indicators.parquet", "observations.parquet",
                               "pages.parquet", "regions.parquet", "table_cells.parquet"]  # crashed after them
    assert release_fingerprint(wh.root) == before
    assert not list((wh.root / "releases").glob(".tmp-*"))


# ---------------------------------------------------------------- 5. idempotence
def test_two_builds_give_byte_identical_parquet_and_the_same_fact_ids(small, tmp_path, stub_extractor):
    wh, instance = small
    first, ids = parquet_bytes(wh.root), sorted(read_release(wh)["facts"]["fact_id"])
    assert len(ids) == 7
    # a second build from scratch elsewhere (another warehouse, another instance) ...
    other = make_warehouse(tmp_path)
    write_small(other.raw)
    ok, log = run_build(other)
    assert ok, log
    assert parquet_bytes(other.root) == first
    assert sorted(read_release(other)["facts"]["fact_id"]) == ids
    # ... and again in the same warehouse: same release, nothing new written
    current = os.readlink(wh.root / "current")
    ok, log = run_build(wh, instance)
    assert ok, log
    assert parquet_bytes(wh.root) == first and os.readlink(wh.root / "current") == current


def _latest_metadata(instance, asset: str, partition: str) -> dict:
    records = instance.fetch_materializations(dg.AssetRecordsFilter(asset_key=dg.AssetKey(asset),
                                                                    asset_partitions=[partition]), limit=1).records
    return {k: v.value for k, v in records[0].asset_materialization.metadata.items()}


def _tick(wh, instance, cursor=None):
    return raw_documents(dg.build_sensor_context(instance=instance, resources={"warehouse": wh}, cursor=cursor))


def test_touching_a_file_reprocesses_nothing(small, stub_extractor):
    wh, instance = small
    ok, log = run_build(wh, instance)  # (the tests before may have left a change behind)
    assert ok, log
    before_stage, before_release = staged_mtimes(wh.root), release_fingerprint(wh.root)
    n_runs = len(instance.get_runs())
    # the sensor compares raw/ with what the shards were built from: after a build, nothing to do (so the first
    # tick of `make ui` after `make run` starts no run)
    assert isinstance(_tick(wh, instance), dg.SkipReason)
    future = time.time() + 3600
    for p in wh.raw.iterdir():
        os.utime(p, (future, future))
    assert isinstance(_tick(wh, instance), dg.SkipReason)
    ok, log = run_build(wh, instance)  # a build: no run at all, nothing rewritten, no new release
    assert ok, log
    assert "nothing changed: 3 documents" in log
    assert len(instance.get_runs()) == n_runs
    assert staged_mtimes(wh.root) == before_stage
    assert release_fingerprint(wh.root) == before_release


# ---------------------------------------------------------------- 3. removal
def test_the_sensor_runs_the_changed_shards_once_each_time(tmp_path, stub_extractor):
    wh = make_warehouse(tmp_path)
    write_small(wh.raw)
    instance = dg.DagsterInstance.ephemeral()
    res = _tick(wh, instance)
    (req,) = res.run_requests  # nothing built yet: every shard, in one run
    assert (req.tags[RANGE_START], req.tags[RANGE_END]) == ("00", "3f")
    assert isinstance(_tick(wh, instance, res.cursor), dg.SkipReason)  # asked already: not again
    assert run_build(wh, instance)[0]
    assert isinstance(_tick(wh, instance, res.cursor), dg.SkipReason)
    (wh.raw / "a.txt").unlink()
    (req,) = _tick(wh, instance, res.cursor).run_requests
    assert req.tags[RANGE_START] == req.tags[RANGE_END] == shard_of("a.txt")
    assert run_build(wh, instance)[0]
    # a file changed, then changed back to its first bytes, is run each time (run keys stay unique)
    keys, cursor = [], res.cursor
    for text in ("v2 1.0%", ZH_HANS, "v2 1.0%"):
        (wh.raw / "c.txt").write_text(text, encoding="utf-8")
        r = _tick(wh, instance, cursor)
        cursor = r.cursor
        (req,) = r.run_requests
        assert req.tags[RANGE_START] == req.tags[RANGE_END] == shard_of("c.txt")
        keys.append(req.run_key)
        assert run_build(wh, instance)[0]
    assert len(set(keys)) == 3


def test_a_removed_file_leaves_the_next_release(tmp_path, stub_extractor):
    wh = make_warehouse(tmp_path)
    write_small(wh.raw)
    instance = dg.DagsterInstance.ephemeral()
    assert run_build(wh, instance)[0]
    assert "a.txt" in set(read_release(wh)["documents"]["path"])
    (wh.raw / "a.txt").unlink()
    ok, log = run_build(wh, instance)
    assert ok, log
    t = read_release(wh)
    assert sorted(t["documents"]["path"]) == sorted(set(SMALL) - {"a.txt"})
    assert "a.txt" not in set(t["facts"]["doc"]) and len(t["facts"]) == 5
    assert not (wh.root / "stage" / make_doc_id("a.txt")).exists()


def test_a_document_stopped_by_a_limit_is_read_again_when_the_limit_changes(tmp_path, stub_extractor, monkeypatch):
    wh = make_warehouse(tmp_path)
    (wh.raw / "a.txt").write_text(SMALL["a.txt"])
    instance = dg.DagsterInstance.ephemeral()
    monkeypatch.setenv("CEF_MAX_TEXT_MB", "0.00001")  # 10 bytes
    assert run_build(wh, instance)[0]
    row = read_release(wh)["documents"].iloc[0]
    assert row["status"] == "error" and "exceeds the 1e-05 MB limit for text files" in row["error"]
    monkeypatch.delenv("CEF_MAX_TEXT_MB")
    assert run_build(wh, instance)[0]
    t = read_release(wh)
    assert t["documents"].iloc[0]["status"] == "ok" and len(t["facts"]) == 2


# ---------------------------------------------------------------- bulk builds
def test_a_bulk_build_is_one_run_for_all_documents_with_a_line_per_document(tmp_path, stub_extractor):
    wh = make_warehouse(tmp_path)
    write_small(wh.raw)
    (wh.raw / "z_empty.txt").write_text("", encoding="utf-8")
    instance = dg.DagsterInstance.ephemeral()
    ok, out = run_build(wh, instance)
    assert ok, out
    # one run over every document's partitions, then one for the combined tables and the release
    assert len(instance.get_runs()) == 2
    lines = [ln for ln in out.splitlines() if ln.startswith("[")]
    assert [ln.split("]")[0] + "]" for ln in lines] == ["[1/4]", "[2/4]", "[3/4]", "[4/4]"]
    assert any("z_empty.txt: empty, 0 facts (file is empty)" in ln for ln in lines), lines
