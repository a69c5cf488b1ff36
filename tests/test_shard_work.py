"""Issue 13: a change costs what changed. In a shard of many documents, only the new or changed ones are sent to
the engine (the rest are summarized from the stage in the build's process), and the engine sends Dask a few
batches per worker, not a task per document."""
from __future__ import annotations

import shutil

import pytest

from pipeline import shard_work, shards
from pipeline.assets.resources import PROJECT_ROOT
from pipeline.engine import Engine, _chunks


class RecordingEngine(Engine):
    """The in-process engine, recording which documents it was asked to work on."""

    def __init__(self):
        super().__init__(workers=1)
        self.sent: list[str] = []

    def imap(self, fn, tasks):
        self.sent += [t[-1] for t in tasks]
        return super().imap(fn, tasks)


def test_an_added_and_a_changed_document_are_the_only_work_sent(tmp_path, monkeypatch):
    monkeypatch.setenv(shards.SHARDS_ENV, "1")  # every document in one shard
    raw, wh = tmp_path / "raw", tmp_path / "wh"
    shutil.copytree(PROJECT_ROOT / "raw", raw)
    first = RecordingEngine()
    shard_work.build_shards(str(raw), wh, shards.shard_keys(), first)
    assert sorted(first.sent) == sorted(p.name for p in raw.iterdir())

    (raw / "added.txt").write_text("2024年全年国内生产总值比上年增长5.0%。\n", encoding="utf-8")
    victim = sorted(raw.glob("0*.txt"))[0]
    victim.write_text(victim.read_text(encoding="utf-8") + "居民消费价格上涨0.2%。\n", encoding="utf-8")
    second, lines = RecordingEngine(), []
    out = shard_work.build_shards(str(raw), wh, shards.shard_keys(), second, on_document=lines.append)
    assert sorted(second.sent) == sorted(["added.txt", victim.name])
    summary = {s["path"]: s for s in out[shards.shard_keys()[0]]["summary"]}
    assert set(summary) == {p.name for p in raw.iterdir()} == {line["path"] for line in lines}
    assert {p for p, s in summary.items() if not s["cached"]} == {"added.txt", victim.name}
    # a cached document's summary is the one its last build recorded
    assert summary["added.txt"]["facts"] >= 1 and summary["added.txt"]["status"] == "ok"


@pytest.mark.parametrize("n, workers", [(1, 2), (7, 2), (1000, 2), (1000, 64), (100_000, 2)])
def test_batches_cover_every_task_once_a_few_per_worker(n, workers):
    chunks = _chunks(n, workers)
    covered = [i for a, b in chunks for i in range(a, b)]
    assert covered == list(range(n))
    assert len(chunks) >= min(n, workers)  # every worker gets work when there is enough
    assert max(b - a for a, b in chunks) <= 256
    if n == 1000 and workers == 2:
        assert len(chunks) <= 8 * workers  # ~10 ms of scheduling per batch, not per document


def test_each_shard_is_given_once_as_soon_as_its_documents_are_done(tmp_path, monkeypatch):
    """iter_shards streams: unchanged shards first, then a changed shard right after its last document (so its
    Dagster materialization is recorded while the engine works on the others), each shard once."""
    monkeypatch.setenv(shards.SHARDS_ENV, "4")
    raw, wh = tmp_path / "raw", tmp_path / "wh"
    shutil.copytree(PROJECT_ROOT / "raw", raw)
    shard_work.build_shards(str(raw), wh, shards.shard_keys(), Engine(workers=1))
    (raw / "added.txt").write_text("2024年全年国内生产总值比上年增长5.0%。\n", encoding="utf-8")
    added_to = shards.shard_of("added.txt")
    events: list[tuple[str, str]] = []
    for key, result in shard_work.iter_shards(str(raw), wh, shards.shard_keys(), Engine(workers=1),
                                              on_document=lambda r: events.append(("document", r["path"]))):
        events.append(("shard", key))
        assert result["changed"] == (key == added_to)
    shard_events = [k for what, k in events if what == "shard"]
    assert sorted(shard_events) == shards.shard_keys() and shard_events[-1] == added_to
    assert events.index(("document", "added.txt")) < events.index(("shard", added_to))


def test_the_engine_gives_every_result_once_with_its_index():
    tasks = [(i,) for i in range(5)]
    assert sorted(Engine(workers=1).imap(lambda x: x * x, tasks)) == [(i, i * i) for i in range(5)]
    assert Engine(workers=1).map(lambda x: -x, tasks) == [0, -1, -2, -3, -4]


class FakeCluster:
    def __init__(self, workers):
        self.workers, self.closed = workers, False

    def close(self):
        self.closed = True


def test_a_cluster_started_ahead_is_taken_by_the_next_map_or_closed(monkeypatch):
    from pipeline import engine as eng

    started = []
    monkeypatch.setattr(eng, "_local_cluster", lambda n: started.append(FakeCluster(n)) or started[-1])
    monkeypatch.setattr(eng, "_warm", eng._WarmCluster())
    assert not Engine(workers=2, min_parallel=16).warm_up(3)  # too few tasks for a cluster
    assert not Engine(scheduler="tcp://elsewhere:8786", workers=2).warm_up(1000)
    assert started == []
    assert Engine(workers=2, min_parallel=16).warm_up(1000)
    assert eng._warm.take(2) is started[0] and not started[0].closed
    assert eng._warm.take(2) is None  # taken once
    Engine(workers=2, min_parallel=16).warm_up(1000)
    eng.discard_warm_cluster()  # nobody took it: closed
    assert len(started) == 2 and started[1].closed
    Engine(workers=2, min_parallel=16).warm_up(1000)
    assert eng._warm.take(3) is None and started[2].closed  # another number of workers: not that one
