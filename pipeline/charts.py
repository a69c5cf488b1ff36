"""Pictures of a build for people (the Dagster UI shows them in the facts asset's metadata). Plain Python, no Dagster.

facts_per_document_png(documents, facts) → PNG bytes: one horizontal bar per document, split by fact kind, with
documents that were not read marked by their status. Rendering is deterministic for the same tables (Agg backend,
no timestamp or software tag in the file), but the PNG is a picture, not a data file: nothing reads it back.
"""
from __future__ import annotations

import base64
import io
from pathlib import Path

import pandas as pd

KIND_ORDER = ("money", "percent", "count", "measure", "ratio")
# colour-blind-safe (Okabe-Ito), one per kind
KIND_COLOURS = {"money": "#0072B2", "percent": "#E69F00", "count": "#009E73", "measure": "#CC79A7", "ratio": "#56B4E9"}
CHART_NAME = "facts_per_document.png"


def facts_per_document(documents: pd.DataFrame, facts: pd.DataFrame, top: int = 30) -> pd.DataFrame:
    """Documents × kinds → number of facts, every document included (0 when nothing was extracted), ordered by total
    (then name), at most `top` rows. Index: document label (file name, plus its status when it is not ok)."""
    labels = documents.set_index("doc_id").apply(
        lambda d: d["doc"] if d["status"] == "ok" else f"{d['doc']} [{d['status']}]", axis=1)
    counts = (facts.groupby(["doc_id", "kind"]).size().unstack("kind", fill_value=0)
              if len(facts) else pd.DataFrame(index=pd.Index([], name="doc_id")))
    kinds = [k for k in KIND_ORDER if k in counts.columns] + sorted(set(counts.columns) - set(KIND_ORDER))
    table = counts.reindex(index=labels.index, columns=kinds, fill_value=0).astype(int)
    table.index = labels.reindex(table.index).to_numpy()
    table["_total"] = table.sum(axis=1)
    table = table.rename_axis("document").reset_index()
    table = table.sort_values(["_total", "document"], ascending=[False, True]).head(top)
    return table.set_index("document").drop(columns="_total")


def facts_per_document_png(documents: pd.DataFrame, facts: pd.DataFrame, top: int = 30) -> bytes:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    table = facts_per_document(documents, facts, top)
    n_docs = len(documents)
    height = 1.6 + 0.32 * max(len(table), 1)
    fig = Figure(figsize=(8.0, height), dpi=100)
    ax = fig.add_subplot()
    y = list(range(len(table)))[::-1]  # most facts on top
    left = [0] * len(table)
    for kind in table.columns:
        values = table[kind].tolist()
        ax.barh(y, values, left=left, height=0.7, label=kind, color=KIND_COLOURS.get(kind, "#999999"))
        left = [a + b for a, b in zip(left, values)]
    for yi, total in zip(y, left):
        ax.text(total, yi, f" {total}", va="center", fontsize=8)
    ax.set_yticks(y, [_short(d) for d in table.index], fontsize=8)
    shown = f"top {len(table)} of {n_docs} documents" if len(table) < n_docs else f"{n_docs} documents"
    ax.set_title(f"Facts per document by kind ({len(facts)} facts, {shown})", fontsize=10)
    ax.set_xlabel("facts")
    ax.set_xlim(0, max(left + [1]) * 1.12)
    if len(table.columns):
        ax.legend(loc="lower right", fontsize=8, frameon=False)
    elif len(table):
        ax.text(0.5, 0.5, "no facts extracted", transform=ax.transAxes, ha="center", va="center", color="#666666")
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png", metadata={"Software": None})
    return buf.getvalue()


def _short(label: str, width: int = 42) -> str:
    return label if len(label) <= width else label[: width - 1] + "…"


def write_png(png: bytes, path: Path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_bytes(png)
    tmp.replace(path)
    return path


def markdown_image(png: bytes, alt: str) -> str:
    """Markdown that embeds the picture itself (a data URI), so it shows without a file server."""
    return f"![{alt}](data:image/png;base64,{base64.b64encode(png).decode('ascii')})"
