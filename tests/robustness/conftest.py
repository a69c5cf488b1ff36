"""Shared pieces of the robustness tests (issue 5): the messy input files, a stand-in extractor, builds in tmp.

Everything is built under pytest's tmp directories (raw dir and warehouse from the Warehouse resource, an
ephemeral Dagster instance, a private PDF page cache), never in the repository's raw/ or warehouse/."""
from __future__ import annotations

import hashlib
import io
import os
import re
import time
from pathlib import Path

import dagster as dg
import pytest

from pipeline.assets.resources import Warehouse
from pipeline.extract.fact import Fact

ZH_HANS = "2023年北京市地区生产总值达到43760.7亿元，比上年增长5.2%。第三产业比重为84.8%。"
ZH_HANT = "2023年臺灣經濟成長率為1.31%，出口總額達到4324億美元，較上年減少9.8%。服務業增加值佔比為62.5%。"


@pytest.fixture(scope="session", autouse=True)
def _private_pdf_cache(tmp_path_factory):
    """The PDF reader caches pages under warehouse/cache/pdf by default; keep the tests out of the repo's."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CEF_CACHE_DIR", str(tmp_path_factory.mktemp("pdf_cache")))
        yield


# ---------------------------------------------------------------- a stand-in extractor
# The real extractor is being rewritten (issue 3). These tests are about the pipeline around it, so they use
# a small, predictable one: every "12.5%" is a percent fact. Two marker strings make it misbehave on purpose.
_PCT = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)%")
EXTRACTOR_BUG = "EXTRACTOR-BUG"
SLOW_EXTRACT = "SLOW-EXTRACT"
BAD_FACT = "BAD-FACT"  # its percent facts come out in parsecs: a fact no release check accepts


def stub_extract_text_facts(doc) -> list[Fact]:
    if EXTRACTOR_BUG in doc.text:
        raise ValueError(f"stub extractor tripped on {EXTRACTOR_BUG}")
    if SLOW_EXTRACT in doc.text:
        time.sleep(120)
    facts = []
    for m in _PCT.finditer(doc.text):
        start = doc.text.rfind("\n", 0, m.start()) + 1
        end = doc.text.find("\n", m.end())
        value = float(m.group(1))
        facts.append(Fact(doc=doc.doc, char_start=m.start(), char_end=m.end(), quote=m.group(),
                          sentence=doc.text[start:len(doc.text) if end < 0 else end], value=value, unit="percent",
                          kind="percent", raw_value=value, raw_unit="%", indicator="stub", lang=doc.lang or "en"))
        if BAD_FACT in doc.text:
            facts[-1].unit = "parsecs"
    return facts


@pytest.fixture(scope="module")
def stub_extractor():
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("pipeline.process.extract_text_facts", stub_extract_text_facts)
        # the stub lives in this process only: no worker processes (tests/test_engine.py tests those)
        mp.setenv("CEF_WORKERS", "1")
        yield


# ---------------------------------------------------------------- PDFs made by the tests
def pdf_bytes(lines: list[str], *, encrypt=None, drawing_only: bool = False, pages: int = 1,
              lines_per_page: int | None = None) -> bytes:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, encrypt=encrypt, invariant=1)
    for _ in range(pages):
        if drawing_only:
            c.rect(100, 500, 200, 100, fill=1)
        else:
            c.setFont("STSong-Light", 9)
            y = 800
            for ln in (lines * (lines_per_page or 1))[: lines_per_page or len(lines)]:
                c.drawString(30, y, ln)
                y -= 11
        c.showPage()
    c.save()
    return buf.getvalue()


def encrypted_pdf() -> bytes:
    from reportlab.lib.pdfencrypt import StandardEncryption

    return pdf_bytes([ZH_HANS], encrypt=StandardEncryption("user-secret", ownerPassword="owner-secret"))


# ---------------------------------------------------------------- builds and fingerprints
def make_warehouse(tmp: Path) -> Warehouse:
    (tmp / "raw").mkdir(parents=True, exist_ok=True)
    return Warehouse(raw_dir=str(tmp / "raw"), warehouse_dir=str(tmp / "wh"))


def run_build(wh: Warehouse, instance: dg.DagsterInstance | None = None) -> tuple[bool, str]:
    from pipeline.run import build

    out = io.StringIO()
    ok = build(wh, instance or dg.DagsterInstance.ephemeral(), out=out)
    return ok, out.getvalue()


def read_release(wh: Warehouse) -> dict:
    import pyarrow.parquet as pq

    return {t: pq.read_table(wh.root / "parquet" / f"{t}.parquet").to_pandas()
            for t in ("documents", "pages", "facts", "table_cells")}


def release_fingerprint(root: Path) -> dict[str, str]:
    """sha256 of every file of the published release: the resolved current/ tree and what the fixed links
    (parquet/, the .duckdb, dist/) lead to, plus where current points and which releases exist."""
    found: dict[str, str] = {}
    current = root / "current"
    found["current ->"] = os.readlink(current)
    found["releases"] = ",".join(sorted(p.name for p in (root / "releases").iterdir()))
    for base in (current.resolve(), root / "parquet", root / "dist"):
        for p in sorted(base.rglob("*")):
            if p.is_file():
                found[f"{base.name}/{p.relative_to(base)}"] = hashlib.sha256(p.read_bytes()).hexdigest()
    db = root / "china_econ_facts.duckdb"
    found[db.name] = hashlib.sha256(db.read_bytes()).hexdigest()
    return found
