"""PDF reader on small PDFs made here with known text: reading order across columns, running headers and page
numbers dropped, wrapped lines joined (CJK without a space, English with one, hyphenated words rejoined),
page boundaries, and the statuses of PDFs that cannot be read."""
from __future__ import annotations

import re

import pytest

from pipeline.documents.pdf_furniture import is_page_number
from pipeline.documents.pdf_paragraphs import join_lines
from pipeline.documents.reader import read_document
from tests.tables import pdfgen


@pytest.fixture(autouse=True)
def _cache(tmp_path, monkeypatch):
    monkeypatch.setenv("CEF_CACHE_DIR", str(tmp_path / "cache"))


@pytest.fixture(scope="module")
def two_col(tmp_path_factory):
    path = tmp_path_factory.mktemp("pdf") / "two_col.pdf"
    paras = pdfgen.two_column_english(path)
    return path, paras


def _read(path):
    doc = read_document(path)
    assert doc.status == "ok", doc.error
    return doc


def test_two_columns_read_left_then_right_and_paragraphs_run_on(two_col):
    path, p = two_col
    doc = _read(path)
    # each paragraph comes back whole: Bravo crosses the column break, Charlie the page break
    for key in ("left1", "cross", "right2", "delta", "golf"):
        assert p[key] in doc.text, key
    assert doc.text.index(p["left1"]) < doc.text.index(p["cross"]) < doc.text.index(p["right2"])
    assert doc.text.index(p["delta"]) < doc.text.index(p["golf"]) < doc.text.index("Echo paragraph")


def test_hyphenated_word_rejoined_and_hyphen_before_digit_kept(two_col):
    doc = _read(two_col[0])
    assert "national economy expanded" in doc.text
    assert "econ-" not in doc.text and "econ omy" not in doc.text
    assert "national COVID-19 restrictions" in doc.text
    # a compound cut at its own hyphen keeps it when the document prints it whole elsewhere
    assert "a long-lasting relief" in doc.text and "longlasting" not in doc.text


def test_running_header_and_page_numbers_dropped(two_col):
    doc = _read(two_col[0])
    assert pdfgen.HEADER_EN not in doc.text
    assert not re.search(r"—\s*\d+\s*—", doc.text)
    assert doc.pages == 3


def test_page_starts_point_at_each_page(two_col):
    doc = _read(two_col[0])
    assert doc.page_starts[0] == 0
    assert doc.text.startswith("A Study of Test Economies")
    # page 2 starts inside Charlie (the paragraph runs on): its first word on page 2 is `where`
    assert doc.text[doc.page_starts[1]:].startswith("where its last words")
    assert doc.text[doc.page_starts[2]:].startswith("Foxtrot closes")
    assert doc.page_of(doc.text.index("12.5 percent")) == 2
    assert doc.page_of(doc.text.index("3.5 billion")) == 1


def test_cjk_lines_join_without_space_and_number_meets_its_unit(tmp_path):
    path = tmp_path / "zh.pdf"
    p = pdfgen.chinese_wrapped(path)
    doc = _read(path)
    assert "增加值达到12.5亿元，同比增长8.2%" in doc.text
    assert p["para1"] in doc.text and p["para2"] in doc.text
    assert pdfgen.HEADER_ZH not in doc.text and "— 1 —" not in doc.text
    assert doc.text[doc.page_starts[1]:] == "第二页的正文没有数字。"
    assert doc.pages == 2 and doc.lang == "zh-Hans"


def test_encrypted_pdf_gets_its_status(tmp_path):
    path = tmp_path / "enc.pdf"
    pdfgen.encrypted(path)
    doc = read_document(path)
    assert doc.status == "encrypted" and doc.text == "" and "encrypted" in doc.error


def test_truncated_pdf_is_unreadable_not_a_crash(tmp_path):
    whole = tmp_path / "whole.pdf"
    pdfgen.ruled_table(whole)
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    doc = read_document(cut)
    assert doc.status == "unreadable" and doc.error


def test_pdf_without_text_layer(tmp_path):
    path = tmp_path / "scan.pdf"
    pdfgen.image_only(path)
    doc = read_document(path)
    assert doc.status == "no_text_layer"
    assert "2 pages" in doc.error


def _zero(data: bytes, at: int, n: int = 200) -> bytes:
    """`n` zero bytes over `data[at:]`: a damaged disk block in the middle of the file, while the
    cross-reference table at its end stays intact."""
    return data[:at] + b"\0" * n + data[at + n:]


def _object_at(data: bytes, ref: str) -> int:
    """Offset of the object a reference names (`/Contents 8 0 R` → where `8 0 obj` starts)."""
    objid = re.search(ref.encode(), data).group(1).decode()
    return data.index(f"\n{objid} 0 obj".encode()) + 1


@pytest.mark.parametrize("what,where,cause", [
    # the page's content stream: pdfminer reads the page as blank and only logs a warning
    ("content stream", lambda d: _object_at(d, r"/Contents (\d+) 0 R"), "its content stream"),
    # inside the Chinese font's dictionary: its glyphs lose their mapping, nothing reads as text
    ("font", lambda d: d.index(b"/Registry") + 4, "its font F2"),
    # the page object itself: the page tree lists no page
    ("page", lambda d: _object_at(d, r"/Kids \[ (\d+) 0 R"), "page tree"),
    # inside the page's dictionary: walking the page tree raises (a reader failure, status `error`, before)
    ("page dictionary", lambda d: d.index(b"/Trans ") + len(b"/Trans "), "page tree cannot be read"),
])
def test_pdf_with_corrupted_bytes_is_unreadable_not_a_scan(tmp_path, what, where, cause):
    whole = tmp_path / "whole.pdf"
    pdfgen.ruled_table(whole)
    data = whole.read_bytes()
    at = where(data)
    assert 0.05 < at / len(data) < 0.95  # in the middle of the file
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(_zero(data, at))
    doc = read_document(broken)
    assert doc.status == "unreadable", (what, doc.status, doc.error)
    assert doc.error.startswith("PDF is corrupt: ") and cause in doc.error, doc.error
    assert "scan" not in doc.error and doc.text == ""


def test_garbage_with_pdf_suffix(tmp_path):
    path = tmp_path / "x.pdf"
    path.write_bytes(b"this is not a pdf at all")
    assert read_document(path).status == "unreadable"


@pytest.mark.parametrize("text", ["— 3 —", "3", "- 12 -", "5 / 124", "第 3 页", "第3页 共10页", "Page 2 of 10", "iv"])
def test_page_number_patterns(text):
    assert is_page_number(text)


@pytest.mark.parametrize("text", ["2021年年度报告", "3.5 billion", "mild", "第一节 重要提示", "(1) Regional"])
def test_not_page_numbers(text):
    assert not is_page_number(text)


def test_join_lines_rules():
    assert join_lines("增加值达到12.5", "亿元，同比", cjk=True) == "增加值达到12.5亿元，同比"
    assert join_lines("the regional econ-", "omy grew", cjk=False) == "the regional economy grew"
    vocab = {"well-known", "the"}
    assert join_lines("the well-", "known index", cjk=False, vocab=vocab) == "the well-known index"
    assert join_lines("the econ-", "omy", cjk=False, vocab=vocab) == "the economy"
    assert join_lines("the COVID-", "19 wave", cjk=False) == "the COVID-19 wave"
    assert join_lines("grew by 480.6", "billion RMB", cjk=False) == "grew by 480.6 billion RMB"
    # CJK typesetting wraps anywhere, also inside a number
    assert join_lines("增加值1749.", "6亿元", cjk=True) == "增加值1749.6亿元"


def test_metadata_title_that_is_a_file_name_is_not_the_title():
    from pathlib import Path

    from pipeline.documents.pdf import _title

    p = Path("raw/000_201a966a08c069d6.pdf")
    assert _title("000_201a966a08c069d6", p) is None
    assert _title("Microsoft Word - 年报.docx", p) is None
    assert _title("report2021", p) is None
    assert _title("贵州茅台酒股份有限公司2021年年度报告", p) == "贵州茅台酒股份有限公司2021年年度报告"
    assert _title("Research on Advanced Manufacturing Policy", p) == "Research on Advanced Manufacturing Policy"


def test_glyphs_without_unicode_mapping_are_not_text():
    from pipeline.documents.pdf import _unmapped

    assert _unmapped("(cid:1234)") and _unmapped("\ue001") and _unmapped("\ufffd")
    assert not _unmapped("营") and not _unmapped("a") and not _unmapped(" ")


def test_three_columns_are_read_one_after_another(tmp_path):
    path = tmp_path / "three.pdf"
    paras = pdfgen.three_columns(path)
    doc = _read(path)
    # (one page: its running header cannot be told from a title, but its page number can)
    positions = [doc.text.find(p) for p in ["Three Columns of Invented News", *paras]]
    assert all(p >= 0 for p in positions), doc.text
    assert positions == sorted(positions)
    assert "— 1 —" not in doc.text


def test_a_page_that_breaks_costs_only_that_page(tmp_path, monkeypatch):
    from pipeline.documents import pdf as pdf_mod

    path = tmp_path / "zh.pdf"
    pdfgen.chinese_wrapped(path)
    real = pdf_mod.read_page

    def flaky(page):
        if page.page_number == 2:
            raise ValueError("damaged content stream")
        return real(page)

    monkeypatch.setattr(pdf_mod, "read_page", flaky)
    doc = _read(path)
    assert doc.pages == 2
    assert "12.5亿元" in doc.text and doc.text[doc.page_starts[1]:] == ""
