"""Documents grouped into a fixed number of shards by a stable hash of their path, and what changed per shard.

A shard is the unit of orchestration (one Dagster partition each): a build hashes raw/, compares each shard's
documents and code versions with the manifest its last build wrote, and runs only the shards that differ; inside a
shard only the documents whose bytes (or the reader/extractor) changed are read and extracted again (stage.py
caches each document). Each shard's rows are written as Parquet under warehouse/shards/<shard>/, from which
combine.py assembles the published tables.

    warehouse/shards/<shard>/{documents,pages,facts,table_cells}.parquet   the shard's rows, not yet deduplicated
    warehouse/shards/<shard>/manifest.json   fingerprint, path → [sha256, size, mtime_ns, ctime_ns], summary
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .documents import limits, make_doc_id
from .documents.scan import file_sha256, outside_root
from .versions import extractor_version, reader_version, source_version

SHARDS_ENV = "CEF_SHARDS"
# 64: a full build's Dagster bookkeeping is ~2 s (one materialization event per shard; 256 shards cost ~26 s in
# one run), and at a million documents a shard (~16k documents, ~50 MB of text) is rewritten in a few seconds.
DEFAULT_SHARDS = 64
TABLES = ("documents", "pages", "facts", "table_cells")


def shard_count() -> int:
    n = int(os.environ.get(SHARDS_ENV) or DEFAULT_SHARDS)
    if not 1 <= n <= 4096:
        raise ValueError(f"{SHARDS_ENV}={n}: the number of shards must be between 1 and 4096")
    return n


def shard_keys(n: int | None = None) -> list[str]:
    return list(_keys(n or shard_count()))


@lru_cache(maxsize=8)
def _keys(n: int) -> tuple[str, ...]:
    width = max(2, len(f"{n - 1:x}"))
    return tuple(f"{i:0{width}x}" for i in range(n))


def shard_of(path: str, n: int | None = None) -> str:
    """The shard of a document: its doc_id (a hash of its path under raw/) modulo the number of shards."""
    n = n or shard_count()
    return _keys(n)[int(make_doc_id(path)[:8], 16) % n]


def shards_dir(warehouse: Path) -> Path:
    return Path(warehouse) / "shards"


def shard_dir(warehouse: Path, shard: str) -> Path:
    return shards_dir(warehouse) / shard


def code_version() -> str:
    """What a shard's rows depend on besides its documents: the reader, the extractor, the limits, and the code
    that turns staged results into rows."""
    return "+".join([reader_version(), extractor_version(), limits.signature(),
                     source_version("shards", "stage", "publish/frames")])


def release_code_version() -> str:
    """What the published tables depend on besides the shards: combine, frames, Parquet, the pandera schemas and
    the publishing code (read from the files: no import, so a no-op build stays cheap)."""
    h = hashlib.sha256(source_version("combine", "shards", "stage", "publish").encode())
    for p in sorted((Path(__file__).resolve().parents[1] / "schemas").glob("*.py")):
        h.update(p.name.encode() + b"\0" + p.read_bytes())
    return h.hexdigest()[:12]


# ---------------------------------------------------------------- scanning raw/ with a stat cache
def _stat_key(st: os.stat_result) -> list[int]:
    return [st.st_size, st.st_mtime_ns, st.st_ctime_ns]


def known_stats(warehouse: Path) -> dict[str, list]:
    """path → [sha256, size, mtime_ns, ctime_ns] from every shard's manifest: a file whose size and times are
    unchanged is not hashed again (a million files are ~3 GB to hash)."""
    found: dict[str, list] = {}
    root = shards_dir(warehouse)
    if root.is_dir():
        for m in root.glob("*/manifest.json"):
            found.update(read_manifest(m.parent).get("documents", {}))
    return found


def scan(raw: Path, warehouse: Path, cache: dict[str, list] | None = None) -> dict[str, list]:
    """path under raw/ → [fingerprint, size, mtime_ns, ctime_ns], as documents/scan.py's scan_raw (the same
    files, the same fingerprints: sha256, or the target of a link leading out of raw/), hashing only files whose
    size or times changed since the last build (cache: known_stats, when the caller has read it)."""
    raw, cache, found = Path(raw), known_stats(warehouse) if cache is None else cache, {}
    if not raw.is_dir():
        return found
    for path in sorted(raw.rglob("*")):
        rel = path.relative_to(raw)
        if any(part.startswith(".") for part in rel.parts):
            continue
        key = rel.as_posix()
        if path.is_symlink() and outside_root(path, raw):
            found[key] = ["symlink:" + str(path.readlink()), 0, 0, 0]
        elif path.is_file():
            stat = _stat_key(path.stat())
            old = cache.get(key)
            found[key] = [old[0], *stat] if old and list(old[1:]) == stat else [file_sha256(path), *stat]
    return found


# ---------------------------------------------------------------- the plan: which shards changed
def fingerprint(docs: dict[str, list], version: str) -> str:
    h = hashlib.sha256(version.encode() + b"\0")
    for path in sorted(docs):
        h.update(path.encode("utf-8", "surrogateescape") + b"\0" + str(docs[path][0]).encode() + b"\n")
    return h.hexdigest()


def read_manifest(directory: Path) -> dict:
    return read_manifest_file(Path(directory) / "manifest.json")


def write_manifest(directory: Path, manifest: dict) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    tmp = directory / ".manifest.json.tmp"
    tmp.write_text(json.dumps(manifest, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    os.replace(tmp, directory / "manifest.json")


def state(fingerprints: dict[str, str], extra: str = "") -> str:
    """One hash for what a release is built from: every shard's fingerprint (and the combine/publish code)."""
    h = hashlib.sha256(extra.encode() + b"\0")
    for k in sorted(fingerprints):
        h.update(f"{k}={fingerprints[k]}\n".encode())
    return h.hexdigest()[:32]


def built_fingerprints(warehouse: Path) -> dict[str, str]:
    """shard → the fingerprint its last build recorded (shards built at least once)."""
    return {k: m["fingerprint"] for k in shard_keys()
            if (m := read_manifest(shard_dir(warehouse, k))).get("fingerprint")}


PUBLISHED = "published.json"


def published_state(warehouse: Path) -> str | None:
    return read_manifest_file(shards_dir(warehouse) / PUBLISHED).get("state")


def read_manifest_file(path: Path) -> dict:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def record_published(warehouse: Path, state_: str) -> None:
    """After a successful release: the state it was built from (a build in that state has nothing to do)."""
    out = shards_dir(warehouse)
    out.mkdir(parents=True, exist_ok=True)
    tmp = out / f".{PUBLISHED}.tmp"
    tmp.write_text(json.dumps({"state": state_}), encoding="utf-8")
    os.replace(tmp, out / PUBLISHED)


@dataclass
class Plan:
    files: dict[str, list]                            # path → [fingerprint, size, mtime_ns, ctime_ns]
    by_shard: dict[str, dict[str, list]]              # shard → its files
    changed: list[str] = field(default_factory=list)  # shards whose files or code changed since their last build
    fingerprints: dict[str, str] = field(default_factory=dict)
    unseen: int = 0  # documents whose path and bytes no shard was built from (the least work the build has)

    @property
    def nothing_to_do(self) -> bool:
        return not self.changed


def plan(raw: Path, warehouse: Path, n: int | None = None) -> Plan:
    n = n or shard_count()
    known = known_stats(warehouse)
    files = scan(raw, warehouse, known)
    unseen = sum(1 for path, entry in files.items() if known.get(path, [None])[0] != entry[0])
    by_shard: dict[str, dict[str, list]] = {k: {} for k in shard_keys(n)}
    for path, entry in files.items():
        by_shard[shard_of(path, n)][path] = entry
    version = code_version()
    fps = {k: fingerprint(docs, version) for k, docs in by_shard.items()}
    changed = [k for k in shard_keys(n) if not _up_to_date(warehouse, k, fps[k])]
    return Plan(files, by_shard, changed, fps, unseen)


# ---------------------------------------------------------------- one scan per build
# A build plans before Dagster starts (is there anything to do?) and its shard step needs the same plan: handing
# it over saves two more scans of raw/ (each a stat per file and a read of every manifest; ~0.5 s at 10,000
# files on an idle machine). Only within one process: a run started elsewhere (the sensor's, the UI's) scans.
PLAN_TAG = "cef/plan"
_handed: dict[str, Plan] = {}


def hand_over(p: Plan) -> str:
    """Keep the plan for the shard step of a run in this process; the token goes on the run as PLAN_TAG."""
    token = hashlib.sha256(f"{id(p)}:{os.getpid()}:{len(_handed)}".encode()).hexdigest()[:16]
    _handed.clear()  # one build at a time in a process: an older plan is stale
    _handed[token] = p
    return token


def plan_for(token: str | None, raw: Path, warehouse: Path) -> Plan:
    """The plan handed over under this token, or a new scan (another process, no token, another shard count)."""
    found = _handed.get(token or "")
    return found if found is not None and len(found.by_shard) == shard_count() else plan(raw, warehouse)


def _up_to_date(warehouse: Path, shard: str, fp: str) -> bool:
    d = shard_dir(warehouse, shard)
    return read_manifest(d).get("fingerprint") == fp and all((d / f"{t}.parquet").is_file() for t in TABLES)


def contiguous_range(keys: list[str], changed: list[str]) -> tuple[str, str] | None:
    """(first, last) changed shard: one Dagster run covers that range (a run takes a range, not a set);
    unchanged shards inside it are recognized by their fingerprint and cost a manifest read."""
    if not changed:
        return None
    order = {k: i for i, k in enumerate(keys)}
    ordered = sorted(changed, key=order.__getitem__)
    return ordered[0], ordered[-1]
