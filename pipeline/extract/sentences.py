"""Paragraphs, sentences and clauses of the working copy, as offset spans, looked up by bisection."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

_LINE = re.compile(r"[^\n]+")
_TERMINAL = re.compile(r"[.!?。！？:：;；”\"’)）」』]\s*$")
# ('[…][…]*' rather than '[…]+': a pattern that opens with a class lets the engine skip to its characters)
_ZH_END = re.compile(r"[。！？!?][。！？!?]*[”’\"」』)）]*")
# an English full stop followed by space; checked further in _is_en_boundary
# (the punctuation comes first so the engine can skip to it; the character before it is checked after)
_EN_END = re.compile(r"[.!?](?<=[a-z0-9%)\]”\"’*. ][.!?])[”\"’)]*\s+(?=[A-Z0-9“\"‘(\[*])")
_ABBREV = frozenset("mr mrs ms dr prof st no nos fig figs vol vols pp p eq al etc e.g i.e vs approx jan feb mar apr jun jul aug "
                    "sep sept oct nov dec inc ltd co corp dept art sec ch".split())
# a comma between digits (1,250) separates thousands, not clauses
_CLAUSE = re.compile(r"[，;；、:：]|,(?![0-9]{3})|\s[-—–]\s|——")
_CLAUSE_REACH = 4  # a clause mark is told by at most the four characters from its start (',' and three digits)
# a line this long that stops mid-sentence was broken by a page or column break
_BROKEN_LINE = 60


class Segments:
    """Spans of paragraphs and sentences; `clause_start` finds where the clause holding an offset begins."""

    def __init__(self, text: str):
        self.text = text
        self.paras = _paragraphs(text)
        self._pstarts = [s for s, _ in self.paras]
        self.sents: list[tuple[int, int]] = []
        cuts = _cuts(text)
        for ps, pe in self.paras:
            lo, hi = bisect_right(cuts, ps), bisect_right(cuts, pe - 1)
            self.sents.extend(_sentences(text, ps, pe, cuts[lo:hi]))
        self._sstarts = [s for s, _ in self.sents]
        self._memo: dict = {}

    def para_index(self, i: int) -> int:
        return max(0, bisect_right(self._pstarts, i) - 1)

    def sent_index(self, i: int) -> int:
        return max(0, bisect_right(self._sstarts, i) - 1)

    def para(self, i: int) -> tuple[int, int]:
        return self.paras[self.para_index(i)] if self.paras else (0, len(self.text))

    def sent(self, i: int) -> tuple[int, int]:
        return self.sents[self.sent_index(i)] if self.sents else (0, len(self.text))

    def clause_start(self, i: int) -> int:
        s, e = self.sent(i)
        if not s <= i <= e:
            return self._scan_clause_start(s, i)
        # the marks of the sentence, found once: its values would each scan it again up to themselves. A mark that
        # starts _CLAUSE_REACH or more before i is one a scan ending at i finds too; the last characters before i
        # are scanned again with the scan's end at i, as the look-ahead there cannot see past i.
        marks = self._clause_marks(s, e)
        k = bisect_right(marks, (i - _CLAUSE_REACH, len(self.text))) - 1
        last = marks[k][1] if k >= 0 else s
        return self._scan_clause_start(max(last, i - _CLAUSE_REACH + 1), i, last)

    def _scan_clause_start(self, s: int, i: int, last: int | None = None) -> int:
        last = s if last is None else last
        for m in _CLAUSE.finditer(self.text, s, i):
            last = m.end()
        return last

    def _clause_marks(self, s: int, e: int) -> list[tuple[int, int]]:
        return self.memo(("clauses", s, e), lambda: [m.span() for m in _CLAUSE.finditer(self.text, s, e)])

    def memo(self, key, compute):
        """Evidence about one sentence or paragraph that every value in it asks for (a cue word in the sentence,
        the heading above the paragraph), computed on the first ask. `key` names the evidence and its span."""
        try:
            return self._memo[key]
        except KeyError:
            got = self._memo[key] = compute()
            return got

    def clause_end(self, i: int) -> int:
        s, e = self.sent(i)
        if s <= i <= e:
            # the first of the sentence's marks at or after i, unless a mark (' - ') spans i: a search from i
            # would then start inside it
            marks = self._clause_marks(s, e)
            k = bisect_left(marks, (i, -1))
            if k == 0 or marks[k - 1][1] <= i:
                return marks[k][0] if k < len(marks) else e
        m = _CLAUSE.search(self.text, i, e)
        return m.start() if m else e


def line_matches(rx: re.Pattern, text: str):
    """rx.finditer(text) for a pattern of one whole line ((?m)^…$, never across a line break), tried at each line's
    start only: the engine would try its ^ at every character of the text."""
    start = 0
    while True:
        m = rx.match(text, start)
        if m:
            yield m
        start = text.find("\n", start) + 1
        if not start:
            return


def lines_holding(text: str, keys: re.Pattern) -> list[tuple[int, int]]:
    """The spans of the lines (between line breaks) that hold a match of `keys`, in text order: a pattern that
    never runs over a line break and whose every match holds a key need only be tried there."""
    spans, pos = [], 0
    while True:
        m = keys.search(text, pos)
        if m is None:
            return spans
        a, b = text.rfind("\n", 0, m.start()) + 1, text.find("\n", m.end())
        pos = b = len(text) if b < 0 else b  # (the rest of the line is taken)
        spans.append((a, b))


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-empty lines; a long line that ends mid-sentence is joined to the next non-empty line."""
    out: list[tuple[int, int]] = []
    joining = False
    for m in _LINE.finditer(text):
        s, e = m.start(), m.end()
        body = m.group()
        if not body.strip():
            continue
        if joining and out:
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
        stripped = body.rstrip()
        # (the pattern ends the line, so it is tried at the line's last character only, not at every one)
        joining = (len(stripped) >= _BROKEN_LINE and not _TERMINAL.search(stripped, len(stripped) - 1)
                   and not stripped.startswith("#"))
    return out


def _is_en_boundary(text: str, dot: int) -> bool:
    """False after an abbreviation or an initial (U. S., J. Smith), or inside an OCR-spaced decimal (4. 5)."""
    nxt = text[dot + 1:dot + 4].lstrip()
    if dot > 0 and text[dot - 1].isdigit() and nxt[:1].isdigit():
        return False
    j = dot
    while j > 0 and (text[j - 1].isalpha() or text[j - 1] == "."):
        j -= 1
    word = text[j:dot]
    if len(word) == 1 and word.isupper():
        return False
    return word.lower().rstrip(".") not in _ABBREV


def _cuts(text: str) -> list[int]:
    """Sentence ends over the whole text in two regex passes (not one pass per paragraph)."""
    cuts = [m.end() for m in _ZH_END.finditer(text)]
    cuts.extend(m.end() for m in _EN_END.finditer(text) if text[m.start()] != "." or _is_en_boundary(text, m.start()))
    cuts.sort()
    return cuts


def _sentences(text: str, ps: int, pe: int, cuts: list[int]) -> list[tuple[int, int]]:
    cuts = [c for c in cuts if ps < c < pe]
    spans, s = [], ps
    for c in cuts:
        spans.append((s, c))
        s = c
    spans.append((s, pe))
    # trim surrounding whitespace so the published sentence reads cleanly
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
    return out


class Indexed(list):
    """Mentions in text order with their start offsets, for bisection (computed once per document)."""

    def __init__(self, items):
        super().__init__(items)
        self.starts = [x.start for x in self]

    def between(self, lo: int, hi: int):
        return self[bisect_left(self.starts, lo):bisect_left(self.starts, hi)]
