"""Reading a PDF in a test with a page cache of its own (CEF_CACHE_DIR), so tests never share or keep a cache."""
from __future__ import annotations

import os
from pathlib import Path

from pipeline.documents.model import Document
from pipeline.documents.reader import read_document


def read_with_own_cache(path: Path, cache_dir: Path) -> Document:
    old = os.environ.get("CEF_CACHE_DIR")
    os.environ["CEF_CACHE_DIR"] = str(cache_dir)
    try:
        doc = read_document(path)
    finally:
        if old is None:
            os.environ.pop("CEF_CACHE_DIR")
        else:
            os.environ["CEF_CACHE_DIR"] = old
    assert doc.status == "ok", doc.error
    return doc
