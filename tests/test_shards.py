"""Issue 13: a build scans raw/ once. The plan made before Dagster starts is handed to the shard step of a run
in the same process; a run elsewhere, or with another number of shards, scans again."""
from __future__ import annotations

import shutil

from pipeline import shard_work, shards
from pipeline.assets.resources import PROJECT_ROOT
from pipeline.engine import Engine


def test_the_shard_step_gets_the_plan_the_build_made(tmp_path, monkeypatch):
    raw, wh = tmp_path / "raw", tmp_path / "wh"
    shutil.copytree(PROJECT_ROOT / "raw", raw)
    plan = shards.plan(raw, wh)
    token = shards.hand_over(plan)
    assert shards.plan_for(token, raw, wh) is plan
    scans = []
    monkeypatch.setattr(shards, "scan", lambda *a, **k: scans.append(a) or {})
    assert shards.plan_for(None, raw, wh) is not plan and len(scans) == 1  # no token: a run started elsewhere
    assert shards.plan_for("0" * 16, raw, wh) is not plan and len(scans) == 2
    monkeypatch.setenv(shards.SHARDS_ENV, "4")
    assert shards.plan_for(token, raw, wh) is not plan and len(scans) == 3  # planned for another shard count
    shards.hand_over(shards.Plan({}, {}))
    monkeypatch.delenv(shards.SHARDS_ENV)
    assert shards.plan_for(token, raw, wh) is not plan  # a newer plan replaced it


def test_unseen_counts_documents_whose_bytes_no_shard_was_built_from(tmp_path):
    raw, wh = tmp_path / "raw", tmp_path / "wh"
    shutil.copytree(PROJECT_ROOT / "raw", raw)
    n = len(shards.scan(raw, wh))
    assert shards.plan(raw, wh).unseen == n
    shard_work.build_shards(str(raw), wh, shards.shard_keys(), Engine(workers=1))
    assert shards.plan(raw, wh).unseen == 0
    (raw / "added.txt").write_text("2024年全年国内生产总值比上年增长5.0%。\n", encoding="utf-8")
    victim = sorted(raw.glob("0*.txt"))[0]
    victim.write_bytes(victim.read_bytes() + "居民消费价格上涨0.2%。\n".encode())
    assert shards.plan(raw, wh).unseen == 2
    victim.unlink()  # a removed document is no work
    assert shards.plan(raw, wh).unseen == 1
