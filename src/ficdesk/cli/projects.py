"""``ficdesk project list|new``: the projects in the database."""

from __future__ import annotations

import argparse
from typing import Any

from ficdesk.cli.common import opened_store, plural


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("project", help="list projects or create one")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    actions.add_parser("list", help="list the projects").set_defaults(func=run_list)
    new = actions.add_parser("new", help="create a project (with FicDesk's default templates)")
    new.add_argument("name", metavar="NAME")
    new.set_defaults(func=run_new)


def run_list(args: argparse.Namespace) -> int:
    with opened_store(args, write=False) as store:
        for project in store.overview.projects():
            print(f"{project.id:>4}  {project.name} ({plural(project.stories, 'story', 'stories')})")
    return 0


def run_new(args: argparse.Namespace) -> int:
    with opened_store(args) as store:
        project = store.projects.create(args.name)
    print(f"created project '{project.name}' (id {project.id})")
    return 0
