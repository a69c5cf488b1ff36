"""The `china-econ-facts` command: info, tables, describe, sql, export, indicators, series, conflicts, verify.

Exit status: 0 on success, 1 when a data file is missing or damaged (`verify`, or any command reading it) or a
query fails while running, 2 for bad use (unknown table or column, SQL that would write, bad arguments).
Errors and warnings are one line each on stderr, never a traceback."""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import textwrap
import warnings
from pathlib import Path

import pandas as pd

from . import __version__, conflicts, data_file, describe, indicators, info, load, query, series, verify
from ._data import DataMissingError, DatasetError, UnknownColumnError, UnknownTableError, datapackage
from ._curated import AmbiguousNameError
from ._db import QueryError, ReadOnlyError

FORMATS_OUT = ("table", "csv", "json")
FORMATS_EXPORT = ("csv", "parquet", "json")


def _print_table(df: pd.DataFrame, max_width: int) -> None:
    """Aligned columns, CJK-aware; long cells cut to max_width characters."""
    if max_width > 0:
        df = df.copy()
        for col in df.columns:
            if df[col].dtype == object or pd.api.types.is_string_dtype(df[col]):
                df[col] = df[col].map(lambda v: v if not isinstance(v, str) or len(v) <= max_width
                                      else v[: max_width - 1] + "…")
    with pd.option_context("display.unicode.east_asian_width", True):
        print(df.to_string(index=False) if len(df.columns) else "(no columns)")
    print(f"({len(df)} row{'s' if len(df) != 1 else ''})")


def _print_wrapped(df: pd.DataFrame, long_cols: tuple[str, ...]) -> None:
    """The short columns aligned as a table; under each row its long texts (descriptions) whole, wrapped to the
    terminal's width, never cut."""
    width = max(40, shutil.get_terminal_size((100, 24)).columns - 4)
    short = df.drop(columns=[c for c in long_cols if c in df.columns])
    with pd.option_context("display.unicode.east_asian_width", True):
        lines = short.to_string(index=False).splitlines() if len(df) else ["(no rows)"]
    print(lines[0])
    for line, (_, row) in zip(lines[1:], df.iterrows()):
        print(line)
        for col in long_cols:
            text = "" if col not in df.columns or pd.isna(row[col]) else str(row[col])
            label = "" if col == long_cols[0] else f"{col}: "
            if text:
                print(textwrap.fill(label + text, width=width, initial_indent="    ", subsequent_indent="    "))
    print(f"({len(df)} row{'s' if len(df) != 1 else ''})")


def _emit(df: pd.DataFrame, fmt: str, max_width: int) -> None:
    if fmt == "csv":
        df.to_csv(sys.stdout, index=False)
    elif fmt == "json":
        sys.stdout.write(df.to_json(orient="records", force_ascii=False, date_format="iso") + "\n")
    else:
        _print_table(df, max_width)


def cmd_info(args) -> int:
    data = info()
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    print(f"{data['name']} {data['version']}")
    for key in ("release_id", "data_sha256", "extractor_version", "previous_version", "license", "sources", "data_dir"):
        print(f"  {key:18} {data[key]}")
    for name, n in data["rows"].items():
        print(f"  rows {name:13} {n}")
    return 0


def cmd_tables(args) -> int:
    rows = [{"table": r["name"], "rows": r.get("rows"), "description": r.get("description", "")}
            for r in datapackage()["resources"]]
    df = pd.DataFrame(rows, columns=["table", "rows", "description"])
    _print_wrapped(df, ("description",)) if args.format == "table" else _emit(df, args.format, 0)
    return 0


def cmd_describe(args) -> int:
    df = describe(args.table)
    _print_wrapped(df, ("description", "constraints")) if args.format == "table" else _emit(df, args.format, 0)
    return 0


def cmd_sql(args) -> int:
    _emit(query(args.query), args.format, args.max_width)
    return 0


def cmd_export(args) -> int:
    out = Path(args.output)
    columns = [c.strip() for c in args.columns.split(",")] if args.columns else None
    if args.format == "parquet" and columns is None:
        src = data_file(args.table)  # unknown table or damaged file → clear error before anything is written
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, out)  # the published bytes, checksum and all
    else:
        data = load(args.table, columns=columns, as_arrow=args.format == "parquet")
        out.parent.mkdir(parents=True, exist_ok=True)
        if args.format == "parquet":
            import pyarrow.parquet as pq
            pq.write_table(data, out, compression="zstd")
        elif args.format == "csv":
            data.to_csv(out, index=False, encoding="utf-8")
        else:
            out.write_text(data.to_json(orient="records", force_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {args.table} to {out} ({args.format})", file=sys.stderr)
    return 0


def cmd_indicators(args) -> int:
    cols = ["indicator_code", "name_en", "name_zh", "unit_family", "per_capita", "wdi_code"]
    _emit(indicators(args.search)[cols], args.format, args.max_width)
    return 0


def cmd_series(args) -> int:
    target = {"targets": True, "outcomes": False}.get(args.only)
    _emit(series(args.indicator, args.region, measure=args.measure, is_target=target), args.format, args.max_width)
    return 0


def cmd_conflicts(args) -> int:
    _emit(conflicts(args.indicator, args.region), args.format, args.max_width)
    return 0


def cmd_verify(args) -> int:
    report = verify()
    for f in report.files:
        print(f"{'ok ' if f.ok else 'BAD'}  {f.path}  {f.status}")
    if report.ok:
        print(str(report))
        return 0
    print(f"error: {report}", file=sys.stderr)
    return 1


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="china-econ-facts", description="The China economic facts dataset: "
                                "inspect, query (read-only SQL), export and verify the packaged data.")
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def output_options(sp, cut: bool = True):
        sp.add_argument("--format", choices=FORMATS_OUT, default="table", help="output format (default: table)")
        if cut:  # query results: long cells cut; descriptions (tables, describe) are printed whole, wrapped
            sp.add_argument("--max-width", type=int, default=60, help="cut text cells in table output (0: never)")

    sp = sub.add_parser("info", help="version, data and extractor identity, row counts")
    sp.add_argument("--json", action="store_true", help="print as JSON")
    sp.set_defaults(func=cmd_info)
    sp = sub.add_parser("tables", help="list the tables")
    output_options(sp, cut=False)
    sp.set_defaults(func=cmd_tables)
    sp = sub.add_parser("describe", help="columns of a table: types, descriptions, constraints")
    sp.add_argument("table")
    output_options(sp, cut=False)
    sp.set_defaults(func=cmd_describe)
    sp = sub.add_parser("sql", help='run a read-only query, e.g. "SELECT unit, count(*) FROM facts GROUP BY 1"')
    sp.add_argument("query")
    output_options(sp)
    sp.set_defaults(func=cmd_sql)
    sp = sub.add_parser("export", help="write a table to a file")
    sp.add_argument("table")
    sp.add_argument("--format", choices=FORMATS_EXPORT, required=True)
    sp.add_argument("-o", "--output", required=True, help="file to write")
    sp.add_argument("--columns", help="comma-separated columns (default: all)")
    sp.set_defaults(func=cmd_export)
    sp = sub.add_parser("indicators", help="the indicator catalog, or the entries matching a word (zh or en)")
    sp.add_argument("search", nargs="?")
    output_options(sp)
    sp.set_defaults(func=cmd_indicators)
    sp = sub.add_parser("series", help='one indicator by year, e.g. series gdp --region Qingdao')
    sp.add_argument("indicator")
    sp.add_argument("--region", help="code or name of the place (default: every place)")
    sp.add_argument("--measure", choices=["level", "growth", "share", "change"])
    sp.add_argument("--only", choices=["targets", "outcomes"])
    output_options(sp)
    sp.set_defaults(func=cmd_series)
    sp = sub.add_parser("conflicts", help="observations whose sources disagree, with each source's quote")
    sp.add_argument("indicator", nargs="?")
    sp.add_argument("--region")
    output_options(sp)
    sp.set_defaults(func=cmd_conflicts)
    sp = sub.add_parser("verify", help="check every data file against its sha256 in datapackage.json")
    sp.set_defaults(func=cmd_verify)
    return p


def _warn_one_line(message, category, filename, lineno, file=None, line=None) -> None:
    print(f"warning: {message}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    with warnings.catch_warnings():  # restores the caller's warning settings when main() is called in-process
        warnings.showwarning = _warn_one_line
        return _run(args)


def _run(args) -> int:
    try:
        return args.func(args)
    except BrokenPipeError:  # e.g. `… | head`
        return 0
    except (UnknownTableError, UnknownColumnError, ReadOnlyError, AmbiguousNameError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    except QueryError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    except (DataMissingError, DatasetError, OSError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
