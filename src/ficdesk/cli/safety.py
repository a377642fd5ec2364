"""``ficdesk backup``, ``ficdesk restore`` and ``ficdesk snapshot``: the data-safety commands."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ficdesk import paths
from ficdesk.cli.common import add_project_option, opened_store, pick_project
from ficdesk.errors import FicDeskError, NotFoundError, StoreError
from ficdesk.store.instance_lock import InstanceLock

if TYPE_CHECKING:
    from ficdesk.store import Store
    from ficdesk.store.backup import BackupManager
    from ficdesk.store.models import Chapter


def register(subparsers: Any) -> None:
    backup = subparsers.add_parser("backup", help="back up the SQLite database now (or list backups)")
    backup.add_argument("--list", action="store_true", help="list the backups instead of taking one")
    backup.set_defaults(func=run_backup)

    restore = subparsers.add_parser("restore", help="replace the SQLite database with a backup")
    restore.add_argument("path", help="a backup file made by 'ficdesk backup'")
    restore.set_defaults(func=run_restore)

    snapshot = subparsers.add_parser("snapshot", help="take, list, compare or restore chapter snapshots")
    actions = snapshot.add_subparsers(dest="action", required=True, metavar="ACTION")
    for name, helptext in (("take", "snapshot a chapter now"), ("list", "list a chapter's snapshots")):
        sub = actions.add_parser(name, help=helptext)
        _chapter_options(sub)
        if name == "take":
            sub.add_argument("--reason", default="manual", help="why (shown in the list)")
    for name, helptext in (("diff", "compare a snapshot with the current text"),
                           ("restore", "put a snapshot's text back (the current text is kept)")):
        sub = actions.add_parser(name, help=helptext)
        sub.add_argument("snapshot_id", type=int)
    snapshot.set_defaults(func=run_snapshot)


def _chapter_options(parser: argparse.ArgumentParser) -> None:
    add_project_option(parser)
    parser.add_argument("story", help="story title or id")
    parser.add_argument("chapter", type=int, help="chapter number (1 = first)")


def _manager(args: argparse.Namespace) -> BackupManager:
    from ficdesk.store.backup import BackupManager
    from ficdesk.store.database import normalise_url

    url = normalise_url(paths.resolve_database_url(args.database))
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        raise FicDeskError("backups are for the embedded SQLite database; back up PostgreSQL with pg_dump")
    return BackupManager(Path(url.database), paths.backup_dir())


def run_backup(args: argparse.Namespace) -> int:
    from ficdesk.store.backup import check_ficdesk_database

    manager = _manager(args)
    if args.list:
        for info in manager.list():
            print(f"{info.path}\t{info.taken_at:%Y-%m-%d %H:%M:%S}\t{info.reason}\t{info.size} bytes")
        return 0
    if not manager.database_path.exists():
        raise StoreError(f"there is no database at {manager.database_path} yet")
    check_ficdesk_database(manager.database_path)
    print(manager.take("manual"))
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from ficdesk.store.backup import check_ficdesk_database

    manager = _manager(args)
    lock = InstanceLock(manager.database_path)
    if manager.database_path.exists() and not lock.acquire():
        raise StoreError(f"FicDesk is running on this database ({lock.holder()}); close it before restoring")
    try:
        revision = check_ficdesk_database(Path(args.path))
        result = manager.restore(Path(args.path))
    finally:
        lock.release()
    if result.damaged:
        kept = f"the damaged database was moved aside, unchanged, to {result.kept}"
    elif result.kept is not None:
        kept = f"the previous database was kept as {result.kept}"
    else:
        kept = "there was no database before"
    print(f"restored {args.path} (schema {revision}); {kept}")
    return 0


def _chapter(store: Store, args: argparse.Namespace) -> Chapter:
    project = pick_project(store, args.project)
    story = store.stories.find(project.id, args.story)
    chapters = store.chapters.list(story.id)
    if not 1 <= args.chapter <= len(chapters):
        raise NotFoundError(f"'{story.title}' has {len(chapters)} chapter(s); there is no chapter {args.chapter}")
    chapter: Chapter = chapters[int(args.chapter) - 1]
    return chapter


def run_snapshot(args: argparse.Namespace) -> int:
    with opened_store(args, write=args.action in {"take", "restore"}) as store:
        if args.action == "take":
            snap = store.snapshots.take(_chapter(store, args).id, args.reason)
            print(f"snapshot {snap.id} taken ({snap.word_count} words)")
        elif args.action == "list":
            for snap in store.snapshots.list(_chapter(store, args).id):
                print(f"{snap.id}\t{snap.created_at:%Y-%m-%d %H:%M:%S}\t{snap.word_count} words\t{snap.reason}")
        elif args.action == "diff":
            print(store.snapshots.diff(args.snapshot_id) or "(no difference)")
        else:
            chapter = store.snapshots.restore(args.snapshot_id)
            print(f"restored snapshot {args.snapshot_id} into chapter '{chapter.title}'")
    return 0
