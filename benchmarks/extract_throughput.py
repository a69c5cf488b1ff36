"""Extraction throughput on one core: a corpus of at least 20 MB built in memory from raw/ by repeating its
documents with their paragraphs shuffled and their digits perturbed, so caches and lucky layouts do not flatter
the number. Run by `make bench` through benchmarks/run.py, which calls main()."""
from __future__ import annotations

import dataclasses
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from pipeline.documents import read_document  # noqa: E402
from pipeline.extract import extract_text_facts  # noqa: E402

TARGET_BYTES = 20_000_000
BIG_DOC_CHARS = 1_600_000  # one long document (a minified page, a flattened PDF): ~2 MB of text
_DIGIT = re.compile(r"[0-9]")


def _variant(text: str, rng: random.Random) -> str:
    paras = text.split("\n")
    head, body = paras[:5], paras[5:]
    rng.shuffle(body)
    out = "\n".join(head + body)
    # change about one digit in five, keeping the shape of every number
    return _DIGIT.sub(lambda m: str(rng.randrange(10)) if rng.random() < 0.2 else m.group(), out)


def build_corpus(raw_dir: Path = ROOT / "raw", target_bytes: int = TARGET_BYTES, seed: int = 3):
    rng = random.Random(seed)
    originals = [read_document(p, raw_dir) for p in sorted(raw_dir.iterdir()) if p.is_file()]
    originals = [d for d in originals if d.status == "ok" and d.text]
    if not originals:
        raise SystemExit(f"no readable documents in {raw_dir}")
    docs, total, i = [], 0, 0
    while total < target_bytes:
        src = originals[i % len(originals)]
        text = src.text if i < len(originals) else _variant(src.text, rng)
        docs.append(dataclasses.replace(src, text=text, doc=f"{i:05d}_{src.doc}"))
        total += len(text.encode("utf-8"))
        i += 1
    return docs, total


def _timed(docs) -> tuple[float, float, int]:
    """(CPU seconds, wall seconds, facts). CPU time of this process is what one core delivers; wall time also
    counts other processes on a busy machine."""
    start, wall = time.process_time(), time.perf_counter()
    n_facts = 0
    for d in docs:
        n_facts += len(extract_text_facts(d))
    return time.process_time() - start, time.perf_counter() - wall, n_facts


def one_line(docs):
    """The same documents with their line breaks turned into spaces, as minified HTML or flattened PDF text comes:
    extraction must stay linear in the text, so this costs about what the text with its breaks does."""
    return [dataclasses.replace(d, text=d.text.replace("\n", " ")) for d in docs]


def main() -> dict:
    docs, total = build_corpus()
    # load vocabularies and compile patterns outside the timing, with one copy of each original document: the Chinese
    # ones load what the English ones do not (pypinyin, the Chinese patterns)
    originals = {d.doc.split("_", 1)[1]: d for d in reversed(docs)}  # (doc is "00042_<original>")
    for d in originals.values():
        extract_text_facts(d)
    elapsed, wall, n_facts = _timed(docs)
    flat_cpu, _, _ = _timed(one_line(docs))
    mb = total / 1e6
    result = {"documents": len(docs), "megabytes": round(mb, 2), "cpu_seconds": round(elapsed, 2),
              "wall_seconds": round(wall, 2), "mb_per_s": round(mb / elapsed, 2),
              "mb_per_s_wall": round(mb / wall, 2), "facts": n_facts, "facts_per_s": round(n_facts / elapsed),
              "one_line_mb_per_s": round(mb / flat_cpu, 2), "one_line_ratio": round(flat_cpu / elapsed, 2)}
    print(f"extract: {result['documents']} documents, {result['megabytes']} MB in {result['cpu_seconds']} CPU s = "
          f"{result['mb_per_s']} MB/s on one core ({result['mb_per_s_wall']} MB/s wall clock), "
          f"{result['facts']} facts ({result['facts_per_s']} facts/s)")
    big = [dataclasses.replace(docs[0], text="\n".join(d.text for d in docs)[:BIG_DOC_CHARS])]
    big_cpu, _, _ = _timed(big)
    big_flat_cpu, _, _ = _timed(one_line(big))
    big_mb = len(big[0].text.encode("utf-8")) / 1e6
    result.update(big_document_mb=round(big_mb, 2), big_mb_per_s=round(big_mb / big_cpu, 2),
                  big_one_line_mb_per_s=round(big_mb / big_flat_cpu, 2), big_one_line_ratio=round(big_flat_cpu / big_cpu, 2))
    print(f"extract, the same text on one line per document: {result['one_line_mb_per_s']} MB/s on one core "
          f"({result['one_line_ratio']}x the time with line breaks; the target is at most 1.5x)")
    print(f"extract, one document of {result['big_document_mb']} MB: {result['big_mb_per_s']} MB/s with its line "
          f"breaks, {result['big_one_line_mb_per_s']} MB/s on one line ({result['big_one_line_ratio']}x)")
    return result


if __name__ == "__main__":
    main()
