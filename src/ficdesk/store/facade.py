"""``Store``: one object that gives the UI and CLI every service over one open database."""

from __future__ import annotations

from ficdesk.paths import backup_dir, resolve_database_url
from ficdesk.store.backup import BackupManager, backup_before_upgrade, remove_leftovers
from ficdesk.store.database import BeforeMigrate, Database, open_database
from ficdesk.store.services.canon import CanonService
from ficdesk.store.services.chapters import ChapterService
from ficdesk.store.services.dictionary import DictionaryService
from ficdesk.store.services.imports import ImportService
from ficdesk.store.services.projects import ProjectService
from ficdesk.store.services.snapshots import SnapshotService
from ficdesk.store.services.stories import StoryService
from ficdesk.store.services.templates import TemplateService


class Store:
    """Every service over one database. Thread-safe: each call uses its own session."""

    def __init__(self, database: Database) -> None:
        self.db = database
        self.projects = ProjectService(database)
        self.stories = StoryService(database)
        self.chapters = ChapterService(database)
        self.snapshots = SnapshotService(database)
        self.templates = TemplateService(database)
        self.dictionary = DictionaryService(database)
        self.canon = CanonService(database)
        self.imports = ImportService(database)

    def close(self) -> None:
        self.db.close()


def _backup_before_upgrade(database: Database, current: str | None, head: str) -> None:
    backup_before_upgrade(database.sqlite_path, backup_dir(), current, head)


def open_store(url: str | None = None, *, create: bool = True,
               before_migrate: BeforeMigrate | None = _backup_before_upgrade) -> Store:
    """Open the store at ``url`` (default: ``--database``/env/SQLite in the data folder).

    An SQLite database from an older FicDesk is backed up to the backup folder before it is migrated;
    half-written backups or restores that a killed process left behind are removed. ``create=False``
    (commands that only read) refuses a database that does not exist instead of creating it.
    """
    database = open_database(resolve_database_url(url), create=create, before_migrate=before_migrate)
    path = database.sqlite_path
    if path is not None:
        remove_leftovers(path, BackupManager(path, backup_dir()).folder)
    return Store(database)
