"""The pages table: each PDF page's span of the published text, so any offset can be placed on its page."""
from pipeline.documents.model import Document
from pipeline.publish.frames import combine, page_rows
from pipeline.validate import release_blockers


def _pdf(doc_id: str, path: str) -> Document:
    return Document(doc_id=doc_id, doc=path, path=path, sha256=doc_id * 4, bytes=10, format="pdf", lang="en",
                    text="page one\n\npage two\n\npage three", page_starts=[0, 10, 20], pages=3)


def test_page_rows_cover_the_text_without_gaps():
    doc = _pdf("a" * 16, "a.pdf")
    rows = page_rows(doc)
    assert [(r["page"], r["char_start"], r["char_end"]) for r in rows] == [(1, 0, 10), (2, 10, 20), (3, 20, 30)]
    assert "".join(doc.text[r["char_start"]:r["char_end"]] for r in rows) == doc.text
    assert all(doc.page_of(r["char_start"]) == r["page"] for r in rows)


def test_combined_pages_are_valid_and_text_files_have_none():
    txt = Document(doc_id="b" * 16, doc="b.txt", path="b.txt", sha256="b" * 64, bytes=3, format="txt", lang="en",
                   text="abc")
    tables = combine([(_pdf("a" * 16, "a.pdf"), []), (txt, [])])
    assert tables["pages"]["doc_id"].tolist() == ["a" * 16] * 3
    assert release_blockers(tables) == {}
