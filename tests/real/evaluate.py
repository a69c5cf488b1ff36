"""Score the extractor on the real documents: ../shared/eval/real (six documents and their gold) and the real
development set of this folder (manifest.jsonl, gold/, documents restored by restore.py).

    python tests/real/evaluate.py              # both sets, per document
    python tests/real/evaluate.py --errors 40  # and the first errors of each

A few documents of the development set are texts kept inside a program's source (a .json feed, a .ts page, a .py
test string): the pipeline does not take those file types, so they are scored read as plain text (the same file
under a .txt name)."""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
EVAL = ROOT.parent / "shared" / "eval"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from pipeline.documents.model import FORMATS  # noqa: E402
from restore import entries, location  # noqa: E402


def dev_files(tmp: Path) -> list[Path]:
    """The development set's documents that are present, those of other file types copied as .txt."""
    out = []
    for e in entries():
        path = location(e)
        if not path.exists() or not (HERE / "gold" / f"{e['name']}.jsonl").exists():
            continue
        if path.suffix.lower() not in FORMATS:
            copy = tmp / f"{path.stem}.txt"
            shutil.copyfile(path, copy)
            path = copy
        out.append(path)
    return out


def score(gold: Path, files: list[Path], tmp: Path, *extra: str) -> str:
    out = tmp / f"{gold.parent.name}_facts.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        subprocess.run([sys.executable, "-m", "pipeline.extract", *map(str, files)], cwd=ROOT, stdout=fh,
                       stderr=subprocess.DEVNULL, check=False)
    res = subprocess.run([sys.executable, str(EVAL / "score.py"), str(gold), str(out), *extra], capture_output=True,
                         text=True, check=True)
    return res.stdout


def summaries(tmp: Path) -> dict[str, dict]:
    """{'real': summary, 'dev': summary} for the sets that are present (score.py --json)."""
    got = {}
    real = sorted((EVAL / "real" / "docs").glob("*")) if (EVAL / "real" / "docs").is_dir() else []
    if real:
        got["real"] = json.loads(score(EVAL / "real" / "gold", real, tmp, "--json").strip().splitlines()[-1])
    dev = dev_files(tmp)
    if dev:
        got["dev"] = json.loads(score(HERE / "gold", dev, tmp, "--json").strip().splitlines()[-1])
    return got


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--errors", type=int, default=0)
    args = ap.parse_args()
    extra = ["--per-doc"] + (["--show-errors", str(args.errors)] if args.errors else [])
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        real = sorted((EVAL / "real" / "docs").glob("*"))
        if real:
            print("# ../shared/eval/real\n" + score(EVAL / "real" / "gold", real, tmp, *extra))
        dev = dev_files(tmp)
        if dev:
            print("# tests/real (the real development set)\n" + score(HERE / "gold", dev, tmp, *extra))
    return 0


if __name__ == "__main__":
    sys.exit(main())
