"""CITATION.cff (Citation File Format 1.2.0) for a release: how to cite this version of the dataset.

Written into the release directory and shipped in the wheel beside datapackage.json; the loader's
``cef.citation()`` gives the same facts as text, BibTeX or this file. The release date is the day the version
was first published (kept while the data stays the same, since the release is then left untouched), or the day
of $SOURCE_DATE_EPOCH when set, the reproducible-builds convention, so that two builds of the same inputs give
the same bytes."""
from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

AUTHOR = "china-econ-facts contributors"
MESSAGE = ("If you use these data, please cite this release. The facts are figures extracted with their quotes from "
           "the source documents listed in datapackage.json, which remain their publishers' works under their "
           "publishers' terms.")


def release_date() -> str:
    """YYYY-MM-DD (UTC) for a release published now."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    utc = dt.timezone.utc
    when = dt.datetime.fromtimestamp(int(epoch), utc) if epoch.isdigit() else dt.datetime.now(utc)
    return when.date().isoformat()


def _q(text: str) -> str:
    """A YAML scalar: JSON strings are valid YAML double-quoted strings."""
    return json.dumps(text, ensure_ascii=False)


def render(descriptor: dict, manifest: dict) -> str:
    lic = descriptor["licenses"][0]
    lines = [
        "cff-version: 1.2.0",
        f"message: {_q(MESSAGE)}",
        "type: dataset",
        f"title: {_q(descriptor['title'])}",
        f"abstract: {_q(descriptor['description'])}",
        "authors:",
        f"  - name: {_q(AUTHOR)}",
        f"version: {_q(manifest['version'])}",
        f"date-released: {_q(manifest['released'])}",
        "identifiers:",
        "  - type: other",
        f"    value: {_q('sha256:' + manifest['data_sha256'])}",
        f"    description: {_q('SHA-256 over the release data files (data_sha256 in datapackage.json)')}",
        "keywords:",
        *(f"  - {_q(k)}" for k in descriptor.get("keywords", [])),
    ]
    # CFF takes only SPDX identifiers; NOASSERTION (no licence granted) is said in the message and the card instead
    if lic.get("name") and lic["name"] != "NOASSERTION":
        lines.append(f"license: {_q(lic['name'])}")
    return "\n".join(lines) + "\n"


def write(path: Path, descriptor: dict, manifest: dict) -> Path:
    path.write_text(render(descriptor, manifest), encoding="utf-8")
    return path
