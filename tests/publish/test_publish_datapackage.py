"""datapackage.json mirrors the pandera schemas and passes `frictionless validate`; the card covers every column."""
from __future__ import annotations

import hashlib
import json
import subprocess
from pathlib import Path

import pytest

import schemas
from pipeline.extract.fact import UNITS
from pipeline.publish import release
from tests.publish.sample_release import sample_tables

FRICTIONLESS = Path(__file__).resolve().parents[2] / ".venv" / "bin" / "frictionless"


@pytest.fixture(scope="module")
def rel(tmp_path_factory):
    wh = tmp_path_factory.mktemp("wh")
    release.publish(sample_tables(0), wh)
    return release.publish(sample_tables(1), wh)


def _dp(rel) -> dict:
    return json.loads((rel.path / "datapackage.json").read_text())


def test_table_schemas_match_pandera(rel):
    resources = {r["name"]: r for r in _dp(rel)["resources"]}
    assert list(resources) == list(schemas.TABLES)
    types = {"str": "string", "int64": "integer", "Int64": "integer", "float64": "number", "bool": "boolean"}
    for table, res in resources.items():
        fields = {f["name"]: f for f in res["schema"]["fields"]}
        assert {n: f["type"] for n, f in fields.items()} == {n: types[d] for n, d in schemas.column_dtypes(table).items()}
        for name, desc in schemas.column_descriptions(table).items():
            assert fields[name]["description"].startswith(desc)
        nullable = {n for n, c in schemas.TABLES[table].to_schema().columns.items() if c.nullable}
        assert {n for n, f in fields.items() if f.get("constraints", {}).get("required")} == set(fields) - nullable
    facts = {f["name"]: f for f in resources["facts"]["schema"]["fields"]}
    assert facts["unit"]["constraints"]["enum"] == sorted(UNITS)
    assert facts["fact_id"]["constraints"]["unique"] is True
    assert facts["year"]["constraints"]["minimum"] == 1800 and facts["year"]["constraints"]["maximum"] == 2200
    assert resources["facts"]["schema"]["primaryKey"] == ["fact_id"]
    assert resources["documents"]["schema"]["primaryKey"] == ["doc_id"]
    assert resources["facts"]["schema"]["foreignKeys"] == [
        {"fields": "doc_id", "reference": {"resource": "documents", "fields": "doc_id"}},
        {"fields": "indicator_code", "reference": {"resource": "indicators", "fields": "indicator_code"}},
        {"fields": "region_code", "reference": {"resource": "regions", "fields": "region_code"}}]


def test_rows_and_hashes_describe_the_files(rel):
    for res in _dp(rel)["resources"]:
        path = rel.path / res["path"]
        assert res["hash"] == "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest()
        assert res["rows"] == rel.manifest["rows"][res["name"]]
    dp = _dp(rel)
    assert dp["version"] == rel.version and dp["licenses"][0]["name"]


def _validate(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(FRICTIONLESS), "validate", "--json", str(path.name)], cwd=path.parent,
                          capture_output=True, text=True, timeout=60)


def test_frictionless_validate_passes(rel):
    proc = _validate(rel.path / "datapackage.json")
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert json.loads(proc.stdout)["valid"] is True


def test_frictionless_really_reads_the_data(rel, tmp_path):
    """A descriptor that disagrees with the data must fail, or the passing test above proves nothing."""
    for name in ("parquet", "README.md"):
        src = rel.path / name
        (tmp_path / name).symlink_to(src, target_is_directory=src.is_dir())
    dp = _dp(rel)
    facts = next(r for r in dp["resources"] if r["name"] == "facts")
    next(f for f in facts["schema"]["fields"] if f["name"] == "unit")["constraints"]["enum"] = ["USD"]
    (tmp_path / "datapackage.json").write_text(json.dumps(dp))
    proc = _validate(tmp_path / "datapackage.json")
    assert proc.returncode != 0 and json.loads(proc.stdout)["valid"] is False


def test_card_covers_every_table_and_column_and_the_counts(rel):
    card = (rel.path / "README.md").read_text()
    for table in schemas.TABLES:
        assert f"### `{table}`" in card
        for col in schemas.column_dtypes(table):
            assert f"| `{col}` |" in card
    for heading in ("## Units and normalization", "### By document", "### Facts by language", "### Facts by kind",
                    "## Known limitations", rel.version):
        assert heading in card
    assert "002_bad.pdf" in card and "no_text_layer" in card  # the unreadable document is named
    assert "| en | 1 |" in card and "| zh-Hant | 2 |" in card


def test_card_has_the_status_table_its_limitations_point_to(rel):
    card = (rel.path / "README.md").read_text()
    limitations = card[card.index("## Known limitations"):]
    assert "see the status table below" in limitations
    table = limitations[limitations.index("### Documents by status"):].splitlines()
    assert table[2:6] == ["| status | documents | error |", "|---|---|---|", "| ok | 2 |  |",
                          "| no_text_layer | 1 | no text layer on any page (scanned?) |"]


def test_card_says_what_the_licence_means_and_a_citation_ships(rel):
    card = (rel.path / "README.md").read_text()
    reuse = card[card.index("## Licence and reuse"):card.index("## Tables")]
    for words in ("What the facts are", "`quote`", "Whose the documents are", "their publishers",
                  "What that means for reuse", "`NOASSERTION`", "CITATION.cff"):
        assert words in reuse
    released = rel.manifest["released"]
    assert f"released {released}" in card
    cff = (rel.path / "CITATION.cff").read_text()
    assert f'version: "{rel.version}"' in cff and f'date-released: "{released}"' in cff
    assert "license:" not in cff  # NOASSERTION is no SPDX licence: CFF gets none rather than a false one
