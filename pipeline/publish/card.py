"""The dataset card (README.md, also the wheel's long description): what the data is, every table and column,
units and normalization, counts by document, language and kind, and known limitations. Generated from the
data package descriptor, the pandera schemas and the tables, so it cannot go stale."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

import schemas

from .changelog import counts_line

NORMALIZATION = """\
- **Money** is in whole units of the currency, with the currency's ISO 4217 code as `unit`
  (RMB, yuan, 元 → `CNY`): 975億元 → `value` 9.75e10, `raw_value` 975, `raw_unit` 億元, `scale` 1e8.
- **Percentages** are in percentage points (76.4% → 76.4, unit `percent`); a change in a percentage is
  `percentage_point`; ‰ is `per_mille`.
- **Counts** are plain counts (2843萬人次 → 2.843e7, unit `person_time`); multiples (“3 times”) are the factor (`times`).
- **Ranges** (8% to 10%, 2—3家) put the low end in `value` and the high end in `value_high`.
- **Bounds and approximations** are kept in `qualifier`: `=` exact, `>=` at least (突破, more than),
  `<=` at most (不到, under), `~` about (约, nearly).
- **Declines** are negative growth (`measure` = `growth`, 下降5% → -5).
- **Time**: `year` is the year the value refers to (the target year for a plan, the end year of an average);
  `year_start` starts a period; `is_target` marks plans, goals and forecasts.
- **Provenance**: `documents.text[char_start:char_end] == quote` for every fact; `page` is the PDF page.
  Traditional-Chinese text is published as written; `indicator` is given in simplified Chinese.
"""

def curated_text() -> str:
    """How the curated columns and tables are made: catalog, codes, rates, tolerance (pipeline/curate)."""
    from ..curate import money
    from ..curate.regions import country_source, division_source
    from ..curate.tables import TOLERANCE_PERCENT, TOLERANCE_REL
    return f"""\
- **Indicators**: `indicator_code` names the concept from the `indicators` table (the catalog in
  pipeline/reference/indicators.json; WDI codes where the concept is the same). It is read from the fact's own
  words by rules and is null where no concept fits; `measure` and `is_target` stay separate columns.
- **Places**: `region_code` is the GB/T 2260 code for mainland divisions ({division_source()}), ISO 3166-1
  alpha-3 for countries and for Hong Kong, Macao and Taiwan ({country_source()}), and `cef:<name>` for economic
  regions, new areas and groups the packages do not list (the project gazetteer).
- **Comparable money**: `value_cny` and `value_usd` are **nominal**, converted at the year's mean of the daily
  {money.rate_source()}. A CNY amount is its own `value_cny`, a USD amount its own `value_usd`. Where no rate applies the value is null and
  `conversion_note` says why (`no_year`, `year_not_in_rate_table`: the ECB table starts in 1999 and has CNY only from
  April 2005, `currency_not_in_rate_table`). No rate is guessed.
- **Observations** group the facts that have a code, a place and a single year by indicator, place, year, measure,
  target flag and unit (money in CNY); `value` is the median over documents. Sources disagree (`conflict`, view
  `conflicts` in the DuckDB file) when max − min exceeds {TOLERANCE_REL:.0%} of the value, and for percent units
  also {TOLERANCE_PERCENT} points. Values over a period (`year_start` set) stay in `facts`.
"""


LIMITATIONS = """\
- Facts are extracted by rules, not read by people: expect some missed numbers, wrong units or years, and
  indicators that are only as specific as the sentence's wording.
- `region` and `indicator` are taken from the sentence; a value whose place or subject is stated elsewhere in
  the document may lack them or get the document's main region.
- Years, codes, phone numbers, list numbers and dates are meant to be skipped; some may still slip through.
- `fact_id` is stable only while the sentence stays the same: editing a sentence gives all its facts new ids. The
  changelog pairs them with the old ids where the document, indicator, unit, year, region, target flag, measure and
  position agree (a new value is *changed*, the same value *re-worded*); facts it cannot pair are removed and added.
- Documents that could not be read (see the status table below) contribute no facts.
"""
STATUS_ERRORS_SHOWN = 3
# the card is the wheel's long description: it must not grow with the number of documents that failed
BAD_DOCS_SHOWN = 50

# Why the licence is NOASSERTION, in words: what the data is, whose the documents are, what follows for reuse.
REUSE = """\
- **What the facts are.** Each row of `facts` is a figure found in a source document by rules: its value,
  unit, year and place, with the `quote` (the number as written, a few characters) and the `sentence` it stands
  in, copied from the document so that every figure can be checked against its source.
- **Whose the documents are.** The documents belong to their publishers (statistics bureaus, governments,
  news agencies, companies and researchers), not to this project. `datapackage.json` lists every source
  document with its path and SHA-256, and `documents` gives the title and, where the document states them, the
  author, publisher and source URL. `documents.text` and `pages` hold each document's text as read, so they are
  copies of the publishers' works.
- **What that means for reuse.** This release grants no licence for the documents' text, hence `NOASSERTION`:
  the quotes, sentences and document texts stay under their publishers' terms, which differ from publisher to
  publisher, so check those terms before republishing more than short quotations. The figures themselves are
  facts reported by those publishers: cite the source document (`doc`, `documents.title`,
  `documents.source_url`) with the figure, and this release (see `CITATION.cff`, or `cef.citation()`).
"""


def _cell(text) -> str:
    return str("" if text is None else text).replace("|", "\\|").replace("\n", " ")


def _md_table(header: list[str], rows: list[list]) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return out


def _constraint_text(field: dict) -> str:
    c = field.get("constraints", {})
    parts = []
    if "enum" in c:
        parts.append("one of " + ", ".join(f"`{v}`" for v in c["enum"]))
    for key, word in (("minimum", "≥"), ("maximum", "≤"), ("minLength", "length ≥"), ("pattern", "matches")):
        if key in c:
            parts.append(f"{word} `{c[key]}`")
    if c.get("unique"):
        parts.append("unique")
    return "; ".join(parts)


def _counts(series: pd.Series, label: str) -> list[str]:
    counts = series.fillna("(none)").value_counts().sort_index()
    return _md_table([label, "facts"], [[k, int(v)] for k, v in counts.items()])


def _files_lines(distribution: dict | None) -> list[str]:
    """Where the data is: inside the package, or in a data archive fetched on first use (archive.py)."""
    docs = ("`data/datapackage.json` (Frictionless Data Package), `data/CHANGELOG.md`, `data/manifest.json`, "
            "`data/CITATION.cff`")
    if not distribution or distribution["mode"] != "archive":
        return [f"- Files: `data/parquet/*.parquet`, {docs}, `data/changelog.json`. The package carries all the "
                "data; nothing is downloaded."]
    size = distribution["parquet_bytes"]
    size = f"{size / 1024 / 1024:.1f} MB" if size >= 100 * 1024 else f"{size / 1024:.0f} KB"
    url = f"<{distribution['url']}>" if distribution.get("url") else "the URL you set in `CHINA_ECON_FACTS_URL`"
    return [f"- Files: {docs} (without the list of sources), `data/archive.json`. The tables ({size} of Parquet, "
            "every document's full text among them), `changelog.json` and the full `manifest.json` are not in the "
            f"package: they are in `{distribution['archive']}`, fetched on first "
            f"use from {url} into a local cache (`CHINA_ECON_FACTS_CACHE`, default `~/.cache/china-econ-facts`) "
            "and checked against the SHA-256 in `data/archive.json`, then each file against `datapackage.json`. "
            "Set `CHINA_ECON_FACTS_URL` to a mirror (a base URL; the archive's name is appended), or "
            "`CHINA_ECON_FACTS_DATA` to an unpacked copy of the archive."]


def render(descriptor: dict, tables: dict[str, pd.DataFrame], changelog: dict, released: str | None = None,
           distribution: dict | None = None) -> str:
    version = descriptor["version"]
    archived = bool(distribution) and distribution["mode"] == "archive"
    rows = {r["name"]: r["rows"] for r in descriptor["resources"]}
    lic = descriptor["licenses"][0]
    out = [f"# {descriptor['title']} ({descriptor['name']} {version})", "", descriptor["description"], "",
           "```python", "import china_econ_facts as cef",
           "facts = cef.load(\"facts\", filters=[(\"lang\", \"=\", \"en\")])   # pandas DataFrame",
           "con = cef.connect()                                            # read-only DuckDB, every table",
           "con.sql(\"SELECT unit, count(*) FROM facts GROUP BY unit\").show()", "cef.verify()", "```", "",
           "Command line: `china-econ-facts info | tables | describe TABLE | sql \"SELECT …\" | "
           "export TABLE --format csv -o out.csv | verify`.", "",
           "## Release", "",
           f"- Version `{version}`" + (f", released {released}" if released else "")
           + f"; data SHA-256 `{descriptor['data_sha256']}`",
           f"- Extractor version `{descriptor['extractor_version']}`",
           f"- Licence: {lic.get('title') or lic.get('name')} (`{lic.get('name')}`); see *Licence and reuse*",
           f"- {descriptor['source_count']} source documents, each listed with its SHA-256 in "
           + ("the `documents` table and `manifest.json`" if archived else "`datapackage.json`"),
           *_files_lines(distribution), "", "## Licence and reuse", "", REUSE]
    f = changelog["facts"]
    if changelog.get("previous_version"):
        out += [f"Changes since {changelog['previous_version']}: facts {counts_line(f)} (see CHANGELOG.md).", ""]
    out += ["## Tables", ""]
    for res in descriptor["resources"]:
        name = res["name"]
        schema = res["schema"]
        out += [f"### `{name}` ({rows[name]} rows)", "", res["description"], "",
                f"Primary key: {', '.join(f'`{k}`' for k in schema['primaryKey'])}."]
        for fk in schema.get("foreignKeys", []):
            out.append(f"Foreign key: `{fk['fields']}` → `{fk['reference']['resource']}.{fk['reference']['fields']}`.")
        out.append("")
        out += _md_table(["column", "type", "required", "description", "constraints"],
                         [[f"`{fl['name']}`", fl["type"], "yes" if fl.get("constraints", {}).get("required") else "",
                           fl["description"], _constraint_text(fl)] for fl in schema["fields"]])
        checks = [c.description for c in schemas.TABLES[name].to_schema().checks if c.description]
        if checks:
            out += ["", "Row rules checked before release: " + "; ".join(checks) + "."]
        out.append("")
    out += ["## Units and normalization", "", NORMALIZATION]
    out += ["## Curated columns and tables", "", curated_text()]
    out += _counts_section(tables, per_document=not archived)
    out += ["## Known limitations", "", LIMITATIONS, *_status_table(tables["documents"])]
    return "\n".join(out).rstrip("\n") + "\n"


def _status_table(docs: pd.DataFrame) -> list[str]:
    """Documents by status, with their most common errors: the table the limitations above point to."""
    rows = []
    for status, group in sorted(docs.groupby("status", dropna=False), key=lambda g: (g[0] != "ok", str(g[0]))):
        errors = group["error"].dropna().value_counts()
        errors = sorted(errors.items(), key=lambda e: (-e[1], e[0]))
        shown = [f"{text} ({n})" if n > 1 else text for text, n in errors[:STATUS_ERRORS_SHOWN]]
        if len(errors) > STATUS_ERRORS_SHOWN:
            shown.append(f"… {len(errors) - STATUS_ERRORS_SHOWN} other errors")
        rows.append([status, len(group), "; ".join(shown)])
    return ["### Documents by status", "", *_md_table(["status", "documents", "error"], rows), ""]


def _counts_section(tables: dict[str, pd.DataFrame], per_document: bool = True) -> list[str]:
    """Counts by document (one row each: left out of a large release's card, which the wheel carries), language,
    kind, measure and unit, and the documents that gave no facts (at most BAD_DOCS_SHOWN of them)."""
    docs, facts = tables["documents"], tables["facts"]
    out = ["## Counts", ""]
    if per_document:
        out += ["### By document", ""]
        out += _md_table(["document", "format", "lang", "status", "facts"],
                         [[r.doc, r.format, r.lang or "", r.status, int(r.n_facts)]
                          for r in docs.sort_values("path").itertuples()])
    else:
        out += ["### By format", "", f"{len(docs)} documents; each one's facts are counted in `documents.n_facts`.",
                ""]
        by_format = docs.groupby("format").agg(documents=("doc_id", "size"), facts=("n_facts", "sum"))
        out += _md_table(["format", "documents", "facts"],
                         [[fmt, int(r.documents), int(r.facts)] for fmt, r in by_format.iterrows()])
    for col, label in (("lang", "language"), ("kind", "kind"), ("measure", "measure"), ("unit", "unit")):
        out += ["", f"### Facts by {label}", "", *_counts(facts[col], label)]
    bad = docs[docs["status"] != "ok"].sort_values("path")
    if len(bad):
        out += ["", "### Documents without facts because they could not be used", ""]
        out += _md_table(["document", "status", "reason"],
                         [[r.doc, r.status, r.error] for r in bad.head(BAD_DOCS_SHOWN).itertuples()])
        if len(bad) > BAD_DOCS_SHOWN:
            out += ["", f"… and {len(bad) - BAD_DOCS_SHOWN} more: the `documents` rows whose `status` is not `ok`."]
    return out + [""]


def write(path: Path, descriptor: dict, tables: dict[str, pd.DataFrame], changelog: dict,
          released: str | None = None, distribution: dict | None = None) -> Path:
    path.write_text(render(descriptor, tables, changelog, released, distribution), encoding="utf-8")
    return path
