"""Backups of the embedded SQLite database with SQLite's online backup API.

The backup API copies a consistent snapshot page by page while FicDesk keeps running, so a backup
never catches half a transaction. Backups rotate: the newest ``keep`` files are kept.
"""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ficdesk.errors import StoreError

BACKUP_SUFFIX = ".sqlite3"
DEFAULT_KEEP = 10
FICDESK_TABLES = frozenset({"alembic_version", "project", "story", "chapter"})


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime
    reason: str
    size: int


@contextlib.contextmanager
def _sqlite(path: Path, *, readonly: bool = False) -> Iterator[sqlite3.Connection]:
    uri = f"file:{path}?mode=ro" if readonly else f"file:{path}"
    try:
        connection = sqlite3.connect(uri, uri=True, timeout=10)
    except sqlite3.Error as error:
        raise StoreError(f"cannot open {path}: {error}") from error
    try:
        yield connection
    finally:
        connection.close()


def copy_database(source: Path, target: Path) -> None:
    """Copy a live SQLite database consistently (online backup API) into ``target``."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with _sqlite(source, readonly=True) as src, _sqlite(target) as dst:
        try:
            src.backup(dst)
        except sqlite3.Error as error:
            raise StoreError(f"backup of {source} failed: {error}") from error


def check_ficdesk_database(path: Path) -> str:
    """Return the schema revision of a FicDesk database file, or raise StoreError explaining why not."""
    if not path.is_file():
        raise StoreError(f"{path} does not exist or is not a file")
    with path.open("rb") as handle:
        if handle.read(16) != b"SQLite format 3\x00":
            raise StoreError(f"{path} is not a FicDesk database (it is not an SQLite database at all)")
    with _sqlite(path, readonly=True) as connection:
        try:
            if connection.execute("PRAGMA quick_check").fetchone() != ("ok",):
                raise StoreError(f"{path} is damaged (SQLite's integrity check failed)")
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if not FICDESK_TABLES.issubset(tables):
                raise StoreError(f"{path} is an SQLite database, but not a FicDesk one")
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        except sqlite3.DatabaseError as error:
            raise StoreError(f"{path} is not a usable FicDesk database ({error})") from error
    if row is None:
        raise StoreError(f"{path} has no schema version; it is not a FicDesk database")
    return str(row[0])


class BackupManager:
    """Rotating backups of one SQLite database file in one folder."""

    def __init__(self, database_path: Path, folder: Path, *, keep: int = DEFAULT_KEEP) -> None:
        self.database_path = database_path
        self.folder = folder
        self.keep = keep

    def take(self, reason: str = "manual") -> Path:
        """Back the database up now; returns the new file."""
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        slug = "".join(ch if ch.isalnum() else "-" for ch in reason.lower()).strip("-") or "manual"
        target = self.folder / f"ficdesk-{stamp}-{slug}{BACKUP_SUFFIX}"
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(f"cannot create the backup folder {self.folder}: {error.strerror}") from error
        partial = target.with_suffix(".partial")
        copy_database(self.database_path, partial)
        partial.replace(target)
        self.rotate()
        return target

    def list(self) -> list[BackupInfo]:
        """Backups, newest first."""
        if not self.folder.is_dir():
            return []
        infos = []
        for path in self.folder.glob(f"ficdesk-*{BACKUP_SUFFIX}"):
            parts = path.stem.split("-", 4)
            try:
                taken = datetime.strptime(f"{parts[1]}-{parts[2]}-{parts[3]}", "%Y%m%d-%H%M%S-%f")
            except (IndexError, ValueError):
                continue
            infos.append(BackupInfo(path, taken, parts[4] if len(parts) > 4 else "", path.stat().st_size))
        return sorted(infos, key=lambda info: info.taken_at, reverse=True)

    def rotate(self) -> None:
        for info in self.list()[self.keep:]:
            info.path.unlink(missing_ok=True)

    def daily(self) -> Path | None:
        """Take today's backup unless one exists already."""
        today = datetime.now().date()
        if any(info.taken_at.date() == today for info in self.list()):
            return None
        return self.take("daily")

    def restore(self, backup: Path) -> Path:
        """Replace the database with ``backup``; the current database is backed up first.

        The backup is checked before anything changes; the copy into place uses the backup API, so
        the database is replaced in one transaction and never left half-written.
        """
        check_ficdesk_database(backup)
        safety = self.take("before-restore") if self.database_path.exists() else None
        with tempfile.TemporaryDirectory() as scratch:
            staged = Path(scratch) / "staged.sqlite3"
            shutil.copyfile(backup, staged)
            copy_database(staged, self.database_path)
        return safety or backup


def backup_before_upgrade(database_path: Path | None, folder: Path, current: str | None, head: str) -> Path | None:
    """Called before migrating an SQLite database from an older schema: keep a copy of it first."""
    if database_path is None or not database_path.exists():
        return None
    return BackupManager(database_path, folder).take(f"before-upgrade-{current}-to-{head}")
