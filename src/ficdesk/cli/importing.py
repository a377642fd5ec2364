"""``ficdesk import``: read a draft (.txt, .md, .html, .docx, .epub) into a project, or preview it."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from ficdesk.cli.common import add_project_option, opened_store, pick_project, print_json, say
from ficdesk.errors import InputError, NotFoundError
from ficdesk.text.counting import count_words

if TYPE_CHECKING:
    from ficdesk.formats import ImportedStory
    from ficdesk.store import Store
    from ficdesk.store.models import Project


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("import", help="import a story from .txt, .md, .html, .docx or .epub")
    parser.add_argument("path", metavar="PATH", help="the file to import")
    add_project_option(parser)
    parser.add_argument("--create", action="store_true", help="create the --project first when it does not exist")
    parser.add_argument("--dry-run", action="store_true", help="only show what would be imported; store nothing")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    parser.add_argument("--encoding", metavar="NAME", help="the file's text encoding (default: detected)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ficdesk.formats import import_file, save_import

    imported = import_file(args.path, encoding=args.encoding)
    note = encoding_note(imported)
    if note and (args.format == "json" or not args.dry_run):
        print(f"ficdesk: note: {note}", file=sys.stderr)
    if args.dry_run:
        if args.format == "json":
            print_json(imported.to_json())
        else:
            say(describe(imported))
        return 0
    with opened_store(args) as store:
        project = _target_project(store, args.project, create=args.create)
        story_id = save_import(store, project.id, imported)
        story = store.stories.get(story_id)
    if args.format == "json":
        print_json({"story_id": story_id, "project": project.name, **imported.to_json(), "title": story.title})
    else:
        say(f"imported '{story.title}' into project '{project.name}' (story {story_id}, "
              f"{len(imported.chapters)} chapter(s), {sum(count_words(c.text) for c in imported.chapters):,} words)")
        if imported.dropped:
            print(f"dropped {len(imported.dropped)} line(s) of web-page boilerplate; see --dry-run for the list")
    return 0


def encoding_note(imported: ImportedStory) -> str | None:
    """One sentence when the text encoding was guessed, naming the guess and ``--encoding``."""
    if not imported.encoding_guessed:
        return None
    return (f"the text encoding of '{imported.source_name}' was guessed as {imported.encoding}; if letters look "
            "wrong, import it again with --encoding NAME (for example --encoding cp1252)")


#: Preview rows: (label, ``ImportedStory.to_json`` key for the source line).
_ROWS = (("title", "title"), ("author", "author"), ("fandom", "fandom"), ("relationships", "relationships"),
         ("characters", "characters"), ("rating", "rating"), ("warnings", "warnings"), ("summary", "summary"),
         ("disclaimer", "disclaimer"), ("author's note", "authors_note"), ("word count", "word_count"))


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
    """A readable preview of an import: each field with the line it was read from, and what was dropped."""
    document = imported.to_json()
    values = {
        "title": imported.title, "author": imported.author, "fandom": ", ".join(imported.fandoms),
        "relationships": ", ".join(imported.relationships), "characters": ", ".join(imported.characters),
        "rating": imported.rating if not imported.ao3_rating or imported.ao3_rating == imported.rating
        else f"{imported.rating} (AO3: {imported.ao3_rating})",
        "warnings": document["warnings"], "summary": imported.summary, "disclaimer": imported.disclaimer,
        "authors_note": imported.start_note, "word_count": None if imported.word_count is None
        else f"{imported.word_count:,}",
    }
    lines: list[str] = []
    for label, key in _ROWS:
        value = values[key]
        if not value:
            continue
        lines.append(f"{label + ':':15} {_one_line(str(value))}")
        source = imported.sources.get(key)
        if source:
            lines.append(f"{'':15}   from: {_one_line(source)}")
    if imported.end_note:
        lines.append(f"{'end note:':15} {_one_line(imported.end_note)}")
    lines.extend(f"{label + ':':15} {_one_line(value)}" for label, value in imported.extra.items())
    guess = " (guessed: pass --encoding NAME if letters look wrong)" if imported.encoding_guessed else ""
    lines.append(f"{'encoding:':15} {imported.encoding}{guess}")
    lines.append(f"{'format:':15} {imported.source_format}")
    lines.append(f"chapters:       {len(imported.chapters)}")
    for number, chapter in enumerate(imported.chapters, start=1):
        title = f" {chapter.title}" if chapter.title else ""
        lines.append(f"  {number:>3}.{title} ({count_words(chapter.text):,} words)")
    if imported.dropped:
        lines.append(f"dropped as page chrome or repeats: {len(imported.dropped)} line(s)")
        lines.extend(f"  - {_one_line(line)}" for line in imported.dropped)
    return "\n".join(lines)


def _one_line(text: str, width: int = 100) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
