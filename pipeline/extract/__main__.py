"""python -m pipeline.extract FILE [FILE ...]: facts as JSON Lines on stdout (see CONTRACT.md).

Exit 0 when every file was read; a file that cannot be read is named on stderr, the rest go on, exit 1."""
from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

from ..process import process_file


def _clean(value):
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m pipeline.extract", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="+", type=Path)
    args = ap.parse_args(argv)
    failed = 0
    out = sys.stdout
    for path in args.files:
        if path.is_dir():
            print(f"{path}: is a directory, skipped", file=sys.stderr)
            failed += 1
            continue
        try:
            doc, facts = process_file(path)
        except OSError as exc:
            print(f"{path}: cannot read: {exc.strerror or exc}", file=sys.stderr)
            failed += 1
            continue
        if doc.status != "ok":
            print(f"{path}: {doc.status}: {doc.error}", file=sys.stderr)
            failed += 1
            continue
        for fact in facts:
            row = {k: _clean(v) for k, v in fact.to_dict().items()}
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    out.flush()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
