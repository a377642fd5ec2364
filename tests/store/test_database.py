"""Opening databases: migrations, refusals, clear errors."""

from __future__ import annotations

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


def test_newer_schema_is_refused_and_untouched(db_url: str) -> None:
    open_database(db_url).close()
    database = open_database(db_url)
    with database.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'from_the_future'"))
        conn.execute(text("INSERT INTO project (name, language, created_at, updated_at) "
                          "VALUES ('kept', 'en-GB', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"))
    database.close()
    with pytest.raises(SchemaTooNewError, match="newer version of FicDesk"):
        open_store(db_url)
    engine = create_engine(normalise_url(db_url))
    with engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == "from_the_future"
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


def test_a_database_of_another_program_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)")
    with pytest.raises(StoreError, match="another program"):
        open_store(f"sqlite:///{path}")
    with sqlite3.connect(path) as conn:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert tables == {"recipes"}


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
    from ficdesk.store.database import HEAD_REVISION

    assert head_revision() == HEAD_REVISION
