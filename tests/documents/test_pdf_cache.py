"""PDFs are parsed once per content hash: the second read of the same bytes comes from the per-page JSON cache
without opening the PDF, gives the same text, and a new reader version ignores old entries."""
from __future__ import annotations

import json

import pytest

from pipeline.documents import pdf as pdf_mod
from pipeline.documents.pdf import READER_VERSION, read_pdf
from pipeline.documents.pdf_cache import ENV_VAR, PdfCache, cache_root
from tests.tables import pdfgen


@pytest.fixture
def table_pdf(tmp_path):
    path = tmp_path / "t.pdf"
    pdfgen.ruled_table(path)
    return path


def test_second_read_comes_from_cache(table_pdf, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    first = read_pdf(table_pdf, cache_dir=cache)
    files = sorted(p.name for p in next(cache.iterdir()).iterdir())
    assert files == ["meta.json", "page-00001.json"]
    assert next(cache.iterdir()).name.endswith(f".v{READER_VERSION}")

    def no_open(*a, **k):
        raise AssertionError("the PDF was opened again")

    monkeypatch.setattr(pdf_mod.pdfplumber, "open", no_open)
    second = read_pdf(table_pdf, cache_dir=cache)
    assert second.pages == first.pages
    assert second.tables == first.tables


def test_cache_is_json_and_keyed_by_content(table_pdf, tmp_path):
    import hashlib

    cache = tmp_path / "cache"
    read_pdf(table_pdf, cache_dir=cache)
    sha = hashlib.sha256(table_pdf.read_bytes()).hexdigest()
    page = json.loads((cache / f"{sha}.v{READER_VERSION}" / "page-00001.json").read_text(encoding="utf-8"))
    assert page["tables"][0]["rows"][1][:2] == ["营业收入", "1,234.56"]
    # a copy under another name is the same content: no new entry
    copy = tmp_path / "copy.pdf"
    copy.write_bytes(table_pdf.read_bytes())
    read_pdf(copy, cache_dir=cache)
    assert len(list(cache.iterdir())) == 1


def test_cache_is_deterministic(table_pdf, tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    read_pdf(table_pdf, cache_dir=a)
    read_pdf(table_pdf, cache_dir=b)
    fa = {p.relative_to(a): p.read_bytes() for p in a.rglob("*.json")}
    fb = {p.relative_to(b): p.read_bytes() for p in b.rglob("*.json")}
    assert fa == fb


def test_other_reader_version_is_not_reused(table_pdf, tmp_path):
    """The version includes the source of the page reader: an edit to it starts a new cache."""
    cache = tmp_path / "cache"
    read_pdf(table_pdf, cache_dir=cache)
    sha = next(cache.iterdir()).name.split(".v")[0]
    old = PdfCache(sha, "5", cache)
    assert old.meta() is None and old.page(1) is None


def test_cache_dir_from_env(monkeypatch, tmp_path):
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "elsewhere"))
    assert cache_root() == tmp_path / "elsewhere"
    monkeypatch.delenv(ENV_VAR)
    assert cache_root().parts[-3:] == ("warehouse", "cache", "pdf")


def test_corrupt_cache_entry_is_reread(table_pdf, tmp_path):
    cache = tmp_path / "cache"
    first = read_pdf(table_pdf, cache_dir=cache)
    page = next(next(cache.iterdir()).glob("page-*.json"))
    page.write_text("{not json", encoding="utf-8")
    assert read_pdf(table_pdf, cache_dir=cache).pages == first.pages


def test_pages_read_in_parallel_workers_give_the_same_result(tmp_path, monkeypatch):
    from pipeline.documents import pdf_parallel

    path = tmp_path / "two.pdf"
    pdfgen.two_column_english(path)
    alone = read_pdf(path, cache_dir=tmp_path / "a")
    monkeypatch.setattr(pdf_parallel, "MIN_PAGES", 1)
    monkeypatch.setenv(pdf_parallel.ENV_VAR, "2")
    if pdf_parallel.workers() < 2:
        pytest.skip("one CPU")
    together = read_pdf(path, cache_dir=tmp_path / "b")
    assert together.pages == alone.pages and together.joiners == alone.joiners
    a = {p.name: p.read_bytes() for p in (tmp_path / "a").rglob("page-*.json")}
    b = {p.name: p.read_bytes() for p in (tmp_path / "b").rglob("page-*.json")}
    assert a == b and len(a) == 3


def test_a_complete_entry_replaces_other_versions_of_the_same_content(table_pdf, tmp_path):
    import hashlib

    cache = tmp_path / "cache"
    sha = hashlib.sha256(table_pdf.read_bytes()).hexdigest()
    stale = PdfCache(sha, "0-old", cache)
    stale.put_page(1, {"stale": True})
    unrelated = PdfCache("f" * 64, "0-old", cache)
    unrelated.put_page(1, {"other": True})
    read_pdf(table_pdf, cache_dir=cache)
    assert sorted(p.name for p in cache.iterdir()) == sorted([f"{sha}.v{READER_VERSION}", f"{'f' * 64}.v0-old"])
