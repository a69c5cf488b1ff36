"""Bounded bookkeeping (issue 13): old runs are deleted, except the newest N and those holding an asset's latest
materialization (which the UI and automation still read)."""
import dagster as dg

from pipeline.assets.runs import prune_runs


@dg.asset
def once() -> None:
    return None


@dg.asset
def often() -> None:
    return None


def test_old_runs_are_pruned_but_not_those_holding_a_latest_materialization():
    instance = dg.DagsterInstance.ephemeral()
    first = dg.materialize([once], instance=instance).run_id
    runs = [dg.materialize([often], instance=instance).run_id for _ in range(5)]
    deleted = prune_runs(instance, keep=2)
    assert sorted(deleted) == sorted(runs[:3])  # older than the newest two, and superseded
    left = {r.run_id for r in instance.get_runs()}
    assert left == {first, *runs[3:]}
    assert instance.get_latest_materialization_event(dg.AssetKey("once")).run_id == first
    assert not instance.all_logs(runs[0])  # its events went with it
    assert prune_runs(instance, keep=2) == []
