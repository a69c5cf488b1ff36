"""Invariants every fact satisfies, on arbitrary text: no exception, the quote is the published span, values are
finite and every categorical field is in its allowed set. Output is deterministic."""
import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.documents.model import Document
from pipeline.extract import extract_text_facts
from pipeline.extract.fact import KINDS, MEASURES, QUALIFIERS, UNITS

_CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
_PIECES = ["亿元", "億元", "万", "萬", "%", "％", "家", "个", "個", "人次", "倍", "吨", "公里", "年", "到2026年", "约", "以上",
           "余", "多", "分别", "、", "，", "。", "；", "—", "~", "至", "从", "增长", "下降", "占", "比重", "北京市", "嶗山區",
           "billion", "million", " yuan", " RMB", " US dollars", " percent", " in 2022", " from ", " to ", "about ",
           "more than ", "under ", "(", ")", ". ", "\n", "\n\n", " ", "Industry 4. 0", "5G", "第", "百分之", "二〇二三年",
           "三千五百", "两", "十二", "nine", "eight projects", "民國112年", "“十四五”", "Jining (", "respectively",
           "９７５", "４. ５", "-", "−", "+", "…", "㎡", "①", "¹", "ﬁ", "e\u0301"]
_NUMBERISH = st.lists(st.one_of(st.sampled_from(_PIECES), st.integers(0, 10**9).map(str),
                                st.floats(0, 1e6, allow_nan=False).map(lambda x: f"{x:.2f}"), st.text(_CJK, max_size=4)),
                      max_size=60).map("".join)


def _doc(text: str, lang: str) -> Document:
    return Document(doc_id="p", doc="p.txt", path="p.txt", sha256="", bytes=0, format="txt", lang=lang, text=text)


def _check(text: str, lang: str = "zh-Hans"):
    doc = _doc(text, lang)
    facts = extract_text_facts(doc)
    for f in facts:
        assert doc.text[f.char_start:f.char_end] == f.quote
        assert f.quote and f.quote in f.sentence
        assert math.isfinite(f.value) and (f.value_high is None or math.isfinite(f.value_high))
        assert math.isfinite(f.raw_value) and math.isfinite(f.scale)
        assert f.unit in UNITS and f.kind in KINDS and f.measure in MEASURES and f.qualifier in QUALIFIERS
        assert f.lang == lang and f.source == "text"
        assert f.year is None or 1800 <= f.year <= 2100
    return facts


_SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_SETTINGS
@given(st.text(max_size=200))
def test_arbitrary_unicode(text):
    _check(text, "en")


@_SETTINGS
@given(st.text(alphabet=st.one_of(_CJK, st.sampled_from("0123456789０１２３４５６７８９.,，。、%％亿億万萬元家个年月 \n")), max_size=200))
def test_cjk_heavy(text):
    _check(text, "zh-Hans")


@_SETTINGS
@given(_NUMBERISH)
def test_number_heavy(text):
    _check(text, "zh-Hant")


@settings(max_examples=50, deadline=None)
@given(_NUMBERISH)
def test_deterministic(text):
    a = [f.to_dict() for f in _check(text)]
    b = [f.to_dict() for f in _check(text)]
    assert a == b


@settings(max_examples=200, deadline=None)
@given(_NUMBERISH)
def test_ranges_run_low_to_high(text):
    for f in _check(text):
        assert f.value_high is None or f.value_high > f.value


def test_declining_range_keeps_its_order():
    f = _check("出口下降2—3%。")[0]
    assert (f.value, f.value_high, f.measure) == (-3, -2, "growth")
    assert _check("比分1-0元") == []
