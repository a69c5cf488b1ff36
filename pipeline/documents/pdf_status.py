"""Why a PDF yields no text, told apart: a corrupt file (`unreadable`), a scan or drawing without a text layer
(`no_text_layer`), glyphs without a Unicode mapping (`no_text_layer`), or blank pages.

pdfminer reads a page whose content stream is damaged as a blank page and only logs a warning, so "no text" alone
would call a corrupt file a scan. Each page read therefore records what of its own objects could not be read
(`damage`) and how many non-text objects it shows (`graphics`: images, lines, rectangles, curves)."""
from __future__ import annotations

from pdfminer.pdftypes import PDFObjRef, PDFStream, resolve1


class PdfReadError(Exception):
    """A PDF that cannot be read; `status` says how (encrypted, unreadable, no_text_layer)."""

    def __init__(self, status: str, message: str):
        super().__init__(message)
        self.status = status


def corrupt(cause: str) -> PdfReadError:
    return PdfReadError("unreadable", f"PDF is corrupt: {cause}")


def _ref(obj) -> str:
    return f" (object {obj.objid})" if isinstance(obj, PDFObjRef) else ""


def _broken(obj, depth: int, seen: set) -> str | None:
    """What is broken under `obj` (dicts, arrays, stream dictionaries, `depth` references deep): a reference to
    an object that is gone or unparseable, or a garbled name (control bytes, as a zeroed disk block leaves)."""
    if isinstance(obj, PDFObjRef):
        if obj.objid in seen:
            return None
        seen.add(obj.objid)
        target = resolve1(obj)
        if target is None:
            return f"object {obj.objid} is missing or damaged"
        return _broken(target, depth - 1, seen) if depth > 0 else None
    if isinstance(obj, PDFStream):
        obj = obj.attrs
    items = obj.items() if isinstance(obj, dict) else enumerate(obj) if isinstance(obj, list) else ()
    for key, value in items:
        if isinstance(key, str) and any(ord(ch) < 32 for ch in key):
            return "an object is garbled (control bytes in a name)"
        if key != "Parent" and (hit := _broken(value, depth, seen)) is not None:
            return hit
    return None


def page_damage(page) -> str | None:
    """What carries the page's text but cannot be read (its content stream, a font or an object a font refers
    to is missing or garbled), or None when those objects are whole."""
    attrs = page.page_obj.attrs
    where = f"page {page.page_number}"
    try:
        contents = attrs.get("Contents")
        items = resolve1(contents)
        items = items if isinstance(items, list) else [items]
        if contents is not None and not all(isinstance(resolve1(i), PDFStream) for i in items):
            return f"{where}: its content stream{_ref(contents)} is missing or damaged"
        fonts = resolve1((resolve1(attrs.get("Resources")) or {}).get("Font")) or {}
        for name, font in fonts.items() if isinstance(fonts, dict) else ():
            if not isinstance(resolve1(font), dict):
                return f"{where}: its font {name}{_ref(font)} is missing or damaged"
            if (hit := _broken(resolve1(font), 3, set())) is not None:
                return f"{where}: its font {name}{_ref(font)}: {hit}"
    except Exception as exc:  # noqa: BLE001 - pdfminer raises many types on damaged objects
        return f"{where}: {type(exc).__name__}: {exc}"[:300]
    return None


def graphics(page) -> int:
    return sum(len(v) for k, v in page.objects.items() if k != "char")


def no_text_error(pages: list[dict]) -> PdfReadError:
    """The status and message of a PDF none of whose pages has a character of text. Damage to what carries
    the text comes first: then "no text layer" would be a guess, and the file is what is wrong."""
    n = len(pages)
    damaged = [p.get("damage") or p.get("error") for p in pages if p.get("damage") or p.get("error")]
    if damaged:
        more = f" (and {len(damaged) - 1} more of its {n} pages)" if len(damaged) > 1 else ""
        return corrupt(damaged[0] + more)
    if any(p.get("unmapped") for p in pages):
        return PdfReadError("no_text_layer", f"its {n} pages have glyphs but no Unicode mapping for them (fonts "
                                             "without ToUnicode): the text layer cannot be read")
    if not any(p.get("graphics") for p in pages):
        return PdfReadError("no_text_layer", f"none of its {n} pages has a text layer, and they show nothing "
                                             "else either (blank pages)")
    return PdfReadError("no_text_layer", f"none of its {n} pages has a text layer (a scan?)")
