"""Is a text file really text? A `.txt` can be a renamed PDF, ZIP or image, or random bytes that some encoding
happens to accept. Two checks, each returning the reason for an `unreadable` row or None:

- signature(data): what the bytes really are, by their first bytes (file_signatures.json);
- not_text(text): the decoded text is not writing: control characters, replacement characters (U+FFFD),
  unassigned or private-use code points, no letters at all, or letters that form no words (random printable
  characters, base64, hex dumps).

Thresholds are far from real documents: on the 100-odd English and Chinese documents under tests/ and
../shared (government work reports, bulletins, news, saved web pages) control and replacement characters are
0%, letters at least 60% of the non-space characters, and at least 55% of the letters sit in words; random
printable ASCII has 0.1% of its letters in words, base64 and hex none."""
from __future__ import annotations

import io
import json
import re
import unicodedata
import zipfile
from functools import lru_cache
from pathlib import Path

SAMPLE_CHARS = 20000
MAX_BAD_SHARE = 0.01  # control, replacement or unassigned characters, of the sample's characters
MIN_LETTER_SHARE = 0.10  # letters, of the sample's non-space characters
MIN_WORD_SHARE = 0.05  # letters inside words, of the sample's letters
MIN_LETTERS_FOR_WORDS = 50  # below this the word check says nothing (a title, a short note)
_ALLOWED_CONTROLS = set("\t\n\r\f\v\x1b")  # whitespace, and ESC (some saved pages keep terminal colours)
_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
# scripts written without spaces between words: a token holding them counts as words
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003134f]")
_PUNCT = ".,;:!?()[]{}\"'“”‘’«»<>*_#|/\\-—–…%$+=~`^&@"


@lru_cache(maxsize=1)
def _signatures() -> dict:
    data = json.loads((Path(__file__).with_name("file_signatures.json")).read_text(encoding="utf-8"))
    data["signatures"] = [(int(s["offset"]), bytes.fromhex(s["hex"]), s["what"]) for s in data["signatures"]]
    return data


def signature(data: bytes) -> str | None:
    """'a PDF document', 'a PNG image', … when data starts with another format's signature; else None."""
    sigs = _signatures()
    for offset, magic, what in sigs["signatures"]:
        if data[offset:offset + len(magic)] == magic:
            return _zip_kind(data, sigs["zip_members"]) or what if what.startswith("a ZIP") else what
    return None


def _zip_kind(data: bytes, members: list[dict]) -> str | None:
    try:
        names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    except (zipfile.BadZipFile, ValueError, OSError):  # a truncated or damaged archive is still a ZIP
        return None
    return next((m["what"] for m in members if any(n.startswith(m["prefix"]) for n in names)), None)


def not_text(text: str) -> str | None:
    """Why the decoded text is not a document's text, or None when it reads as writing."""
    sample = text[:SAMPLE_CHARS]
    if reason := _bad_characters(sample):
        return reason
    non_space = [c for c in sample if not c.isspace()]
    letters = [c for c in non_space if c.isalpha()]
    if non_space and len(letters) < MIN_LETTER_SHARE * len(non_space):
        return (f"not text: no script, only {len(letters)} of {len(non_space)} visible characters are letters "
                f"(the rest digits, punctuation and symbols)")
    if len(letters) >= MIN_LETTERS_FOR_WORDS:
        in_words = _letters_in_words(sample)
        if in_words < MIN_WORD_SHARE * len(letters):
            return (f"not text: no words, only {in_words} of {len(letters)} letters stand in words "
                    f"(random characters or encoded data such as base64)")
    return None


def _bad_characters(sample: str) -> str | None:
    n = len(sample)
    controls = [c for c in sample if unicodedata.category(c) == "Cc" and c not in _ALLOWED_CONTROLS]
    if len(controls) > MAX_BAD_SHARE * n:
        shown = ", ".join(sorted({f"U+{ord(c):04X}" for c in controls})[:4])
        return f"not text: {len(controls)} control characters ({shown}, …) in the first {n} characters"
    replaced = sample.count("\ufffd")
    if replaced > MAX_BAD_SHARE * n:
        return (f"not text: {replaced} replacement characters (U+FFFD) in the first {n} characters: "
                f"the text was damaged by an earlier wrong conversion")
    odd = sum(1 for c in sample if unicodedata.category(c) in ("Cn", "Co", "Cs"))
    if odd > MAX_BAD_SHARE * n:
        return f"not text: {odd} unassigned or private-use code points in the first {n} characters"
    return None


def _letters_in_words(sample: str) -> int:
    """Letters in space-separated tokens that are words: letters with in-word marks (don't, year-on-year), or
    any token with Chinese, Japanese or Korean script (written without spaces: 2023年GDP增长5%)."""
    n = 0
    for token in sample.split():
        core = token.strip(_PUNCT)
        if _WORD.fullmatch(core) or _UNSPACED.search(core):
            n += sum(1 for c in core if c.isalpha())
    return n
