"""Small hand-made tables for publishing tests: two documents (Chinese and English), a few facts, one table."""
from __future__ import annotations

import hashlib

import pandas as pd

from pipeline.publish.frames import frame

ZH = "2023年全市服务业增加值突破975億元，同比增长5.2%。"
EN = "By 2025 exports will reach about 3.8 trillion RMB, up 8% to 10%."


def _doc(doc_id, name, text, lang, n_facts, fmt="txt", status="ok", error=None):
    raw = text.encode()
    return {"doc_id": doc_id, "doc": name, "path": name, "sha256": hashlib.sha256(raw).hexdigest(),
            "bytes": len(raw), "format": fmt, "encoding": "utf-8", "lang": lang, "title": text[:10],
            "pages": None, "chars": len(text), "text": text, "status": status, "error": error, "n_facts": n_facts}


def _fact(doc_id, doc, text, quote, value, unit, kind, **kw):
    start = text.index(quote)
    base = {"fact_id": hashlib.sha256(f"{doc}:{start}".encode()).hexdigest()[:16], "doc_id": doc_id, "doc": doc,
            "page": None, "char_start": start, "char_end": start + len(quote), "quote": quote, "sentence": text,
            "value": value, "value_high": None, "unit": unit, "kind": kind, "measure": "level",
            "raw_value": value, "raw_unit": unit, "scale": 1.0, "year": 2023, "year_start": None,
            "is_target": False, "qualifier": "=", "region": "China", "region_zh": "中国", "indicator": "增加值",
            "lang": "zh-Hant", "source": "text", "indicator_code": None, "indicator_en": None, "region_code": "CHN",
            "value_cny": value if unit == "CNY" else None, "value_usd": None, "conversion_note": None}
    base.update(kw)
    return base


def sample_tables(variant: int = 0) -> dict[str, pd.DataFrame]:
    """variant 0: the base data. variant 1: one value corrected, one fact dropped, one document added."""
    docs = [_doc("d_zh", "000_zh.txt", ZH, "zh-Hant", 2), _doc("d_en", "001_en.txt", EN, "en", 2)]
    facts = [
        _fact("d_zh", "000_zh.txt", ZH, "975億元", 9.75e10, "CNY", "money", raw_value=975.0, raw_unit="億元",
              scale=1e8, qualifier=">=", indicator="服务业增加值", indicator_code="va_tertiary",
              indicator_en="value added of the tertiary sector (services)"),
        _fact("d_zh", "000_zh.txt", ZH, "5.2%", 5.2, "percent", "percent", measure="growth", raw_unit="%"),
        _fact("d_en", "001_en.txt", EN, "3.8 trillion RMB", 3.8e12, "CNY", "money", raw_value=3.8,
              raw_unit="trillion RMB", scale=1e12, year=2025, is_target=True, qualifier="~", indicator="exports",
              lang="en", region_zh=None),
        _fact("d_en", "001_en.txt", EN, "8% to 10%", 8.0, "percent", "percent", value_high=10.0, measure="growth",
              year=2025, is_target=True, indicator="exports", lang="en", region_zh=None),
    ]
    cells = [{"doc_id": "d_zh", "page": 1, "table_index": 0, "row": r, "col": c, "text": t, "header": h}
             for r, c, t, h in [(0, 0, "地区", ""), (0, 1, "比重(%)", ""), (1, 0, "北京", "地区"), (1, 1, "76.9", "北京 / 比重(%)")]]
    if variant == 1:
        facts[1]["value"] = 5.3          # a corrected value: same fact_id, changed
        facts[1]["raw_value"] = 5.3
        del facts[3]                     # a dropped fact
        docs[1]["n_facts"] = 1
        docs.append(_doc("d_bad", "002_bad.pdf", "", None, 0, fmt="pdf", status="no_text_layer",
                         error="no text layer on any page (scanned?)"))
        docs[-1]["encoding"] = None
    pages = [{"doc_id": d["doc_id"], "page": 1, "char_start": 0, "char_end": d["chars"]}
             for d in docs if d["format"] == "pdf" and d["chars"]]
    return {"documents": frame("documents", docs), "pages": frame("pages", pages), "facts": frame("facts", facts),
            "table_cells": frame("table_cells", cells)}


def changed_fact_ids() -> tuple[str, str]:
    """(the fact whose value changes in variant 1, the fact removed in variant 1)."""
    facts = sample_tables(0)["facts"].set_index("quote")["fact_id"]
    return facts["5.2%"], facts["8% to 10%"]
