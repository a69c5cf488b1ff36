"""datapackage.json: a Frictionless Data Package (v1 profile) describing the release, built from the pandera
schemas so the published table schemas can never drift from the checks the data passed."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import schemas

NAME = "china-econ-facts"
TITLE = "China economic facts"
DESCRIPTION = ("Numbers about the Chinese economy extracted from source documents (Chinese and English), "
               "normalized to base units, each with its exact quote, sentence and character span in the source text.")
# No licence has been chosen for the dataset yet; the raw documents keep their own terms. Say so rather than
# invent a grant: the lead overrides this through manifest_extra["license"].
DEFAULT_LICENSE = {"name": "NOASSERTION",
                   "title": "No licence asserted: the source documents keep their publishers' terms"}

_TYPES = {"str": "string", "int64": "integer", "Int64": "integer", "float64": "number", "bool": "boolean"}
PRIMARY_KEYS = {"documents": ["doc_id"], "facts": ["fact_id"],
                "table_cells": ["doc_id", "page", "table_index", "row", "col"],
                "pages": ["doc_id", "page"], "indicators": ["indicator_code"], "regions": ["region_code"],
                "observations": ["indicator_code", "region_code", "year", "measure", "is_target", "unit"]}
FOREIGN_KEYS = {"facts": [("doc_id", "documents", "doc_id"), ("indicator_code", "indicators", "indicator_code"),
                          ("region_code", "regions", "region_code")],
                "table_cells": [("doc_id", "documents", "doc_id")],
                "pages": [("doc_id", "documents", "doc_id")],
                "observations": [("indicator_code", "indicators", "indicator_code"),
                                 ("region_code", "regions", "region_code")]}


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _constraints(column) -> dict:
    """pandera column → Table Schema constraints. Checks Table Schema cannot say are left to the card."""
    out: dict = {}
    if not column.nullable:
        out["required"] = True
    if column.unique:
        out["unique"] = True
    for check in column.checks:
        stats = check.statistics or {}
        if check.name == "isin":
            out["enum"] = list(stats["allowed_values"])
        elif check.name == "greater_than_or_equal_to":
            out["minimum"] = stats["min_value"]
        elif check.name == "less_than_or_equal_to":
            out["maximum"] = stats["max_value"]
        elif check.name == "greater_than":
            # v1 has no exclusiveMinimum; state the bound in words (description) and keep the descriptor valid
            continue
        elif check.name == "str_length":
            if stats.get("min_value") is not None:
                out["minLength"] = stats["min_value"]
            if stats.get("max_value") is not None:
                out["maxLength"] = stats["max_value"]
        elif check.name == "str_matches":
            # Table Schema patterns are implicitly anchored (XML Schema regex)
            out["pattern"] = stats["pattern"].removeprefix("^").removesuffix("$")
    return out


def _extra_rules(column) -> list[str]:
    return [f"must be > {c.statistics['min_value']}" for c in column.checks if c.name == "greater_than"]


def table_schema(table: str) -> dict:
    model = schemas.TABLES[table].to_schema()
    dtypes = schemas.column_dtypes(table)
    fields = []
    for name, column in model.columns.items():
        description = column.description or ""
        rules = _extra_rules(column)
        if rules:
            description += f" ({'; '.join(rules)})"
        field = {"name": name, "type": _TYPES[dtypes[name]], "description": description}
        constraints = _constraints(column)
        if constraints:
            field["constraints"] = constraints
        fields.append(field)
    # Parquet has real nulls; an empty string is a value (e.g. a header cell with no header), not a missing one
    out = {"fields": fields, "primaryKey": PRIMARY_KEYS[table], "missingValues": []}
    if table in FOREIGN_KEYS:
        out["foreignKeys"] = [{"fields": f, "reference": {"resource": res, "fields": ref}}
                              for f, res, ref in FOREIGN_KEYS[table]]
    return out


def resource(table: str, path: Path, rows: int) -> dict:
    return {"name": table, "path": f"parquet/{path.name}", "profile": "tabular-data-resource",
            "format": "parquet", "mediatype": "application/vnd.apache.parquet",
            "description": schemas.table_description(table),
            # no "bytes": frictionless 5 cannot count a Parquet file's bytes and reports a byte-count error
            "hash": f"sha256:{sha256_file(path)}",
            "rows": rows, "schema": table_schema(table)}


def sources(documents, archived: bool = False) -> list[dict]:
    """One source per raw document: its path under raw/ and the SHA-256 of its bytes. A release that ships its
    data in an archive (archive.py) names them in one entry instead, so that the descriptor the wheel carries does
    not grow with the corpus: the same paths and SHA-256 are in the documents table and in manifest.json."""
    if archived:
        return [{"title": f"{len(documents)} raw documents; each one's path under raw/ and SHA-256 are in the "
                          "documents table (columns path, sha256) and in manifest.json", "path": "raw/"}]
    return [{"title": doc, "path": f"raw/{path}", "sha256": sha}
            for doc, path, sha in sorted(zip(documents["doc"], documents["path"], documents["sha256"]),
                                         key=lambda r: r[1])]


def build(files: dict[str, Path], rows: dict[str, int], documents, manifest: dict) -> dict:
    """The descriptor. Deterministic: no build time, only data and release identity."""
    return {
        "profile": "tabular-data-package",
        "name": NAME,
        "title": TITLE,
        "description": DESCRIPTION,
        "version": manifest["version"],
        "licenses": [manifest.get("license") or DEFAULT_LICENSE],
        "keywords": ["china", "economy", "statistics", "facts", "chinese"],
        "sources": sources(documents, (manifest.get("distribution") or {}).get("mode") == "archive"),
        "source_count": int(len(documents)),
        "resources": [resource(t, files[t], rows[t]) for t in schemas.TABLES if t in files],
        # non-standard but allowed: what made this release
        "release_id": manifest["release_id"],
        "data_sha256": manifest["data_sha256"],
        "extractor_version": manifest.get("extractor_version", "unknown"),
    }


def write(path: Path, descriptor: dict) -> Path:
    path.write_text(json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path
