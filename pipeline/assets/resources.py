"""Where the pipeline reads and writes, injected into assets as a resource."""

import os
from pathlib import Path

import dagster as dg

PROJECT_ROOT = Path(__file__).resolve().parents[2]

# A code location started elsewhere (the UI test, a one-off run) points at other directories with these;
# they are read when this module is imported, i.e. when the code location loads.
RAW_DIR_ENV, WAREHOUSE_DIR_ENV = "CEF_RAW_DIR", "CEF_WAREHOUSE_DIR"


class Warehouse(dg.ConfigurableResource):
    """raw_dir: the documents to read; warehouse_dir: stage/, combined/, releases/ and the published links.
    Defaults: the project's raw/ and warehouse/, or $CEF_RAW_DIR and $CEF_WAREHOUSE_DIR when set."""

    raw_dir: str = os.environ.get(RAW_DIR_ENV) or str(PROJECT_ROOT / "raw")
    warehouse_dir: str = os.environ.get(WAREHOUSE_DIR_ENV) or str(PROJECT_ROOT / "warehouse")

    @property
    def raw(self) -> Path:
        return Path(self.raw_dir)

    @property
    def root(self) -> Path:
        return Path(self.warehouse_dir)


documents_partitions = dg.DynamicPartitionsDefinition(name="documents")
