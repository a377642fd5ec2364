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
        projects = store.overview.projects()
        print(f"FicDesk {__version__}")
        print(f"data folder:    {paths.data_dir()}")
        print(f"database:       {store.db.display_url}")
        print(f"schema version: {store.db.revision} (this FicDesk writes {head_revision()})")
        print(f"projects:       {len(projects)}")
        for project in projects:
            print(f"  - {project.name} ({plural(project.stories, 'story', 'stories')})")
    return 0
