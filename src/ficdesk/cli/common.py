"""Helpers shared by the sub-commands."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from ficdesk import paths
from ficdesk.errors import FicDeskError, NotFoundError
from ficdesk.text.controls import for_terminal

if TYPE_CHECKING:
    from ficdesk.store import Store
    from ficdesk.store.models import Project, Story


@contextmanager
def opened_store(args: argparse.Namespace, *, write: bool = True) -> Iterator[Store]:
    """The store named by ``--database`` (or the default), migrated if needed and closed afterwards.

    ``write=False`` is for commands that only read: they never create a folder or a database. A
    command that writes refuses an in-memory SQLite URL, which would keep nothing.
    """
    from ficdesk.store import open_store  # here: building the parser must not load SQLAlchemy

    if write:
        refuse_in_memory(args.database)
    store = open_store(args.database, create=write)
    try:
        yield store
    finally:
        store.close()


def refuse_in_memory(raw_url: str | None) -> None:
    """One clear line instead of "created …" for a write into ``sqlite://``, which keeps nothing."""
    from ficdesk.store.database import normalise_url

    url = normalise_url(paths.resolve_database_url(raw_url))
    if url.get_backend_name() == "sqlite" and (not url.database or url.database == ":memory:"):
        raise FicDeskError(
            "an in-memory database (sqlite://) keeps nothing after the command ends; "
            "give a file (sqlite:///PATH) or a server URL"
        )


def add_project_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--project", metavar="NAME", help="project name (default: the only or first project)")


def pick_project(store: Store, name: str | None) -> Project:
    """The project named ``name``, or the first project when no name is given."""
    if name:
        return store.projects.find(name)
    projects = store.projects.list()
    if not projects:
        raise NotFoundError("there is no project yet; create one with 'ficdesk project new NAME'")
    return projects[0]


def say(text: str) -> None:
    """Print one message for the user; titles and names in it cannot drive the terminal (ESC, bidi)."""
    print(for_terminal(text))


def standard_output() -> Any:
    """``sys.stdout``, or one clear error when the command was started with standard output closed."""
    if sys.stdout is None:
        raise FicDeskError("standard output is closed; write to a file with -o PATH")
    return sys.stdout


def plural(count: int, word: str, many: str | None = None) -> str:
    """``1 story``, ``2 stories``, ``0 chapters``."""
    return f"{count:,} {word if count == 1 else (many or word + 's')}"


def pick_story(store: Store, project_name: str | None, title: str) -> tuple[Project, Story]:
    """The story ``title`` (or id) in ``--project``, or in whichever project has it when the title is unique."""
    if project_name:
        project = store.projects.find(project_name)
        return project, store.stories.find(project.id, title)
    wanted = title.strip().casefold()
    found = [(project, story) for project in store.projects.list() for story in store.stories.list(project.id)
             if story.title.casefold() == wanted or str(story.id) == wanted]
    if not found:
        if not store.projects.list():
            raise NotFoundError("there is no project yet; create one with 'ficdesk project new NAME'")
        raise NotFoundError(f"no story called '{title}' in any project (see 'ficdesk info')")
    if len(found) > 1:
        names = ", ".join(f"'{project.name}'" for project, _story in found)
        raise NotFoundError(f"'{title}' is in more than one project ({names}); choose one with --project")
    return found[0]


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
