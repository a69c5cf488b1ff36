"""read_document: any supported file under raw/ → Document. Never raises for bad input: the status and
error fields say what went wrong, so one bad file cannot stop the others."""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

from . import limits
from .encoding import UndecodableError, decode_bytes
from .html import read_html
from .metadata import markdown_html_body, read_metadata
from .titles import MAX_TITLE, first_line as _first_line, opening_line
from .model import FORMATS, Document, TableCell, make_doc_id
from .pdf import PAGE_SEPARATOR, PdfReadError, read_pdf
from .scan import file_sha256, outside_root
from .script import detect_lang
from .sniff import not_text




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
        return Document(doc_id=make_doc_id(rel), doc=rel, path=rel, sha256=hashlib.sha256(b"").hexdigest(),
                        bytes=0, format=FORMATS.get(path.suffix.lower(), path.suffix.lower().lstrip(".")),
                        status="unreadable",  # the target's folder is not published: it is the researcher's own file system
                        error=f"symbolic link to '{path.readlink().name}', which leads outside raw/; not followed")
    fmt = FORMATS.get(path.suffix.lower(), path.suffix.lower().lstrip("."))
    try:
        size = path.stat().st_size
        if fmt in ("txt", "md", "html") and size > limits.max_text_bytes():
            # bounded memory: the bytes are never loaded, only hashed in chunks
            return Document(doc_id=make_doc_id(rel), doc=rel, path=rel, sha256=file_sha256(path), bytes=size,
                            format=fmt, status="error", error=limits.too_big_message(size))
        data = path.read_bytes()
    except OSError as exc:  # removed, unreadable by permissions, a directory, a broken link...
        return Document(doc_id=make_doc_id(rel), doc=rel, path=rel, sha256=hashlib.sha256(b"").hexdigest(),
                        bytes=0, format=fmt, status="unreadable",
                        error=f"cannot read the file ({type(exc).__name__}: {exc.strerror or exc})")
    doc = Document(doc_id=make_doc_id(rel), doc=rel, path=rel, sha256=hashlib.sha256(data).hexdigest(),
                   bytes=len(data), format=fmt)
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
        got = _read_pdf_limited(path)
        if got.get("status"):
            doc.status, doc.error = got["status"], got["error"]
            return
        doc.text, doc.page_starts, doc.pages = got["text"], got["page_starts"], got["pages"]
        doc.tables = [TableCell(**c) for c in got["tables"]]
        _set_metadata(doc, "", got["title"] or _first_line(doc.text))
    else:
        try:
            text, doc.encoding = decode_bytes(data)
        except UndecodableError as exc:
            doc.status, doc.error = "unreadable", str(exc)
            return
        text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
        title = None
        raw_text, doc.text = text, text
        if doc.format == "html":
            text, title, doc.tables = read_html(raw_text)
            doc.text = text
        elif doc.format in ("md", "txt") and (body := markdown_html_body(raw_text)) is not None:
            # Markdown may hold raw HTML; a blog export often holds nothing else (<p>…</p> under front matter), and a
            # page saved as .txt may be its markup (a fragment of <table>s)
            html_text, _, doc.tables = read_html(body[1])
            text, title = body[0] + html_text, None
            doc.text = text
        if reason := not_text(text):  # random bytes some encoding accepted: not a document's text
            doc.status, doc.error = "unreadable", f"{reason} (decoded as {doc.encoding})"
            doc.text, doc.encoding = "", None
            return
        _set_metadata(doc, raw_text, title or _first_line(text))
        if not text.strip():
            doc.status, doc.error = "empty", ("no text after removing markup" if doc.format == "html"
                                              else f"file holds only whitespace (decoded as {doc.encoding})")
            return
    doc.lang = detect_lang(doc.text)


def _set_metadata(doc: Document, raw_text: str, title: str | None) -> None:
    meta = read_metadata(raw_text, doc.text, doc.format, title)
    doc.title = meta.title[:MAX_TITLE] if meta.title else None
    doc.lead = None if doc.title else opening_line(doc.text)
    doc.date, doc.date_source = meta.date, meta.date_source
    doc.author, doc.publisher, doc.source_url = meta.author, meta.publisher, meta.source_url


def _read_pdf_fields(path: str) -> dict:
    """The PDF read as JSON-able fields (it may run in a worker process), or {status, error} when unreadable."""
    try:
        pdf = read_pdf(path)
    except PdfReadError as exc:
        return {"status": _pdf_status(exc), "error": str(exc) if _pdf_status(exc) == exc.status
                else "PDF is encrypted and needs a password"}
    text, starts = pdf.text_and_starts()
    return {"text": text, "page_starts": starts, "pages": len(pdf.pages), "title": pdf.title,
            "tables": [c.to_dict() for c in pdf.tables]}


def _read_pdf_limited(path: Path) -> dict:
    """PDF parsing under the per-document time and memory limits (limits.py): in a forked worker that is killed
    when the time is up. Without a time limit (CEF_DOC_TIMEOUT_S=0) or fork, in this process."""
    timeout = limits.doc_timeout_s()
    if timeout is None or not limits.can_fork():
        return _read_pdf_fields(str(path))
    try:
        return limits.run_in_worker(_read_pdf_fields, str(path), what="reading the PDF", timeout=timeout,
                                    mem_mb=limits.max_mem_mb())
    except limits.LimitExceeded as exc:
        return {"status": "error", "error": str(exc)}
    except limits.WorkerError as exc:
        return {"status": "error", "error": f"the PDF reader failed ({exc})"}


def _pdf_status(exc: PdfReadError) -> str:
    """pdfplumber wraps pdfminer's PDFPasswordIncorrect in a PdfminerException, which the PDF reader then
    reports as unreadable: look through the causes for an encryption error."""
    seen, todo = set(), [exc]
    while todo:
        e = todo.pop()
        if e is None or id(e) in seen:
            continue
        seen.add(id(e))
        if any(c.__name__ in ("PDFEncryptionError", "PDFPasswordIncorrect") for c in type(e).__mro__):
            return "encrypted"
        todo += [e.__cause__, e.__context__, *(a for a in getattr(e, "args", ()) if isinstance(a, BaseException))]
    return exc.status
