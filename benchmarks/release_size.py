"""What a release weighs in each distribution mode, and what fetching the data archive costs.

    python -m benchmarks.release_size [N ...]      (default: 49 1000; needs ../shared/corpus/gwr)

For each corpus (the 49 government work reports as they are, or cut at line (paragraph) boundaries into N documents) it
extracts the facts with the library (no Dagster), publishes the tables once in wheel mode and once in archive
mode, and prints the Parquet, wheel and archive sizes; then serves the archive from a local HTTP server and times
the loader's first fetch (download + sha256 + unpack) and a cached one."""
from __future__ import annotations

import os
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from pipeline.combine import quarantine
from pipeline.process import process_file
from pipeline.publish.archive import Distribution
from pipeline.publish.build import publish_tables
from pipeline.publish.frames import combine
from tests.loader.http_server import StaticServer

ROOT = Path(__file__).resolve().parents[1]
GWR = ROOT.parent / "shared" / "corpus" / "gwr"


def write_corpus(raw: Path, n: int) -> None:
    """The reports as they are (n = 49), or cut at line (paragraph) boundaries into n documents of about equal
    size (past one paragraph per document, the paragraphs are used again)."""
    reports = sorted(GWR.glob("*.txt"))
    if n == len(reports):
        for p in reports:
            (raw / p.name).write_bytes(p.read_bytes())
        return
    paragraphs = [par for p in reports for par in p.read_text(encoding="utf-8").splitlines() if par.strip()]
    if n > len(paragraphs):  # more documents than paragraphs: one paragraph each, the reports over again
        for i in range(n):
            (raw / f"doc_{i:05d}.txt").write_text(paragraphs[i % len(paragraphs)], encoding="utf-8")
        return
    per = len(paragraphs) // n
    for i in range(n):
        chunk = paragraphs[i * per:(i + 1) * per] if i < n - 1 else paragraphs[i * per:]
        (raw / f"doc_{i:05d}.txt").write_text("\n".join(chunk), encoding="utf-8")


def tables_for(raw: Path):
    return quarantine(combine([process_file(p, raw) for p in sorted(raw.iterdir())]))


def time_fetch(rel, work: Path) -> tuple[float, float]:
    """(first fetch, cached fetch) in seconds, through the loader in this process."""
    data = work / "package-data"
    with zipfile.ZipFile(rel.wheel) as z:
        for name in z.namelist():
            if name.startswith("china_econ_facts/data/"):
                out = data / name.removeprefix("china_econ_facts/data/")
                out.parent.mkdir(parents=True, exist_ok=True)
                out.write_bytes(z.read(name))
    sys.path.insert(0, str(ROOT / "loader"))
    import china_econ_facts as cef

    with StaticServer(rel.archive.parent) as srv:
        os.environ.update(CHINA_ECON_FACTS_DATA=str(data), CHINA_ECON_FACTS_CACHE=str(work / "cache"),
                          CHINA_ECON_FACTS_URL=srv.url, NO_PROXY="127.0.0.1,localhost")
        t = time.perf_counter()
        cef.fetch()
        first = time.perf_counter() - t
    t = time.perf_counter()
    n = len(cef.load("facts", columns=["fact_id"]))
    cached = time.perf_counter() - t
    print(f"  loader: first fetch {first:.2f} s (download + sha256 + unpack), then load('facts') from the cache "
          f"{cached:.2f} s with the server stopped ({n} facts)")
    return first, cached


def main(sizes: list[int]) -> None:
    if not GWR.is_dir():
        sys.exit(f"{GWR} is missing")
    for n in sizes:
        with tempfile.TemporaryDirectory(prefix="cef-release-size-") as tmp:
            tmp = Path(tmp)
            raw = tmp / "raw"
            raw.mkdir()
            write_corpus(raw, n)
            t = time.perf_counter()
            tables = tables_for(raw)
            text_mb = sum(p.stat().st_size for p in raw.iterdir()) / 1e6
            print(f"{n} documents, {text_mb:.1f} MB of text, {len(tables['facts'])} facts "
                  f"(extracted in {time.perf_counter() - t:.1f} s)")
            wheel = publish_tables(tables, tmp / "wh-wheel", Distribution(mode="wheel"))
            arch = publish_tables(tables, tmp / "wh-archive", Distribution(mode="archive"))
            parquet = wheel.manifest["distribution"]["parquet_bytes"]
            auto = Distribution().plan(wheel.parquet, wheel.version)["mode"]
            print(f"  Parquet {parquet / 1e6:.2f} MB (documents.parquet {wheel.parquet['documents'].stat().st_size / 1e6:.2f} MB); "
                  f"wheel mode: wheel {wheel.wheel.stat().st_size / 1e6:.2f} MB; archive mode: wheel "
                  f"{arch.wheel.stat().st_size / 1e3:.0f} KB + archive {arch.archive.stat().st_size / 1e6:.2f} MB; "
                  f"auto mode (threshold {Distribution().threshold_mb} MB) picks {auto}")
            time_fetch(arch, tmp)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [49, 1000])
