"""Where the pipeline reads and writes, and where per-document work runs, injected into assets as resources."""

import os
from pathlib import Path

import dagster as dg

from .. import shards
from ..engine import MIN_PARALLEL_ENV, SCHEDULER_ENV, Engine

PROJECT_ROOT = Path(__file__).resolve().parents[2]

# A code location started elsewhere (the UI test, a one-off run) points at other directories with these;
# they are read when this module is imported, i.e. when the code location loads.
RAW_DIR_ENV, WAREHOUSE_DIR_ENV = "CEF_RAW_DIR", "CEF_WAREHOUSE_DIR"


class Warehouse(dg.ConfigurableResource):
    """raw_dir: the documents to read; warehouse_dir: stage/, shards/, combined/, releases/ and the published
    links. Defaults: the project's raw/ and warehouse/, or $CEF_RAW_DIR and $CEF_WAREHOUSE_DIR when set."""

    raw_dir: str = os.environ.get(RAW_DIR_ENV) or str(PROJECT_ROOT / "raw")
    warehouse_dir: str = os.environ.get(WAREHOUSE_DIR_ENV) or str(PROJECT_ROOT / "warehouse")

    @property
    def raw(self) -> Path:
        return Path(self.raw_dir)

    @property
    def root(self) -> Path:
        return Path(self.warehouse_dir)


class Compute(dg.ConfigurableResource):
    """Where per-document reading and extraction run. scheduler_address empty ($CEF_DASK_SCHEDULER unset): a Dask
    LocalCluster of `workers` processes (0 = one per core, or $CEF_WORKERS) for batches of at least
    `min_parallel` documents, this process for smaller ones; set: that Dask scheduler's workers, which must
    reach raw_dir and warehouse_dir (shared paths or fsspec URLs)."""

    scheduler_address: str = os.environ.get(SCHEDULER_ENV, "")
    workers: int = 0
    min_parallel: int = int(os.environ.get(MIN_PARALLEL_ENV) or 16)

    def engine(self) -> Engine:
        return Engine(self.scheduler_address, self.workers, self.min_parallel)


shard_partitions = dg.StaticPartitionsDefinition(shards.shard_keys())
