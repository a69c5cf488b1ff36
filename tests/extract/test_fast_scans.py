"""Scans made faster find what the plain scan finds (a speed-up, never a filter): reference.guarded and
reference.Skipping (a pattern that opens with a zero-width test gets a look-ahead for its first characters, or is
searched from them), and the English periods looked for only in the lines that hold one of their keys."""
from __future__ import annotations

import random
import re
import string

import pytest

from pipeline.extract import years
from pipeline.extract.reference import ASCII_FOLDS, Skipping, guarded
from pipeline.extract.sentences import lines_holding

TEXTS = [
    "Exports rose 5% while imports were flat; it was said that output grew, fell and rose again.",
    "wasp, swas, was. Was? WAS; is was, are grew, been rose",
    "出口增长5%，进口下降2%。 The economy grew 3.2% in 2023 — a rise; twenty-one firms, A hundred.",
    "\nwas\nwere\n", "", "w", "ww was",
]


PATTERNS = [
    r"\b(?<!\bis )(?<!\bare )(?:was|were|grew|rose|fell)\b",
    r"\b(?:(?:t(?:wenty|hree)|one)|[aA]n?[ \t]+hundred)\b",
    r"(?m)^\b(?:was|were)",
    r"(?<![0-9])(?:19|20)[0-9]{2}",
    r"\b[a-c]+s",
    r"\b[“\"]?(?:was|年)",                               # an optional first item
    r"(?=[12年])(?:(?<![0-9])|(?<=end-))(?P<y>(?:19|20)[0-9]{2})(?:年)?",  # a choice of look-behinds, a named group
    r"(?i)\b(?:in|over|within|for)[ \t]+the[ \t]+next\b",  # case ignored: İ, ı, ſ and the Kelvin sign fold too
]


def _texts():
    rng = random.Random(7)
    alphabet = "wasere grolf,.;\n\t-1920tAhundreonyi是年“\"dxWOFK\u0130\u0131\u017f\u212a"
    return TEXTS + ["".join(rng.choice(alphabet) for _ in range(rng.randrange(40))) for _ in range(300)]


def _same(fast, plain, text):
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
    for pos in range(0, len(text), 3):
        a, b = fast.search(text, pos, len(text) - 1), plain.search(text, pos, len(text) - 1)
        assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups()))


@pytest.mark.parametrize("pattern", PATTERNS)
def test_guarded_finds_what_the_plain_pattern_finds(pattern):
    plain, fast = re.compile(pattern), guarded(pattern)
    assert fast.pattern != plain.pattern  # the look-ahead was added
    assert fast.groupindex == plain.groupindex
    for text in _texts():
        _same(fast, plain, text)


@pytest.mark.parametrize("pattern", PATTERNS)
def test_skipping_finds_what_the_plain_pattern_finds(pattern):
    plain = re.compile(pattern)
    fast = Skipping(plain)
    assert fast._skip is not None  # it does skip
    for text in _texts():
        _same(fast, plain, text)


@pytest.mark.parametrize("pattern", [
    r"(?i)\b(?:é|e)",        # case ignored and a cased letter beyond ASCII: its folds are the engine's
    r"\b(?i:was|SKI)",       # case ignored in a group (not read here)
    r"\b(?:ab|)c",           # an alternative that may be empty
    r"\b\w+",                # a class by category
    r"\b(?:x*)",             # a pattern that may match nothing
    r"[0-9]+(?<=5)",         # opens with a class the engine already skips to
])
def test_left_alone_when_the_first_characters_cannot_be_told(pattern):
    assert guarded(pattern).pattern == pattern
    assert Skipping(re.compile(pattern))._skip is None


def test_a_named_group_keeps_its_number():
    m = guarded(r"\b(?P<verb>was|were) (?P<what>\w+)").search("it was up")
    assert (m.group("verb"), m.group(2), m.start()) == ("was", "up", 3)


def test_the_characters_that_fold_to_ascii_letters_are_these():
    every = "".join(chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000)
    assert set(re.findall("(?i)[a-z]", every)) == set(string.ascii_letters) | set(ASCII_FOLDS)


PERIOD_TEXTS = [
    "Output rose in the first quarter.\nQ1 sales; prices fell in\nJanuary and in  March 2020, in the first 10 months",
    "Retail sales in the January-February period rose; year-to-date\nthe first half\n\nLast month  Year to date",
    "It grew late September–October, in Q3 and H1 of the whole year, since\tDecember",
    "in May, in June 2024, the quarter, the latest month, first-quarter GDP, Sept 3",
]


@pytest.mark.parametrize("text", PERIOD_TEXTS + [t.replace("\n", " ") for t in PERIOD_TEXTS] + ["", "\n\n", "year"])
def test_english_periods_found_in_the_lines_holding_their_keys_are_all_of_them(text):
    rx = years._regexes()["en_periods"]
    found = [m.span() for a, b in lines_holding(text, years._regexes()["en_period_keys"]) for m in rx.finditer(text, a, b)]
    assert found == [m.span() for m in rx.finditer(text)]


def test_lines_holding_a_key():
    text = "no key here\nthe year ahead\n\nyear and year\nmonth"
    assert lines_holding(text, re.compile("year|month")) == [(12, 26), (28, 41), (42, 47)]
