"""The working copy: NFKC + traditional→simplified, with a map from working offsets back to the published text.

Patterns run on the working copy (half-width digits, simplified characters) but every span we publish must index
the published text, so NFKC replacements that change length are recorded and mapped back."""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from functools import lru_cache

from ..documents.script import to_simplified

# Superscripts, subscripts and circled numbers stay as they are: NFKC would glue footnote marks onto numbers
# (“Wang¹ 925” → “Wang1 925”) and turn list markers (①) into digits.
_KEEP = re.compile(r"[\u00b2\u00b3\u00b9\u2070-\u209f\u2460-\u24ff\u2776-\u2793\u3251-\u32bf]")


def _ranges(codes: list[int]) -> str:
    parts, run = [], None
    for cp in codes + [-2]:
        if run and cp == run[1] + 1:
            run = (run[0], cp)
            continue
        if run:
            lo, hi = run
            parts.append(re.escape(chr(lo)) if lo == hi else f"{re.escape(chr(lo))}-{re.escape(chr(hi))}")
        run = (cp, cp)
    return "".join(parts)


@lru_cache(maxsize=1)
def _classes() -> tuple[list[int], list[int]]:
    """One walk over the BMP (and the math/enclosed/compatibility planes NFKC folds): the characters NFKC
    rewrites, and those that can change the text's length (…, ㎡, ﬁ, combining marks that merge)."""
    changing, resizing = [], []
    spans = [(0xA0, 0xD7FF), (0xF900, 0xFFFF), (0x1D400, 0x1D7FF), (0x1F100, 0x1F1FF), (0x2F800, 0x2FA1F)]
    for lo, hi in spans:
        for cp in range(lo, hi + 1):
            ch = chr(cp)
            n = unicodedata.normalize("NFKC", ch)
            if n != ch and not _KEEP.match(ch):
                changing.append(cp)
            if len(n) != 1 or unicodedata.combining(ch):
                resizing.append(cp)
    return changing, sorted(set(resizing) | set(range(0x300, 0x370)))


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


@lru_cache(maxsize=2)
def _patterns(astral: bool) -> tuple[re.Pattern, re.Pattern]:
    """A run of characters NFKC rewrites, and one character that can change the text's length. A character class
    holding a character beyond the BMP is tested range by range, ~5x slower per character of text than a class of
    BMP characters (a lookup table), so a text without such characters is scanned with the BMP part alone."""
    changing, resizing = _classes()
    if not astral:
        changing, resizing = [c for c in changing if c < 0x10000], [c for c in resizing if c < 0x10000]
    run = _ranges(changing)
    # ('[…][…]*' rather than '[…]+': a pattern that opens with a class lets the engine skip to its characters)
    return (re.compile(f"[{run}][{run}]*"),
            re.compile("[" + _ranges(resizing) + "\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff]|" + _KEEP.pattern))


class Working:
    """`text` is the working copy; `orig(i)` maps a working offset to the published text's offset."""

    __slots__ = ("text", "source", "_wpos", "_opos")

    def __init__(self, source: str):
        self.source = source
        pieces: list[str] = []
        # breakpoints after each character whose replacement changed length: (working offset, published offset)
        wpos, opos = [0], [0]
        changing, resizing = _patterns(bool(_ASTRAL.search(source)))
        if not resizing.search(source):
            fast = unicodedata.normalize("NFKC", source)
            if len(fast) == len(source):
                self._wpos, self._opos = wpos, opos
                self.text = _unwrapped(_unhyphenated(_simplified(fast)))
                return
        last, w = 0, 0
        for m in changing.finditer(source):
            pieces.append(source[last:m.start()])
            w += m.start() - last
            group = m.group()
            rep = unicodedata.normalize("NFKC", group)
            if len(rep) == len(group):
                pieces.append(rep)  # the common case (full-width digits and punctuation): offsets unchanged
                w += len(rep)
            else:
                for k, ch in enumerate(group):
                    one = unicodedata.normalize("NFKC", ch)
                    pieces.append(one)
                    w += len(one)
                    if len(one) != 1:
                        wpos.append(w)
                        opos.append(m.start() + k + 1)
            last = m.end()
        pieces.append(source[last:])
        self._wpos, self._opos = wpos, opos
        self.text = _unwrapped(_unhyphenated(_simplified("".join(pieces))))

    def orig(self, i: int) -> int:
        """Published offset of working offset i; inside an expanded character, its start."""
        if len(self._wpos) == 1:
            return i
        k = bisect_right(self._wpos, i) - 1
        o = self._opos[k] + (i - self._wpos[k])
        if k + 1 < len(self._opos):
            o = min(o, self._opos[k + 1] - 1)
        return o

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Published span of working span [start, end)."""
        if len(self._wpos) == 1:
            return start, end
        s = self.orig(start)
        e = self.orig(end - 1) + 1 if end > start else s
        return s, e


# 'a 20-basis-point cut', 'a 3-percentage-point drop', 'a 5-percent rise': a unit written as a compound modifier is
# read as the unit (the hyphens become spaces: same length, so offsets do not move)
_COMPOUND_UNIT = re.compile(r"(?<=[0-9])-(?=(?:basis|percentage)-points?\b|per-?cent\b)|(?<=\bbasis)-(?=points?\b)"
                            r"|(?<=\bpercentage)-(?=points?\b)|(?<=\bper)-(?=cent\b)")


_COMPOUND_HINTS = ("basis-", "percentage-", "-per", "per-")  # each alternative of the pattern holds one


def _unhyphenated(text: str) -> str:
    # (a substring test first: the pattern's look-behinds would otherwise be tried at every position)
    return _COMPOUND_UNIT.sub(" ", text) if any(h in text for h in _COMPOUND_HINTS) else text


# a line break inside an English sentence of hard-wrapped text ('aimed to sell 1m EVs a year by\n2025'): a space,
# so that the sentence is read whole (same length: offsets do not move); table rows keep their breaks
# (a page that double-spaces its wrapped lines — 'had been\n\nforced into bankruptcy' — breaks a sentence the same
# way: a line that stops mid-sentence, then a line that goes on in lower case)
_SOFT_WRAP = re.compile(r"(?<=[a-z,;])\r?\n(?:[ \t]*\r?\n)?(?=[a-z0-9(“\"$])")


def _unwrapped(text: str) -> str:
    if "\n" not in text:
        return text

    def join(m: re.Match) -> str:
        a = text.rfind("\n", 0, m.start()) + 1
        b = text.find("\n", m.end())
        lines = text[a:b if b >= 0 else len(text)]
        return m.group() if "|" in lines or "\t" in lines else " " * len(m.group())
    return _SOFT_WRAP.sub(join, text)


def _simplified(text: str) -> str:
    """OpenCC t2s is character for character on Han text; a line it resizes is left as it was."""
    out = to_simplified(text)
    if len(out) == len(text):
        return out
    lines = text.split("\n")
    fixed = []
    for line in lines:
        conv = to_simplified(line)
        fixed.append(conv if len(conv) == len(line) else line)
    return "\n".join(fixed)


def working_copy(text: str) -> Working:
    return Working(text)
