"""Backups of the embedded SQLite database with SQLite's online backup API, and restores.

The backup API copies a consistent snapshot page by page while FicDesk keeps running, so a backup
never catches half a transaction, and it reads through the source's ``-wal`` (a plain file copy would
drop the commits still waiting there). Each database has its own backup folder and its own rotation:
the newest ``keep`` files are kept. Half-written files (``*.partial``, ``*.partial-journal``, a
restore's ``.NAME.restore-PID.tmp``) carry the writer's process id and are removed when that process
is gone: on the next backup, restore or start.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import sqlite3
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ficdesk.errors import StoreError
from ficdesk.store.sqlite_file import check_ficdesk_schema, inspect_sqlite_file, read_only

BACKUP_SUFFIX = ".sqlite3"
DEFAULT_KEEP = 10
#: Companions SQLite keeps beside a database file.
SIDECARS = ("-wal", "-shm", "-journal")
_PARTIAL = re.compile(r"\.(\d+)\.partial(-journal|-wal|-shm)?$")
#: On systems where a process id cannot be probed, leftovers older than this are removed.
_LEFTOVER_AGE_S = 3600


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime
    reason: str
    size: int


@dataclass(frozen=True)
class RestoreResult:
    """What :meth:`BackupManager.restore` did with the database it replaced."""

    #: A backup of the replaced database, or the damaged file moved aside; None if there was none.
    kept: Path | None
    #: The replaced database was damaged and moved aside byte for byte (not copied through SQLite).
    damaged: bool = False


@contextlib.contextmanager
def _writable(path: Path) -> Iterator[sqlite3.Connection]:
    try:
        connection = sqlite3.connect(path, timeout=10)
    except sqlite3.Error as error:
        raise StoreError(f"cannot create {path}: {error}") from error
    try:
        yield connection
    finally:
        connection.close()


def _remove_with_sidecars(path: Path) -> None:
    for candidate in (path, *(Path(f"{path}{suffix}") for suffix in SIDECARS)):
        candidate.unlink(missing_ok=True)


def _fsync(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def copy_database(source: Path, target: Path) -> None:
    """Copy a live SQLite database consistently (online backup API) into a new file ``target``.

    The copy is a self-contained rollback-journal file (no ``-wal`` of its own), flushed to disk. On
    any failure (a full disk, a damaged source) nothing is left at ``target``.
    """
    _remove_with_sidecars(target)
    try:
        with read_only(source) as src, _writable(target) as dst:
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode = DELETE")
            except sqlite3.Error as error:
                raise StoreError(f"copying {source} failed: {error}") from error
        _fsync(target)
    except BaseException:
        _remove_with_sidecars(target)
        raise


def check_ficdesk_database(path: Path) -> str:
    """The schema revision of a FicDesk database file this FicDesk can open, or StoreError saying why not.

    Read-only and complete: not SQLite, damaged (``quick_check``), another program's, or written by a
    newer FicDesk (:class:`~ficdesk.errors.SchemaTooNewError`) are all refused.
    """
    from ficdesk.store.database import is_known_revision

    if not path.is_file():
        raise StoreError(f"{path} does not exist or is not a file")
    found = inspect_sqlite_file(path, check_integrity=True)
    if found.is_blank:
        raise StoreError(f"{path} is not a FicDesk database (it holds no tables)")
    check_ficdesk_schema(str(path), found.tables, found.revision, is_known_revision)
    assert found.revision is not None
    return found.revision


def backup_folder(root: Path, database_path: Path) -> Path:
    """The folder under ``root`` that holds the backups of ``database_path`` (one per database file)."""
    resolved = database_path.expanduser().absolute().resolve()
    digest = hashlib.sha256(str(resolved).encode("utf-8", "surrogateescape")).hexdigest()[:10]
    stem = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in resolved.stem)[:40].strip("-")
    return root / f"{stem or 'database'}-{digest}"


def _process_gone(pid: int, path: Path) -> bool:
    if pid == os.getpid():
        return False
    if sys.platform == "win32":  # os.kill(pid, 0) would send CTRL_C there
        try:
            return time.time() - path.stat().st_mtime > _LEFTOVER_AGE_S
        except OSError:
            return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:  # alive, owned by someone else
        return False
    return False


def _restore_leftover(database_path: Path) -> re.Pattern[str]:
    return re.compile(rf"^\.{re.escape(database_path.name)}\.restore-(\d+)\.tmp(-journal|-wal|-shm)?$")


def remove_leftovers(database_path: Path, folder: Path) -> list[Path]:
    """Delete half-written backups and restores of ``database_path`` whose writing process is gone."""
    removed: list[Path] = []
    for where, pattern in ((folder, _PARTIAL), (database_path.parent, _restore_leftover(database_path))):
        try:
            names = os.listdir(where)
        except OSError:
            continue
        for name in names:
            match = pattern.search(name)
            if match and _process_gone(int(match.group(1)), where / name):
                with contextlib.suppress(OSError):
                    (where / name).unlink()
                    removed.append(where / name)
    return removed


class BackupManager:
    """Rotating backups of one SQLite database file, in that database's own folder under ``root``."""

    def __init__(self, database_path: Path, root: Path, *, keep: int = DEFAULT_KEEP) -> None:
        self.database_path = database_path
        self.folder = backup_folder(root, database_path)
        self.keep = keep

    def take(self, reason: str = "manual", *, protect: Iterable[Path] = ()) -> Path:
        """Back the database up now; returns the new file. Rotation never deletes a ``protect``ed file."""
        remove_leftovers(self.database_path, self.folder)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        slug = "".join(ch if ch.isalnum() else "-" for ch in reason.lower()).strip("-") or "manual"
        target = self.folder / f"ficdesk-{stamp}-{slug}{BACKUP_SUFFIX}"
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(f"cannot create the backup folder {self.folder}: {error.strerror}") from error
        partial = self.folder / f"{target.name}.{os.getpid()}.partial"
        copy_database(self.database_path, partial)
        try:
            partial.replace(target)
        except OSError as error:
            _remove_with_sidecars(partial)
            raise StoreError(f"cannot finish the backup {target}: {error.strerror}") from error
        _fsync(self.folder)
        self.rotate(protect=protect)
        return target

    def list(self) -> list[BackupInfo]:
        """The backups of this manager's database, newest first."""
        if not self.folder.is_dir():
            return []
        infos = []
        for path in self.folder.glob(f"ficdesk-*{BACKUP_SUFFIX}"):
            parts = path.stem.split("-", 4)
            try:
                taken = datetime.strptime(f"{parts[1]}-{parts[2]}-{parts[3]}", "%Y%m%d-%H%M%S-%f")
                size = path.stat().st_size
            except (IndexError, ValueError, OSError):
                continue
            infos.append(BackupInfo(path, taken, parts[4] if len(parts) > 4 else "", size))
        return sorted(infos, key=lambda info: info.taken_at, reverse=True)

    def rotate(self, *, protect: Iterable[Path] = ()) -> None:
        kept = {path.absolute().resolve() for path in protect}
        for info in self.list()[self.keep:]:
            if info.path.absolute().resolve() not in kept:
                _remove_with_sidecars(info.path)

    def daily(self) -> Path | None:
        """Take today's backup unless one exists already."""
        remove_leftovers(self.database_path, self.folder)
        today = datetime.now().date()
        if any(info.taken_at.date() == today for info in self.list()):
            return None
        return self.take("daily")

    def restore(self, backup: Path) -> RestoreResult:
        """Replace the database with ``backup``; the current database is kept first.

        Nothing changes unless ``backup`` is a sound FicDesk database this FicDesk can open. It is
        copied with the backup API (so commits still in its ``-wal`` come along) into a file beside the
        database; the current database is then backed up (or, when it is damaged, moved aside byte for
        byte), and the copy is renamed into place. The caller holds the instance lock.
        """
        check_ficdesk_database(backup)
        remove_leftovers(self.database_path, self.folder)
        db = self.database_path
        staged = db.parent / f".{db.name}.restore-{os.getpid()}.tmp"
        try:
            db.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(f"cannot create the folder {db.parent}: {error.strerror}") from error
        copy_database(backup, staged)
        try:
            result = self._keep_current(protect=backup)
            for suffix in SIDECARS:  # the current database's journal belongs to the file being replaced
                Path(f"{db}{suffix}").unlink(missing_ok=True)
            staged.replace(db)
        except BaseException:
            _remove_with_sidecars(staged)
            raise
        _fsync(db.parent)
        return result

    def _keep_current(self, *, protect: Path) -> RestoreResult:
        db = self.database_path
        if not db.exists():
            return RestoreResult(kept=None)
        try:
            found = inspect_sqlite_file(db, check_integrity=True)
        except StoreError:
            return RestoreResult(kept=self._move_aside(), damaged=True)
        if not found.is_blank and not {"project", "story", "chapter"}.issubset(found.tables):
            raise StoreError(f"{db} is another program's database; FicDesk will not replace it")
        try:
            return RestoreResult(kept=self.take("before-restore", protect=[protect]))
        except StoreError:
            # Readable enough for quick_check but not for a full copy: keep its bytes instead.
            return RestoreResult(kept=self._move_aside(), damaged=True)

    def _move_aside(self) -> Path:
        """Rename the damaged database and its journal files next to it, keeping every byte."""
        db = self.database_path
        aside = db.with_name(f"{db.name}.damaged-{datetime.now():%Y%m%d-%H%M%S}")
        try:
            for suffix in ("", *SIDECARS):
                current = Path(f"{db}{suffix}")
                if current.exists():
                    current.replace(f"{aside}{suffix}")
        except OSError as error:
            raise StoreError(f"cannot move the damaged database aside: {error.strerror}") from error
        return aside


def backup_before_upgrade(database_path: Path | None, root: Path, current: str | None, head: str) -> Path | None:
    """Called before migrating an SQLite database from an older schema: keep a copy of it first."""
    if database_path is None or not database_path.exists():
        return None
    return BackupManager(database_path, root).take(f"before-upgrade-{current}-to-{head}")
