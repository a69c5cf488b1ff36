"""Read-only DuckDB access to the packaged Parquet files."""
from __future__ import annotations

import re
import shutil
import tempfile
import warnings
from pathlib import Path

import duckdb

from ._data import DatasetError, UnknownTableError, datapackage, table_names
from ._fetch import files_dir
from ._verify import DataFileError, data_file

# SELECT covers WITH, DESCRIBE, SHOW, SUMMARIZE and FROM-first queries; everything else may write or reconfigure.
_READ_ONLY = {duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN}


class ReadOnlyError(DatasetError, PermissionError):
    """SQL that would write, or change the connection's settings, on the read-only dataset."""


class QueryError(DatasetError, ValueError):
    """SQL that DuckDB cannot parse or run."""


class DataFileWarning(UserWarning):
    """A table left out of a connection because its data file is missing or damaged."""


# DuckDB's message for an unknown table; a message that does not match stays a QueryError
_NO_TABLE = re.compile(r"Table with name (.+?) does not exist!")


def _q(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def connect() -> duckdb.DuckDBPyConnection:
    """A read-only DuckDB connection with one view per table over the packaged Parquet files.

    The views live in a small database file that is opened ``read_only=True``, so CREATE, INSERT, UPDATE,
    DELETE and the like fail inside DuckDB. File access is then limited to the package's data directory and
    the configuration locked, so COPY … TO, ATTACH, INSTALL and reading other files fail too. TEMP tables
    and views are private to the connection and allowed. Column and table comments carry the descriptions.

    Each file is checked against its SHA-256 first; a table whose file is missing or damaged gets no view
    and a DataFileWarning naming it, so the other tables stay usable."""
    con, skipped = _open()
    _warn(skipped)
    return con


def _open() -> tuple[duckdb.DuckDBPyConnection, dict[str, DataFileError]]:
    """connect() without the warnings: the connection and {table: why it has no view}."""
    data = files_dir().resolve()
    skipped: dict[str, DataFileError] = {}
    tmp = Path(tempfile.mkdtemp(prefix="china_econ_facts-"))
    try:
        # the file name is the database name DuckDB shows in its messages
        db = str(tmp / "china_econ_facts.duckdb")
        con = duckdb.connect(db)
        try:
            for res in datapackage()["resources"]:
                try:
                    path = data_file(res["name"]).resolve()
                except DataFileError as e:
                    # DuckDB binds a view when it is created: a bad file would make connect() fail for every table
                    skipped[res["name"]] = e
                    continue
                _create_view(con, res, path)
        finally:
            con.close()
        con = duckdb.connect(db, read_only=True)
        con.execute(f"SET allowed_directories = [{_q(str(data) + '/')}]")
        con.execute("SET enable_external_access = false")
        con.execute("SET lock_configuration = true")
        names = {r["name"] for r in datapackage()["resources"]} - set(skipped)
        if {"observations", "facts"} <= names:
            from ._curated import CONFLICTS_SQL
            con.execute(CONFLICTS_SQL)
        return con, skipped
    finally:
        # the open connection keeps its file handle; nothing is left behind (on Windows the delete may fail)
        shutil.rmtree(tmp, ignore_errors=True)


def _create_view(con: duckdb.DuckDBPyConnection, res: dict, path: Path) -> None:
    name = _ident(res["name"])
    con.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet({_q(str(path))})")
    con.execute(f"COMMENT ON VIEW {name} IS {_q(res.get('description', ''))}")
    for field in res["schema"]["fields"]:
        con.execute(f"COMMENT ON COLUMN {name}.{_ident(field['name'])} IS {_q(field.get('description', ''))}")


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
    """Run read-only SQL over the dataset; the last statement's result as a pandas DataFrame.

    Raises ReadOnlyError for SQL that would write, UnknownTableError for a table the dataset does not have,
    DataFileError when the query needs a table whose file is missing or damaged, QueryError otherwise.
    Queries that do not touch a damaged table still run (with a DataFileWarning naming it)."""
    statements = check_read_only(sql)
    own = con is None
    skipped: dict[str, DataFileError] = {}
    try:
        if own:
            con, skipped = _open()
        result = None
        for st in statements:
            result = con.execute(st.query).df()
    except duckdb.CatalogException as e:
        raise _catalog_error(e) from None
    except duckdb.Error as e:
        raise QueryError(str(e)) from None
    finally:
        if own and con is not None:
            con.close()
    _warn(skipped)
    return result


def _warn(skipped: dict[str, DataFileError]) -> None:
    for table, err in skipped.items():
        warnings.warn(f"table {table!r} left out: {err}", DataFileWarning, stacklevel=3)


def _catalog_error(e: duckdb.CatalogException) -> DatasetError:
    """DuckDB's "Table with name x does not exist! Did you mean pg_sequences?" in the dataset's own terms."""
    m = _NO_TABLE.search(str(e))
    if m is None:
        return QueryError(str(e))
    name = m.group(1)
    known = {t.lower(): t for t in table_names()}
    if name.lower() in known:
        try:  # a dataset table without a view: its file is missing or damaged, say so
            data_file(known[name.lower()])
        except DataFileError as bad:
            return bad
        return QueryError(str(e))
    return UnknownTableError(name, table_names())
