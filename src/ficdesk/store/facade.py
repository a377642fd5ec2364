"""``Store``: one object that gives the UI and CLI every service over one open database."""

from __future__ import annotations

import importlib
import threading
from typing import TYPE_CHECKING, Any, Generic, TypeVar, overload

from ficdesk.paths import backup_dir, resolve_database_url
from ficdesk.store.backup import BackupManager, backup_before_upgrade, remove_leftovers
from ficdesk.store.database import BeforeMigrate, Database, open_database

if TYPE_CHECKING:
    from ficdesk.store.services.canon import CanonService
    from ficdesk.store.services.chapters import ChapterService
    from ficdesk.store.services.dictionary import DictionaryService
    from ficdesk.store.services.imports import ImportService
    from ficdesk.store.services.overview import OverviewService
    from ficdesk.store.services.projects import ProjectService
    from ficdesk.store.services.snapshots import SnapshotService
    from ficdesk.store.services.stories import StoryService
    from ficdesk.store.services.templates import TemplateService

ServiceT = TypeVar("ServiceT")


class _Service(Generic[ServiceT]):
    """A service of the :class:`Store`, imported and built on first use (once per store, under its lock).

    A command imports only the services it calls: ``ficdesk project list`` needs neither the canon's
    nor the checker's modules, which the other services load.
    """

    def __init__(self, module: str, name: str) -> None:
        self.module = module
        self.name = name
        self.attribute = ""

    def __set_name__(self, owner: type, attribute: str) -> None:
        self.attribute = attribute

    @overload
    def __get__(self, store: None, owner: type) -> _Service[ServiceT]: ...
    @overload
    def __get__(self, store: Store, owner: type) -> ServiceT: ...

    def __get__(self, store: Store | None, owner: type) -> Any:
        if store is None:
            return self
        with store._services_lock:
            service = store.__dict__.get(self.attribute)
            if service is None:
                service = getattr(importlib.import_module(self.module), self.name)(store.db)
                store.__dict__[self.attribute] = service  # from now on a plain attribute
        return service


class Store:
    """Every service over one database. Thread-safe: each call uses its own session."""

    projects: _Service[ProjectService] = _Service("ficdesk.store.services.projects", "ProjectService")
    stories: _Service[StoryService] = _Service("ficdesk.store.services.stories", "StoryService")
    chapters: _Service[ChapterService] = _Service("ficdesk.store.services.chapters", "ChapterService")
    snapshots: _Service[SnapshotService] = _Service("ficdesk.store.services.snapshots", "SnapshotService")
    templates: _Service[TemplateService] = _Service("ficdesk.store.services.templates", "TemplateService")
    dictionary: _Service[DictionaryService] = _Service("ficdesk.store.services.dictionary", "DictionaryService")
    canon: _Service[CanonService] = _Service("ficdesk.store.services.canon", "CanonService")
    imports: _Service[ImportService] = _Service("ficdesk.store.services.imports", "ImportService")
    overview: _Service[OverviewService] = _Service("ficdesk.store.services.overview", "OverviewService")

    def __init__(self, database: Database) -> None:
        self.db = database
        self._services_lock = threading.Lock()

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
