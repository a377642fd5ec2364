"""Opening a database: URL handling, SQLite pragmas, automatic migration, clear errors.

``open_database`` is the single entry point. It never modifies a database it refuses: a file that
is not a database, a database of another program, or one whose schema comes from a newer FicDesk.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, create_engine, event, inspect
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, IntegrityError, NoSuchModuleError, SQLAlchemyError

from ficdesk.errors import StoreError
from ficdesk.store.sqlite_file import SqliteFile, check_ficdesk_schema, inspect_sqlite_file

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
_PACKAGED_MIGRATIONS = MIGRATIONS_DIR
#: The newest packaged revision (a test keeps it equal to Alembic's head). Knowing it lets an
#: up-to-date database open without importing Alembic, which is a noticeable part of start-up.
HEAD_REVISION = "0005"
SQLITE_BUSY_TIMEOUT_MS = 5000
IMMEDIATE_OPTION = "ficdesk_write"


class _WriteState(threading.local):
    depth: int = 0


_open_writes = _WriteState()

#: Called with the database just before it is migrated from an older schema (used for backups).
BeforeMigrate = Callable[["Database", str | None, str], None]


def normalise_url(raw: str) -> URL:
    """Parse a SQLAlchemy URL; plain ``postgresql://`` uses the psycopg 3 driver we ship."""
    try:
        url = make_url(raw)
    except ArgumentError:
        raise StoreError(f"'{raw}' is not a database URL (expected e.g. sqlite:///path or postgresql://…)") from None
    if url.drivername in {"postgresql", "postgres"}:
        url = url.set(drivername="postgresql+psycopg")
    return url


def alembic_config() -> Config:
    """An Alembic configuration that points at the packaged migration scripts."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    """The schema revision this version of FicDesk writes (Alembic is loaded only for other migration scripts)."""
    if MIGRATIONS_DIR == _PACKAGED_MIGRATIONS:
        return HEAD_REVISION
    return alembic_head()


def alembic_head() -> str:
    """The head revision of the migration scripts in :data:`MIGRATIONS_DIR`, as Alembic reads it."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "no migrations packaged"
    return head


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def is_known_revision(revision: str) -> bool:
    """Whether this FicDesk can open (or upgrade from) ``revision``; the head needs no Alembic."""
    if revision == HEAD_REVISION and MIGRATIONS_DIR == _PACKAGED_MIGRATIONS:
        return True
    return revision in known_revisions()


def describe_db_error(error: BaseException) -> str:
    """Turn a DBAPI error into one sentence an author can act on."""
    text = str(getattr(error, "orig", None) or error).strip().splitlines()[0] if str(error) else ""
    lowered = text.lower()
    if "database is locked" in lowered or "database table is locked" in lowered:
        return "the database is locked by another program (is FicDesk open elsewhere?); try again"
    if "file is not a database" in lowered or "not a database" in lowered:
        return "the file is not a FicDesk database (it is not an SQLite database at all)"
    if "malformed" in lowered or "disk image" in lowered:
        return "the database file is damaged (it may be truncated); restore a backup with 'ficdesk restore'"
    if "unable to open database" in lowered:
        return "the database file cannot be opened (check that the folder exists and is writable)"
    if "readonly" in lowered or "read-only" in lowered:
        return "the database is read-only (check the file's permissions)"
    if "connection refused" in lowered or "could not connect" in lowered or "connection failed" in lowered:
        return f"cannot reach the database server ({text})"
    if "password authentication failed" in lowered:
        return "the database server refused the user name or password"
    if "does not exist" in lowered:
        return f"the database does not exist on the server ({text})"
    return text or error.__class__.__name__


@dataclass
class Database:
    """An open, migrated database: an engine plus a session factory."""

    engine: Engine
    url: URL
    revision: str

    @cached_property
    def sessions(self) -> sessionmaker[Session]:
        """The ORM's session factory, made on first use.

        A command that runs only Core statements (see :meth:`connection`) never imports ``sqlalchemy.orm``.
        Two threads racing here make at most two equal factories.
        """
        from sqlalchemy.orm import sessionmaker

        return sessionmaker(self.engine, expire_on_commit=False)

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    @property
    def sqlite_path(self) -> Path | None:
        """The SQLite file, or None for in-memory and server databases."""
        if not self.is_sqlite or not self.url.database or self.url.database == ":memory:":
            return None
        return Path(self.url.database)

    @property
    def display_url(self) -> str:
        """The URL with any password hidden."""
        return self.url.render_as_string(hide_password=True)

    @contextlib.contextmanager
    def session(self, *, write: bool = True) -> Iterator[Session]:
        """A session that commits on success, rolls back on error and reports errors clearly.

        ``write=False`` is for read-only work: on SQLite it does not take the write lock.
        """
        with _one_write_at_a_time(write):
            session = self.sessions()
            try:
                with _rolled_back_on_error(session.rollback):
                    if write:
                        session.connection(execution_options={IMMEDIATE_OPTION: True})
                    yield session
                    session.commit()
            finally:
                session.close()

    @contextlib.contextmanager
    def connection(self, *, write: bool = True) -> Iterator[Connection]:
        """One transaction on a Core connection, with the same commit, locking and errors as :meth:`session`.

        For the hot calls that are a statement or two (create a chapter, save its text): there the ORM
        session and its unit of work cost several times the SQL itself (about 1.7 ms of CPU per chapter create,
        measured on a shared 2-core machine).
        """
        with _one_write_at_a_time(write):
            with _rolled_back_on_error(_nothing_to_roll_back):  # opening fails too: a server down, a file gone
                connection = self.engine.connect()
            try:
                with _rolled_back_on_error(connection.rollback):
                    if write:
                        connection = connection.execution_options(**{IMMEDIATE_OPTION: True})
                    connection.begin()
                    yield connection
                    connection.commit()
            finally:
                connection.close()

    def close(self) -> None:
        self.engine.dispose()


@contextlib.contextmanager
def _one_write_at_a_time(write: bool) -> Iterator[None]:
    if not write:
        yield
        return
    if _open_writes.depth:
        # A second write transaction in the same thread would wait for the first one's lock.
        raise RuntimeError("nested write session: do all writes of one operation in one session")
    _open_writes.depth = 1
    try:
        yield
    finally:
        _open_writes.depth = 0


def _nothing_to_roll_back() -> None:
    pass


@contextlib.contextmanager
def _rolled_back_on_error(rollback: Callable[[], None]) -> Iterator[None]:
    """Roll back on any error; a DBAPI error becomes a :class:`StoreError` with one sentence an author can act on."""
    try:
        yield
    except IntegrityError:
        # Services translate constraint violations into their own messages.
        rollback()
        raise
    except DBAPIError as error:
        rollback()
        raise StoreError(describe_db_error(error)) from error
    except BaseException:
        rollback()
        raise


def _set_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy, not the sqlite3 module, decide where transactions begin: otherwise DDL runs
    # outside any transaction and a failed migration could leave a half-upgraded schema.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        mode = cursor.execute("PRAGMA journal_mode = WAL").fetchone()
        # WAL is impossible on some file systems (and for :memory:); keep the default then.
        if mode and str(mode[0]).lower() == "wal":
            cursor.execute("PRAGMA synchronous = FULL")
    finally:
        cursor.close()


def _create_engine(url: URL) -> Engine:
    kwargs: dict[str, Any] = {}
    if url.get_backend_name() == "sqlite":
        kwargs["connect_args"] = {"check_same_thread": False, "timeout": SQLITE_BUSY_TIMEOUT_MS / 1000}
    else:
        kwargs["pool_pre_ping"] = True
    try:
        engine = create_engine(url, **kwargs)
    except (NoSuchModuleError, ArgumentError, ImportError) as error:
        raise StoreError(f"unsupported database URL '{url.render_as_string()}': {error}") from error
    if url.get_backend_name() == "sqlite":
        event.listen(engine, "connect", _set_sqlite_pragmas)
        event.listen(engine, "begin", _begin_sqlite_transaction)
    return engine


def _begin_sqlite_transaction(connection: Any) -> None:
    # Writers take the write lock up front: a deferred transaction that reads and then writes can
    # fail at once with "database is locked" when another process wrote in between (WAL snapshots).
    immediate = connection.get_execution_options().get(IMMEDIATE_OPTION, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _is_memory(url: URL) -> bool:
    return url.get_backend_name() == "sqlite" and (not url.database or url.database == ":memory:")


def _inspect_sqlite_target(url: URL, *, create: bool) -> SqliteFile | None:
    """Look at an SQLite file read-only before any engine touches it (an engine switches it to WAL).

    Refuses files that are not FicDesk's (or from a newer FicDesk) with every byte unchanged. Returns
    None for a file that does not exist yet (its folder is made only when ``create``).
    """
    if _is_memory(url):
        return None
    assert url.database is not None
    path = Path(url.database)
    if not path.exists():
        if not create:
            raise StoreError(f"there is no FicDesk database at {path} (nothing was created; check the path)")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(f"cannot create the data folder {path.parent}: {error.strerror}") from error
        return None
    found = inspect_sqlite_file(path)
    check_ficdesk_schema(str(path), found.tables, found.revision, is_known_revision)
    if found.is_blank and not create:
        raise StoreError(f"{path} holds no FicDesk data yet (nothing was created)")
    return found


def open_database(
    raw_url: str,
    *,
    create: bool = True,
    migrate: bool = True,
    before_migrate: BeforeMigrate | None = None,
) -> Database:
    """Open (and, unless ``migrate`` is False, create or upgrade) the database at ``raw_url``.

    Raises :class:`StoreError` with a one-line explanation for every failure a user can cause, and
    :class:`~ficdesk.errors.SchemaTooNewError` for a database written by a newer FicDesk. A refused
    SQLite file is inspected read-only only, so its bytes are unchanged. ``create=False`` (commands
    that only read) never creates a folder, a file or a schema.
    """
    url = normalise_url(raw_url)
    if url.get_backend_name() == "sqlite":
        _inspect_sqlite_target(url, create=create)
    engine = _create_engine(url)
    try:
        revision = _prepare_schema(engine, url, create=create, migrate=migrate, before_migrate=before_migrate)
    except (DBAPIError, sqlite3.Error) as error:
        engine.dispose()
        raise StoreError(describe_db_error(error)) from error
    except SQLAlchemyError as error:
        engine.dispose()
        raise StoreError(str(error).splitlines()[0]) from error
    except BaseException:
        engine.dispose()
        raise
    return Database(engine=engine, url=url, revision=revision)


def _prepare_schema(
    engine: Engine, url: URL, *, create: bool, migrate: bool, before_migrate: BeforeMigrate | None
) -> str:
    with engine.connect() as connection:
        tables = set(inspect(connection).get_table_names())
        current = None
        if "alembic_version" in tables:
            current = connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    if current == HEAD_REVISION and MIGRATIONS_DIR == _PACKAGED_MIGRATIONS:
        return HEAD_REVISION  # up to date: no need to load Alembic at all
    label = url.render_as_string(hide_password=True)
    check_ficdesk_schema(label, tables, current, is_known_revision)
    if not tables and not create:
        raise StoreError(f"{label} holds no FicDesk data yet (nothing was created)")
    head = head_revision()
    if current == head or not migrate:
        return current or ""
    if before_migrate is not None and current is not None:
        probe = Database(engine=engine, url=url, revision=current)
        before_migrate(probe, current, head)
    from alembic import command

    cfg = alembic_config()
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "head")
    return head
