"""PDF reading throughput: pages per second for text pages (the renderings ../shared/pdfs/00*.pdf) and for
table-heavy pages (the 124-page Moutai annual report), cold (empty cache: pdfplumber parses every page) and
warm (the per-page JSON cache is hit), with the peak memory of each run.

Each group runs in a fresh child process so that its peak RSS (resource.getrusage) is its own and imports,
page caches and earlier groups do not flatter or burden it. Run by `make bench` through benchmarks/run.py,
which calls main(); `python benchmarks/pdf_throughput.py` works too."""
from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("CEF_SHARED_DIR", ROOT.parent / "shared")) / "pdfs"
GROUPS = {
    "text pages (00*.pdf renderings)": lambda: sorted(SHARED.glob("00*.pdf")),
    "table pages (Moutai annual report)": lambda: [SHARED / "zh_pdf_moutai_annual_report_2021.pdf"],
}


def _child(files: list[str]) -> dict:
    """Runs in the child: read every file cold into an empty cache, then again warm; report timings and RSS."""
    sys.path.insert(0, str(ROOT))
    from pipeline.documents.pdf import read_pdf
    from pipeline.tables import extract_table_facts  # noqa: F401  (import cost outside the timing)

    base_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    out = {"pages": 0, "cold_s": 0.0, "warm_s": 0.0, "tables": 0, "cells": 0}
    with tempfile.TemporaryDirectory() as cache:
        for f in files:
            t = time.perf_counter()
            pdf = read_pdf(f, cache_dir=cache)
            out["cold_s"] += time.perf_counter() - t
            t = time.perf_counter()
            read_pdf(f, cache_dir=cache)
            out["warm_s"] += time.perf_counter() - t
            out["pages"] += len(pdf.pages)
            out["cells"] += len(pdf.tables)
            out["tables"] += len({(c.page, c.table_index) for c in pdf.tables})
    out["base_mb"] = base_kb / 1024
    out["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    # page workers (CEF_PDF_WORKERS > 1) are children of this process: the largest of them
    out["worker_peak_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return out


def run_group(files: list[Path]) -> dict:
    code = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child", *map(str, files)],
                          capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(code.stdout.strip().splitlines()[-1])


def main() -> None:
    if not SHARED.exists():
        print(f"   (skipped: {SHARED} not present)")
        return
    print(f"   (pages read in {os.environ.get('CEF_PDF_WORKERS', '1')} process(es); set CEF_PDF_WORKERS to change)")
    for name, files in GROUPS.items():
        files = [f for f in files() if f.exists()]
        if not files:
            print(f"   {name}: (no files)")
            continue
        r = run_group(files)
        print(f"   {name}: {r['pages']} pages in {len(files)} file(s)")
        print(f"      cold: {r['pages'] / r['cold_s']:.1f} pages/s ({r['cold_s']:.2f} s)   "
              f"warm (cache hit): {r['pages'] / max(r['warm_s'], 1e-9):.0f} pages/s ({r['warm_s']:.2f} s)")
        workers = f", largest page worker {r['worker_peak_mb']:.0f} MB" if r["worker_peak_mb"] else ""
        print(f"      peak memory: {r['peak_mb']:.0f} MB RSS (interpreter and imports: {r['base_mb']:.0f} MB{workers})"
              f"   tables: {r['tables']}, table_cells rows: {r['cells']}", flush=True)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        print(json.dumps(_child(sys.argv[2:])))
    else:
        main()
