"""Snapshot the extractor's output, to show that a speed change changes nothing: the JSON lines of
`python -m pipeline.extract` over each document set go to DIR/<set>.jsonl; `--diff OLD NEW` compares two snapshots.

    python -m benchmarks.snapshot /tmp/before          # before the change
    python -m benchmarks.snapshot /tmp/after           # after it
    python -m benchmarks.snapshot --diff /tmp/before /tmp/after

Each set runs in one process, in file order, as the CLI runs a list of files: a cache that leaks from one
document into the next shows as a difference too. Not part of `make bench` or the tests (it takes a minute)."""
from __future__ import annotations

import argparse
import difflib
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETS = {
    "raw": ROOT / "raw",
    "heldout": ROOT / "tests" / "heldout" / "docs",
    "real": ROOT.parent / "shared" / "eval" / "real" / "docs",
    "real_restored": ROOT / "tests" / "real" / "docs",
    "gwr": ROOT.parent / "shared" / "corpus" / "gwr",
}


def snapshot(out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, folder in SETS.items():
        files = sorted(str(p) for p in folder.iterdir() if p.is_file()) if folder.is_dir() else []
        if not files:
            print(f"{name}: no documents in {folder}, skipped", file=sys.stderr)
            continue
        run = subprocess.run([sys.executable, "-m", "pipeline.extract", *files], cwd=ROOT,
                             capture_output=True, check=False)
        (out_dir / f"{name}.jsonl").write_bytes(run.stdout)
        (out_dir / f"{name}.stderr").write_bytes(run.stderr)
        n_facts = run.stdout.count(b"\n")
        print(f"{name}: {len(files)} files, {n_facts} facts, exit {run.returncode}")


def diff(old: Path, new: Path) -> int:
    changed = 0
    for path in sorted(old.glob("*.jsonl")):
        a, b = path.read_bytes(), (new / path.name).read_bytes()
        if a == b:
            print(f"{path.stem}: identical ({len(a)} bytes)")
            continue
        changed += 1
        print(f"{path.stem}: DIFFERENT")
        lines = difflib.unified_diff(a.decode().splitlines(), b.decode().splitlines(), lineterm="", n=0)
        for i, line in enumerate(lines):
            if i >= 20:
                print("   …")
                break
            print("   " + line[:300])
    return 1 if changed else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.snapshot", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dirs", nargs="+", type=Path)
    ap.add_argument("--diff", action="store_true", help="compare two snapshot folders")
    args = ap.parse_args(argv)
    if args.diff:
        if len(args.dirs) != 2:
            ap.error("--diff takes OLD and NEW")
        return diff(*args.dirs)
    snapshot(args.dirs[0])
    return 0


if __name__ == "__main__":
    sys.exit(main())
