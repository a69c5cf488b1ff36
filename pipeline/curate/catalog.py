"""The indicator catalog (pipeline/reference/indicators.json): loading and the schema every entry must meet."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

CATALOG_PATH = Path(__file__).resolve().parent.parent / "reference" / "indicators.json"
RULES_PATH = CATALOG_PATH.with_name("indicator_rules.json")

# Unit families an entry may name, and the fact units each admits for a level. Any concept also admits the
# relative units (a growth, a share or a multiple of it), so those are not repeated here.
FAMILY_UNITS = {
    "money": {"CNY", "USD", "EUR", "JPY", "HKD", "TWD", "GBP", "KRW", "RUB", "INR", "AUD", "CAD", "CHF", "SGD", "MOP"},
    "percent": {"percent", "percentage_point", "per_mille", "basis_point"},
    "point": {"point"},
    "count": {"count", "household", "unit", "vehicle"},
    "household": {"household", "count"},
    "person": {"person", "count"},
    "person_time": {"person_time", "person", "count"},
    "person_km": {"person_km", "passenger_km"},
    "tonne": {"tonne"},
    "tonne_km": {"tonne_km"},
    "teu": {"teu"},
    "kwh": {"kwh"},
    "kw": {"kw"},
    "km": {"km"},
    "hectare": {"hectare", "km2"},
    "m2": {"m2"},
    "cubic_m": {"cubic_m", "m3"},
    "CNY/USD": {"CNY/USD"},
    "USD/barrel": {"USD/barrel"},
    "USD/ounce": {"USD/ounce"},
    "CNY/tonne": {"CNY/tonne"},
}
RELATIVE_UNITS = {"percent", "percentage_point", "per_mille", "basis_point", "times"}
SCRIPTS = ("zh-Hans", "zh-Hant", "en")
CODE_RE = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass(frozen=True)
class Indicator:
    code: str
    name_en: str
    name_zh: str
    unit_family: tuple[str, ...]
    per_capita: bool
    wdi: str | None
    nbs: str | None
    aliases: dict

    def admits(self, unit: str | None) -> bool:
        """A fact in `unit` can measure this concept: a level in the family's units, or any relative unit."""
        if unit in RELATIVE_UNITS:
            return True
        return any(unit in FAMILY_UNITS[f] for f in self.unit_family)


def validate_entry(e: dict) -> list[str]:
    """What is wrong with one catalog entry (empty when it meets the schema)."""
    errs = []
    want = {"code": str, "name_en": str, "name_zh": str, "unit_family": list, "per_capita": bool, "aliases": dict}
    for key, typ in want.items():
        if not isinstance(e.get(key), typ):
            errs.append(f"{e.get('code')}: {key} must be {typ.__name__}")
    for key in ("wdi", "nbs"):
        if e.get(key) is not None and not isinstance(e.get(key), str):
            errs.append(f"{e.get('code')}: {key} must be a string or null")
    if isinstance(e.get("code"), str) and not CODE_RE.match(e["code"]):
        errs.append(f"{e['code']}: code must be lower_snake_case")
    for fam in e.get("unit_family") or []:
        if fam not in FAMILY_UNITS:
            errs.append(f"{e.get('code')}: unknown unit family {fam!r}")
    aliases = e.get("aliases") if isinstance(e.get("aliases"), dict) else {}
    if set(aliases) != set(SCRIPTS):
        errs.append(f"{e.get('code')}: aliases must have exactly {SCRIPTS}")
    for script in SCRIPTS:
        vals = aliases.get(script)
        if not isinstance(vals, list) or not vals or not all(isinstance(v, str) and v.strip() for v in vals):
            errs.append(f"{e.get('code')}: aliases[{script}] must be a non-empty list of strings")
    return errs


@lru_cache(maxsize=1)
def load_catalog() -> tuple[Indicator, ...]:
    """The catalog's entries; raises ValueError naming every entry that breaks the schema or repeats a code."""
    raw = json.loads(CATALOG_PATH.read_text(encoding="utf-8"))["indicators"]
    errs = [msg for e in raw for msg in validate_entry(e)]
    codes = [e.get("code") for e in raw]
    errs += [f"{c}: code repeated" for c in sorted({c for c in codes if codes.count(c) > 1})]
    if errs:
        raise ValueError("indicators.json: " + "; ".join(errs))
    return tuple(Indicator(e["code"], e["name_en"], e["name_zh"], tuple(e["unit_family"]), e["per_capita"],
                           e.get("wdi"), e.get("nbs"), e["aliases"]) for e in raw)


@lru_cache(maxsize=1)
def by_code() -> dict[str, Indicator]:
    return {ind.code: ind for ind in load_catalog()}


@lru_cache(maxsize=1)
def load_rules() -> dict:
    data = json.loads(RULES_PATH.read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


def catalog_rows() -> list[dict]:
    """The catalog as flat rows for the published `indicators` table (aliases joined with ' | ')."""
    rows = []
    for ind in load_catalog():
        rows.append({"indicator_code": ind.code, "name_en": ind.name_en, "name_zh": ind.name_zh,
                     "unit_family": "/".join(ind.unit_family), "per_capita": ind.per_capita,
                     "wdi_code": ind.wdi, "nbs_code": ind.nbs,
                     "aliases_zh_hans": " | ".join(ind.aliases["zh-Hans"]),
                     "aliases_zh_hant": " | ".join(ind.aliases["zh-Hant"]),
                     "aliases_en": " | ".join(ind.aliases["en"])})
    return rows


def fill_traditional(path: Path = CATALOG_PATH) -> int:
    """Rewrite each entry's zh-Hant aliases as the OpenCC s2t forms of its zh-Hans ones (run after editing the
    catalog: `python -m pipeline.curate.catalog`). Returns the number of entries."""
    import opencc
    s2t = opencc.OpenCC("s2t")
    data = json.loads(path.read_text(encoding="utf-8"))
    for e in data["indicators"]:
        e["aliases"]["zh-Hant"] = list(dict.fromkeys(s2t.convert(a) for a in e["aliases"]["zh-Hans"]))
    head = {k: v for k, v in data.items() if k != "indicators"}
    lines = [json.dumps(e, ensure_ascii=False) for e in data["indicators"]]
    body = ",\n".join(f'"{k}": {json.dumps(v, ensure_ascii=False)}' for k, v in head.items())
    path.write_text("{\n" + body + ',\n"indicators": [\n' + ",\n".join(lines) + "\n]}\n", encoding="utf-8")
    return len(lines)


if __name__ == "__main__":
    print(f"{fill_traditional()} entries: zh-Hant aliases refreshed from zh-Hans")
