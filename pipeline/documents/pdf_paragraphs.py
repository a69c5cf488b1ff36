"""Lines in reading order → paragraphs → page text.

Printed lines wrap wherever the line is full, so a sentence, a word or a number can be cut. Lines are joined
back into paragraphs (CJK without a space, English with one, a hyphen at a line end rejoins the word) and
paragraphs are separated by a blank line, as in the text versions of the same documents. A break is only
made on positive evidence (a short line, an indent, a larger gap, a change of type size), because a wrong
break separates a number from its unit while a wrong join only merges two paragraphs."""
from __future__ import annotations

import re
import unicodedata
from statistics import median

PARA_SEP = "\n\n"
_CLOSERS = tuple("。！？.!?:：;；")
_LIST_START = re.compile(r"^(?:[（(]?[一二三四五六七八九十\d]{1,3}[)）、.．]|[•·\-–—*]\s|第[一二三四五六七八九十\d]+[章节条部分])")


def is_cjk(ch: str) -> bool:
    if not ch:
        return False
    o = ord(ch)
    return (0x2E80 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0xFF00 <= o <= 0xFFEF or 0x3000 <= o <= 0x303F
            or 0x20000 <= o <= 0x2FFFF)


def cjk_share(text: str) -> float:
    letters = [c for c in text if not c.isspace() and (c.isalnum() or is_cjk(c))]
    return sum(1 for c in letters if is_cjk(c)) / len(letters) if letters else 0.0


_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")


def vocabulary(texts) -> set[str]:
    """Lower-case words and hyphenated compounds as printed inside lines (not at their ends) in a document."""
    vocab: set[str] = set()
    for t in texts:
        vocab.update(w.lower() for w in _WORD.findall(t[:-1] if t.endswith("-") else t))
    return vocab


def join_lines(a: str, b: str, cjk: bool, vocab: set[str] | None = None) -> str:
    """Join two wrapped lines of one paragraph; `cjk` says the paragraph is set in CJK, whose lines wrap at
    any character (inside a number or a Latin word too), so no space is ever implied by the wrap.

    A hyphen at a line end before a lower-case letter is a typesetter's break (econ-omy) unless the document
    prints the hyphenated compound elsewhere and never the closed word (well-known)."""
    if not a or not b:
        return a + b
    if a[-1] == "-" and len(a) > 1 and a[-2].isalpha() and b[0].islower() and not cjk:
        head = _WORD.findall(a[:-1])[-1].rsplit("-", 1)[-1].lower()
        tail = _WORD.match(b)
        tail = tail.group(0).split("-", 1)[0].lower() if tail else ""
        if vocab and f"{head}-{tail}" in vocab and f"{head}{tail}" not in vocab:
            return a + b
        return a[:-1] + b
    if cjk or is_cjk(a[-1]) or is_cjk(b[0]) or a[-1] in "-/([" or b[0] in ",.;:)]":
        return a + b
    return a + " " + b


def _first_word_width(line: dict) -> float:
    text = line["text"]
    if not text:
        return 0.0
    if is_cjk(text[0]):
        return line["size"]
    word = text.split(" ", 1)[0]
    return 0.5 * line["size"] * len(word)


def _short(a: dict, b: dict | None) -> bool:
    """`a` ends before its block's right edge by more than the next line's first word would have needed."""
    room = a["right"] - a["x1"]
    need = _first_word_width(b) if b else a["size"]
    return room > max(2.0 * a["size"], need + 0.5 * a["size"])


def _indented(b: dict) -> bool:
    return b["x0"] > b["left"] + 0.8 * b["size"]


def breaks(a: dict, b: dict, step: float) -> bool:
    """Whether line `b` starts a new paragraph after line `a` (both text lines, `b` follows `a` in reading
    order; they may be in different columns or on different pages)."""
    if abs(a["size"] - b["size"]) > 0.6:
        return True
    if _short(a, b):
        return True
    if _indented(b) and not _indented(a):
        return True
    if _indented(b) and _indented(a) and abs(a["x0"] - b["x0"]) > 0.5 * b["size"]:
        return True
    if a.get("block") == b.get("block") and "page" not in a and step and b["bottom"] - a["bottom"] > 1.2 * step:
        return True
    if _LIST_START.match(b["text"]) and a["text"].endswith(_CLOSERS):
        return True
    if _FIGURES_END.search(a["text"]):
        return True  # 'Cash and bank balances 8,602,758 6,247,028': a row of a table set as text ends there
    return False


# a line that ends with two or more figures (1,128,823 (989,957), 5.2 6.1%): a table row, never a wrapped sentence
_FIGURES_END = re.compile(r"(?:^|[ \t])\(?-?[0-9][0-9,.]*\)?%?[ \t]+\(?-?[0-9][0-9,.]*\)?%?[ \t]*$")


def line_step(lines: list[dict]) -> float:
    """The usual distance between consecutive baselines of body lines on the page (bottoms, not tops: a
    superscript raises a line's top but not its bottom)."""
    steps = [b["bottom"] - a["bottom"] for a, b in zip(lines, lines[1:])
             if "table" not in a and "table" not in b and a["block"] == b["block"] and abs(a["size"] - b["size"]) < 0.1
             and b["bottom"] > a["bottom"]]
    return median(steps) if steps else 0.0


def paragraphs(lines: list[dict], table_text: dict[int, str]) -> list[list[dict]]:
    """Group a page's lines (furniture removed) into paragraphs; a table is a paragraph of its own."""
    step = line_step(lines)
    paras: list[list[dict]] = []
    for ln in lines:
        if "table" in ln:
            if table_text.get(ln["table"]):
                paras.append([ln])
            continue
        prev = paras[-1][-1] if paras else None
        if prev is None or "table" in prev or breaks(prev, ln, step):
            paras.append([ln])
        else:
            paras[-1].append(ln)
    return paras


def para_text(para: list[dict], table_text: dict[int, str], vocab: set[str] | None = None) -> str:
    if "table" in para[0]:
        return table_text[para[0]["table"]]
    cjk = cjk_share(" ".join(ln["text"] for ln in para)) >= 0.3
    text = para[0]["text"]
    for ln in para[1:]:
        text = join_lines(text, ln["text"], cjk, vocab)
    return unicodedata.normalize("NFC", text)
