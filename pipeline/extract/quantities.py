"""Quantity spans in the working copy: a number with its scale and unit (975亿元, 3.832 trillion RMB, 2—3家,
8% to 10%, 1000多家, 百分之十二, nine key tasks). What the quantity is about is decided elsewhere."""
from __future__ import annotations

import re
from dataclasses import replace
from bisect import bisect_left
from decimal import Decimal
from functools import lru_cache

from .counts import counted_noun
from .numbers import ARABIC, ARABIC_OCR, CHINESE, MIXED_THOUSANDS, MIXED_THOUSANDS_PART, SIGN, english_word_pattern, is_year_like, parse_number
from .fx import scan_per_currency
from .time_counts import scan_ratio_shares, scan_time_counts
from .phrases import per_unit, zh_per_unit, scan_bare_money, scan_bare_scaled, scan_elided_unit, scan_fractions, scan_fx_rates, scan_index, scan_scaled_before_noun
from .quantity import Quantity, product
from .spelled import scan_spelled_en
from .text_tables import scan_text_tables
from .reference import guarded, load_json, trie_pattern
from .units import SUBUNIT, Unit, en_unit, patterns, prefix_currency, scale_of, zh_unit

__all__ = ["Quantity", "product", "scan"]

_H = r"[ \t]"


@lru_cache(maxsize=1)
def _zh_regex() -> re.Pattern:
    p = patterns()
    # OCR spacing inside a decimal (8 .8 %, 1 5 .3 %) is read only where it forms a decimal
    # and a run of three or more single digits (1 8 5 8 亿美元) is one number spaced out by the scan
    # and a thousands comma with a space beside it (7, 013. 685万元) when a decimal follows
    ocr = (r"[0-9]{1,3}(?:[ ]?,[ ]?[0-9]{3})+[ ]?\.[ ]?[0-9]+"
           r"|[0-9](?:[ ]?[0-9])*[ ]?\.[ ]?[0-9](?:[ ]?[0-9])*|[0-9](?: [0-9]){2,}(?![0-9])")
    num = rf"(?:{ocr}|{MIXED_THOUSANDS}|{ARABIC}|{CHINESE})"
    # the lookahead rejects most positions on their first character: ~5x faster on Chinese text
    return re.compile(
        rf"(?=[0-9百千〇零一二两三四五六七八九十+\-−－负$€£¥A-Z])(?:"
        # MOP 1,148亿, HK$ 30亿: a currency written before an amount scaled in Chinese
        rf"(?P<cpre>{p['en_prefix']})[ \t]?(?P<cnum>{ARABIC})[ \t]?(?P<cscale>{p['zh_scale']})(?!{p['zh_unit']})"
        rf"|(?P<pct_pre>百分之)(?P<pnum>{CHINESE}|{ARABIC}|百)(?:(?:到|至|[-—–~～])(?:百分之)?(?P<pnum2>{CHINESE}|{ARABIC}))?"
        rf"|(?<![0-9.〇零一二两三四五六七八九十百千万亿A-Za-z])(?<![0-9],)(?P<sign>(?<![0-9A-Za-z]){SIGN}|负)?(?P<num>{num})"
        rf"(?:{_H}?(?P<inner1>余|多))?"
        rf"(?:{_H}*(?P<u1>%)?(?P<scale1>{p['zh_scale']})?(?P<unit1>{p['zh_unit']})?{_H}*(?P<dash>[-—–~～]|至|到){_H}*(?P<num2>{num}))?"
        rf"{_H}?(?P<scale>{p['zh_scale']})?(?:(?P<num_b>{MIXED_THOUSANDS_PART}|{ARABIC})(?P<scale_b>{p['zh_scale']})?)?(?P<inner2>余|多)?{_H}?(?P<unit>{p['zh_unit']}))"
    )


@lru_cache(maxsize=1)
def _en_regex() -> re.Pattern:
    p = patterns()
    words = english_word_pattern()
    return re.compile(
        rf"(?:(?<![\w.$€£¥\-])(?=[0-9$€£¥+\-−RCUEJHNotfsenzhadOTFSENZHAD])|(?<=[\u3400-\u9fff])(?=[A-Z$€£¥]))"
        rf"(?:(?P<pre>{p['en_prefix']}){_H}?)?(?P<sign>{SIGN})?"
        rf"(?P<num>{ARABIC_OCR}|(?i:{words})(?![\w-]))"
        rf"(?:{_H}*(?P<u1>%|percent|per cent)?{_H}*(?P<dash>-|–|—|~|to|and){_H}*(?P<pre2>{p['en_prefix']})?{_H}?(?P<num2>{ARABIC_OCR}))?"
        # 'US$3.3tn', '11.79m graduates': abbreviated scales glued to the number
        # ('$550m)': after a currency sign an 'm' is millions wherever the phrase ends)
        rf"(?:{_H}?(?P<scale>(?i:thousand|million|billion|trillion)|bn|mn|trn|tn|(?<=[0-9])m(?(pre)|(?=[ \t]+(?:[a-z]|[A-Z]{{2,6}}s\b))))(?![A-Za-z]))?"
        # ('its 2016 euro area forecast': a region's name, not an amount in euros; '60trn-odd yuan': some 60trn)
        rf"(?:(?<=[a-z])-odd)?"
        # ('at $1.1194 EUR=': an instrument code, not a unit)
        rf"(?:{_H}?(?P<unit>{p['en_unit']})(?![A-Za-z=])(?![ \t-]+(?:{p['en_unit_names']})\b))?"
    )


_BETWEEN = re.compile(r"(?i)\bbetween[ \t]+$")
_YEAR_PREP = re.compile(r"(?i)\b(?:in|by|since|until|from|to|of|during|before|after|end|year)[ \t]+$|(?:1[89]|20)[0-9]{2}[ \t]*[-–—~][ \t]*$")
_NOT_RANGE_BEFORE = re.compile(r"(?i)\bfrom\s*(?:\S+\s*){0,2}$|(?:从|由)[^，,。；;、\s]{0,8}$")


def scan(text: str, has_han: bool = True, has_latin: bool = True) -> list[Quantity]:
    out: list[Quantity] = []
    if has_han:
        out.extend(_scan_zh(text))
        # phrase patterns after the main one: each adds only what no earlier quantity already covers
        for phrases in (scan_bare_scaled, scan_bare_money, scan_scaled_before_noun, scan_fractions, scan_text_tables,
                        scan_elided_unit, scan_time_counts):
            _add_uncovered(out, phrases(text))
    if "指数" in text or "ndex" in text or "PMI" in text or "点" in text:
        _add_uncovered(out, scan_index(text))
    if has_latin and ("USD" in text or "usd" in text):
        _add_uncovered(out, scan_fx_rates(text))
    if has_latin:
        _add_uncovered(out, scan_per_currency(text))
    _add_uncovered(out, scan_ratio_shares(text))
    if has_latin:
        _add_uncovered(out, _scan_en(text))
    out.sort(key=lambda q: (q.start, q.end))
    return out


def _add_uncovered(out: list[Quantity], found: list[Quantity]) -> None:
    """Add the quantities of `found` that overlap none already in `out` (in O(n log n): a span overlaps one taken
    when, among the taken spans starting before its end, the furthest end lies past its start)."""
    taken = sorted((q.start, q.end) for q in out)
    starts = [a for a, _ in taken]
    reach, furthest = [], -1
    for _, b in taken:
        furthest = max(furthest, b)
        reach.append(furthest)
    for q in found:
        i = bisect_left(starts, q.end)
        if i == 0 or reach[i - 1] <= q.start:
            out.append(q)


@lru_cache(maxsize=1)
def _zh_change_before() -> re.Pattern:
    cues = load_json("indicator_cues.json")
    verbs = trie_pattern(cues["zh_growth"] + cues["zh_decline"])
    return re.compile(rf"(?:{verbs})(?:了)?(?:{trie_pattern(cues['zh_change_modifiers'])})?[ \t]*$")


def _zh_change_then_level(text: str, m: re.Match) -> bool:
    """微跌1.5亿元至1391亿元, 增加3家至12家: a change verb, an amount with its own full unit, then 至 and a new
    level at least three times the change: two values. A range keeps its ends close (增长5%至8%, 多了十五亿元到
    二十亿元) and seldom repeats its unit after a change verb (增长10亿至15亿元)."""
    if not m.group("unit1") or m.group("unit1") != m.group("unit") or m.group("dash") not in ("至", "到"):
        return False
    v1, v2 = parse_number(m.group("num")), parse_number(m.group("num2"))
    if v1 is None or v2 is None or v1 <= 0 or v2 < 3 * v1:
        return False
    return bool(_zh_change_before().search(text, max(0, m.start() - 12), m.start()))


def _is_plain_range(text: str, start: int) -> bool:
    """'8% to 10%' is a range; 'from 35% to 25%' and 从…到… are two values."""
    return not _NOT_RANGE_BEFORE.search(text[max(0, start - 20):start])


def _scan_zh(text: str) -> list[Quantity]:
    out: list[Quantity] = []
    rx = _zh_regex()
    pos = 0
    while True:
        m = rx.search(text, pos)
        if not m:
            break
        pos = m.end()
        if m.group("cpre"):
            v = parse_number(m.group("cnum"))
            code = prefix_currency(m.group("cpre"))
            if v is not None and code:
                scale = scale_of(m.group("cscale"))
                out.append(Quantity(m.start(), m.end(), m.start("cnum"), product(v, scale), v,
                                    f"{m.group('cpre')} {m.group('cscale')}", scale, code, "money", script="zh"))
            continue
        if m.group("pct_pre"):
            v = 100.0 if m.group("pnum") == "百" else parse_number(m.group("pnum"))  # 百分之百
            v2 = parse_number(m.group("pnum2")) if m.group("pnum2") else None
            if v is not None and v2 is not None and v2 <= v:
                v2 = None
            if v is not None:
                out.append(Quantity(m.start(), m.end(), m.start("pnum"), v, v, "百分之", 1.0, "percent", "percent",
                                    value_high=v2, spelled=not m.group("pnum")[0].isdigit()))
            continue
        unit = zh_unit(m.group("unit"))
        num_s = m.group("num")
        if _PAIR.fullmatch(num_s):
            q = _approximate_pair(text, m, num_s, unit)  # 两三个, 三四家: 'two or three'
            if q:
                out.append(q)
            continue
        v = parse_number(num_s)
        if v is None and m.group("scale") and _has_inner_scale(num_s):
            v = 0.0  # 三亿六千 alone is not a numeral; it is read with its scale below
        if unit is None or v is None:
            continue
        if m.group("unit") in _SYMBOLS and not _near_han(text, m.start(), m.end()):
            continue  # '8% to 10%' in English prose is read by the English pattern
        if m.group("sign") and m.group("sign") in "-−－负":
            v = -v
        if m.group("num2") and (not _is_plain_range(text, m.start()) or _zh_change_then_level(text, m)
                                or (m.group("unit1") and m.group("unit1") != m.group("unit"))
                                or (m.group("u1") and unit.unit != "percent")):  # 下跌0.6%至2,048.2億元
            # 从3家增加到5家, 从100万元到300万元: two values, not a range; rescan from the second
            q = _zh_first_of_pair(text, m, v, unit)
            if q:
                out.append(q)
            pos = m.start("num2")
            continue
        raw_unit_start = m.start("scale") if m.group("scale") else m.start("unit")
        scale = scale_of(m.group("scale"))
        if m.group("scale") and _has_inner_scale(num_s):
            # 三亿六千万: the numeral and its last scale are one number
            whole = parse_number(num_s + m.group("scale"))
            if whole is None:
                continue
            v = whole / scale
        if m.group("num_b"):
            # 23兆9,576亿元, 5万5,823元: a larger and a smaller unit of the same amount
            vb = parse_number(m.group("num_b"))
            sb = scale_of(m.group("scale_b"))
            if not m.group("scale") or vb is None or sb >= scale or vb * sb >= scale:
                pos = m.start("num_b")
                continue
            v = float(Decimal(repr(v)) + Decimal(repr(vb)) * Decimal(repr(sb)) / Decimal(repr(scale)))
        q = _make(m, v, scale, unit, text[raw_unit_start:m.end("unit")], "zh")
        if q is None:
            continue
        q.spelled = not num_s[0].isdigit()
        q.inner_qualifier = m.group("inner1") or m.group("inner2")
        if q.kind == "money":
            zh_per_unit(text, q)  # 35.55元/股, 2500元/平方米
        if q.raw_unit == "个" and _ELIDED_POINTS.match(text, q.end):
            q = _as_points(q)  # 分别低0.02个和0.47个百分点: the first 个 is short for 个百分点
        out.append(q)
    return out


_ELIDED_POINTS = re.compile(rf"(?:[ \t]*(?:和|与|及|、|，|,)[ \t]*{ARABIC}[ \t]*个(?!百分点))*"
                            rf"[ \t]*(?:和|与|及|、|，|,)[ \t]*{ARABIC}[ \t]*个百分点")


def _as_points(q: Quantity) -> Quantity:
    pp = zh_unit("个百分点")
    return replace(q, value=product(q.raw_value, q.scale, pp.factor), unit=pp.unit, kind=pp.kind)


_PAIR = re.compile(r"[一二两三四五六七八九]{2}")
_DIGIT_OF = {c: i for i, c in enumerate("一二三四五六七八九", 1)} | {"两": 2}


def _approximate_pair(text: str, m: re.Match, num_s: str, unit: Unit | None) -> Quantity | None:
    a, b = _DIGIT_OF[num_s[0]], _DIGIT_OF[num_s[1]]
    if unit is None or b != a + 1 or m.group("scale") or m.group("num2"):
        return None  # 一二, 二〇: list labels and year digits, not an amount
    return Quantity(m.start(), m.end(), m.start("num"), float(a), float(a), text[m.start("unit"):m.end("unit")], 1.0,
                    unit.unit, unit.kind, value_high=float(b), spelled=True, script="zh", inner_qualifier="~")


def _has_inner_scale(num: str) -> bool:
    return any(ch in "万亿兆" for ch in num)


def _zh_first_of_pair(text: str, m: re.Match, v: float, unit: Unit) -> Quantity | None:
    if m.group("unit1"):
        u = zh_unit(m.group("unit1"))
        end = m.end("unit1")
        raw_start = m.start("scale1") if m.group("scale1") else m.start("unit1")
        scale = scale_of(m.group("scale1"))
    elif m.group("u1"):
        u, end, raw_start, scale = zh_unit(m.group("u1")), m.end("u1"), m.start("u1"), 1.0
    else:
        return None  # a bare number: its unit is the second one's, but we do not publish a guess
    if u is None:
        return None
    return Quantity(m.start(), end, m.start("num"), product(v, scale, u.factor), v, text[raw_start:end], scale,
                    u.unit, u.kind, spelled=not m.group("num")[0].isdigit(), script="zh",
                    inner_qualifier=m.group("inner1"))


_SYMBOLS = frozenset("%‰")
_HAN = re.compile(r"[\u3400-\u9fff]")


def _near_han(text: str, start: int, end: int) -> bool:
    return bool(_HAN.search(text, max(0, start - 3), start) or _HAN.match(text, end))


def _make(m: re.Match, v: float, scale: float, unit: Unit, raw_unit: str, script: str) -> Quantity | None:
    value_high = None
    start, end = m.start(), m.end()
    if m.group("num2"):
        v2 = parse_number(m.group("num2"))
        if v2 is None:
            return None
        if m.group("sign") and m.group("sign") in "-−－":
            v2 = -v2
        if v2 <= v:
            return None  # '1-0', '5-3': a score or a code, not a range (a range is written low to high)
        value_high = product(v2, scale, unit.factor)
        if "scale1" in m.re.groupindex and m.group("scale1") and m.group("scale"):
            # 七十亿到一百亿元: each end carries its own scale
            v = v * scale_of(m.group("scale1")) / scale
    return Quantity(start, end, m.start("num"), product(v, scale, unit.factor), v, raw_unit, scale, unit.unit, unit.kind,
                    value_high=value_high, script=script, ocr_spaced=". " in m.group("num"))


@lru_cache(maxsize=1)
def _en_candidate_patterns() -> tuple[re.Pattern, ...]:
    """Three scans, each starting with a literal character set the engine can skip to (one pattern holding all
    three alternatives cost ~0.07 s/MB of English, twice as much): digits and currency signs, a sign before a
    digit, number words (as written, Capitalised or UPPER; 'a' only in 'a hundred', 'a dozen'), currency codes."""
    from .numbers import _words
    w = _words()
    words = list(w["units"]) + list(w["tens"]) + ["hundred", "dozen", "dozens", "half"]
    forms = sorted({x for v in words for x in (v, v.capitalize(), v.upper())})
    # (the first: a digit that starts a run, a currency sign, or a sign before either; it opens with their class
    # so that the engine skips to them, ~3x faster than '[0-9$€£¥][0-9]*|[+\-−](?=[0-9$€£¥])', which finds the same starts)
    return (re.compile(r"[0-9$€£¥+\-−](?:(?<=[+\-−])(?=[0-9$€£¥])|(?<![+\-−])(?<![0-9$€£¥][0-9]))"),
            guarded(rf"\b(?:{trie_pattern(forms)}|[aA]n?[ \t]+(?:hundred|dozen))\b"),
            re.compile(trie_pattern(patterns()["en_prefix_words"])))


def _en_candidates(text: str) -> list[int]:
    """Where the full English pattern is worth trying, in text order."""
    starts: set[int] = set()
    for rx in _en_candidate_patterns():
        starts.update(m.start() for m in rx.finditer(text))
    return sorted(starts)


def _scan_en(text: str) -> list[Quantity]:
    rx = _en_regex()
    out: list[Quantity] = []
    pos = 0
    # the full pattern is tried only where a digit, a currency sign or a number word can start
    for c in _en_candidates(text):
        if c < pos:
            continue
        m = rx.match(text, c)
        if not m or m.end() == m.start():
            continue
        pos = m.end()
        if (not m.group("pre") and not m.group("u1") and is_year_like(m.group("num"))
                and _YEAR_PREP.search(text, max(0, m.start() - 8), m.start())):
            pos = m.end("num")  # 'in 2015 to 3.4 billion', 'in 2006–2010 to 0.9 points': a year, not a range's low end
            continue
        mixed = bool(m.group("u1")) and not (m.group("unit") and en_unit(m.group("unit")) == en_unit(m.group("u1")))
        # 'A and B' is a range only after 'between'
        loose_and = m.group("dash") == "and" and not _BETWEEN.search(text, max(0, m.start() - 10), m.start())
        if m.group("num2") and (mixed or loose_and or not _is_plain_range(text, m.start())):
            # two values ('from 35% to 25%', 'rose 4 percent to 1.6 trillion yuan'): the first alone, then rescan
            first_end = m.end("u1") if m.group("u1") else m.end("num")
            unit_word = m.group("u1") or m.group("unit")
            q = _en_quantity(text, m, first_end, unit_word, single=True)
            if q:
                out.append(q)
            # 'rose 12% to HK$5.2 billion': the rescan starts at the second value's currency sign
            pos = m.start("pre2") if m.group("pre2") else m.start("num2")
            continue
        q = _en_quantity(text, m, m.end(), m.group("unit"), single=False)
        if q:
            out.append(q)
    _share_units(text, out)
    out.extend(scan_spelled_en(text))
    return out


_SHARED = re.compile(r"[ \t]*(?:,[ \t]*)?(?:and|or|to)[ \t]+$")


def _share_units(text: str, out: list[Quantity]) -> None:
    """'126 billion and 148 billion yuan': a scaled amount with no unit of its own takes the unit of the next one
    when only 'and', 'or' or 'to' stands between them."""
    for q1, q2 in zip(out, out[1:]):
        if (q1.unit == "count" and not q1.noun and q1.scale > 1 and q2.kind == "money" and q2.scale == q1.scale
                and _SHARED.fullmatch(text, q1.end, q2.start)):
            q1.unit, q1.kind = q2.unit, q2.kind


def _en_quantity(text: str, m: re.Match, end: int, unit_word: str | None, single: bool) -> Quantity | None:
    num_s = m.group("num")
    v = parse_number(num_s)
    if v is None:
        return None
    if m.group("sign") and m.group("sign") in "-−－":
        v = -v
    spelled = not num_s[0].isdigit()
    scale_w = m.group("scale")
    scale = scale_of(scale_w)
    prefix_code = prefix_currency(m.group("pre"))
    unit = en_unit(unit_word) if unit_word else None
    if unit is not None and unit.unit == SUBUNIT:
        # 'RMB10.63 cents': a hundredth of the currency before the number; without one, not an amount we can read
        unit = Unit(prefix_code, "money", unit.factor) if prefix_code else None
        if unit is None:
            return None
    if unit is None and prefix_code:
        unit = Unit(prefix_code, "money", 1.0)
    raw_parts = [p for p in (m.group("pre"), scale_w, unit_word) if p]
    raw_unit = " ".join(raw_parts)
    if single:
        if unit is None:
            return None
        if m.group("u1"):
            # 'rose 4 percent to 1.6 trillion yuan': the first value has its own unit and no scale
            end, scale, raw_unit = m.end("u1"), 1.0, m.group("u1")
        else:
            # 'from 35 to 25 percent': the first number borrows the shared unit, its quote stays the number
            end = m.end("num")
        return Quantity(m.start(), end, m.start("num"), product(v, scale, unit.factor), v, raw_unit, scale, unit.unit,
                        unit.kind, spelled=spelled, script="en")
    if unit is not None:
        q = _make(m, v, scale, unit, raw_unit, "en")
        if q:
            q.spelled = spelled
            q.end = end
            if unit.kind == "money":
                per_unit(text, q)
        return q
    if m.group("num2"):
        return None
    if scale_w == "m" and not prefix_code:
        counted = _counted(text, m, v * scale, spelled, after=m.end("scale"))
        if counted is not None:
            counted.raw_value, counted.scale, counted.raw_unit = v, scale, scale_w
        return counted  # a glued 'm' without a counted noun may be metres
    if scale_w:
        counted = _counted(text, m, v * scale, spelled, after=m.end("scale"))
        if counted is not None:
            counted.raw_value, counted.scale, counted.raw_unit = v, scale, scale_w
            return counted  # '2.3 million workers'
        # a bare scaled number ('reached 1.079 billion') counts things
        return Quantity(m.start(), m.end("scale"), m.start("num"), product(v, scale), v, scale_w, scale, "count", "count",
                        spelled=spelled, script="en", ocr_spaced=". " in num_s)
    return _counted(text, m, v, spelled)


def _counted(text: str, m: re.Match, v: float, spelled: bool, after: int | None = None) -> Quantity | None:
    num_s = m.group("num")
    if after is None and (not float(v).is_integer() or "." in num_s):
        return None
    if m.group("pre") or m.group("sign"):
        return None
    after = m.end("num") if after is None else after
    got = counted_noun(text, m.start(), after, spelled, after != m.end("num"), is_year_like(num_s))
    if got is None:
        return None
    end, noun, unit = got
    return Quantity(m.start(), end, m.start("num"), v, v, "", 1.0, unit, "count", spelled=spelled, noun=noun,
                    script="en")
