"""The reader on the PDFs in ../shared/pdfs (skipped when absent): the renderings of the five raw documents
(running headers, `— n —` footers, numbers wrapped from their units, two-column papers) must give the same
text as the .txt versions as far as facts are concerned, and the special real PDFs must read cleanly."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from pipeline.documents.reader import read_document
from pipeline.process import facts_for

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
PDFS = SHARED / "pdfs"
GOLD = SHARED / "eval" / "gold"
RENDERINGS = sorted(PDFS.glob("00*.pdf")) if PDFS.exists() else []

pytestmark = pytest.mark.skipif(not RENDERINGS, reason="../shared/pdfs not present")


def _ws(s: str) -> str:
    return re.sub(r"\s+", "", s)


@pytest.fixture(scope="module")
def docs(tmp_path_factory):
    import os
    old = os.environ.get("CEF_CACHE_DIR")
    os.environ["CEF_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    try:
        return {p.stem: read_document(p) for p in RENDERINGS}
    finally:
        if old is None:
            os.environ.pop("CEF_CACHE_DIR")
        else:
            os.environ["CEF_CACHE_DIR"] = old


def test_every_gold_quote_and_context_is_in_the_pdf_text(docs):
    missing = []
    for stem, doc in docs.items():
        assert doc.status == "ok", doc.error
        text = _ws(doc.text)
        for line in (GOLD / f"{stem}.txt.jsonl").read_text(encoding="utf-8").splitlines():
            g = json.loads(line)
            for key in ("quote", "context"):
                if g.get(key) and _ws(g[key]) not in text:
                    missing.append((stem, key, g[key]))
    assert not missing, missing[:10]


def _grams(s: str, n: int = 8) -> set[str]:
    return {s[i:i + n] for i in range(len(s) - n + 1)}


def test_text_matches_the_text_version(docs):
    """Nearly every 8-character run of the text version (whitespace and markup removed) is in the PDF text:
    interleaved columns, headers inside sentences or lost lines would break many of them."""
    for stem, doc in docs.items():
        raw = ROOT / "raw" / f"{stem}.txt"
        if not raw.exists():
            continue
        # markup of the text version (# headings, **bold**, <sup>, links) is not printed in the PDF
        plain = re.sub(r"<[^>]+>|[#*]", "", raw.read_text(encoding="utf-8"))
        want, got = _grams(_ws(plain)), _grams(_ws(doc.text))
        assert len(want & got) / len(want) > 0.98, (stem, len(want & got) / len(want))


def test_no_running_header_or_page_number_in_text(docs):
    for stem, doc in docs.items():
        assert not re.search(r"—\s*\d+\s*—", doc.text), stem
        for n in range(1, doc.pages):
            page = doc.text[doc.page_starts[n]:doc.page_starts[n + 1] if n + 1 < doc.pages else None]
            # the running header (journal or document name, 8.5 pt on top) does not open any page after the first
            assert not page.startswith(("Studies in Social Science Research", "Advances in Economics",
                                        "Frontiers in Economics", "京津冀信息服务业发展报告（2015）",
                                        "嶗山區人民政府 區政府文件")), (stem, n + 1)


def test_two_column_paper_reads_columns_in_order(docs):
    doc = docs["004_d207a9631de260bc"]
    # the end of a left-column paragraph is followed by the right column's heading, not interleaved with it
    assert "market mechanism must rely on the coordination of \"market failure\" by administrative coordination." \
        in doc.text
    assert "stakeholders, the market mechanism must division of economic" not in doc.text


def test_every_fact_has_the_page_its_number_is_printed_on(docs):
    n = 0
    for stem, doc in docs.items():
        for f in facts_for(doc):
            n += 1
            assert doc.text[f.char_start:f.char_end] == f.quote
            assert f.page == doc.page_of(f.char_start), (stem, f.quote)
    if n == 0:
        pytest.skip("the text extractor returns no facts yet")


def test_duplicated_glyphs_are_printed_once(tmp_path, monkeypatch):
    path = PDFS / "zh_pdf_anli_annual_report_2011_cover_dupchars.pdf"
    if not path.exists():
        pytest.skip("absent")
    monkeypatch.setenv("CEF_CACHE_DIR", str(tmp_path))
    doc = read_document(path)
    assert doc.status == "ok"
    assert "安徽安利合成革股份有限公司" in doc.text
    assert "2011 年年度报告" in doc.text and "股票代码：300218" in doc.text  # the space is printed
    assert "安安" not in doc.text and "ANHUI ANLI ARTIFICIAL LEATHER CO.,LTD." in doc.text


def test_scan_with_ocr_layer_is_read_as_text(tmp_path, monkeypatch):
    path = PDFS / "zh_pdf_fida_auditor_letter_2016_scan_ocr.pdf"
    if not path.exists():
        pytest.skip("absent")
    monkeypatch.setenv("CEF_CACHE_DIR", str(tmp_path))
    doc = read_document(path)
    assert doc.status == "ok" and doc.pages == 6
    assert "上海证券交易所" in doc.text
    assert "截至2015年12月31日" in _ws(doc.text)
