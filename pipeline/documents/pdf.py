"""PDF → text per page through pdfplumber. A first reader: plain page text joined with blank lines.
Reading order, headers/footers and tables are refined in this module's siblings."""
from __future__ import annotations

from dataclasses import dataclass, field

import pdfplumber
from pdfminer.pdfdocument import PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError

from .model import TableCell

PAGE_SEPARATOR = "\n\n"


class PdfReadError(Exception):
    """A PDF that cannot be read; `status` says how (encrypted, unreadable, no_text_layer)."""

    def __init__(self, status: str, message: str):
        super().__init__(message)
        self.status = status


@dataclass
class PdfText:
    pages: list[str]
    tables: list[TableCell] = field(default_factory=list)
    title: str | None = None


def read_pdf(path) -> PdfText:
    try:
        pdf = pdfplumber.open(path)
    except PDFPasswordIncorrect as exc:
        raise PdfReadError("encrypted", "PDF is encrypted and needs a password") from exc
    except (PDFSyntaxError, ValueError, TypeError, KeyError) as exc:
        raise PdfReadError("unreadable", f"not a readable PDF ({type(exc).__name__}: {exc})") from exc
    except Exception as exc:  # pdfminer raises many unrelated types on damaged files
        if "password" in str(exc).lower() or "encrypt" in type(exc).__name__.lower():
            raise PdfReadError("encrypted", f"PDF is encrypted: {exc}") from exc
        raise PdfReadError("unreadable", f"not a readable PDF ({type(exc).__name__}: {exc})") from exc
    with pdf:
        pages = []
        try:
            for page in pdf.pages:
                pages.append((page.dedupe_chars().extract_text() or "").strip())
                page.close()
        except Exception as exc:
            raise PdfReadError("unreadable", f"PDF broke while reading page {len(pages) + 1} "
                                             f"({type(exc).__name__}: {exc})") from exc
        title = (pdf.metadata or {}).get("Title")
    if not any(p.strip() for p in pages):
        raise PdfReadError("no_text_layer", f"none of its {len(pages)} pages has a text layer (a scan?)")
    return PdfText(pages=pages, title=title if isinstance(title, str) and title.strip() else None)
