"""cef.citation(): how to cite the installed release, from its manifest and data package (the same facts as
the CITATION.cff shipped beside them)."""
from __future__ import annotations

from ._data import DatasetError, data_dir, datapackage, manifest

FORMATS = ("text", "bibtex", "cff")


def citation(format: str = "text") -> str:
    """How to cite this release of the dataset.

    format: ``"text"`` (one paragraph, the default), ``"bibtex"`` (a @misc entry) or ``"cff"`` (the release's
    CITATION.cff). Each names the version, the release date and the data's SHA-256. The facts are figures
    quoted from source documents that remain their publishers' works: cite the document (``doc``,
    ``documents.title``, ``documents.source_url``) with the figure as well."""
    if format not in FORMATS:
        raise ValueError(f"unknown citation format {format!r}; use one of: {', '.join(FORMATS)}")
    if format == "cff":
        path = data_dir() / "CITATION.cff"
        if not path.is_file():
            raise DatasetError(f"no CITATION.cff in {data_dir()}: this release was built without one")
        return path.read_text(encoding="utf-8")
    dp, man = datapackage(), manifest()
    version, released, sha = dp.get("version", ""), man.get("released", ""), dp.get("data_sha256", "")
    author = "china-econ-facts contributors"
    if format == "bibtex":
        key = f"china_econ_facts_{version.replace('.', '_')}"
        return "\n".join([f"@misc{{{key},", f"  author = {{{{{author}}}}},", f"  title = {{{dp['title']}}},",
                          f"  year = {{{released[:4]}}},", f"  version = {{{version}}},",
                          f"  note = {{Data set, released {released}, data SHA-256 {sha}}},", "}"]) + "\n"
    return (f"{author} ({released[:4]}). {dp['title']} (version {version}, released {released}) [Data set]. "
            f"Python package china-econ-facts {version}; data SHA-256 {sha}.")
