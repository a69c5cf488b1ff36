"""The work of one shard: each document read and extracted (or taken from the stage when unchanged), then the
shard's rows written as Parquet with a manifest. process_document is the unit sent to worker processes (engine.py):
it takes and returns only small, picklable values and reads and writes through fsspec URLs."""
from __future__ import annotations

import os
import tempfile
import time
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Iterator

import fsspec
import pyarrow as pa
import pyarrow.parquet as pq
from fsspec.implementations.local import LocalFileSystem

from . import shards, stage
from .documents import Document, limits, make_doc_id, read_document
from .documents.scan import file_sha256
from .engine import Engine
from .process import facts_for_limited
from .publish import frames, parquet
from .versions import extractor_version, reader_version


# ---------------------------------------------------------------- one document (runs on a worker)
@contextmanager
def _local(raw_url: str, key: str):
    """(path, root) of the raw file on this machine: the file itself on a local or mounted file system, else a
    temporary copy under the same relative path (so doc_id and path stay the same)."""
    fs, root = fsspec.core.url_to_fs(raw_url)
    if isinstance(fs, LocalFileSystem):
        yield Path(root) / key, Path(root)
        return
    with tempfile.TemporaryDirectory(prefix="cef-raw-") as tmp:
        target = Path(tmp) / key
        target.parent.mkdir(parents=True, exist_ok=True)
        fs.get_file(f"{root.rstrip('/')}/{key}", str(target))
        yield target, Path(tmp)


def _reader_key() -> str:
    return f"{reader_version()}+{limits.signature()}"  # other limits: read again


def _extractor_key() -> str:
    return f"{extractor_version()}+{limits.signature()}"  # other limits: extract again


def _parse(path: Path, root: Path, warehouse: str, key: str) -> tuple[Document | None, bool]:
    """(document, read now?): the staged parse while the bytes and the reader are unchanged, else a new one."""
    try:
        sha = file_sha256(path) if path.is_file() and not path.is_symlink() else None
    except OSError:  # unreadable: read_document below names the cause
        sha = None
    version = _reader_key()
    doc = stage.load_document(warehouse, make_doc_id(key), sha256=sha, reader_version=version) if sha else None
    if doc is not None:
        return doc, False
    if not (path.exists() or path.is_symlink()):
        return None, False
    doc = read_document(path, root)
    stage.save_document(warehouse, doc, version)
    return doc, True


def _extract(doc: Document, warehouse: str) -> tuple[int, str | None, bool]:
    """(number of facts, extraction error, extracted now?). One document's extractor failure or time-out is its
    own `error` row, not a failed build."""
    version = _extractor_key()
    staged = stage.load_extraction(warehouse, doc, version)
    if staged is not None:
        return len(staged[0]), staged[1], False
    try:
        facts, error = facts_for_limited(doc), None
    except limits.LimitExceeded as exc:
        facts, error = [], str(exc)
    except limits.WorkerError as exc:  # the extractor raised in its worker process
        facts, error = [], f"extracting facts failed ({exc})"
    except Exception as exc:  # noqa: BLE001
        facts, error = [], f"extracting facts failed ({type(exc).__name__}: {exc})"
    stage.save_facts(warehouse, doc, facts, version, error)
    return len(facts), error, True


def staged_result(raw: Path, warehouse: str, key: str) -> dict | None:
    """process_document's summary of a document whose parse and facts are both staged for its current bytes and
    code, without sending it anywhere (None: it needs work). The build asks this first, so an added document in
    a shard of thousands is one task, not thousands, and does not start a cluster."""
    path = Path(raw) / key
    if path.is_symlink() or not path.is_file():  # links and missing files: process_document decides
        return None
    try:
        sha = file_sha256(path)
    except OSError:
        return None
    doc = stage.load_document(warehouse, make_doc_id(key), sha256=sha, reader_version=_reader_key())
    staged = stage.load_extraction(warehouse, doc, _extractor_key()) if doc is not None else None
    if staged is None:
        return None
    error = staged[1]
    return {"path": key, "status": "error" if error else doc.status, "facts": len(staged[0]),
            "error": error or doc.error, "cached": True, "seconds": 0.0, "pid": os.getpid()}


def process_document(raw_url: str, warehouse: str, key: str) -> dict:
    """Read and extract one document (each step only if its staged result is out of date); a summary back."""
    started = time.perf_counter()
    with _local(raw_url, key) as (path, root):
        doc, read = _parse(path, root, warehouse, key)
    if doc is None:
        return {"path": key, "status": "missing", "facts": 0, "error": "no longer under raw/", "cached": False,
                "seconds": 0.0}
    n, error, extracted = _extract(doc, warehouse)
    return {"path": key, "status": "error" if error else doc.status, "facts": n, "error": error or doc.error,
            "cached": not (read or extracted), "seconds": round(time.perf_counter() - started, 3), "pid": os.getpid()}


def _is_local(url: str) -> bool:
    return isinstance(fsspec.core.url_to_fs(url)[0], LocalFileSystem)


# ---------------------------------------------------------------- one shard's rows (runs where Dagster runs)
@lru_cache(maxsize=None)
def _schema(table: str) -> pa.Schema:
    return parquet.arrow_schema(table)


def document_result(warehouse: Path, key: str):
    """(document, fact rows) as the published tables take them: a missing parse or extraction is an `error` row
    (as combine did for a partition that was not materialized); an extraction error empties the facts."""
    doc_id = make_doc_id(key)
    doc = stage.load_document(warehouse, doc_id, any_version=True)
    # facts staged from another version of the document (changed bytes, another reader) do not count
    extraction = stage.load_extraction(warehouse, doc, rows=True) if doc is not None else None
    if doc is None or extraction is None:
        missing = "parsed_document" if doc is None else "document_facts (for this version of the document)"
        doc = doc or Document(doc_id=doc_id, doc=Path(key).name, path=key, sha256="0" * 64, bytes=0,
                              format=Path(key).suffix.lstrip(".").lower() or "unknown")
        doc.status, doc.error, facts = "error", f"{missing} is not materialized for this partition", []
    else:
        facts, error = extraction
        if error and doc.status == "ok":
            doc.status, doc.error, facts = "error", error, []
    return doc, facts


def shard_rows(warehouse: Path, keys: list[str]) -> dict[str, list[dict]]:
    """The rows of frames.combine for these documents, before duplicates across the corpus are marked (that
    needs every shard: combine.py does it)."""
    rows: dict[str, list[dict]] = {t: [] for t in shards.TABLES}
    for key in sorted(keys):
        doc, facts = document_result(warehouse, key)
        if doc.status != "ok":
            facts = []
        rows["documents"].append(frames.document_row(doc, len(facts)))
        rows["facts"].extend(facts)
        if doc.status == "ok":
            rows["table_cells"].extend(frames.cell_row(doc.doc_id, c) for c in doc.tables)
        if doc.text:
            rows["pages"].extend(frames.page_rows(doc))
    return rows


def write_shard(warehouse: Path, shard: str, files: dict[str, list], fingerprint: str, summary: list[dict]) -> None:
    """The shard's four tables, then its manifest (last: a crash in between leaves the shard out of date)."""
    out = shards.shard_dir(warehouse, shard)
    previous = shards.read_manifest(out).get("documents", {})
    rows = shard_rows(warehouse, list(files))
    out.mkdir(parents=True, exist_ok=True)
    for table in shards.TABLES:  # straight from rows to Arrow: combine.py types and orders the published tables
        tmp = out / f".{table}.parquet.tmp"
        pq.write_table(pa.Table.from_pylist(rows[table], schema=_schema(table)), tmp, compression="zstd")
        os.replace(tmp, out / f"{table}.parquet")
    stage.prune(warehouse, {make_doc_id(p) for p in set(previous) - set(files)})
    by_path = {d["path"]: d for d in rows["documents"]}
    for s in summary:  # the published status: missing stages and extraction errors included
        s["status"], s["error"] = by_path[s["path"]]["status"], by_path[s["path"]]["error"]
        s["facts"] = by_path[s["path"]]["n_facts"]
    shards.write_manifest(out, {"fingerprint": fingerprint, "documents": files, "summary": summary})


def build_shards(raw_url: str, warehouse: Path, keys: list[str], engine: Engine, on_document=None,
                 plan: shards.Plan | None = None) -> dict[str, dict]:
    """Bring these shards up to date; shard → {"changed": bool, "summary": [per-document dicts]} (iter_shards, all
    at once)."""
    return dict(iter_shards(raw_url, warehouse, keys, engine, on_document, plan))


def iter_shards(raw_url: str, warehouse: Path, keys: list[str], engine: Engine, on_document=None,
                plan: shards.Plan | None = None) -> Iterator[tuple[str, dict]]:
    """(shard, {"changed": bool, "summary": [per-document dicts]}) for each of these shards, as soon as it is up
    to date: unchanged ones first, then each changed one when its last document is done (its Parquet and manifest
    written), while the engine works on the others. Only shards whose files or code changed are worked on; in
    them, only changed documents are read and extracted again. plan: the build's scan of raw/ (default: now)."""
    plan = plan or shards.plan(Path(raw_url), warehouse)  # the scan needs raw/ on this machine (a mount will do)
    changed = set(plan.changed)
    for k in (k for k in keys if k not in changed):
        yield k, {"changed": False, "summary": shards.read_manifest(shards.shard_dir(warehouse, k)).get("summary", [])}
    todo = [k for k in keys if k in changed]
    by_path, tasks, task_shard, waiting = {}, [], [], {k: 0 for k in todo}
    for k in todo:
        for path in plan.by_shard[k]:
            found = staged_result(Path(raw_url), str(warehouse), path) if _is_local(raw_url) else None
            if found is None:
                tasks.append((raw_url, str(warehouse), path))
                task_shard.append(k)
                waiting[k] += 1
            else:
                by_path[path] = found
                if on_document:
                    on_document(found)

    def finish(k: str) -> tuple[str, dict]:
        summary = [by_path[p] for p in plan.by_shard[k]]
        write_shard(warehouse, k, plan.by_shard[k], plan.fingerprints[k], summary)
        return k, {"changed": True, "summary": summary}

    for k in (k for k in todo if not waiting[k]):  # nothing to send: written while the engine starts
        yield finish(k)
    for i, result in engine.imap(process_document, tasks):
        by_path[result["path"]] = result
        if on_document:
            on_document(result)
        waiting[task_shard[i]] -= 1
        if not waiting[task_shard[i]]:
            yield finish(task_shard[i])
