"""Reading text files: encodings, scripts, HTML, titles — with texts of our own in all three scripts."""
from pathlib import Path

import pytest

from pipeline.documents import read_document
from pipeline.documents.encoding import UndecodableError, decode_bytes
from pipeline.documents.html import html_to_text
from pipeline.documents.script import detect_lang

HANS = "二〇二三年全市地区生产总值达到一千二百亿元，比上年增长百分之五点二。工业增加值增长较快，服务业比重继续提高。"
HANT = "2023年全市地區生產總值達到一千二百億元，比上年增長百分之五點二。工業增加值增長較快，服務業比重繼續提高。"
EN = "In 2023 the city's gross domestic product reached 120 billion yuan, up 5.2 percent on the previous year."


@pytest.mark.parametrize("text,lang", [(HANS, "zh-Hans"), (HANT, "zh-Hant"), (EN, "en"),
                                       (EN + " 北京", "en"), (HANS + " GDP 2023", "zh-Hans")])
def test_script_detection(text, lang):
    assert detect_lang(text) == lang


@pytest.mark.parametrize("encoding,text", [("utf-8", HANS), ("gb18030", HANS), ("gbk", HANS), ("big5", HANT),
                                           ("utf-16", HANT), ("utf-8-sig", HANT)])
def test_chinese_encodings_decode_exactly(encoding, text):
    decoded, name = decode_bytes(text.encode(encoding))
    assert decoded.lstrip("\ufeff") == text
    assert name  # the detected encoding is recorded


def test_short_gbk_and_big5_are_not_mistaken_for_korean_or_japanese():
    # charset-normalizer alone guesses cp949 / shift_jis for strings this short
    assert decode_bytes("服务业增加值".encode("gbk")) == ("服务业增加值", "gb18030")
    assert decode_bytes("服務業增加值突破".encode("big5"))[0] == "服務業增加值突破"


def test_binary_bytes_are_undecodable():
    with pytest.raises(UndecodableError, match="binary"):
        decode_bytes(bytes(range(256)) * 4)


def test_html_drops_scripts_styles_and_decodes_entities():
    html = ("<html><head><title>Budget &amp; Plan</title><style>p{color:red}</style></head><body>"
            "<script>var x = 42;</script><p>Revenue rose to 3&nbsp;billion yuan &lt;est.&gt;</p>"
            "<div>收入增长&#20116;%</div></body></html>")
    text, title = html_to_text(html)
    assert title == "Budget & Plan"
    assert "var x" not in text and "color" not in text
    assert "Revenue rose to 3 billion yuan <est.>" in text
    assert "收入增长五%" in text


def test_read_document_txt_records_encoding_lang_and_crlf(tmp_path: Path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "報告.txt").write_bytes(("標題\r\n" + HANT + "\r\n").encode("big5"))
    doc = read_document(raw / "報告.txt", raw)
    assert (doc.status, doc.encoding, doc.lang) == ("ok", "big5", "zh-Hant")
    assert "\r" not in doc.text and doc.text.startswith("標題\n")
    assert doc.path == "報告.txt" and len(doc.doc_id) == 16 and doc.page_starts == []


def test_markdown_title_is_first_heading(tmp_path: Path):
    (tmp_path / "a.md").write_text("# Regional output in 2023\n\nOutput grew 5%.\n", encoding="utf-8")
    doc = read_document(tmp_path / "a.md", tmp_path)
    assert doc.title == "Regional output in 2023" and doc.format == "md"


def test_empty_and_unsupported_files_get_a_status(tmp_path: Path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n\t\n")
    (tmp_path / "sheet.xlsx").write_bytes(b"PK\x03\x04")
    assert read_document(tmp_path / "empty.txt").status == "empty"
    blank = read_document(tmp_path / "blank.txt")
    assert blank.status == "empty" and "whitespace" in blank.error
    other = read_document(tmp_path / "sheet.xlsx")
    assert other.status == "unreadable" and ".xlsx" in other.error


def test_page_of_maps_offsets_to_pages():
    from pipeline.documents.model import Document

    doc = Document(doc_id="x", doc="x.pdf", path="x.pdf", sha256="0" * 64, bytes=1, format="pdf",
                   text="aaaa\n\nbbbb\n\ncc", page_starts=[0, 6, 12])
    assert [doc.page_of(i) for i in (0, 5, 6, 11, 12, 13)] == [1, 1, 2, 2, 3, 3]


@pytest.mark.parametrize("lines,title", [
    (["Copyright © example.org. All Rights Reserved", "来源: 2024-01-05 09:00", "某市数字经济发展规划", "正文"], "某市数字经济发展规划"),
    (["版權所有 某某網", "發布: 2023-05-01", "某縣招商引資行動方案(2023—2025年)"], "某縣招商引資行動方案(2023—2025年)"),
    (["https://example.com/news/1", "2024-03-01", "Port throughput hits record"], "Port throughput hits record"),
])
def test_title_skips_web_page_furniture(tmp_path: Path, lines, title):
    (tmp_path / "page.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert read_document(tmp_path / "page.txt").title == title
