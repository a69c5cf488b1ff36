"""PDF reading throughput: pages per second for text pages (the renderings ../shared/pdfs/00*.pdf) and for
table-heavy pages (the 124-page Moutai annual report), cold (empty cache: pdfplumber parses every page) and
warm (the per-page JSON cache is hit), with the peak memory of the reading.

Each PDF is measured in a fresh child process, and the child reports its own high-water mark of resident memory
from /proc/self/status (VmHWM). Not getrusage's ru_maxrss: Linux carries the high-water mark of the process that
started the child over exec into the child's ru_maxrss, so after the extraction benchmark (run before this one in
the same `make bench` process) every child reported that process's peak instead of its own. Run by `make bench`
through benchmarks/run.py, which calls main(); `python benchmarks/pdf_throughput.py` works too."""
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


def peak_rss_mb() -> float:
    """This process's own peak resident memory (VmHWM, reset by exec), or ru_maxrss where /proc is missing."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _child(path: str) -> dict:
    """Runs in the child: read one file cold into an empty cache, then again warm; report timings and memory."""
    sys.path.insert(0, str(ROOT))
    from pipeline.documents.pdf import read_pdf
    from pipeline.tables import extract_table_facts  # noqa: F401  (import cost outside the timing)

    out = {"base_mb": peak_rss_mb()}
    with tempfile.TemporaryDirectory() as cache:
        t = time.perf_counter()
        pdf = read_pdf(path, cache_dir=cache)
        out["cold_s"] = time.perf_counter() - t
        t = time.perf_counter()
        read_pdf(path, cache_dir=cache)
        out["warm_s"] = time.perf_counter() - t
    out.update(pages=len(pdf.pages), cells=len(pdf.tables), tables=len({(c.page, c.table_index) for c in pdf.tables}))
    out["peak_mb"] = peak_rss_mb()
    # page workers (CEF_PDF_WORKERS > 1) are forked children of this process: the largest of them
    out["worker_peak_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return out


def measure(path: Path) -> dict:
    """One PDF in its own fresh interpreter, so that nothing run before it counts in its figures."""
    run = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child", str(path)],
                         capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(run.stdout.strip().splitlines()[-1])


def main() -> None:
    if not SHARED.exists():
        print(f"   (skipped: {SHARED} not present)")
        return
    print(f"   (pages read in {os.environ.get('CEF_PDF_WORKERS', '1')} process(es); set CEF_PDF_WORKERS to change; "
          "each PDF in a fresh child process, memory = its own peak RSS)")
    for name, files in GROUPS.items():
        files = [f for f in files() if f.exists()]
        if not files:
            print(f"   {name}: (no files)")
            continue
        runs = [measure(f) for f in files]
        pages, cold, warm = (sum(r[k] for r in runs) for k in ("pages", "cold_s", "warm_s"))
        top = max(runs, key=lambda r: r["peak_mb"])
        print(f"   {name}: {pages} pages in {len(files)} file(s)")
        print(f"      cold: {pages / cold:.1f} pages/s ({cold:.2f} s)   "
              f"warm (cache hit): {pages / max(warm, 1e-9):.0f} pages/s ({warm:.2f} s)")
        workers = max(r["worker_peak_mb"] for r in runs)
        workers = f", largest page worker {workers:.0f} MB" if workers else ""
        peak, base = round(top["peak_mb"]), round(top["base_mb"])
        print(f"      peak memory: {peak} MB RSS (largest file; interpreter and imports {base} MB, reading "
              f"+{peak - base} MB{workers})   "
              f"tables: {sum(r['tables'] for r in runs)}, table_cells rows: {sum(r['cells'] for r in runs)}",
              flush=True)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        print(json.dumps(_child(sys.argv[2])))
    else:
        main()
