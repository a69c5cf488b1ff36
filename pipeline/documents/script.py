"""Which script a text is written in: en, zh-Hans or zh-Hant."""
from __future__ import annotations

import re
from functools import lru_cache

import opencc

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")


@lru_cache(maxsize=2)
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def to_simplified(text: str) -> str:
    """Traditional → simplified, character by character (OpenCC t2s keeps the length of Han text)."""
    return _converter("t2s").convert(text)


def detect_lang(text: str, sample_chars: int = 20000) -> str:
    """en when Han characters are rare; otherwise zh-Hant if OpenCC's t2s changes a noticeable share of them."""
    sample = text[:sample_chars]
    han = _HAN.findall(sample)
    letters = sum(1 for ch in sample if ch.isascii() and ch.isalpha())
    if len(han) < 20 or len(han) * 2 < letters // 3:
        return "en"
    han_text = "".join(han)
    simplified = to_simplified(han_text)
    changed = sum(1 for a, b in zip(han_text, simplified) if a != b)
    # simplified text still has a few characters t2s rewrites (variants); traditional text has many
    return "zh-Hant" if changed / len(han_text) > 0.03 else "zh-Hans"
