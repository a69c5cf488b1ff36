"""National documents and national sentences: a value whose sentence names no place is about China when the
sentence says so (全国性, nationwide, the country's), when the section heading or title names China (also in
upper-case banners: CHINA ECONOMIC UPDATE), or when a national body (国家统计局, the State Council) publishes a
document whose title names no place. Statistical releases and macro reports state their scope once, at the top."""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from .reference import load_json
from .sentences import line_matches

_UPPER_WORD = re.compile(r"[A-Z][A-Z'’.-]*[A-Z]|[A-Z]")


@lru_cache(maxsize=1)
def _cues() -> dict[str, re.Pattern]:
    cfg = load_json("national_cues.json")
    flags = {"en": re.I, "en_subnational": re.I}
    return {k: re.compile("|".join(f"(?:{x})" for x in cfg[k]), flags.get(k, 0))
            for k in ("en", "en_subnational", "zh", "publishers")}


def is_national_sentence(sentence: str, is_zh: bool) -> bool:
    c = _cues()
    if is_zh:
        return bool(c["zh"].search(sentence))
    return bool(c["en"].search(sentence)) and not c["en_subnational"].search(sentence)


def speaks_for_the_nation(opening: str) -> bool:
    """我代表国务院，向大会作政府工作报告: the opening lines of a report given on behalf of the central government."""
    return any(w in opening for w in load_json("national_cues.json")["speakers"])


def has_national_publisher(head: str) -> bool:
    return bool(_cues()["publishers"].search(head))


def caseless_title(line: str) -> str:
    """An upper-case banner in the capitalisation the gazetteer's English names use (CHINA → China), so that
    the title can name its place; the line is kept as it was too, for acronyms (US, GBA)."""
    if not _upper_banner(line):
        return line
    return _UPPER_WORD.sub(lambda m: m.group()[0] + m.group()[1:].lower(), line)


# a section heading: a markdown heading, a numbered heading (一、 （二） 3. IV.) or an upper-case banner, short
# and not ending as a sentence does
_HEADING_LINE = re.compile(r"(?m)^[ \t]*(?:#{1,6}[ \t]+|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|"
                           r"(?:[0-9]{1,2}|[IVX]{1,4})\.[ \t]+)?[^\n|\t]{2,80}$")
_NOT_HEADING_END = re.compile(r"[。，,；;：:！？!?]$")


class Headings:
    """The places the section headings of a document name, looked up by offset: the nearest heading above."""

    def __init__(self, text: str, gazetteer, has_han: bool, has_latin: bool):
        # built on first use: most values find their place in their own sentence or paragraph
        self._args = (text, gazetteer, has_han, has_latin)
        self.starts: list[int] | None = None
        self.regions: list = []

    def _build(self):
        text, gazetteer, has_han, has_latin = self._args
        self.starts = []
        for m in line_matches(_HEADING_LINE, text):
            line = m.group().strip()
            if _NOT_HEADING_END.search(line) or not _looks_like_heading(line):
                continue
            found = gazetteer.mentions(caseless_title(line), has_han, has_latin)
            self.starts.append(m.start())
            self.regions.append(found[0].region if found else None)

    def at(self, i: int):
        if self.starts is None:
            self._build()
        k = bisect_right(self.starts, i) - 1
        return self.regions[k] if k >= 0 else None


def _looks_like_heading(line: str) -> bool:
    if line.startswith("#"):
        return True
    if re.match(r"[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]", line):
        return len(line) <= 30
    return _upper_banner(line)


_ASCII_LOWER = re.compile(r"[a-z]")
_ASCII_LETTER = re.compile(r"[A-Za-z]")


def _upper_banner(line: str) -> bool:
    """Four ASCII letters or more, none lower-case (CHINA ECONOMIC UPDATE). (Two scans in the engine, not a
    Python loop over the characters of every line.)"""
    return not _ASCII_LOWER.search(line) and len(_ASCII_LETTER.findall(line)) >= 4
