"""Per-document intermediate results, as JSON under <stage>/<doc_id>/ (never pickle). <stage> is
warehouse/stage/ or any fsspec URL (s3://…, gs://…): worker processes on other machines write there.

A document's parse is reused while its bytes and the reader's version are unchanged."""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, fields
from pathlib import Path

import fsspec
from fsspec.implementations.local import LocalFileSystem

from .documents.model import Document, TableCell
from .extract.fact import Fact
from .versions import reader_version as _reader_version


def stage_root(warehouse: Path | str) -> str:
    """Where staged results live: $CEF_STAGE_URL (shared by every worker of a cluster) or <warehouse>/stage."""
    return os.environ.get(STAGE_URL_ENV) or f"{str(warehouse).rstrip('/')}/stage"


STAGE_URL_ENV = "CEF_STAGE_URL"


def stage_dir(warehouse: Path | str, doc_id: str) -> str:
    return f"{stage_root(warehouse)}/{doc_id}"


def _fs(url: str):
    return fsspec.core.url_to_fs(url)


def _write_json(url: str, payload) -> None:
    fs, path = _fs(url)
    data = json.dumps(payload, ensure_ascii=False, sort_keys=True).encode("utf-8")
    if isinstance(fs, LocalFileSystem):  # a reader never sees half a file
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(path).with_suffix(".tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)
    else:  # object stores replace a whole object at once
        fs.pipe_file(path, data)


def _read_json(url: str):
    fs, path = _fs(url)
    try:
        return json.loads(fs.cat_file(path).decode("utf-8"))
    except FileNotFoundError:
        return None


def save_document(warehouse: Path, doc: Document, reader_version: str | None = None) -> str:
    path = stage_dir(warehouse, doc.doc_id) + "/document.json"
    _write_json(path, {"reader_version": reader_version or _reader_version(), "document": asdict(doc)})
    return path


def load_document(warehouse: Path, doc_id: str, sha256: str | None = None,
                  reader_version: str | None = None, any_version: bool = False) -> Document | None:
    """The staged document, or None if absent, from other bytes (sha256) or from another reader version.
    any_version=True takes whatever reader staged it: combining publishes the last parse that was materialized,
    even when the code has changed since (Dagster then shows parsed_document as stale)."""
    payload = _read_json(stage_dir(warehouse, doc_id) + "/document.json")
    if payload is None:
        return None
    staged_version = str(payload.get("reader_version"))
    # reader_version given: exactly that one; else any staging by the current reader code ("<code>+<limits>")
    if any_version:
        pass
    elif (staged_version != reader_version) if reader_version else (staged_version.split("+")[0] != _reader_version()):
        return None
    data = payload["document"]
    if sha256 is not None and data["sha256"] != sha256:
        return None
    data["tables"] = [TableCell(**c) for c in data.get("tables", [])]
    return Document(**data)


def document_fingerprint(doc: Document) -> str:
    """What a document's facts depend on: its bytes and what the reader made of them (text, tables)."""
    h = hashlib.sha256()
    h.update(doc.sha256.encode() + b"\0" + doc.text.encode("utf-8", "surrogatepass") + b"\0")
    h.update(json.dumps([c.to_dict() for c in doc.tables], ensure_ascii=False, sort_keys=True).encode("utf-8"))
    h.update(json.dumps(doc.page_starts).encode())
    return h.hexdigest()


def save_facts(warehouse: Path, doc: Document, facts: list[Fact], extractor_version: str | None = None,
               error: str | None = None) -> str:
    """The facts of one document, recorded with the document they come from (its fingerprint), the extractor
    version, and the error that stopped extraction (then `facts` is empty and the document is published with
    status `error`)."""
    path = stage_dir(warehouse, doc.doc_id) + "/facts.json"
    _write_json(path, {"document": document_fingerprint(doc), "extractor_version": extractor_version,
                       "error": error, "facts": [fact_row(f) for f in facts]})
    return path


_FACT_FIELDS = tuple(f.name for f in fields(Fact))


def fact_row(fact: Fact) -> dict:
    """Fact.to_dict without dataclasses.asdict's deep copy (every field is a scalar): 10x faster."""
    return {name: getattr(fact, name) for name in _FACT_FIELDS}


def load_extraction(warehouse: Path, doc: Document, extractor_version: str | None = None,
                    rows: bool = False) -> tuple[list, str | None] | None:
    """(facts, extraction error) of this document, or None if absent, made from another version of the document
    (other bytes, or another reader's text), or by another extractor version (checked only when given).
    rows=True: the facts as the dicts they were staged as (Fact.to_dict's), not Fact objects."""
    payload = _read_json(stage_dir(warehouse, doc.doc_id) + "/facts.json")
    if not isinstance(payload, dict) or payload.get("document") != document_fingerprint(doc):
        return None
    if extractor_version is not None and payload.get("extractor_version") != extractor_version:
        return None
    # `doc` is re-stamped: it names the file (its path under raw/), which the fingerprint leaves out, and
    # facts staged before `doc` became the path carry the bare file name
    found = [{**row, "doc": doc.doc} for row in payload.get("facts", [])]
    return (found if rows else [Fact(**row) for row in found]), payload.get("error")


def prune(warehouse: Path, doc_ids: set[str]) -> list[str]:
    """Remove the staged results of these documents (no longer under raw/)."""
    fs, root = _fs(stage_root(warehouse))
    removed = []
    for doc_id in sorted(doc_ids):
        if fs.exists(f"{root}/{doc_id}"):
            fs.rm(f"{root}/{doc_id}", recursive=True)
            removed.append(doc_id)
    return removed
