"""Backups, restores, upgrades that cannot half-happen, and the second-window lock."""

from __future__ import annotations

import hashlib
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine, inspect
from sqlalchemy.engine import make_url

import ficdesk.store.database as database_module
from ficdesk.errors import SchemaTooNewError, StoreError
from ficdesk.store import open_store
from ficdesk.store.backup import BackupManager, check_ficdesk_database
from ficdesk.store.database import alembic_config, head_revision, normalise_url
from ficdesk.store.instance_lock import InstanceLock
from tests.support.pgserver import PgServer


def _make_db(path: Path, text: str = "Jack looks up.") -> int:
    store = open_store(f"sqlite:///{path}")
    project = store.projects.create("P")
    story = store.stories.create(project.id, "S")
    chapter = store.chapters.create(story.id, "One", text)
    store.close()
    return chapter.id


def _extra_revision(tmp_path: Path, body: str) -> Path:
    """A copy of the packaged migrations with one more revision on top of the head."""
    scripts = tmp_path / "migrations"
    shutil.copytree(database_module.MIGRATIONS_DIR, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    upgrade = textwrap.indent(textwrap.dedent(body).strip(), "    ")
    (scripts / "versions" / "9999_test_upgrade.py").write_text(
        "import sqlalchemy as sa\nfrom alembic import op\n\n"
        f"revision = '9999'\ndown_revision = '{head_revision()}'\nbranch_labels = None\ndepends_on = None\n\n"
        f"def upgrade():\n{upgrade}\n\n\ndef downgrade():\n    pass\n"
    )
    return scripts


def test_backup_list_rotate_and_restore(tmp_path: Path) -> None:
    db = tmp_path / "ficdesk.sqlite3"
    chapter_id = _make_db(db, "Version one.")
    manager = BackupManager(db, tmp_path / "backups", keep=3)
    first = manager.take("manual")
    assert check_ficdesk_database(first) == head_revision()
    kept = tmp_path / "version-one.sqlite3"
    shutil.copy(first, kept)
    store = open_store(f"sqlite:///{db}")
    chapter = store.chapters.get(chapter_id)
    store.chapters.save_text(chapter_id, "Version two.", expected_version=chapter.version)
    store.close()
    for _ in range(4):
        manager.take("extra")
    assert len(manager.list()) == 3
    assert not first.exists()  # rotated away
    result = manager.restore(kept)
    store = open_store(f"sqlite:///{db}")
    assert store.chapters.get(chapter_id).body == "Version one."
    store.close()
    assert result.kept is not None and not result.damaged
    with sqlite3.connect(result.kept) as conn:
        assert conn.execute("SELECT body FROM chapter").fetchone() == ("Version two.",)
    conn.close()
    # Restoring the oldest backup from inside the rotating folder: the backup taken before the
    # restore must not rotate the file being restored away.
    oldest = manager.list()[-1].path
    with sqlite3.connect(oldest) as conn:
        oldest_body = conn.execute("SELECT body FROM chapter").fetchone()[0]
    conn.close()
    manager.restore(oldest)
    assert oldest.exists()
    store = open_store(f"sqlite:///{db}")
    assert store.chapters.get(chapter_id).body == oldest_body
    store.close()


def _body(path: Path) -> str:
    with sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True) as conn:
        body = str(conn.execute("SELECT body FROM chapter").fetchone()[0])
    conn.close()
    return body


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_restore_over_a_damaged_database_moves_it_aside_byte_for_byte(tmp_path: Path) -> None:
    good = tmp_path / "good.sqlite3"
    _make_db(good, "The kept draft.")
    backup = BackupManager(good, tmp_path / "backups").take()
    db = tmp_path / "ficdesk.sqlite3"
    _make_db(db, "x " * 50000)
    data = db.read_bytes()
    db.write_bytes(data[: len(data) // 3])  # truncated, as after a failing disk
    for suffix in ("-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    damaged = _sha(db)
    result = BackupManager(db, tmp_path / "backups").restore(backup)
    assert result.damaged and result.kept is not None
    assert _sha(result.kept) == damaged
    assert _body(db) == "The kept draft."


def test_restore_takes_commits_that_are_only_in_the_sources_wal(tmp_path: Path) -> None:
    db = tmp_path / "ficdesk.sqlite3"
    _make_db(db, "Current.")
    source_db = tmp_path / "elsewhere" / "copy.sqlite3"
    source_db.parent.mkdir()
    _make_db(source_db, "Checkpointed.")
    writer = sqlite3.connect(source_db)
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute("UPDATE chapter SET body = 'Only in the WAL.'")
    writer.commit()
    source = tmp_path / "source.sqlite3"  # a copy taken while the writer still had it open
    shutil.copyfile(source_db, source)
    shutil.copyfile(f"{source_db}-wal", f"{source}-wal")
    writer.close()
    main_only = tmp_path / "main-only.sqlite3"
    shutil.copyfile(source, main_only)
    assert _body(main_only) == "Checkpointed."  # the main file alone lacks the last commit
    BackupManager(db, tmp_path / "backups").restore(source)
    Path(f"{source}-wal").unlink()
    Path(f"{source}-shm").unlink(missing_ok=True)
    assert _body(db) == "Only in the WAL."


def test_restore_refuses_a_backup_from_a_newer_ficdesk_before_touching_anything(tmp_path: Path) -> None:
    db = tmp_path / "ficdesk.sqlite3"
    _make_db(db, "Today's text.")
    newer = tmp_path / "newer.sqlite3"
    _make_db(newer, "From the future.")
    with sqlite3.connect(newer) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0999'")
    conn.close()
    manager = BackupManager(db, tmp_path / "backups")
    before = _sha(db)
    with pytest.raises(SchemaTooNewError, match="newer version of FicDesk"):
        manager.restore(newer)
    assert _sha(db) == before
    assert manager.list() == []  # not even the safety backup was taken
    assert _body(db) == "Today's text."


def test_backups_of_different_databases_are_kept_apart(tmp_path: Path) -> None:
    first, second = tmp_path / "a" / "ficdesk.sqlite3", tmp_path / "b" / "ficdesk.sqlite3"
    for path in (first, second):
        path.parent.mkdir()
        _make_db(path, f"Text of {path.parent.name}.")
    root = tmp_path / "backups"
    only_backup_of_first = BackupManager(first, root, keep=3).take()
    for _ in range(5):
        BackupManager(second, root, keep=3).take()
    assert only_backup_of_first.exists()
    assert [info.path for info in BackupManager(first, root).list()] == [only_backup_of_first]
    assert len(BackupManager(second, root).list()) == 3
    assert all(_body(info.path) == "Text of b." for info in BackupManager(second, root).list())


KILL_CHILD = textwrap.dedent("""
    import sys
    from pathlib import Path
    from ficdesk.store.backup import BackupManager

    db, root, action = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
    manager = BackupManager(db, root)
    while True:  # until the parent kills us in the middle of one
        if action == "backup":
            manager.take("killed")
        else:
            manager.restore(Path(sys.argv[4]))
""")


def _big_db(path: Path) -> int:
    return _make_db(path, "A sentence that fills the chapter. " * 100_000)


@pytest.mark.parametrize("action", ["backup", "restore"])
def test_leftovers_of_a_killed_backup_or_restore_are_removed(tmp_path: Path, action: str,
                                                             _isolated_data_dir: Path) -> None:
    db = tmp_path / "ficdesk.sqlite3"
    _big_db(db)
    root = _isolated_data_dir / "backups"
    manager = BackupManager(db, root)
    source = manager.take("source")
    pattern = "*.partial*" if action == "backup" else f".{db.name}.restore-*.tmp*"
    where = manager.folder if action == "backup" else db.parent
    child = subprocess.Popen([sys.executable, "-c", KILL_CHILD, str(db), str(root), action, str(source)])
    try:
        deadline = time.monotonic() + 60
        while not list(where.glob(pattern)) and time.monotonic() < deadline:
            time.sleep(0.001)
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    assert list(where.glob(pattern)), "the child was never caught in the middle of a copy"
    store = open_store(f"sqlite:///{db}")  # the next start cleans up
    store.close()
    assert list(where.glob(pattern)) == []
    assert check_ficdesk_database(db) == head_revision()


FULL_DISK_CHILD = textwrap.dedent("""
    import resource, signal, sys
    from ficdesk.cli import main

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # writes past the limit fail (EFBIG), like a full disk
    resource.setrlimit(resource.RLIMIT_FSIZE, (int(sys.argv[1]), int(sys.argv[1])))
    sys.exit(main(sys.argv[2:]))
""")


def test_a_full_disk_during_backup_or_restore_leaves_nothing_behind(tmp_path: Path,
                                                                    _isolated_data_dir: Path) -> None:
    db = tmp_path / "ficdesk.sqlite3"
    _big_db(db)
    manager = BackupManager(db, _isolated_data_dir / "backups")
    source = manager.take("source")
    before = _sha(db)
    limit = str(db.stat().st_size // 4)
    for argv in (["backup"], ["restore", str(source)]):
        done = subprocess.run([sys.executable, "-c", FULL_DISK_CHILD, limit, "--database", f"sqlite:///{db}", *argv],
                              capture_output=True, text=True, timeout=120, check=False)
        assert done.returncode == 2, done.stderr
        assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
        assert [p.name for p in manager.folder.iterdir()] == [source.name]
        assert sorted(p.name for p in db.parent.iterdir() if p.name.startswith(".")) == []
        assert _sha(db) == before


@pytest.mark.parametrize("content", [b"not a database", b""])
def test_restore_refuses_files_that_are_not_ficdesk_databases(tmp_path: Path, content: bytes) -> None:
    db = tmp_path / "ficdesk.sqlite3"
    _make_db(db)
    before = db.read_bytes()
    bogus = tmp_path / "bogus.sqlite3"
    bogus.write_bytes(content)
    with pytest.raises(StoreError, match="not"):
        BackupManager(db, tmp_path / "backups").restore(bogus)
    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE recipes (id INTEGER)")
    with pytest.raises(StoreError, match="another program"):
        BackupManager(db, tmp_path / "backups").restore(other)
    assert db.read_bytes() == before


def test_upgrade_takes_a_backup_then_migrates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              _isolated_data_dir: Path) -> None:
    db = tmp_path / "ficdesk.sqlite3"
    _make_db(db)
    scripts = _extra_revision(tmp_path, 'op.add_column("project", sa.Column("colour", sa.String(20)))')
    monkeypatch.setattr(database_module, "MIGRATIONS_DIR", scripts)
    store = open_store(f"sqlite:///{db}")
    assert store.db.revision == "9999"
    assert "colour" in {c["name"] for c in inspect(store.db.engine).get_columns("project")}
    store.close()
    backups = BackupManager(db, _isolated_data_dir / "backups").list()
    assert len(backups) == 1 and "before-upgrade" in backups[0].reason
    assert check_ficdesk_database(backups[0].path) != "9999"


def test_failed_upgrade_leaves_the_database_untouched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "ficdesk.sqlite3"
    _make_db(db)
    old_revision = check_ficdesk_database(db)
    scripts = _extra_revision(tmp_path, '''
        op.create_table("half_done", sa.Column("id", sa.Integer, primary_key=True))
        op.add_column("project", sa.Column("colour", sa.String(20)))
        raise RuntimeError("simulated failure in the middle of a migration")
    ''')
    monkeypatch.setattr(database_module, "MIGRATIONS_DIR", scripts)
    with pytest.raises(RuntimeError, match="simulated failure"):
        open_store(f"sqlite:///{db}")
    assert check_ficdesk_database(db) == old_revision
    with sqlite3.connect(db) as conn:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        columns = {row[1] for row in conn.execute("PRAGMA table_info(project)")}
    assert "half_done" not in tables
    assert "colour" not in columns


def test_a_second_process_cannot_take_the_instance_lock(tmp_path: Path) -> None:
    db = tmp_path / "ficdesk.sqlite3"
    _make_db(db)
    lock = InstanceLock(db)
    assert lock.acquire()
    try:
        probe = (
            "import sys; from pathlib import Path; from ficdesk.store.instance_lock import InstanceLock;"
            f"sys.exit(0 if InstanceLock(Path({str(db)!r})).acquire() else 3)"
        )
        assert subprocess.run([sys.executable, "-c", probe], check=False).returncode == 3
        assert lock.holder().split("@")[0].isdigit()
    finally:
        lock.release()
    assert subprocess.run([sys.executable, "-c", probe], check=False).returncode == 0


def _pg_dump(server: PgServer, url: str) -> str:
    """Schema and data of a PostgreSQL database as pg_dump prints them.

    The random key of pg_dump's ``\\restrict``/``\\unrestrict`` lines differs on every run; nothing else does.
    """
    name = make_url(url).database
    assert name is not None
    done = subprocess.run([str(server.bin_dir / "pg_dump"), "-h", "127.0.0.1", "-p", str(server.port),
                           "-U", "postgres", "--no-owner", "--no-privileges", name],
                          capture_output=True, text=True, check=True, timeout=120)
    return "".join(line for line in done.stdout.splitlines(keepends=True)
                   if not line.startswith(("\\restrict ", "\\unrestrict ")))


@pytest.mark.postgres
def test_failed_upgrade_on_postgresql_leaves_the_database_exactly_as_it_was(
        pg_server: PgServer, pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    engine = create_engine(normalise_url(pg_url))
    config = alembic_config()
    with engine.begin() as connection:  # a database of the first FicDesk release, with data in it
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
        connection.exec_driver_sql(
            "INSERT INTO project (name, language, created_at, updated_at) "
            "VALUES ('Old', 'en-GB', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
    engine.dispose()
    before = _pg_dump(pg_server, pg_url)
    # Every packaged migration from 0001 on, then one that changes schema and data and fails.
    scripts = _extra_revision(tmp_path, '''
        op.create_table("half_done", sa.Column("id", sa.Integer, primary_key=True))
        op.add_column("project", sa.Column("colour", sa.String(20)))
        op.execute("UPDATE project SET name = 'renamed by a half-done upgrade'")
        raise RuntimeError("simulated failure in the middle of a migration")
    ''')
    monkeypatch.setattr(database_module, "MIGRATIONS_DIR", scripts)
    with pytest.raises(RuntimeError, match="simulated failure"):
        open_store(pg_url)
    after = _pg_dump(pg_server, pg_url)
    assert "CREATE TABLE public.project" in before and "alembic_version" in before
    assert after == before
