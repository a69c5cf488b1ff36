"""Where the pipeline reads and writes, injected into assets as a resource."""

from pathlib import Path

import dagster as dg

PROJECT_ROOT = Path(__file__).resolve().parents[2]


class Warehouse(dg.ConfigurableResource):
    """raw_dir: the documents to read; warehouse_dir: stage/, releases/ and the published links."""

    raw_dir: str = str(PROJECT_ROOT / "raw")
    warehouse_dir: str = str(PROJECT_ROOT / "warehouse")

    @property
    def raw(self) -> Path:
        return Path(self.raw_dir)

    @property
    def root(self) -> Path:
        return Path(self.warehouse_dir)


documents_partitions = dg.DynamicPartitionsDefinition(name="documents")
