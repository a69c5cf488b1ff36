"""python -m pipeline.extract FILE [FILE ...]: facts as JSON Lines on stdout (see CONTRACT.md).

--explain prints, instead, one readable line per fact with how its year was decided (the rule that fired and the
published year_basis), and each document's own date and where it was found.

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


def _explain_document(doc, facts) -> str:
    lines = [f"# {doc.path}: {len(facts)} facts; date {doc.date or 'none'} ({doc.date_source or 'not stated'}); "
             f"title {doc.title!r}"]
    for f in facts:
        year = f"{f.year_start}–{f.year}" if f.year_start else str(f.year)
        lines.append(f"{f.quote!r:>24}  {f.value:g} {f.unit}  year {year} [{f.year_rule} → {f.year_basis}]  "
                     f"{'target ' if f.is_target else ''}{f.measure} {f.qualifier}  {f.region or '-'}  {f.indicator}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m pipeline.extract", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--explain", action="store_true", help="a readable line per fact with the rules that decided it")
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
        if args.explain:
            out.write(_explain_document(doc, facts))
            continue
        for fact in facts:
            row = {k: _clean(v) for k, v in fact.to_dict().items()}
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    out.flush()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
