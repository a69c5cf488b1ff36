"""Quantities written as phrases rather than a number and its unit: index points (指数为91.67, the PMI stood
at 50.4), a bare 万/亿 amount that counts its subject (常住人口1400万), and rates per unit (7.27 yuan per US dollar)."""
from __future__ import annotations

import re
from functools import lru_cache

from .numbers import ARABIC, MIXED_THOUSANDS_PART, parse_number
from .quantity import Quantity, product
from .reference import Skipping, alternation, load_json
from .units import patterns, scale_of, zh_unit


@lru_cache(maxsize=1)
def _index_regexes() -> dict[str, tuple[tuple[str, ...], re.Pattern]]:
    """Per script: the index words, and the pattern of a word with its value. Two patterns, not one alternation: a
    pattern that opens with its words' first characters lets the engine skip to them, and the English one is run
    only on a text that holds one of its words."""
    w = load_json("units.json")["index_words"]
    return {
        "zh": (tuple(w["zh"]), re.compile(
            rf"(?:{alternation(w['zh'])})(?:为|是|达到|达|录得|升至|降至|回落至|报)[ \t]*(?P<zh>{ARABIC})(?![0-9.%‰])")),
        "en": (tuple(w["en"]), re.compile(
            rf"\b(?:{alternation(w['en'])})[ \t]+(?:stood at|was|rose to|fell to|came in at|reached|of)[ \t]+"
            rf"(?P<en>{ARABIC})(?![0-9.%])(?![ \t]*(?:percent|per cent))")),
    }


@lru_cache(maxsize=1)
def _zh_points_regex() -> re.Pattern:
    verbs = alternation(load_json("units.json")["index_words"]["zh_point_verbs"])
    return re.compile(rf"(?:{verbs})[ \t]*(?:了|约|近)?[ \t]*(?P<num>{ARABIC})[ \t]*(?P<pt>点)(?![钟半0-9一二三四五六七八九十])")


def scan_index(text: str) -> list[Quantity]:
    """生产指数为91.67, the PMI stood at 50.4, 收报2929.09点, 上升0.89点: index points, not a count."""
    out = []
    for m in _zh_points_regex().finditer(text):
        v = parse_number(m.group("num"))
        if v is not None:
            out.append(Quantity(m.start("num"), m.end("pt"), m.start("num"), v, v, "点", 1.0, "point", "measure",
                                script="zh"))
    for g, (words, rx) in _index_regexes().items():
        if not any(word in text for word in words):
            continue
        for m in rx.finditer(text):
            v = parse_number(m.group(g))
            if v is not None:
                out.append(Quantity(m.start(g), m.end(g), m.start(g), v, v, "", 1.0, "point", "measure", script=g))
    return out


@lru_cache(maxsize=1)
def _bare_scaled_regex() -> re.Pattern:
    subjects = {k: v for k, v in load_json("units.json")["zh_counted_subjects"].items() if not k.startswith("_")}
    return re.compile(
        rf"(?P<subj>{alternation(subjects)})[^，,。；;：:0-9]{{0,8}}?(?:约|近|超过|达到|达|为|至|到|突破)?[ \t]*"
        rf"(?P<num>{ARABIC})[ \t]?(?P<scale>万亿|亿|万)(?![0-9{zh_unit_chars()}])")


def scan_bare_scaled(text: str) -> list[Quantity]:
    """常住人口1400万, 旅客人次回升至约3,400万: a 万/亿 amount with no unit after it counts its subject."""
    subjects = load_json("units.json")["zh_counted_subjects"]
    out = []
    for m in _bare_scaled_regex().finditer(text):
        v = parse_number(m.group("num"))
        if v is None:
            continue
        scale = scale_of(m.group("scale"))
        lead = text[m.start():m.start("num")]
        subj = max((w for w in subjects if not w.startswith("_") and w in lead), key=lambda w: lead.rfind(w) + len(w))
        out.append(Quantity(m.start("num"), m.end("scale"), m.start("num"), product(v, scale), v, m.group("scale"),
                            scale, subjects[subj], "count", script="zh"))  # the subject nearest the number
    return out


@lru_cache(maxsize=1)
def _bare_money_regexes() -> tuple[re.Pattern, re.Pattern]:
    nouns = alternation(load_json("units.json")["zh_money_subjects"])
    # (1兆1,237亿: a larger and a smaller scale of one amount)
    amount = (rf"(?<![0-9.,])(?P<num>{ARABIC})[ \t]?(?P<scale>万亿|亿|兆|万)"
              # (ending the clause or before 的: 1.5亿学生 counts students, 4万多亿元 is read whole elsewhere)
              rf"(?:(?P<num_b>{MIXED_THOUSANDS_PART}|{ARABIC})(?P<scale_b>亿|万))?(?=[的，,。；;：:、)）\s]|$)")
    # the money noun before the amount in its sentence (举债923亿), or right after it (1,150亿的还债金额)
    return (re.compile(rf"(?:{nouns})[^。；;！？!?\n]{{0,30}}?{amount}"),
            re.compile(rf"{amount}(?=的?[^，,。；;：:、0-9]{{0,4}}?(?:{nouns}))"))


@lru_cache(maxsize=1)
def _bare_amount() -> re.Pattern:
    return re.compile(rf"(?<![0-9.,])(?P<num>{ARABIC})[ \t]?(?P<scale>万亿|亿|兆|万)"
                      rf"(?:(?P<num_b>{MIXED_THOUSANDS_PART}|{ARABIC})(?P<scale_b>亿|万))?(?=[的，,。；;：:、)）\s]|$)")


_SENTENCE_END = re.compile(r"[。！？!?\n]")


def _continued(text: str, found: list[re.Match]) -> list[re.Match]:
    """预算只有约3,000亿，今年已经超过5,800亿，明年将达到5,886亿: the later bare amounts of a sentence whose earlier one
    is money are money too."""
    out, reach = [], -1
    for m in found:
        if m.end("scale") <= reach:
            continue
        end = _SENTENCE_END.search(text, m.end())
        end = end.start() if end else len(text)
        for n in _bare_amount().finditer(text, m.end(), end):
            out.append(n)
        reach = end
    return out


def scan_bare_money(text: str) -> list[Quantity]:
    """总预算举债923亿, 1,150亿的还债金额: a 万/亿/兆 amount with no unit in a sentence about money is money (its
    currency, 元 by default, follows the document's place as a bare 元 does); so are the bare amounts after it in its
    sentence."""
    out = []
    found = near_keys(text, ("亿", "兆", "万"), _bare_money_regexes(), 48, 12, group="scale")
    taken = {m.start("num") for m in found}
    found += [n for n in _continued(text, found) if n.start("num") not in taken]
    for m in found:
        v = parse_number(m.group("num"))
        if v is None:
            continue
        scale = scale_of(m.group("scale"))
        end = m.end("scale")
        if m.group("num_b"):
            vb, sb = parse_number(m.group("num_b")), scale_of(m.group("scale_b"))
            if vb is None or sb >= scale or vb * sb >= scale:
                continue
            v, end = v + vb * sb / scale, m.end("scale_b")
        out.append(Quantity(m.start("num"), end, m.start("num"), product(v, scale), v, m.group("scale"), scale,
                            "CNY", "money", script="zh"))
    return out


@lru_cache(maxsize=1)
def _scaled_before_regex() -> re.Pattern:
    nouns = {k: v for k, v in load_json("units.json")["zh_counted_after"].items() if not k.startswith("_")}
    return re.compile(rf"(?<![0-9.,])(?P<num>{ARABIC})[ \t]?(?P<scale>万亿|亿|万)(?=[\u4e00-\u9fff]{{0,4}}?(?P<noun>{alternation(nouns)}))")


@lru_cache(maxsize=2)
def lowered(text: str) -> str:
    """text.lower(), once per text: several scans look for their key words case-blind (~0.01 s/MB each time)."""
    return text.lower()


def near_keys(text: str, keys: tuple[str, ...], rxs: tuple[re.Pattern, ...], before: int, after: int = 30,
              group: str | int = 0, fold_case: bool = False) -> list[re.Match]:
    """Matches of `rxs` whose `group` holds one of `keys`, in text order, searched only in windows around the keys:
    a rare pattern scanned over the whole text costs more than the rest of the number scan (~0.1 s/MB each)."""
    src = lowered(text) if fold_case else text
    out: dict[tuple[int, int], re.Match] = {}
    for key in keys:
        i = src.find(key)
        while i >= 0:
            for rx in rxs:
                for m in rx.finditer(text, max(0, i - before), i + len(key) + after):
                    if m.start(group) <= i < m.end(group):
                        out.setdefault(m.span(group), m)
            i = src.find(key, i + 1)
    return [out[k] for k in sorted(out)]


def scan_scaled_before_noun(text: str) -> list[Quantity]:
    """约2.38亿常住人口, 2235万城市居民: a bare 万/亿 amount before the people it counts."""
    nouns = load_json("units.json")["zh_counted_after"]
    out = []
    for m in near_keys(text, ("万", "亿"), (_scaled_before_regex(),), 24):
        between = text[m.end():m.start("noun")]
        if any(c in between for c in "的和与及、，。"):
            continue  # 300万元的居民补贴 is not read here (a unit follows anyway); 2万家庭 is
        v = parse_number(m.group("num"))
        if v is None:
            continue
        scale = scale_of(m.group("scale"))
        out.append(Quantity(m.start(), m.end(), m.start(), product(v, scale), v, m.group("scale"), scale,
                            nouns[m.group("noun")], "count", script="zh"))
    return out


def zh_unit_chars() -> str:
    """First characters of the Chinese units, so a bare amount is not one followed by its unit."""
    return "".join(sorted({re.escape(w[0]) for w in patterns()["zh_unit"].split("|") if w}))


@lru_cache(maxsize=1)
def _per_regex() -> re.Pattern:
    per = {k: v for k, v in load_json("units.json")["en_per"].items() if not k.startswith("_")}
    return re.compile(rf"[ \t]+(?:per|a|an|/)[ \t]*(?P<per>{alternation(per)})\b")


@lru_cache(maxsize=1)
def _zh_per_regex() -> re.Pattern:
    per = {k: v for k, v in load_json("units.json")["zh_per"].items() if not k.startswith("_")}
    return re.compile(rf"[ \t]*(?:/|每)[ \t]*(?P<per>{alternation(per)})")


def zh_per_unit(text: str, q: Quantity) -> None:
    """35.55元/股 is CNY/share, 82.40美元/桶 USD/barrel, 2500元/平方米 CNY/m2: a price quoted per unit."""
    from .fact import UNITS
    m = _zh_per_regex().match(text, q.end)
    if not m:
        return
    combined = f"{q.unit}/{load_json('units.json')['zh_per'][m.group('per')]}"
    if combined in UNITS:
        q.unit, q.kind, q.end = combined, "ratio", m.end()
        q.raw_unit += text[m.start():m.end()].strip()


def per_unit(text: str, q: Quantity) -> None:
    """'7.27 yuan per US dollar' is CNY/USD; '85 dollars a barrel' is USD/barrel (when the contract has the unit)."""
    from .fact import UNITS
    m = _per_regex().match(text, q.end)
    if not m:
        return
    per = load_json("units.json")["en_per"][m.group("per")]
    combined = f"{q.unit}/{per}"
    if combined in UNITS:
        q.unit, q.kind, q.end = combined, "ratio", m.end()


@lru_cache(maxsize=1)
def _fraction_regex() -> Skipping:
    f = load_json("units.json")["zh_fractions"]
    num = r"[0-9]+(?:\.[0-9]+)?|[一二两三四五六七八九十][一二三四五六七八九十]?(?:点[〇零一二三四五六七八九]+)?"
    return Skipping(re.compile(  # (searched from its first characters, ~3x faster)
        rf"(?<![0-9.〇零一二两三四五六七八九十百千万亿])"
        rf"(?:(?P<den>{num}|[千万])(?:{f['of']})(?P<of>{num})"
        rf"|(?P<tenths>{num})(?:{f['tenth']})(?!{alternation([w[1:] for w in f['not_tenths']])}))"))


def scan_fractions(text: str) -> list[Quantity]:
    """七成, 近5成, 三分之一, 千分之三: a share written as a fraction (tenths, or X parts of Y) is a percent.
    百分之… is read with the other numbers."""
    units = load_json("units.json")["zh_fractions"]["denominators_as_units"]
    not_before = tuple(load_json("units.json")["zh_fractions"]["not_followed_by"])
    out = []
    for m in near_keys(text, ("成", "分之"), (_fraction_regex(),), 12):
        if text.startswith(not_before, m.end()):
            continue
        if m.group("tenths"):
            v = parse_number(m.group("tenths"))
            if v is None or not 0 < v <= 10:
                continue
            out.append(Quantity(m.start(), m.end(), m.start(), product(v, 10), v, "成", 10.0, "percent", "percent",
                                spelled=not m.group("tenths")[0].isdigit(), script="zh"))
            continue
        den_s, num_s = m.group("den"), m.group("of")
        num = parse_number(num_s)
        if num is None:
            continue
        if units.get(den_s) == "per_mille":
            v, unit = num, "per_mille"
        else:
            den = 1e4 if den_s == "万" else parse_number(den_s)
            if not den or num > den:
                continue
            v, unit = num / den * 100, "percent"
        out.append(Quantity(m.start(), m.end(), m.start(), v, num, "分之", 1.0, unit, "percent",
                            spelled=not num_s[0].isdigit(), script="zh"))
    return out


@lru_cache(maxsize=1)
def _fx_regex() -> tuple[re.Pattern, re.Pattern]:
    pairs = {k: v for k, v in load_json("units.json")["en_fx_pairs"].items() if not k.startswith("_")}
    # a rate: one digit, a point, two to four decimals, and no unit or scale of its own
    rate = re.compile(r"(?<![\w.])[0-9]\.[0-9]{2,4}(?![0-9%]|[ \t]*(?:per[ \t]?cent|percent|bn|billion|million|trillion|bp|ppt))")
    return re.compile(rf"\b(?:{alternation(pairs)})\b"), rate


def scan_fx_rates(text: str) -> list[Quantity]:
    """'USD/CNY traded at 7.12', 'our end-2025 USD/CNY forecast to 7.05 (from 7.20)': the rates after a currency
    pair, up to the end of its sentence, are quoted in that pair's unit."""
    pair_rx, rate_rx = _fx_regex()
    units = load_json("units.json")["en_fx_pairs"]
    out = []
    for m in pair_rx.finditer(text):
        end = _SENTENCE_END.search(text, m.end())
        for r in rate_rx.finditer(text, m.end(), end.start() if end else len(text)):
            v = float(r.group())
            out.append(Quantity(r.start(), r.end(), r.start(), v, v, "", 1.0, units[m.group()], "ratio", script="en"))
    return out


_SENTENCE_END = re.compile(r"[.;!?](?=\s)|\n")



_COORD = r"[ \t]*(?:和|与|及|、)[ \t]*"
# 比上年分别提高0.6和1.0个百分点: a bare number coordinated with one that carries a point or percent unit shares it
# (searched from its digits: see reference.Skipping, ~4x faster)
_ELIDED_UNIT = Skipping(re.compile(
    rf"(?<![0-9.,%])(?P<num>{ARABIC})(?=(?:{_COORD}{ARABIC}(?:个)?)+[ \t]*(?P<unit>个百分点|百分点|%|‰))"))


def scan_elided_unit(text: str) -> list[Quantity]:
    """0.6和1.0个百分点, 3.2、4.1和5.0%: the numbers before the last of a list take its point or percent unit."""
    if "百分点" not in text and "%" not in text and "‰" not in text:
        return []
    out = []
    for m in _ELIDED_UNIT.finditer(text):
        v, u = parse_number(m.group("num")), zh_unit(m.group("unit"))
        if v is not None and u is not None:
            out.append(Quantity(m.start("num"), m.end("num"), m.start("num"), product(v, 1.0, u.factor), v, "", 1.0,
                                u.unit, u.kind, script="zh"))
    return out
