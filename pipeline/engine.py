"""Where per-document work runs: in this process, or on a Dask cluster (dask.distributed) — a LocalCluster of
worker processes on this machine by default, or the scheduler at an address (`CEF_DASK_SCHEDULER`, e.g.
tcp://scheduler:8786) for a cluster of machines. The work is any picklable function of picklable arguments;
results come back in input order, and on_result sees each one as its batch arrives."""
from __future__ import annotations

import logging
import os
from typing import Any, Callable, Sequence

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

    def map(self, fn: Callable[..., Any], tasks: Sequence[tuple], on_result: Callable[[Any], None] | None = None) -> list:
        if not tasks:
            return []
        if self.where(len(tasks)) == "this process":
            results = []
            for args in tasks:
                results.append(fn(*args))
                if on_result:
                    on_result(results[-1])
            return results
        return self._dask_map(fn, tasks, on_result)

    def _dask_map(self, fn, tasks, on_result) -> list:
        from distributed import Client, LocalCluster, as_completed

        if self.scheduler:
            client, cluster = Client(self.scheduler), None
        else:
            # one thread per process: the extractor is pure Python, so processes, not threads, use the cores
            cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1, processes=True,
                                   dashboard_address=None, silence_logs=logging.ERROR)
            client = Client(cluster)
        try:
            chunks = _chunks(len(tasks), sum(client.nthreads().values()) or self.workers)
            futures = [client.submit(_run_chunk, fn, tasks[a:b], pure=False) for a, b in chunks]
            index = {f.key: a for f, (a, _) in zip(futures, chunks)}
            results: list = [None] * len(tasks)
            for fut in as_completed(futures):
                for i, result in enumerate(fut.result(), start=index[fut.key]):
                    results[i] = result
                    if on_result:
                        on_result(result)
                fut.release()
            return results
        finally:
            client.close()
            if cluster is not None:
                cluster.close()


# A task per document cost ~10 ms of scheduler and client time in this process each (as much as extracting a
# short document); a few chunks per worker keep that negligible and still balance uneven documents.
CHUNKS_PER_WORKER = 4
MAX_CHUNK = 256


def _chunks(n: int, workers: int) -> list[tuple[int, int]]:
    """[start, end) ranges over n tasks: about CHUNKS_PER_WORKER per worker, at most MAX_CHUNK tasks each."""
    size = max(1, min(MAX_CHUNK, -(-n // (max(1, workers) * CHUNKS_PER_WORKER))))
    return [(a, min(a + size, n)) for a in range(0, n, size)]


def _run_chunk(fn: Callable[..., Any], chunk: Sequence[tuple]) -> list:
    return [fn(*args) for args in chunk]
