"""``ficdesk info``: where the data lives and which schema it has."""

from __future__ import annotations

import argparse
from typing import Any

from ficdesk import __version__, paths
from ficdesk.cli.common import opened_store, plural


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("info", help="show the data folder, database URL and schema version")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ficdesk.store.database import head_revision

    with opened_store(args, write=False) as store:
        counts = [(p.name, len(store.stories.list(p.id))) for p in store.projects.list()]
        print(f"FicDesk {__version__}")
        print(f"data folder:    {paths.data_dir()}")
        print(f"database:       {store.db.display_url}")
        print(f"schema version: {store.db.revision} (this FicDesk writes {head_revision()})")
        print(f"projects:       {len(counts)}")
        for name, stories in counts:
            print(f"  - {name} ({plural(stories, 'story', 'stories')})")
    return 0
