"""Loads the vocabularies in pipeline/reference/ once per process."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

REFERENCE_DIR = Path(__file__).resolve().parent.parent / "reference"


@lru_cache(maxsize=None)
def load_json(name: str) -> dict:
    data = json.loads((REFERENCE_DIR / name).read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")} if isinstance(data, dict) else data


@lru_cache(maxsize=None)
def load_lines(name: str) -> tuple[str, ...]:
    lines = (REFERENCE_DIR / name).read_text(encoding="utf-8").splitlines()
    return tuple(s.strip() for s in lines if s.strip() and not s.startswith("#"))


@lru_cache(maxsize=None)
def load_tsv(name: str) -> tuple[tuple[str, ...], ...]:
    rows = []
    for line in (REFERENCE_DIR / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append(tuple(line.split("\t")))
    return tuple(rows)


def alternation(words, escape: bool = True) -> str:
    """Longest first, so 万亿 wins over 万 and 'percentage points' over 'percentage point'."""
    import re
    items = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(re.escape(w) if escape else w for w in items)


def trie_pattern(words) -> str:
    """One regex for many words, shaped as a prefix tree so the engine rejects a position after one or two
    characters instead of trying every word (a plain alternation of 3,000 place names is ~20x slower).
    Longer words still win: at each node the continuation is tried before stopping."""
    import re
    root: dict = {}
    for w in set(words):
        if not w:
            continue
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = True

    def build(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch != ""]
        if not branches:
            return ""
        if len(branches) == 1 and not ends:
            return branches[0]
        body = "(?:" + "|".join(branches) + ")"
        return body + "?" if ends else body

    return build(root)



# the characters besides the ASCII letters that match one of them when case is ignored (İ, ı and ſ, the Kelvin sign;
# tests/extract/test_fast_scans.py checks this against every code point)
ASCII_FOLDS = "\u0130\u0131\u017f\u212a"


def _parsed(pattern: str, flags: int):
    import re._parser as parser
    parsed = parser.parse(pattern, flags)
    return list(parsed), parsed.state.flags


def first_chars(pattern: str, flags: int = 0) -> set[str] | None:
    """The characters a match of `pattern` can begin with; None when they cannot be told (a class by category,
    a wide range, an optional item at the end of what could come first, an empty match, a cased letter other than
    an ASCII one where case is ignored)."""
    import re
    import re._constants as c
    items, in_force = _parsed(pattern, flags)
    got = _first_chars(items, c)
    if got is None or not in_force & re.IGNORECASE:
        return got
    out = set()
    for ch in got:
        if ch.isascii():
            out |= {ch.lower(), ch.upper()} | {f for f in ASCII_FOLDS if re.fullmatch(f"(?i){re.escape(ch)}", f)}
        elif ch.lower() == ch == ch.upper():
            out.add(ch)  # (a character without case matches only itself)
        else:
            return None
    return out


def opens_zero_width(pattern: str, flags: int = 0) -> bool:
    """Whether the pattern opens with a zero-width test (\\b, a look-around), which the engine runs at every offset."""
    import re._constants as c
    items, _ = _parsed(pattern, flags)
    return bool(items and items[0][0] in (c.AT, c.ASSERT, c.ASSERT_NOT))


def _first_class(chars, flags: int) -> str:
    """A class of `chars` that is tested as written, also inside a pattern that ignores case (the engine skips to
    such a class only)."""
    import re
    return f"(?-i:[{_class(chars)}])" if flags & re.IGNORECASE else f"[{_class(chars)}]"


def guarded(pattern: str, flags: int = 0):
    """re.compile(pattern, flags), with a look-ahead for the characters a match can begin with put first when the
    pattern opens with a zero-width test (\\b, a look-behind). The engine cannot skip to such a pattern's first
    characters, so it runs the whole test at every offset; the look-ahead rejects most offsets at one character
    (~2x faster on English text for `\\b(?<!\\bis )(?:was|were|…)\\b`). A match must begin with one of those
    characters, so the matches are the same. The pattern is compiled unchanged when its first characters cannot be
    told (see first_chars)."""
    import re
    firsts = first_chars(pattern, flags) if opens_zero_width(pattern, flags) else None
    if not firsts or len(firsts) > 64:
        return re.compile(pattern, flags)
    head, body = _split_global_flags(pattern)
    return re.compile(f"{head}(?={_first_class(firsts, re.compile(pattern, flags).flags)})(?:{body})", flags)


def _split_global_flags(pattern: str) -> tuple[str, str]:
    import re
    lead = re.match(r"\(\?[aiLmsux]+\)", pattern)  # global flags must stay at the start
    return (pattern[:lead.end()], pattern[lead.end():]) if lead else ("", pattern)


def _class(chars) -> str:
    return "".join("\\" + ch if ch in "\\]^-[" else ch for ch in sorted(chars))


def _zero_width(op, av, c) -> bool:
    """\\b, a look-around, or a choice of them ((?<![0-9])|(?<=end-))."""
    if op is c.BRANCH:
        return all(alternative and all(_zero_width(o, a, c) for o, a in alternative) for alternative in av[1])
    if op is c.SUBPATTERN and not av[1] and not av[2]:
        return len(av[3]) > 0 and all(_zero_width(o, a, c) for o, a in av[3])
    return op in (c.AT, c.ASSERT, c.ASSERT_NOT)


def _first_chars(items, c) -> set[str] | None:
    """The characters a match of the parsed items can begin with, or None when that cannot be told here."""
    for i, (op, av) in enumerate(items):
        if _zero_width(op, av, c):
            continue  # the first character is the next item's
        if op is c.LITERAL:
            return {chr(av)}
        if op is c.IN:
            out: set[str] = set()
            for sop, sav in av:
                if sop is c.LITERAL:
                    out.add(chr(sav))
                elif sop is c.RANGE and sav[1] - sav[0] < 64:
                    out.update(map(chr, range(sav[0], sav[1] + 1)))
                else:
                    return None  # a negated class, a category (\w, \s), a wide range
            return out
        if op is c.BRANCH:
            out = set()
            for alternative in av[1]:
                got = _first_chars(list(alternative), c)
                if got is None:
                    return None
                out |= got
            return out
        if op is c.SUBPATTERN and not av[1] and not av[2]:
            return _first_chars(list(av[3]), c)
        if op in (c.MAX_REPEAT, c.MIN_REPEAT):
            got = _first_chars(list(av[2]), c)
            if av[0] >= 1 or got is None:
                return got
            rest = _first_chars(items[i + 1:], c)  # no repetition: what follows comes first
            return None if rest is None else got | rest
        return None
    return None  # nothing consumed: the pattern can match the empty string


class Skipping:
    """search and finditer of a compiled pattern that opens with a zero-width test, made to skip. A look-ahead
    still makes the engine start the pattern at every offset; here a class of the characters a match can begin
    with comes first, which the engine skips to with one table test per character, and the pattern is checked
    from there (in a look-behind that steps back over that character). Each offset found is matched again with
    the pattern itself, so the matches, their groups and their order are the pattern's own (2x faster for the
    year mentions' scan). A pattern whose first characters cannot be told is searched as it is."""

    def __init__(self, rx):
        import re
        self.rx = rx
        firsts = first_chars(rx.pattern, rx.flags) if opens_zero_width(rx.pattern, rx.flags) else None
        self._skip = None
        if firsts and len(firsts) <= 64:
            _, body = _split_global_flags(rx.pattern)
            self._skip = re.compile(f"{_first_class(firsts, rx.flags)}(?<=(?=(?:{body}))(?s:.))", rx.flags)

    def search(self, text: str, pos: int = 0, endpos: int | None = None):
        endpos = len(text) if endpos is None else endpos
        if self._skip is None:
            return self.rx.search(text, pos, endpos)
        hit = self._skip.search(text, pos, endpos)
        return self.rx.match(text, hit.start(), endpos) if hit else None

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        """As rx.finditer for a pattern whose matches are never empty."""
        while True:
            m = self.search(text, pos, endpos)
            if m is None:
                return
            yield m
            pos = m.end() if m.end() > m.start() else m.end() + 1
