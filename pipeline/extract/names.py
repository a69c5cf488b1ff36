"""Many literal names (a gazetteer) found in a text as one alternation of all of them finds them — leftmost first,
the longest name at an offset, no two overlapping — but faster.

Why not one pattern: at each offset whose character can begin a name, the regex engine tries the pattern's top-level
alternatives one after another. One trie of the ~400 first characters of the Chinese place names costs ~1 µs at each
such character (a fifth of Chinese text); split by first character into tries of ~100, it costs a quarter of that.
Names that begin with a lower-case English letter (mainland China, developing economies) would send the engine into
the trie at most letters of English text, so they are tried only where their first word occurs.

The groups begin with different characters, so at one offset at most one of them matches, and what it matches there
is what the one pattern would: merging their matches in text order gives the one pattern's matches."""
from __future__ import annotations

import re
from bisect import bisect_left

from .reference import trie_pattern

# first characters per trie (measured on the benchmark corpus: 4 tries of ~100 were fastest for the Chinese names)
MAX_FIRST = 100


class NameFinder:
    def __init__(self, names, tail: str = ""):
        """`tail` is a pattern every name is followed by (look-aheads such as (?![A-Za-z]))."""
        names = {n for n in names if n}
        lower = {n for n in names if "a" <= n[0] <= "z"}
        firsts = sorted({n[0] for n in names - lower})
        groups = [set(firsts[i:i + MAX_FIRST]) for i in range(0, len(firsts), MAX_FIRST)]
        self._tries = [re.compile(f"(?:{trie_pattern([n for n in names if n[0] in g])}){tail}") for g in groups]
        self._lower = re.compile(f"(?:{trie_pattern(lower)}){tail}") if lower else None
        self._heads = sorted({n.split(" ")[0] for n in lower})

    def finditer(self, text: str):
        searchers = [rx.search for rx in self._tries]
        lower = self._lower_search(text)
        if lower is not None:
            searchers.append(lower)
        if len(searchers) == 1:
            yield from self._tries[0].finditer(text)  # (most English texts: no lower-case name's first word)
            return
        nxt = [search(text, 0) for search in searchers]
        while True:
            m = None
            for x in nxt:  # the earliest (a plain loop: min() with a key costs twice as much per name)
                if x is not None and (m is None or x.start() < m.start()):
                    m = x
            if m is None:
                return
            yield m
            pos = m.end()
            for i, x in enumerate(nxt):
                if x is not None and x.start() < pos:  # taken, or overlapped by the one taken
                    nxt[i] = searchers[i](text, pos)

    def _lower_search(self, text: str):
        """A search(text, pos) for the lower-case names, tried where their first word occurs; None where none does."""
        starts = sorted({i for w in self._heads for i in _occurrences(text, w)})
        if not starts:
            return None

        def search(text: str, pos: int):
            for k in range(bisect_left(starts, pos), len(starts)):
                m = self._lower.match(text, starts[k])
                if m:
                    return m
            return None
        return search


def _occurrences(text: str, word: str):
    i = text.find(word)
    while i >= 0:
        yield i
        i = text.find(word, i + 1)
