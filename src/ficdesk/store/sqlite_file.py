"""Looking at an SQLite file without changing it.

Everything FicDesk decides about a file before it writes to it (is it SQLite at all, is it damaged,
is it FicDesk's, which schema) is read here through a read-only connection (SQLite URI ``mode=ro``),
so a file FicDesk refuses keeps every byte: no switch to WAL, no journal, no ``-wal``/``-shm`` left
beside a rollback-journal file.
"""

from __future__ import annotations

import contextlib
import re
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ficdesk.errors import SchemaTooNewError, StoreError

SQLITE_HEADER = b"SQLite format 3\x00"
#: Tables every FicDesk schema since the first has; another program's database lacks them.
FICDESK_TABLES = frozenset({"alembic_version", "project", "story", "chapter"})
#: FicDesk's Alembic revision ids are four digits ("0001", …); other Alembic apps use other shapes.
FICDESK_REVISION = re.compile(r"\d{4}")


@dataclass(frozen=True)
class SqliteFile:
    """What a read-only look at an SQLite file found."""

    path: Path
    tables: frozenset[str]
    revision: str | None
    #: The header says WAL (byte 18 = 2); otherwise a rollback-journal file.
    wal: bool

    @property
    def is_blank(self) -> bool:
        """An empty file or an SQLite database without tables: FicDesk may create its schema in it."""
        return not self.tables


@contextlib.contextmanager
def read_only(path: Path, *, timeout: float = 10) -> Iterator[sqlite3.Connection]:
    """A connection that cannot write to ``path`` (``mode=ro``)."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    try:
        connection = sqlite3.connect(uri, uri=True, timeout=timeout)
    except sqlite3.Error as error:
        raise StoreError(f"cannot open {path}: {error}") from error
    try:
        yield connection
    finally:
        connection.close()


def inspect_sqlite_file(path: Path, *, check_integrity: bool = False) -> SqliteFile:
    """Read what ``path`` holds, read-only. Raises :class:`StoreError` for a file that is not usable SQLite.

    ``check_integrity`` runs ``PRAGMA quick_check`` (reads every page; used before a restore).
    """
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a database file")
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except FileNotFoundError:
        raise StoreError(f"{path} does not exist") from None
    except OSError as error:
        raise StoreError(f"cannot read {path}: {error.strerror}") from error
    if not header:
        return SqliteFile(path, frozenset(), None, wal=False)
    if not header.startswith(SQLITE_HEADER):
        raise StoreError(f"{path} is not a FicDesk database (it is not an SQLite database at all)")
    if len(header) < 100:
        raise StoreError(f"{path} is damaged (it is shorter than an SQLite header)")
    try:
        with read_only(path) as connection:
            if check_integrity and connection.execute("PRAGMA quick_check").fetchone() != ("ok",):
                raise StoreError(f"{path} is damaged (SQLite's integrity check failed)")
            tables = frozenset(
                row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            )
            revision = None
            if "alembic_version" in tables:
                row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = None if row is None else str(row[0])
    except sqlite3.DatabaseError as error:
        raise StoreError(f"{path} is damaged or unreadable ({error})") from error
    return SqliteFile(path, tables, revision, wal=header[18] == 2)


def check_ficdesk_schema(label: str, tables: frozenset[str] | set[str], revision: str | None,
                         is_known: Callable[[str], bool]) -> None:
    """Refuse, with one clear sentence, tables that are not an older or current FicDesk schema.

    ``is_known`` tells whether this FicDesk can open a revision (it may load Alembic).
    A database with tables of its own but not FicDesk's, or an Alembic revision id that is not
    FicDesk's, belongs to another program; FicDesk's tables with an unknown FicDesk revision come
    from a newer FicDesk.
    """
    if not tables:
        return
    if not FICDESK_TABLES.issubset(tables) or revision is None or not FICDESK_REVISION.fullmatch(revision):
        raise StoreError(f"{label} holds tables of another program; FicDesk will not touch it")
    if not is_known(revision):
        raise SchemaTooNewError(
            f"{label} was written by a newer version of FicDesk (schema {revision}); "
            "please update FicDesk. The database has not been modified."
        )
