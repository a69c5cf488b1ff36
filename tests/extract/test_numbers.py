"""Numbers as written: separators, full-width digits, OCR spacing, Chinese numerals, English words, signs."""
import pytest

from pipeline.extract.numbers import parse_number


@pytest.mark.parametrize("text,value", [
    ("1,234.5", 1234.5), ("４２", 42.0), ("4. 5", 4.5), ("-3.2", -3.2), ("−7", -7.0), ("+12", 12.0),
    ("三千五百", 3500.0), ("两", 2.0), ("十二", 12.0), ("二〇二三", 2023.0), ("一万二千", 12000.0), ("七十六点九", 76.9),
    ("nine", 9.0), ("twenty-five", 25.0), ("one hundred and twenty", 120.0), ("a dozen", 12.0),
])
def test_parse_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["", "abc", "1.2.3", "零部"])
def test_parse_number_rejects(text):
    assert parse_number(text) is None


def test_thousands_separator_en(ex):
    f = ex.one("Exports to Vietnam reached 1,234.5 million US dollars last quarter.")
    assert (f.value, f.unit, f.raw_value, f.scale) == (1234.5e6, "USD", 1234.5, 1e6)


@pytest.mark.parametrize("text,quote", [
    ("全省出口总额为９７５亿元。", "９７５亿元"),
    ("全省出口總額為９７５億元。", "９７５億元"),
])
def test_full_width_digits_zh(ex, text, quote):
    f = ex.one(text)
    assert f.quote == quote
    assert (f.value, f.unit, f.raw_value, f.raw_unit, f.scale) == (9.75e10, "CNY", 975, quote[3:], 1e8)


def test_ocr_spaced_decimal_en(ex):
    f = ex.one("The agency spent 7. 5 billion yen on port upgrades.")
    assert (f.quote, f.value, f.unit) == ("7. 5 billion yen", 7.5e9, "JPY")


@pytest.mark.parametrize("script", ["hans", "hant"])
def test_chinese_numerals(ex, script):
    conv = ex.hant if script == "hant" else (lambda s: s)
    f = ex.one(conv("该市计划投资三千五百亿元建设港口。"))
    assert (f.value, f.unit, f.raw_value, f.scale) == (3.5e11, "CNY", 3500, 1e8)
    f = ex.one(conv("园区共引进十二个项目。"))
    assert (f.value, f.unit, f.kind) == (12, "count", "count")
    f = ex.one(conv("去年新增两家银行网点。"))
    assert (f.value, f.unit) == (2, "count")


def test_chinese_numeral_year(ex):
    f = ex.one("二〇二三年，全县粮食产量达到5万吨。")
    assert (f.year, f.value, f.unit) == (2023, 5e4, "tonne")


def test_english_number_words(ex):
    f = ex.one("The province opened eight logistics parks along the river.")
    assert (f.quote, f.value, f.unit, f.kind) == ("eight logistics parks", 8, "count", "count")
    f = ex.one("The fund committed one billion euros to rail links.")
    assert (f.value, f.unit) == (1e9, "EUR")


@pytest.mark.parametrize("text,value,unit", [
    ("该企业利润为-3.5亿元。", -3.5e8, "CNY"),
    ("該企業利潤為-3.5億元。", -3.5e8, "CNY"),
    ("The trade balance was -12 billion US dollars.", -12e9, "USD"),
])
def test_signed_values(ex, text, value, unit):
    f = ex.one(text)
    assert (f.value, f.unit) == (value, unit)


@pytest.mark.parametrize("text", ["外商直接投资五年累计1 8 5 8 亿美元。", "外商直接投資五年累計1 8 5 8 億美元。"])
def test_ocr_spaced_integer_before_a_scale(ex, text):
    f = ex.one(text)
    assert (f.value, f.unit) == (1.858e11, "USD")
