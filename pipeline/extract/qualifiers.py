"""Bounds and approximations: 突破/超过/以上/余/多/more than (>=), 不到/不超过/以内/under (<=), 约/左右/近/about (~)."""
from __future__ import annotations

import re
from functools import lru_cache

from .reference import Skipping, alternation, load_json


@lru_cache(maxsize=1)
def _rx() -> dict:
    q = load_json("qualifiers.json")
    # a light verb may sit between the cue and the number: 约为, 超过了, 近达
    zh_before = re.compile(rf"(?:{alternation(q['zh_before'])})(?:了|为|达|达到|是)?[ \t]*$")
    zh_after = re.compile(rf"[ \t]*(?:{alternation(q['zh_after'])})")
    # 'below the 8.3% recorded in 2015' compares with a stated value; 'below 5%' bounds this one
    en_before = Skipping(re.compile(rf"(?i)\b(?:{alternation(q['en_before'])})(?:[ \t]+(?:of|some))?[ \t]+$"))
    en_after = re.compile(rf"(?i)[ \t]*(?:{alternation(q['en_after'])})\b")
    return {"zh_before": zh_before, "zh_after": zh_after, "en_before": en_before, "en_after": en_after,
            "zb": q["zh_before"], "za": q["zh_after"], "eb": {k.lower(): v for k, v in q["en_before"].items()},
            "ea": {k.lower(): v for k, v in q["en_after"].items()}, "inner": q["zh_inner"],
            "not_after": q.get("zh_not_after", {}),
            "zh_approx_far": re.compile(rf"(?:{alternation(q['zh_approx_far'])})[^，,。；;0-9]{{1,10}}的[ \t]*$")}


def qualifier(text: str, start: int, end: int, inner: str | None = None, is_range: bool = False) -> str:
    """The qualifier of the quantity quoted at text[start:end]."""
    r = _rx()
    if is_range and inner != "~":
        # a range states its own bounds; only 'about' still applies to it (约9%至10%, about 3 to 4 percent)
        return "~" if _single(text, start, end, r) == "~" else "="
    if inner == "~":
        return "~"  # 两三个: an approximate pair
    return _single(text, start, end, r, inner)


def _single(text: str, start: int, end: int, r: dict, inner: str | None = None) -> str:
    if inner and inner in r["inner"]:
        return r["inner"][inner]
    m = r["zh_after"].match(text, end)
    if m:
        return r["za"][m.group().strip()]
    m = r["en_after"].match(text, end)
    if m:
        return r["ea"][" ".join(m.group().lower().split())]
    before = text[max(0, start - 20):start]
    m = r["zh_before"].search(before)
    if m and m.start() > 0 and before[m.start() - 1] in r["not_after"].get(before[m.start():m.start() + 1], ""):
        m = None  # 出超810亿美元 is a surplus, not 'more than'
    if m:
        cue = re.sub(r"(?:了|为|达|达到|是)?[ \t]*$", "", m.group())
        if cue in r["zb"]:
            return r["zb"][cue]
        # the light verb itself was read as part of the cue (超过了 → 超过)
        for k in sorted(r["zb"], key=len, reverse=True):
            if m.group().startswith(k):
                return r["zb"][k]
    if r["zh_approx_far"].search(text, max(0, start - 16), start):
        return "~"  # 约为进口额的2.4倍: 'about' reaches over the yardstick to the multiple
    m = r["en_before"].search(before)
    if m:
        words = re.sub(r"(?i)(?:[ \t]+(?:of|some))?[ \t]+$", "", m.group()).lower()
        words = " ".join(words.split())
        for k in sorted(r["eb"], key=len, reverse=True):
            if words.endswith(k):
                return r["eb"][k]
    return "="
