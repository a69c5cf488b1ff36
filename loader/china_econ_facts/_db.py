"""Read-only DuckDB access to the packaged Parquet files."""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import duckdb

from ._data import DatasetError, data_dir, datapackage

# SELECT covers WITH, DESCRIBE, SHOW, SUMMARIZE and FROM-first queries; everything else may write or reconfigure.
_READ_ONLY = {duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN}


class ReadOnlyError(DatasetError, PermissionError):
    """SQL that would write, or change the connection's settings, on the read-only dataset."""


class QueryError(DatasetError, ValueError):
    """SQL that DuckDB cannot parse or run."""


def _q(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def connect() -> duckdb.DuckDBPyConnection:
    """A read-only DuckDB connection with one view per table over the packaged Parquet files.

    The views live in a small database file that is opened ``read_only=True``, so CREATE, INSERT, UPDATE,
    DELETE and the like fail inside DuckDB. File access is then limited to the package's data directory and
    the configuration locked, so COPY … TO, ATTACH, INSTALL and reading other files fail too. TEMP tables
    and views are private to the connection and allowed. Column and table comments carry the descriptions."""
    data = data_dir().resolve()
    tmp = Path(tempfile.mkdtemp(prefix="china_econ_facts-"))
    try:
        # the file name is the database name DuckDB shows in its messages
        db = str(tmp / "china_econ_facts.duckdb")
        con = duckdb.connect(db)
        try:
            for res in datapackage()["resources"]:
                name = _ident(res["name"])
                con.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet({_q(str(data / res['path']))})")
                con.execute(f"COMMENT ON VIEW {name} IS {_q(res.get('description', ''))}")
                for field in res["schema"]["fields"]:
                    con.execute(f"COMMENT ON COLUMN {name}.{_ident(field['name'])} IS "
                                f"{_q(field.get('description', ''))}")
        finally:
            con.close()
        con = duckdb.connect(db, read_only=True)
        con.execute(f"SET allowed_directories = [{_q(str(data) + '/')}]")
        con.execute("SET enable_external_access = false")
        con.execute("SET lock_configuration = true")
        return con
    finally:
        # the open connection keeps its file handle; nothing is left behind (on Windows the delete may fail)
        shutil.rmtree(tmp, ignore_errors=True)


def check_read_only(sql: str) -> list:
    """Parse `sql` with DuckDB's own parser; raise ReadOnlyError unless every statement only reads."""
    try:
        statements = duckdb.extract_statements(sql)
    except duckdb.Error as e:
        raise QueryError(f"cannot parse the SQL: {e}") from None
    if not statements:
        raise QueryError("no SQL statement given")
    for st in statements:
        if st.type not in _READ_ONLY:
            kind = st.type.name.replace("_", " ")
            raise ReadOnlyError(f"refused: {kind} statement ({st.query.strip()[:60]!r}); the dataset is read-only, "
                                f"only SELECT, WITH, DESCRIBE, SHOW, SUMMARIZE and EXPLAIN queries run")
    return statements


def query(sql: str, con: duckdb.DuckDBPyConnection | None = None):
    """Run read-only SQL over the dataset; the last statement's result as a pandas DataFrame."""
    statements = check_read_only(sql)
    own = con is None
    con = con or connect()
    try:
        result = None
        for st in statements:
            result = con.execute(st.query).df()
        return result
    except duckdb.Error as e:
        raise QueryError(str(e)) from None
    finally:
        if own:
            con.close()
