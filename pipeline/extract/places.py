"""Chinese places the gazetteer does not list: county, district and town names recognised by their
administrative suffix (浦江县, 黄宅镇, 鼓楼区) and named in English with pypinyin (Pujiang County).

The gazetteer stops at prefecture cities and the districts of the largest cities; county government reports
name their own county and towns throughout, and a null region there loses every fact. The pattern is
deliberately narrow: 2-4 Han characters before a suffix, a stop list of ordinary words that end in 区/市/镇
(社区, 园区, 城市), and a cut to two characters when the name would start with a verb or function word
(推进浦江县 → 浦江县), since most county and town names are two characters long."""
from __future__ import annotations

import re
from functools import lru_cache

from .reference import alternation, load_json, load_lines



class PlacePattern:
    def __init__(self):
        cfg = load_json("place_pattern.json")
        self.suffix_en: dict[str, str] = cfg["suffix_en"]
        self.suffix_level: dict[str, str] = cfg["suffix_level"]
        self.not_after: dict[str, str] = cfg["not_followed_by"]
        self.stop_first = set(cfg["stop_first"])
        self.digits = set(cfg["digits"]) | set(cfg["not_inside"])
        self.not_last = set(cfg["not_last"])
        self.boundary = set(cfg["boundary"])
        self.peoples = re.compile(rf"(?:{alternation(cfg['peoples'])})+$")
        self.stop = tuple(sorted(load_lines("place_pattern_stop.txt"), key=len, reverse=True))
        suffixes = sorted(self.suffix_en, key=len, reverse=True)
        # the suffix is found first (a literal set), the name is taken by looking back from it
        self.rx = re.compile("|".join(re.escape(s) for s in suffixes))

    def find(self, text: str, taken: list[tuple[int, int]] | None = None):
        """(start, end, zh name, English name, level) for each place-like name in the text. Spans in `taken`
        (gazetteer mentions) are left alone and also end a name looking back (金华市浦江县: 浦江县)."""
        taken = taken or []
        blocked = set()
        for a, b in taken:
            blocked.update(range(a, b))
        out = []
        for m in self.rx.finditer(text):
            suffix = m.group()
            s, e = m.start(), m.end()
            if s in blocked or (suffix == "县" and text.endswith("自治", 0, s)):
                continue
            nxt = text[e:e + 1]
            if nxt and nxt in self.not_after.get(suffix, ""):
                continue
            ns = s
            if suffix == "自治县":  # 长阳土家族自治县: the name stands before the peoples the county is for
                eth = self.peoples.search(text[max(0, s - 12):s])
                ns = s - len(eth.group()) if eth else s
            name, bounded = self._name_before(text, ns, blocked)
            if name is None:
                continue
            full = text[ns - len(name):e]
            if full.endswith(self.stop):
                continue
            out.append((ns - len(name), e, full, bounded, english(name, suffix, self.suffix_en[suffix]),
                        self.suffix_level[suffix]))
        # a name cut from a longer run of characters (完善县, 推进浦江县) is only trusted when the document also
        # names it standing alone (after punctuation, at a line start): a county report heads lines and
        # sentences with its county and towns, a policy phrase never stands alone
        alone = {full for _, _, full, bounded, _, _ in out if bounded}
        return [(a, b, full, en, level) for a, b, full, bounded, en, level in out if full in alone]

    def _name_before(self, text: str, s: int, blocked: set[int]) -> tuple[str | None, bool]:
        i = s
        while i > 0 and s - i < 4 and i - 1 not in blocked and _is_han(text[i - 1]):
            i -= 1
        name = text[i:s]
        bounded = i == 0 or i - 1 in blocked or not _is_han(text[i - 1])
        if len(name) < 2:
            return None, False
        # no boundary within four characters, or a name opening with a verb or function word: the place is
        # the last two characters (推进浦江县 → 浦江县, 全面推进黄宅镇 → 黄宅镇)
        # most county and town names are two characters; a longer run is a verb or phrase before the name
        # (推进浦江县 → 浦江县, 切实搞好县 → 搞好县, which then never stands alone)
        # a function or verb character right before the two (在郑宅镇, 推进浦江县) bounds the name as well
        bounded = (bounded and len(name) == 2) or (len(name) > 2 and name[-3] in self.boundary)
        name = name[-2:]
        if name[0] in self.stop_first or name[-1] in self.not_last or any(c in self.digits for c in name):
            return None, False
        return name, bounded


def _is_han(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff"


@lru_cache(maxsize=4096)
def english(name: str, suffix: str, suffix_en: str) -> str:
    """浦江 + 县 → 'Pujiang County': one word in pinyin, first letter capital, an apostrophe before a
    syllable that starts with a vowel (Xi'an), the suffix in English. Cached per name: pypinyin is slow."""
    from pypinyin import lazy_pinyin
    sylls = lazy_pinyin(name, v_to_u=True)
    readings = load_json("place_pattern.json")["readings"]
    sylls = [readings.get(c, x) for c, x in zip(name, sylls)] if len(sylls) == len(name) else sylls
    word = sylls[0] + "".join(("'" + x) if x[:1] in "aoe" else x for x in sylls[1:])
    word = word[:1].upper() + word[1:]
    return f"{word} {suffix_en}" if suffix_en else word


@lru_cache(maxsize=1)
def place_pattern() -> PlacePattern:
    return PlacePattern()
