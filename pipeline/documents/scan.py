"""Which files are under raw/ and what their bytes are: the partition keys and change detection."""
from __future__ import annotations

import hashlib
from pathlib import Path


def file_sha256(path: Path, chunk: int = 1 << 20) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(chunk):
            h.update(block)
    return h.hexdigest()


def outside_root(path: Path, root: Path) -> bool:
    """True for a symbolic link that leads out of raw/ (it is listed but never followed)."""
    try:
        path.resolve().relative_to(root.resolve())
        return False
    except ValueError:
        return True


def scan_raw(raw_dir: Path) -> dict[str, str]:
    """Relative posix path → a fingerprint of the content (sha256; for links leaving raw/, the link target).
    Hidden files and folders (dot-names) are skipped: editors and OSes leave them behind."""
    raw_dir = Path(raw_dir)
    found: dict[str, str] = {}
    if not raw_dir.is_dir():
        return found
    for path in sorted(raw_dir.rglob("*")):
        rel = path.relative_to(raw_dir)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if path.is_symlink() and outside_root(path, raw_dir):
            found[rel.as_posix()] = "symlink:" + str(Path(path).readlink())
        elif path.is_file():
            found[rel.as_posix()] = file_sha256(path)
    return found
