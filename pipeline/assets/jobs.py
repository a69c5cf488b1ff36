"""build_all: the UI's one-click build (Jobs → build_all → Launchpad → Launch Run).

Dagster 1.13 asks which partitions to build before it materializes a partitioned asset ("Materialize all" opens a
dialog with none selected), and a job over document_shards is partitioned too, so its launch asks the same. The
one-click way is a job without partitions whose one op does what `make run` does, over every shard: a run of
document_shards over all its partitions (each partition's materialization lists its own documents; unchanged
shards are recognized by their fingerprint and cost a manifest read), then a run of the combined tables, their
blocking checks and the release. The op starts both runs in its own process (no queue, no second process start,
so the build costs what `make run` costs), and they carry the build_all run's id in the tag cef/build_run."""

import dagster as dg

from .resources import Compute, Warehouse

BUILD_RUN_TAG = "cef/build_run"


class _LogLines:
    """A file-like object that sends each line the build prints (a line per document, the summary) to the run's
    log, where the UI shows it."""

    def __init__(self, log):
        self.log, self.pending = log, ""

    def write(self, text: str) -> int:
        *lines, self.pending = (self.pending + text).split("\n")
        for line in lines:
            if line.strip():
                self.log.info(line)
        return len(text)

    def flush(self) -> None:
        pass


@dg.op(description="Runs every shard of raw/ (all partitions of document_shards), then the combined tables, their "
                   "blocking checks and the release, as `make run` does; fails if a check or a document step "
                   "fails, and the last good release stays current.")
def build_every_shard(context: dg.OpExecutionContext, warehouse: Warehouse, compute: Compute) -> None:
    from ..run import build  # the code `make run` runs

    ok = build(warehouse, context.instance, out=_LogLines(context.log), compute=compute, every_shard=True,
               tags={BUILD_RUN_TAG: context.run_id})
    if not ok:
        raise dg.Failure("the build failed (see the lines above and the runs tagged "
                         f"{BUILD_RUN_TAG}={context.run_id}); the previous release is unchanged")


@dg.job(description="Build everything in one click (Launchpad → Launch Run): every shard of raw/ (all partitions "
                    "of document_shards), then documents, pages, facts, table_cells, their checks and the release. "
                    "The same code as `make run`; its two runs are tagged cef/build_run with this run's id.")
def build_all():
    build_every_shard()
