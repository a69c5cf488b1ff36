"""Page furniture: running headers, footers and page numbers, found across the pages of one PDF.

A line is furniture when it sits in the top or bottom band of its page and either looks like a page number
or repeats (digits ignored) at about the same height on a good share of the pages. Body text never repeats
that way, so the rule carries over to documents not seen here."""
from __future__ import annotations

import re
from collections import defaultdict

# share of the page height, from the top and from the bottom, where headers and footers live
BAND = 0.12
# a header must recur on at least this share of the pages (odd/even headers each reach about half)
MIN_SHARE = 0.3

_DASH = r"[\s\-—–－―·•~～_|]*"
PAGE_NUMBER = re.compile(
    rf"^{_DASH}(?:"
    r"第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
    r"|(?:page|p\.?)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?"
    r"|\d{1,4}(?:\s*/\s*\d{1,4})?"
    r"|(?=[ivxlc])(?:x{0,3})(?:ix|iv|v?i{0,3})"
    rf"){_DASH}$",
    re.IGNORECASE,
)


def _key(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text)).lower()


def is_page_number(text: str) -> bool:
    return bool(PAGE_NUMBER.match(text.strip()))


def _in_band(line: dict, height: float) -> bool:
    return line["top"] < BAND * height or line["bottom"] > (1 - BAND) * height


def _edge_lines(lines: list[dict], height: float) -> list[int]:
    """Indexes of the lines that could be furniture: in a band and above (or below) all body lines."""
    text = [i for i, ln in enumerate(lines) if "table" not in ln and ln["text"]]
    by_top = sorted(text, key=lambda i: lines[i]["top"])
    out = []
    for seq in (by_top[:3], list(reversed(by_top))[:3]):
        for i in seq:
            if not _in_band(lines[i], height):
                break
            out.append(i)
    return out


def furniture(pages: list[dict]) -> list[set[int]]:
    """For each page ({"height", "lines"}), the indexes of its lines that are headers, footers or page numbers."""
    candidates = [_edge_lines(p["lines"], p["height"]) for p in pages]
    seen: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for n, (page, idx) in enumerate(zip(pages, candidates)):
        for i in idx:
            ln = page["lines"][i]
            seen[_key(ln["text"])].append((n, ln["top"] / page["height"]))
    # pages without text (blank, scanned, or not read) neither carry nor vote on furniture
    needed = max(2, round(MIN_SHARE * sum(1 for p in pages if p["lines"])))
    repeated = set()
    for key, hits in seen.items():
        if len({n for n, _ in hits}) < needed or len(key) > 120:
            continue
        tops = sorted(t for _, t in hits)
        mid = tops[len(tops) // 2]
        if sum(1 for t in tops if abs(t - mid) < 0.02) >= needed:
            repeated.add(key)
    drop = []
    for page, idx in zip(pages, candidates):
        d = set()
        for i in idx:
            text = page["lines"][i]["text"]
            if is_page_number(text) or _key(text) in repeated:
                d.add(i)
        drop.append(d)
    return drop
