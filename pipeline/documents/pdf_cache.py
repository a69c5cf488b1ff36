"""Per-page cache of what pdfplumber read from a PDF, keyed by the file's sha256 and the reader version.

Reading a page (chars, layout, tables) is the slow part; everything after it (furniture, paragraphs, facts)
is cheap and recomputed. JSON only: a cache file is data, never code, so a tampered cache cannot run
anything. Pages are written one by one, so an interrupted read keeps the pages already done."""
from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "warehouse" / "cache" / "pdf"
ENV_VAR = "CEF_CACHE_DIR"


def cache_root(cache_dir: Path | str | None = None) -> Path:
    if cache_dir is not None:
        return Path(cache_dir)
    return Path(os.environ.get(ENV_VAR) or DEFAULT_DIR)


class PdfCache:
    def __init__(self, sha256: str, version: str, cache_dir: Path | str | None = None):
        self.dir = cache_root(cache_dir) / f"{sha256}.v{version}"

    def _read(self, name: str) -> dict | None:
        try:
            return json.loads((self.dir / name).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def _write(self, name: str, data: dict) -> None:
        """Atomic write (temp file + rename): concurrent builds never see half a page."""
        try:
            self.dir.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.dir, prefix=".tmp-", suffix=".json")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(data, fh, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
            os.replace(tmp, self.dir / name)
        except OSError:
            pass  # a read-only or full disk only costs speed

    def meta(self) -> dict | None:
        return self._read("meta.json")

    def put_meta(self, meta: dict) -> None:
        """Written once every page is in: the entry is complete. Entries of other reader versions for the same
        content are removed then, so the cache holds one version of each PDF."""
        self._write("meta.json", meta)
        sha, _ = self.dir.name.split(".v", 1)
        for other in self.dir.parent.glob(f"{sha}.v*"):
            if other != self.dir:
                shutil.rmtree(other, ignore_errors=True)

    def page(self, number: int) -> dict | None:
        return self._read(f"page-{number:05d}.json")

    def put_page(self, number: int, data: dict) -> None:
        self._write(f"page-{number:05d}.json", data)
