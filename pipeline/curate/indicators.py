"""Which catalog concept a fact measures: `indicator_code` and `indicator_en` from the fact's own words.

Three readings, in order, each under the rules of pipeline/reference/indicator_rules.json:
1. the fact's `indicator` (服务业增加值, `regional GDP of Xuzhou`);
2. where that names no concept, the words just before the number in its clause (R&D投入强度分别达到 6.08%),
   or, where those name nothing either, the sentence's topic clause (社会商品零售总额，比上年增长9.8%);
3. a growth or change that follows a coded value of the same sentence with only measure words between
   (进出口总值240.0亿元，比上年增长14.7%) takes that value's code.
A concept is only taken when the fact's unit fits it (a count is never GDP), and no output concept is taken for
an item of a list of new capacity (新增加的生产能力有：…). No reading: null, since a wrong code is worse than none."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..documents.script import to_simplified
from .catalog import Indicator, by_code, load_catalog, load_rules

_HAN = re.compile(r"[\u3400-\u9fff]")
_CIRCLED = re.compile(r"[\u2460-\u2473]")  # ①…⑳ footnote marks; NFKC would turn them into digits
_ZH_CLAUSE = re.compile(r"[，。；;,：:！？!?\n]")
_EN_CLAUSE = re.compile(r"[.;:!?]\s|\n|,\s")
_EN_WORD = re.compile(r"[0-9][0-9.,]*%?|[a-z$%&'’\-]+")
_DENOMINATOR_ZH = ("占", "比", "等于", "相当于")
_CONJUNCTIONS_ZH = ("和", "及", "与", "以及", "、")
_PARENS = re.compile(r"\([^()]*\)")
_PER_CAPITA = ("人均", "per capita", "per-capita")


@lru_cache(maxsize=8192)  # a sentence is normalized once for each of its facts otherwise
def normalize(text: str, lang: str) -> str:
    """Comparable form: footnote marks dropped, NFKC (full-width → ASCII), lower case, simplified script."""
    text = unicodedata.normalize("NFKC", _CIRCLED.sub("", text or "")).lower()
    return to_simplified(text) if lang.startswith("zh") else re.sub(r"\s+", " ", text).replace("’", "'")


@lru_cache(maxsize=1)
def _zh_aliases() -> dict[str, Indicator]:
    out: dict[str, Indicator] = {}
    for ind in load_catalog():
        for a in ind.aliases["zh-Hans"]:
            out.setdefault(normalize(a, "zh-Hans"), ind)
    return out


@lru_cache(maxsize=1)
def _en_pattern() -> tuple[re.Pattern, dict[str, Indicator]]:
    table: dict[str, Indicator] = {}
    for ind in load_catalog():
        for a in ind.aliases["en"]:
            table.setdefault(normalize(a, "en"), ind)
    alts = "|".join(re.escape(a) for a in sorted(table, key=lambda a: (-len(a), a)))
    return re.compile(rf"(?<![\w&])(?:{alts})(?![\w&])"), table


@lru_cache(maxsize=1)
def _zh_rules() -> tuple[re.Pattern, tuple[re.Pattern, ...], tuple[str, ...]]:
    rules = load_rules()

    def norm(words):  # the rules are matched against normalized text, so they are normalized the same way
        return sorted({normalize(w, "zh-Hans") for w in words}, key=len, reverse=True)
    tail = re.compile("(?:" + "|".join(norm(rules["tail_patterns"]) + [re.escape(t) for t in norm(rules["tail_tokens"])])
                      + ")*")
    patterns = tuple(re.compile(p) for p in norm(rules["zh_prefix_patterns"]))
    return tail, patterns, tuple(norm(rules["zh_prefixes"]))


@lru_cache(maxsize=1)
def _stated_value() -> re.Pattern:
    """The value an earlier clause states for the topic (…为二百亿度): not a measure word of the fact's own
    indicator (生铁八十万吨 before a steel figure is the previous item), but the topic's own figure."""
    return re.compile(load_rules()["zh_stated_value"] + "$")


def _tail_ok(tail: str) -> bool:
    return _zh_rules()[0].fullmatch(tail.strip()) is not None


def _strip_prefix(text: str, places: tuple[str, ...]) -> str:
    """`text` less one leading scope word, date or place name (the first that applies); unchanged if none."""
    _, patterns, prefixes = _zh_rules()
    for p in places:
        if p and text.startswith(p) and len(text) > len(p):
            return text[len(p):]
    for w in prefixes:
        if text.startswith(w) and len(text) > len(w):
            return text[len(w):]
    for pat in patterns:
        m = pat.match(text)
        if m and m.end() < len(text):
            return text[m.end():]
    return text


@lru_cache(maxsize=1)
def _zh_aliases_plain() -> dict[str, Indicator]:
    """The aliases with the particle 的 taken out: 钢的产量 and 铁路的货物周转量 name what 钢产量 and
    铁路货物周转量 name."""
    out: dict[str, Indicator] = {}
    for a, ind in _zh_aliases().items():
        out.setdefault(a.replace("的", ""), ind)
    return out


def _zh_at_start(text: str, unit: str | None, aliases: dict[str, Indicator]) -> Indicator | None:
    """The longest alias that opens `text`, fits `unit` and is followed only by measure words."""
    for k in range(len(text), 0, -1):
        ind = aliases.get(text[:k])
        if ind is not None and _tail_ok(text[k:]) and ind.admits(unit):
            return ind
    return None


def code_zh(indicator: str, unit: str | None, places: tuple[str, ...] = ()) -> Indicator | None:
    text = normalize(indicator, "zh-Hans").strip()
    if text.startswith(_DENOMINATOR_ZH):
        return None  # 占全市GDP的 (比重): GDP is what the share is of, not what is measured
    if text.startswith(_CONJUNCTIONS_ZH) and "分别" in text:
        return None  # (居民医保)和公共卫生补助标准分别增加30元和5元: the first value is the earlier item's
    ind = _code_zh_text(text, unit, places, _zh_aliases())
    if ind is None and "的" in text:  # a second reading without the particle: 钢的产量 is 钢产量
        ind = _code_zh_text(text.replace("的", ""), unit, places, _zh_aliases_plain())
    return ind


def _code_zh_text(text: str, unit: str | None, places: tuple[str, ...], aliases) -> Indicator | None:
    """An alias that opens `text` once up to 12 leading scope words, dates or places are set aside."""
    for _ in range(12):
        ind = _zh_at_start(text, unit, aliases)
        if ind is not None:
            return ind
        shorter = _strip_prefix(text, places)
        if shorter == text:
            return None
        text = shorter
    return None


def code_en(indicator: str, unit: str | None) -> Indicator | None:
    """The longest English alias in `indicator` (not as the object of 'share of', 'ratio to'…) that fits `unit`."""
    text = normalize(indicator, "en")
    pattern, table = _en_pattern()
    deny = set(load_rules()["en_denominator_words"])
    best = None
    for m in pattern.finditer(text):
        before = text[: m.start()].split()
        if before and before[-1] in deny or "to" in before[-3:]:
            continue  # share of GDP; the ratio of prices to household disposable income
        ind = table[m.group(0)]
        if ind.admits(unit) and (best is None or len(m.group(0)) > len(best[0])):
            best = (m.group(0), ind)
    return best[1] if best else None


def _left_ok_zh(left: str) -> bool:
    """An alias found inside a clause starts a noun phrase, not the middle of one (现代|服务业增加值), nor a part
    named by a possessive or a list (这些农场的|耕地面积, 饼肥和|化学肥料)."""
    if "占" in left:
        return False  # 制造业增加值占地区生产总值比重: what follows 占 is the whole the share is of
    return (not left or not _HAN.match(left[-1]) or left[-1] in "市省区县州旗盟年"
            or left.endswith(_long_prefixes()))


@lru_cache(maxsize=1)
def _long_prefixes() -> tuple[str, ...]:
    return tuple(p for p in _zh_rules()[2] if len(p) > 1)


def _clause_before(sentence: str, quote: str, lang: str) -> str | None:
    pos = sentence.find(quote)
    if pos < 0:
        return None
    splitter = _ZH_CLAUSE if lang.startswith("zh") else _EN_CLAUSE
    before = _PARENS.sub("", sentence[:pos])  # 固定资产投资(不含农户，下同)比上年下降: the aside is not a clause
    return splitter.split(before)[-1]


def from_clause_zh(clause: str, unit: str | None) -> Indicator | None:
    """The subject just before the number: the longest alias in `clause` followed only by measure words."""
    aliases, best = _zh_aliases(), None
    for i in range(len(clause)):
        if not _left_ok_zh(clause[:i]):
            continue
        for k in range(len(clause), i, -1):
            ind = aliases.get(clause[i:k])
            if ind is not None and _tail_ok(clause[k:]) and ind.admits(unit):
                if best is None or k - i >= best[0]:
                    best = (k - i, ind)
                break
    return best[1] if best else None


def _en_fillers_only(text: str) -> bool:
    fillers = set(load_rules()["en_fillers"])
    return all(w in fillers or w[0].isdigit() for w in _EN_WORD.findall(text))


def from_clause_en(clause: str, unit: str | None) -> Indicator | None:
    pattern, table = _en_pattern()
    best = None
    for m in pattern.finditer(clause):
        ind = table[m.group(0)]
        if ind.admits(unit) and _en_fillers_only(clause[m.end():]):
            if best is None or len(m.group(0)) >= len(best[0]):
                best = (m.group(0), ind)
    return best[1] if best else None


def _get(fact, key):
    return fact.get(key) if isinstance(fact, dict) else getattr(fact, key, None)


def _set(fact, key, value) -> None:
    if isinstance(fact, dict):
        fact[key] = value
    else:
        setattr(fact, key, value)


def _places(fact) -> tuple[str, ...]:
    zh = normalize(_get(fact, "region_zh") or "", "zh-Hans")
    short = re.sub(r"(省|市|自治区|特别行政区|区|县)$", "", zh)
    return tuple(p for p in (zh, short) if len(p) >= 2)


def _fits_context(ind: Indicator, text: str, sentence: str) -> bool:
    """Per-capita words outside the concept's own aliases mean another quantity (人均公共教育支出 is not
    education spending); a veto word of the concept in the sentence means a part of it (a company's segment)."""
    if any(w in text for w in _PER_CAPITA):
        own = (normalize(a, "zh-Hans") for s in ("zh-Hans", "en") for a in ind.aliases[s])
        if not any(a in text for a in own if any(w in a for w in _PER_CAPITA)):
            return False
    vetoes = load_rules().get("context_vetoes", {})
    if any(w in text for w in vetoes.get("_whole", ())):
        return True  # the Group's revenue: the whole, whatever parts the sentence lists
    return not any(v in sentence for v in vetoes.get(ind.code, ()))


def code_fact(fact) -> Indicator | None:
    ind, text = _reading(fact)
    lang = _get(fact, "lang") or "en"
    if ind is not None and not _fits_context(ind, text, normalize(_get(fact, "sentence") or "", lang)):
        return None
    if ind is not None and _in_capacity_list(fact, lang) and ind.code not in load_rules()["capacity_concepts"]:
        return None  # 新增加的生产能力有：生铁188万吨，钢116万吨 — capacities, not the year's output
    return ind


def _in_capacity_list(fact, lang: str) -> bool:
    """The fact is an item of a list that a lead names as new production capacity (能力有：…)."""
    s, q = normalize(_get(fact, "sentence") or "", lang), normalize(_get(fact, "quote") or "", lang)
    pos = s.find(q)
    return pos > 0 and any(re.search(lead, s[:pos]) for lead in load_rules()["capacity_list_leads"])


def _reading(fact) -> tuple[Indicator | None, str]:
    """Readings 1 and 2 for one fact (dict or Fact): the concept and the text it was read from."""
    lang, unit = _get(fact, "lang") or "en", _get(fact, "unit")
    indicator = _get(fact, "indicator") or ""
    zh = lang.startswith("zh")
    ind = code_zh(indicator, unit, _places(fact)) if zh else code_en(indicator, unit)
    if ind is not None:
        return ind, normalize(indicator, lang)
    text = normalize(indicator, lang)
    if zh and text.startswith(_DENOMINATOR_ZH) and not (text.startswith("比") and _bare(text, lang)):
        # 占预算数的 98%: a share of something else, not of the clause's subject; but 比一九八○年增长 only
        # says how the subject before it is measured
        return None, ""
    sentence, quote = normalize(_get(fact, "sentence") or "", lang), normalize(_get(fact, "quote") or "", lang)
    clause = _clause_before(sentence, quote, lang)
    if not clause:
        return None, ""
    ind = from_clause_zh(clause, unit) if zh else from_clause_en(clause, unit)
    if ind is None and zh:
        ind = topic_zh(sentence, quote, unit, _places(fact))
    return ind, clause


def topic_zh(sentence: str, quote: str, unit: str | None, places: tuple[str, ...] = ()) -> Indicator | None:
    """Reading 2b: a clause that names nothing continues the sentence's topic, an earlier clause that is only a
    concept's name (社会商品零售总额，一九八一年比一九八○年增长9.8%); the clauses between may only say how it
    is measured (预计, 扣除价格因素). None when another clause comes between."""
    pos = sentence.find(quote)
    if pos < 0:
        return None
    before = re.split(r"[。；;！？!?\n]", _PARENS.sub("", sentence[:pos]))[-1]
    *earlier, clause = re.split(r"[，,：:]", before)
    if not _bare(clause, "zh-Hans"):
        return None
    for c in reversed(earlier):
        ind = code_zh(_stated_value().sub("", c), unit, places)  # 发电量拟定为二百亿度，将比上年增长18%
        if ind is not None:
            return ind
        if not _bare(c, "zh-Hans"):
            return None
    return None


def _between(sentence: str, prev_quote: str, quote: str, start: int) -> tuple[str | None, int]:
    """Text between the previous fact's quote and this one in `sentence`, searching from `start`."""
    p = sentence.find(prev_quote, start)
    if p < 0:
        return None, start
    q = sentence.find(quote, p + len(prev_quote))
    if q < 0:
        return None, start
    return sentence[p + len(prev_quote): q], p


def _continues(prev, fact) -> bool:
    """`fact` (a growth or change) measures the same thing as `prev`, the value just before it in its sentence,
    with only measure words between: 进出口总值240.0亿元，比上年增长14.7%."""
    lang = _get(fact, "lang") or "en"
    relative = _get(fact, "measure") in ("growth", "change") or _get(fact, "unit") == "times"
    if not relative or _get(prev, "sentence") != _get(fact, "sentence"):
        return False
    s = normalize(_get(fact, "sentence") or "", lang)
    gap, _ = _between(s, normalize(_get(prev, "quote"), lang), normalize(_get(fact, "quote"), lang), 0)
    return gap is not None and (_tail_ok(gap) if lang.startswith("zh") else _en_fillers_only(gap))


def _bare(indicator: str, lang: str) -> bool:
    """The indicator names no subject of its own, only scope and measure words (总量, 收报, 比年初增加)."""
    if not lang.startswith("zh"):
        return False
    text = normalize(indicator, lang).strip()
    for _ in range(12):
        if _tail_ok(text):
            return True
        shorter = _strip_prefix(text, ())
        if shorter == text:
            return False
        text = shorter
    return False


def _names_nothing_between(prev, fact) -> bool:
    """`fact`'s words name no subject and nothing between it and `prev` (same sentence) names another concept:
    地区生产总值增长6.0%、全省第二…，总量达到4773.3亿元 — the total is GDP's."""
    lang = _get(fact, "lang") or "en"
    if _get(prev, "sentence") != _get(fact, "sentence") or not _bare(_get(fact, "indicator") or "", lang):
        return False
    s = normalize(_get(fact, "sentence") or "", lang)
    gap, _ = _between(s, normalize(_get(prev, "quote"), lang), normalize(_get(fact, "quote"), lang), 0)
    if gap is None or any(ch in gap for ch in "。；;"):
        return False
    aliases = _zh_aliases()
    return not any(gap[i:k] in aliases for i in range(len(gap)) for k in range(i + 2, min(len(gap), i + 24) + 1))


def _place_in_parens(prev, fact, near: int = 400) -> bool:
    """`fact` is another place's figure for the concept just reported, written as the place then the value in
    parentheses (compared with Jining (493 billion yuan); 如临沂(4717.8亿元)), in the same unit, close by."""
    region = _get(fact, "region_zh") if (_get(fact, "lang") or "").startswith("zh") else _get(fact, "region")
    if not region or _get(prev, "unit") != _get(fact, "unit") or _get(prev, "region") == _get(fact, "region"):
        return False
    if not 0 <= (_get(fact, "char_start") or 0) - (_get(prev, "char_end") or 0) <= near:
        return False
    lang = _get(fact, "lang") or "en"
    s, q = normalize(_get(fact, "sentence") or "", lang), normalize(_get(fact, "quote") or "", lang)
    pos = s.find(q)
    before = s[:pos].rstrip() if pos > 0 else ""
    if not before.endswith("("):
        return False
    place = normalize(region, lang)
    short = re.sub(r"(省|市|区|县| city| province| district)$", "", place)
    return before[:-1].rstrip().endswith((place, short))


def assign_codes(facts: list) -> list:
    """Set `indicator_code` and `indicator_en` on every fact of one document (in text order), in place."""
    prev = None
    for fact in facts:
        ind = code_fact(fact)
        if (ind is None and prev is not None and prev[1] is not None and prev[1].admits(_get(fact, "unit"))
                and (_continues(prev[0], fact) or _place_in_parens(prev[0], fact)
                     or _names_nothing_between(prev[0], fact))):
            ind = prev[1]
        _set(fact, "indicator_code", ind.code if ind else None)
        _set(fact, "indicator_en", ind.name_en if ind else None)
        prev = (fact, ind)
    return facts


def indicator_name(code: str | None) -> str | None:
    ind = by_code().get(code) if code else None
    return ind.name_en if ind else None
