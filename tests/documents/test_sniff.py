"""Text that is not text (pipeline/documents/sniff.py): renamed binaries say what they are, noise says why it is
not writing, and real documents (every text document under tests/ and ../shared) still read as text."""
from __future__ import annotations

import base64
import io
import random
import zipfile
from pathlib import Path

import pytest

from pipeline.documents.encoding import UndecodableError, decode_bytes
from pipeline.documents.reader import read_document, supported
from pipeline.documents.sniff import not_text, signature

ROOT = Path(__file__).resolve().parents[2]
RNG = random.Random(15)


def _zip(*names: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for n in names:
            z.writestr(n, "<x/>")
    return buf.getvalue()


@pytest.mark.parametrize("data,what", [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF document"),
    (_zip("a.txt"), "a ZIP archive"),
    (_zip("[Content_Types].xml", "word/document.xml"), "a Word document (.docx, a ZIP archive)"),
    (_zip("[Content_Types].xml", "xl/workbook.xml"), "an Excel workbook (.xlsx, a ZIP archive)"),
    (b"PK\x03\x04" + bytes(40), "a ZIP archive"),  # damaged: still a ZIP
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "a JPEG image"),
    (b"GIF89a\x01\x00\x01\x00", "a GIF image"),
    (b"\x1f\x8b\x08\x00", "a gzip-compressed file"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a Microsoft Office 97-2003 file (Word, Excel or PowerPoint)"),
])
def test_a_renamed_binary_says_what_it_is(data, what):
    assert signature(data) == what
    with pytest.raises(UndecodableError, match=f"not text: the file is {what}".replace("(", r"\(").replace(")", r"\)")):
        decode_bytes(data)


@pytest.mark.parametrize("text", ["BMW sales in China rose 5% in 2023.", "MZ Holdings earned 3 billion yuan.",
                                  "ID3 group said", "%!important: GDP grew 5%", "RIFF in the market"])
def test_text_that_starts_like_a_weak_signature_is_text(text):
    assert signature(text.encode()) is None and decode_bytes(text.encode()) == (text, "utf-8")


def test_random_bytes_are_binary_with_control_bytes_named():
    with pytest.raises(UndecodableError, match=r"not text: binary content, \d+ control bytes \(0x00, .*NUL among"):
        decode_bytes(RNG.randbytes(20000))


@pytest.mark.parametrize("text,reason", [
    ("".join(chr(RNG.randrange(0x20, 0x7F)) for _ in range(20000)), "no words, only"),
    (base64.b64encode(RNG.randbytes(6000)).decode(), "no words, only 0 of"),
    (RNG.randbytes(4000).hex(), "no words"),
    (" ".join(str(RNG.randrange(10**6)) for _ in range(2000)), "no script, only 0 of"),
    ("GDP grew 5% in 2023. " * 20 + "\ufffd" * 40, "40 replacement characters (U+FFFD)"),
    ("GDP grew 5% in 2023. " * 20 + "\x07" * 30, "30 control characters (U+0007"),
    ("GDP grew 5% " * 10 + "\ue000" * 30, "30 unassigned or private-use code points"),
])
def test_noise_is_not_text_with_the_reason(text, reason):
    got = not_text(text)
    assert got is not None and got.startswith("not text: ") and reason in got


@pytest.mark.parametrize("text", ["2023年北京市地区生产总值达到43760.7亿元，比上年增长5.2%。", "GDP 5.2%",
                                  "第三产业比重为84.8%，don't 3.5% year-on-year", "ESC \x1b[1m bold", ""])
def test_short_and_ordinary_text_is_text(text):
    assert not_text(text) is None


def _text_documents() -> list[Path]:
    found = []
    for base in (ROOT / "tests", ROOT / "raw", ROOT.parent / "shared"):
        if base.is_dir():
            found += [p for p in base.rglob("*") if p.is_file() and supported(p) and p.suffix.lower() != ".pdf"]
    return sorted(found)


def test_every_real_text_document_still_reads_as_text():
    docs = _text_documents()
    assert len(docs) >= 36  # tests/heldout alone has 36
    rejected = {str(p): d.error for p in docs if (d := read_document(p)).status == "unreadable"}
    assert rejected == {}
