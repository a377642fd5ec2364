"""Backups, restores, upgrades that cannot half-happen, and the second-window lock."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import inspect

import ficdesk.store.database as database_module
from ficdesk.errors import StoreError
from ficdesk.store import open_store
from ficdesk.store.backup import BackupManager, check_ficdesk_database
from ficdesk.store.database import head_revision
from ficdesk.store.instance_lock import InstanceLock


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
    safety = manager.restore(kept)
    store = open_store(f"sqlite:///{db}")
    assert store.chapters.get(chapter_id).body == "Version one."
    store.close()
    with sqlite3.connect(safety) as conn:
        assert conn.execute("SELECT body FROM chapter").fetchone() == ("Version two.",)


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
    with pytest.raises(StoreError, match="not a FicDesk one"):
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
