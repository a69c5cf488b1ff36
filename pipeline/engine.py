"""Where per-document work runs: in this process, or on a Dask cluster (dask.distributed) — a LocalCluster of
worker processes on this machine by default, or the scheduler at an address (`CEF_DASK_SCHEDULER`, e.g.
tcp://scheduler:8786) for a cluster of machines. The work is any picklable function of picklable arguments;
imap gives each result as its batch arrives (so the caller can go on with what is done while the rest runs), map
gives them all in input order."""
from __future__ import annotations

import logging
import os
import threading
from typing import Any, Callable, Iterator, Sequence

SCHEDULER_ENV, WORKERS_ENV, MIN_PARALLEL_ENV = "CEF_DASK_SCHEDULER", "CEF_WORKERS", "CEF_MIN_PARALLEL"
# Starting a LocalCluster costs ~2-3 s; fewer tasks than this run here (an added or changed document, the tests)
DEFAULT_MIN_PARALLEL = 16


def default_workers() -> int:
    return int(os.environ.get(WORKERS_ENV) or 0) or os.cpu_count() or 1


class Engine:
    def __init__(self, scheduler: str = "", workers: int = 0, min_parallel: int | None = None):
        self.scheduler = scheduler or os.environ.get(SCHEDULER_ENV, "")
        self.workers = workers or default_workers()
        self.min_parallel = (int(os.environ.get(MIN_PARALLEL_ENV) or DEFAULT_MIN_PARALLEL)
                             if min_parallel is None else min_parallel)

    def where(self, n_tasks: int) -> str:
        if self.scheduler:
            return f"dask scheduler {self.scheduler}"
        if self.workers > 1 and n_tasks >= self.min_parallel:
            return f"dask LocalCluster of {self.workers} worker processes"
        return "this process"

    def warm_up(self, n_tasks: int) -> bool:
        """Start the LocalCluster that n_tasks would need now, in a thread, so that its worker processes start
        (~2-3 s) while this process does other things (imports, Dagster's run set-up); the next map takes it.
        Nothing to start (a scheduler address, too few tasks): False."""
        if self.scheduler or self.where(n_tasks) == "this process":
            return False
        _warm.start(self.workers)
        return True

    def map(self, fn: Callable[..., Any], tasks: Sequence[tuple], on_result: Callable[[Any], None] | None = None) -> list:
        results: list = [None] * len(tasks)
        for i, result in self.imap(fn, tasks):
            results[i] = result
            if on_result:
                on_result(result)
        return results

    def imap(self, fn: Callable[..., Any], tasks: Sequence[tuple]) -> Iterator[tuple[int, Any]]:
        """(index in tasks, result) for every task, as they are done (in input order within a batch)."""
        if not tasks:
            return
        if self.where(len(tasks)) == "this process":
            for i, args in enumerate(tasks):
                yield i, fn(*args)
            return
        yield from self._dask_imap(fn, tasks)

    def _dask_imap(self, fn, tasks) -> Iterator[tuple[int, Any]]:
        from distributed import Client, as_completed

        if self.scheduler:
            client, cluster = Client(self.scheduler), None
        else:
            cluster = _warm.take(self.workers) or _local_cluster(self.workers)
            client = Client(cluster)
        try:
            chunks = _chunks(len(tasks), sum(client.nthreads().values()) or self.workers)
            futures = [client.submit(_run_chunk, fn, tasks[a:b], pure=False) for a, b in chunks]
            index = {f.key: a for f, (a, _) in zip(futures, chunks)}
            for fut in as_completed(futures):
                results = fut.result()
                fut.release()
                yield from enumerate(results, start=index[fut.key])
        finally:
            client.close()
            if cluster is not None:
                cluster.close()


def _local_cluster(workers: int):
    from distributed import LocalCluster

    # one thread per process: the extractor is pure Python, so processes, not threads, use the cores
    return LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                        silence_logs=logging.ERROR)


class _WarmCluster:
    """At most one LocalCluster started ahead of its use (Engine.warm_up); taken by the next map with the same
    number of workers, or closed by discard()."""

    def __init__(self):
        self.lock, self.thread, self.workers, self.cluster = threading.Lock(), None, 0, None

    def start(self, workers: int) -> None:
        with self.lock:
            if self.thread is not None:
                return
            self.workers = workers
            self.thread = threading.Thread(target=self._start, name="cef-warm-cluster", daemon=True)
            self.thread.start()

    def _start(self) -> None:
        try:
            self.cluster = _local_cluster(self.workers)
        except Exception:  # noqa: BLE001 - the map starts its own cluster and reports a real failure there
            logging.getLogger(__name__).warning("starting a Dask LocalCluster ahead failed", exc_info=True)
            self.cluster = None

    def take(self, workers: int):
        with self.lock:
            thread, self.thread = self.thread, None
        if thread is None:
            return None
        thread.join()
        cluster, self.cluster = self.cluster, None
        if cluster is not None and self.workers != workers:
            cluster.close()
            return None
        return cluster

    def discard(self) -> None:
        cluster = self.take(self.workers)
        if cluster is not None:
            cluster.close()


_warm = _WarmCluster()


def discard_warm_cluster() -> None:
    """Close a cluster started by warm_up that no map took (the work turned out to be staged already)."""
    _warm.discard()


# A task per document cost ~10 ms of scheduler and client time in this process each (as much as extracting a
# short document); a few chunks per worker keep that negligible and still balance uneven documents. Eight rather
# than four: a worker that finishes early waits for at most one smaller batch of the other's, and the build's
# process gets finished shards to write (and Dagster to record) while the workers go on.
CHUNKS_PER_WORKER = 8
MAX_CHUNK = 256


def _chunks(n: int, workers: int) -> list[tuple[int, int]]:
    """[start, end) ranges over n tasks: about CHUNKS_PER_WORKER per worker, at most MAX_CHUNK tasks each."""
    size = max(1, min(MAX_CHUNK, -(-n // (max(1, workers) * CHUNKS_PER_WORKER))))
    return [(a, min(a + size, n)) for a in range(0, n, size)]


def _run_chunk(fn: Callable[..., Any], chunk: Sequence[tuple]) -> list:
    return [fn(*args) for args in chunk]
