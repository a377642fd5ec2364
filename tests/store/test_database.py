"""Opening databases: migrations, refusals, clear errors."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from ficdesk.errors import SchemaTooNewError, StoreError
from ficdesk.store import open_database, open_store
from ficdesk.store.database import head_revision, normalise_url


def test_migration_from_empty_creates_the_schema(db_url: str) -> None:
    database = open_database(db_url)
    try:
        assert database.revision == head_revision()
        with database.engine.connect() as conn:
            version = conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
        assert version == head_revision()
    finally:
        database.close()


def _fingerprint(path: Path) -> tuple[str, list[str]]:
    """The file's sha256 and the SQLite companions (-wal, -shm, -journal) lying beside it."""
    sidecars = sorted(p.name for p in path.parent.iterdir() if p.name.startswith(path.name) and p != path)
    return hashlib.sha256(path.read_bytes()).hexdigest(), sidecars


def _rollback_journal_copy(path: Path) -> None:
    """Leave ``path`` as most SQLite programs write it: rollback-journal mode, no -wal or -shm."""
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    assert path.read_bytes()[18] == 1  # header: legacy (rollback-journal) file format


def test_newer_schema_is_refused_and_untouched(db_url: str) -> None:
    open_database(db_url).close()
    database = open_database(db_url)
    with database.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0999'"))
        conn.execute(text("INSERT INTO project (name, language, created_at, updated_at) "
                          "VALUES ('kept', 'en-GB', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"))
    database.close()
    path = Path(normalise_url(db_url).database or "")
    if db_url.startswith("sqlite"):
        _rollback_journal_copy(path)
        before = _fingerprint(path)
        assert before[1] == []
    with pytest.raises(SchemaTooNewError, match="newer version of FicDesk"):
        open_store(db_url)
    if db_url.startswith("sqlite"):
        # Byte for byte: not switched to WAL, no journal files left beside it.
        assert _fingerprint(path) == before
        return
    engine = create_engine(normalise_url(db_url))
    with engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == "0999"
        assert conn.execute(text("SELECT name FROM project")).scalar_one() == "kept"
    engine.dispose()


def test_sqlite_runs_with_wal_foreign_keys_and_busy_timeout(tmp_path: Path) -> None:
    database = open_database(f"sqlite:///{tmp_path / 'a.sqlite3'}")
    try:
        with database.engine.connect() as conn:
            assert conn.execute(text("PRAGMA journal_mode")).scalar_one() == "wal"
            assert conn.execute(text("PRAGMA foreign_keys")).scalar_one() == 1
            assert conn.execute(text("PRAGMA busy_timeout")).scalar_one() >= 1000
    finally:
        database.close()


def test_default_database_lives_in_the_data_folder(_isolated_data_dir: Path) -> None:
    store = open_store()
    try:
        assert store.db.sqlite_path == _isolated_data_dir / "ficdesk.sqlite3"
        assert store.db.sqlite_path.exists()
    finally:
        store.close()


@pytest.mark.parametrize("content", [b"hello, this is a text file\n", b"\x00\x01\x02binary" * 100])
def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(content)
    with pytest.raises(StoreError, match="not a FicDesk database"):
        open_store(f"sqlite:///{path}")
    assert path.read_bytes() == content


@pytest.mark.parametrize("journal_mode", ["DELETE", "WAL"])
def test_a_database_of_another_program_is_refused(tmp_path: Path, journal_mode: str) -> None:
    path = tmp_path / "other.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA journal_mode = {journal_mode}")
        conn.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)")
        conn.execute("INSERT INTO recipes (name) VALUES ('soup')")
    conn.close()
    before = _fingerprint(path)
    with pytest.raises(StoreError, match="another program"):
        open_store(f"sqlite:///{path}")
    digest, sidecars = _fingerprint(path)
    assert digest == before[0]
    if journal_mode == "DELETE":
        assert sidecars == []  # a rollback-journal file stays one, with nothing left beside it


def test_another_alembic_managed_database_is_not_called_a_newer_ficdesk(tmp_path: Path) -> None:
    path = tmp_path / "tracker.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)")
        conn.execute("INSERT INTO alembic_version VALUES ('3f2a9c1b7d4e')")
        conn.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT)")
    conn.close()
    before = _fingerprint(path)
    with pytest.raises(StoreError, match="another program") as raised:
        open_store(f"sqlite:///{path}")
    assert not isinstance(raised.value, SchemaTooNewError)
    assert _fingerprint(path) == before


def test_truncated_database_gives_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    store = open_store(f"sqlite:///{path}")
    project = store.projects.create("P")
    store.stories.create(project.id, "A story", summary="x" * 20000)
    store.close()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    with pytest.raises(StoreError):
        s = open_store(f"sqlite:///{path}")
        try:
            s.stories.list(project.id)
        finally:
            s.close()


def test_bad_urls_give_one_clear_line() -> None:
    with pytest.raises(StoreError, match="not a database URL"):
        open_store("definitely not a url")
    with pytest.raises(StoreError, match="cannot reach the database server"):
        open_store("postgresql://nobody@127.0.0.1:1/none")


def test_the_fast_path_head_constant_matches_alembic() -> None:
    from ficdesk.store.database import HEAD_REVISION, alembic_head

    assert alembic_head() == HEAD_REVISION == head_revision()


def test_migrations_build_exactly_the_models_schema(db_url: str) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from ficdesk.store.models import Base

    database = open_database(db_url)
    try:
        with database.engine.connect() as conn:
            assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    finally:
        database.close()
