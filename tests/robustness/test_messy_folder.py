"""Issue 5, items 1 and 2: a messy raw/ folder is built end to end (Dagster, in-process). Every file gets a
documents row whose status and error name the cause, the readable files are published as usual, the build
succeeds, and work on one document is bounded (size cap for text, time limit for PDF parsing and extraction)."""
from __future__ import annotations

import os

import pytest

from .conftest import (BAD_FACT, EXTRACTOR_BUG, SLOW_EXTRACT, ZH_HANS, ZH_HANT, encrypted_pdf, make_warehouse, pdf_bytes,
                       read_release, run_build)

pytestmark = pytest.mark.slow

TIMEOUT_S = 2  # CEF_DOC_TIMEOUT_S for this build: a small PDF is read in ~0.2 s, the heavy one needs ~15 s
HTML = ("<html><head><title>Report &amp; data</title><style>p { color: red } .gdp:after { content: '11%' }</style>"
        "<script>var x = 99.9; document.write('42%');</script></head><body><p>GDP grew 5.2&#37; &lt;fast&gt;"
        "&nbsp;in 2023 &mdash; exports 3.1&percnt;</p><script type='text/javascript'>alert('77%')</script>"
        "<!-- 66% in a comment --><p>Imports: 1.5%</p></body></html>")
OUTSIDE_SECRET = "outside-secret 99.9%"


def write_corpus(raw, outside_dir):
    good_pdf = pdf_bytes([ZH_HANS, "GDP grew 5.2% in 2023."])
    files = {
        "empty.txt": b"",
        "whitespace.md": b"  \n\t\r\n \xe3\x80\x80 \n",
        "binary.txt": bytes(range(256)) * 64,
        "gbk.txt": ZH_HANS.encode("gbk"),
        "gb18030.txt": (ZH_HANS + "𠀀").encode("gb18030"),  # 𠀀 is outside GBK: a 4-byte GB18030 sequence
        "big5.txt": ZH_HANT.encode("big5"),
        "utf16.txt": "\ufeff".encode("utf-16-le") + ZH_HANS.encode("utf-16-le"),
        "utf16be.md": "\ufeff".encode("utf-16-be") + ZH_HANT.encode("utf-16-be"),
        "mixed_eol.txt": b"GDP grew 5.2% in 2023.\r\nExports fell 4.6%.\rImports rose 1.1%.\nEnd of report.",
        "page.html": HTML.encode("utf-8"),
        "good.pdf": good_pdf,
        "truncated.pdf": good_pdf[: len(good_pdf) // 2],
        "encrypted.pdf": encrypted_pdf(),
        "scan.pdf": pdf_bytes([], drawing_only=True),
        "report copy.txt": b"Exports rose 7.1% in 2023.",
        "report one.txt": b"Exports rose 7.1% in 2023.",
        "北京 统计公报 2023.txt": ZH_HANS.encode("utf-8"),
        "report, final [v2].md": b"# Final\n\nRetail sales rose 3.3%.",
        "notes.docx": b"PK\x03\x04 not really a word file",
        "bug.txt": f"Growth was 4.4% ({EXTRACTOR_BUG}).".encode(),
        "bad fact.txt": f"Growth was 4.4% ({BAD_FACT}).".encode(),
        "slow small.txt": f"Growth was 4.4% ({SLOW_EXTRACT}).".encode(),
        "slow big.txt": (f"Growth was 4.4% ({SLOW_EXTRACT}).\n" * 100).encode(),
        # 130 dense pages: ~15 s for pdfplumber, far over the 2 s limit
        "heavy.pdf": pdf_bytes([ZH_HANS], pages=130, lines_per_page=70),
    }
    for name, data in files.items():
        (raw / name).write_bytes(data)
    # 50 MB of text: over the default 20 MB limit, never loaded into memory
    with open(raw / "huge.txt", "wb") as fh:
        block = ("GDP grew 5.2% in 2023. " * 4000 + "\n").encode()
        for _ in range(50 * 1024 * 1024 // len(block) + 1):
            fh.write(block)
    outside = outside_dir / "outside.txt"
    outside.write_text(OUTSIDE_SECRET)
    os.symlink(outside, raw / "link outside.txt")
    (raw / ".DS_Store").write_bytes(b"\x00\x01hidden")  # dot-files are skipped, not reported
    return sorted([*files, "huge.txt", "link outside.txt"])


@pytest.fixture(scope="module")
def built(tmp_path_factory, stub_extractor):
    tmp = tmp_path_factory.mktemp("messy")
    wh = make_warehouse(tmp)
    names = write_corpus(wh.raw, tmp)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CEF_DOC_TIMEOUT_S", str(TIMEOUT_S))
        mp.setenv("CEF_FORK_MIN_CHARS", "1000")  # "slow big.txt" (3 200 chars) is extracted in a worker
        mp.delenv("CEF_MAX_TEXT_MB", raising=False)
        ok, log = run_build(wh)
    tables = read_release(wh)
    docs = tables["documents"].set_index("path")
    return {"ok": ok, "log": log, "names": names, "docs": docs, "facts": tables["facts"], "wh": wh}


def test_build_succeeds_with_a_row_for_every_file(built):
    assert built["ok"], built["log"]
    assert sorted(built["docs"].index) == built["names"]
    assert ".DS_Store" not in built["docs"].index


CASES = [
    # path, status, words the error must contain (None: error is null)
    ("empty.txt", "empty", "file is empty"),
    ("whitespace.md", "empty", "only whitespace"),
    ("binary.txt", "unreadable", "binary content"),
    ("notes.docx", "unreadable", "unsupported file type '.docx'"),
    ("truncated.pdf", "unreadable", "not a readable PDF"),
    ("encrypted.pdf", "encrypted", "encrypted and needs a password"),
    ("scan.pdf", "no_text_layer", "none of its 1 pages has a text layer"),
    ("report one.txt", "duplicate", "same bytes as raw/report copy.txt"),
    ("link outside.txt", "unreadable", "symbolic link to 'outside.txt', which leads outside raw/; not followed"),
    ("huge.txt", "error", "exceeds the 20 MB limit for text files (CEF_MAX_TEXT_MB)"),
    ("heavy.pdf", "error", f"reading the PDF was stopped by the {TIMEOUT_S} s per-document time limit (CEF_DOC_TIMEOUT_S)"),
    ("slow small.txt", "error", f"extracting facts was stopped by the {TIMEOUT_S} s per-document time limit"),
    ("slow big.txt", "error", f"extracting facts was stopped by the {TIMEOUT_S} s per-document time limit"),
    ("bug.txt", "error", f"extracting facts failed (ValueError: stub extractor tripped on {EXTRACTOR_BUG})"),
    ("bad fact.txt", "error", "extracted facts fail the release checks, so none of this document's facts are "
                              "published (1 failures: '4.4%': isin on unit)"),
    ("gbk.txt", "ok", None),
    ("gb18030.txt", "ok", None),
    ("big5.txt", "ok", None),
    ("utf16.txt", "ok", None),
    ("utf16be.md", "ok", None),
    ("mixed_eol.txt", "ok", None),
    ("page.html", "ok", None),
    ("good.pdf", "ok", None),
    ("report copy.txt", "ok", None),
    ("北京 统计公报 2023.txt", "ok", None),
    ("report, final [v2].md", "ok", None),
]


@pytest.mark.parametrize("path,status,error", CASES, ids=[c[0] for c in CASES])
def test_status_and_error_name_the_cause(built, path, status, error):
    row = built["docs"].loc[path]
    assert row["status"] == status, row["error"]
    if error is None:
        assert row["error"] is None
    else:
        assert error in row["error"]
        assert row["n_facts"] == 0 and not (built["facts"]["doc"] == row["doc"]).any()


def test_every_case_is_covered(built):
    assert sorted(c[0] for c in CASES) == built["names"]


@pytest.mark.parametrize("path,text,encoding,lang", [
    ("gbk.txt", ZH_HANS, "gb18030", "zh-Hans"),
    ("gb18030.txt", ZH_HANS + "𠀀", "gb18030", "zh-Hans"),
    ("big5.txt", ZH_HANT, "big5", "zh-Hant"),
    ("utf16.txt", ZH_HANS, "utf-16", "zh-Hans"),
    ("utf16be.md", ZH_HANT, "utf-16", "zh-Hant"),
    ("北京 统计公报 2023.txt", ZH_HANS, "utf-8", "zh-Hans"),
])
def test_chinese_encodings_decode_exactly(built, path, text, encoding, lang):
    row = built["docs"].loc[path]
    assert (row["text"], row["encoding"], row["lang"], row["status"]) == (text, encoding, lang, "ok")
    quotes = built["facts"].loc[built["facts"]["doc"] == row["doc"], "quote"].tolist()
    assert quotes == [q for q in ("1.31%", "9.8%", "62.5%", "5.2%", "84.8%") if q in text]


def test_mixed_line_endings_become_newlines(built):
    row = built["docs"].loc["mixed_eol.txt"]
    assert row["text"] == "GDP grew 5.2% in 2023.\nExports fell 4.6%.\nImports rose 1.1%.\nEnd of report."
    assert row["n_facts"] == 3


def test_html_loses_scripts_styles_comments_and_decodes_entities(built):
    row = built["docs"].loc["page.html"]
    text = row["text"]
    assert "GDP grew 5.2% <fast> in 2023 — exports 3.1%" in text and "Imports: 1.5%" in text
    for leaked in ("99.9", "42%", "77%", "66%", "11%", "color", "alert", "document.write", "&amp;", "&lt;"):
        assert leaked not in text
    assert row["title"] == "Report & data"
    facts = built["facts"]
    assert sorted(facts.loc[facts["doc"] == "page.html", "quote"]) == ["1.5%", "3.1%", "5.2%"]


def test_same_bytes_twice_are_published_once(built):
    docs, facts = built["docs"], built["facts"]
    assert docs.loc["report copy.txt", "sha256"] == docs.loc["report one.txt", "sha256"]
    assert facts.loc[facts["quote"] == "7.1%", "doc"].tolist() == ["report copy.txt"]
    assert docs.loc["report copy.txt", "n_facts"] == 1 and docs.loc["report one.txt", "n_facts"] == 0


def test_odd_file_names_are_kept_as_written(built):
    docs, facts = built["docs"], built["facts"]
    for path in ("北京 统计公报 2023.txt", "report, final [v2].md"):
        assert docs.loc[path, "doc"] == path
        assert (facts["doc"] == path).sum() == docs.loc[path, "n_facts"] > 0
    assert "[1/" in built["log"] and "北京 统计公报 2023.txt: ok" in built["log"]


def test_symlink_out_of_raw_is_not_followed(built):
    docs = built["docs"]
    row = docs.loc["link outside.txt"]
    assert (row["bytes"], row["chars"], row["text"]) == (0, 0, "")
    assert not docs["text"].str.contains("outside-secret").any()
    assert str(built["wh"].raw.parent) not in row["error"]  # no path of the researcher's machine is published
    assert not built["facts"]["sentence"].str.contains("outside-secret").any()


def test_pdf_that_reads_is_published_with_pages(built):
    row = built["docs"].loc["good.pdf"]
    assert row["pages"] == 1 and ZH_HANS in row["text"]
    facts = built["facts"]
    pdf_facts = facts[facts["doc"] == "good.pdf"]
    assert len(pdf_facts) == row["n_facts"] >= 3 and (pdf_facts["page"] == 1).all()


def test_huge_text_is_measured_but_not_read(built):
    row = built["docs"].loc["huge.txt"]
    assert row["bytes"] > 50 * 1024 * 1024 and row["text"] == "" and len(row["sha256"]) == 64
    assert "50.0 MB" in row["error"]


def test_readable_documents_are_published_as_usual(built):
    docs = built["docs"]
    ok = docs[docs["status"] == "ok"]
    assert len(ok) == 11
    assert (ok["n_facts"] > 0).all()
    assert built["facts"]["doc"].nunique() == 11
