"""A document's title when it has no metadata: its opening line (for the extractor, which reads a text without a
title with its opening sentence as one), and the stricter title the documents table publishes."""
from __future__ import annotations

import re

MAX_TITLE = 200

# Saved web pages open with site furniture (copyright lines, source and date stamps, links) before the title.
_BOILERPLATE = re.compile(r"copyright|all rights reserved|版權所有|版权所有|^(來源|来源|發布|发布|日期|作者)\s*[:：]|https?://|www\.|"
                          r"^[\d\s:：/.\-年月日]+$|[:：]$", re.I)  # (a salutation, 各位代表：, is not a title)
_SENTENCE = re.compile(r"[。！？；]|[.!?;][\"”’)]*$|^.{121,}$")
_H1 = re.compile(r"^# +(\S.{3,})$", re.M)


def opening_line(text: str) -> str | None:
    """A Markdown level-1 heading near the top if there is one (papers often open with a banner line), else the
    first line with some substance — which may be the opening sentence of a text without a title."""
    if h1 := _H1.search(text[:5000]):
        return h1.group(1).strip()[:MAX_TITLE]
    for line in text.splitlines()[:40]:
        line = re.sub(r"^[#>*\s]+|[*\s]+$", "", line)
        if len(line) >= 4 and not _BOILERPLATE.search(line):
            return line[:MAX_TITLE]
    return None


def first_line(text: str) -> str | None:
    """The title a text without metadata shows: its opening line, unless that is a sentence of running text (a
    report that opens 各位代表： has no title of its own)."""
    line = opening_line(text)
    return None if line is None or _SENTENCE.search(line) else line
