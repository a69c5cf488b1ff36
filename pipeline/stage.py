"""Per-document intermediate results between assets, as JSON under warehouse/stage/<doc_id>/ (never pickle).

A document's parse is reused while its bytes and the reader's version are unchanged."""
from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import asdict
from pathlib import Path

from .documents.model import Document, TableCell
from .extract.fact import Fact
from .versions import reader_version as _reader_version


def stage_dir(warehouse: Path, doc_id: str) -> Path:
    return Path(warehouse) / "stage" / doc_id


def _write_json(path: Path, payload) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(payload, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    os.replace(tmp, path)


def save_document(warehouse: Path, doc: Document, reader_version: str | None = None) -> Path:
    path = stage_dir(warehouse, doc.doc_id) / "document.json"
    _write_json(path, {"reader_version": reader_version or _reader_version(), "document": asdict(doc)})
    return path


def load_document(warehouse: Path, doc_id: str, sha256: str | None = None,
                  reader_version: str | None = None, any_version: bool = False) -> Document | None:
    """The staged document, or None if absent, from other bytes (sha256) or from another reader version.
    any_version=True takes whatever reader staged it: combining publishes the last parse that was materialized,
    even when the code has changed since (Dagster then shows parsed_document as stale)."""
    path = stage_dir(warehouse, doc_id) / "document.json"
    if not path.exists():
        return None
    payload = json.loads(path.read_text(encoding="utf-8"))
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
               error: str | None = None) -> Path:
    """The facts of one document, recorded with the document they come from (its fingerprint), the extractor
    version, and the error that stopped extraction (then `facts` is empty and the document is published with
    status `error`)."""
    path = stage_dir(warehouse, doc.doc_id) / "facts.json"
    _write_json(path, {"document": document_fingerprint(doc), "extractor_version": extractor_version,
                       "error": error, "facts": [f.to_dict() for f in facts]})
    return path


def load_extraction(warehouse: Path, doc: Document,
                    extractor_version: str | None = None) -> tuple[list[Fact], str | None] | None:
    """(facts, extraction error) of this document, or None if absent, made from another version of the document
    (other bytes, or another reader's text), or by another extractor version (checked only when given)."""
    path = stage_dir(warehouse, doc.doc_id) / "facts.json"
    if not path.exists():
        return None
    payload = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(payload, dict) or payload.get("document") != document_fingerprint(doc):
        return None
    if extractor_version is not None and payload.get("extractor_version") != extractor_version:
        return None
    # `doc` is re-stamped: it names the file (its path under raw/), which the fingerprint leaves out, and
    # facts staged before `doc` became the path carry the bare file name
    return [Fact(**{**row, "doc": doc.doc}) for row in payload.get("facts", [])], payload.get("error")


def prune(warehouse: Path, keep_doc_ids: set[str]) -> list[str]:
    """Remove staged results of documents no longer under raw/."""
    root = Path(warehouse) / "stage"
    removed = []
    if root.is_dir():
        for d in sorted(root.iterdir()):
            if d.is_dir() and d.name not in keep_doc_ids:
                shutil.rmtree(d, ignore_errors=True)
                removed.append(d.name)
    return removed
