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
import json
import os
import signal
import time
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
    return _png(*_chart_inputs(documents, facts, top))


def _chart_inputs(documents: pd.DataFrame, facts: pd.DataFrame, top: int) -> tuple:
    """All the chart draws from the tables (a few KB: the top rows, their labels, two counts)."""
    table = _counts(documents, facts, top)
    return table, _labels(documents).reindex(table.index), len(documents), len(facts)


def _figure_class():
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    return Figure


def _png(table: pd.DataFrame, labels: pd.Series, n_docs: int, n_facts: int) -> bytes:
    Figure = _figure_class()
    names = _tick_names(labels, table.index)
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
    ax.set_title(f"Facts per document by kind ({n_facts} facts, {shown})", fontsize=10)
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
    return _tick_names(_labels(documents), doc_ids)


def _tick_names(labels: pd.Series, doc_ids) -> list[str]:
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


# A child that draws for longer than this is stopped and the chart drawn in this process.
ASIDE_TIMEOUT_S = 300


class Aside:
    """The chart drawn by a forked child process, on another core. Importing matplotlib and its fonts, then drawing,
    cost ~1.3 s of a build that changed one document: the child is started before the tables are combined and
    imports meanwhile; draw() sends it the chart's inputs (a few KB of JSON through a pipe), and it draws while this process
    writes the tables. The child leaves with os._exit (no cleanup of state it shares with its parent). Without
    fork, or when the child fails or hangs, result() draws in this process (and so raises the real error).

        with charts.Aside() as chart:
            ...                                   # combine the tables
            chart.draw(documents, facts, path)
            ...                                   # write them
            png = chart.result()
    """

    def __enter__(self) -> "Aside":
        self.pid, self.inputs, self.path, self._send = -1, None, None, None
        if not hasattr(os, "fork"):
            return self
        read, self._send = os.pipe()
        try:
            self.pid = os.fork()
        except OSError:  # no more processes: draw here
            os.close(read)
            return self
        if self.pid == 0:
            os.close(self._send)
            _draw_when_told(read)  # never returns
        os.close(read)
        return self

    def draw(self, documents: pd.DataFrame, facts: pd.DataFrame, path: Path, top: int = 30) -> None:
        self.inputs, self.path = _chart_inputs(documents, facts, top), Path(path)
        self.path.unlink(missing_ok=True)  # a file left by an earlier build must not pass for this one's
        if self.pid > 0:
            pipe, self._send = os.fdopen(self._send, "wb"), None
            try:
                with pipe:
                    pipe.write(_encode(self.inputs, self.path))
            except BrokenPipeError:  # the child is gone already: result() draws here
                pass

    def result(self) -> bytes:
        if self.pid > 0 and _exited_cleanly(self.pid) and self.path.is_file():
            self.pid = -1
            return self.path.read_bytes()
        self.pid = -1
        return write_png(_png(*self.inputs), self.path).read_bytes()

    def __exit__(self, *exc) -> None:
        if self._send is not None:  # draw() never came (a failed step): the child reads EOF and leaves
            os.close(self._send)
        if self.pid > 0:
            _exited_cleanly(self.pid, timeout=0)


def _draw_when_told(read: int) -> None:
    code = 1
    try:
        _figure_class(), fonts()  # the slow imports, while the parent combines the tables
        with os.fdopen(read, "rb") as pipe:
            data = pipe.read()
        if data:
            inputs, path = _decode(data)
            write_png(_png(*inputs), path)
            code = 0
    finally:
        os._exit(code)


def _encode(inputs: tuple, path: Path) -> bytes:
    """The chart's inputs as JSON for the child (counts, labels and names: plain values)."""
    table, labels, n_docs, n_facts = inputs
    return json.dumps({"index": [str(d) for d in table.index], "columns": [str(c) for c in table.columns],
                       "values": table.to_numpy().tolist(), "labels": [str(labels[d]) for d in table.index],
                       "n_docs": int(n_docs), "n_facts": int(n_facts), "path": str(path)}).encode()


def _decode(data: bytes) -> tuple[tuple, Path]:
    d = json.loads(data)
    index = pd.Index(d["index"], name="doc_id", dtype=object)
    table = pd.DataFrame(d["values"], index=index, columns=d["columns"], dtype="int64")
    labels = pd.Series(d["labels"], index=index, dtype=object)
    return (table, labels, d["n_docs"], d["n_facts"]), Path(d["path"])


def _exited_cleanly(pid: int, timeout: float = ASIDE_TIMEOUT_S) -> bool:
    deadline = time.monotonic() + timeout
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status) == 0
        if time.monotonic() >= deadline:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            return False
        time.sleep(0.005)


def markdown_image(png: bytes, alt: str) -> str:
    """Markdown that embeds the picture itself (a data URI), so it shows without a file server."""
    return f"![{alt}](data:image/png;base64,{base64.b64encode(png).decode('ascii')})"
