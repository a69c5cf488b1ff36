"""What a number measures: the indicator (a short noun phrase from the sentence) and the measure
(level, growth, share, change), with the sign a decline gives."""
from __future__ import annotations

import re
from functools import lru_cache

from .reference import alternation, load_json

_MAX_ZH = 24
_MAX_EN_WORDS = 8
_TIME_LEAD = re.compile(r"^(?:(?:到|至|截至|截止|在)?[ \t]*(?:民国[ \t]*)?(?:[0-9]{1,4}|[〇零一二三四五六七八九]{4})[ \t]*年"
                        r"(?:[ \t]*[0-9]{1,2}(?:[—–-][0-9]{1,2})?月)?(?:底|末|初|上半年|下半年|前)?[ \t]*)+")
_EN_TIME = re.compile(r"(?i)\b(?:in|by|as of|since|during)\s+(?:[A-Z][a-z]+\s+)?(?:19|20)[0-9]{2}\b,?|\b(?:19|20)[0-9]{2}\b")
_PUNCT = re.compile(r"^[\s,，、;；:：()（）“”\"'‘’*。！？]+|[\s,，、;；:：()（）“”\"'‘’*。！？]+$")


@lru_cache(maxsize=1)
def _rx() -> dict:
    c = load_json("indicator_cues.json")
    alt = alternation
    return {
        # 下降2%, 下降了约2%; 下降为/下降到27.5% names the level reached, not the change
        "zh_growth": re.compile(rf"(?:{alt(c['zh_growth'])})(?:{alt(c['zh_change_modifiers'])}|[ \t])*$"),
        "zh_decline": re.compile(rf"(?:{alt(c['zh_decline'])})(?:{alt(c['zh_change_modifiers'])}|[ \t])*$"),
        # 跌幅达到2.13%, 降幅为3%: the noun names a decline, so its link verb does not make a level of it (下降为27.5% does)
        "zh_decline_noun": re.compile(rf"(?:{alt(c['zh_decline_nouns'])})(?:{alt(c['zh_noun_links'])}|了|[ \t])*$"),
        "zh_growth_noun": re.compile(rf"(?:{alt(c['zh_growth_nouns'])})(?:{alt(c['zh_noun_links'])}|了|[ \t])*$"),
        "zh_decline_after": re.compile(rf"[ \t]*(?:{alt(c['zh_decline_after'])})"),
        "zh_comparative_decline": re.compile(
            # (按年/按季/按月: Hong Kong's year-on-year, quarter-on-quarter, month-on-month)
            rf"(?:同比|环比|環比|同期|按年|按季|按月|比[^，,。；;：:、]{{0,15}}?)(?<!至)(?:{alt(c['zh_comparative_decline'])})(?:{alt(c['zh_change_modifiers'])}|[ \t])*$"),
        "zh_share": re.compile(rf"(?:{alt(c['zh_share'])})"),
        "en_growth": re.compile(rf"(?i)\b(?:{alt(c['en_growth'])})(?:[ \t]+(?:{alt(c['en_change_modifiers'])}))?[ \t]*$"),
        "en_decline": re.compile(rf"(?i)\b(?:{alt(c['en_decline'])})(?:[ \t]+(?:{alt(c['en_change_modifiers'])}))?[ \t]*$"),
        # 'cut rates by 25 basis points': the object sits between the verb and 'by'
        "en_decline_by": re.compile(rf"(?i)\b(?:{alt(c['en_decline_by'])})\b(?:[ \t]+[\w'-]+){{0,6}}[ \t]+by[ \t]*$"),
        "en_growth_by": re.compile(rf"(?i)\b(?:{alt(c['en_growth_by'])})\b(?:[ \t]+[\w'-]+){{0,6}}[ \t]+by[ \t]*$"),
        "en_share": re.compile(rf"(?i)\b(?:{alt(c['en_share'])})\b"),
        "zh_link_tail": re.compile(rf"(?:{alt(c['zh_link_verbs'])})+$"),
        "zh_lead": re.compile(rf"^(?:{alt(c['zh_lead_drop'])})+"),
        "en_link_tail": re.compile(rf"(?i)(?:\b(?:{alt(c['en_link_verbs'])})[ \t]*)+$"),
        "to_between": re.compile(r"(?:到|至|\bto\b)"),
        # 'Outbound shipments rose 6.1% year-on-year to': the verbs and link words between a subject and its value
        "en_verb_before_value": re.compile(
            rf"(?i)(?:\s+(?:{alt(c['en_growth'] + c['en_decline'] + c['en_link_verbs'])}|[a-z]+ed))+\s*[$€£¥]?$"),
        # a clause that only compares (比去年增加, 同比下降, 比1995年底增长) names no indicator of its own
        "en_growth_after": re.compile(rf"(?i)^[ \t]*(?:{_PERIOD_WORD})?(?:{alt(c['en_growth_after'])})\b(?![ \t]+than)"),
        "en_decline_after": re.compile(rf"(?i)^[ \t]*(?:{_PERIOD_WORD})?(?:{alt(c['en_decline_after'])})\b(?![ \t]+than)"),
        "en_less_than": re.compile(rf"(?i)^[ \t]*(?:\([^()]{{0,40}}\)[ \t]*|\)[ \t]*)?(?:{alt(c['en_less_than'])})[ \t]+than\b"),
        "en_more_than": re.compile(rf"(?i)^[ \t]*(?:\([^()]{{0,40}}\)[ \t]*|\)[ \t]*)?(?:{alt(c['en_more_than'])})[ \t]+than\b"),
        "zh_comparison_only": re.compile(
            rf"^(?:{alt(c['zh_comparison_only'])}|比[0-9]{{4}}年[底末]?)?(?:{alt(c['zh_change_verbs'])})?(?:了)?$"),
    }


# 'a 3.4% increase', 'a 14.8% year-over-year drop', '3 percentage points lower'
_PERIOD_WORD = r"(?:(?:year|month|quarter|week)-(?:on|over)-(?:year|month|quarter|week)|annual|y/y|m/m|yoy)[ \t]+"



_RATE_UNITS = ("percent", "percentage_point", "per_mille", "basis_point", "times", "point")


def measure(clause_before: str, unit: str, is_zh: bool, after: str = "") -> tuple[str, int]:
    """('growth'|'share'|'level', sign). Growth needs its cue right before the number: 年均增长25%, grew by 5%;
    增长到1749.6亿元 is a level."""
    r = _rx()
    tail = clause_before[-10:] if is_zh else clause_before[-40:]
    # 'lowered the reserve requirement ratio by': the verb may stand several words before 'by'
    by_tail = clause_before[-80:]
    if is_zh and r["zh_decline_after"].match(after):
        return "growth", -1  # 扭转前年3.7%的收缩
    less = not is_zh and r["en_less_than"].match(after)
    if less or (not is_zh and r["en_more_than"].match(after)):
        # 'HK$5.9 billion (1.1 per cent) lower than forecast': the difference from the yardstick
        return ("growth" if unit == "percent" else "change"), (-1 if less else 1)
    if not is_zh and unit in ("percent", "percentage_point", "basis_point"):
        # 'a 3.4% increase', 'a 2.1% decline'
        if _rx()['en_decline_after'].match(after):
            return "growth", -1
        if _rx()['en_growth_after'].match(after):
            return "growth", 1
    if not is_zh and unit not in _RATE_UNITS:
        # 'fell 150 million yuan', 'rose $2 billion', 'cut spending by $3 billion': an amount of change, signed
        # like 减少300亿元 ('fell to $30 billion' names the level: the verb is not right before the number)
        if r["en_decline_by"].search(by_tail) or r["en_decline"].search(tail):
            return "change", -1
        if r["en_growth_by"].search(by_tail) or r["en_growth"].search(tail):
            return "change", 1
    if unit in _RATE_UNITS or is_zh:
        if not is_zh and r["en_decline_by"].search(by_tail):
            return "growth", -1
        if not is_zh and r["en_growth_by"].search(by_tail):
            return "growth", 1
        if r["zh_decline" if is_zh else "en_decline"].search(tail) or (is_zh and r["zh_decline_noun"].search(tail)):
            return "growth", -1
        if is_zh and r["zh_comparative_decline"].search(clause_before[-24:]):
            return "change", -1  # 同比低1.3个百分点, 比上年同期少3545亿元: less than the yardstick by
        if is_zh and r["zh_growth_noun"].search(tail):
            return "growth", 1
        if r["zh_growth" if is_zh else "en_growth"].search(tail):
            return "growth", 1
    if unit in ("percent", "per_mille") and r["zh_share" if is_zh else "en_share"].search(clause_before):
        return "share", 1
    return "level", 1


_EN_SHARE_OF = re.compile(r"(?i)^[ \t]+of[ \t]+(?:the[ \t]+|its[ \t]+|their[ \t]+)?((?:(?!(?:is|are|was|were|in|by|from|to|and)\b)[a-z][\w'’-]*[ \t]*){1,6})")
_EN_FUNCTION_WORDS = re.compile(r"(?i)(?:to|and|or|from|of|the|a|an|with|at|by)(?:\s+(?:to|and|or|from|of|the|a|an|with|at|by))*")
_EN_VERB_ONLY = re.compile(r"(?i)(?:up|down|rise|fall|gain|drop|[a-z]+ing|[a-z]+ed)")
_EN_AUX = re.compile(r"(?i)\b(?:has|have|had|is|are|was|were|will)\b")
_EN_FROM_VALUE = re.compile(r"(?i)\b(?:from|between)\b[^,;]*?[0-9][^,;]*$")
_EN_AFTER_STOP = re.compile(r"[0-9.;]|\b(?:in|by) (?:19|20)[0-9]{2}")
_EN_VERB_TAIL = re.compile(r"(?i)(?<=\w)(?:[ \t]+(?:has|have|had))?(?:[ \t]+already)?[ \t]+(?!(?:added|owned|based|related|listed|registered|used|funded)$)[a-z]+ed$")  # value added: a noun
_FROM_NUMBER = re.compile(r"(?:由|从|比)[^0-9]{0,12}[0-9]")
_DIGIT = re.compile(r"[0-9]")
_ZH_LEAD_QUALIFIER = re.compile(r"^(?:以上|以下|左右|以内|余|多)")
_ZH_VALUE_OR_TIME = re.compile(r"[0-9.,，、—\-~]+[\u4e00-\u9fff%]{0,3}|每年|每月|当年|全年|年均|同比|[0-9]{4}年")


def indicator(clause_before: str, after: str, noun: str, is_zh: bool, region_names: tuple[str, ...],
              previous: str = "", growth: int = 0) -> str:
    """A short noun phrase: the subject before the verb, or the counted noun after the number. A clause that
    holds only a verb (比上年增长23.6%) borrows the subject of the clause before it."""
    if noun:
        return noun
    if not is_zh:
        of = _EN_SHARE_OF.match(after)
        if of:
            return of.group(1).strip()  # '12% of the experimental research funds': what it is a share of
        # the clause's own subject; else the subject of the clause before (up to its verb: 'the transaction
        # volume … has expanded, increasing from 300 billion RMB'); else the words after the number
        got = _en_subject(clause_before, region_names)
        if len(got) < 3 and previous:
            got = _en_subject(_EN_AUX.split(previous, 1)[0], region_names)
        return got if len(got) >= 3 else _phrase("", after, False, region_names)
    got = _ZH_LEAD_QUALIFIER.sub("", _phrase(clause_before, after, is_zh, region_names))
    if _ZH_VALUE_OR_TIME.fullmatch(got):
        got = ""  # 分别为3038元、2680元: another value, or 每年, names nothing
    if len(got) < 2 and previous:
        subject = _phrase(previous, "", is_zh, region_names)
        if subject and not _ZH_VALUE_OR_TIME.fullmatch(subject):
            if growth:
                word = ("增长" if growth > 0 else "下降") if is_zh else (" growth" if growth > 0 else " decline")
                subject += word
            got = subject
    return got


def _en_subject(text: str, region_names: tuple[str, ...]) -> str:
    got = _phrase(text, "", False, region_names)
    if _DIGIT.search(got):
        # 'Outbound shipments rose 6.1% year-on-year to $298.4 billion': the subject before the first value
        head = _rx()["en_verb_before_value"].sub("", got[:_DIGIT.search(got).start()]).strip(" ,$")
        got = head if len(head) >= 3 and not _EN_FUNCTION_WORDS.fullmatch(head) else ""
    return "" if _EN_VERB_ONLY.fullmatch(got) else got  # 'down from an 8.6% gain': a verb names nothing


def _phrase(clause_before: str, after: str, is_zh: bool, region_names: tuple[str, ...]) -> str:
    r = _rx()
    if is_zh:
        s = _TIME_LEAD.sub("", clause_before.strip())
        m = _FROM_NUMBER.search(s) or _DIGIT.search(s)
        if m and m.start() >= 2:
            s = s[:m.start()]  # 服务面积由661,800亩增加到…: the subject ends where the first value begins
        for name in sorted(region_names, key=len, reverse=True):
            if s.startswith(name):
                s = s[len(name):]
        s = _TIME_LEAD.sub("", r["zh_lead"].sub("", s))  # 其中一九八五年…
        s = r["zh_link_tail"].sub("", s)
        s = _PUNCT.sub("", s)
        s = r["zh_comparison_only"].sub("", s)
        if len(s) < 2 and after:
            s = _PUNCT.sub("", after)
        return s[-_MAX_ZH:]
    # 'cutting the tax rate from 35% to': the subject ends where the first value of a from-to pair begins
    s = _EN_FROM_VALUE.sub("", clause_before)
    s = _EN_TIME.sub(" ", s)
    s = r["en_link_tail"].sub("", s.strip())
    # 'the U.S. government has invested', 'Japan approved': the clause's own past-tense verb ends the subject
    s = r["en_link_tail"].sub("", _EN_VERB_TAIL.sub("", s.rstrip())).rstrip()
    words = s.split()
    s = " ".join(words[-_MAX_EN_WORDS:])
    s = re.sub(r"(?i)^(?:the|a|an|and|of|with|in|while|which|that)\s+", "", _PUNCT.sub("", s))
    if len(s) < 3 and after:
        # the words after the number, up to the next number or the end of the clause ('of the total number')
        s = " ".join(_PUNCT.sub("", _EN_AFTER_STOP.split(after, 1)[0]).split()[:_MAX_EN_WORDS])
        s = re.sub(r"(?i)\s+(?:in|to|from|of|and|the|a)$", "", s.rstrip(" ."))
    return s
