"""Pictures of a build for people (the Dagster UI shows them in the facts asset's metadata). Plain Python, no Dagster.

facts_per_document_png(documents, facts) → PNG bytes: one horizontal bar per document, split by fact kind, with
documents that were not read marked by their status. Rendering is deterministic for the same tables (Agg backend,
no timestamp or software tag in the file, the same fonts on the same machine), but the PNG is a picture, not a data
file: nothing reads it back. Chinese file names are drawn with an installed CJK font (see fonts()); without one,
such documents are labelled by their doc_id.
"""
from __future__ import annotations

import base64
import io
from functools import lru_cache
from pathlib import Path

import pandas as pd

KIND_ORDER = ("money", "percent", "count", "measure", "ratio")
# colour-blind-safe (Okabe-Ito), one per kind
KIND_COLOURS = {"money": "#0072B2", "percent": "#E69F00", "count": "#009E73", "measure": "#CC79A7", "ratio": "#56B4E9"}
CHART_NAME = "facts_per_document.png"
BASE_FONT = "DejaVu Sans"  # ships with matplotlib, so the same on every machine
# fonts-wqy-microhei (installed by `make sysdeps`) first, then Noto/Source Han CJK under their usual names
CJK_FONTS = ("WenQuanYi Micro Hei", "Noto Sans CJK SC", "Noto Sans CJK TC", "Noto Sans CJK JP", "Noto Sans SC",
             "Source Han Sans SC", "Droid Sans Fallback")


def facts_per_document(documents: pd.DataFrame, facts: pd.DataFrame, top: int = 30) -> pd.DataFrame:
    """Documents × kinds → number of facts, every document included (0 when nothing was extracted), ordered by total
    (then name), at most `top` rows. Index: document label (file name, plus its status when it is not ok)."""
    table = _counts(documents, facts, top)
    table.index = _labels(documents).reindex(table.index).to_numpy()
    return table.rename_axis("document")


def _labels(documents: pd.DataFrame) -> pd.Series:
    """doc_id → label: the file name, plus the status when it is not ok."""
    docs = documents.set_index("doc_id")
    ok = (docs["status"] == "ok").to_numpy()
    # whole columns, not a Python call per document (10,000 documents: ~1 s per call)
    return pd.Series([d if o else f"{d} [{s}]" for d, s, o in zip(docs["doc"], docs["status"], ok)],
                     index=docs.index, dtype=object)


def _counts(documents: pd.DataFrame, facts: pd.DataFrame, top: int) -> pd.DataFrame:
    """facts_per_document indexed by doc_id, so the chart can fall back to the id for a label it cannot draw."""
    labels = _labels(documents)
    counts = (facts.groupby(["doc_id", "kind"]).size().unstack("kind", fill_value=0)
              if len(facts) else pd.DataFrame(index=pd.Index([], name="doc_id")))
    kinds = [k for k in KIND_ORDER if k in counts.columns] + sorted(set(counts.columns) - set(KIND_ORDER))
    table = counts.reindex(index=labels.index, columns=kinds, fill_value=0).astype(int)
    order = pd.DataFrame({"total": table.sum(axis=1), "label": labels.reindex(table.index)})
    order = order.sort_values(["total", "label"], ascending=[False, True], kind="mergesort").head(top)
    return table.loc[order.index].rename_axis("doc_id")


def facts_per_document_png(documents: pd.DataFrame, facts: pd.DataFrame, top: int = 30) -> bytes:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    table = _counts(documents, facts, top)
    names = tick_labels(documents, table.index)
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
    ax.set_yticks(y, names, fontsize=8, fontfamily=fonts()[0])
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


def tick_labels(documents: pd.DataFrame, doc_ids) -> list[str]:
    """The chart's label for each document: its label, cut short, or its doc_id when the fonts cannot draw it."""
    labels = _labels(documents)
    drawable = fonts()[1]
    return [_short(labels[d]) if set(labels[d]) <= drawable else f"{d} (doc_id)" for d in doc_ids]


@lru_cache(maxsize=1)
def fonts() -> tuple[list[str], frozenset[str]]:
    """(font families for the labels, the characters they can draw). Matplotlib's DejaVu Sans has no Chinese, so
    the first installed CJK font in CJK_FONTS is added as its fallback; labels with other characters are replaced
    by the document's id rather than drawn as boxes (with a "Glyph missing" warning)."""
    from matplotlib import font_manager, ft2font

    installed = {f.name: f for f in font_manager.fontManager.ttflist}
    base = font_manager.findfont(font_manager.FontProperties(family=BASE_FONT), fallback_to_default=False)
    families, files = [BASE_FONT], [base]
    cjk = next((installed[name] for name in CJK_FONTS if name in installed), None)
    if cjk is not None:
        families.append(cjk.name)
        files.append(cjk.fname)
    chars: set[str] = set()
    for path in files:  # in a .ttc collection this reads the first face; its siblings cover the same characters
        chars.update(chr(c) for c in ft2font.FT2Font(path).get_charmap())
    return families, frozenset(chars)


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
