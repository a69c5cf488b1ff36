"""`make bench-scale`: what a build costs as the corpus grows, and what a change costs.

Corpora of 1,000 and 10,000 documents are cut from ../shared/corpus/gwr (49 government work reports) at paragraph
boundaries, each ~3 KB; a larger corpus walks the reports again with the cut points shifted, so every document's
bytes differ. For each size, in a fresh warehouse and DAGSTER_HOME, `python -m pipeline.run` is timed for: a full
build, a no-op rebuild, one document added, one changed, one removed; with the CPU time of the build and its
worker processes, the peak memory of that process tree, and how much DAGSTER_HOME grew. The library alone (read
and extract every document, then combine, in one process, no Dagster) is timed on the same corpus, and a line fitted
through the full builds projects to a million documents.

    python -m benchmarks.scale [--sizes 1000,10000] [--keep DIR]
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
GWR = Path(os.environ.get("CEF_GWR_DIR") or ROOT.parent / "shared" / "corpus" / "gwr")
DOC_CHARS = 1000  # ~3 KB of UTF-8 Chinese per document


def paragraphs() -> list[str]:
    out = []
    for path in sorted(GWR.glob("*.txt")):
        out += [p for p in path.read_text(encoding="utf-8").split("\n") if p.strip()]
    return out


def make_corpus(raw: Path, n: int) -> int:
    """n documents of consecutive paragraphs (~DOC_CHARS characters each); returns the bytes written. Each walk
    through the reports cuts longer documents (so at other paragraphs): no two documents have the same bytes."""
    paras, raw_bytes, seen = paragraphs(), 0, set()
    i, written = 0, 0
    while written < n:
        target = DOC_CHARS + 7 * (i // len(paras))
        chunk, size = [], 0
        while size < target:
            chunk.append(paras[i % len(paras)])
            size += len(chunk[-1])
            i += 1
        data = ("\n".join(chunk) + "\n").encode("utf-8")
        if data in seen:
            continue
        seen.add(data)
        path = raw / f"d{written // 1000:03d}" / f"doc_{written:06d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        raw_bytes += len(data)
        written += 1
    return raw_bytes


def du(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) if path.exists() else 0


class Sampler(threading.Thread):
    """Peak resident memory of a process and all its descendants (the Dask workers, the chart's forked child),
    sampled every 0.2 s. A sum of RSS: pages a forked child shares with its parent count twice (an upper bound)."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.proc, self.peak, self._done = psutil.Process(pid), 0, threading.Event()

    def run(self):
        while not self._done.is_set():
            try:
                rss = 0
                for p in [self.proc, *self.proc.children(recursive=True)]:
                    try:
                        rss += p.memory_info().rss
                    except psutil.Error:
                        pass
                self.peak = max(self.peak, rss)
            except psutil.Error:
                pass
            time.sleep(0.2)

    def stop(self):
        self._done.set()
        self.join()


def _children_cpu() -> float:
    """CPU seconds of every reaped descendant: the build and, through it, its workers and helpers, each counted
    once (sampling each process's times and its children's double-counted every child it had reaped)."""
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def run_build(env: dict, label: str, home: Path) -> dict:
    before, cpu_before, load = du(home), _children_cpu(), os.getloadavg()[0]
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "pipeline.run"], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    sampler = Sampler(proc.pid)
    sampler.start()
    out, _ = proc.communicate()
    wall = time.perf_counter() - started
    sampler.stop()
    if proc.returncode:
        raise SystemExit(f"{label}: build failed\n{out[-3000:]}")
    cpu = _children_cpu() - cpu_before
    return {"label": label, "wall": wall, "cpu": cpu, "cores": cpu / wall, "peak_mb": sampler.peak / 2**20,
            "home_mb": (du(home) - before) / 2**20, "load": load,
            "last": [ln for ln in out.splitlines() if ln.strip()][:2]}


def library_alone(raw: Path) -> float:
    """Read + extract every document and combine them in one process, no Dagster (the floor the build is held to)."""
    code = ("import sys, time; from pathlib import Path; from pipeline.process import process_file; "
            "from pipeline.publish.frames import combine; raw = Path(sys.argv[1]); t = time.perf_counter(); "
            "res = [process_file(p, raw) for p in sorted(raw.rglob('*.txt'))]; combine(res); "
            "print(time.perf_counter() - t)")
    out = subprocess.run([sys.executable, "-c", code, str(raw)], cwd=ROOT, capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})
    return float(out.stdout.strip().splitlines()[-1])


def bench_size(n: int, base: Path) -> dict:
    raw, wh, home = base / "raw", base / "wh", base / "dagster_home"
    mb = make_corpus(raw, n) / 2**20
    home.mkdir(parents=True)
    env = {**os.environ, "DAGSTER_HOME": str(home), "CEF_RAW_DIR": str(raw), "CEF_WAREHOUSE_DIR": str(wh),
           "PYTHONPATH": str(ROOT)}
    rows = [run_build(env, "full build", home), run_build(env, "no-op", home)]
    extra = raw / "added.txt"
    extra.write_text("2024年全年国内生产总值比上年增长5.0%。\n", encoding="utf-8")
    rows.append(run_build(env, "+1 document", home))
    victim = sorted(raw.rglob("doc_*.txt"))[n // 2]
    victim.write_text(victim.read_text(encoding="utf-8") + "居民消费价格上涨0.2%。\n", encoding="utf-8")
    rows.append(run_build(env, "1 changed", home))
    extra.unlink()
    rows.append(run_build(env, "1 removed", home))
    lib_load = os.getloadavg()[0]
    lib = library_alone(raw)
    return {"n": n, "mb": mb, "rows": rows, "library": lib, "library_load": lib_load,
            "home_total_mb": du(home) / 2**20}


def report(results: list[dict]) -> None:
    print(f"\n{os.cpu_count()} cores; times in seconds; cpu: the build and its workers (getrusage of reaped "
          f"children); memory in MB (sum of RSS); load: 1-minute load average as the step began")
    for r in results:
        print(f"\n{r['n']:,} documents, {r['mb']:.1f} MB of text; library alone (1 process, no Dagster): "
              f"{r['library']:.1f}s at load {r['library_load']:.2f}; DAGSTER_HOME now {r['home_total_mb']:.1f} MB")
        print(f"  {'step':<14}{'wall':>8}{'cpu':>8}{'cores':>7}{'peak MB':>9}{'HOME +MB':>10}{'load':>7}")
        for row in r["rows"]:
            print(f"  {row['label']:<14}{row['wall']:>8.1f}{row['cpu']:>8.1f}{row['cores']:>7.2f}"
                  f"{row['peak_mb']:>9.0f}{row['home_mb']:>10.2f}{row['load']:>7.2f}")
        full = r["rows"][0]
        print(f"  full build / library alone: {full['wall'] / r['library']:.2f}x; "
              f"DAGSTER_HOME per 1,000 documents per full build: {full['home_mb'] / r['n'] * 1000:.2f} MB")
    if len(results) >= 2:
        a, b = results[0], results[-1]
        per_doc = (b["rows"][0]["wall"] - a["rows"][0]["wall"]) / (b["n"] - a["n"])
        fixed = a["rows"][0]["wall"] - per_doc * a["n"]
        per_mb = per_doc * b["n"] / b["mb"]
        print(f"\nfit through the full builds: {fixed:.1f} s + {per_doc * 1000:.2f} s per 1,000 documents "
              f"(= {per_mb:.2f} s per MB of text at ~{b['mb'] / b['n'] * 1024:.1f} KB a document)")
        print(f"projection to 1,000,000 documents: full build ≈ {(fixed + per_doc * 1e6) / 3600:.1f} h on "
              f"{os.cpu_count()} cores; a change of one document costs its shard (1/64 of the corpus to list, one "
              f"document to extract): +1 was {a['rows'][2]['wall']:.1f} s at {a['n']:,} and "
              f"{b['rows'][2]['wall']:.1f} s at {b['n']:,}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--keep", help="build under this directory and keep it (default: a temporary one)")
    args = ap.parse_args(argv)
    if not GWR.is_dir():
        print(f"{GWR} is missing: the benchmark cuts its corpora from the 49 government work reports")
        return 1
    results = []
    for n in (int(x) for x in args.sizes.split(",")):
        base = Path(args.keep or tempfile.mkdtemp(prefix="cef-scale-")) / f"n{n}"
        shutil.rmtree(base, ignore_errors=True)
        base.mkdir(parents=True)
        try:
            results.append(bench_size(n, base))
            report(results[-1:])
        finally:
            if not args.keep:
                shutil.rmtree(base.parent, ignore_errors=True)
    report(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
