"""PDF → published text with page boundaries, and table cells, through pdfplumber.

Orchestration only: each page is read once per file content (pdf_cache) into lines in reading order
(pdf_layout) and tables; headers, footers and page numbers are then found across pages (pdf_furniture),
lines become paragraphs (pdf_paragraphs), and tables are written into the page text where they stand
(one row per line, cells separated by ' | ') so that every table fact can point at its cell in the text."""
from __future__ import annotations

import hashlib
import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pdfplumber
from pdfminer.pdfdocument import PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError

from ..tables.grid import analyse_all, render_row
from .model import TableCell
from .pdf_cache import PdfCache
from .pdf_furniture import furniture
from .pdf_layout import duplicate_chars, layout_page
from .pdf_parallel import prefetch
from .pdf_paragraphs import (PARA_SEP, _CLOSERS, _indented, _short, breaks, cjk_share, is_cjk, para_text,
                             paragraphs, vocabulary)
from .pdf_status import PdfReadError, corrupt, graphics, no_text_error, page_damage

__all__ = ["PAGE_SEPARATOR", "PdfReadError", "PdfText", "load_pages", "read_page", "read_pdf"]

PAGE_SEPARATOR = PARA_SEP


def _page_reader_version() -> str:
    """Cache key part for what a page read produces: a format number plus the source of the modules that
    produce it, so an edit to any ignores old cache entries (never misreads them) without anyone having
    to remember to bump a number."""
    here = Path(__file__).resolve().parent
    h = hashlib.sha256()
    for name in ("pdf.py", "pdf_layout.py", "pdf_status.py"):
        h.update((here / name).read_bytes())
    return f"6-{h.hexdigest()[:10]}"


READER_VERSION = _page_reader_version()
_CHAR_KEYS = ("text", "x0", "x1", "top", "bottom", "size", "upright")


@dataclass
class PdfText:
    pages: list[str]
    tables: list[TableCell] = field(default_factory=list)
    title: str | None = None
    # what joins page i to page i+1 in the published text: a paragraph that runs on is not cut in two
    joiners: list[str] = field(default_factory=list)

    def text_and_starts(self) -> tuple[str, list[int]]:
        parts, starts, pos = [], [], 0
        for i, page in enumerate(self.pages):
            starts.append(pos)
            parts.append(page)
            pos += len(page)
            if i + 1 < len(self.pages):
                sep = self.joiners[i] if i < len(self.joiners) else PAGE_SEPARATOR
                parts.append(sep)
                pos += len(sep)
        return "".join(parts), starts


def _open(path):
    try:
        return pdfplumber.open(path)
    except PDFPasswordIncorrect as exc:
        raise PdfReadError("encrypted", "PDF is encrypted and needs a password") from exc
    except (PDFSyntaxError, ValueError, TypeError, KeyError) as exc:
        raise PdfReadError("unreadable", f"not a readable PDF ({type(exc).__name__}: {exc})") from exc
    except Exception as exc:  # pdfminer raises many unrelated types on damaged files
        if "password" in str(exc).lower() or "encrypt" in type(exc).__name__.lower():
            raise PdfReadError("encrypted", f"PDF is encrypted: {exc}") from exc
        raise PdfReadError("unreadable", f"not a readable PDF ({type(exc).__name__}: {exc})") from exc


@contextmanager
def _closing(pdf):
    """Close the PDF without letting the close mask what reading found: pdfplumber's close walks the page tree
    again, and on a damaged tree that raises a second, less telling error."""
    try:
        yield pdf
    finally:
        try:
            pdf.close()
        except Exception:  # noqa: BLE001
            if not getattr(pdf, "stream_is_external", True):
                pdf.stream.close()


# a cell of this many stacked numbers, one per line, is a column of rows the ruling did not separate
_STACKED = 3
_STACKED_NUMBER = re.compile(r"[-−+]?[0-9][0-9,，]*(?:\.[0-9]+)?%?")


def _column_frame(rows: list[list[str | None]]) -> bool:
    """A frame drawn around some columns of a table that has no rules between its rows: its one body row holds
    every row's number stacked in one cell (1577693 / 242158 / 26073 …) while the row labels and the other
    columns stand outside it. Read as a table it would cut each line of the real table in two; left to the page's
    text lines, each line keeps its label, its unit and its numbers together."""
    for r in rows:
        for c in r:
            parts = [x.strip() for x in (c or "").split("\n") if x.strip()]
            if len(parts) >= _STACKED and all(_STACKED_NUMBER.fullmatch(x) for x in parts):
                return True
    return False


def _text_rows(page, bbox) -> dict:
    """The band of the page a column frame stands in, across the page's whole width, as one row per text line
    ('钢材 吨 1577693 48.8'): a table laid out as lines, which the extractor's text-table reader takes."""
    band = (0, max(0.0, bbox[1]), float(page.width), min(float(page.height), bbox[3]))
    lines = [ln["text"] for ln in page.crop(band).extract_text_lines(strip=True) if ln["text"].strip()]
    return {"bbox": [round(v, 2) for v in band], "rows": [[ln] for ln in lines], "lines": True}


_FIGURE = r"\(?-?[0-9][0-9,]*(?:\.[0-9]+)?\)?%?"
ROWS_BELOW_MAX = 60


def _rows_below_header(page, bbox, rows: list[list[str | None]]):
    """A ruled header with no figures under it (| 2016 | 2015 / | RMB'000 | RMB'000) whose body is set as plain
    lines below it ('Cash and bank balances 8,602,758 6,247,028'): each following line that ends with one figure
    per column is a row of the table, its label in the first column. Returns the table's bbox and rows."""
    width = max(len(r) for r in rows)
    if width < 2 or any(re.fullmatch(_FIGURE, (c or "").strip()) and not _YEAR.fullmatch((c or "").strip())
                        for r in rows for c in r):
        return bbox, rows
    # (a header with no label column over its figures gets one: the rows' labels stand left of it)
    labelled = all(not (r[0] or "").strip() for r in rows)
    figures = width - 1 if labelled else width
    row_rx = re.compile(rf"(?P<label>.*?\S)[ \t]+(?P<figs>{_FIGURE}(?:[ \t]+{_FIGURE}){{{figures - 1}}})$")
    below = (0, bbox[3], float(page.width), float(page.height))
    extra, bottom = [], bbox[3]
    for ln in page.crop(below).extract_text_lines(strip=True)[:ROWS_BELOW_MAX]:
        m = row_rx.fullmatch(ln["text"].strip())
        if not m or _YEAR.fullmatch(m.group("figs").split()[0]):
            break
        extra.append([m.group("label")] + m.group("figs").split())
        bottom = ln["bottom"] + 0.5
    if not extra:
        return bbox, rows
    head = rows if labelled else [[""] + list(r) for r in rows]
    return (0.0, bbox[1], float(page.width), bottom), head + extra


_YEAR = re.compile(r"(?:19|20)[0-9]{2}")


def read_page(page) -> dict:
    """One pdfplumber page → JSON-able lines in reading order and raw table rows."""
    # glyphs without a Unicode mapping come out as "(cid:123)" or private-use code points: noise, not text
    drop = duplicate_chars(page.chars) | {id(c) for c in page.chars if _unmapped(c["text"])}
    unmapped = sum(1 for c in page.chars if _unmapped(c["text"]))
    p = page.filter(lambda o: o.get("object_type") != "char" or id(o) not in drop) if drop else page
    tables = []
    for t in p.find_tables():
        rows = t.extract()
        if _column_frame(rows):
            tables.append(_text_rows(p, t.bbox))
        # one ruled row counts too: it is often a header the page break cut from its table
        elif max(len(r) for r in rows) >= 2 and sum(1 for r in rows for c in r if c and c.strip()) >= 2:
            bbox, rows = _rows_below_header(p, t.bbox, rows)
            tables.append({"bbox": [round(v, 2) for v in bbox], "rows": rows})

    def outside(c):
        cx, cy = (c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2
        return not any(b[0] <= cx <= b[2] and b[1] <= cy <= b[3] for b in (t["bbox"] for t in tables))

    chars = [{k: c[k] for k in _CHAR_KEYS} for c in p.chars if outside(c)]
    lines = layout_page(chars, float(p.width), tables, float(p.height))
    for ln in lines:
        for k in ("x0", "x1", "top", "bottom", "left", "right"):
            ln[k] = round(float(ln[k]), 2)
    out = {"width": float(p.width), "height": float(p.height), "chars": len(p.chars), "unmapped": unmapped,
           "graphics": graphics(p), "lines": lines, "tables": tables}
    damage = page_damage(page)
    if damage:
        out["damage"] = damage
    return out


def _unmapped(text: str) -> bool:
    return text.startswith("(cid:") or any(0xE000 <= ord(ch) <= 0xF8FF or ch == "\ufffd" for ch in text)


def load_pages(path, cache_dir=None, only: set[int] | None = None) -> tuple[list[dict], str | None]:
    """Per-page reads of a PDF, from the cache when this content was read before by this reader version.
    `only` (1-based page numbers) reads just those pages and leaves the others empty, keeping page numbers:
    for tests and samples of long documents."""
    data = Path(path).read_bytes()
    cache = PdfCache(hashlib.sha256(data).hexdigest(), READER_VERSION, cache_dir)
    meta = cache.meta()
    if meta is not None:
        pages = [cache.page(n) if only is None or n in only else _EMPTY for n in range(1, meta["pages"] + 1)]
        if all(p is not None for p in pages):
            return pages, meta.get("title")
    pdf = _open(path)
    with _closing(pdf):
        try:
            count = len(pdf.pages)
        except Exception as exc:  # noqa: BLE001 - the page tree itself is damaged
            if "password" in str(exc).lower():
                raise PdfReadError("encrypted", f"PDF is encrypted: {exc}") from exc
            raise corrupt(f"its page tree cannot be read ({type(exc).__name__}: {exc})"[:300]) from exc
        wanted = [n for n in range(1, count + 1) if only is None or n in only]
        prefetch(path, [n for n in wanted if cache.page(n) is None], cache, read_page)
        pages = []
        try:
            for n, page in enumerate(pdf.pages, 1):
                if only is not None and n not in only:
                    pages.append(_EMPTY)
                    continue
                got = cache.page(n)
                if got is None:
                    try:
                        got = read_page(page)
                        cache.put_page(n, got)
                    except (RecursionError, MemoryError):
                        raise
                    except Exception as exc:  # one damaged page costs that page, not the document
                        got = dict(_EMPTY, error=f"page {n}: {type(exc).__name__}: {exc}"[:300])
                pages.append(got)
                page.close()
        except PdfReadError:
            raise
        except Exception as exc:
            if "password" in str(exc).lower():
                raise PdfReadError("encrypted", f"PDF is encrypted: {exc}") from exc
            raise PdfReadError("unreadable", f"PDF broke while reading page {len(pages) + 1} "
                                             f"({type(exc).__name__}: {exc})") from exc
        try:
            title = (pdf.metadata or {}).get("Title")
        except Exception:  # noqa: BLE001 - a damaged info dictionary costs the title, not the text
            title = None
    title = _title(title, Path(path))
    if only is None:
        cache.put_meta({"pages": len(pages), "title": title, "reader_version": READER_VERSION})
    return pages, title


_PLACEHOLDER_TITLE = re.compile(r"^microsoft (?:word|powerpoint|excel) - |\.(?:docx?|pdf|indd|xlsx?|pptx?|wps|tmp)$|"
                                r"^(?:untitled|无标题|新建)|^[A-Za-z0-9_\-.]+$", re.I)


def _title(title, path: Path) -> str | None:
    """The metadata title, unless it is a file name, a single ASCII token or a tool's placeholder: then the
    first line of the text is a better title."""
    if not isinstance(title, str) or not title.strip():
        return None
    title = title.strip()
    if title == path.stem or _PLACEHOLDER_TITLE.search(title):
        return None
    return title


_EMPTY = {"width": 0.0, "height": 1.0, "chars": 0, "lines": [], "tables": []}


def read_pdf(path, cache_dir=None, only: set[int] | None = None) -> PdfText:
    pages, title = load_pages(path, cache_dir, only)
    if not pages:
        raise corrupt("its page tree holds no readable page")
    broken = [p["error"] for p in pages if p.get("error")]
    if broken and len(broken) == len(pages):
        raise corrupt(f"no page could be read ({broken[0]})")
    if not any(p["chars"] for p in pages):
        raise no_text_error(pages)  # corrupt, a scan, unmapped glyphs or blank: pdf_status tells them apart
    drops = furniture(pages)
    vocab = vocabulary(ln["text"] for p in pages for ln in p["lines"])
    flat = [(n, t["rows"]) for n, p in enumerate(pages, 1) for t in p["tables"]]
    grids = iter(analyse_all(flat))
    cells: list[TableCell] = []
    texts, firsts, lasts = [], [], []
    for n, (page, drop) in enumerate(zip(pages, drops), 1):
        table_text = {}
        for ti in range(len(page["tables"])):
            g = next(grids)
            table_text[ti] = "\n".join(render_row(r) for r in g.rows)
            for r, row in enumerate(g.rows):
                for c, text in enumerate(row):
                    header = "" if r in g.header_rows else g.header_of(r, c)
                    cells.append(TableCell(page=n, table_index=ti, row=r, col=c, text=text, header=header,
                                           merged=g.raw[r][c] is None))
        lines = [ln for i, ln in enumerate(page["lines"]) if i not in drop]
        paras = paragraphs(lines, table_text)
        texts.append(PARA_SEP.join(para_text(p, table_text, vocab) for p in paras))
        firsts.append(paras[0][0] if paras else None)
        lasts.append(paras[-1][-1] if paras else None)
    joiners = []
    for i in range(len(texts) - 1):
        texts[i], sep = _join_pages(texts[i], texts[i + 1], lasts[i], firsts[i + 1])
        joiners.append(sep)
    return PdfText(pages=texts, tables=cells, title=title, joiners=joiners)


def _join_pages(text: str, nxt: str, last: dict | None, first: dict | None) -> tuple[str, str]:
    """A paragraph cut by the page break runs on: the next page's first line is not a new paragraph."""
    if not text or not nxt or last is None or first is None or "table" in last or "table" in first:
        return text, PAGE_SEPARATOR
    a, b = dict(last, page=True), dict(first, page=True)
    if breaks(a, b, 0.0) or _short(a, b) or _indented(b) or a["text"].endswith(_CLOSERS):
        return text, PAGE_SEPARATOR
    tail = text[text.rfind(PARA_SEP) + 2:] if PARA_SEP in text else text
    if cjk_share(tail) >= 0.3 or is_cjk(text[-1]) or is_cjk(nxt[0]):
        return text, ""
    if text.endswith("-") and text[-2:-1].isalpha() and nxt[0].islower():
        return text[:-1], ""
    return text, " "
