"""Restore the real development documents that the repository does not carry.

Each line of `manifest.jsonl` names a document by repository, commit, path and sha256. Documents whose licence
allows it are committed under `docs/`; the others are third-party texts, restored from a snapshot of their
repository (the `fetch` tool puts it under /work/.mirror/<owner>+<name>) into `../shared/eval/dev/docs/`, and
tests skip them when absent.

    python tests/real/restore.py            # restore what is missing, check every sha256
"""
from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
MANIFEST = HERE / "manifest.jsonl"
MIRRORS = Path("/work/.mirror")
RESTORED = HERE.parents[2] / "shared" / "eval" / "dev" / "docs"


def entries() -> list[dict]:
    return [json.loads(line) for line in MANIFEST.read_text(encoding="utf-8").splitlines() if line.strip()]


def location(entry: dict) -> Path:
    """Where the document is read from: the repository's copy if committed, else the restored copy."""
    committed = HERE / "docs" / entry["name"]
    return committed if committed.exists() else RESTORED / entry["name"]


def _git_dir(repo: str) -> Path | None:
    root = MIRRORS / repo.replace("/", "+")
    if not root.exists():
        return None
    for candidate in [root, *sorted(root.rglob("*"))]:
        if candidate.is_dir() and (candidate / "HEAD").exists() and (candidate / "objects").is_dir():
            return candidate
    return None


def restore(entry: dict) -> str:
    target = location(entry)
    if not target.exists():
        git_dir = _git_dir(entry["repo"])
        if git_dir is None:
            return f"missing (fetch github:{entry['repo']} first)"
        blob = subprocess.run(["git", "--git-dir", str(git_dir), "show", f"{entry['commit']}:{entry['path']}"],
                              capture_output=True, check=True).stdout
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(blob)
    digest = hashlib.sha256(target.read_bytes()).hexdigest()
    return "ok" if digest == entry["sha256"] else f"sha256 mismatch ({digest})"


def main() -> int:
    bad = 0
    for entry in entries():
        state = restore(entry)
        bad += state != "ok"
        print(f"{entry['name']}: {state}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
