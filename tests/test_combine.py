"""The combined tables are kept in memory as written (combine.write_combined), and the checks and the release read
them from there: that is only right because a Parquet round trip gives back exactly those frames (values,
dtypes, index), for every table of a real build: documents of every format, PDF pages, table cells and facts."""
from __future__ import annotations

import shutil

from pipeline import combine, shard_work, shards
from pipeline.assets.resources import PROJECT_ROOT
from pipeline.engine import Engine
from pipeline.publish import parquet


REAL = PROJECT_ROOT / "tests" / "real" / "docs"


def test_the_frames_kept_are_what_reading_the_files_gives(tmp_path):
    raw, wh = tmp_path / "raw", tmp_path / "wh"
    shutil.copytree(PROJECT_ROOT / "raw", raw)
    for name in ("zh_pdf_stat_communique_zhoukou_2023.pdf", "zh_html_pboc_financial_statistics_h1_20200710.html"):
        shutil.copy2(REAL / name, raw / name)  # pages and table cells
    (raw / "empty.txt").write_bytes(b"")  # a document that is not ok
    shard_work.build_shards(str(raw), wh, shards.shard_keys(), Engine(workers=1))
    tables = combine.combine_staged(wh, shards.shard_keys())
    assert all(len(tables[t]) for t in combine.TABLE_NAMES), {t: len(df) for t, df in tables.items()}
    paths = combine.write_combined(wh, tables)
    kept = combine.read_combined(wh)
    for name, path in paths.items():
        back = parquet.read_parquet(path)
        assert back.equals(kept[name]) and back.equals(tables[name]), name
        assert list(back.dtypes) == list(kept[name].dtypes) and back.index.equals(kept[name].index), name
    kept["facts"].loc[0, "quote"] = "changed by a caller"  # callers get copies
    assert combine.read_combined(wh)["facts"].equals(tables["facts"])


def test_files_changed_since_are_read_again(tmp_path):
    raw, wh = tmp_path / "raw", tmp_path / "wh"
    shutil.copytree(PROJECT_ROOT / "raw", raw)
    shard_work.build_shards(str(raw), wh, shards.shard_keys(), Engine(workers=1))
    tables = combine.combine_staged(wh, shards.shard_keys())
    combine.write_combined(wh, tables)
    fewer = tables["facts"].iloc[:3].reset_index(drop=True)
    parquet.write_parquet("facts", fewer, combine.combined_dir(wh) / "facts.parquet")  # another writer
    assert len(combine.read_combined(wh)["facts"]) == 3
