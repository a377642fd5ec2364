"""``ficdesk export``: write a story as plain text, Markdown or AO3-ready HTML."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from ficdesk.cli.common import opened_store, pick_story
from ficdesk.errors import FicDeskError
from ficdesk.formats import FORMATS, ExportOptions, export_story


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("export", help="export a story as .txt, .md or AO3-ready .html")
    parser.add_argument("story", metavar="STORY", help="story title or id")
    parser.add_argument("--project", metavar="NAME",
                        help="project of the story (needed only when two projects have a story of that title)")
    parser.add_argument("--format", choices=FORMATS, default="txt", help="output format (default: txt)")
    parser.add_argument("-o", "--output", metavar="PATH", help="file to write ('-' or nothing: standard output)")
    parser.add_argument("--no-metadata", action="store_true", help="leave out the header block and disclaimer")
    parser.add_argument("--no-notes", action="store_true", help="leave out author's notes")
    parser.add_argument("--wrap", type=int, metavar="WIDTH", help="wrap plain-text paragraphs at WIDTH characters")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    options = ExportOptions(include_metadata=not args.no_metadata, include_notes=not args.no_notes, wrap=args.wrap)
    with opened_store(args) as store:
        _project, story = pick_story(store, args.project, args.story)
        text = export_story(store, story.id, args.format, options)
    if not args.output or args.output == "-":
        sys.stdout.write(text)
        return 0
    write_atomically(Path(args.output), text)
    print(f"exported '{story.title}' to {args.output}")
    return 0


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` as UTF-8 through a temporary file, so a failed export never leaves half a file."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise FicDeskError(f"cannot write '{path}': the folder {folder} does not exist")
    try:
        handle, temp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        os.replace(temp, path)
    except OSError as error:
        raise FicDeskError(f"cannot write '{path}': {error.strerror or error}") from error
