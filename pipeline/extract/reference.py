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
