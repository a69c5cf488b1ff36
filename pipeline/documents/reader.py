"""read_document: any supported file under raw/ → Document. Never raises for bad input: the status and
error fields say what went wrong, so one bad file cannot stop the others."""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

from .encoding import UndecodableError, decode_bytes
from .html import html_to_text
from .model import FORMATS, Document, make_doc_id
from .pdf import PAGE_SEPARATOR, PdfReadError, read_pdf
from .scan import outside_root
from .script import detect_lang

MAX_TITLE = 200


def supported(path: Path) -> bool:
    return path.suffix.lower() in FORMATS


def read_document(path: Path | str, raw_root: Path | str | None = None) -> Document:
    path = Path(path)
    root = Path(raw_root) if raw_root is not None else path.parent
    try:
        rel = path.relative_to(root).as_posix()
    except ValueError:
        rel = path.name
    if path.is_symlink() and outside_root(path, root):
        return Document(doc_id=make_doc_id(rel), doc=path.name, path=rel, sha256=hashlib.sha256(b"").hexdigest(),
                        bytes=0, format=FORMATS.get(path.suffix.lower(), path.suffix.lower().lstrip(".")),
                        status="unreadable", error=f"symbolic link to {path.readlink()} leads outside raw/; not followed")
    data = path.read_bytes()
    doc = Document(doc_id=make_doc_id(rel), doc=path.name, path=rel, sha256=hashlib.sha256(data).hexdigest(),
                   bytes=len(data), format=FORMATS.get(path.suffix.lower(), path.suffix.lower().lstrip(".")))
    try:
        _fill(doc, path, data)
    except Exception as exc:  # a reader bug must still leave a row that names it
        doc.status, doc.error = "error", f"{type(exc).__name__}: {exc}"
    return doc


def _fill(doc: Document, path: Path, data: bytes) -> None:
    if doc.format not in FORMATS.values():
        doc.status, doc.error = "unreadable", f"unsupported file type '{path.suffix or '(none)'}'"
        return
    if not data.strip():
        doc.status, doc.error = "empty", "file is empty" if not data else "file holds only whitespace"
        return
    if doc.format == "pdf":
        try:
            pdf = read_pdf(path)
        except PdfReadError as exc:
            doc.status, doc.error = exc.status, str(exc)
            return
        doc.text, doc.page_starts = pdf.text_and_starts()
        doc.pages, doc.tables = len(pdf.pages), pdf.tables
        doc.title = pdf.title or _first_line(doc.text)
    else:
        try:
            text, doc.encoding = decode_bytes(data)
        except UndecodableError as exc:
            doc.status, doc.error = "unreadable", str(exc)
            return
        text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
        title = None
        if doc.format == "html":
            text, title = html_to_text(text)
        doc.text = text
        doc.title = title or _first_line(text)
        if not text.strip():
            doc.status, doc.error = "empty", "no text after decoding" + (" and removing markup" if doc.format == "html" else "")
            return
    doc.lang = detect_lang(doc.text)


# Saved web pages open with site furniture (copyright lines, source and date stamps, links) before the title.
_BOILERPLATE = re.compile(r"copyright|all rights reserved|版權所有|版权所有|^(來源|来源|發布|发布|日期|作者)\s*[:：]|https?://|www\.|"
                          r"^[\d\s:：/.\-年月日]+$", re.I)
_H1 = re.compile(r"^# +(\S.{3,})$", re.M)


def _first_line(text: str) -> str | None:
    """A Markdown level-1 heading near the top if there is one (papers often open with a banner line), else the
    first line with some substance."""
    if h1 := _H1.search(text[:5000]):
        return h1.group(1).strip()[:MAX_TITLE]
    for line in text.splitlines()[:40]:
        line = re.sub(r"^[#>*\s]+|[*\s]+$", "", line)
        if len(line) >= 4 and not _BOILERPLATE.search(line):
            return line[:MAX_TITLE]
    return None
