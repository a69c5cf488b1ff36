"""One PDF page's characters → lines in reading order (columns followed), as plain dicts that cache as JSON.

A line is {"text", "x0", "x1", "top", "bottom", "size", "block", "left", "right"}: `block` numbers the column
or full-width band the line sits in, `left`/`right` are that block's text edges (paragraph logic compares a line
with them). A table found on the page is a line too, {"table": i, ...}, placed where the table stands."""
from __future__ import annotations

from statistics import median

# Two glyphs further apart than this share of the font size are separate words even if the PDF drew no space
# (generators that place each word themselves leave about a space's width, 0.25 em). Between two CJK glyphs
# the bar is higher: justified CJK is letter-spaced, and a real space there is rare.
WORD_GAP = 0.18
CJK_WORD_GAP = 0.5
# A horizontal gap this many font sizes wide splits a row into segments; wider than a justified word gap,
# narrower than any column gutter seen in print.
SEGMENT_GAP = 1.2


def _rows(chars: list[dict]) -> list[list[dict]]:
    """Chars → physical rows by baseline. Columns with offset baselines stay apart because the tolerance is a
    fraction of the glyph height, not a fixed band."""
    rows: list[list[dict]] = []
    for c in sorted(chars, key=lambda c: (round(c["bottom"], 1), c["x0"])):
        tol = 0.3 * max(c["size"], 1.0)
        if rows and abs(rows[-1][-1]["bottom"] - c["bottom"]) <= tol:
            rows[-1].append(c)
        else:
            rows.append([c])
    return [sorted(r, key=lambda c: c["x0"]) for r in _attach_small(rows)]


def _attach_small(rows: list[list[dict]]) -> list[list[dict]]:
    """A row of small glyphs inside the height of a neighbouring row of larger type is a superscript or
    subscript (a footnote mark, an author's affiliation number): it belongs to that row, not a line of its own."""
    out: list[list[dict]] = []
    for i, r in enumerate(rows):
        size = max(c["size"] for c in r)
        top, bottom = min(c["top"] for c in r), max(c["bottom"] for c in r)
        host = None
        for j in (i - 1, i + 1):
            if 0 <= j < len(rows):
                o = rows[j]
                osize = max(c["size"] for c in o)
                otop, obottom = min(c["top"] for c in o), max(c["bottom"] for c in o)
                if size < 0.85 * osize and top >= otop - 0.5 * size and bottom <= obottom + 0.5 * size and \
                        (top < obottom and bottom > otop):
                    host = j
                    break
        if host is None:
            out.append(r)
        elif host < i:
            out[-1] = out[-1] + r
        else:
            rows[host] = rows[host] + r
    return out


def _segments(row: list[dict]) -> list[list[dict]]:
    segs = [[row[0]]]
    for prev, c in zip(row, row[1:]):
        gap = c["x0"] - prev["x1"]
        if gap > SEGMENT_GAP * max(prev["size"], c["size"], 1.0) and not (prev["text"] == " " and gap < 3 * c["size"]):
            segs.append([c])
        else:
            segs[-1].append(c)
    return [s for s in segs if any(ch["text"].strip() for ch in s)]


def _cjk(t: str) -> bool:
    return bool(t) and (0x2E80 <= ord(t[0]) <= 0x9FFF or 0xF900 <= ord(t[0]) <= 0xFFEF)


def _text(chars: list[dict]) -> str:
    out: list[str] = []
    prev = None
    for c in chars:
        t = c["text"]
        gap = WORD_GAP if not (_cjk(t) and _cjk(prev["text"] if prev else "")) else CJK_WORD_GAP
        if prev is not None and t != " " and prev["text"] != " " and \
                c["x0"] - prev["x1"] > gap * max(c["size"], prev["size"], 1.0):
            out.append(" ")
        out.append(t)
        prev = c
    text = "".join(out)
    while "  " in text:
        text = text.replace("  ", " ")
    return text.strip()


def _box(chars: list[dict]) -> dict:
    sizes = [c["size"] for c in chars if c["text"].strip()] or [c["size"] for c in chars]
    return {"x0": min(c["x0"] for c in chars), "x1": max(c["x1"] for c in chars),
            "top": min(c["top"] for c in chars), "bottom": max(c["bottom"] for c in chars),
            "size": round(median(sizes), 2)}


def find_gutter(rows: list[list[dict]], width: float, height: float | None = None) -> tuple[float, float] | None:
    """The empty vertical band between two text columns, or None for a single-column page. `rows` are the
    page's rows, each a list of segment boxes.

    Columns are accepted only when several rows have text on both sides of the band and the left side's lines
    run up to it (justified or nearly so): a label/value list has the band but ragged, short left lines."""
    if height:  # running headers and centred page numbers cross the gutter; they say nothing about columns
        rows = [r for r in rows if r[0]["top"] > 0.07 * height and r[0]["bottom"] < 0.93 * height]
    segs = [s for r in rows for s in r]
    if len(rows) < 6:
        return None
    lo, hi = min(s["x0"] for s in segs), max(s["x1"] for s in segs)
    span = hi - lo
    if span < 0.5 * width:
        return None
    n = int(span) + 1
    cover = [0] * n
    for s in segs:
        for x in range(int(s["x0"] - lo), min(n, int(s["x1"] - lo) + 1)):
            cover[x] += 1
    a, b = int(0.3 * span), int(0.7 * span)
    best = min(cover[a:b])
    if best > 0.25 * len(segs):
        return None
    # the widest run at that minimum inside the middle band is the gutter
    runs, start = [], None
    for x in range(a, b + 1):
        if x < b and cover[x] <= best:
            start = x if start is None else start
        elif start is not None:
            runs.append((start, x))
            start = None
    g0, g1 = max(runs, key=lambda r: r[1] - r[0])
    g0, g1 = g0 + lo, g1 + lo
    size = median(s["size"] for s in segs)
    if g1 - g0 < 0.8 * size:
        return None
    lefts, rights, crossing = [], [], 0
    for r in rows:
        sides = [side_of(s, (g0, g1)) for s in r]
        if "S" in sides:
            crossing += 1
            continue
        if "L" in sides:
            lefts.append(max(s["x1"] for s, sd in zip(r, sides) if sd == "L"))
        if "R" in sides:
            rights.append(r)
    if len(lefts) < 3 or len(rights) < 3:
        return None
    x0_left = min(min(s["x0"] for s in r if side_of(s, (g0, g1)) == "L") for r in rows
                  if "L" in [side_of(s, (g0, g1)) for s in r] and "S" not in [side_of(s, (g0, g1)) for s in r])
    full = sum(1 for x1 in lefts if x1 >= g0 - 0.25 * (g0 - x0_left))
    if full < 0.5 * len(lefts):
        return None
    if crossing > min(len(lefts), len(rights)):
        return None
    return g0, g1


def side_of(box: dict, gutter: tuple[float, float]) -> str:
    """L or R of the gutter, or S when the box spans it (most of it: a line poking into it stays in its column)."""
    g0, g1 = gutter
    q = 0.25 * (g1 - g0)
    if box["x0"] < g0 + q and box["x1"] > g1 - q:
        return "S"
    return "L" if (box["x0"] + box["x1"]) / 2 < (g0 + g1) / 2 else "R"


def layout_page(chars: list[dict], width: float, tables: list[dict] | None = None,
                height: float | None = None) -> list[dict]:
    """Chars (pdfplumber dicts, table areas already removed) → lines in reading order. `tables` are
    {"bbox": (x0, top, x1, bottom)} and come back as {"table": i} items where they stand."""
    chars = [c for c in chars if c.get("upright", True) and c["text"]]
    items: list[dict] = []
    for r in (r for r in (_segments(r) for r in _rows(chars)) if r):
        pieces = [dict(_box(s), chars=s) for s in r]
        items.append({"pieces": pieces, "top": min(p["top"] for p in pieces),
                      "bottom": max(p["bottom"] for p in pieces), "x0": min(p["x0"] for p in pieces)})
    for i, t in enumerate(tables or []):
        x0, top, x1, bottom = t["bbox"]
        items.append({"table": i, "x0": x0, "x1": x1, "top": top, "bottom": bottom})
    lines: list[dict] = []
    for blk, block in enumerate(_blocks(items, width, height)):
        for it in block:
            if "table" in it:
                lines.append({"table": it["table"], "x0": it["x0"], "x1": it["x1"], "top": it["top"],
                              "bottom": it["bottom"], "size": 0.0, "block": blk, "text": ""})
                continue
            chars_ = [c for p in it["pieces"] for c in p["chars"]]
            lines.append(dict(_box(chars_), text=_text(sorted(chars_, key=lambda c: c["x0"])), block=blk))
    _block_edges(lines)
    return [ln for ln in lines if ln["text"] or "table" in ln]


def _blocks(items: list[dict], width: float, height: float | None, depth: int = 0) -> list[list[dict]]:
    """Row items → blocks in reading order. Where a gutter splits the region, each run of rows between
    full-width rows (titles, tables across both columns) is read left side first, then right side, and each
    side is split again the same way (three or more columns); a table always ends its block."""
    gutter = find_gutter([it["pieces"] for it in items if "pieces" in it], width, height) if depth < 3 else None
    sided: list[tuple[str, dict]] = []
    for it in items:
        if gutter is None:
            sided.append(("S", it))
        elif "table" in it:
            sided.append((side_of(it, gutter), it))
        else:
            sides = [side_of(p, gutter) for p in it["pieces"]]
            if "S" in sides:
                sided.append(("S", it))
                continue
            for side in ("L", "R"):
                part = [p for p, sd in zip(it["pieces"], sides) if sd == side]
                if part:
                    sided.append((side, {"pieces": part, "top": min(p["top"] for p in part),
                                         "bottom": max(p["bottom"] for p in part), "x0": part[0]["x0"]}))
    sided.sort(key=lambda x: (x[1]["top"], x[1]["x0"]))
    blocks: list[list[dict]] = []
    band: list[dict] = []
    section: list[tuple[str, dict]] = []

    def close_band():
        if band:
            blocks.append(list(band))
            band.clear()

    def close_section():
        for side in ("L", "R"):
            part = [it for sd, it in section if sd == side]
            if part:
                x0 = min(it["x0"] for it in part)
                x1 = max(it.get("x1", 0) if "table" in it else max(p["x1"] for p in it["pieces"]) for it in part)
                blocks.extend(_blocks(part, x1 - x0, None, depth + 1))
        section.clear()

    for side, it in sided:
        if side == "S":
            close_section()
            if "table" in it:
                close_band()
                blocks.append([it])
            else:
                band.append(it)
        else:
            close_band()
            section.append((side, it))
    close_section()
    close_band()
    return blocks


def _block_edges(lines: list[dict]) -> None:
    """Each line learns its block's left and right text edge: robust to one stray long or short line."""
    by_block: dict[int, list[dict]] = {}
    for ln in lines:
        if "table" not in ln:
            by_block.setdefault(ln["block"], []).append(ln)
    for blk, lns in by_block.items():
        x0s = sorted(round(ln["x0"], 1) for ln in lns)
        x1s = sorted(round(ln["x1"], 1) for ln in lns)
        left = x0s[len(x0s) // 5] if len(x0s) >= 5 else x0s[0]
        right = x1s[-(len(x1s) // 5) - 1] if len(x1s) >= 5 else x1s[-1]
        for ln in lns:
            ln["left"], ln["right"] = left, right
    for ln in lines:
        ln.setdefault("left", ln["x0"])
        ln.setdefault("right", ln["x1"])


def duplicate_chars(chars: list[dict], tol: float = 1.0) -> set[int]:
    """ids of glyphs printed again on top of an identical glyph (fake bold, some cover pages print each
    glyph two to four times). Same job as pdfplumber's dedupe_chars, in linear time through a position grid."""
    seen: dict[tuple, list[dict]] = {}
    dups: set[int] = set()
    for c in chars:
        key = (c["text"], round(c["size"], 1), int(c["x0"] // tol), int(c["top"] // tol))
        hit = False
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                for o in seen.get((key[0], key[1], key[2] + dx, key[3] + dy), ()):
                    if abs(o["x0"] - c["x0"]) <= tol and abs(o["top"] - c["top"]) <= tol:
                        hit = True
                        break
        if hit:
            dups.add(id(c))
        else:
            seen.setdefault(key, []).append(c)
    return dups
