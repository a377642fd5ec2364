"""``ficdesk import``: read a draft (.txt, .md, .html, .docx) into a project, or preview it."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from ficdesk.cli.common import add_project_option, opened_store, pick_project, print_json
from ficdesk.errors import InputError, NotFoundError
from ficdesk.text.counting import count_words

if TYPE_CHECKING:
    from ficdesk.formats import ImportedStory
    from ficdesk.store import Store
    from ficdesk.store.models import Project


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("import", help="import a story from .txt, .md, .html (AO3 download) or .docx")
    parser.add_argument("path", metavar="PATH", help="the file to import")
    add_project_option(parser)
    parser.add_argument("--create", action="store_true", help="create the --project first when it does not exist")
    parser.add_argument("--dry-run", action="store_true", help="only show what would be imported; store nothing")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ficdesk.formats import import_file, save_import

    imported = import_file(args.path)
    if args.dry_run:
        if args.format == "json":
            print_json(imported.to_json())
        else:
            print(describe(imported))
        return 0
    with opened_store(args) as store:
        project = _target_project(store, args.project, create=args.create)
        story_id = save_import(store, project.id, imported)
        story = store.stories.get(story_id)
    if args.format == "json":
        print_json({"story_id": story_id, "project": project.name, **imported.to_json(), "title": story.title})
    else:
        print(f"imported '{story.title}' into project '{project.name}' (story {story_id}, "
              f"{len(imported.chapters)} chapter(s), {sum(count_words(c.text) for c in imported.chapters):,} words)")
        if imported.dropped:
            print(f"dropped {len(imported.dropped)} line(s) of web-page boilerplate; see --dry-run for the list")
    return 0


def _target_project(store: Store, name: str | None, *, create: bool) -> Project:
    """The project to import into; a missing ``--project`` is created with ``--create``, else explained."""
    if name:
        try:
            return store.projects.find(name)
        except NotFoundError:
            if create:
                return store.projects.create(name)
            raise NotFoundError(f"no project called '{name}'; create it with 'ficdesk project new \"{name}\"' "
                                "or add --create") from None
    if create:
        raise InputError("--create needs --project NAME")
    return pick_project(store, None)


def describe(imported: ImportedStory) -> str:
    """A readable preview of an import."""
    rows = [
        ("title", imported.title), ("author", imported.author), ("fandom", ", ".join(imported.fandoms)),
        ("relationships", ", ".join(imported.relationships)), ("characters", ", ".join(imported.characters)),
        ("rating", imported.rating), ("warnings", ", ".join(imported.warnings)), ("summary", imported.summary),
        ("disclaimer", imported.disclaimer), ("author's note", imported.start_note),
        ("end note", imported.end_note),
        ("word count", None if imported.word_count is None else f"{imported.word_count:,}"),
        *imported.extra.items(), ("encoding", imported.encoding), ("format", imported.source_format),
    ]
    lines = [f"{label + ':':15} {value}" for label, value in rows if value]
    lines.append(f"chapters:       {len(imported.chapters)}")
    for number, chapter in enumerate(imported.chapters, start=1):
        title = f" {chapter.title}" if chapter.title else ""
        lines.append(f"  {number:>3}.{title} ({count_words(chapter.text):,} words)")
    if imported.dropped:
        lines.append(f"dropped:        {len(imported.dropped)} line(s)")
        lines.extend(f"  - {line[:100]}" for line in imported.dropped)
    return "\n".join(lines)
