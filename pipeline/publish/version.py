"""The dataset's version: PEP 440, changes when the data changes and only then.

Scheme: ``MAJOR.SERIAL`` (``1.0``, ``1.1``, ``1.2`` …).

- MAJOR is ``DATA_MAJOR`` below, bumped by hand when the data contract breaks (a column renamed or dropped,
  a unit convention changed); SERIAL then restarts at 0.
- SERIAL counts data releases within this warehouse's publishing line. A build whose Parquet bytes equal the
  current release's keeps the current version (same inputs → same version, byte-identical files). Any other
  data gets one more than the highest serial this warehouse has ever released for that MAJOR, even when the
  data equals an older release's (A → B → A gives 1.0, 1.1, 1.2).

Why: users ``pip install -U china-econ-facts`` and expect the newest data to win. A content hash cannot be
ordered, a local label (``+abc123``) cannot go to an index, and a build date changes on every rebuild of the
same data. A serial is ordered, short, and moves only when the bytes move. Two warehouses with different
histories may give the same data different serials; the content identity is ``data_sha256`` in the manifest.

The highest serial is the max over every kept release's manifest and ``releases/HISTORY.jsonl`` (append-only),
so pruning old release directories never hands out a version twice."""
from __future__ import annotations

import json
import re
from pathlib import Path

DATA_MAJOR = 1
HISTORY = "HISTORY.jsonl"
_VERSION = re.compile(r"^(\d+)\.(\d+)$")


def extractor_version() -> str:
    """The extractor's code version (a hash over pipeline/extract, reference and tables), or "unknown"."""
    try:
        from pipeline.versions import extractor_version as _extractor_version
    except ImportError:
        return "unknown"
    return _extractor_version()


def parse(version: str) -> tuple[int, int] | None:
    m = _VERSION.match(version or "")
    return (int(m.group(1)), int(m.group(2))) if m else None


def read_manifest(release_dir: Path | None) -> dict:
    if release_dir is None or not (release_dir / "manifest.json").is_file():
        return {}
    return json.loads((release_dir / "manifest.json").read_text(encoding="utf-8"))


def released_versions(releases: Path) -> list[str]:
    """Every version this warehouse has released that is still on record (kept manifests + history)."""
    found = []
    if releases.is_dir():
        for d in releases.iterdir():
            if d.is_dir() and not d.name.startswith("."):
                found.append(read_manifest(d).get("version", ""))
        history = releases / HISTORY
        if history.is_file():
            for line in history.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    found.append(json.loads(line).get("version", ""))
    return [v for v in found if parse(v)]


def next_version(data_sha256: str, current: dict, releases: Path, major: int = DATA_MAJOR) -> str:
    """The version for data with this hash, given the current release's manifest."""
    if current.get("data_sha256") == data_sha256 and parse(current.get("version", "")):
        cur_major, _ = parse(current["version"])
        if cur_major == major:
            return current["version"]
    serials = [parse(v)[1] for v in released_versions(releases) if parse(v)[0] == major]
    return f"{major}.{max(serials) + 1 if serials else 0}"


def record(releases: Path, manifest: dict) -> None:
    """Append a released version to the history (after the swap; the manifests cover a crash in between)."""
    entry = {k: manifest.get(k) for k in ("version", "release_id", "data_sha256", "previous_version")}
    with open(releases / HISTORY, "a", encoding="utf-8") as f:
        f.write(json.dumps(entry, sort_keys=True) + "\n")
